"""Registering for an event: places, one registration per e-mail address, closing at the start,
and the confirmation e-mail (with the event as .ics and, for online events, the joining link).

The answer never tells whether an address was already registered: a new registration and a
known address get the same page (the joining details and "a confirmation is on its way"); a known
address gets its confirmation again, at most once a day. The confirmation goes through the mail
queue (cms/mail.py), so a slow or broken mail server never delays or breaks the answer.
"""

import dataclasses
import enum
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Page

from cms import mail
from cms.client_ip import RateLimit
from network.calendar import events_calendar
from network.models import EventRegistration

logger = logging.getLogger(__name__)

# Registering again with the same address sends the confirmation again, at most this often.
RESEND_AFTER = timedelta(days=1)
# Kept untranslated in Outgoing mail; the admin shows it in each editor's language.
CONFIRMATION = gettext_noop("Event confirmation")

# Per client (cms.client_ip): registrations made (each one queues a mail to the address typed and
# may take a place), and every try of the form, mistakes included, so hostile load is capped too.
REGISTRATIONS = RateLimit(
    "network:registrations", "NETWORK_REGISTRATION_LIMIT", "NETWORK_REGISTRATION_LIMIT_WINDOW"
)
ATTEMPTS = RateLimit(
    "network:registration-attempts",
    "NETWORK_REGISTRATION_ATTEMPT_LIMIT",
    "NETWORK_REGISTRATION_LIMIT_WINDOW",
)


def too_many_registrations(request) -> bool:
    return REGISTRATIONS.reached(request) or ATTEMPTS.reached(request)


class Outcome(enum.StrEnum):
    # A new registration, or an address that was registered already: the visitor sees the same.
    REGISTERED = "registered"
    FULL = "full"
    STARTED = "started"
    ENDED = "ended"


@dataclasses.dataclass
class Result:
    outcome: Outcome
    # Only for the mail and tests: never shown to the visitor (it would tell who registered).
    registration: EventRegistration | None = None
    was_registered: bool = False


def register(event, data: dict, request=None) -> Result:
    if event.has_ended:
        return Result(Outcome.ENDED)
    if event.has_started:
        return Result(Outcome.STARTED)
    email = data["email"].strip().lower()
    language = translation.get_language() or event.locale.language_code
    registration = None
    with transaction.atomic():
        # Lock the event so that two people cannot both take the last place.
        list(Page.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))
        existing = EventRegistration.objects.filter(
            event_key=event.translation_key, email=email
        ).first()
        taken = EventRegistration.objects.filter(event_key=event.translation_key).count()
        # A full event says so to everybody, registered or not.
        full = event.capacity is not None and taken >= event.capacity
        if existing is None:
            if full:
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
            # The owner of the address hears again (not more than once a day); the visitor
            # sees what a new registration sees.
            last = existing.confirmation_requested_at
            if last is None or timezone.now() - last > RESEND_AFTER:
                send_confirmation(existing, event, request)
            outcome = Outcome.FULL if full else Outcome.REGISTERED
            return Result(outcome, existing, was_registered=True)
        send_confirmation(registration, event, request)
    return Result(Outcome.REGISTERED, registration)


def registration_by_token(event, token: str) -> EventRegistration | None:
    """The registration its secret link names, for this event in any of its languages."""
    return EventRegistration.objects.filter(
        access_token=token, event_key=event.translation_key
    ).first()


def send_confirmation(registration: EventRegistration, event, request=None) -> None:
    """Queue the confirmation (sent by the task worker; the registration notes when it went)."""
    event = event.specific
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
    mail.send(
        to=[registration.email],
        subject=subject,
        text=text,
        html=html,
        attachments=[(f"{event.slug}.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")],
        reply_to=[settings.NETWORK_EVENTS_REPLY_TO],
        language=registration.language,
        purpose=CONFIRMATION,
        about=registration,
    )
    registration.confirmation_requested_at = timezone.now()
    EventRegistration.objects.filter(pk=registration.pk).update(
        confirmation_requested_at=registration.confirmation_requested_at
    )


def note_confirmation_sent(sender, mail, **kwargs) -> None:
    """The mail server took a confirmation: the registration shows it was sent."""
    if (
        mail.purpose == CONFIRMATION
        and mail.content_type
        and mail.content_type.model_class() is EventRegistration
    ):
        EventRegistration.objects.filter(pk=mail.object_id).update(
            confirmation_sent_at=mail.sent_at
        )
