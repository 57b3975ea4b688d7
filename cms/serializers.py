"""The one serialising layer: how images, media and links look in the public API.

Every block that holds a reference calls these, so an image is the same JSON shape wherever it appears
(a story body, a walk stop, a page's hero image field).
"""

from django.conf import settings
from wagtail.images.models import AbstractImage

from cms.visibility import is_public

# Rendition sizes offered to API clients; the site's templates use the same specs through srcset.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "small": "max-640x640",
    "medium": "max-1280x1280",
    "large": "max-2048x2048",
}


def absolute_url(url: str) -> str:
    """Storage URLs are site-relative in development and absolute on object storage."""
    if url and url.startswith("/"):
        return settings.WAGTAILAPI_BASE_URL.rstrip("/") + url
    return url


def serialize_image(image: AbstractImage | None, alt: str = "") -> dict | None:
    """An image with every rendition size, made in one call (one query when none exist yet)."""
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text,
        "credit": getattr(image, "credit", ""),
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": absolute_url(renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in IMAGE_RENDITIONS.items()
        },
    }


def serialize_document(document) -> dict | None:
    if document is None:
        return None
    return {"id": document.pk, "title": document.title, "url": absolute_url(document.url)}


def serialize_media(media, poster=None, caption_tracks=(), transcript: str = "") -> dict | None:
    """A video or audio file with its poster, caption tracks (WebVTT) and transcript."""
    if media is None:
        return None
    poster_data = serialize_image(poster) if poster else None
    if poster_data is None and media.thumbnail:
        poster_data = {"url": absolute_url(media.thumbnail.url)}
    return {
        "id": media.pk,
        "title": media.title,
        "type": media.type,
        "url": absolute_url(media.url),
        "mime_type": media.sources[0]["type"],
        "duration": media.duration,
        "width": media.width,
        "height": media.height,
        "poster": poster_data,
        "caption_tracks": [
            {
                "language": track["language"],
                "label": track["label"],
                "url": absolute_url(track["file"].url),
            }
            for track in caption_tracks
            if track.get("file")
        ],
        "transcript": transcript or getattr(media, "transcript", ""),
        "credit": getattr(media, "credit", ""),
    }


def serialize_page_link(page) -> dict | None:
    """A link to another page: its public URL in the page's own language, never a draft's or a
    private page's (password, login or group restricted, or under such a page)."""
    if not is_public(page):
        return None
    return {"id": page.pk, "title": page.title, "url": absolute_url(page.url or "")}
