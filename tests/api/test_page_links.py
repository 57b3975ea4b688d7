"""A linked page in the API (a story's or a walk's centre, a link block, a rich text link) follows
one rule: the translation in the page's own language where it is live and public, else the
original, else nothing; and it has one shape, {id, type, title, locale, html_url, api_url}."""

import pytest
from wagtail.models import PageViewRestriction

from network.factories import CentrePageFactory
from stories.factories import StoryPageFactory
from tests.walks.conftest import translate_walk as translate
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(slovakia):
    return CentrePageFactory(parent=slovakia, slug="mc-nezabudka", title="MC Nezábudka")


@pytest.fixture
def german_centre(centre):
    return translate(centre, "de", {"MC Nezábudka": "MZ Vergissmeinnicht"})


def german_story_and_walk(slovakia, centre, section_pages):
    story = StoryPageFactory(
        parent=slovakia,
        slug="kitchen",
        title="The kitchen",
        centre=centre,
        body=[
            ("paragraph", f'<p>Visit <a linktype="page" id="{centre.pk}">us</a>.</p>'),
            (
                "call_to_action",
                {
                    "title": "More stories",
                    "text": "",
                    "button_label": "Read",
                    "link": {"page": section_pages["stories"], "url": ""},
                },
            ),
        ],
    )
    walk = WalkPageFactory(parent=slovakia, slug="walk", title="A walk", centre=centre)
    translate(section_pages["stories"], "de", {"Stories": "Geschichten"})
    return translate(story, "de", {}), translate(walk, "de", {})


def test_a_german_story_and_walk_name_the_german_centre_whatever_the_client_accepts(
    client, slovakia, section_pages, centre, german_centre
):
    for page in german_story_and_walk(slovakia, centre, section_pages):
        data = client.get(f"/api/v2/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
        assert data["centre"] == {
            "id": german_centre.pk,
            "type": "network.CentrePage",
            "title": "MZ Vergissmeinnicht",
            "locale": "de",
            "html_url": "http://testserver/de/network/slovakia/mc-nezabudka/",
            "api_url": f"http://testserver/api/v2/pages/{german_centre.pk}/",
        }


def test_links_inside_a_german_page_lead_to_german_pages(
    client, slovakia, section_pages, centre, german_centre
):
    story, _walk = german_story_and_walk(slovakia, centre, section_pages)
    data = client.get(f"/api/v2/pages/{story.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    paragraph, call_to_action = (block["value"] for block in data["body"])
    assert paragraph == '<p>Visit <a href="/de/network/slovakia/mc-nezabudka/">us</a>.</p>'
    link = call_to_action["link"]
    assert (link["title"], link["locale"], link["html_url"]) == (
        "Geschichten",
        "de",
        "http://testserver/de/stories/",
    )


def test_a_private_translation_leaves_the_link_on_the_original(
    client, slovakia, section_pages, centre, german_centre
):
    PageViewRestriction.objects.create(
        page=german_centre, restriction_type="password", password="x"
    )
    for page in german_story_and_walk(slovakia, centre, section_pages):
        data = client.get(f"/api/v2/pages/{page.pk}/").json()
        assert (data["centre"]["id"], data["centre"]["locale"]) == (centre.pk, "en")


def test_a_private_centre_is_never_named(client, slovakia, centre):
    PageViewRestriction.objects.create(page=centre, restriction_type="login")
    story = StoryPageFactory(parent=slovakia, slug="kitchen", title="The kitchen", centre=centre)
    walk = WalkPageFactory(parent=slovakia, slug="walk", title="A walk", centre=centre)
    for page in (story, walk):
        assert client.get(f"/api/v2/pages/{page.pk}/").json()["centre"] is None
