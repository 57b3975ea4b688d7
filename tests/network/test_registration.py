"""Registering for an event: places, one registration per e-mail, closing at the start, the
confirmation e-mail with the .ics and the joining link (only there and on the registered
person's own page), the same answer whether or not an address was registered, and nothing lost
or delayed when the mail server fails."""

import datetime
import time

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from cms.core.models import OutgoingMail
from cms.core.translation import translate_page
from network.factories import EventPageFactory
from network.forms import RegistrationForm
from network.models import EventRegistration
from tests.mail_helpers import queued_mail_to, run_worker, silent_smtp_server
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
    # The answer comes at once, with the joining link, whatever the mail server does.
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "You are registered"
    assert soup.find("a", string="Join the meeting")["href"] == SECRET_LINK
    assert "We are sending a confirmation to anna@example.org" in soup.get_text()
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.email, registration.country) == (
        "Anna Nováková",
        "anna@example.org",
        "Slovakia",
    )
    assert registration.consent and registration.language == "en"
    assert registration.confirmation_sent_at is not None  # the task ran (tests: at once)

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

    # The link in the mail leads to the person's own page.
    own_url = meeting.registered_url(registration)
    assert meeting.registered_url(registration, full=True) in message.body
    page = client.get(own_url)
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


def main_text(response, *typed) -> str:
    """The page's main content, with what the visitor typed taken out."""
    text = soup_of(response).select_one("main").get_text(" ", strip=True)
    for value in typed:
        text = text.replace(value, "…")
    return text


def test_the_answer_never_tells_whether_an_address_was_registered(client, meeting):
    client.post(meeting.url, form_data())
    known = client.post(meeting.url, form_data(email=" ANNA@example.org ", name="Someone"))
    new = client.post(meeting.url, form_data(email="new@example.org", name="Someone"))
    assert known.status_code == new.status_code == 200
    assert main_text(known, "anna@example.org") == main_text(new, "new@example.org")
    assert "already" not in main_text(known)
    # Nobody is registered twice, and the stored registration is untouched.
    assert EventRegistration.objects.count() == 2
    assert EventRegistration.objects.get(email="anna@example.org").name == "Anna Nováková"


def test_the_confirmation_is_sent_again_at_most_once_a_day(client, meeting):
    client.post(meeting.url, form_data())
    for _ in range(3):
        client.post(meeting.url, form_data())
    assert len(mail.outbox) == 1  # asked again within a day: not sent again
    EventRegistration.objects.update(
        confirmation_requested_at=timezone.now() - datetime.timedelta(hours=25)
    )
    client.post(meeting.url, form_data())
    client.post(meeting.url, form_data())
    assert len(mail.outbox) == 2
    assert [m.to for m in mail.outbox] == [["anna@example.org"], ["anna@example.org"]]


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
    assert soup_of(response).h1.get_text(strip=True) == "Sie sind angemeldet"
    registration = EventRegistration.objects.get(email="two@example.org")
    assert registration.language == "de"
    assert mail.outbox[-1].subject == "Sie sind angemeldet: Netzwerktreffen"
    # The HTML part says its language (a screen reader reads German as German).
    html = BeautifulSoup(mail.outbox[-1].alternatives[0][0], "html.parser")
    assert html.html["lang"] == "de"
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


def test_registration_answers_when_the_event_has_ended(client, events_index):
    ended = EventPageFactory(
        parent=events_index,
        title="Ended yesterday",
        start=timezone.now() - datetime.timedelta(days=1, hours=2),
        hours=1,
        registration_type="built_in",
    )
    soup = soup_of(client.post(ended.url, form_data()))
    notice = soup.find(id="register").select_one("[role=status]")
    assert notice.get_text(strip=True) == "Registration has closed: the event has ended."
    assert soup.select_one("form.registration__form") is None
    assert not EventRegistration.objects.exists()


