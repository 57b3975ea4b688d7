"""Mail goes through the task queue: recorded, sent by the worker with a timeout, tried again
later when the server fails, listed in the admin (Outgoing mail) with "Send again"."""

import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail as django_mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import mail
from cms.core.models import OutgoingMail
from network.groups import MODERATORS, setup_groups
from tests.mail_helpers import queued_mail_to, run_worker, silent_smtp_server

pytestmark = pytest.mark.django_db

Status = OutgoingMail.Status


def send_one(**changes) -> OutgoingMail:
    fields = {
        "to": ["anna@example.org"],
        "subject": "Your   registration",
        "text": "Hello Anna",
        "html": "<p>Hello Anna</p>",
        "attachments": [("meeting.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
        "reply_to": ["events@mine.example", ""],
        "language": "de",
        "purpose": "Event confirmation",
    }
    fields.update(changes)
    return mail.send(**fields)


def test_a_mail_is_recorded_and_sent_by_the_task():
    record = send_one()
    record.refresh_from_db()
    assert (record.status, record.attempts, record.language) == (Status.SENT, 1, "de")
    assert record.sent_at is not None
    (message,) = django_mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "Your registration"
    assert message.reply_to == ["events@mine.example"]
    assert message.body == "Hello Anna"
    assert message.alternatives[0] == ("<p>Hello Anna</p>", "text/html")
    assert message.attachments[0][0] == "meeting.ics"
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_binary_attachments_survive_the_queue():
    send_one(attachments=[("photo.jpg", b"\xff\xd8\xff\xe0 not text", "image/jpeg")])
    (message,) = django_mail.outbox
    assert message.attachments[0][1] == b"\xff\xd8\xff\xe0 not text"


def test_a_silent_mail_server_never_holds_anyone_up_and_the_mail_is_retried():
    with silent_smtp_server() as (port, connections), queued_mail_to(port, EMAIL_MAX_ATTEMPTS=2):
        started = time.monotonic()
        record = send_one()
        assert time.monotonic() - started < 0.5  # recorded and queued, nothing sent yet
        record.refresh_from_db()
        assert (record.status, record.attempts) == (Status.QUEUED, 0)

        started = time.monotonic()
        run_worker()
        assert 0.9 < time.monotonic() - started < 5  # EMAIL_TIMEOUT (1 s), not forever
        assert connections  # the worker really reached the server
        record.refresh_from_db()
        assert (record.status, record.attempts) == (Status.RETRYING, 1)
        assert "timed out" in record.last_error
        # The next attempt waits in the queue (a minute later by default).
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.run_after == record.next_attempt_at
        assert record.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
        assert DBTaskResult.objects.filter(status="FAILED").count() == 1

        run_worker()  # not due yet: nothing happens
        record.refresh_from_db()
        assert record.attempts == 1

        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_worker()
        record.refresh_from_db()
        # EMAIL_MAX_ATTEMPTS reached: not sent, and no more retries queued.
        assert (record.status, record.attempts) == (Status.FAILED, 2)
        assert not DBTaskResult.objects.filter(status="READY").exists()
    assert django_mail.outbox == []


def test_mail_from_django_and_wagtail_goes_through_the_queue_too():
    with override_settings(EMAIL_BACKEND="cms.mail.QueuedEmailBackend"):
        django_mail.send_mail(
            "Password reset", "Follow the link", "bridges@mine.example", ["editor@mine.example"]
        )
    record = OutgoingMail.objects.get()
    assert (record.status, record.to, record.from_email) == (
        Status.SENT,
        ["editor@mine.example"],
        "bridges@mine.example",
    )
    assert django_mail.outbox[0].subject == "Password reset"


def test_the_texts_of_sent_mail_are_deleted_after_some_days():
    old = send_one()
    OutgoingMail.objects.filter(pk=old.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=15)
    )
    recent = send_one()  # each mail the worker sends clears the old ones
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.text, old.html, old.attachments) == ("", "", [])
    assert old.to == ["anna@example.org"] and old.status == Status.SENT
    assert recent.text == "Hello Anna"


# -- the admin --------------------------------------------------------------------------------


@pytest.fixture
def failed_mail():
    with override_settings(EMAIL_DELIVERY_BACKEND="tests.mail_helpers.FailingBackend"):
        record = send_one(to=["private.person@example.org"], subject="Secret subject")
    record.refresh_from_db()
    assert record.status == Status.FAILED
    return record


@pytest.fixture
def moderator(django_user_model):
    setup_groups()
    user = django_user_model.objects.create_user("moderator", "mod@mine.example", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_admins_see_what_was_not_sent_and_send_it_again(client, admin_user, failed_mail):
    client.force_login(admin_user)
    response = client.get("/admin/outgoing_mail/?status=failed")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    row = soup.select_one("table.listing tbody tr").get_text(" ", strip=True)
    assert "Event confirmation" in row and "not sent" in row
    assert "private.person@example.org" in row and "mail server down" in row
    (send_again,) = [a for a in soup.select("tbody a") if "Send again" in a.get_text()]
    assert send_again["href"] == f"/admin/outgoing_mail/send-again/{failed_mail.pk}/"
    assert "Secret subject" in client.get(f"/admin/outgoing_mail/inspect/{failed_mail.pk}/").text

    assert client.get(send_again["href"]).status_code == 200
    response = client.post(send_again["href"])
    assert response.status_code == 302
    failed_mail.refresh_from_db()
    assert (failed_mail.status, failed_mail.attempts) == (Status.SENT, 1)
    assert django_mail.outbox[0].to == ["private.person@example.org"]


def test_moderators_see_the_failure_but_no_personal_data(client, moderator, failed_mail):
    client.force_login(moderator)
    menu = client.get("/admin/").text
    assert "/admin/outgoing_mail/" in menu
    listing = client.get("/admin/outgoing_mail/").text
    assert "Event confirmation" in listing and "mail server down" in listing
    inspect = client.get(f"/admin/outgoing_mail/inspect/{failed_mail.pk}/").text
    for page in (listing, inspect):
        assert "private.person@example.org" not in page
        assert "Secret subject" not in page and "Hello Anna" not in page
    edit = client.get(f"/admin/outgoing_mail/edit/{failed_mail.pk}/")
    assert edit.status_code in (302, 403) and b"private.person" not in edit.content
    assert client.post(f"/admin/outgoing_mail/send-again/{failed_mail.pk}/").status_code == 302
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.SENT


def test_editors_without_the_permission_cannot_see_it(client, django_user_model, failed_mail):
    setup_groups()
    editor = django_user_model.objects.create_user("editor", "ed@mine.example", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/outgoing_mail/").status_code in (302, 403)
    assert client.post(f"/admin/outgoing_mail/send-again/{failed_mail.pk}/").status_code in (
        302,
        403,
    )
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.FAILED
