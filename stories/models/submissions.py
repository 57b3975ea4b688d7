"""Stories the public sends in through "Tell your story", and the files that came with them:
personal data, kept out of every page, list and API (how the admin shows them:
stories.submission_admin)."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..private_files import private_storage, safe_extension
from .pages import StoryPage


class StorySubmission(models.Model):
    """A story sent in through "Tell your story", kept as it arrived (never a page itself).

    It holds the sender's personal data (e-mail, consents): only editors see it, in the admin.
    Deleting it removes that data, its files and the draft made from it, unless that draft has
    been published.
    """

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    public_name = models.CharField(_("public name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"))
    country = models.ForeignKey(
        "network.CountryPage",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    centre = models.ForeignKey(
        "network.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("story"))
    photo_description = models.CharField(_("what the photos show"), max_length=250, blank=True)
    consent_publish = models.BooleanField(_("agreed to publication"), default=False)
    consent_contact = models.BooleanField(_("may be contacted"), default=False)
    story_page = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("draft story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editors_notified = models.BooleanField(_("editors notified"), default=False)
    # The notices about it (in Outgoing mail): deleted with the submission.
    mails = GenericRelation("core.OutgoingMail")

    class Meta:
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def status(self) -> str:
        page = self.story_page
        if page is None:
            return _("Received, no draft story (see the log)")
        if page.live:
            return _("Published")
        return _("Draft waiting for review")

    status.fget.short_description = _("status")

    def delete(self, *args, **kwargs):
        """Delete the personal data with the record: the uploaded files and, unless the story has
        been published (with the sender's consent), the draft and the images and recordings made
        for it. A published story stays until an editor unpublishes or deletes it."""
        page = StoryPage.objects.filter(pk=self.story_page_id).first()  # fresh: it may be published
        if page is None or (not page.live and page.first_published_at is None):
            for upload in self.files.select_related("image", "media"):
                if upload.image is not None:
                    upload.image.delete()
                if upload.media is not None:
                    upload.media.delete()
            if page is not None:
                page.delete()
        return super().delete(*args, **kwargs)


def submission_upload_path(instance, filename: str) -> str:
    # A random name (the sender's own may carry personal data), with the extension the checks gave
    # (submissions.py names every file by its content): anything else is stored as .bin.
    return f"submissions/{uuid.uuid4().hex}.{safe_extension(filename)}"


class SubmissionFile(models.Model):
    """A photo (stripped of its metadata), video or audio file that came with a submission."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photo")
        VIDEO = "video", _("video")
        AUDIO = "audio", _("audio")

    submission = models.ForeignKey(
        StorySubmission, on_delete=models.CASCADE, related_name="files", verbose_name=_("story")
    )
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    # In the private storage: the web server never serves it; editors download it from the admin.
    file = models.FileField(_("file"), upload_to=submission_upload_path, storage=private_storage)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    media = models.ForeignKey(
        "core.BridgesMedia", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"
