"""People registered for an event: personal data, kept in the admin only (never on the site,
in the API, in search or in feeds)."""

import secrets

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.core.models import OutgoingMail


def new_access_token() -> str:
    return secrets.token_urlsafe(24)


class EventRegistration(models.Model):
    event = models.ForeignKey(
        "network.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
        help_text=_("The event (in the language the person registered in)."),
    )
    # The event in every language: capacity and duplicates count across translations.
    event_key = models.UUIDField(editable=False, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("The language of the page they registered on; e-mails use it."),
    )
    consent = models.BooleanField(
        _("agreed to the use of their data"),
        default=False,
        help_text=_("They agreed that MINE keeps these details to organise the event."),
    )
    # The registered person's own page (joining link, cancel) is found with this, never by id.
    access_token = models.CharField(
        max_length=64, unique=True, default=new_access_token, editable=False
    )
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent"),
        null=True,
        blank=True,
        help_text=_("Empty when the confirmation e-mail could not be sent."),
    )
    # Registering again with the same address re-sends the confirmation once a day at most.
    confirmation_requested_at = models.DateTimeField(
        _("confirmation last queued"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a confirmation e-mail to this address was last queued."),
    )
    # The confirmations (in Outgoing mail): they go when the registration is deleted.
    mails = GenericRelation("core.OutgoingMail")

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["-registered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "email"], name="network_one_registration_per_email"
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        self.event_key = self.event.translation_key
        super().save(*args, **kwargs)

    @property
    def confirmation_sent(self) -> bool:
        return self.confirmation_sent_at is not None

    @property
    def confirmation_failed(self) -> bool:
        """The last confirmation could not be sent and the queue gave up on it."""
        last = self.mails.order_by("-created_at").first()
        return last is not None and last.status == OutgoingMail.Status.FAILED
