"""Walks in the public API: listing with where they start, detail with every stop."""

import pytest

from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory


@pytest.mark.django_db
def test_listing_filters_by_type_and_gives_where_each_walk_starts(client, walk, slovenia):
    WalkPageFactory(
        parent=slovenia,
        title="Draft walk",
        stops=build_stops(1, with_extra_photos=False),
        live=False,
    )
    response = client.get(
        "/api/v2/pages/?type=walks.WalkPage&fields=start,stop_count,country,duration_minutes"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == [walk.title]
    item = items[0]
    assert item["meta"]["type"] == "walks.WalkPage"
    assert item["start"] == [46.05284, 14.50167]
    assert item["stop_count"] == 6
    assert item["duration_minutes"] == 25
    assert item["country"] == {
        "id": slovenia.pk,
        "type": "network.CountryPage",
        "title": "Slovenia",
        "locale": "en",
        "html_url": "http://testserver" + slovenia.url,
        "api_url": f"http://testserver/api/v2/pages/{slovenia.pk}/",
    }


@pytest.mark.django_db
def test_detail_has_every_stop_with_numbers_for_coordinates_and_media_urls(client, walk):
    data = client.get(f"/api/v2/pages/{walk.pk}/").json()
    assert data["intro"] == "<p>Come with us through the centre.</p>"
    assert data["centre"] is None
    stops = data["stops"]
    assert [s["type"] for s in stops] == ["stop"] * 6
    assert [s["value"]["title"] for s in stops] == [s.value["title"] for s in walk.stops]

    first = stops[0]["value"]
    assert first["location"] == {"latitude": 46.05284, "longitude": 14.50167}
    assert isinstance(first["location"]["latitude"], float)
    assert first["place_name"] == "Prešernova cesta 1a"
    assert first["narration"] == "<p>Narration of stop 1.</p>"
    photo = first["media"]
    assert photo["type"] == "photo"
    assert photo["caption"] == "The entrance"
    assert photo["image"]["alt"] == "Children playing in a courtyard"
    assert set(photo["image"]["renditions"]) == {"thumbnail", "small", "medium", "large"}
    assert photo["image"]["renditions"]["medium"]["url"].startswith(
        "http://testserver/media/images/"
    )
    assert len(first["extra_photos"]) == 2
    assert first["extra_photos"][0]["image"]["renditions"]["thumbnail"]["url"].startswith(
        "http://testserver/"
    )

    panorama = stops[1]["value"]["media"]
    assert panorama["type"] == "panorama"
    # The viewer's size is one of the image's renditions, beside the standard sizes.
    equirectangular = panorama["image"]["renditions"]["equirectangular"]
    assert equirectangular["url"].startswith("http://testserver/media/images/")
    assert equirectangular["width"] == 2 * equirectangular["height"]

    audio = stops[2]["value"]["media"]
    assert audio["type"] == "audio"
    assert audio["media"]["url"].startswith("http://testserver/media/")
    assert audio["media"]["url"].endswith(".wav")
    assert audio["media"]["transcript"] == "Welcome to our centre, says Maja."

    video = stops[3]["value"]["media"]
    assert video["type"] == "video"
    assert video["media"]["type"] == "video"
    assert video["media"]["transcript"] == "We walk in."


@pytest.mark.django_db
def test_drafts_are_not_in_the_api(client, slovenia):
    draft = WalkPageFactory(
        parent=slovenia,
        title="Draft walk",
        stops=build_stops(1, with_extra_photos=False),
        live=False,
    )
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