def test_a_full_event_answers_the_same_to_registered_and_new_addresses(client, meeting):
    client.post(meeting.url, form_data(email="one@example.org"))
    client.post(meeting.url, form_data(email="two@example.org"))
    known = client.post(meeting.url, form_data(email="one@example.org", name="X"))
    new = client.post(meeting.url, form_data(email="three@example.org", name="X"))
    assert main_text(known, "one@example.org") == main_text(new, "three@example.org")
    assert soup_of(known).select_one(".notice--full")


def test_an_overlong_email_gets_a_message_next_to_the_field(client, meeting):
    # 312 characters and valid: a 64-character local part and a long domain of short labels.
    long_email = "a" * 64 + "@" + ".".join(["b" * 58] * 4) + ".example.org"
    assert len(long_email) == 312
    response = client.post(meeting.url, form_data(email=long_email, name="Anna Nováková"))
    assert response.status_code == 200
    soup = soup_of(response)
    field = soup.select_one("input[name=email]")
    error = soup.find(id=field["aria-describedby"].split()[0]) or soup.select_one(".error-message")
    assert "at most 254 characters" in soup.find(id="register").get_text()
    assert error is not None
    assert soup.select_one("input[name=name]")["value"] == "Anna Nováková"  # nothing lost
    assert not EventRegistration.objects.exists()


def test_every_registration_field_has_the_database_limits():
    form = RegistrationForm()
    for field in EventRegistration._meta.get_fields():
        if field.name in form.fields and getattr(field, "max_length", None):
            assert form.fields[field.name].max_length == field.max_length, field.name
    assert {"name", "email", "organisation", "country"} <= set(form.fields)


def test_a_failed_confirmation_loses_nothing_and_says_so_on_the_own_page(client, meeting):
    with override_settings(EMAIL_DELIVERY_BACKEND="tests.mail_helpers.FailingBackend"):
        response = client.post(meeting.url, form_data())
    assert soup_of(response).find("a", string="Join the meeting")["href"] == SECRET_LINK
    registration = EventRegistration.objects.get()
    assert registration.confirmation_sent_at is None
    record = OutgoingMail.objects.get()
    assert record.status == OutgoingMail.Status.FAILED and "mail server down" in record.last_error
    soup = soup_of(client.get(meeting.registered_url(registration)))
    assert "could not send the confirmation e-mail" in soup.select_one(".notice").get_text()
    # Cancelling deletes the registration and its mail (personal data).
    client.post(meeting.registered_url(registration), {"action": "cancel"})
    assert not OutgoingMail.objects.exists()


def test_a_silent_mail_server_does_not_hold_up_the_registrant(client, meeting):
    with silent_smtp_server() as (port, connections), queued_mail_to(port):
        started = time.monotonic()
        response = client.post(meeting.url, form_data())
        assert time.monotonic() - started < 1  # EMAIL_TIMEOUT is 1 s here: nothing waited
        soup = soup_of(response)
        assert soup.find("a", string="Join the meeting")["href"] == SECRET_LINK
        registration = EventRegistration.objects.get()
        assert not connections

        run_worker()  # the worker tries, times out, notes it and queues a retry
        assert connections
        record = OutgoingMail.objects.get()
        assert record.status == OutgoingMail.Status.RETRYING and record.attempts == 1
        assert "timed out" in record.last_error and record.next_attempt_at is not None
        registration.refresh_from_db()
        assert registration.confirmation_sent_at is None


def test_consent_is_required_and_robots_are_turned_away(client, meeting):
    soup = soup_of(client.post(meeting.url, form_data(consent=None)))
    assert "Please agree" in soup.find(id="register").get_text()
    soup = soup_of(client.post(meeting.url, form_data(website="http://spam.example")))
    assert "We could not register you." in soup.select_one("[role=alert]").get_text()
    assert not EventRegistration.objects.exists()
    assert not mail.outbox


def test_registered_people_can_cancel(client, meeting):
    client.post(meeting.url, form_data())
    url = meeting.registered_url(EventRegistration.objects.get())
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


