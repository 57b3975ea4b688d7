"""The stories interface in the network's languages: German and Hungarian complete, and what a
visitor reads (the form, its messages, the listing) in all ten other languages."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "stories" / "locale"
VISITOR_STRINGS = [
    "Send my story",
    "Tell your story",
    "Thank you for your story",
    "Clear the filters",
]


@pytest.mark.parametrize("language", ["de", "hu"])
def test_german_and_hungarian_are_complete(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_every_language_has_a_compiled_catalogue_with_the_visitors_words(language):
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists()
    with translation.override(language):
        for text in VISITOR_STRINGS:
            assert translation.gettext(text) != text, (language, text)
