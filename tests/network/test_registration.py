"""Registering for an event: places, one registration per e-mail, closing at the start, the
confirmation e-mail with the .ics and the joining link (only there and on the registered
person's own page), and nothing lost when the mail server fails."""

import datetime
import logging
from unittest import mock

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from cms.core.translation import translate_page
from network.factories import EventPageFactory
from network.models import EventRegistration
from tests.network.conftest import soup_of

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/secret-room-4711"


@pytest.fixture
def meeting(events_index):
    return EventPageFactory(
        parent=events_index,
        title="Network meeting on Zoom",
        start=(timezone.now() + datetime.timedelta(days=10)).replace(second=0, microsecond=0),
        attendance="online",
        registration_type="built_in",
        capacity=2,
        join_url=SECRET_LINK,
        join_details="Passcode: 4711",
    )


def form_data(**changes) -> dict:
    data = {
        "name": "Anna Nováková",
        "email": "anna@example.org",
        "organisation": "MC Nezábudka Žilina",
        "country": "Slovakia",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_registering_saves_sends_the_confirmation_and_shows_the_join_link(client, meeting):
    soup = soup_of(client.get(meeting.url))
    form = soup.select_one("form.registration__form")
    assert form["action"] == meeting.url + "#register"
    for name in ("name", "email", "organisation", "country", "consent"):
        field = form.select_one(f"[name={name}]")
        assert soup.select_one(f"label[for={field['id']}]"), name
    assert soup.find(string=lambda s: s and "2 places left." in s)

    response = client.post(meeting.url, form_data())
    assert response.status_code == 302
    registration = EventRegistration.objects.get()
    assert response["Location"] == meeting.registered_url(registration)
    assert (registration.name, registration.email, registration.country) == (
        "Anna Nováková",
        "anna@example.org",
        "Slovakia",
    )
    assert registration.consent and registration.language == "en"
    assert registration.confirmation_sent_at is not None

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "You are registered: Network meeting on Zoom"
    assert SECRET_LINK in message.body and "Passcode: 4711" in message.body
    assert SECRET_LINK in message.alternatives[0][0]
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    (filename, content, mimetype) = message.attachments[0]
    assert filename == "network-meeting-on-zoom.ics"
    assert mimetype.startswith("text/calendar")
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("DTSTART") == meeting.start
    assert SECRET_LINK in str(event["LOCATION"]) and SECRET_LINK in str(event["DESCRIPTION"])

    page = client.get(response["Location"])
    assert page["Cache-Control"] == "private, no-store"
    assert page["X-Robots-Tag"] == "noindex"
    soup = soup_of(page)
    assert soup.h1.get_text(strip=True) == "You are registered"
    assert soup.find("a", string="Join the meeting")["href"] == SECRET_LINK
    assert "We have sent a confirmation to anna@example.org" in soup.get_text()


def test_the_public_page_never_shows_the_link_even_after_registering(client, meeting):
    client.post(meeting.url, form_data())
    assert SECRET_LINK.encode() not in client.get(meeting.url).content


def test_a_wrong_token_shows_nothing(client, meeting):
    client.post(meeting.url, form_data())
    assert client.get(meeting.url + "registered/not-a-token/").status_code == 404
    other = EventPageFactory(
        parent=meeting.get_parent(),
        title="Other",
        registration_type="built_in",
        join_url=SECRET_LINK,
    )
    registration = EventRegistration.objects.get()
    token = registration.access_token
    assert client.get(f"{other.url}registered/{token}/").status_code == 404


def test_the_same_email_twice_does_not_register_twice(client, meeting):
    client.post(meeting.url, form_data())
    response = client.post(meeting.url, form_data(email=" ANNA@example.org ", name="Anna N."))
    soup = soup_of(response)
    assert "already registered" in soup.select_one(".notice").get_text()
    assert EventRegistration.objects.count() == 1
    assert EventRegistration.objects.get().name == "Anna Nováková"
    assert len(mail.outbox) == 1  # sent minutes ago: not sent again at once
    assert SECRET_LINK not in soup.get_text()


def test_the_same_email_later_gets_the_confirmation_again(client, meeting):
    client.post(meeting.url, form_data())
    EventRegistration.objects.update(
        confirmation_sent_at=timezone.now() - datetime.timedelta(hours=1)
    )
    soup = soup_of(client.post(meeting.url, form_data()))
    assert "We have sent the confirmation to it again." in soup.select_one(".notice").get_text()
    assert len(mail.outbox) == 2


def test_a_full_event_says_so_and_takes_nobody_more(client, meeting):
    client.post(meeting.url, form_data(email="one@example.org"))
    client.post(meeting.url, form_data(email="two@example.org"))
    soup = soup_of(client.get(meeting.url))
    assert soup.select_one(".notice--full").get_text(strip=True) == (
        "This event is full: all places are taken. Registration is closed."
    )
    assert soup.select_one("form.registration__form") is None
    soup = soup_of(client.post(meeting.url, form_data(email="three@example.org")))
    assert soup.select_one(".notice--full")
    assert EventRegistration.objects.count() == 2
    assert client.get(f"/api/v2/pages/{meeting.pk}/").json()["registration"]["is_open"] is False


def test_places_count_across_languages(client, meeting):
    translate_page(meeting.get_parent(), "de", {"Events": "Veranstaltungen"})
    german = translate_page(meeting, "de", {"Network meeting on Zoom": "Netzwerktreffen"})
    client.post(meeting.url, form_data(email="one@example.org"))
    response = client.post(german.url, form_data(email="two@example.org"))
    assert response.status_code == 302
    registration = EventRegistration.objects.get(email="two@example.org")
    assert registration.language == "de"
    assert mail.outbox[-1].subject == "Sie sind angemeldet: Netzwerktreffen"
    soup = soup_of(client.get(german.url))
    assert soup.select_one(".notice--full")  # two places, one per language: full
    # The same person cannot register again through the other language.
    client.post(meeting.url, form_data(email="one@example.org"))
    assert EventRegistration.objects.count() == 2


def test_registration_closes_when_the_event_starts(client, events_index):
    started = EventPageFactory(
        parent=events_index,
        title="Started a minute ago",
        start=timezone.now() - datetime.timedelta(minutes=1),
        hours=2,
        registration_type="built_in",
    )
    soup = soup_of(client.get(started.url))
    assert "Registration has closed: the event has started." in soup.find(id="register").get_text()
    assert soup.select_one("form.registration__form") is None
    soup = soup_of(client.post(started.url, form_data()))
    assert "Registration has closed" in soup.find(id="register").get_text()
    assert not EventRegistration.objects.exists()


def test_a_mail_failure_loses_nothing_and_is_logged(client, meeting, caplog):
    with (
        mock.patch(
            "django.core.mail.EmailMultiAlternatives.send",
            side_effect=ConnectionRefusedError("mail server down"),
        ),
        caplog.at_level(logging.ERROR, logger="network.registration"),
    ):
        response = client.post(meeting.url, form_data())
    assert response.status_code == 302
    registration = EventRegistration.objects.get()
    assert registration.confirmation_sent_at is None
    assert "Could not send the confirmation of registration" in caplog.text
    assert "mail server down" in caplog.text
    soup = soup_of(client.get(response["Location"]))
    assert "could not send the confirmation e-mail" in soup.select_one(".notice").get_text()
    assert soup.find("a", string="Join the meeting")["href"] == SECRET_LINK


def test_consent_is_required_and_robots_are_turned_away(client, meeting):
    soup = soup_of(client.post(meeting.url, form_data(consent=None)))
    assert "Please agree" in soup.find(id="register").get_text()
    soup = soup_of(client.post(meeting.url, form_data(website="http://spam.example")))
    assert "We could not register you." in soup.select_one("[role=alert]").get_text()
    assert not EventRegistration.objects.exists()
    assert not mail.outbox


def test_registered_people_can_cancel(client, meeting):
    url = client.post(meeting.url, form_data())["Location"]
    soup = soup_of(client.post(url, {"action": "cancel"}))
    assert soup.h1.get_text(strip=True) == "Registration cancelled"
    assert not EventRegistration.objects.exists()
    assert client.get(url).status_code == 404


def test_external_registration_links_out(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        title="Webinar",
        registration_type="external",
        registration_url="https://forms.example.org/webinar",
    )
    soup = soup_of(client.get(event.url))
    assert soup.find(id="register").a["href"] == "https://forms.example.org/webinar"
    data = client.get(f"/api/v2/pages/{event.pk}/").json()["registration"]
    assert data == {
        "type": "external",
        "url": "https://forms.example.org/webinar",
        "is_open": True,
    }


def test_registrants_never_appear_in_the_api_search_or_feeds(client, meeting):
    client.post(meeting.url, form_data(name="Zsófia Registrantová", email="zsofia@example.org"))
    for url in [
        meeting.url,
        "/en/events/",
        "/en/events/feed.ics",
        meeting.url + "event.ics",
        "/api/v2/pages/?type=network.EventPage&fields=*",
        f"/api/v2/pages/{meeting.pk}/",
        "/sitemap.xml",
    ]:
        content = client.get(url).content
        assert b"zsofia@example.org" not in content, url
        assert "Registrantová".encode() not in content, url
    for query in ("Registrantová", "zsofia@example.org"):
        results = soup_of(client.get(f"/en/search/?q={query}")).select_one("main")
        assert not results.find("a", href=meeting.url), query
