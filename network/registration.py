"""Registering for an event: places, one registration per e-mail address, closing at the start,
and the confirmation e-mail (with the event as .ics and, for online events, the joining link).

The registration is saved before any mail is sent: if the mail server fails, nothing is lost, the
failure is logged, the person still sees their joining details, and the admin shows which
confirmations are missing.
"""

import dataclasses
import enum
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from network.calendar import events_calendar
from network.models import EventRegistration

logger = logging.getLogger(__name__)

# Registering again with the same address sends the confirmation again, at most this often.
RESEND_AFTER = timedelta(minutes=10)


class Outcome(enum.StrEnum):
    REGISTERED = "registered"
    ALREADY_REGISTERED = "already_registered"
    FULL = "full"
    CLOSED = "closed"


@dataclasses.dataclass
class Result:
    outcome: Outcome
    registration: EventRegistration | None = None
    confirmation_resent: bool = False


def register(event, data: dict, request=None) -> Result:
    if event.has_started:
        return Result(Outcome.CLOSED)
    email = data["email"].strip().lower()
    language = translation.get_language() or event.locale.language_code
    with transaction.atomic():
        # Lock the event so that two people cannot both take the last place.
        list(Page.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))
        existing = EventRegistration.objects.filter(
            event_key=event.translation_key, email=email
        ).first()
        if existing is None:
            taken = EventRegistration.objects.filter(event_key=event.translation_key).count()
            if event.capacity is not None and taken >= event.capacity:
                return Result(Outcome.FULL)
            try:
                with transaction.atomic():
                    registration = EventRegistration.objects.create(
                        event=event,
                        name=data["name"].strip(),
                        email=email,
                        organisation=data.get("organisation", "").strip(),
                        country=data.get("country", "").strip(),
                        consent=bool(data.get("consent")),
                        language=language,
                    )
            except IntegrityError:  # the same person, a second earlier, in another request
                existing = EventRegistration.objects.get(
                    event_key=event.translation_key, email=email
                )
    if existing is not None:
        last = existing.confirmation_sent_at
        resent = False
        if last is None or timezone.now() - last > RESEND_AFTER:
            resent = send_confirmation(existing, event, request)
        return Result(Outcome.ALREADY_REGISTERED, existing, confirmation_resent=resent)
    send_confirmation(registration, event, request)
    return Result(Outcome.REGISTERED, registration)


def send_confirmation(registration: EventRegistration, event, request=None) -> bool:
    """Send the confirmation; on failure log it and return False (the registration stays)."""
    event = event.specific
    try:
        with translation.override(registration.language or event.locale.language_code):
            context = {
                "registration": registration,
                "event": event,
                "event_url": event.get_full_url(request),
                "registered_url": event.registered_url(registration, full=True),
            }
            subject = _("You are registered: %(title)s") % {"title": event.title}
            text = render_to_string("network/emails/registration_confirmation.txt", context)
            html = render_to_string("network/emails/registration_confirmation.html", context)
            ics = events_calendar(
                [event], name=event.title, request=request, with_join_link=True
            ).to_ical()
        # wagtail.admin.mail.send_mail cannot attach files, so the message is built here the
        # way it builds its own (same sender setting and Auto-Submitted header), plus the .ics.
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
            reply_to=[settings.NETWORK_EVENTS_REPLY_TO]
            if settings.NETWORK_EVENTS_REPLY_TO
            else None,
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(html, "text/html")
        message.attach(f"{event.slug}.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
        message.send()
    except Exception:
        logger.exception(
            "Could not send the confirmation of registration %s for event %s (%s)",
            registration.pk,
            event.pk,
            event.title,
        )
        return False
    registration.confirmation_sent_at = timezone.now()
    EventRegistration.objects.filter(pk=registration.pk).update(
        confirmation_sent_at=registration.confirmation_sent_at
    )
    return True
