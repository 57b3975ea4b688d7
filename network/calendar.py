"""Events as iCalendar (RFC 5545): the subscribable feed, "add to calendar", and the copy a
registered person receives (the only one that carries the online joining link)."""

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as CalendarEvent

FEED_BROWSER_SECONDS = 15 * 60


def _uid_domain() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "bridges.invalid"


def event_component(event, request=None, with_join_link: bool = False) -> CalendarEvent:
    item = CalendarEvent()
    # One UID for the event in every language: a calendar keeps one copy and updates it.
    item.add("uid", f"event-{event.translation_key}@{_uid_domain()}")
    item.add("dtstamp", timezone.now())
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    # In the event's own zone: calendars show it in the reader's zone and know the original.
    item.add("dtstart", event.local_start)
    item.add("dtend", event.local_end)
    item.add("summary", event.title)
    url = event.get_full_url(request)
    item.add("url", url)
    lines = [event.summary or strip_tags(event.description).strip()]
    if with_join_link and event.is_online and event.join_url:
        lines += ["", f"Join online: {event.join_url}"]
        if event.join_details:
            lines.append(event.join_details)
    lines += ["", url]
    item.add("description", "\n".join(line for line in lines if line is not None).strip())
    location = event.location_text
    if with_join_link and event.is_online and event.join_url:
        location = f"{location} · {event.join_url}" if event.has_venue else event.join_url
    if location:
        item.add("location", location)
    if event.has_venue_location:
        item.add("geo", (event.venue_latitude, event.venue_longitude))
    item.add("categories", [event.get_kind_display()])
    # A moved or cancelled event keeps its UID with a higher SEQUENCE: calendars replace their
    # copy (RFC 5546); a cancelled one stays in the feed so subscribers see it go.
    item.add("sequence", event.sequence)
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return item


def events_calendar(
    events: Iterable,
    name: str,
    request=None,
    with_join_link: bool = False,
    method: str = "PUBLISH",
) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//MINE//Bridges events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)  # REQUEST or CANCEL in the mails about a change
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, request, with_join_link))
    calendar.add_missing_timezones()  # VTIMEZONE for every zone used, so any program reads it
    return calendar


def calendar_response(calendar: Calendar, filename: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={FEED_BROWSER_SECONDS}"
    return response
