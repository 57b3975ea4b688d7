"""A reader saves a walk on a phone, goes offline, reloads, walks it stop by stop, finds it among the
saved walks from any other address, and removes it; a republished walk is saved anew once online."""

import base64
import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A 1×1 PNG: the tile server's answer (the test machine has no connection to the real one).
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def wait_until(page, script, arg=None, timeout=15):
    """Poll a condition evaluated over the DevTools protocol (not a string the page's CSP refuses)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(script, arg)
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"never true: {script}")


def cache_names(page):
    return page.evaluate("caches.keys()")


def visible_stop(page):
    return page.eval_on_selector_all(
        "[data-walk-stops] > li",
        "items => items.filter(i => !i.hidden).map(i => i.firstElementChild.id)",
    )


def test_save_a_walk_go_offline_and_walk_it(live_server, mobile_page, slovenia):
    walk = WalkPageFactory(parent=slovenia, title="A walk through Mala Ulica", stops=build_stops(4))
    titles = [stop.value["title"] for stop in walk.stops]
    page = mobile_page
    context = page.context
    tile_requests = []

    def serve_tile(route):
        tile_requests.append(route.request)
        route.fulfill(
            status=200,
            body=TILE,
            headers={"Content-Type": "image/png", "Access-Control-Allow-Origin": "*"},
        )

    context.route("https://tile.openstreetmap.org/**", serve_tile)

    page.goto(live_server.url + walk.url)
    box = page.locator("[data-walk-offline]")
    expect(box).to_be_visible()
    save = page.get_by_role("button", name="Save this walk for offline use")
    expect(save).to_be_visible()
    # The size is said before anything is stored.
    expect(page.locator("[data-walk-offline-size]")).to_have_text(
        re.compile(r"^About \d+\.\d MB on this phone\. Videos play only when online\.$")
    )
    wait_until(page, "navigator.serviceWorker.controller !== null")
    assert axe_violations(page, "[data-walk-offline]") == []

    save.click()
    status = page.locator("[data-walk-offline-status]")
    expect(status).to_have_text("The walk is saved on this phone.", timeout=60_000)
    expect(page.get_by_role("button", name="Remove from this phone")).to_be_focused()
    expect(save).to_be_hidden()
    names = cache_names(page)
    assert any(name.startswith(f"bridges-walk-{walk.pk}-") for name in names), names
    # Tiles were asked for with the site as referrer (the tile server's policy), and few of them.
    saved_tiles = [r for r in tile_requests if r.resource_type == "fetch"]
    assert 0 < len(saved_tiles) <= 120
    assert saved_tiles[0].all_headers().get("referer") == live_server.url + "/"

    # Offline: the walk opens from its own address, with a stop's address too.
    context.set_offline(True)
    page.goto(live_server.url + walk.url + "#stop-2")
    expect(page.locator("h1")).to_have_text("A walk through Mala Ulica")
    assert visible_stop(page) == ["stop-2"]
    expect(page.locator("[data-walk-status]")).to_have_text(f"Stop 2 of 4: {titles[1]}")
    # The map's tiles come from the phone.
    wait_until(page, "document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    page.get_by_role("button", name="Next stop").click()
    assert visible_stop(page) == ["stop-3"]
    # Stop 3 is a recording: the player gets it from the phone, in parts as it asks.
    audio_url = page.locator("#stop-3 audio source").get_attribute("src")
    answer = page.evaluate(
        "url => fetch(url, {headers: {Range: 'bytes=0-9'}}).then(r => [r.status, r.headers.get('Content-Range')])",
        audio_url,
    )
    assert answer[0] == 206 and answer[1].startswith("bytes 0-9/")
    expect(page.locator("#stop-3 .transcript summary")).to_have_text("Transcript")
    page.keyboard.press("ArrowRight")
    assert visible_stop(page) == ["stop-4"]
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert visible_stop(page) == ["stop-1"]
    # The first stop's photo shows although the phone asks for another size than the one saved.
    wait_until(
        page,
        "Array.from(document.querySelectorAll('#stop-1 img')).every(i => i.complete && i.naturalWidth > 0)",
    )

    # Any other address: the offline page, in the reader's language, with the saved walk.
    page.goto(live_server.url + "/en/stories/")
    expect(page.locator("h1")).to_have_text("You are offline")
    page.get_by_role("link", name="A walk through Mala Ulica").click()
    expect(page.locator("h1")).to_have_text("A walk through Mala Ulica")

    # The list of saved walks; removing the walk frees its storage.
    page.goto(live_server.url + "/en/walks/saved/")
    expect(page.locator("h1")).to_have_text("Saved walks")
    expect(page.locator("[data-saved-walks] a")).to_have_text(["A walk through Mala Ulica"])
    assert axe_violations(page) == []
    page.get_by_role("button", name="Remove “A walk through Mala Ulica”").click()
    expect(page.locator("#saved-walks-status")).to_have_text(
        "“A walk through Mala Ulica” was removed from this phone."
    )
    expect(page.locator("#saved-walks-empty")).to_be_visible()
    assert not [n for n in cache_names(page) if n.startswith("bridges-walk-")]
    page.goto(live_server.url + walk.url)
    expect(page.locator("h1")).to_have_text("You are offline")


def test_a_republished_walk_is_saved_anew_when_online(
    live_server, browser_page, slovenia, settings
):
    settings.WALKS_OFFLINE_TILES = False
    walk = WalkPageFactory(parent=slovenia, title="Market walk", stops=build_stops(2))
    page = browser_page
    page.goto(live_server.url + walk.url)
    wait_until(page, "navigator.serviceWorker.controller !== null")
    page.get_by_role("button", name="Save this walk for offline use").click()
    expect(page.locator("[data-walk-offline-status]")).to_have_text(
        "The walk is saved on this phone.", timeout=60_000
    )
    first = cache_names(page)

    walk.title = "Market walk, new edition"
    walk.save_revision().publish()
    page.goto(live_server.url + walk.url)
    # Saved anew: the new version's cache is complete once the old one is gone (a new cache
    # appears as soon as the save starts, before the page is in it).
    wait_until(
        page,
        "async (old) => { const walks = (await caches.keys()).filter(n => n.startsWith('bridges-walk-'));"
        " return walks.length === 1 && !old.includes(walks[0]); }",
        first,
    )
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Market walk, new edition")
    assert len([n for n in cache_names(page) if n.startswith("bridges-walk-")]) == 1
