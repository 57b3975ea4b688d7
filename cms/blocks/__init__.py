"""The shared block library: every app builds its StreamFields from these, so no block exists twice."""

from .embeds import EmbedBlock
from .links import CallToActionBlock, LinkBlock
from .media import (
    AudioBlock,
    CaptionTrackBlock,
    GalleryBlock,
    ImageBlock,
    ImageChooserBlock,
    VideoBlock,
)
from .streams import BodyStreamBlock
from .text import HeadingBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "AudioBlock",
    "BodyStreamBlock",
    "CallToActionBlock",
    "CaptionTrackBlock",
    "EmbedBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "ImageChooserBlock",
    "LinkBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "VideoBlock",
]
