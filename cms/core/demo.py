"""Helpers for demo content: media made once (found by title), pages translated only once.

Demo loading must never overwrite what editors changed: a second `make run` keeps every edit.
Pages are made through each app's factories, which get or create on parent and slug.
"""

import factory
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtailmedia.models import get_media_model

from cms.core.factories import AudioFactory, ImageFactory
from cms.core.translation import translate_page

DEMO_CREDIT = "Illustration: Bridges demo"


def translate_once(page: Page, language_code: str, strings: dict[str, str]) -> Page:
    """Translate through wagtail-localize unless a translation in that language exists already
    (an alias of the synchronised tree is not one: translating replaces it)."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific
    return translate_page(page, language_code, strings)


def demo_image(title: str, description: str, seed: int, credit=DEMO_CREDIT, factory=ImageFactory):
    """The demo picture with this title, drawn on this machine the first time it is needed."""
    existing = get_image_model().objects.filter(title=title).first()
    return existing or factory(title=title, description=description, credit=credit, seed=seed)


def lazy_demo_image(title: str, description: str, seed: int, **fields):
    """The demo picture as a lazy factory value: drawn only if the page that shows it is made."""
    return factory.LazyFunction(lambda: demo_image(title, description, seed, **fields))


def demo_recording(title: str, transcript: str, seconds: float = 2, frequency: float = 440):
    """The demo sound recording with this title (a quiet tone), made the first time."""
    existing = get_media_model().objects.filter(title=title).first()
    return existing or AudioFactory(
        title=title, transcript=transcript, seconds=seconds, frequency=frequency
    )
