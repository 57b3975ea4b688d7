"""Sending mail without making anyone wait: every mail is recorded (OutgoingMail) and handed to
the task worker, which sends it with a timeout and tries again later when the server fails.

Apps call `send()`; Django's and Wagtail's own mails (moderation notices, password resets) come
through `QueuedEmailBackend`, which is the site's EMAIL_BACKEND. The server that really delivers
is EMAIL_DELIVERY_BACKEND (SMTP from EMAIL_URL, or the console in development).
"""

import base64
import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.dispatch import Signal
from django.utils import timezone, translation
from django_tasks import task

from cms.core.models import OutgoingMail

logger = logging.getLogger(__name__)

# Sent with `mail` (an OutgoingMail) when the mail server has taken it; apps listen for the mails
# about their own records (`mail.about`), e.g. to note that a confirmation went out.
mail_sent = Signal()

Status = OutgoingMail.Status


def send(
    *,
    to: Iterable[str],
    subject: str,
    text: str,
    html: str = "",
    attachments: Iterable[tuple[str, str | bytes, str]] = (),
    reply_to: Iterable[str] = (),
    language: str | None = None,
    purpose: str = "",
    about=None,
    headers: dict | None = None,
    cc: Iterable[str] = (),
    bcc: Iterable[str] = (),
    from_email: str | None = None,
) -> OutgoingMail:
    """Record a mail and queue it; returns at once, whatever the mail server does."""
    mail = OutgoingMail(
        purpose=purpose[:100],
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        cc=list(cc),
        bcc=list(bcc),
        reply_to=[address for address in reply_to if address],
        subject=" ".join(str(subject).split()),
        text=text,
        html=html,
        attachments=[_attachment(*attachment) for attachment in attachments],
        # Like wagtail.admin.mail.send_mail: auto-replies should not answer these.
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
        language=language or translation.get_language() or "",
    )
    if about is not None:
        mail.content_type = ContentType.objects.get_for_model(about)
        mail.object_id = about.pk
    mail.save()
    deliver.enqueue(mail.pk)
    return mail


def _attachment(filename: str, content: str | bytes, mimetype: str) -> dict:
    if isinstance(content, bytes):
        try:
            content = content.decode()
        except UnicodeDecodeError:
            encoded = base64.b64encode(content).decode("ascii")
            return {"filename": filename, "content": encoded, "mimetype": mimetype, "base64": True}
    return {"filename": filename, "content": content, "mimetype": mimetype}


def as_message(mail: OutgoingMail, connection=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=mail.from_email,
        to=mail.to,
        cc=mail.cc,
        bcc=mail.bcc,
        reply_to=mail.reply_to or None,
        headers=mail.headers,
        connection=connection,
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for attachment in mail.attachments:
        content = attachment["content"]
        if attachment.get("base64"):
            content = base64.b64decode(content)
        message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


def retry_delay(attempts: int) -> timedelta:
    """1, 5, 25, 125 ... minutes (with the default EMAIL_RETRY_DELAY of 60 seconds)."""
    return timedelta(seconds=settings.EMAIL_RETRY_DELAY * 5 ** max(attempts - 1, 0))


# Before builds in the queue: someone is waiting for this mail (django-tasks-db runs by priority).
@task(priority=20)
def deliver(mail_id: int) -> str:
    """Send one recorded mail; on failure note it and queue the next attempt (or give up)."""
    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None or mail.status in (Status.SENT, Status.FAILED):
        return "nothing to do"  # deleted, already sent (twice queued), or given up
    now = timezone.now()
    mail.attempts += 1
    mail.last_attempt_at = now
    mail.next_attempt_at = None
    try:
        connection = get_connection(
            settings.EMAIL_DELIVERY_BACKEND, fail_silently=False, timeout=settings.EMAIL_TIMEOUT
        )
        as_message(mail, connection).send()
    except Exception as error:
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        # Without a queue that can wait (the immediate backend of tests), there is no retry:
        # the mail shows as not sent in the admin, which can send it again.
        backend = deliver.get_backend()
        if mail.attempts < settings.EMAIL_MAX_ATTEMPTS and backend.supports_defer:
            mail.status = Status.RETRYING
            mail.next_attempt_at = now + retry_delay(mail.attempts)
        else:
            mail.status = Status.FAILED
        mail.save()
        if mail.status == Status.RETRYING:
            deliver.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
        logger.warning(
            "Mail %s (%s) not sent, attempt %s: %s", mail.pk, mail, mail.attempts, mail.last_error
        )
        raise
    mail.status = Status.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save()
    mail_sent.send(sender=OutgoingMail, mail=mail)
    forget_old_texts()
    return "sent"


def send_again(mail: OutgoingMail) -> None:
    """The admin's "Send again": a fresh round of attempts."""
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=Status.QUEUED, attempts=0, next_attempt_at=None
    )
    deliver.enqueue(mail.pk)


def forget_old_texts() -> int:
    """Personal data is kept no longer than needed: the text and attachments of mail sent more
    than EMAIL_KEEP_SENT_DAYS ago are deleted (the worker does it after each mail it sends)."""
    before = timezone.now() - timedelta(days=settings.EMAIL_KEEP_SENT_DAYS)
    return (
        OutgoingMail.objects.filter(status=Status.SENT, sent_at__lt=before)
        .exclude(text="", html="", attachments=[])
        .update(text="", html="", attachments=[])
    )


class QueuedEmailBackend(BaseEmailBackend):
    """EMAIL_BACKEND: every EmailMessage sent anywhere (Wagtail's notices too) goes to the queue."""

    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            html = next(
                (
                    content
                    for content, mimetype in getattr(message, "alternatives", [])
                    if mimetype == "text/html"
                ),
                "",
            )
            attachments = [
                attachment
                for attachment in message.attachments
                if isinstance(attachment, tuple) and len(attachment) == 3
            ]
            send(
                to=message.to,
                cc=message.cc,
                bcc=message.bcc,
                from_email=message.from_email,
                subject=message.subject,
                text=message.body,
                html=html,
                attachments=attachments,
                reply_to=message.reply_to,
                headers=message.extra_headers,
                purpose=str(message.subject)[:100],
            )
            count += 1
        return count
