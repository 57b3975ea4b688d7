"""A story as schema.org Article (JSON-LD), for search engines and link previews."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.structured_data import image_urls, network, page_basics


def story_article(page, request) -> dict:
    data = page_basics(page, request, "Article")
    data["headline"] = page.title[:110]
    data["mainEntityOfPage"] = data["url"]
    published = datetime.datetime.combine(
        page.date, datetime.time(12), timezone.get_current_timezone()
    )
    data["datePublished"] = published.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    data["author"] = (
        {"@type": "Person", "name": page.storyteller}
        if page.storyteller
        else {"@type": "Person", "name": _("Anonymous")}
    )
    data["publisher"] = network(request)
    images = image_urls(page.get_social_image(), request)
    if images:
        data["image"] = images
    centre = page.localized_centre
    if centre is not None and centre.live:
        data["about"] = {
            "@type": "Organization",
            "name": centre.title,
            "url": centre.get_full_url(request),
        }
    return data
