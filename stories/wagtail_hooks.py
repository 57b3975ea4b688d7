"""The stories app in Wagtail's admin: story themes (a snippet translators translate) and the
stories the public sent in (read and delete only: a submission is evidence of what was sent);
and stories on the network's pages (a country's stories, a centre's stories: network.listings)."""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Collection
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.listings import REGISTER_SECTION_LISTING, SectionListing

from .inbox import SubmissionsPanel
from .models import StoryPage, Theme, prepare_story_cards
from .models.themes import attach_themes
from .submission_admin import StorySubmissionViewSet, submission_file


@hooks.register("register_admin_urls")
def register_submission_file_url():
    return [path("story-submissions/file/<int:pk>/", submission_file, name="story_submission_file")]


# Sent-in photos and recordings wait in the "Submissions" collection until an editor has reviewed
# them: the choosers never offer them, so nobody puts a stranger's unreviewed photo on a page by
# accident. The draft story made from a submission still shows them to its reviewer. To mark a
# file reviewed, move it to another collection (Images or Media > edit > Collection).


def hide_private_collections(queryset, request):
    # By collection id: the search backend filters on collection_id, not on related names.
    private = Collection.objects.filter(name__in=settings.BRIDGES_PRIVATE_COLLECTIONS)
    return queryset.exclude(collection_id__in=list(private.values_list("pk", flat=True)))


hooks.register("construct_image_chooser_queryset", hide_private_collections)
hooks.register("construct_media_chooser_queryset", hide_private_collections)
hooks.register("construct_document_chooser_queryset", hide_private_collections)


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


@hooks.register("bridges_api_prepare_pages")
def prepare_stories_for_the_api(pages):
    """An API listing gives each story's themes and centre: a few queries for all (cms/api.py)."""
    stories = [page for page in pages if isinstance(page, StoryPage)]
    prefetch_related_objects(stories, "themes", "centre")
    for locale_id in {story.locale_id for story in stories}:
        group = [story for story in stories if story.locale_id == locale_id]
        attach_themes(group, group[0].locale)
        for story in group:
            story.__dict__["localized_themes"] = story.theme_list  # the cached property's value
