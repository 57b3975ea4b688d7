"""/<lang>/stories/: the stories of one language, filters that combine and live in the URL, pages
of 12, a helpful empty result, the home page's stories, and flat query counts."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.factories import ImageFactory
from cms.core.translation import translate_page
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def card_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".cards .card__title a")]


@pytest.fixture
def stories(stories_index, slovakia, hungary):
    return {
        "kitchen": StoryPageFactory(
            parent=slovakia,
            title="Kitchen",
            themes=["care", "community"],
            original_language="sk",
            date="2022-05-01",
        ),
        "refuge": StoryPageFactory(
            parent=slovakia,
            title="Refuge",
            themes=["migration"],
            original_language="sk",
            date="2022-03-22",
        ),
        "danube": StoryPageFactory(
            parent=hungary,
            title="Danube",
            themes=["community"],
            original_language="hu",
            date="2022-09-21",
        ),
        "nowhere": StoryPageFactory(
            parent=stories_index,
            title="Nowhere",
            themes=["care"],
            original_language="en",
            date="2021-01-01",
        ),
    }


def test_lists_live_stories_of_the_language_newest_first_as_cards(client, stories):
    StoryPageFactory(  # saved as a draft, never published
        parent=stories["kitchen"].get_parent(), title="Draft", summary="Not yet", live=False
    )
    response = client.get("/en/stories/")
    assert card_titles(response) == ["Danube", "Kitchen", "Refuge", "Nowhere"]
    soup = BeautifulSoup(response.content, "html.parser")
    card = soup.select_one(".card")
    assert card.select_one(".card__meta").get_text() == "Hungary · Sept. 21, 2022"
    assert [li.get_text() for li in card.select(".tags li")] == ["Community"]
    assert soup.select_one("[role=status]").get_text(strip=True) == "4 stories"


def test_cards_show_the_image_and_summary(client, stories_index):
    image = ImageFactory(description="Children drawing")
    StoryPageFactory(
        parent=stories_index, title="With a picture", image=image, summary="Drawing together."
    )
    card = BeautifulSoup(client.get("/en/stories/").content, "html.parser").select_one(".card")
    assert card.img["src"].startswith("/media/images/") and "fill-400x300" in card.img["src"]
    assert "Drawing together." in card.get_text()


def test_filters_combine_and_keep_their_state_in_the_url(client, stories):
    assert card_titles(client.get("/en/stories/?country=slovakia")) == ["Kitchen", "Refuge"]
    assert card_titles(client.get("/en/stories/?theme=community")) == ["Danube", "Kitchen"]
    assert card_titles(client.get("/en/stories/?language=sk")) == ["Kitchen", "Refuge"]
    response = client.get("/en/stories/?country=slovakia&theme=community&language=sk")
    assert card_titles(response) == ["Kitchen"]
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.filters")
    assert form["method"] == "get"  # works without JavaScript
    assert form.select_one("button[type=submit]")
    selected = {s["name"]: s.select_one("option[selected]")["value"] for s in form.select("select")}
    assert selected == {"country": "slovakia", "theme": "community", "language": "sk"}
    # Only countries and languages that have stories are offered.
    assert [o["value"] for o in form.select("select[name=country] option")] == [
        "",
        "hungary",
        "slovakia",
    ]
    assert [o["value"] for o in form.select("select[name=language] option")] == [
        "",
        "en",
        "hu",
        "sk",
    ]
    assert soup.select_one("a.filters__clear")["href"] == "/en/stories/"


def test_unknown_filter_values_are_ignored(client, stories):
    assert len(card_titles(client.get("/en/stories/?country=atlantis&theme=x&language=zz"))) == 4


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, stories):
    response = client.get("/en/stories/?country=hungary&theme=migration")
    soup = BeautifulSoup(response.content, "html.parser")
    assert card_titles(response) == []
    empty = soup.select_one(".stories-empty")
    assert "No story matches all of these filters." in empty.get_text()
    assert empty.select_one("a")["href"] == "/en/stories/"


def test_twelve_stories_a_page_and_pagination_keeps_the_filters(client, stories_index):
    for n in range(14):
        StoryPageFactory(
            parent=stories_index, title=f"Story {n:02}", themes=["care"], date=f"2022-01-{n + 1:02}"
        )
    first = client.get("/en/stories/?theme=care")
    assert len(card_titles(first)) == 12
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?theme=care&page=2"
    second = client.get("/en/stories/" + next_link)
    assert card_titles(second) == ["Story 01", "Story 00"]
    assert card_titles(client.get("/en/stories/?page=99")) == card_titles(second)


def test_each_language_lists_every_story_once_with_themes_in_that_language(
    client, stories_index, stories
):
    """The German list: the German translation, and the stories not translated in English (with
    their language named) rather than hidden; every theme named in German."""
    translate_page(stories_index.get_parent(), "de", {})
    translate_page(stories_index, "de", {"Stories": "Geschichten"})
    translate_page(stories["nowhere"], "de", {"Nowhere": "Nirgendwo"})
    response = client.get("/de/stories/")
    assert card_titles(response) == ["Danube", "Kitchen", "Refuge", "Nirgendwo"]
    soup = BeautifulSoup(response.content, "html.parser")
    cards = soup.select(".cards .card")
    assert [card.get("lang") for card in cards] == ["en", "en", "en", None]
    assert [li.get_text() for li in cards[-1].select(".tags li")] == ["Sorgearbeit"]
    themes = [o.get_text() for o in soup.select("select[name=theme] option")][1:]
    assert "Beruf und Familie" in themes and "Sorgearbeit" in themes
    assert card_titles(client.get("/de/stories/?theme=care")) == ["Kitchen", "Nirgendwo"]


def test_home_page_shows_featured_stories_and_the_call_to_tell_yours(client, stories):
    stories["refuge"].featured = True
    stories["refuge"].save_revision().publish()
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    section = soup.select_one(".home-stories")
    titles = [a.get_text() for a in section.select(".card__title a")]
    assert titles == ["Refuge", "Danube", "Kitchen"]  # featured first, then the newest
    assert section.select_one(".block-cta a.button")["href"] == "/en/stories/tell-your-story/"


def count_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_index_queries_do_not_grow_with_cards(
    client, stories_index, slovakia, django_assert_max_num_queries
):
    def add(count: int, start: int):
        for n in range(start, start + count):
            StoryPageFactory(
                parent=slovakia if n % 2 else stories_index,
                title=f"Story {n}",
                themes=["care", "community"] if n % 2 else ["migration"],
                image=ImageFactory(),
            )

    add(3, 0)
    small = count_queries(client, "/en/stories/")
    add(9, 3)
    client.get("/en/stories/")
    with django_assert_max_num_queries(small):
        response = client.get("/en/stories/")
    assert len(card_titles(response)) == 12
    # The home page's stories stay flat as well.
    home_small = count_queries(client, "/en/")
    add(5, 12)
    client.get("/en/")
    with django_assert_max_num_queries(home_small):
        client.get("/en/")


def test_the_sitemap_lists_the_stories_page_and_its_form(client, stories):
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in tree.findall("s:url/s:loc", namespace)}
    assert "http://testserver/en/stories/" in locations
    assert "http://testserver/en/stories/tell-your-story/" in locations
    assert "http://testserver/en/network/slovakia/kitchen/" in locations
