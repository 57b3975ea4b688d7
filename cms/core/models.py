"""Image and media models with the fields MINE's editors need: alt text, credit, transcript."""

from django.db import models
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
