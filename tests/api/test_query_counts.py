"""A 100-item `fields=*` listing runs a number of queries that does not grow with items, blocks or
images: 10 stories and 100 stories (each with its own image, in its hero and in its body) cost
the same number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.factories import ImageFactory
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=stories.StoryPage&fields=*&limit=100"


def add_stories(parent, centre, count, start=0):
    for number in range(start, start + count):
        photo = ImageFactory(title=f"Photo {number}", seed=number % 7, size=(64, 48))
        StoryPageFactory(
            parent=parent,
            slug=f"story-{number}",
            title=f"Story {number}",
            themes=["care"],
            image=photo,
            centre=centre,
            body=[
                ("heading", {"text": "A heading", "level": "h2"}),
                ("paragraph", "<p>Words.</p>"),
                ("image", {"image": photo, "alt_text": "", "caption": "", "credit": ""}),
            ],
        )


def queries_for(client, url) -> int:
    client.get(url)  # renditions are made on the first answer; count an ordinary one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()["meta"]["total_count"], queries


@pytest.mark.parametrize(
    "listing",
    [LISTING, LISTING + "&locale=sk&fallback=true"],
    ids=["as written", "in Slovak with fallback"],
)
def test_a_full_listing_costs_the_same_for_10_and_100_stories(client, slovakia, listing):
    from network.factories import CentrePageFactory

    centre = CentrePageFactory(parent=slovakia, slug="nezabudka", title="MC Nezábudka")
    add_stories(slovakia, centre, 10)
    few, total, _ = queries_for(client, listing)
    assert total == 10
    add_stories(slovakia, centre, 90, start=10)
    many, total, queries = queries_for(client, listing)
    assert total == 100
    assert many == few, "\n".join(q["sql"][:160] for q in queries.captured_queries)


@pytest.mark.parametrize(
    "fallback", ["", "&locale=sk&fallback=true"], ids=["as written", "in Slovak"]
)
def test_the_last_page_of_a_listing_costs_the_same_for_10_and_40_stories(
    client, slovakia, fallback
):
    """The last five of 10 and of 40 stories: the database counts and skips ids, and only the
    five stories' rows are read (and serialised), whatever the offset."""
    from network.factories import CentrePageFactory

    centre = CentrePageFactory(parent=slovakia, slug="nezabudka", title="MC Nezábudka")
    last_five = "/api/v2/pages/?type=stories.StoryPage&fields=*&limit=5&offset={}" + fallback
    add_stories(slovakia, centre, 10)
    few, total, _ = queries_for(client, last_five.format(5))
    assert total == 10
    add_stories(slovakia, centre, 30, start=10)
    many, total, queries = queries_for(client, last_five.format(35))
    assert total == 40
    assert many == few, "\n".join(q["sql"][:160] for q in queries.captured_queries)
    # What is skipped to reach the offset is ids, never whole stories with their bodies.
    skipping = [q["sql"] for q in queries.captured_queries if " OFFSET " in q["sql"]]
    assert skipping
    assert not [sql for sql in skipping if '"body"' in sql], skipping
