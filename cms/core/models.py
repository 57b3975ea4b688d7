"""Image and media models with the fields MINE's editors need (alt text, credit, transcript), and
the record of every outgoing mail (sent by the task worker, see cms/mail.py)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index
from wagtailmedia.models import AbstractMedia


class BridgesImage(AbstractImage):
    # Wagtail's own `description` field is the image's default alt text; we relabel it for editors.
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Who took the photo or owns it, e.g. “Photo: Anna Novak / MC Dupajda”."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class BridgesRendition(AbstractRendition):
    image = models.ForeignKey(BridgesImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class BridgesMedia(AbstractMedia):
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_(
            "Everything that is said (and important sounds), for people who cannot hear "
            "the recording. Shown below the player."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Who recorded or owns this video or audio."),
    )

    admin_form_fields = (*AbstractMedia.admin_form_fields, "transcript", "credit")
    search_fields = [*AbstractMedia.search_fields, index.SearchField("transcript")]

    class Meta(AbstractMedia.Meta):
        verbose_name = _("video or audio")
        verbose_name_plural = _("videos and audio")


class OutgoingMail(models.Model):
    """One e-mail as it was handed over, kept until the mail server took it (and a few days
    after, without its text): the admin's "Outgoing mail" lists what could not be sent."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to be sent")
        RETRYING = "retrying", _("not sent yet: will try again")
        FAILED = "failed", _("not sent")
        SENT = "sent", _("sent")

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    purpose = models.CharField(
        _("purpose"),
        max_length=100,
        blank=True,
        help_text=_("What the mail is for, e.g. an event confirmation."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    from_email = models.CharField(_("from"), max_length=320)
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("copy to"), default=list, blank=True)
    bcc = models.JSONField(_("blind copy to"), default=list, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.TextField(_("subject"))
    text = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)
    # [{"filename", "content" (text, or base64 when "base64" is true), "mimetype"}]
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)

    # What the mail is about (a registration, a story submission): its app hears when it is sent.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, editable=False
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    about = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        # Purposes are stored untranslated (gettext_noop) and shown in the reader's language.
        return gettext(self.purpose) if self.purpose else gettext("Mail")

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT


class SourceChange(models.Model):
    """A translated page's source was published with new or changed text since its translations
    were last synced: every translation of it is out of date until someone syncs it
    (cms/core/translation_status.py). Kept per source, so marking is one write at publishing."""

    source = models.OneToOneField(
        "wagtail_localize.TranslationSource",
        on_delete=models.CASCADE,
        related_name="bridges_change",
        verbose_name=_("source"),
    )
    changed_at = models.DateTimeField(_("changed"), db_index=True)
    # [{"kind": "new" | "changed" | "removed", "field": label, "text": new text, "was": old}]
    changes = models.JSONField(_("changes"), default=list, blank=True)

    class Meta:
        verbose_name = _("change to a translated page")
        verbose_name_plural = _("changes to translated pages")

    def __str__(self):
        return str(self.source)
