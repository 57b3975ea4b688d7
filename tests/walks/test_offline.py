"""Taking a walk offline, the server's side: the list of files a phone saves (with sizes, at phone
size, tiles within the policy), the service worker, the offline page and the web app manifest."""

import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def manifest_of(client, walk):
    response = client.get(walk.url + "offline/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def by_kind(manifest, kind):
    return [entry for entry in manifest["files"] if entry["kind"] == kind]


def test_the_manifest_lists_the_page_phone_size_photos_sound_and_a_few_tiles(client, walk):
    manifest = manifest_of(client, walk)
    assert manifest["id"] == walk.pk
    assert manifest["title"] == walk.title
    assert manifest["url"] == "http://testserver" + walk.url
    assert manifest["language"] == "en"
    assert manifest["saved_walks_url"] == "http://testserver/en/walks/saved/"
    assert manifest["offline_url"] == "http://testserver/en/offline/"
    [page] = by_kind(manifest, "page")
    assert page["url"] == manifest["url"]
    assert page["bytes"] > 1000

    # Every photo the page shows is saved once, at the size a phone asks for; the other sizes of
    # its srcset point to it.
    html = BeautifulSoup(client.get(walk.url).content, "html.parser")
    images = {entry["url"] for entry in by_kind(manifest, "image")}
    for img in html.select(".walk-stop img[srcset]"):
        sizes = {"http://testserver" + part.split()[0] for part in img["srcset"].split(",") if part}
        saved = sizes & images
        assert len(saved) == 1, img["srcset"]
        for other in sizes - saved:
            assert manifest["aliases"][other] == next(iter(saved))
    # Never the smallest sizes (too coarse on a phone) nor the largest (a computer's screen).
    assert not [url for url in images if "width-480" in url or "400x300" in url], images
    assert not [url for url in images if "width-1440" in url or "4096x2048" in url], images
    assert all(entry["bytes"] > 0 for entry in by_kind(manifest, "image"))

    # The recordings go along; videos stay online unless the editor says otherwise.
    audio = by_kind(manifest, "audio")
    assert audio and all(entry["bytes"] > 0 for entry in audio)
    assert by_kind(manifest, "video") == []
    assert manifest["videos_online"] == 1
    # The styles and scripts of the page, the 360° viewer's modules among them.
    statics = {urlsplit(entry["url"]).path for entry in by_kind(manifest, "static")}
    assert {
        "/static/css/bridges.css",
        "/static/walks/js/walk-player.js",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/three/three.module.js",
        "/static/vendor/three/three.core.js",
    } <= statics
    # Only our own files and the tile server's.
    hosts = {urlsplit(entry["url"]).netloc for entry in manifest["files"]}
    assert hosts == {"testserver", "tile.openstreetmap.org"}

    tiles = by_kind(manifest, "tile")
    assert 0 < len(tiles) <= 120
    assert manifest["tiles"]["count"] == len(tiles)
    assert len(manifest["tiles"]["zooms"]) >= 2
    assert manifest["bytes"] == sum(entry["bytes"] for entry in manifest["files"])


def test_videos_go_along_when_the_editor_marks_them_small(client, walk):
    walk.save_videos_offline = True
    walk.save_revision().publish()
    manifest = manifest_of(client, walk)
    assert len(by_kind(manifest, "video")) == 1
    assert manifest["videos_online"] == 0


def test_tiles_can_be_turned_off_and_are_capped(client, walk, settings):
    settings.WALKS_OFFLINE_TILES = False
    assert by_kind(manifest_of(client, walk), "tile") == []
    settings.WALKS_OFFLINE_TILES = True
    settings.WALKS_OFFLINE_MAX_TILES = 20
    tiles = by_kind(manifest_of(client, walk), "tile")
    assert 0 < len(tiles) <= 20


def test_a_republished_walk_has_a_new_version(client, walk):
    first = manifest_of(client, walk)["version"]
    assert manifest_of(client, walk)["version"] == first
    walk.title = "A new title"
    walk.save_revision().publish()
    assert manifest_of(client, walk)["version"] != first


def test_a_private_walk_is_not_offered_for_saving(client, walk):
    PageViewRestriction.objects.create(page=walk, restriction_type="password", password="x")
    assert client.get(walk.url + "offline/").status_code in (200, 302, 404)
    assert client.get(walk.url + "offline/")["Content-Type"] != "application/json"


def test_the_walk_page_offers_saving_and_may_fetch_the_tiles(client, walk):
    response = client.get(walk.url)
    html = BeautifulSoup(response.content, "html.parser")
    box = html.select_one("[data-walk-offline]")
    assert box.has_attr("hidden")  # shown by the script where the browser can save
    assert box["data-manifest"] == walk.url + "offline/"
    assert box.select_one("[data-walk-offline-save]").get_text(strip=True) == (
        "Save this walk for offline use"
    )
    assert html.select_one('a[href="/en/walks/saved/"]').get_text() == "Saved walks"
    csp = response["Content-Security-Policy"]
    connect = next(part for part in csp.split(";") if part.strip().startswith("connect-src"))
    assert "https://tile.openstreetmap.org" in connect


def test_saved_walks_page_in_the_readers_language(client, walk):
    response = client.get("/en/walks/saved/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Saved walks"
    assert html.select_one("[data-saved-walks]") is not None


def test_service_worker_covers_the_site_with_its_own_policy(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    csp = response["Content-Security-Policy"]
    assert "connect-src 'self'" in csp and "https://tile.openstreetmap.org" in csp
    body = response.content.decode()
    assert "/static/vendor/workbox-routing/workbox-routing.prod.js" in body
    assert "{{" not in body and "{%" not in body


@pytest.mark.parametrize(
    ("language", "title"), [("en", "You are offline"), ("de", "Sie sind offline")]
)
def test_offline_page_in_the_readers_language(client, home_page, language, title):
    response = client.get(f"/{language}/offline/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    assert html.h1.get_text() == title


def test_web_app_manifest_per_language(client, home_page):
    response = client.get("/de/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "de"
    assert manifest["start_url"] == "/de/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["description"].startswith("Geschichten")
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon
    html = BeautifulSoup(client.get("/de/offline/").content, "html.parser")
    assert html.select_one('link[rel="manifest"]')["href"] == "/de/manifest.webmanifest"
