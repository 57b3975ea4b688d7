"""A reader on the home page: two languages, switching by clicking, and no WCAG 2.1 A/AA violation."""

import pytest

from cms.core.translation import translate_page
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reader_switches_language_and_the_page_is_accessible(live_server, browser_page, home_page):
    home_page.intro = "<p>Welcome to the network.</p>"
    home_page.save_revision().publish()
    translate_page(home_page, "de", {"Welcome to the network.": "Willkommen im Netzwerk."})

    browser_page.goto(f"{live_server.url}/en/")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert browser_page.locator(".hero__intro").inner_text().strip() == "Welcome to the network."
    assert axe_violations(browser_page) == []

    # The languages open from their button in the header.
    browser_page.locator(".language-menu > summary").click()
    browser_page.get_by_role("navigation", name="Languages").get_by_role(
        "link", name="Deutsch"
    ).click()
    browser_page.wait_for_url(f"{live_server.url}/de/")
    assert browser_page.locator("html").get_attribute("lang") == "de"
    assert browser_page.locator(".hero__intro").inner_text().strip() == "Willkommen im Netzwerk."
    assert axe_violations(browser_page) == []
