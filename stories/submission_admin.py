"""Sent-in stories in Wagtail's admin: read and delete only (a submission is evidence of what
was sent), how their fields read there, and their files as they were sent, for editors only."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaks_filter, yesno
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .inbox import silent_warning
from .models import StorySubmission, SubmissionFile
from .private_files import content_type


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds, edits or copies a submission in the admin, superusers included: editors read
    it, build on the draft story made from it, and delete it on request."""

    READ_ONLY = {"add", "change"}

    def user_has_permission(self, user, action):
        return action not in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


submission_policy = SubmissionPermissionPolicy(StorySubmission)
register_permission_policy(StorySubmission, submission_policy)


def submission_file(request, pk: int):
    """A file as it was sent in, from the private storage, for editors who may see submissions.

    Only images, video and audio are shown in the browser; anything else is a download, and
    browsers are told not to guess a type (nosniff).
    """
    if not submission_policy.user_has_any_permission(request.user, ["view", "delete"]):
        raise PermissionDenied
    upload = get_object_or_404(SubmissionFile, pk=pk)
    try:
        stored = upload.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = content_type(upload.file.name)
    inline = kind.split("/")[0] in ("image", "audio", "video")
    response = FileResponse(
        stored,
        content_type=kind,
        as_attachment=not inline,
        filename=f"{upload.kind}-{upload.pk}.{upload.file.name.rsplit('.', 1)[-1]}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# How a submission's fields read in the admin (index and inspect views).


def yes_no(value: bool) -> str:
    return yesno(value, _("yes,no"))


def page_title(page) -> str:
    return page.title if page else "—"


def draft_story(submission: StorySubmission) -> str:
    if submission.story_page_id is None:
        return "—"
    return format_html(
        '<a href="{}">{}</a>',
        reverse("wagtailadmin_pages:edit", args=[submission.story_page_id]),
        _("Open the story in the editor"),
    )


def submitted_files(submission: StorySubmission) -> str:
    files = submission.files.all()
    if not files:
        return "—"
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((reverse("story_submission_file", args=[f.pk]), f.get_kind_display()) for f in files),
    )


class SubmissionInspectView(InspectView):
    # Fields that are not model fields, with their labels.
    EXTRA_LABELS = {
        "draft_story": _("draft story"),
        "submitted_files": _("files as they were sent (photos without metadata)"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.EXTRA_LABELS:
            return capfirst(self.EXTRA_LABELS[field_name])
        return super().get_field_label(field_name, field)

    # The inspect view calls get_<field>_display_value for each field it finds one for.
    def get_created_at_display_value(self) -> str:
        # In the site's time zone, as the list shows it (Wagtail's inspect view printed UTC).
        return date_format(localtime(self.object.created_at), "DATETIME_FORMAT")

    def get_consent_publish_display_value(self) -> str:
        return yes_no(self.object.consent_publish)

    def get_consent_contact_display_value(self) -> str:
        return yes_no(self.object.consent_contact)

    def get_editors_notified_display_value(self) -> str:
        return yes_no(self.object.editors_notified)

    def get_text_display_value(self) -> str:
        return linebreaks_filter(self.object.text, autoescape=True)

    def get_country_display_value(self) -> str:
        return page_title(self.object.country)

    def get_centre_display_value(self) -> str:
        return page_title(self.object.centre)

    def get_draft_story_display_value(self) -> str:
        return draft_story(self.object)

    def get_submitted_files_display_value(self) -> str:
        return submitted_files(self.object)


class SubmissionColumn(Column):
    """A column whose value comes from a function of the submission (links are HTML)."""

    def __init__(self, name, label, function, **kwargs):
        super().__init__(name, label=capfirst(label), **kwargs)
        self.function = function

    def get_value(self, instance):
        return self.function(instance)


class SubmissionDeleteView(DeleteView):
    @property
    def confirmation_message(self):
        """Say exactly what goes, so an editor acting on a deletion request knows what remains."""
        page = self.object.story_page
        if page is not None and (page.live or page.first_published_at is not None):
            return _(
                "This deletes the sender's e-mail address, consents and the files as she sent "
                "them. The published story “%(title)s” stays online: unpublish or delete it in "
                "the page tree if she asks for that too."
            ) % {"title": page.title}
        return _(
            "This deletes the sender's e-mail address, consents and files, and the draft story "
            "made from them with its photos and recordings. Nothing of it stays."
        )


class SubmissionIndexView(IndexView):
    def get(self, request, *args, **kwargs):
        # Said where editors look for new stories, and on every visit while it holds.
        warning = silent_warning()
        if warning and not request.headers.get("x-requested-with"):
            messages.warning(request, warning)
        return super().get(request, *args, **kwargs)


class StorySubmissionViewSet(ModelViewSet):
    model = StorySubmission
    icon = "mail"
    menu_label = _("Sent-in stories")
    menu_order = 210
    add_to_admin_menu = True
    name = "story_submissions"
    inspect_view_enabled = True
    copy_view_enabled = False
    delete_view_class = SubmissionDeleteView
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    # Required by ModelViewSet, but the permission policy never lets anyone add or edit.
    form_fields = ["title"]
    list_display = [
        "title",
        "public_name",
        SubmissionColumn(
            "country", _("country"), lambda s: page_title(s.country), sort_key="country"
        ),
        "language",
        "created_at",
        SubmissionColumn("status", _("status"), lambda s: s.status),
        SubmissionColumn("draft", _("draft story"), draft_story),
    ]
    list_filter = ["language", "editors_notified", "consent_contact"]
    search_fields = ["title", "public_name", "email"]
    inspect_view_fields = [
        "created_at",
        "title",
        "public_name",
        "email",
        "consent_publish",
        "consent_contact",
        "country",
        "centre",
        "language",
        "text",
        "photo_description",
        "editors_notified",
        "status",
        "draft_story",
        "submitted_files",
    ]

    def get_queryset(self, request):
        return StorySubmission.objects.select_related("country", "story_page")
