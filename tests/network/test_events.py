"""Events as readers, calendar programs and API clients see them: times with their zone, upcoming
before past, recordings, the iCalendar feed and "add to calendar" — never the joining link."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from cms.core.factories import AudioFactory, ImageFactory
from cms.core.translation import translate_page
from network.factories import EventPageFactory
from tests.network.conftest import soup_of

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
BUDAPEST = zoneinfo.ZoneInfo("Europe/Budapest")
SECRET_LINK = "https://meet.example.org/secret-room-4711"


def in_days(days: int, hour: int = 16, zone=BERLIN) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=zone)


@pytest.fixture
def meeting(events_index):
    return EventPageFactory(
        parent=events_index,
        title="Network meeting on Zoom",
        start=datetime.datetime(2030, 6, 4, 16, 0, tzinfo=BERLIN),
        hours=1.5,
        kind="network_meeting",
        attendance="online",
        registration_type="built_in",
        capacity=20,
        join_url=SECRET_LINK,
        join_details="Passcode: 4711",
        summary="News from the centres.",
        agenda=[("item", {"time": "16:00", "topic": "News from the centres", "details": ""})],
        speakers=[("speaker", {"name": "Emese Dömösi", "role": "MINE board", "bio": ""})],
    )


def test_event_page_shows_the_time_with_its_zone(client, meeting):
    soup = soup_of(client.get("/en/events/network-meeting-on-zoom/"))
    when = soup.select_one(".event-when")
    assert when.get_text(" ", strip=True).startswith(
        "Tuesday 4 June 2030, 16:00 – 17:30 CEST (Europe/Berlin)"
    )
    assert when.select("time")[0]["datetime"] == "2030-06-04T16:00:00+02:00"
    assert when["data-zone"] == "Europe/Berlin"
    assert soup.select_one(".agenda__topic").get_text(strip=True) == "News from the centres"
    assert soup.select_one(".speaker__name").get_text(strip=True) == "Emese Dömösi"
    assert soup.find("a", string="Add to calendar (.ics)")["href"] == (
        "/en/events/network-meeting-on-zoom/event.ics"
    )


def test_event_in_another_zone_is_shown_in_that_zone(client, events_index):
    EventPageFactory(
        parent=events_index,
        title="MINE Academy in Budapest",
        start=datetime.datetime(2030, 9, 21, 9, 0, tzinfo=BUDAPEST),
        end=datetime.datetime(2030, 9, 26, 13, 0, tzinfo=BUDAPEST),
        time_zone="Europe/Budapest",
        kind="mine_academy",
        attendance="in_person",
        venue_name="Community house",
        venue_city="Budapest",
        venue_country="Hungary",
    )
    soup = soup_of(client.get("/en/events/mine-academy-in-budapest/"))
    assert (
        soup.select_one(".event-when")
        .get_text(" ", strip=True)
        .startswith(
            "Saturday 21 September 2030, 09:00 – Thursday 26 September 2030, 13:00 CEST "
            "(Europe/Budapest)"
        )
    )
    where = soup.find("dt", string="Where").find_next_sibling("dd")
    assert where.address.get_text("|", strip=True) == "Community house|Budapest, Hungary"


def test_german_readers_get_german_dates(client, meeting):
    translate_page(meeting.get_parent(), "de", {"Events": "Veranstaltungen"})
    translate_page(meeting, "de", {"Network meeting on Zoom": "Netzwerktreffen auf Zoom"})
    soup = soup_of(client.get("/de/events/network-meeting-on-zoom/"))
    assert (
        soup.select_one(".event-when time").get_text(strip=True) == "Dienstag, 4. Juni 2030, 16:00"
    )


def test_join_link_is_never_on_the_public_page_the_api_the_feeds_or_search(client, meeting):
    for url in [
        meeting.url,
        "/en/events/",
        "/en/events/feed.ics",
        meeting.url + "event.ics",
        f"/api/v2/pages/{meeting.pk}/",
        "/api/v2/pages/?type=network.EventPage&fields=*",
        "/en/search/?q=4711",
        "/en/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"secret-room-4711" not in response.content, url
        assert b"Passcode" not in response.content, url
    soup = soup_of(client.get("/en/search/?q=4711"))
    assert "Network meeting on Zoom" not in soup.select_one("main").get_text()


def test_events_page_lists_upcoming_first_then_past_with_recordings(client, events_index, slovakia):
    EventPageFactory(parent=events_index, title="Next month", start=in_days(30))
    EventPageFactory(parent=events_index, title="Next week", start=in_days(7))
    EventPageFactory(parent=slovakia, title="Slovak national meeting", start=in_days(14))
    EventPageFactory(
        parent=events_index,
        title="Mother Centers' Day",
        start=in_days(-60),
        kind="mother_centers_day",
        recordings=[
            ("audio", {"audio": AudioFactory(), "caption": "Morning session", "transcript": ""}),
            ("audio", {"audio": AudioFactory(), "caption": "Afternoon session", "transcript": ""}),
        ],
    )
    EventPageFactory(parent=events_index, title="Last year", start=in_days(-365))
    soup = soup_of(client.get("/en/events/"))
    upcoming = soup.find(id="upcoming-heading").find_parent("section")
    assert [a.get_text(strip=True) for a in upcoming.select(".card__title a")] == [
        "Next week",
        "Slovak national meeting",
        "Next month",
    ]
    national = upcoming.find("a", string="Slovak national meeting").find_parent("li")
    assert "Slovakia" in national.select_one(".event-card__kind").get_text()
    past = soup.find(id="past-heading").find_parent("section")
    assert [a.get_text(strip=True) for a in past.select(".card__title a")] == [
        "Mother Centers' Day",
        "Last year",
    ]
    assert past.select_one(".tags").get_text(strip=True) == "2 recordings"
    assert soup.select_one("link[type='text/calendar']")["href"] == "/en/events/feed.ics"


def test_past_event_shows_its_recordings_and_no_registration(client, events_index):
    audio = AudioFactory(title="Resilience through Care: morning session")
    event = EventPageFactory(
        parent=events_index,
        title="Resilience through Care",
        start=in_days(-10),
        registration_type="built_in",
        recordings=[("audio", {"audio": audio, "caption": "Morning session", "transcript": ""})],
    )
    soup = soup_of(client.get(event.url))
    recordings = soup.find(id="recordings")
    assert (
        recordings.select_one("figcaption").get_text(" ", strip=True).startswith("Morning session")
    )
    assert recordings.select_one("audio source")["src"] == audio.url
    assert soup.select_one("form.registration__form") is None
    assert "This event has taken place." in soup.select_one(".event__facts").get_text()


def test_many_past_events_are_paginated(client, events_index, django_assert_max_num_queries):
    for number in range(14):
        EventPageFactory(
            parent=events_index,
            title=f"Meeting {number}",
            start=in_days(-30 - number),
            image=ImageFactory(),
        )
    translate_page(events_index, "de", {"Events": "Veranstaltungen"})
    translate_page(events_index.get_children().first(), "de", {})
    client.get("/en/events/")  # thumbnails are made on the first view
    for url in ("/en/events/", "/de/events/"):  # German: one translated, 13 in English
        with django_assert_max_num_queries(30, info=url):
            soup = soup_of(client.get(url))
        past = soup.find(id="past-heading").find_parent("section")
        assert len(past.select(".card")) == 12
    assert len(past.select(".card[lang=en]")) == 11
    soup = soup_of(client.get("/en/events/?page=2"))
    assert len(soup.find(id="past-heading").find_parent("section").select(".card")) == 2


def parse_calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_feed_is_a_valid_calendar_of_upcoming_events(client, events_index, meeting):
    EventPageFactory(parent=events_index, title="Long ago", start=in_days(-100))
    academy = EventPageFactory(
        parent=events_index,
        title="MINE Academy",
        start=datetime.datetime(2030, 9, 21, 9, 0, tzinfo=BUDAPEST),
        end=datetime.datetime(2030, 9, 26, 13, 0, tzinfo=BUDAPEST),
        time_zone="Europe/Budapest",
        attendance="in_person",
        venue_city="Budapest",
        venue_country="Hungary",
    )
    response = client.get("/en/events/feed.ics")
    assert response["Content-Disposition"] == 'inline; filename="mine-events.ics"'
    calendar = parse_calendar(response)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Events · MINE"
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Network meeting on Zoom", "MINE Academy"}
    zoom = events["Network meeting on Zoom"]
    assert zoom.decoded("DTSTART") == meeting.start
    assert zoom.decoded("DTSTART").tzinfo.key == "Europe/Berlin"
    assert zoom.decoded("DTEND") == meeting.end
    assert str(zoom["URL"]) == meeting.full_url  # the site's own address
    assert str(zoom["UID"]) == f"event-{meeting.translation_key}@testserver"
    assert str(zoom["LOCATION"]) == "Online"
    budapest = events["MINE Academy"]
    assert budapest.decoded("DTSTART") == academy.start
    assert str(budapest["LOCATION"]) == "Budapest, Hungary"
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {
        "Europe/Berlin",
        "Europe/Budapest",
    }


def test_add_to_calendar_downloads_one_event(client, meeting):
    response = client.get(meeting.url + "event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="network-meeting-on-zoom.ics"'
    (event,) = parse_calendar(response).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Network meeting on Zoom"
    assert event.decoded("DTSTART") == meeting.start
    assert "News from the centres." in str(event["DESCRIPTION"])


def test_event_in_the_api(client, meeting):
    data = client.get(f"/api/v2/pages/{meeting.pk}/").json()
    assert data["meta"]["type"] == "network.EventPage"
    assert data["kind"] == "network_meeting"
    assert data["start"] == "2030-06-04T16:00:00+02:00"
    assert data["end"] == "2030-06-04T17:30:00+02:00"
    assert data["time_zone"] == "Europe/Berlin"
    assert data["attendance"] == "online"
    assert data["venue"] is None
    assert data["agenda"] == [
        {
            "type": "item",
            "value": {"time": "16:00", "topic": "News from the centres", "details": ""},
            "id": data["agenda"][0]["id"],
        }
    ]
    assert data["speakers"][0]["value"] == {
        "name": "Emese Dömösi",
        "role": "MINE board",
        "photo": None,
        "bio": "",
    }
    assert data["registration"] == {
        "type": "built_in",
        "url": meeting.full_url + "#register",
        "is_open": True,
        "capacity": 20,
        "places_left": 20,
    }
    assert data["calendar_url"] == "/en/events/network-meeting-on-zoom/event.ics"
    assert "join_url" not in data and "join_details" not in data


def test_recordings_in_the_api_use_the_shared_media_shape(client, events_index):
    audio = AudioFactory(title="Afternoon session")
    event = EventPageFactory(
        parent=events_index,
        title="Recorded",
        start=in_days(-3),
        image=ImageFactory(),
        recordings=[("audio", {"audio": audio, "caption": "Afternoon", "transcript": ""})],
    )
    (recording,) = client.get(f"/api/v2/pages/{event.pk}/").json()["recordings"]
    assert recording["type"] == "audio"
    assert recording["value"]["caption"] == "Afternoon"
    assert recording["value"]["media"]["url"] == f"http://testserver{audio.url}"
    assert recording["value"]["media"]["type"] == "audio"


def test_home_page_shows_the_next_events(client, home_page, events_index, meeting):
    EventPageFactory(parent=events_index, title="Long ago", start=in_days(-100))
    soup = soup_of(client.get("/en/"))
    section = soup.select_one(".home-events")
    assert section.h2.get_text(strip=True) == "Upcoming events"
    assert [a.get_text(strip=True) for a in section.select(".card__title a")] == [
        "Network meeting on Zoom"
    ]
    assert section.find("a", string="Subscribe in your calendar")["href"] == "/en/events/feed.ics"


def test_home_page_shows_recent_events_when_none_is_planned(client, home_page, events_index):
    EventPageFactory(parent=events_index, title="Resilience through Care", start=in_days(-20))
    soup = soup_of(client.get("/en/"))
    section = soup.select_one(".home-events")
    assert section.h2.get_text(strip=True) == "Recent events"
    assert section.select_one(".card__title").get_text(strip=True) == "Resilience through Care"
