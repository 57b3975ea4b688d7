"""The details every reader (and every crawler) notices: titles, icons, robots.txt, sharing meta,
structured data, x-default, the stories feed and the header."""

import json
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import PageViewRestriction

from cms.core.factories import ImageFactory
from network.factories import CentrePageFactory, EventPageFactory
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup) -> list[dict]:
    return [json.loads(tag.string) for tag in soup.select('script[type="application/ld+json"]')]


# -- titles, icons, robots.txt ----------------------------------------------------------------


def test_titles_name_the_site_once(client, home_page, section_pages):
    home_page.title = "Bridges"
    home_page.save_revision().publish()
    assert soup_of(client.get("/en/")).title.string == "Bridges · MINE"
    assert soup_of(client.get("/en/stories/")).title.string == "Stories · Bridges · MINE"
    assert soup_of(client.get("/en/search/")).title.string == "Search · Bridges · MINE"


def test_robots_txt_names_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert client.get("/sitemap.xml").status_code == 200
    assert client.head("/robots.txt").status_code == 200


def test_absolute_addresses_never_come_from_the_host_header(client, home_page, settings):
    # Pages and robots.txt are cached by path and shared: another Host must not write them.
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    robots = client.get("/robots.txt", headers={"host": "evil.example"}).content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots.splitlines()
    page = client.get("/en/", headers={"host": "evil.example"}).content.decode()
    assert "evil.example" not in page


def test_favicon_and_touch_icons(client, home_page):
    soup = soup_of(client.get("/en/"))
    icons = {link["href"] for link in soup.select('link[rel="icon"], link[rel="apple-touch-icon"]')}
    assert {
        "/static/icons/favicon.ico",
        "/static/icons/favicon.svg",
        "/static/icons/apple-touch-icon.png",
    } <= icons
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/icons/favicon.ico"
    manifest = json.loads((settings.BASE_DIR / "assets" / "icons" / "site.webmanifest").read_text())
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for name in ("favicon.ico", "favicon.svg", "apple-touch-icon.png", "icon-192.png"):
        assert (settings.BASE_DIR / "assets" / "icons" / name).stat().st_size > 100


# -- sharing: Open Graph, Twitter, x-default ------------------------------------------------


def test_a_story_is_shared_as_an_article_with_a_twitter_card(client, section_pages):
    story = StoryPageFactory(
        parent=section_pages["stories"], title="Coffee at nine", image=ImageFactory(title="Cups")
    )
    soup = soup_of(client.get(story.url))
    assert soup.select_one('meta[property="og:type"]')["content"] == "article"
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    # Other pages stay websites.
    soup = soup_of(client.get("/en/stories/"))
    assert soup.select_one('meta[property="og:type"]')["content"] == "website"
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary"


def test_x_default_in_the_head_and_the_sitemap(client, section_pages):
    soup = soup_of(client.get("/en/stories/"))
    assert (
        soup.select_one('link[rel="alternate"][hreflang="x-default"]')["href"]
        == "http://testserver/en/stories/"
    )
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    for url in root.findall("s:url", ns):
        hreflangs = [link.get("hreflang") for link in url.findall("x:link", ns)]
        assert hreflangs.count("x-default") == 1, url.findtext("s:loc", namespaces=ns)


# -- structured data --------------------------------------------------------------------------


def test_a_story_has_schema_org_article(client, section_pages, slovakia):
    centre = CentrePageFactory(parent=slovakia, title="MC Nezábudka")
    story = StoryPageFactory(
        parent=slovakia,
        title="Our doors stayed open",
        storyteller="Jana",
        centre=centre,
        image=ImageFactory(title="Door"),
    )
    (article,) = json_ld(soup_of(client.get(story.url)))
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "Article"
    assert article["headline"] == "Our doors stayed open"
    assert article["author"] == {"@type": "Person", "name": "Jana"}
    assert article["publisher"]["@type"] == "Organization"
    assert article["datePublished"].startswith(story.date.isoformat())
    assert article["url"] == article["mainEntityOfPage"] == story.get_full_url()
    assert article["inLanguage"] == "en"
    assert len(article["image"]) == 3
    assert all(url.startswith("http://") for url in article["image"])
    assert article["about"]["name"] == "MC Nezábudka"


