"""The browser fixtures catch Content-Security-Policy violations (the other browser tests rely on it)."""

import pytest

from tests.browser.conftest import assert_no_csp_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_inline_script_is_refused_and_reported(browser_page, live_server):
    browser_page.goto(f"{live_server.url}/en/")
    assert_no_csp_violations(browser_page)
    browser_page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.ranInline = true";
            document.body.append(script);
        }"""
    )
    browser_page.wait_for_timeout(300)
    assert browser_page.evaluate("() => window.ranInline") is None
    assert browser_page.csp_violations, "the inline script ran or was not reported"
    # Reported: empty the list so this test's teardown passes.
    browser_page.csp_violations.clear()
