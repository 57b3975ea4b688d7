"""A walk's page and the list of walks cost the same number of queries however many stops they have."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory


def count_queries(client, url) -> int:
    client.get(url)  # the first visit makes the image renditions; readers after that only read them
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_walk_with_25_stops_renders_in_as_many_queries_as_one_with_5(
    client, slovenia, django_assert_max_num_queries
):
    small = WalkPageFactory(parent=slovenia, title="Five stops", stops=build_stops(5))
    large = WalkPageFactory(parent=slovenia, title="Twenty-five stops", stops=build_stops(25))
    small_count = count_queries(client, small.url)
    client.get(large.url)
    with django_assert_max_num_queries(small_count):
        response = client.get(large.url)
    assert response.content.count(b'class="walk-stop"') == 25


@pytest.mark.django_db
def test_walk_list_queries_do_not_grow_with_walks(
    client, slovenia, section_pages, django_assert_max_num_queries
):
    WalkPageFactory(parent=slovenia, title="Walk 1", stops=build_stops(3, with_extra_photos=False))
    few = count_queries(client, section_pages["walks"].url)
    for n in range(2, 8):
        WalkPageFactory(
            parent=slovenia, title=f"Walk {n}", stops=build_stops(3, with_extra_photos=False)
        )
    client.get(section_pages["walks"].url)
    with django_assert_max_num_queries(few):
        client.get(section_pages["walks"].url)


@pytest.mark.django_db
def test_walk_api_detail_queries_do_not_grow_with_stops(
    client, slovenia, django_assert_max_num_queries
):
    small = WalkPageFactory(parent=slovenia, title="Five stops", stops=build_stops(5))
    large = WalkPageFactory(parent=slovenia, title="Twenty-five stops", stops=build_stops(25))
    small_count = count_queries(client, f"/api/v2/pages/{small.pk}/")
    client.get(f"/api/v2/pages/{large.pk}/")
    with django_assert_max_num_queries(small_count):
        client.get(f"/api/v2/pages/{large.pk}/")
