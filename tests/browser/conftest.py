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


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page, context=None):
    """Run axe-core (from the npm registry) in the page; return WCAG 2.1 A/AA violations."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "([context, tags]) => axe.run(context || document, {runOnly: {type: 'tag', values: tags}})",
        [context, WCAG_21_AA],
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
