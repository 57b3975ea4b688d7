"""The body StreamField most pages use; apps extend it rather than repeat it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .embeds import EmbedBlock
from .links import CallToActionBlock
from .media import AudioBlock, GalleryBlock, ImageBlock, VideoBlock
from .text import HeadingBlock, ParagraphBlock, QuoteBlock


class BodyStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Body")
