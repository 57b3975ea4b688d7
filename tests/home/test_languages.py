"""Languages as a reader meets them: the redirect from /, prefixes, the switcher and hreflang."""

import pytest
from bs4 import BeautifulSoup

from cms.core.translation import translate_page
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(
        parent=home_page, slug="about-mine", title="About MINE", intro="Who we are."
    )
    return page


@pytest.fixture
def about_de(home_page, about):
    translate_page(home_page, "de", {})
    return translate_page(about, "de", {"About MINE": "Über MINE", "Who we are.": "Wer wir sind."})


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de-DE,de;q=0.9,en;q=0.8", "/de/"),
        ("hu", "/hu/"),
        ("uk-UA,uk;q=0.9", "/uk/"),
        ("fr-FR,fr;q=0.9", "/en/"),  # not one of our languages: the default
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_preferred_language(client, home_page, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_unknown_language_prefix_is_a_404_in_the_default_language(client, home_page):
    response = client.get("/xx/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Page not found"


def test_unknown_page_under_a_known_language_is_a_404_not_a_500(client, home_page):
    assert client.get("/de/no-such-page/").status_code == 404


def test_translated_page_renders_under_its_language_prefix(client, about_de):
    response = client.get("/de/about-mine/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Über MINE"
    assert soup.select_one(".lead").get_text(strip=True) == "Wer wir sind."


def test_switcher_links_to_translations_and_to_home_for_untranslated(client, about_de):
    soup = BeautifulSoup(client.get("/en/about-mine/").content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert len(links) == 11
    assert links["en"] == "/en/about-mine/"
    assert links["de"] == "/de/about-mine/"
    # No Hungarian translation: the Hungarian link goes to that language's home.
    assert links["hu"] == "/hu/"
    current = soup.select_one("nav.language-switcher a[aria-current]")
    assert current["hreflang"] == "en"


def test_hreflang_alternates_name_only_live_translations(client, about_de):
    soup = BeautifulSoup(client.get("/de/about-mine/").content, "html.parser")
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "en": "http://testserver/en/about-mine/",
        "de": "http://testserver/de/about-mine/",
        "x-default": "http://testserver/en/about-mine/",
    }


def test_a_draft_translation_is_not_offered(client, about, about_de):
    about_de.unpublish()
    soup = BeautifulSoup(client.get("/en/about-mine/").content, "html.parser")
    links = {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert links["de"] == "/de/"
    assert client.get("/de/about-mine/").status_code == 404


def test_untranslated_page_marks_its_content_language(client, about):
    soup = BeautifulSoup(client.get("/sk/about-mine/").content, "html.parser")
    assert soup.html["lang"] == "sk"
    assert soup.main.get("lang") is None  # the interface inside <main> is Slovak
    assert soup.select_one("main h1")["lang"] == "en"


def test_api_not_found_is_a_404_not_a_redirect_to_a_language(client, home_page):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404


def test_page_path_without_language_prefix_redirects(client, about):
    response = client.get("/about-mine/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/about-mine/"


@pytest.mark.parametrize(
    ("language", "skip_link", "footer_words"),
    [
        ("de", "Zum Hauptinhalt springen", "Staatsministerium Baden-Württemberg"),
        ("hu", "Ugrás a fő tartalomhoz", "Baden-Württemberg Állami Minisztériuma"),
        ("uk", "Перейти до основного вмісту", "Державне міністерство Баден-Вюртембергу"),
    ],
)
def test_site_interface_speaks_the_readers_language(
    client, home_page, language, skip_link, footer_words
):
    soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    assert soup.select_one("a.skip-link").get_text() == skip_link
    assert footer_words in soup.select_one("footer .funders").get_text()
