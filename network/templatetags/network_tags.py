"""Template tags for the network shown outside its section (the home page), and for other apps'
pages shown on the network's pages (network.listings)."""

import zoneinfo

from django import template
from django.utils import dateformat, formats, timezone, translation

from cms.localized import in_language
from cms.structured_data import json_ld_script
from network import structured_data
from network.directory import Sections, localized_events, with_images
from network.models import EventIndexPage

register = template.Library()

HOME_EVENTS = 3


@register.inclusion_tag("network/includes/home_events.html", takes_context=True)
def home_events(context, home_page):
    """The next events in the reader's language; the latest ones when none is planned."""
    locale = home_page.locale
    sections = Sections.for_locale(locale)
    events = with_images(localized_events(locale, sections.default)).select_related("locale")
    now = timezone.now()
    upcoming = list(events.filter(end__gte=now).order_by("start")[:HOME_EVENTS])
    shown = upcoming or list(events.filter(end__lt=now).order_by("-start")[:HOME_EVENTS])
    sections.attach(shown)
    index = in_language(EventIndexPage.objects.live().public(), locale, sections.default).first()
    return {
        "request": context.get("request"),
        "page": home_page,
        "events": shown,
        "upcoming": bool(upcoming),
        "index": index,
    }


# English readers of a European network expect "Tuesday 15 December 2026", not Django's American
# default; every other language uses its own date format ("Dienstag, 15. Dezember 2026").
DAY_FORMATS = {"en": "l j F Y"}


@register.filter(expects_localtime=True)
def event_day(value):
    """The weekday and date of a moment, in the reader's language (inside {% timezone %})."""
    language = (translation.get_language() or "en").split("-")[0]
    if language in DAY_FORMATS:
        return dateformat.format(value, DAY_FORMATS[language])
    return f"{formats.date_format(value, 'l')}, {formats.date_format(value, 'DATE_FORMAT')}"


@register.filter
def event_moment(value, zone_name):
    """A moment as the event's notices say it ("Tuesday 15 December 2026, 18:00 CET"), in the
    event's own time zone."""
    if not value:
        return ""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = timezone.get_current_timezone()
    local = value.astimezone(zone)
    return f"{event_day(local)}, {dateformat.format(local, 'H:i T')}"


@register.simple_tag(takes_context=True)
def section_card(context, listing, page):
    """One page of another app on that app's own card (see network.listings): the same include
    its own list uses, given the page under the name it expects."""
    card = context.template.engine.get_template(listing.card_template)
    with context.push({listing.card_name: page}):
        return card.render(context)


@register.simple_tag
def centre_heading(listing, centre) -> str:
    """A listing's heading on another page about the centre: “Walk through MC Nezábudka”."""
    return listing.named_centre_heading % {"centre": centre.title if centre else ""}


@register.simple_tag(takes_context=True)
def event_json_ld(context, page):
    """The event as schema.org Event, in a <script type="application/ld+json">."""
    return json_ld_script(structured_data.event(page, context.get("request")))


@register.simple_tag(takes_context=True)
def centre_json_ld(context, page):
    """The centre as schema.org Organization with its Place, in a <script type="application/ld+json">."""
    return json_ld_script(structured_data.centre(page, context.get("request")))
