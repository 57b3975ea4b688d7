"""The public API as another site or app sees it: languages, StreamField content, nothing private."""

import pytest
from django.core.files.base import ContentFile

from cms.core.collection import get_or_create_collection
from cms.core.factories import ImageFactory, make_picture
from cms.core.translation import translate_page
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return ImageFactory(title="Mothers", description="Mothers at a table", credit="Photo: MINE")


@pytest.fixture
def about(home_page, image):
    page = StandardPageFactory(
        parent=home_page,
        slug="about-mine",
        title="About MINE",
        summary="Who we are.",
        image=image,
        body=[
            ("heading", {"text": "Our story", "level": "h2"}),
            ("paragraph", f'<p>See <a linktype="page" id="{home_page.pk}">the home page</a>.</p>'),
            ("image", {"image": image, "alt_text": "", "caption": "Tuesday", "credit": ""}),
        ],
    )
    return page


def test_detail_serialises_blocks_with_renditions_and_public_links(client, about):
    data = client.get(f"/api/v2/pages/{about.pk}/").json()
    assert data["meta"]["type"] == "home.StandardPage"
    assert data["meta"]["html_url"] == "http://testserver/en/about-mine/"
    assert data["summary"] == "Who we are."

    heading, paragraph, image_block = data["body"]
    assert heading["type"] == "heading"
    assert heading["value"] == {"text": "Our story", "level": "h2"}
    # Rich text links are resolved to public URLs, not Wagtail's internal markup.
    assert paragraph["value"] == '<p>See <a href="/en/">the home page</a>.</p>'

    image = image_block["value"]
    assert image["caption"] == "Tuesday"
    assert image["credit"] == "Photo: MINE"
    assert image["image"]["alt"] == "Mothers at a table"
    assert set(image["image"]["renditions"]) == {"thumbnail", "small", "medium", "large"}
    small = image["image"]["renditions"]["small"]
    assert small["url"].startswith("http://testserver/media/images/")
    assert small["width"] <= 640 and small["height"] <= 640
    assert data["image"]["id"] == image["image"]["id"]


def test_locale_and_translation_of_filters_return_the_german_page(client, home_page, about):
    translate_page(home_page, "de", {})
    german = translate_page(about, "de", {"About MINE": "Über MINE"})

    listing = client.get("/api/v2/pages/?locale=de&type=home.StandardPage").json()
    assert [item["title"] for item in listing["items"]] == ["Über MINE"]

    translations = client.get(f"/api/v2/pages/?translation_of={about.pk}").json()
    assert [item["id"] for item in translations["items"]] == [german.pk]
    assert translations["items"][0]["meta"]["locale"] == "de"


def test_drafts_and_private_pages_never_appear(client, home_page, about):
    draft = StandardPageFactory(parent=home_page, slug="draft", title="Secret draft")
    draft.unpublish()
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=about, restriction_type="password", password="x")

    titles = [item["title"] for item in client.get("/api/v2/pages/").json()["items"]]
    assert "Secret draft" not in titles
    assert "About MINE" not in titles
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_images_awaiting_review_are_not_listed(client, image):
    private = ImageFactory(
        title="Submitted photo",
        collection=get_or_create_collection("Submissions"),
        file=ContentFile(make_picture(3), name="submitted.jpg"),
    )
    ids = [item["id"] for item in client.get("/api/v2/images/").json()["items"]]
    assert image.pk in ids
    assert private.pk not in ids
    assert client.get(f"/api/v2/images/{private.pk}/").status_code == 404


def test_media_endpoint_lists_audio(client):
    from cms.core.factories import AudioFactory

    audio = AudioFactory(title="Morning session")
    items = client.get("/api/v2/media/").json()["items"]
    assert [item["title"] for item in items] == ["Morning session"]
    detail = client.get(f"/api/v2/media/{audio.pk}/").json()
    assert detail["meta"]["download_url"].endswith(".wav")
