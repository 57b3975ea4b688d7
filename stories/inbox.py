"""The editors' inbox in the admin: sent-in stories waiting for review in their sections, and a
warning when a new story would reach nobody (no publisher with an e-mail, no STORIES_NOTIFY_EMAILS)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy

from network.models import CountryPage

from .models import StoryIndexPage, StorySubmission

WAITING_ON_DASHBOARD = 10


def waiting_submissions(user):
    """Sent-in stories whose draft is not published yet and which the user may edit."""
    submissions = StorySubmission.objects.filter(
        story_page__isnull=False, story_page__live=False
    ).select_related("story_page", "country")
    if not user.is_superuser:
        pages = page_permission_policy.instances_user_has_any_permission_for(
            user, ["change", "publish"]
        )
        submissions = submissions.filter(story_page__in=pages.values("pk"))
    return submissions.order_by("-created_at")


def silent_sections() -> list[Page]:
    """Sections where a new story would notify nobody: no publisher there has an e-mail address
    and STORIES_NOTIFY_EMAILS is empty (submissions.editor_addresses would find no one)."""
    if settings.STORIES_NOTIFY_EMAILS:
        return []
    default = Locale.get_default()
    sections = [
        *StoryIndexPage.objects.filter(locale=default),
        *CountryPage.objects.filter(locale=default).order_by("title"),
    ]
    return [
        section
        for section in sections
        if not page_permission_policy.users_with_permission_for_instance("publish", section)
        .exclude(email="")
        .exists()
    ]


def silent_warning() -> str:
    sections = silent_sections()
    if not sections:
        return ""
    return _(
        "Nobody is told of a new story sent in for: %(sections)s. No one who may publish there "
        "has an e-mail address, and STORIES_NOTIFY_EMAILS is empty. Add an e-mail address to "
        "a publisher's account (Settings → Users)."
    ) % {"sections": ", ".join(section.title for section in sections)}


class SubmissionsPanel(Component):
    name = "sent_in_stories"
    order = 90
    template_name = "stories/admin/submissions_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        waiting = waiting_submissions(self.request.user)
        return {
            "submissions": waiting[:WAITING_ON_DASHBOARD],
            "total": waiting.count(),
            "warning": silent_warning(),
        }
