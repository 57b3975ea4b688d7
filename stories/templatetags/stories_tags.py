"""Template tags for stories shown outside the stories section (the home page)."""

from django import template
from django.template.loader import render_to_string

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
        StoryPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .select_related("image")
        .prefetch_related("image__renditions", "themes")
        .order_by("-featured", "-date", "-first_published_at")[:HOME_STORIES]
    )
    stories = list(stories)
    attach_countries(stories)
    attach_themes(stories, home_page.locale)
    index = StoryIndexPage.objects.live().filter(locale_id=locale_id).first()
    return render_to_string(
        "stories/includes/home_stories.html",
        {"stories": stories, "index": index},
        request=context.get("request"),
    )


@register.simple_tag(takes_context=True)
def story_json_ld(context, page):
    """The story as schema.org Article, in a <script type="application/ld+json">."""
    return json_ld_script(story_article(page, context.get("request")))
