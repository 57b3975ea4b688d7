"""A reader opens the book, reads a chapter, goes on to the next one; axe finds nothing; it prints clean."""

import pytest

from tests.browser.conftest import axe_violations
from tests.publications.conftest import (  # noqa: F401 (fixtures)
    publication,
    publication_chapters,
    story,
    walk,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def queue_builds(settings):
    # The reading view never waits for files: here they stay queued ("being prepared").
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_reader_reads_the_book_chapter_by_chapter(
    live_server,
    browser_page,
    publication,  # noqa: F811
):
    page = browser_page
    page.goto(live_server.url + publication.url)
    assert page.locator("h1").inner_text() == "Making care visible"
    assert (
        page.locator(".publication__downloads li")
        .first.inner_text()
        .startswith("PDF file: being prepared")
    )
    assert axe_violations(page) == []

    page.get_by_role("link", name="2. A kitchen table for everyone").click()
    page.wait_for_url("**/chapters/2/")
    assert page.locator("h1").inner_text() == "A kitchen table for everyone"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Next chapter: A walk through Žilina").click()
    page.wait_for_url("**/chapters/3/")
    assert page.locator(".book-stop").count() == 3
    assert page.locator(".walk-online__qr").get_attribute("alt").startswith("QR code")
    assert axe_violations(page) == []

    # The print stylesheet leaves the site's header, footer and chapter buttons off paper.
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".publication__pager").is_visible()
    assert page.locator(".book-stop").first.is_visible()
