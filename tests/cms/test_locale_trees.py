"""Every language has the whole page tree (issue 10): after translating one story into a language, no
public address that works under /en/ is a 404 under that language's prefix; untranslated pages are
aliases of the English original, with a canonical link to it and the original's `lang`; every
listing shows each page once, in the reader's language where translated, else the original with a
badge naming its language."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from cms.core.translation import translate_page
from cms.localized import IN_LANGUAGE
from home.factories import StandardPageFactory
from network.factories import CentrePageFactory, EventPageFactory
from stories.factories import StoryPageFactory
from stories.models import StoryPage
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def site(home_page, section_pages, slovakia):
    """A small network: a centre, two stories, a walk, an event and a standard page."""
    centre = CentrePageFactory(parent=slovakia, title="Materské centrum Žilina")
    return {
        "centre": centre,
        "kitchen": StoryPageFactory(
            parent=slovakia, title="Kitchen table", centre=centre, date="2022-05-01"
        ),
        "nowhere": StoryPageFactory(
            parent=section_pages["stories"], title="Nowhere else", date="2021-01-01"
        ),
        "walk": WalkPageFactory(parent=slovakia, title="Walk through Žilina", centre=centre),
        "event": EventPageFactory(parent=section_pages["events"], title="Mothers' Day"),
        "about": StandardPageFactory(parent=home_page, title="About MINE", show_in_menus=True),
    }


def english_addresses(site) -> list[str]:
    """Every public address of the English site: each live page and the routes below them."""
    pages = Page.objects.live().public().filter(locale__language_code="en", depth__gt=1)
    paths = [page.url for page in pages]
    return sorted(
        {
            *paths,
            "/en/stories/tell-your-story/",
            "/en/stories/feed/",
            "/en/events/feed.ics",
            "/en/network/centres.geojson",
            "/en/search/?q=Kitchen",
        }
    )


def status_by_path(client, paths: list[str]) -> dict[str, int]:
    return {path: client.get(path).status_code for path in paths}


def test_without_synchronised_trees_a_translation_makes_dead_ends(client, site):
    """The bug as filed: the Translate flow makes the Slovak home, network and Slovakia pages and
    then everything else under /sk/ is gone (the reason the trees are synchronised)."""
    assert client.get("/sk/stories/").status_code == 200  # English content under /sk/
    translate_page(site["kitchen"], "sk", {"Kitchen table": "Kuchynský stôl"})
    assert client.get("/sk/stories/").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_dead_end_after_translating_one_story(client, site, sync_locales, language):
    sync_locales(language)
    addresses = english_addresses(site)
    english = status_by_path(client, addresses)
    assert set(english.values()) == {200}, english
    if language != settings.LANGUAGE_CODE:  # nothing to translate into the source language
        translate_page(site["kitchen"], language, {"Kitchen table": f"Kitchen table ({language})"})
    prefixed = [f"/{language}/" + path.removeprefix("/en/") for path in addresses]
    assert status_by_path(client, prefixed) == dict.fromkeys(prefixed, 200)
    # The menu does not shrink: the same items, each in the reader's tree.
    menu = [a["href"] for a in soup_of(client.get(f"/{language}/")).select(".site-nav a")]
    english_menu = [a["href"] for a in soup_of(client.get("/en/")).select(".site-nav a")]
    assert menu == [f"/{language}/" + href.removeprefix("/en/") for href in english_menu]
    assert menu


def test_a_page_published_later_is_aliased_into_every_language(client, site, sync_locales):
    assert sync_locales() == 10 * 12  # the home page and the 11 pages below it, in ten languages
    StoryPageFactory(parent=site["kitchen"].get_parent(), title="Published after")
    for language in OTHER_LANGUAGES:
        response = client.get(f"/{language}/network/slovakia/published-after/")
        assert response.status_code == 200, language


def test_an_alias_names_its_original_as_canonical_and_its_language(client, site, sync_locales):
    sync_locales("sk")
    translate_page(site["kitchen"], "sk", {"Kitchen table": "Kuchynský stôl"})
    alias = soup_of(client.get("/sk/stories/nowhere-else/"))
    original = site["nowhere"]
    assert original.full_url.endswith("/en/stories/nowhere-else/")
    assert alias.select_one("link[rel=canonical]")["href"] == original.full_url
    assert alias.html["lang"] == "sk"  # the site's own words are Slovak
    # The story is English: its title says so; the interface around it stays Slovak.
    assert alias.select_one("main").get("lang") is None
    assert alias.select_one("main h1")["lang"] == "en"
    # An alias is no translation: not named as an alternate language version.
    alternates = {link["hreflang"] for link in alias.select("link[rel=alternate][hreflang]")}
    assert alternates == {"en", "x-default"}
    # The translated story is its own page: canonical to itself, Slovak throughout.
    translated = soup_of(client.get("/sk/network/slovakia/kitchen-table/"))
    assert translated.select_one("link[rel=canonical]")["href"].endswith(
        "/sk/network/slovakia/kitchen-table/"
    )
    assert translated.select_one("main").get("lang") is None
    assert translated.h1.get_text(strip=True) == "Kuchynský stôl"


def test_the_sitemap_lists_translations_not_aliases(client, site, sync_locales):
    sync_locales("sk")
    translate_page(site["kitchen"], "sk", {"Kitchen table": "Kuchynský stôl"})
    sitemap = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    locations = [loc.get_text() for loc in sitemap.find_all("loc")]
    assert any(loc.endswith("/sk/network/slovakia/kitchen-table/") for loc in locations)
    assert not any(loc.endswith("/sk/stories/nowhere-else/") for loc in locations)
    assert any(loc.endswith("/en/stories/nowhere-else/") for loc in locations)


def cards(response, selector=".card") -> dict[str, tuple[str | None, str]]:
    """Each card's title: (its lang attribute, its language badge's text)."""
    result = {}
    for card in soup_of(response).select(selector):
        badge = card.select_one(".language-badge")
        title = card.select_one("h2 a, h3 a").get_text(strip=True)
        result[title] = (card.get("lang"), badge.get_text(strip=True) if badge else "")
    return result


def in_english(language: str) -> str:
    with translation.override(language):
        return str(IN_LANGUAGE["en"])


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("synced", [True, False], ids=["synced", "not-synced"])
def test_listings_show_every_page_once_with_a_badge_where_untranslated(
    client, site, section_pages, sync_locales, language, synced
):
    """Translated pages in the reader's language; the others in English with "In English" (in
    the reader's language) and lang="en": whether the tree is synchronised (aliases) or not (the
    English originals)."""
    if synced:
        sync_locales(language)
    else:  # the lists themselves translated; what they list is the English originals
        translate_page(section_pages["stories"].get_parent(), language, {})
        for index in section_pages.values():
            translate_page(index, language, {})
    translated_title = f"Kitchen table ({language})"
    translate_page(site["kitchen"], language, {"Kitchen table": translated_title})
    badge = in_english(language)
    assert badge != "In English" or language == "en"  # the phrase is translated
    stories = cards(client.get(f"/{language}/stories/"))
    assert stories == {translated_title: (None, ""), "Nowhere else": ("en", badge)}
    home = cards(client.get(f"/{language}/"), ".home-stories .card")
    assert home == {translated_title: (None, ""), "Nowhere else": ("en", badge)}
    walks = cards(client.get(f"/{language}/walks/"))
    assert walks == {"Walk through Žilina": ("en", badge)}
    events = cards(client.get(f"/{language}/events/"))
    assert events == {"Mothers' Day": ("en", badge)}
    network = cards(client.get(f"/{language}/network/"), ".centre-item")
    assert network == {"Materské centrum Žilina": ("en", badge)}


def test_a_story_only_in_another_language_is_listed_in_every_language(client, site):
    """No story is hidden because it is not translated, whatever its first language."""
    slovak_section = translate_page(site["kitchen"], "sk", {}).get_parent()
    StoryPageFactory(parent=slovak_section, title="Len po slovensky", original_language="sk")
    assert StoryPage.objects.filter(title="Len po slovensky").count() == 1
    german = cards(client.get("/de/stories/"))
    assert german["Len po slovensky"] == ("sk", in_english("de").replace("Englisch", "Slowakisch"))
    english = cards(client.get("/en/stories/"))
    assert english["Len po slovensky"] == ("sk", "In Slovak")
    assert len(english) == 3  # the Slovak translation of "Kitchen table" is not listed twice


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_stories_filters_work_across_languages(client, site, sync_locales, language):
    sync_locales(language)
    translate_page(site["kitchen"], language, {"Kitchen table": "Translated"})
    response = client.get(f"/{language}/stories/")
    countries = [o["value"] for o in soup_of(response).select("select[name=country] option")]
    assert countries == ["", "slovakia"]
    assert list(cards(client.get(f"/{language}/stories/?country=slovakia"))) == ["Translated"]


def test_an_unknown_language_is_a_404_in_english(client, site, sync_locales):
    sync_locales("sk")
    response = client.get("/xx/stories/")
    assert response.status_code == 404
    assert soup_of(response).html["lang"] == "en"


def test_translating_a_story_whose_parents_are_not_translated_works(client, site):
    """No synchronised tree: the Translate flow makes the missing parents (as aliases) itself."""
    translated = translate_page(site["kitchen"], "sl", {"Kitchen table": "Kuhinjska miza"})
    assert translated.get_parent().specific.title == "Slovakia"
    assert client.get("/sl/network/slovakia/kitchen-table/").status_code == 200


def test_a_restriction_added_later_holds_for_the_aliases(client, site, sync_locales):
    """An alias shows its original's content: a password put on the original later covers it."""
    from wagtail.models import PageViewRestriction

    sync_locales("sk")
    restriction = PageViewRestriction.objects.create(
        page=site["nowhere"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get("/sk/stories/nowhere-else/")
    assert response.status_code == 200
    assert soup_of(response).select_one("form input[name=password]") is not None
    assert "Nowhere else" not in cards(client.get("/sk/stories/"))
    restriction.delete()
    assert "Nowhere else" in cards(client.get("/sk/stories/"))
