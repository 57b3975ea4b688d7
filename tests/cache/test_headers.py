"""Cache headers: anonymous pages may be kept by a shared cache; nothing personal ever is."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.cache import get_max_age

from network.factories import EventPageFactory
from network.models import EventRegistration
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict:
    result = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            result[name] = value or True
    return result


def assert_shareable(response):
    cc = directives(response)
    assert cc.get("public") is True, response.get("Cache-Control")
    assert int(cc["s-maxage"]) > 0 and int(cc["stale-while-revalidate"]) > 0
    assert not response.cookies, f"anonymous page sets {list(response.cookies)}"
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    assert vary <= {"accept-encoding"}, vary


def assert_personal(response):
    cc = directives(response)
    assert cc.get("private") is True and cc.get("no-store") is True, response.get("Cache-Control")
    assert "s-maxage" not in cc and "public" not in cc


def test_anonymous_pages_may_be_kept_by_a_shared_cache(client, home_page, slovakia, section_pages):
    story = StoryPageFactory(parent=slovakia, title="Care")
    for url in (
        home_page.url,
        story.url,
        section_pages["stories"].url,
        section_pages["stories"].url + "?theme=care",
        section_pages["walks"].url,
        section_pages["network"].url,
        slovakia.url,
        "/sitemap.xml",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_shareable(response)
    # The browser keeps it a short while only; the shared cache is purged on publish.
    assert get_max_age(client.get(story.url)) <= 300


def test_the_root_redirect_by_browser_language_is_not_shared(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert_personal(response)


def test_form_pages_set_their_csrf_cookie_and_are_personal(client, section_pages):
    response = client.get(section_pages["stories"].url + "tell-your-story/")
    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert_personal(response)
    # The form sent back with its errors: one visitor's words.
    response = client.post(section_pages["stories"].url + "tell-your-story/", {"title": "x"})
    assert_personal(response)


def test_logged_in_editors_and_readers_with_messages_bypass(client, slovakia, section_pages):
    story = StoryPageFactory(parent=slovakia, title="Care")
    client.cookies["messages"] = "something-for-this-reader"
    assert_personal(client.get(story.url))
    del client.cookies["messages"]
    editor = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    response = client.get(story.url)
    assert response.status_code == 200
    assert_personal(response)
    preview = client.get(f"/admin/pages/{story.pk}/edit/preview/")
    assert_personal(preview)


def test_a_registrants_token_page_is_never_shared(client, section_pages):
    meeting = EventPageFactory(
        parent=section_pages["events"],
        title="Network meeting",
        start=timezone.now() + datetime.timedelta(days=10),
        attendance="online",
        registration_type="built_in",
        capacity=5,
        join_url="https://meet.example.org/secret",
    )
    response = client.post(
        meeting.url,
        {
            "name": "Anna",
            "email": "anna@example.org",
            "organisation": "MC",
            "country": "Slovakia",
            "consent": "on",
            "website": "",
        },
    )
    assert_personal(response)
    registration = EventRegistration.objects.get()
    own = client.get(meeting.registered_url(registration))
    assert own.status_code == 200
    assert_personal(own)
    assert "https://meet.example.org/secret" in BeautifulSoup(own.content, "html.parser").decode()


def test_api_keeps_its_own_headers(client, slovakia, section_pages):
    """The API's views set their own ETag and Cache-Control; the pages' policy stays off /api/."""
    story = StoryPageFactory(parent=slovakia, title="Care")
    response = client.get(f"/api/v2/pages/{story.pk}/")
    assert response.status_code == 200
    assert "stale-if-error" not in directives(response)  # only the pages' policy adds it
