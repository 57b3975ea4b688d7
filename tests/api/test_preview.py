"""Headless preview: Preview opens HEADLESS_PREVIEW_URL with a signed, expiring token; the API's
/api/v2/preview/ returns the draft with it; without a valid token (none, tampered, expired, for
another page or page type) nothing of a draft is returned."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory, override_settings

from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

FRONT_END = "https://app.example.org/preview"


@pytest.fixture
def draft(section_pages):
    """A published story with an unpublished edit."""
    story = StoryPageFactory(parent=section_pages["stories"], slug="kitchen", title="The kitchen")
    story.title = "The kitchen (draft)"
    story.save_revision()
    return story.get_latest_revision_as_object()


def preview_address(page) -> dict:
    """What an editor's Preview opens: the front end's address with content_type and token."""
    request = RequestFactory().get("/admin/")
    with override_settings(HEADLESS_PREVIEW_URL=FRONT_END):
        response = page.serve_preview(request, "")
    iframe = BeautifulSoup(response.content, "html.parser").iframe["src"]
    assert iframe.startswith(FRONT_END + "?")
    return {name: values[0] for name, values in parse_qs(urlsplit(iframe).query).items()}


def preview(client, **query):
    return client.get("/api/v2/preview/", query)


def test_preview_gives_the_draft_with_a_valid_token(client, draft):
    query = preview_address(draft)
    assert query["content_type"] == "stories.storypage"
    response = preview(client, **query, id=draft.pk)
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert (data["id"], data["title"]) == (draft.pk, "The kitchen (draft)")
    assert data["meta"]["type"] == "stories.StoryPage"
    assert response["Cache-Control"] == "private, no-store"
    # The public API still gives the published version only.
    public = client.get(f"/api/v2/pages/{draft.pk}/").json()
    assert public["title"] == "The kitchen"


def test_without_a_valid_token_nothing_of_the_draft(client, draft, section_pages):
    query = preview_address(draft)
    other = StoryPageFactory(parent=section_pages["stories"], slug="garden", title="Garden")
    tampered = query["token"][:-3] + ("abc" if not query["token"].endswith("abc") else "xyz")
    attempts = [
        {},
        {"content_type": query["content_type"]},
        {**query, "token": tampered},
        {**query, "token": query["token"].replace("id=", "id=9")},
        {**query, "id": other.pk},  # a token for another page
        {**query, "content_type": "walks.walkpage"},
        {**query, "content_type": "wagtailcore.nosuch"},
    ]
    for attempt in attempts:
        response = preview(client, **attempt)
        assert response.status_code in (400, 404), attempt
        assert "draft" not in response.content.decode(), attempt
        assert "message" in response.json()


def test_an_expired_token_is_refused(client, draft, monkeypatch):
    query = preview_address(draft)
    assert preview(client, **query).status_code == 200
    later = time.time() + 1800 + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = preview(client, **query)
    assert response.status_code == 404
    assert "expired" in response.json()["message"]


def test_without_a_front_end_preview_shows_the_site(client, draft):
    request = RequestFactory().get("/admin/")
    response = draft.serve_preview(request, "")
    if hasattr(response, "render"):
        response.render()
    assert b"The kitchen (draft)" in response.content
    assert FRONT_END.encode() not in response.content
