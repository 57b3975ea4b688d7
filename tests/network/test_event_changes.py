"""Events that change: a published event moved or cancelled tells everyone registered, in the
language they registered in, with the updated calendar entry (same UID, higher SEQUENCE,
REQUEST or CANCEL); the feed, the page and the lists show it; a text-only edit mails nobody.
And the venue's place: in the API, on the page (a map), in the JSON-LD and in the .ics."""

import datetime
import json
import zoneinfo

import icalendar
import pytest

from cms.core.models import OutgoingMail
from network.event_changes import CHANGE_NOTICE
from network.factories import EventPageFactory
from network.models import EventRegistration
from tests.network.conftest import soup_of

pytestmark = pytest.mark.django_db

BUDAPEST = zoneinfo.ZoneInfo("Europe/Budapest")
JUNE = datetime.datetime(2030, 6, 4, 9, 0, tzinfo=BUDAPEST)
SEPTEMBER = datetime.datetime(2030, 9, 21, 9, 0, tzinfo=BUDAPEST)


@pytest.fixture
def academy(events_index):
    event = EventPageFactory(
        parent=events_index,
        title="MINE Academy",
        kind="mine_academy",
        start=JUNE,
        hours=4,
        time_zone="Europe/Budapest",
        attendance="in_person",
        venue_name="Budapest Community Centre",
        venue_city="Budapest",
        venue_country="Hungary",
        venue_latitude=47.497913,
        venue_longitude=19.040236,
        registration_type="built_in",
    )
    for name, email, language in (
        ("Katrin Weber", "katrin@example.org", "de"),
        ("Kovács Éva", "eva@example.org", "hu"),
    ):
        EventRegistration.objects.create(
            event=event, name=name, email=email, language=language, consent=True
        )
    return event


def publish(event, **changes):
    """What an editor does: change the event in a new revision and publish it."""
    event = type(event).objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()
    return type(event).objects.get(pk=event.pk)


def change_mails():
    return {mail.to[0]: mail for mail in OutgoingMail.objects.filter(purpose=CHANGE_NOTICE)}


def attached_event(mail) -> tuple[icalendar.Calendar, icalendar.Event]:
    (attachment,) = mail.attachments
    assert attachment["filename"] == "mine-academy.ics"
    calendar = icalendar.Calendar.from_ical(attachment["content"])
    (entry,) = calendar.walk("VEVENT")
    return calendar, entry


def feed_entry(client) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(client.get("/en/events/feed.ics").content)
    (entry,) = (e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "MINE Academy")
    return entry


def test_a_moved_event_tells_everyone_registered_in_their_language(client, academy):
    before = feed_entry(client)
    assert int(before["SEQUENCE"]) == 0

    moved = publish(academy, start=SEPTEMBER, end=SEPTEMBER + datetime.timedelta(hours=4))

    assert moved.sequence == 1
    assert moved.previous_start == JUNE
    # The next edit in the admin starts from the latest revision: it has the new version too.
    assert moved.get_latest_revision_as_object().sequence == 1
    mails = change_mails()
    assert set(mails) == {"katrin@example.org", "eva@example.org"}
    german, hungarian = mails["katrin@example.org"], mails["eva@example.org"]
    assert (german.language, hungarian.language) == ("de", "hu")
    assert german.subject == "Neuer Termin: MINE Academy"
    assert hungarian.subject == "Új időpont: MINE Academy"
    assert "Verschoben vom Dienstag, 4. Juni 2030, 09:00 CEST auf Samstag, 21. September" in (
        german.text
    )
    assert "Áthelyezve" in hungarian.text
    for mail in (german, hungarian):
        calendar, entry = attached_event(mail)
        assert str(calendar["METHOD"]) == "REQUEST"
        assert str(entry["UID"]) == str(before["UID"])
        assert int(entry["SEQUENCE"]) == 1
        assert str(entry["STATUS"]) == "CONFIRMED"
        assert entry.decoded("DTSTART") == SEPTEMBER

    # Calendar programs subscribed to the feed replace their copy.
    after = feed_entry(client)
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) == 1
    assert after.decoded("DTSTART") == SEPTEMBER

    # The page and the list say where it moved from.
    notice = soup_of(client.get(moved.url)).select_one(".event__change [data-change-notice]")
    assert notice.get_text(" ", strip=True) == (
        "Moved from Tuesday 4 June 2030, 09:00 CEST to Saturday 21 September 2030, 09:00 CEST"
    )
    card = soup_of(client.get("/en/events/")).select_one(".event-card [data-change-notice]")
    assert card.get_text(strip=True).startswith("Moved from Tuesday 4 June 2030")
    data = client.get(f"/api/v2/pages/{moved.pk}/").json()
    assert data["change"] == {
        "cancelled": False,
        "previous_start": "2030-06-04T07:00:00+00:00",
        "sequence": 1,
    }

    # The editor hides the notice: the page and lists say nothing more, nobody is mailed again.
    hidden = publish(moved, show_change_notice=False)
    assert not soup_of(client.get(hidden.url)).select("[data-change-notice]")
    assert not soup_of(client.get("/en/events/")).select("[data-change-notice]")
    assert OutgoingMail.objects.filter(purpose=CHANGE_NOTICE).count() == 2
    assert hidden.sequence == 1


