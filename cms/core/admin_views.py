"""Outgoing mail in the admin (Settings → Outgoing mail): what was sent, what is waiting and what
could not be sent, with "Send again". Recipients, subjects and texts are personal data: only
administrators see them; moderators see what kind of mail it was and why it failed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from cms import mail
from cms.core.models import OutgoingMail

PERSONAL_FIELDS = ["to", "cc", "bcc", "reply_to", "subject", "text", "html", "attachments"]


class OutgoingMailFilterSet(WagtailFilterSet):
    class Meta:
        model = OutgoingMail
        fields = ["status"]


class OutgoingMailIndexView(generic.IndexView):
    default_ordering = "-created_at"

    @cached_property
    def list_display(self):
        personal = ["to", "subject"] if self.request.user.is_superuser else []
        return [
            "__str__",
            *personal,
            "created_at",
            "status",
            "attempts",
            "next_attempt_at",
            "last_error",
        ]

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self.request.user.is_superuser else None

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if not instance.is_sent and self.request.user.has_perm("core.change_outgoingmail"):
            buttons.insert(
                0,
                ListingButton(
                    _("Send again"),
                    url=reverse("outgoing_mail:send_again", args=[instance.pk]),
                    icon_name="mail",
                    priority=5,
                ),
            )
        return buttons


class OutgoingMailInspectView(generic.InspectView):
    def get_fields(self):
        fields = [
            "purpose",
            "created_at",
            "status",
            "attempts",
            "last_attempt_at",
            "next_attempt_at",
            "sent_at",
            "last_error",
            "language",
        ]
        if self.request.user.is_superuser:
            fields += PERSONAL_FIELDS
        return fields


class OutgoingMailEditView(generic.EditView):
    """Correcting a recipient shows the recipients: administrators only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def send_again_view(request, pk):
    """Queue a mail that was not sent for a fresh round of attempts."""
    if not request.user.has_perm("core.change_outgoingmail"):
        raise PermissionDenied
    mail_record = get_object_or_404(OutgoingMail.objects.exclude(status="sent"), pk=pk)
    index_url = reverse("outgoing_mail:index")
    if request.method == "POST":
        mail.send_again(mail_record)
        messages.success(
            request,
            gettext("“%(purpose)s” is queued to be sent again.") % {"purpose": str(mail_record)},
        )
        return redirect(index_url)
    return TemplateResponse(
        request,
        "core/outgoing_mail_send_again.html",
        {
            "object": mail_record,
            "purpose": str(mail_record),
            "index_url": index_url,
            "page_title": gettext("Send again"),
            "header_title": gettext("Send again"),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": gettext("Home")},
                {"url": index_url, "label": gettext("Outgoing mail")},
                {"url": "", "label": gettext("Send again")},
            ],
        },
    )


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Outgoing mail")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OutgoingMailIndexView
    inspect_view_class = OutgoingMailInspectView
    edit_view_class = OutgoingMailEditView
    filterset_class = OutgoingMailFilterSet
    search_fields = ["purpose", "last_error"]
    search_backend_name = None  # personal data: never in the search index
    # Only the recipients can be corrected (an address with a typo), then "Send again".
    form_fields = ["to"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("send-again/<int:pk>/", send_again_view, name="send_again"),
        ]


outgoing_mail_viewset = OutgoingMailViewSet("outgoing_mail")
