"""Helpers for demo content: create a page only when it is missing, translate it only once.

Demo loading must never overwrite what editors changed: a second `make run` keeps every edit.
"""

from django.core.files.base import ContentFile
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtailmedia.models import get_media_model

from cms.core.factories import AudioFactory, ImageFactory, make_picture, make_tone
from cms.core.translation import translate_page

DEMO_CREDIT = "Illustration: Bridges demo"


def get_or_create_page(parent: Page, page_class, slug: str, **fields):
    """The child of `parent` with this slug, created and published when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def translate_once(page: Page, language_code: str, strings: dict[str, str]) -> Page:
    """Translate through wagtail-localize unless a translation in that language exists already."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return translate_page(page, language_code, strings)


def english_home():
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


def demo_image(title: str, description: str, seed: int, size=(1600, 1000), credit=DEMO_CREDIT):
    """The demo picture with this title, drawn on this machine the first time it is needed."""
    existing = get_image_model().objects.filter(title=title).first()
    return existing or ImageFactory(
        title=title,
        description=description,
        credit=credit,
        file=ContentFile(make_picture(seed, size=size), name=f"demo-{seed}.jpg"),
    )


def demo_recording(title: str, transcript: str, seconds: float = 2, frequency: float = 440):
    """The demo sound recording with this title (a quiet tone), made the first time."""
    existing = get_media_model().objects.filter(title=title).first()
    return existing or AudioFactory(
        title=title,
        duration=seconds,
        transcript=transcript,
        file=ContentFile(make_tone(seconds=seconds, frequency=frequency), name="recording.wav"),
    )
