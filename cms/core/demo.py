"""Helpers for demo content: create a page only when it is missing, translate it only once.

Demo loading must never overwrite what editors changed: a second `make run` keeps every edit.
"""

from wagtail.models import Locale, Page

from cms.core.translation import translate_page


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