def test_a_cancelled_event_is_cancelled_in_mails_calendars_and_on_the_page(client, academy):
    uid = str(feed_entry(client)["UID"])

    cancelled = publish(academy, cancelled=True)

    assert cancelled.sequence == 1
    mails = change_mails()
    assert {mail.language for mail in mails.values()} == {"de", "hu"}
    assert mails["katrin@example.org"].subject == "Abgesagt: MINE Academy"
    assert mails["eva@example.org"].subject == "Elmarad: MINE Academy"
    for mail in mails.values():
        calendar, entry = attached_event(mail)
        assert str(calendar["METHOD"]) == "CANCEL"
        assert str(entry["UID"]) == uid
        assert int(entry["SEQUENCE"]) == 1
        assert str(entry["STATUS"]) == "CANCELLED"
    # The cancelled event stays in the feed, marked so, for subscribed calendars to remove.
    entry = feed_entry(client)
    assert (str(entry["UID"]), int(entry["SEQUENCE"]), str(entry["STATUS"])) == (
        uid,
        1,
        "CANCELLED",
    )
    soup = soup_of(client.get(cancelled.url))
    assert soup.select_one(".event__change").get_text(strip=True) == "Cancelled"
    assert not soup.select("form.registration__form")  # nobody registers for it any more
    ld = json.loads(soup.select_one("script[type='application/ld+json']").string)
    assert ld["eventStatus"] == "https://schema.org/EventCancelled"
    card = soup_of(client.get("/en/events/")).select_one(".event-card [data-change-notice]")
    assert card.get_text(strip=True) == "Cancelled"


def test_a_text_only_change_mails_nobody(client, academy):
    edited = publish(academy, summary="Now with a workshop on fundraising.")
    assert edited.sequence == 0
    assert not OutgoingMail.objects.filter(purpose=CHANGE_NOTICE).exists()
    assert not soup_of(client.get(edited.url)).select("[data-change-notice]")
    assert int(feed_entry(client)["SEQUENCE"]) == 0


def test_the_editors_publish_only_queues_the_notices(academy, settings):
    from django_tasks_db.models import DBTaskResult

    from tests.mail_helpers import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS
    publish(academy, start=SEPTEMBER, end=SEPTEMBER + datetime.timedelta(hours=4))
    assert not change_mails()  # nobody mailed while the editor waits
    (queued,) = DBTaskResult.objects.filter(task_path="network.event_changes.announce_change")
    assert queued.args_kwargs["args"] == [academy.pk]
    queued.task.call(*queued.args_kwargs["args"])  # what the worker does
    assert set(change_mails()) == {"katrin@example.org", "eva@example.org"}


def test_a_change_notice_does_not_count_as_the_confirmation(academy):
    registration = EventRegistration.objects.get(email="eva@example.org")
    assert registration.confirmation_sent_at is None
    publish(academy, cancelled=True)
    registration.refresh_from_db()
    assert registration.confirmation_sent_at is None


def test_the_venue_place_in_the_api_page_json_ld_and_calendar(client, academy):
    data = client.get(f"/api/v2/pages/{academy.pk}/").json()
    assert data["venue"] == {
        "name": "Budapest Community Centre",
        "address": "",
        "city": "Budapest",
        "country": "Hungary",
        "latitude": 47.497913,
        "longitude": 19.040236,
    }
    soup = soup_of(client.get(academy.url))
    venue_map = soup.select_one(".event__facts [data-centre-map]")
    assert (venue_map["data-lat"], venue_map["data-lng"]) == ("47.497913", "19.040236")
    assert venue_map["aria-label"] == "Where Budapest Community Centre is"
    assert soup.find("a", string="Open in OpenStreetMap")["href"].startswith(
        "https://www.openstreetmap.org/?mlat=47.497913&mlon=19.040236"
    )
    assert soup.select_one("script[src$='network-map.js']")
    ld = json.loads(soup.select_one("script[type='application/ld+json']").string)
    assert ld["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 47.497913,
        "longitude": 19.040236,
    }
    (entry,) = icalendar.Calendar.from_ical(client.get(academy.url + "event.ics").content).walk(
        "VEVENT"
    )
    geo = entry["GEO"]
    assert (geo.latitude, geo.longitude) == (47.497913, 19.040236)


def test_an_event_without_a_venue_place_has_no_map(client, events_index):
    online = EventPageFactory(parent=events_index, title="Webinar", attendance="online")
    soup = soup_of(client.get(online.url))
    assert not soup.select("[data-centre-map]")
    assert not soup.select("script[src$='network-map.js']")
    assert (
        "GEO"
        not in icalendar.Calendar.from_ical(client.get(online.url + "event.ics").content).walk(
            "VEVENT"
        )[0]
    )
