"""A reader walks through a walk with the keyboard and the buttons, opens a shared stop, and axe agrees."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def visible_stop_ids(page):
    return page.eval_on_selector_all(
        "[data-walk-stops] > li",
        "items => items.filter(i => !i.hidden).map(i => i.firstElementChild.id)",
    )


def test_reader_walks_with_keys_and_buttons_and_opens_a_shared_stop(
    live_server,
    browser_page,
    mobile_page,
    slovenia,
):
    walk = WalkPageFactory(
        parent=slovenia,
        title="A walk through Mala Ulica",
        stops=build_stops(6, with_extra_photos=False),
    )
    titles = [stop.value["title"] for stop in walk.stops]
    page = browser_page
    page.goto(live_server.url + walk.url)

    status = page.locator("[data-walk-status]")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == f"Stop 1 of 6: {titles[0]}"
    assert visible_stop_ids(page) == ["stop-1"]
    # The route map: six numbered markers joined by a line.
    assert page.locator(".walk-marker").count() == 6
    assert page.locator(".walk-marker--current").inner_text() == "1"
    assert page.locator("path.walk-line").count() == 1
    assert page.get_by_role("button", name="Previous stop").get_attribute("aria-disabled") == "true"

    next_button = page.get_by_role("button", name="Next stop")
    next_button.click()
    assert visible_stop_ids(page) == ["stop-2"]
    assert page.evaluate("location.hash") == "#stop-2"
    assert status.text_content() == f"Stop 2 of 6: {titles[1]}"
    assert page.evaluate("document.activeElement.dataset.walkNext") == ""  # focus stays on Next
    assert page.locator(".walk-marker--current").inner_text() == "2"

    page.locator("body").press("ArrowRight")
    assert visible_stop_ids(page) == ["stop-3"]
    assert status.text_content() == f"Stop 3 of 6: {titles[2]}"
    page.keyboard.press("ArrowLeft")
    assert visible_stop_ids(page) == ["stop-2"]
    page.get_by_role("button", name="Previous stop").click()
    assert visible_stop_ids(page) == ["stop-1"]
    for _ in range(10):  # past the last stop nothing breaks
        page.keyboard.press("ArrowRight")
    assert visible_stop_ids(page) == ["stop-6"]
    assert next_button.get_attribute("aria-disabled") == "true"

    # Jumping from the list of stops moves focus to that stop's heading.
    page.locator(".walk-contents__list a", has_text=titles[3]).click()
    # The walk answers the link's hash change as an event: wait for it, then look.
    expect(page.locator("#stop-4-title")).to_be_focused()
    assert visible_stop_ids(page) == ["stop-4"]
    assert axe_violations(page) == []

    # On a phone, a shared link to the third stop of a long walk opens that stop.
    walk = WalkPageFactory(
        parent=slovenia, title="A long walk", stops=build_stops(25, with_extra_photos=False)
    )
    page = mobile_page
    page.goto(live_server.url + walk.url + "#stop-3")
    assert visible_stop_ids(page) == ["stop-3"]
    assert re.match(r"Stop 3 of 25: ", page.locator("[data-walk-status]").text_content())
    assert page.locator("#stop-3 audio").is_visible()
    # A phone fetches the photos of the stops around it, not the whole walk's.
    page.wait_for_load_state("networkidle")
    fetched = page.evaluate(
        "performance.getEntriesByType('resource').filter(e => e.name.includes('/media/images/')).length"
    )
    assert fetched <= 4
    assert axe_violations(page) == []
    # Back to the 360° photo: the viewer starts for the current stop only.
    page.keyboard.press("ArrowLeft")
    assert visible_stop_ids(page) == ["stop-2"]
    # A locator assertion, not wait_for_function: that evaluates a string, which the CSP refuses.
    expect(page.locator(".panorama__viewer")).to_have_count(1)
    assert page.locator("#stop-2 .panorama__viewer").count() == 1
    page.keyboard.press("ArrowLeft")
    assert page.locator(".panorama__viewer").count() == 0
