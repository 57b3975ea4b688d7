"""The one serialising layer: how images, media, documents and page links look in the public API.

Every block and every API field that holds a reference calls these (the DRF fields below wrap
them for `APIField`), so an image is the same JSON shape wherever it appears (a story body, a walk
stop, a page's hero image, a centre's logo, a video's poster) and a page link is the same shape
in every app.
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.core.files.images import get_image_dimensions
from django.urls import reverse
from rest_framework.fields import Field
from wagtail.images.models import AbstractImage

from cms.api_schema import IMAGE, PAGE_LINK, TERM, nullable
from cms.localized import language_code
from cms.site_address import base_url
from cms.visibility import is_public

# Images of a whole API listing, read in one query before its pages are serialised (cms/api.py):
# image chooser blocks take theirs from here instead of one query per page.
PRELOADED_IMAGES: ContextVar[dict | None] = ContextVar("bridges_preloaded_images", default=None)

# Rendition sizes offered to API clients; the site's templates use the same specs through srcset.
IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "small": "max-640x640",
    "medium": "max-1280x1280",
    "large": "max-2048x2048",
}
# A bare picture file's size, read from its header once (on object storage that is a request).
FILE_SIZE_CACHE_SECONDS = 24 * 60 * 60


def absolute_url(url: str) -> str:
    """Storage URLs are site-relative in development and absolute on object storage."""
    if url and url.startswith("/"):
        return base_url() + url
    return url


def serialize_rendition(rendition) -> dict:
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def serialize_image(
    image: AbstractImage | None,
    alt: str = "",
    extra: dict[str, str] | None = None,
    credit: str = "",
) -> dict | None:
    """An image with every rendition size, made in one call (one query when none exist yet).

    `extra` names more renditions a block needs beside the standard sizes, e.g. a 360° photo's
    `{"equirectangular": "max-4096x2048"}`: they appear in `renditions` under those names.
    `alt` and `credit` are the words of the page or block showing it (translated with it); the
    image's own stand in where they are empty.
    """
    if image is None:
        return None
    specs = {**IMAGE_RENDITIONS, **(extra or {})}
    renditions = image.get_renditions(*dict.fromkeys(specs.values()))
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text,
        "credit": credit or getattr(image, "credit", ""),
        "width": image.width,
        "height": image.height,
        "renditions": {name: serialize_rendition(renditions[spec]) for name, spec in specs.items()},
    }


def serialize_image_file(file, title: str = "", credit: str = "") -> dict | None:
    """A picture that is a bare file, not an image of the library (a video's thumbnail), in the
    image shape: `id` is null and every rendition is the file itself, at its own size."""
    if not file:
        return None
    key = f"bridges:image-file-size:{file.name}"
    size = cache.get(key)
    if size is None:
        try:
            with file.open("rb"):
                size = get_image_dimensions(file)
        except OSError:
            size = (None, None)
        cache.set(key, size, FILE_SIZE_CACHE_SECONDS)
    width, height = size
    rendition = {"url": absolute_url(file.url), "width": width, "height": height}
    return {
        "id": None,
        "title": title,
        "alt": "",
        "credit": credit,
        "width": width,
        "height": height,
        "renditions": {name: dict(rendition) for name in IMAGE_RENDITIONS},
    }


def serialize_media(media, poster=None, caption_tracks=(), transcript: str = "") -> dict | None:
    """A video or audio file with its poster, caption tracks (WebVTT) and transcript.

    The poster is always an image (`serialize_image`) or null: the chosen poster image, else the
    media's own thumbnail file in the same shape."""
    if media is None:
        return None
    if poster is not None:
        poster_data = serialize_image(poster)
    else:
        poster_data = serialize_image_file(
            media.thumbnail, title=media.title, credit=getattr(media, "credit", "")
        )
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


def page_api_url(page_id: int) -> str:
    """The API address of a page (its detail view), at the one public address."""
    return absolute_url(reverse("wagtailapi:pages:detail", args=[page_id]))


def serialize_page_link(page) -> dict | None:
    """A link to another page as `{id, type, title, locale, html_url, api_url}`: its public URL in
    the page's own language and its address in this API, never a draft's or a private page's
    (password, login or group restricted, or under such a page). Which translation to link is the
    caller's choice (`cms.localized.public_translation`)."""
    if page is None or page.depth <= 1 or not is_public(page):
        return None
    model = page.specific_class or type(page)
    return {
        "id": page.pk,
        "type": f"{model._meta.app_label}.{model.__name__}",
        "title": page.title,
        "locale": language_code(page.locale_id),
        "html_url": absolute_url(page.url or ""),
        "api_url": page_api_url(page.pk),
    }


def serialize_external_link(url: str) -> dict:
    """A link to another site, in the page-link shape (no id, type, title, locale or API address)."""
    return {"id": None, "type": None, "title": "", "locale": None, "html_url": url, "api_url": None}


def serialize_term(term) -> dict:
    """A term pages are filed under (a story's theme): its slug, the same in every language, and
    its name."""
    return {"slug": term.slug, "name": term.name}


# DRF fields for `APIField(..., serializer=...)`: every app's model fields go through these.


class ImageSerializerField(Field):
    """An image foreign key (a page's main image, a centre's logo), in the image shape."""

    api_schema = nullable(IMAGE)

    def to_representation(self, value):
        return serialize_image(value)


class HeroImageSerializerField(Field):
    """A page's main image with the page's alt text and credit (ListingMixin), so each
    translation gives them in its own language while the image is shared."""

    api_schema = nullable(IMAGE)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return serialize_image(page.image, alt=page.hero_alt_text(), credit=page.hero_credit())


class PageLinkSerializerField(Field):
    """A related page (a story's country or centre) as a page link, or null when it is not live
    and public."""

    api_schema = nullable(PAGE_LINK)

    def to_representation(self, value):
        return serialize_page_link(value)


class PageParentSerializerField(Field):
    """A page's parent, as a page link (null for a language's home page, or when the parent is not
    live and public)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return serialize_page_link(page.get_parent())


class PageTranslationsSerializerField(Field):
    """`meta.translations`: the page's other live, public translations as page links (never an
    alias: its content is not a translation). The view gives them for a whole listing in one query
    (`translations_of`)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        versions = self.context["view"].translations_of(page)
        links = (serialize_page_link(version) for version in versions if version.pk != page.pk)
        return [link for link in links if link is not None]


class TermsSerializerField(Field):
    """A list of terms (a story's themes)."""

    api_schema = {"type": "array", "items": TERM}

    def to_representation(self, value):
        return [serialize_term(term) for term in value]
