"""Every page type renders in at most MAX_QUERIES SQL queries (a warm cache, as a reader after the
first meets it), and the number does not grow with its blocks, stops, images or listed items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.factories import ImageFactory
from home.factories import StandardPageFactory
from network.factories import CentrePageFactory, EventPageFactory
from publications.factories import PublicationPageFactory, chapter, part, text_chapter
from stories.factories import StoryPageFactory
from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory

MAX_QUERIES = 15

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    """The queries of a reader's visit after the first (which makes renditions and fills caches)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def image_blocks(count: int) -> list:
    return [
        (
            "image",
            {
                "image": ImageFactory(title=f"Photo {n}", description=f"Photo {n}", seed=n),
                "alt_text": "",
                "caption": f"Caption {n}",
                "credit": "",
            },
        )
        for n in range(count)
    ]


def assert_flat(small: int, large: int, what: str):
    assert large <= small, f"{what}: {small} queries with few, {large} with many"
    assert large <= MAX_QUERIES, f"{what}: {large} queries (at most {MAX_QUERIES})"


def test_story_page(client, slovakia, section_pages):
    centre = CentrePageFactory(parent=slovakia, title="MC Nezábudka")
    few = StoryPageFactory(
        parent=slovakia, title="Few", themes=["care"], centre=centre, body=image_blocks(2)
    )
    many = StoryPageFactory(
        parent=slovakia,
        title="Many",
        themes=["care", "resilience"],
        centre=centre,
        body=image_blocks(8),
    )
    for n in range(4):
        StoryPageFactory(parent=slovakia, title=f"Related {n}", themes=["care"], centre=centre)
    assert_flat(queries(client, few.url), queries(client, many.url), "story")


def test_walk_page(client, slovenia, section_pages):
    # Four stops show every kind of medium (photo, 360° photo, audio, video) once.
    few = WalkPageFactory(parent=slovenia, title="Four stops", stops=build_stops(4))
    many = WalkPageFactory(parent=slovenia, title="Eight stops", stops=build_stops(8))
    assert_flat(queries(client, few.url), queries(client, many.url), "walk")


def test_centre_and_country_pages(client, slovakia, section_pages):
    centre = CentrePageFactory(parent=slovakia, title="MC Nezábudka")
    StoryPageFactory(parent=slovakia, title="Story 0", centre=centre, body=image_blocks(1))
    WalkPageFactory(parent=slovakia, title="Walk 0", centre=centre, stops=build_stops(2))
    EventPageFactory(parent=slovakia, title="Meeting 0")
    centre_few, country_few = queries(client, centre.url), queries(client, slovakia.url)
    for n in range(1, 7):
        StoryPageFactory(parent=slovakia, title=f"Story {n}", centre=centre, body=image_blocks(1))
        CentrePageFactory(parent=slovakia, title=f"Centre {n}")
        EventPageFactory(parent=slovakia, title=f"Meeting {n}")
    assert_flat(centre_few, queries(client, centre.url), "centre")
    assert_flat(country_few, queries(client, slovakia.url), "country")


def test_home_and_listings(client, home_page, slovakia, section_pages):
    image = ImageFactory(title="Card", seed=99)
    StoryPageFactory(parent=slovakia, title="Story 0", themes=["care"], image=image)
    WalkPageFactory(parent=slovakia, title="Walk 0", stops=build_stops(2, with_extra_photos=False))
    EventPageFactory(parent=section_pages["events"], title="Meeting 0")
    urls = {
        "home": home_page.url,
        "stories": section_pages["stories"].url,
        "stories, filtered": section_pages["stories"].url + "?theme=care&country=slovakia",
        "walks": section_pages["walks"].url,
        "network": section_pages["network"].url,
        "events": section_pages["events"].url,
    }
    few = {name: queries(client, url) for name, url in urls.items()}
    for n in range(1, 14):
        StoryPageFactory(parent=slovakia, title=f"Story {n}", themes=["care"], image=image)
        EventPageFactory(parent=section_pages["events"], title=f"Meeting {n}")
    for n in range(1, 4):
        WalkPageFactory(
            parent=slovakia, title=f"Walk {n}", stops=build_stops(2, with_extra_photos=False)
        )
    for name, url in urls.items():
        assert_flat(few[name], queries(client, url), name)


def test_event_and_standard_pages(client, home_page, section_pages):
    event = EventPageFactory(parent=section_pages["events"], title="Network meeting")
    page = StandardPageFactory(parent=home_page, title="About MINE", body=image_blocks(2))
    other = StandardPageFactory(parent=home_page, title="Partners", body=image_blocks(8))
    assert queries(client, event.url) <= MAX_QUERIES
    assert_flat(queries(client, page.url), queries(client, other.url), "standard page")


def publication(home_page, title: str, stories: list, walks: list):
    chapters = [
        text_chapter("Why this book", "Care work is everywhere and seen nowhere."),
        part("Stories"),
        *[chapter("story", story) for story in stories],
        part("Walks"),
        *[chapter("walk", walk) for walk in walks],
    ]
    return PublicationPageFactory(parent=home_page, title=title, chapters=chapters, publish=True)


def test_publication_pages(client, home_page, slovakia, section_pages, settings):
    # Builds queued, not run: the reader's pages are what is counted, not the PDF.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    image = ImageFactory(title="Card", seed=99)
    stories = [
        StoryPageFactory(parent=slovakia, title=f"Story {n}", image=image, body=image_blocks(2))
        for n in range(8)
    ]
    walks = [
        WalkPageFactory(
            parent=slovakia, title=f"Walk {n}", stops=build_stops(2, with_extra_photos=False)
        )
        for n in range(3)
    ]
    few = publication(home_page, "Few chapters", stories[:1], walks[:1])
    many = publication(home_page, "Many chapters", stories, walks)
    assert_flat(queries(client, few.url), queries(client, many.url), "publication")
    # The last story's chapter and the last walk's (a text chapter comes first; parts are not
    # chapters).
    for number, last in ((2, len(stories) + 1), (3, len(stories) + len(walks) + 1)):
        assert_flat(
            queries(client, f"{few.url}chapters/{number}/"),
            queries(client, f"{many.url}chapters/{last}/"),
            "publication chapter",
        )