def test_json_ld_cannot_be_broken_out_of(client, section_pages):
    story = StoryPageFactory(
        parent=section_pages["stories"], title="</script><script>alert(1)</script>"
    )
    html = client.get(story.url).content.decode()
    assert "</script><script>alert(1)" not in html
    (article,) = json_ld(BeautifulSoup(html, "html.parser"))
    assert article["headline"] == "</script><script>alert(1)</script>"


def test_an_event_has_schema_org_event(client, section_pages):
    event = EventPageFactory(
        parent=section_pages["events"],
        title="Monthly meeting",
        attendance="hybrid",
        venue_name="Mütterzentrum",
        venue_city="Stuttgart",
        venue_country="Germany",
    )
    (data,) = json_ld(soup_of(client.get(event.url)))
    assert data["@type"] == "Event"
    assert data["name"] == "Monthly meeting"
    assert data["startDate"] == event.local_start.isoformat()
    assert data["endDate"] == event.local_end.isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, online = data["location"]
    assert place["@type"] == "Place"
    assert place["address"]["addressLocality"] == "Stuttgart"
    assert online == {"@type": "VirtualLocation", "url": event.get_full_url()}
    assert data["organizer"]["@type"] == "Organization"


def test_a_centre_has_schema_org_organization_and_place(client, slovakia):
    centre = CentrePageFactory(
        parent=slovakia,
        title="MC Nezábudka Žilina",
        street_address="Hlinkovo námestie 1",
        postcode="010 01",
        phone="+421 41 123 456",
    )
    (data,) = json_ld(soup_of(client.get(centre.url)))
    assert data["@type"] == "Organization"
    assert data["name"] == "MC Nezábudka Žilina"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Hlinkovo námestie 1",
        "postalCode": "010 01",
        "addressLocality": "Žilina",
        "addressCountry": "Slovakia",
    }
    assert data["location"]["@type"] == "Place"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 49.2231,
        "longitude": 18.7394,
    }
    assert data["telephone"] == "+421 41 123 456"


# -- the feed of stories --------------------------------------------------------------------


def test_the_stories_feed_lists_live_public_stories_of_its_language(client, section_pages):
    index = section_pages["stories"]
    StoryPageFactory(parent=index, title="Coffee at nine", storyteller="Eva")
    StoryPageFactory(parent=index, title="Second story")
    draft = StoryPageFactory(parent=index, title="Not finished")
    draft.unpublish()
    private = StoryPageFactory(parent=index, title="Only for members")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    soup = soup_of(client.get("/en/stories/"))
    link = soup.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == "/en/stories/feed/"

    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Stories · Bridges · MINE"
    assert feed.feed.language == "en"
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Coffee at nine", "Second story"}
    entry = next(e for e in feed.entries if e.title == "Coffee at nine")
    assert entry.link == "http://testserver/en/stories/coffee-at-nine/"
    assert entry.author == "Eva"
    assert entry.summary == "Coffee at nine: a story of care."


# -- the header --------------------------------------------------------------------------------


def test_the_header_collapses_into_details_with_every_language(client, section_pages):
    soup = soup_of(client.get("/en/stories/"))
    header = soup.select_one("header.site-header")
    languages = header.select_one("details.language-menu")
    assert "English" in languages.summary.get_text()
    assert "Language:" in languages.summary.get_text()
    links = languages.select("nav.language-switcher a")
    assert [(a["lang"], a["hreflang"]) for a in links] == [
        (code, code) for code, _name in settings.LANGUAGES
    ]
    assert [a.get_text() for a in links] == [str(name) for _code, name in settings.LANGUAGES]
    menu = header.select_one("details.site-menu")
    assert menu.summary.get_text(strip=True) == "Menu"
    assert menu.select_one("nav.site-nav[aria-label='Main'] ul")
    assert menu.select_one("form[role=search]")


@pytest.mark.parametrize("path", ["/en/", "/en/stories/", "/en/search/", "/en/nowhere/"])
def test_tell_your_story_is_one_tap_from_every_page(client, section_pages, path):
    response = client.get(path)
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.select_one("header.site-header a.site-header__tell")
    assert link["href"] == "/en/stories/tell-your-story/"
    assert link.get_text(strip=True) == "Tell your story"


def test_the_header_speaks_the_readers_language(client, section_pages):
    soup = soup_of(client.get("/de/search/"))
    assert soup.select_one("details.site-menu summary").get_text(strip=True) == "Menü"
    assert "Sprache:" in soup.select_one("details.language-menu summary").get_text()
