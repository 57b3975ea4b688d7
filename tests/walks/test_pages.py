"""The walk page, the list of walks and the home page's walk, as a reader gets them (no JavaScript)."""

import json

import pytest
from bs4 import BeautifulSoup

from cms.core.demo import translate_once
from network.factories import CountryPageFactory
from tests.walks.conftest import build_stops, translate_walk
from walks.factories import WalkPageFactory


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_every_stop_is_on_the_page_in_order_with_its_media_and_text(client, walk):
    soup = soup_of(client, walk.url)
    stops = soup.select("ol.walk-stops > li > section.walk-stop")
    assert [s["id"] for s in stops] == [f"stop-{n}" for n in range(1, 7)]
    assert [s.h2.get_text(strip=True) for s in stops] == [
        stop.value["title"] for stop in walk.stops
    ]
    # Nothing is hidden without JavaScript: every stop shows its number, place, medium and narration.
    assert all(not s.find_parent("li").has_attr("hidden") for s in stops)
    assert stops[2].select_one(".walk-stop__number").get_text(strip=True) == "Stop 3 of 6"
    assert stops[0].select_one(".walk-stop__place").get_text(strip=True) == "Prešernova cesta 1a"
    assert stops[0].select_one(".walk-stop__media img")
    assert stops[1].select_one("[data-panorama] img.panorama__flat")
    assert stops[2].select_one("audio source")["src"].endswith(".wav")
    assert stops[3].select_one("video source")
    assert stops[3].select_one(".transcript").get_text(" ", strip=True) == "Transcript We walk in."
    for number, stop in enumerate(stops, start=1):
        assert stop.select_one(".walk-stop__narration").get_text(strip=True) == (
            f"Narration of stop {number}."
        )
        assert len(stop.select(".walk-stop__photos img")) == 2
    # The player's controls exist for the script but stay hidden without it.
    assert soup.select_one("[data-walk-player]").has_attr("hidden")
    # The list of stops links to each one, so the route is complete without the map.
    assert [a["href"] for a in soup.select(".walk-contents__list a")] == [
        f"#stop-{n}" for n in range(1, 7)
    ]


