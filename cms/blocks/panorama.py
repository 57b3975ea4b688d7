"""The 360° photo block: an equirectangular panorama that readers can look around in."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .media import ImageBlock, ImageChooserBlock

# The size handed to the 360° viewer: sharp enough on a laptop, still light enough for a phone.
PANORAMA_RENDITION = "max-4096x2048"
# Equirectangular photos are exactly twice as wide as high; cameras round a few pixels either way.
PANORAMA_RATIO_RANGE = (1.9, 2.1)


class PanoramaBlock(ImageBlock):
    image = ImageChooserBlock(
        label=_("360° photo"),
        help_text=_(
            "A photo from a 360° camera or a phone's “photo sphere” mode: twice as wide as it is "
            "high (for example 6000 × 3000 pixels)."
        ),
    )

    # The viewer's size, among the image's renditions in the API.
    extra_renditions = {"equirectangular": PANORAMA_RENDITION}

    class Meta:
        icon = "globe"
        label = _("360° photo")
        template = "blocks/panorama.html"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and image.height:
            ratio = image.width / image.height
            if not PANORAMA_RATIO_RANGE[0] <= ratio <= PANORAMA_RATIO_RANGE[1]:
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "image": ValidationError(
                            _(
                                "A 360° photo is twice as wide as it is high; this one is "
                                "%(width)s × %(height)s pixels. Choose it as a normal photo "
                                "instead, or export the panorama again from the camera's app."
                            )
                            % {"width": image.width, "height": image.height}
                        )
                    }
                )
        return value
