"""Events that change: when an editor publishes a new date or time, or cancels an event, its
calendar entry gets a higher SEQUENCE and everyone registered is told by e-mail (through the mail
queue, cms/mail.py) in the language they registered in, with the updated calendar entry."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Locale, PageLogEntry

from cms import mail
from cms.localized import translated
from network.calendar import events_calendar
from network.models import EventPage, EventRegistration

logger = logging.getLogger(__name__)

CHANGE_NOTICE = "event change"  # OutgoingMail.purpose of these mails

WHEN_FIELDS = ("start", "end", "time_zone", "cancelled")


def previously_published(page: EventPage, revision) -> EventPage | None:
    """The event as it was last published before this revision (None on the first publish).

    page_published is sent before Wagtail logs this publish, so the newest publish in the log
    is the previous one."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", revision__isnull=False)
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


def _when(event: EventPage) -> tuple:
    return tuple(getattr(event, name) for name in WHEN_FIELDS)


def on_event_published(sender, instance: EventPage, revision=None, **kwargs) -> None:
    """page_published: a published event moved or cancelled (not text only) is announced."""
    before = previously_published(instance, revision)
    if before is None or _when(before) == _when(instance):
        return
    moved = (before.start, before.end) != (instance.start, instance.end)
    if not moved and before.cancelled == instance.cancelled:
        return  # only the time zone's name changed, not the moment
    translations = EventPage.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    )
    # The same change published in another language first (a synced translation): it was
    # announced already, so this copy takes its version and nobody is mailed twice.
    announced = [
        other
        for other in translations
        if _when(other) == _when(instance) and other.live and other.sequence > before.sequence
    ]
    if announced:
        changes = {"sequence": announced[0].sequence, "previous_start": announced[0].previous_start}
    else:
        highest = max([before.sequence, instance.sequence, *(t.sequence for t in translations)])
        changes = {
            "sequence": highest + 1,
            "previous_start": before.start if moved else instance.previous_start,
        }
    _store(instance, revision, changes)
    if not announced:
        # Through the queue: the editor's publish does not wait on a mail for each person.
        announce_change.enqueue(instance.pk)


# A mail: before builds in the queue, as cms.mail.deliver.
@task(priority=20)
def announce_change(event_id: int) -> int:
    """Tell everyone registered for the event (in any of its languages) that it moved or was
    cancelled, each in the language they registered in. Returns the number of notices."""
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    registrations = EventRegistration.objects.filter(event_key=event.translation_key)
    versions: dict[str, EventPage] = {}  # the event in each language, worked out once
    for registration in registrations:
        language = registration.language or event.locale.language_code
        if language not in versions:
            versions[language] = in_language(event, language)
        send_change_notice(registration, versions[language])
    return len(registrations)


def _store(page: EventPage, revision, changes: dict) -> None:
    """On the page and in its revisions, so the next edit starts from the new version."""
    for name, value in changes.items():
        setattr(page, name, value)
    EventPage.objects.filter(pk=page.pk).update(**changes)
    serialised = {
        "sequence": changes["sequence"],
        "previous_start": changes["previous_start"].isoformat()
        if changes["previous_start"]
        else None,
    }
    for stored in {revision, page.get_latest_revision()} - {None}:
        stored.content.update(serialised)
        stored.save(update_fields=["content"])


def in_language(event: EventPage, language: str) -> EventPage:
    """The event in the registered person's language when it exists (else as published), with
    the new date, time and state whatever that translation still says."""
    locale = Locale.objects.filter(language_code=language).first()
    localized = translated(event, locale) if locale else event
    if localized is event:
        return event
    localized = localized.specific
    for name in (*WHEN_FIELDS, "sequence", "previous_start"):
        setattr(localized, name, getattr(event, name))
    return localized


def send_change_notice(registration: EventRegistration, event: EventPage) -> None:
    """Queue the mail about a moved or cancelled event (`event` in the registration's language,
    `in_language`), with the calendar entry to update."""
    language = registration.language or event.locale.language_code
    with translation.override(language):
        context = {
            "registration": registration,
            "event": event,
            "event_url": event.get_full_url(),
            "registered_url": event.registered_url(registration, full=True),
        }
        if event.cancelled:
            subject = _("Cancelled: %(title)s") % {"title": event.title}
            method = "CANCEL"
        else:
            subject = _("New date: %(title)s") % {"title": event.title}
            method = "REQUEST"
        text = render_to_string("network/emails/event_changed.txt", context)
        html = render_to_string("network/emails/event_changed.html", context)
        ics = events_calendar(
            [event], name=event.title, with_join_link=not event.cancelled, method=method
        ).to_ical()
    mail.send(
        to=[registration.email],
        subject=subject,
        text=text,
        html=html,
        attachments=[(f"{event.slug}.ics", ics, f"text/calendar; charset=utf-8; method={method}")],
        reply_to=[settings.NETWORK_EVENTS_REPLY_TO],
        language=language,
        purpose=CHANGE_NOTICE,
        about=registration,
    )
