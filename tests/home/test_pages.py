"""The home page and standard pages as a reader sees them, in several languages."""

import pytest
from bs4 import BeautifulSoup

from cms.core.translation import translate_page


@pytest.mark.django_db
def test_home_page_renders_in_english(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == home_page.title
    assert soup.select_one("a.skip-link")["href"] == "#main"


@pytest.mark.django_db
def test_translated_home_page_renders_german_text(client, home_page):
    home_page.intro = "<p>Welcome to the network.</p>"
    home_page.save_revision().publish()
    translate_page(home_page, "de", {"Welcome to the network.": "Willkommen im Netzwerk."})
    soup = BeautifulSoup(client.get("/de/").content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.select_one(".hero__intro").get_text(strip=True) == "Willkommen im Netzwerk."
