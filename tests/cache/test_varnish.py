"""A real Varnish (deploy/varnish/default.vcl) in front of the live server: anonymous readers get
cached pages, a publish makes the next read fresh, editors always reach Django."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client

from stories.factories import StoryPageFactory
from tests.cache.servers import get

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def read(varnish, path, **headers):
    status, response_headers, body = get(varnish.url + path, headers)
    return status, response_headers, BeautifulSoup(body, "html.parser")


def titles(soup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("main a")]


def test_cached_for_readers_and_fresh_after_publish(purging_varnish, slovakia, section_pages):
    varnish = purging_varnish
    story = StoryPageFactory(parent=slovakia, title="Before the change")
    listing = section_pages["stories"].url

    status, headers, soup = read(varnish, story.url)
    assert status == 200 and headers["X-Cache"] == "MISS"
    assert "Set-Cookie" not in headers
    status, headers, soup = read(varnish, story.url)
    assert headers["X-Cache"] == "HIT"
    assert soup.h1.get_text(strip=True) == "Before the change"
    read(varnish, listing)
    assert read(varnish, listing)[1]["X-Cache"] == "HIT"

    # An editor publishes a new title: the page and the list show it at once.
    story.title = "After the change"
    story.save_revision().publish()
    status, headers, soup = read(varnish, story.url)
    assert headers["X-Cache"] == "MISS"
    assert soup.h1.get_text(strip=True) == "After the change"
    _status, headers, soup = read(varnish, listing)
    assert headers["X-Cache"] == "MISS"
    assert "After the change" in soup.get_text()

    # Unpublished: gone for readers at once, from its page and from the list.
    story.unpublish()
    assert read(varnish, story.url)[0] == 404
    assert "After the change" not in read(varnish, listing)[2].get_text()


def test_editors_bypass_the_cache(purging_varnish, slovakia, section_pages):
    varnish = purging_varnish
    story = StoryPageFactory(parent=slovakia, title="A story")
    read(varnish, story.url)
    assert read(varnish, story.url)[1]["X-Cache"] == "HIT"
    editor = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    for _ in range(2):
        status, headers, _soup = read(varnish, story.url, Cookie=f"sessionid={session}")
        assert status == 200 and headers["X-Cache"] == "MISS"
        assert "private" in headers["Cache-Control"]
    # The admin is never cached either.
    _status, headers, _soup = read(varnish, "/admin/", Cookie=f"sessionid={session}")
    assert headers["X-Cache"] == "MISS"


def test_the_story_form_is_never_served_from_the_cache(purging_varnish, section_pages):
    varnish = purging_varnish
    form = section_pages["stories"].url + "tell-your-story/"
    for _ in range(2):
        status, headers, _soup = read(varnish, form)
        assert status == 200 and headers["X-Cache"] == "MISS"
        assert "csrftoken" in headers.get("Set-Cookie", "")
