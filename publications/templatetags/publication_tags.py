"""Template helpers of the book: QR codes, heading levels and language names."""

import segno
from django import template
from django.utils.translation import get_language_info

from cms.serializers import absolute_url

register = template.Library()


@register.simple_tag
def qr_code(url: str) -> str:
    """A QR code for `url` as a PNG data URI: readers of the printed book scan it to go online."""
    return segno.make(url, error="m").png_data_uri(scale=4, border=2, dark="#1b1b1b")


@register.filter
def heading_level(level: int, offset: int) -> int:
    """The heading level inside the book, at most 6 (h2 in a story is h3 in the PDF)."""
    return min(6, int(level) + int(offset or 0))


@register.simple_tag
def language_name(code: str) -> str:
    """The language's name in the reader's language (“German”, “Deutsch”, “német”)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.filter
def absolute(url: str) -> str:
    """A site-relative URL made absolute: links in a PDF or an EPUB leave the site."""
    return absolute_url(url or "")
