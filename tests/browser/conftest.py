"""Real-browser tests: Playwright driving Debian's chromium against Django's live server."""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body
# (setting up data) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    # The serialized copy of the migrated database (locales, the home page) that browser tests
    # restore before each test (serialized_rollback). It lives on the database connection object.
    from django.db import connections

    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                # A fake microphone that is always allowed (recording a story by voice).
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--no-first-run",
            ],
        )
        # Playwright's sync API runs an event loop in this thread; inside it Django's context-local
        # `connections` hands out new connection objects without that copy, and every browser test
        # after the first would start from an empty database. Give the copy to them too.
        for alias, contents in snapshots.items():
            connections[alias]._test_serialized_contents = contents
        yield browser
        browser.close()


# Every Content-Security-Policy violation is reported on the console (the browser's own "Refused
# to ..." messages, and this listener for the ones it reports only as events).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`
        + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def csp_watched_page(context):
    """A page that fails the test at teardown on any Content-Security-Policy violation, so a
    future inline script or a new outside host is caught here, not by a visitor."""
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.csp_violations = []

    def on_console(message):
        if "Content Security Policy" in message.text or "CSP violation" in message.text:
            page.csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return page


def assert_no_csp_violations(page):
    assert not page.csp_violations, "\n".join(page.csp_violations)


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = csp_watched_page(context)
    yield page
    context.close()
    assert_no_csp_violations(page)


@pytest.fixture
def mobile_page(browser):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = csp_watched_page(context)
    yield page
    context.close()
    assert_no_csp_violations(page)


def axe_violations(page, context=None):
    """Run axe-core (from the npm registry) in the page; return WCAG 2.1 A/AA violations."""
    # Evaluated through the DevTools protocol, not added as an inline <script>, which the site's
    # Content-Security-Policy would (rightly) refuse.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "([context, tags]) => axe.run(context || document, {runOnly: {type: 'tag', values: tags}})",
        [context, WCAG_21_AA],
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
