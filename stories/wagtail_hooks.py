"""The stories app in Wagtail's admin: story themes (a snippet translators translate) and the
stories the public sent in (read and delete only: a submission is evidence of what was sent);
and stories on the network's pages (a country's stories, a centre's stories: network.listings)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.listings import REGISTER_SECTION_LISTING, SectionListing

from .inbox import SubmissionsPanel, silent_warning
from .models import StoryPage, StorySubmission, SubmissionFile, Theme, prepare_story_cards
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


@hooks.register("register_admin_urls")
def register_submission_file_url():
    return [path("story-submissions/file/<int:pk>/", submission_file, name="story_submission_file")]


# Sent-in photos and recordings wait in the "Submissions" collection until an editor has reviewed
# them: the choosers never offer them, so nobody puts a stranger's unreviewed photo on a page by
# accident. The draft story made from a submission still shows them to its reviewer. To mark a
# file reviewed, move it to another collection (Images or Media > edit > Collection).


def hide_private_collections(queryset, request):
    from wagtail.models import Collection

    # By collection id: the search backend filters on collection_id, not on related names.
    private = Collection.objects.filter(name__in=settings.BRIDGES_PRIVATE_COLLECTIONS)
    return queryset.exclude(collection_id__in=list(private.values_list("pk", flat=True)))


hooks.register("construct_image_chooser_queryset", hide_private_collections)
hooks.register("construct_media_chooser_queryset", hide_private_collections)
hooks.register("construct_document_chooser_queryset", hide_private_collections)


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
    # Required by ModelViewSet, but the permission policy never lets anyone add or edit.
    form_fields = ["title"]
    list_display = [
        "title",
        "public_name",
        "country",
        "language",
        "created_at",
        SubmissionColumn("status", _("status"), lambda s: s.status),
        SubmissionColumn("draft", _("draft story"), lambda s: s.draft_story()),
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


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Story themes")
    list_display = ["name", "slug", "locale"]
    ordering = ["name"]


register_snippet(ThemeViewSet)


@hooks.register("register_admin_viewset")
def register_story_submissions():
    return StorySubmissionViewSet()


@hooks.register(REGISTER_SECTION_LISTING)
def register_story_listing() -> SectionListing:
    return SectionListing(
        name="stories",
        model=StoryPage,
        card_template="stories/includes/story_card.html",
        card_name="story",
        country_heading=_("Stories"),
        centre_heading=_("Stories from this centre"),
        prepare=prepare_story_cards,
        order=10,
    )


@hooks.register("construct_homepage_panels")
def add_submissions_panel(request, panels):
    """The editor's inbox: sent-in stories waiting in her sections (stories/inbox.py)."""
    if request.user.has_perm("stories.view_storysubmission"):
        panels.append(SubmissionsPanel(request))
