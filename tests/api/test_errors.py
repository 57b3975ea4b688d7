"""Every API error is JSON with a 400 or 404 status and a message naming what was wrong; search works
on every endpoint, and no private collection's file appears in it."""

import pytest

from cms.core.collection import get_or_create_collection
from cms.core.factories import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status", "named"),
    [
        ("/api/v2/pages/?search=%00", 400, "search"),
        ("/api/v2/pages/?locale=%00", 400, "locale"),
        ("/api/v2/pages/find/?html_path=%00", 400, "html_path"),
        ("/api/v2/pages/?offset=9223372036854775808", 400, "offset"),
        ("/api/v2/pages/?offset=-1", 400, "offset"),
        ("/api/v2/pages/?limit=9223372036854775808", 400, "limit"),
        ("/api/v2/pages/?limit=1000000", 400, "limit"),
        ("/api/v2/pages/?limit=-5", 400, "limit"),
        ("/api/v2/pages/?limit=" + "9" * 5000, 400, "limit"),
        ("/api/v2/pages/?child_of=9223372036854775808", 400, "child_of"),
        ("/api/v2/pages/find/?id=abc", 400, "id"),
        ("/api/v2/pages/?search=care&search_operator=xor", 400, "search_operator"),
        ("/api/v2/pages/?type=nowhere.NoSuchPage", 400, "type"),
        ("/api/v2/pages/?type=%00", 400, "type"),
        ("/api/v2/pages/?format=api", 400, "format"),
        ("/api/v2/pages/1/?format=api", 400, "format"),
        ("/api/v2/images/?offset=9223372036854775808", 400, "offset"),
        ("/api/v2/media/?search=%00", 400, "search"),
        ("/api/v2/documents/find/?id=abc", 400, "id"),
        ("/api/v2/pages/-1/", 404, "/api/v2/pages/-1/"),
        ("/api/v2/pages/999999/", 404, "No Page matches"),
        ("/api/v2/nothing-here/", 404, "/api/v2/nothing-here/"),
    ],
)
def test_errors_are_json_naming_the_parameter(client, home_page, url, status, named):
    response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert response.status_code == status, (url, response.status_code, response.content[:200])
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert named in body["message"], body


def test_the_browsable_api_is_off(client, home_page):
    # A browser asks for HTML first; it gets JSON all the same.
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_search_finds_files_but_never_private_submissions(client, endpoint):
    factory = ImageFactory if endpoint == "images" else DocumentFactory
    public = factory(title="Garden party")
    factory(title="Garden secret", collection=get_or_create_collection("Submissions"))
    response = client.get(f"/api/v2/{endpoint}/?search=garden")
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [public.pk]
    listing = client.get(f"/api/v2/{endpoint}/").json()
    assert [item["id"] for item in listing["items"]] == [public.pk]


def test_search_finds_media_but_never_private_submissions(client):
    from cms.core.factories import AudioFactory

    public = AudioFactory(title="Garden song")
    AudioFactory(title="Garden whisper", collection=get_or_create_collection("Submissions"))
    response = client.get("/api/v2/media/?search=garden")
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [public.pk]
