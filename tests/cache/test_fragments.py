"""What the pages keep in the cache between readers (cms.caching: the site and its home page, each
address's page, the countries, the network's sections, the stories' counts) is never older than the
last publication, move, deletion or view restriction."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from stories.factories import StoryPageFactory
from stories.models.pages import STORIES_PER_PAGE

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def card_titles(page) -> list[str]:
    return [title.get_text(strip=True) for title in page.select("li.card .card__title")]


def test_a_renamed_country_shows_on_its_stories_at_once(client, slovakia, section_pages):
    story = StoryPageFactory(parent=slovakia, title="The Tuesday kitchen")
    assert "Slovakia" in soup(client, story.url).select_one("dl").get_text()
    slovakia.title = "Slovak Republic"
    slovakia.save_revision().publish()
    meta = soup(client, story.url).select_one("dl").get_text()
    assert "Slovak Republic" in meta
    card = soup(client, section_pages["stories"].url).select_one("li.card .card__meta")
    assert card.get_text().startswith("Slovak Republic · ")


def test_a_new_story_is_counted_and_listed_at_once(client, slovakia, section_pages):
    url = section_pages["stories"].url
    for n in range(STORIES_PER_PAGE):
        StoryPageFactory(parent=slovakia, title=f"Story {n}")
    assert soup(client, url).select_one("a[href*='page=2']") is None
    StoryPageFactory(parent=slovakia, title="One more")
    first = soup(client, url)
    assert first.select_one("a[href*='page=2']") is not None
    assert len(card_titles(first)) == STORIES_PER_PAGE
    assert len(card_titles(soup(client, f"{url}?page=2"))) == 1


def test_the_pages_read_backwards_are_the_pages_read_forwards(client, slovakia, section_pages):
    """Past the middle a page is read in reverse order (StoryPaginator): every story once, in the
    one order, even where stories share a day."""
    url = section_pages["stories"].url
    titles = [f"Story {n:02}" for n in range(3 * STORIES_PER_PAGE + 5)]
    for title in titles:
        StoryPageFactory(parent=slovakia, title=title, date="2026-05-01")
    pages = [card_titles(soup(client, f"{url}?page={n}")) for n in range(1, 5)]
    listed = [title for page in pages for title in page]
    assert sorted(listed) == titles
    # The same day: the newest made first, on every page.
    assert listed == list(reversed(titles))


def test_a_restricted_story_leaves_the_count(client, slovakia, section_pages):
    url = section_pages["stories"].url
    for n in range(STORIES_PER_PAGE):
        StoryPageFactory(parent=slovakia, title=f"Story {n}")
    secret = StoryPageFactory(parent=slovakia, title="Secret")
    assert soup(client, url).select_one("a[href*='page=2']") is not None
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    page = soup(client, url)
    assert page.select_one("a[href*='page=2']") is None
    assert "Secret" not in card_titles(page)


def test_a_moved_address_is_routed_anew(client, slovakia, section_pages):
    story = StoryPageFactory(parent=slovakia, title="The Tuesday kitchen", slug="tuesday")
    old = story.url
    assert client.get(old).status_code == 200
    story.slug = "tuesdays"
    story.save_revision().publish()
    story.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(story.url).status_code == 200
    story.unpublish()
    assert client.get(story.url).status_code == 404


def test_a_made_up_address_is_not_kept(client, section_pages):
    """Only a page's own address is kept in the cache: a made-up one is asked of the database
    each time (and answered 404), and never fills the cache."""
    url = section_pages["stories"].url + "no-such-story/"
    assert client.get(url).status_code == 404
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 404
    assert any("url_path" in query["sql"] for query in context.captured_queries)


def test_a_published_home_page_shows_at_once(client, home_page):
    assert client.get(home_page.url).status_code == 200
    home_page.title = "Welcome to Bridges"
    home_page.save_revision().publish()
    assert "Welcome to Bridges" in soup(client, home_page.url).title.get_text()
