"""Template tags for walks shown outside the walks section (the home page)."""

from django import template
from django.template.loader import render_to_string

from cms.localized import in_language
from network.models import attach_countries
from walks.models import WalkIndexPage, WalkPage

register = template.Library()


@register.simple_tag(takes_context=True)
def home_walk(context, home_page):
    """The newest walk in the home page's language, as a teaser with a link to all walks."""
    walk = (
        in_language(WalkPage.objects.live().public(), home_page.locale)
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-first_published_at", "-pk")
        .first()
    )
    if walk is None:
        return ""
    attach_countries([walk])
    index = (
        WalkIndexPage.objects.live()
        .public()
        .child_of(home_page)
        .only("id", "title", "url_path", "locale_id")
        .first()
    )
    return render_to_string(
        "walks/includes/home_walk.html",
        {"walk": walk, "index": index, "request": context.get("request")},
    )
