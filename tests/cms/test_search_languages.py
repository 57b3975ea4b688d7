"""Search per language (issue 10): /<lang>/search/ follows the listing rule (the reader's translation,
else the original with its language named), shows highlighted excerpts and paginates; on PostgreSQL
each language is searched with its own text search configuration (German stems, Slovak without
accents), the API's search= with locale= too."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from cms.core.translation import translate_page
from cms.search_backend import UNACCENT_CONFIG, search_config
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="text search configurations are PostgreSQL's; SQLite keeps one way to search "
    "(run with DATABASE_URL=postgres://...)",
)


def results(response) -> list[tuple[str, str | None, str]]:
    """Each result: its title, its lang attribute, its badge."""
    return results_of(BeautifulSoup(response.content, "html.parser"))


def results_of(soup) -> list[tuple[str, str | None, str]]:
    found = []
    for item in soup.select(".search-results > li"):
        badge = item.select_one(".language-badge")
        found.append(
            (item.h2.get_text(strip=True), item.get("lang"), badge.get_text() if badge else "")
        )
    return found


def test_every_language_has_a_configuration():
    assert search_config("de") == "german"
    assert search_config("hu") == "hungarian"
    assert search_config("sr") == "serbian"
    for code in ["sk", "cs", "sl", "bg", "uk"]:
        assert search_config(code) == UNACCENT_CONFIG
    assert search_config(None) == "english"


@pytest.fixture
def german_pages(home_page):
    """A German home with pages about mothers, and one English page not translated."""
    german_home = translate_page(home_page, "de", {})
    pages = [
        StandardPageFactory(
            parent=german_home,
            title=f"Treffen {n}",
            intro=f"Im Zentrum sprechen die Mütter über die Kinder, Woche {n}.",
        )
        for n in range(12)
    ]
    pages.append(
        StandardPageFactory(
            parent=german_home, title="Ein Abend", intro="Ein Abend für Müttern und Familien."
        )
    )
    english = StandardPageFactory(
        parent=home_page, title="Mothers talk", intro="Mothers talk about Zentrum life."
    )
    return {"german": pages, "english": english}


def test_results_paginate_with_highlighted_excerpts(client, german_pages):
    first = client.get("/de/search/?q=Zentrum")
    soup = BeautifulSoup(first.content, "html.parser")
    assert len(results(first)) == 10
    status = soup.select_one("[role=status]").get_text()
    assert status.startswith("13 ")  # 12 German pages and the English original
    marks = [mark.get_text() for mark in soup.select(".search-excerpt mark")]
    assert marks and all(mark.lower() == "zentrum" for mark in marks)
    second = client.get("/de/search/?q=Zentrum&page=2")
    assert len(results(second)) == 3


def test_an_untranslated_original_is_found_with_its_language_named(client, german_pages):
    found = dict(
        (title, (lang, badge)) for title, lang, badge in results(client.get("/de/search/?q=talk"))
    )
    assert found == {"Mothers talk": ("en", "Auf Englisch")}


def test_excerpts_escape_the_page_text(client, home_page):
    StandardPageFactory(parent=home_page, title="Tags", intro="<script>alert(1)</script> mothers")
    soup = BeautifulSoup(client.get("/en/search/?q=mothers").content, "html.parser")
    excerpt = soup.select_one(".search-excerpt")
    assert excerpt.select("script") == []  # escaped (SQLite) or dropped as markup (PostgreSQL)
    assert excerpt.select_one("mark").get_text() == "mothers"


@postgresql_only
def test_german_is_stemmed(client, german_pages):
    def status(query):
        soup = BeautifulSoup(client.get(f"/de/search/?q={query}").content, "html.parser")
        return soup.select_one("[role=status]").get_text()

    assert status("Mütter").startswith("13 ")  # "Mütter" 12 times, "Müttern" once
    assert status("Müttern").startswith("13 ")
    assert client.get("/de/search/?q=Müttern").content.count(b"<mark>") >= 1
    api = client.get("/api/v2/pages/?search=M%C3%BCttern&locale=de&limit=50").json()
    assert {item["title"] for item in api["items"]} >= {"Ein Abend", "Treffen 0"}


@postgresql_only
def test_slovak_is_found_without_accents(client, home_page):
    slovak_home = translate_page(home_page, "sk", {})
    StandardPageFactory(
        parent=slovak_home, title="Ženy", intro="Stretnutie žien v materskom centre."
    )
    found = [title for title, _lang, _badge in results(client.get("/sk/search/?q=zien"))]
    assert found == ["Ženy"]
    api = client.get("/api/v2/pages/?search=zien&locale=sk").json()
    assert [item["title"] for item in api["items"]] == ["Ženy"]


def test_an_empty_or_huge_query_is_harmless(client, german_pages):
    assert client.get("/de/search/?q=").status_code == 200
    assert client.get("/de/search/?q=" + "Mütter " * 500).status_code == 200
    assert client.get("/de/search/?q=Zentrum&page=abc").status_code == 200


def test_control_characters_in_a_query_are_not_words(client, german_pages):
    # A NUL byte broke SQLite's full text query (a server error); now it is a space.
    response = client.get("/de/search/?q=Zent%00rum%01")
    assert response.status_code == 200
    field = BeautifulSoup(response.content, "html.parser").find("input", {"name": "q"})
    assert field["value"] == "Zent rum"


def test_past_the_counted_limit_the_page_says_more(client, german_pages, monkeypatch):
    # 13 pages match; counting stops after the limit (a common word is in a third of the site).
    monkeypatch.setattr("cms.search.RESULTS_COUNTED", 11)
    first = client.get("/de/search/?q=Zentrum")
    soup = BeautifulSoup(first.content, "html.parser")
    assert soup.select_one("[role=status]").get_text() == "Mehr als 11 Treffer für „Zentrum“"
    assert len(results(first)) == 10
    assert len(results(client.get("/de/search/?q=Zentrum&page=2"))) == 1  # the 11 counted


def test_a_page_hidden_by_the_language_rule_is_skipped_not_counted(client, home_page):
    """The pages are ranked before the language rule is applied to them: a better-ranked page
    the reader does not see (the English original of a German page) leaves no gap."""
    german_home = translate_page(home_page, "de", {})
    english = StandardPageFactory(
        parent=home_page, title="Garten Garten", intro="Garten Garten Garten."
    )
    translate_page(english, "de", {"Garten Garten": "Der Garten"})
    StandardPageFactory(parent=german_home, title="Ein Fest", intro="Ein Fest im Garten.")
    soup = BeautifulSoup(client.get("/de/search/?q=Garten").content, "html.parser")
    assert [title for title, _lang, _badge in results_of(soup)] == ["Der Garten", "Ein Fest"]
    assert soup.select_one("[role=status]").get_text().startswith("2 ")


def test_results_are_ranked_the_best_first(client, home_page):
    StandardPageFactory(parent=home_page, title="Evening", intro="A word on allotments.")
    StandardPageFactory(parent=home_page, title="Allotments", intro="Allotments, allotments.")
    titles = [title for title, _lang, _badge in results(client.get("/en/search/?q=allotments"))]
    assert titles == ["Allotments", "Evening"]


def test_a_search_takes_the_same_queries_for_more_results(
    client, german_pages, django_assert_max_num_queries
):
    client.get("/de/search/?q=Zentrum")  # caches warmed: locales, the site
    with django_assert_max_num_queries(20) as captured:
        client.get("/de/search/?q=Zentrum")
    few = len(captured)
    german_home = german_pages["german"][0].get_parent()
    for n in range(30):
        StandardPageFactory(parent=german_home, title=f"Mehr {n}", intro="Im Zentrum.")
    client.get("/de/search/?q=Zentrum")  # caches the new pages emptied, warmed again
    with django_assert_max_num_queries(few):
        client.get("/de/search/?q=Zentrum")


def test_autocomplete_keeps_modelsearchs_own_way(german_pages):
    # The admin's choosers autocomplete: a compiler of modelsearch's own, results and count.
    found = get_search_backend().autocomplete("Abe", Page.objects.live())
    assert found.count() == 1
    assert [page.title for page in found] == ["Ein Abend"]


def test_searching_nothing_finds_nothing(german_pages):
    found = get_search_backend().search("Zentrum", Page.objects.none())
    assert list(found[:10]) == []
    assert found.count_up_to(5) == 0


@pytest.mark.parametrize("words", ['"', 'care"', 'a"b', "'", "(", "NEAR(", "care AND", "*"])
def test_search_syntax_in_what_a_reader_types_is_never_an_error(
    client, home_page, section_pages, words
):
    assert client.get("/en/search/", {"q": words}).status_code == 200
    response = client.get("/api/v2/pages/", {"search": words})
    assert response.status_code == 200, response.content[:200]
