"""A page not translated yet (an alias) under another language's prefix: the interface (labels,
headings, buttons, the notice) speaks the reader's language and says so with `lang`; only the
elements holding the page's own words (title, summary, image, body) carry the language they are
written in, so a screen reader pronounces each in its own language. In every one of the 11
languages."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from cms.core.demo import translate_once
from cms.core.factories import AudioFactory, ImageFactory
from cms.core.templatetags.bridges_tags import NOT_TRANSLATED_YET
from stories.factories import StoryPageFactory
from walks.factories import WalkPageFactory, medium, stop

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def lang_of(element) -> str:
    """The language an element is read in: its own lang, else its nearest ancestor's."""
    while element is not None:
        if element.get("lang"):
            return element["lang"]
        element = element.parent
    return ""


def story_fields(photo) -> dict:
    return {
        "title": "The Tuesday kitchen",
        "summary": "How a kitchen became the heart of a centre.",
        "original_language": "sk",
        "image": photo,
        "image_alt_text": "Three mothers at the kitchen table",
        "image_credit": "Photo: Eva",
        "body": [("paragraph", "<p>We cook together every Tuesday.</p>")],
    }


@pytest.fixture
def alias(section_pages, sync_locales):
    """`alias(reader)`: the URL of a story shown to a reader of `reader` before it is translated,
    and the language it is written in: English for every other language's tree (synchronised
    from English), Slovak for an English reader (a story published in Slovak only, aliased into
    the English tree)."""
    photo = ImageFactory(title="Kitchen", description="Mothers in the kitchen")

    def make(reader: str) -> tuple[str, str]:
        if reader != settings.LANGUAGE_CODE:
            sync_locales(reader)
            story = StoryPageFactory(parent=section_pages["stories"], **story_fields(photo))
            page = story.get_translation(Locale.objects.get(language_code=reader))
            assert page.alias_of_id == story.pk
            return page.url, settings.LANGUAGE_CODE
        index = section_pages["stories"]
        for ancestor in [*index.get_ancestors().filter(depth__gt=1).order_by("depth"), index]:
            translate_once(Page.objects.get(pk=ancestor.pk), "sk", {})
        slovak_index = index.get_translation(Locale.objects.get(language_code="sk"))
        story = StoryPageFactory(parent=slovak_index, **story_fields(photo))
        assert story.locale.language_code == "sk"
        page = story.create_alias(parent=index, update_locale=index.locale)
        return page.url, "sk"

    return make


@pytest.mark.parametrize("reader", LANGUAGES)
def test_labels_in_the_readers_language_content_in_its_own(client, alias, reader):
    url, source = alias(reader)
    assert source != reader
    soup = BeautifulSoup(client.get(url).content, "html.parser")

    assert soup.html["lang"] == reader
    assert soup.main.get("lang") is None  # no longer the whole of <main>

    # The page's own words: in the language they are written in.
    content = {
        "title": soup.select_one("main h1"),
        "summary": soup.select_one(".story__header .lead"),
        "image": soup.select_one("figure.story__hero img"),
        "credit": soup.select_one("figure.story__hero .credit"),
        "body": soup.find(string="We cook together every Tuesday.").parent,
    }
    assert {name: lang_of(element) for name, element in content.items()} == dict.fromkeys(
        content, source
    )

    # The interface around them: in the reader's.
    with translation.override(reader):
        labels = {
            "back": soup.find("a", string=translation.gettext("All stories")),
            "told by": soup.find("dt", string=translation.gettext("Told by")),
            "first told in": soup.find("dt", string=translation.gettext("First told in")),
            "call to action": soup.find(
                "h2", string=translation.gettext("Do you have a story too?")
            ),
            "notice": soup.select_one("main .notice--language"),
        }
        expected_notice = str(NOT_TRANSLATED_YET[source])
    assert all(labels.values()), labels
    assert {name: lang_of(element) for name, element in labels.items()} == dict.fromkeys(
        labels, reader
    )
    assert labels["notice"].get_text(strip=True) == expected_notice


def test_the_slovak_notice_names_both_languages(client, alias):
    url, _source = alias("sk")
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one("main .notice--language").get_text(strip=True) == (
        "Táto stránka zatiaľ nie je preložená do slovenčiny: čítate ju v angličtine."
    )


@pytest.mark.parametrize("reader", [code for code in LANGUAGES if code != "en"])
def test_every_notice_is_in_the_readers_language(reader):
    """Each language's catalogue has the notice for every language a page can be written in."""
    with translation.override(reader):
        notices = {code: str(text) for code, text in NOT_TRANSLATED_YET.items()}
    with translation.override("en"):
        english = {code: str(text) for code, text in NOT_TRANSLATED_YET.items()}
    assert all(notices[code] != english[code] for code in LANGUAGES), notices
    assert len(set(notices.values())) == len(LANGUAGES)


def test_a_translated_page_has_no_notice_and_no_lang_of_its_own(client, section_pages):
    story = StoryPageFactory(parent=section_pages["stories"], title="The Tuesday kitchen")
    for ancestor in story.get_ancestors().filter(depth__gt=1).order_by("depth"):
        translate_once(Page.objects.get(pk=ancestor.pk), "sk", {})
    slovak = translate_once(story, "sk", {"The Tuesday kitchen": "Utorková kuchyňa"})
    soup = BeautifulSoup(client.get(slovak.url).content, "html.parser")
    assert soup.select_one("main .notice--language") is None
    assert soup.select("main [lang]") == soup.select("main .story__facts dd[lang]")
    assert soup.select_one("main h1").get_text(strip=True) == "Utorková kuchyňa"
    assert lang_of(soup.select_one("main h1")) == "sk"


@pytest.mark.parametrize("reader", ["sk", "de", "uk"])
def test_a_walks_stops_labels_in_the_readers_language(client, section_pages, sync_locales, reader):
    """Inside the walk's content the interface's own words ("Stop 1 of 1", "Transcript") are the
    reader's again; the stop's title, place, narration and transcript stay the walk's."""
    sync_locales(reader)
    sound = AudioFactory(title="Song", transcript="We sing a lullaby.")
    walk = WalkPageFactory(
        parent=section_pages["walks"],
        title="Through the old town",
        stops=[
            stop(
                "The market",
                48.72,
                21.26,
                medium("audio", sound),
                place_name="Main square",
                narration="<p>Every Saturday we meet here.</p>",
            )
        ],
    )
    url = walk.get_translation(Locale.objects.get(language_code=reader)).url
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    stop_section = soup.select_one("section.walk-stop")
    content = {
        "title": stop_section.select_one(".walk-stop__title"),
        "place": stop_section.select_one(".walk-stop__place"),
        "narration": stop_section.find(string="Every Saturday we meet here.").parent,
        "transcript": stop_section.find(string="We sing a lullaby.").parent,
    }
    with translation.override(reader):
        labels = {
            "number": stop_section.select_one(".walk-stop__number"),
            "transcript": stop_section.select_one(".transcript summary"),
            "map link": stop_section.select_one(".walk-stop__where a"),
        }
        assert labels["transcript"].get_text(strip=True) == translation.gettext("Transcript")
    assert {name: lang_of(element) for name, element in content.items()} == dict.fromkeys(
        content, "en"
    )
    assert {name: lang_of(element) for name, element in labels.items()} == dict.fromkeys(
        labels, reader
    )
