"""Sitemap and search: every live public page in every language, and nothing else."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from cms.core.translation import translate_page
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    about = StandardPageFactory(
        parent=home_page,
        slug="about-mine",
        title="About MINE",
        intro="Mother centres everywhere.",
    )
    draft = StandardPageFactory(
        parent=home_page, slug="draft", title="Unfinished", intro="Mother centres draft."
    )
    draft.unpublish()
    translate_page(home_page, "de", {})
    german = translate_page(
        about,
        "de",
        {"About MINE": "Über MINE", "Mother centres everywhere.": "Mütterzentren überall."},
    )
    return about, draft, german


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_live_pages_of_every_language_with_alternates(client, pages):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", NS)}
    assert "http://testserver/en/about-mine/" in entries
    assert "http://testserver/de/about-mine/" in entries
    assert not any("draft" in location for location in entries)

    entry = entries["http://testserver/de/about-mine/"]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}
    assert alternates == {
        "en": "http://testserver/en/about-mine/",
        "de": "http://testserver/de/about-mine/",
        "x-default": "http://testserver/en/about-mine/",
    }


def test_the_sitemap_costs_the_same_for_few_and_many_pages(client, pages, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/sitemap.xml").status_code == 200
        return len(context.captured_queries)

    few = queries()
    for number in range(10):
        StandardPageFactory(parent=home_page, slug=f"page-{number}", title=f"Page {number}")
    assert queries() <= few


def test_search_finds_pages_of_the_readers_language_only(client, pages):
    soup = BeautifulSoup(client.get("/de/search/?q=Mütterzentren").content, "html.parser")
    titles = [a.get_text() for a in soup.select(".search-results h2 a")]
    assert titles == ["Über MINE"]

    soup = BeautifulSoup(client.get("/en/search/?q=mother").content, "html.parser")
    titles = [a.get_text() for a in soup.select(".search-results h2 a")]
    assert "About MINE" in titles
    assert "Unfinished" not in titles
    assert "Über MINE" not in titles