@pytest.mark.django_db
def test_the_route_map_gets_every_stops_coordinates_in_order(client, walk):
    soup = soup_of(client, walk.url)
    route = json.loads(soup.select_one("#walk-route-data").string)
    expected = [
        (stop.value["location"]["latitude"], stop.value["location"]["longitude"])
        for stop in walk.stops
    ]
    assert [(s["latitude"], s["longitude"]) for s in route] == expected
    assert [s["number"] for s in route] == [1, 2, 3, 4, 5, 6]
    assert [s["anchor"] for s in route] == [f"stop-{n}" for n in range(1, 7)]
    map_element = soup.select_one("[data-walk-map]")
    assert map_element["data-tile-url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    first = soup.select_one("#stop-1")
    assert (float(first["data-latitude"]), float(first["data-longitude"])) == expected[0]


@pytest.mark.django_db
def test_coordinates_keep_a_decimal_point_in_german(client, walk):
    german = translate_walk(walk, "de", {"1. Family Center Mala Ulica": "1. Familienzentrum"})
    soup = soup_of(client, german.url)
    first = soup.select_one("#stop-1")
    assert first["data-latitude"] == "46.05284"
    assert first.h2.get_text(strip=True) == "1. Familienzentrum"
    assert soup.select_one(".walk-stop__number").get_text(strip=True) == "Station 1 von 6"


@pytest.mark.django_db
def test_phones_get_responsive_photos_and_media_below_the_first_stop_load_lazily(client, walk):
    soup = soup_of(client, walk.url)
    stops = soup.select("section.walk-stop")
    first_photo = stops[0].select_one(".walk-stop__media img")
    assert first_photo["loading"] == "eager"
    assert len(first_photo["srcset"].split(",")) == 3
    assert "sizes" in first_photo.attrs
    for stop in stops[1:]:
        for image in stop.select("img"):
            assert image["loading"] == "lazy", stop["id"]
    assert all(m["preload"] == "none" for m in soup.select("video, audio"))
    panorama = stops[1].select_one("[data-panorama]")
    assert panorama["data-panorama"].startswith("/media/images/")
    assert panorama["data-panorama-small"] != panorama["data-panorama"]


@pytest.mark.django_db
def test_video_captions_default_to_the_readers_language(client, slovenia, caption_file):
    from cms.core.factories import AudioFactory

    video = AudioFactory(title="Video", type="video")
    main = {
        "type": "video",
        "id": "v1",
        "value": {
            "video": video.pk,
            "poster": None,
            "caption": "",
            "caption_tracks": [
                {
                    "type": "item",
                    "id": "t1",
                    "value": {"file": caption_file.pk, "language": "de", "label": "Deutsch"},
                },
            ],
            "transcript": "",
        },
    }
    from walks.factories import stop

    walk = WalkPageFactory(
        parent=slovenia, title="Video walk", stops=[stop("Inside", 46.05, 14.5, main)]
    )
    soup = soup_of(client, walk.url)
    track = soup.select_one("video track")
    assert track["srclang"] == "de" and not track.has_attr("default")
    response = client.get(walk.url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200


@pytest.mark.django_db
def test_walk_header_names_country_duration_and_stop_count(client, walk):
    soup = soup_of(client, walk.url)
    facts = [li.get_text(strip=True) for li in soup.select(".walk-facts li")]
    assert facts == ["Slovenia", "6 stops", "about 25 minutes"]
    assert soup.select_one(".walk-facts a")["href"] == walk.country.url


@pytest.mark.django_db
def test_a_walk_without_stops_says_so(client, slovenia):
    walk = WalkPageFactory(parent=slovenia, title="Not ready", stops=[])
    soup = soup_of(client, walk.url)
    assert not soup.select("section.walk-stop")
    assert "no stops yet" in soup.select_one("article.walk").get_text()


@pytest.mark.django_db
def test_walks_index_lists_walks_of_its_language_with_a_map_of_starts(
    client, walk, section_pages, slovenia
):
    hungary = CountryPageFactory(
        parent=section_pages["network"], title="Hungary", country_code="HU"
    )
    budapest = WalkPageFactory(
        parent=hungary,
        title="MINE Academy in Budapest",
        stops=build_stops(2, with_extra_photos=False),
    )
    WalkPageFactory(
        parent=slovenia,
        title="A draft walk",
        stops=build_stops(1, with_extra_photos=False),
        live=False,
    )

    soup = soup_of(client, section_pages["walks"].url)
    titles = [a.get_text(strip=True) for a in soup.select(".cards .card__title a")]
    assert sorted(titles) == ["A walk through Family Center Mala Ulica", "MINE Academy in Budapest"]
    metas = {
        c.select_one(".card__title").get_text(strip=True): c.select_one(".card__meta").get_text(
            strip=True
        )
        for c in soup.select(".card")
    }
    assert (
        metas["A walk through Family Center Mala Ulica"] == "Slovenia · 6 stops · about 25 minutes"
    )
    assert metas["MINE Academy in Budapest"] == "Hungary · 2 stops"
    starts = json.loads(soup.select_one("#walk-starts-data").string)
    assert {(s["title"], s["latitude"], s["longitude"], s["url"]) for s in starts} == {
        (walk.title, *walk.start, walk.url),
        (budapest.title, *budapest.start, budapest.url),
    }
    # Filter by country.
    soup = soup_of(client, section_pages["walks"].url + "?country=hungary")
    assert [a.get_text(strip=True) for a in soup.select(".cards .card__title a")] == [
        budapest.title
    ]
    assert [o["value"] for o in soup.select("#walks-country option")] == ["", "hungary", "slovenia"]


@pytest.mark.django_db
def test_walks_index_in_german_lists_each_walk_in_german_or_else_the_original(
    client, walk, section_pages
):
    from cms.core.translation import translate_page

    translate_once(section_pages["walks"].get_parent(), "de", {})
    german_index = translate_page(
        section_pages["walks"], "de", {"Virtual walks": "Virtuelle Rundgänge"}
    )
    soup = soup_of(client, german_index.url)  # not translated yet: the English walk, named so
    card = soup.select_one(".card")
    assert card["lang"] == "en"
    assert card.select_one(".card__title a").get_text(strip=True) == walk.title
    assert card.select_one(".language-badge").get_text() == "Auf Englisch"

    translate_walk(
        walk, "de", {walk.title: "Ein Rundgang durch Mala Ulica", "Slovenia": "Slowenien"}
    )
    soup = soup_of(client, german_index.url)
    assert [a.get_text(strip=True) for a in soup.select(".card__title a")] == [
        "Ein Rundgang durch Mala Ulica"
    ]
    assert (
        soup.select_one(".card__meta").get_text(strip=True)
        == "Slowenien · 6 Stationen · etwa 25 Minuten"
    )


@pytest.mark.django_db
def test_home_page_features_a_walk_of_the_readers_language(client, walk, home_page):
    soup = soup_of(client, "/en/")
    section = soup.select_one("section.home-walk")
    assert section.select_one(".home-walk__title a")["href"] == walk.url
    assert section.select_one(".home-walk__meta").get_text(strip=True) == (
        "Slovenia · 6 stops · about 25 minutes"
    )


@pytest.mark.django_db
def test_home_page_without_walks_in_its_language_shows_the_original(client, walk, home_page):
    from cms.core.translation import translate_page

    translate_page(home_page, "de", {})
    soup = soup_of(client, "/de/")
    assert walk.title in soup.select_one("section.home-walk").get_text()
