"""Template tags for stories shown outside the stories section (the home page)."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from cms.caching import cached_fragment
from cms.localized import in_language
from cms.structured_data import json_ld_script
from network.models import attach_countries

from ..models import StoryIndexPage, StoryPage, attach_themes
from ..structured_data import story_article

register = template.Library()

HOME_STORIES = 3


@register.simple_tag(takes_context=True)
def home_stories(context, home_page):
    """The home page's featured stories (the newest ones when none is featured) in the reader's
    language, and the call to tell your story."""
    locale_id = home_page.locale_id
    stories = (
        in_language(StoryPage.objects.live().public(), home_page.locale)
        .select_related("image")
        .prefetch_related("image__renditions", "themes")
        .order_by("-featured", "-date", "-first_published_at")[:HOME_STORIES]
    )
    stories = list(stories)
    attach_countries(stories)
    attach_themes(stories, home_page.locale)
    index = StoryIndexPage.objects.live().public().filter(locale_id=locale_id).first()
    return render_to_string(
        "stories/includes/home_stories.html",
        {"stories": stories, "index": index},
        request=context.get("request"),
    )


@register.simple_tag(takes_context=True)
def story_json_ld(context, page):
    """The story as schema.org Article, in a <script type="application/ld+json">."""
    return json_ld_script(story_article(page, context.get("request")))


def _tell_url() -> str:
    indexes = {
        index.locale.language_code: index
        for index in StoryIndexPage.objects.live().public().select_related("locale")
    }
    index = indexes.get(translation.get_language()) or indexes.get(settings.LANGUAGE_CODE)
    return (index.url + index.reverse_subpage("tell_your_story")) if index and index.url else ""


@register.simple_tag(takes_context=True)
def tell_your_story_url(context):
    """Where "Tell your story" is in the reader's language (the header links to it on every page).

    Looked up once a request; the default language's form while the reader's has none.
    """
    request = context.get("request")
    if request is not None and hasattr(request, "_bridges_tell_url"):
        return request._bridges_tell_url
    url = cached_fragment("tell-your-story-url", translation.get_language(), build=_tell_url)
    if request is not None:
        request._bridges_tell_url = url
    return url