# Abuse: one client filling an event and sending mail with its own words to any address.


def registration_errors(response) -> dict[str, list[str]]:
    """The error summary's messages, by the field they link to."""
    shown: dict[str, list[str]] = {}
    for link in soup_of(response).select(".error-summary a[href^='#id_']"):
        shown.setdefault(link["href"].removeprefix("#id_"), []).append(link.get_text(strip=True))
    return shown


@override_settings(NETWORK_REGISTRATION_LIMIT=3)
def test_one_client_registering_many_addresses_is_stopped_with_its_words_kept(client, meeting):
    meeting.capacity = 100
    meeting.save_revision().publish()
    translate_page(meeting.get_parent(), "de", {"Events": "Veranstaltungen"})
    german = translate_page(meeting, "de", {"Network meeting on Zoom": "Netzwerktreffen"})
    for number in range(3):
        response = client.post(meeting.url, form_data(email=f"person{number}@example.org"))
        assert soup_of(response).h1.get_text(strip=True) == "You are registered"
    sent = len(mail.outbox)

    typed = form_data(name="Eva Horváth", email="eva@example.org", organisation="MC Pécs")
    response = client.post(german.url, typed)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    response.status_code = 200  # soup_of reads only answers it can show
    soup = soup_of(response)
    alert = soup.select_one("#register [role=alert]").get_text(" ", strip=True)
    assert "Bitte warten Sie eine Stunde" in alert
    # Nothing typed is lost, and nothing is checked, kept or sent.
    assert soup.select_one("input[name=name]")["value"] == "Eva Horváth"
    assert soup.select_one("input[name=email]")["value"] == "eva@example.org"
    assert soup.select_one("input[name=organisation]")["value"] == "MC Pécs"
    assert soup.select_one("input[name=consent]").has_attr("checked")
    assert EventRegistration.objects.count() == 3
    assert len(mail.outbox) == sent
    # Another connection still registers.
    other = client.post(meeting.url, form_data(email="else@example.org"), REMOTE_ADDR="10.0.0.9")
    assert soup_of(other).h1.get_text(strip=True) == "You are registered"


@override_settings(NETWORK_REGISTRATION_ATTEMPT_LIMIT=4)
def test_every_try_counts_on_a_higher_limit(client, meeting):
    for _ in range(4):
        assert client.post(meeting.url, form_data(consent=None)).status_code == 200
    assert client.post(meeting.url, form_data()).status_code == 429
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "Win a prize at http://evil.example/claim now", "without a web address"),
        ("name", "Win a prize at www.evil.example now", "without a web address"),
        ("name", "Claim at evil.example/claim", "without a web address"),
        ("name", "Anna\r\nBcc: everyone@example.org", "on one line"),
        ("name", "Anna\u202eevil", "on one line"),
        ("organisation", "MC\nClick here", "on one line"),
        ("country", "Slovakia\tx", "on one line"),
    ],
)
def test_names_are_one_plain_line(client, meeting, field, value, message):
    response = client.post(meeting.url, form_data(**{field: value}))
    shown = registration_errors(response)
    assert any(message in error for error in shown.get(field, [])), shown
    assert not EventRegistration.objects.exists()
    assert mail.outbox == []


def test_ordinary_names_and_organisations_pass(client, meeting):
    response = client.post(
        meeting.url,
        form_data(name="Dr. Ana-Marija O’Neil", organisation="Mütterzentrum e.V. Salzburg"),
    )
    assert soup_of(response).h1.get_text(strip=True) == "You are registered"


def test_the_error_summary_names_the_field_of_each_message(client, meeting):
    # "This field is required" alone does not say which one (a screen reader hears only this).
    response = client.post(meeting.url, form_data(consent=""))
    (link,) = soup_of(response).select(".error-summary a")
    label = soup_of(response).select_one("label[for=id_consent]").get_text(" ", strip=True)
    assert link.get_text(" ", strip=True).startswith(label.rstrip(":") + ":")
    assert link["href"] == "#id_consent"
