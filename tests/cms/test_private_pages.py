"""Private pages (login, password or group restricted, or under such a page) are never named in
public lists, links, feeds or the API, even where a public page links to them."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from network.factories import CentrePageFactory, CountryPageFactory, EventPageFactory
from stories.factories import StoryPageFactory
from walks.factories import WalkPageFactory

SECRET_CENTRE = "Hidden Haven Centre"
SECRET_STORY = "Whispered Story"
SECRET_EVENT = "Closed Circle Meeting"


def restrict(page, kind: str) -> None:
    fields = {"password": "letmein"} if kind == PageViewRestriction.PASSWORD else {}
    PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


@pytest.fixture
def site(section_pages):
    """A public country with a login-only centre, a public story and walk linking that centre, a
    password-protected story and an event under a login-only page."""
    country = CountryPageFactory(
        parent=section_pages["network"], title="Slovakia", country_code="SK"
    )
    centre = CentrePageFactory(parent=country, title=SECRET_CENTRE)
    restrict(centre, PageViewRestriction.LOGIN)
    secret_story = StoryPageFactory(parent=country, title=SECRET_STORY, themes=["care"])
    restrict(secret_story, PageViewRestriction.PASSWORD)
    body = json.dumps(
        [
            {
                "type": "paragraph",
                "value": f'<p>Visit <a linktype="page" id="{centre.pk}">our friends</a> soon.</p>',
            }
        ]
    )
    story = StoryPageFactory(
        parent=country,
        title="Open Story",
        themes=["care"],
        centre=centre,
        body=body,
        date="2024-05-01",
    )
    walk = WalkPageFactory(parent=country, title="Open Walk", stops=[], centre=centre)
    event = EventPageFactory(parent=section_pages["events"], title=SECRET_EVENT)
    restrict(event, PageViewRestriction.LOGIN)
    return {"story": story, "walk": walk, "centre": centre, "country": country}


def text(response) -> str:
    assert response.status_code == 200, response
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def test_a_public_story_does_not_name_its_private_centre(client, site):
    response = client.get(site["story"].url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert SECRET_CENTRE not in soup.get_text(" ")
    assert not soup.select(f'a[href="{site["centre"].url}"]')
    # The rich text link keeps its words but not the private page's address.
    link = next(a for a in soup.find_all("a") if a.get_text() == "our friends")
    assert link.get("href") is None


def test_the_api_does_not_name_a_private_centre(client, site):
    detail = client.get(f"/api/v2/pages/{site['story'].pk}/").json()
    assert detail["centre"] is None
    assert site["centre"].url not in json.dumps(detail)
    listing = client.get("/api/v2/pages/?type=stories.StoryPage&fields=centre,body").json()
    assert [item["title"] for item in listing["items"]] == ["Open Story"]
    assert listing["items"][0]["centre"] is None
    assert SECRET_CENTRE not in json.dumps(listing)


def test_a_public_walk_does_not_name_its_private_centre(client, site):
    assert SECRET_CENTRE not in text(client.get(site["walk"].url))


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/stories/",
        "/en/network/",
        "/en/network/slovakia/",
        "/en/events/",
        "/en/walks/",
        "/en/events/feed.ics",
        "/en/network/centres.geojson",
        "/sitemap.xml",
        "/en/search/?q=story",
        "/en/search/?q=centre",
        "/en/search/?q=meeting",
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?search=story",
    ],
)
def test_lists_feeds_and_api_never_name_private_pages(client, site, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    for secret in (SECRET_CENTRE, SECRET_STORY, SECRET_EVENT, "hidden-haven", "whispered-story"):
        assert secret not in body, (url, secret)


def test_related_stories_leave_out_a_private_story(client, site):
    # The open story and the secret one share a theme: only a public one may be suggested.
    other = StoryPageFactory(parent=site["country"], title="Another Open Story", themes=["care"])
    assert SECRET_STORY not in text(client.get(other.url))
    assert "Open Story" in text(client.get(other.url))


def test_a_page_under_a_private_page_is_private_too(client, site):
    restrict(site["country"], PageViewRestriction.LOGIN)
    body = client.get("/api/v2/pages/?limit=100").content.decode()
    assert "Open Story" not in body
    assert "Slovakia" not in text(client.get("/en/network/"))
    assert "Open Story" not in text(client.get("/en/stories/"))


def test_a_centre_made_private_leaves_the_cached_map_at_once(client, section_pages):
    country = CountryPageFactory(
        parent=section_pages["network"], title="Slovakia", country_code="SK"
    )
    centre = CentrePageFactory(parent=country, title="Soon Private Centre")
    assert "Soon Private Centre" in client.get("/en/network/centres.geojson").content.decode()
    restrict(centre, PageViewRestriction.LOGIN)
    assert "Soon Private Centre" not in client.get("/en/network/centres.geojson").content.decode()
