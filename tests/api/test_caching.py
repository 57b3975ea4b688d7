"""Every API GET has Cache-Control (a short max-age, stale-while-revalidate) and an ETag; a
conditional request gets a 304; publishing, unpublishing, moving or deleting a page makes the next
answer of every listing that contained it, and of its detail, fresh."""

import pytest

from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=stories.StoryPage&fields=title,summary"


@pytest.fixture
def story(section_pages):
    StoryPageFactory(parent=section_pages["stories"], slug="garden", title="The garden")
    return StoryPageFactory(parent=section_pages["stories"], slug="kitchen", title="The kitchen")


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize(
    "url",
    [
        LISTING,
        "/api/v2/pages/?locale=en&fallback=true",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/media/",
    ],
)
def test_listings_have_an_etag_cache_control_and_answer_304(client, story, url):
    response = client.get(url)
    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60", "stale-while-revalidate=300"}
    etag = response["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "max-age=60" in again["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_detail_and_errors_have_cache_control(client, story):
    detail = client.get(f"/api/v2/pages/{story.pk}/")
    assert detail.status_code == 200 and detail.has_header("ETag")
    assert (
        client.get(detail.wsgi_request.path, HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304
    )
    for url in ("/api/v2/pages/999999/", "/api/v2/nowhere/", "/api/v2/pages/?limit=-1"):
        response = client.get(url)
        assert response.status_code in (400, 404)
        assert "max-age=60" in response["Cache-Control"], url


def edit(story, section_pages, slovakia):
    story.title = "The new kitchen"
    story.save_revision().publish()


def unpublish(story, section_pages, slovakia):
    story.unpublish()


def move(story, section_pages, slovakia):
    story.move(slovakia, pos="last-child")


def delete(story, section_pages, slovakia):
    story.delete()


@pytest.mark.parametrize("change", [edit, unpublish, move, delete])
def test_a_change_makes_the_next_answer_fresh(client, story, section_pages, slovakia, change):
    before = client.get(LISTING)
    detail_url = f"/api/v2/pages/{story.pk}/"
    detail_before = client.get(detail_url)
    change(story, section_pages, slovakia)

    after = client.get(LISTING, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    items = {item["id"]: item for item in after.json()["items"]}
    if change in (unpublish, delete):
        assert story.pk not in items
    elif change is edit:
        assert items[story.pk]["title"] == "The new kitchen"
    else:
        assert "/network/slovakia/kitchen/" in items[story.pk]["meta"]["html_url"]

    detail_after = client.get(detail_url, HTTP_IF_NONE_MATCH=detail_before["ETag"])
    assert detail_after.status_code == (404 if change in (unpublish, delete) else 200)
