"""One public address: WAGTAILADMIN_BASE_URL drives the Site record (kept in step by `migrate`),
canonical links, og:url, the sitemap, feeds, mails and every absolute URL in the API. Any
address of this site that names another host fails here."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.core.management.sql import emit_post_migrate_signal
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from cms.core.factories import ImageFactory
from network.factories import EventPageFactory
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://bridges.example.org"
# Other sites' addresses that the content names on purpose (a video call's link).
ELSEWHERE = {"https://meet.example.org", "https://www.youtube.com"}
URL = re.compile(r"https?://[^\s\"'<>)]+")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def urls_in(data) -> list[str]:
    if isinstance(data, dict):
        return [url for value in data.values() for url in urls_in(value)]
    if isinstance(data, list):
        return [url for value in data for url in urls_in(value)]
    if isinstance(data, str):
        return URL.findall(data)
    return []


@pytest.fixture
def public_address(db):
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC):
        # What `migrate` does after its migrations, on every deploy and `make run`.
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        yield
    # Wagtail caches the sites' root paths; the test's Site change is rolled back, so is its cache.
    cache.clear()


def test_the_site_record_follows_the_setting_after_migrate(public_address):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("bridges.example.org", 443, PUBLIC)


def test_every_absolute_url_names_the_one_public_address(client, public_address, section_pages):
    photo = ImageFactory(title="Kitchen", description="The kitchen")
    story = StoryPageFactory(
        parent=section_pages["stories"],
        slug="coffee-at-nine",
        title="Coffee at nine",
        image=photo,
        body=[("image", {"image": photo, "alt_text": "", "caption": "", "credit": ""})],
    )
    found: dict[str, list[str]] = {}

    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    found["canonical"] = [soup.select_one("link[rel=canonical]")["href"]]
    found["og:url"] = [soup.select_one('meta[property="og:url"]')["content"]]
    found["og:image"] = [soup.select_one('meta[property="og:image"]')["content"]]
    found["hreflang"] = [link["href"] for link in soup.select("link[hreflang]")]

    sitemap = client.get("/sitemap.xml").content.decode()
    found["sitemap"] = re.findall(r"<loc>([^<]+)</loc>", sitemap) + re.findall(
        r'hreflang="[^"]+" href="([^"]+)"', sitemap
    )
    feed = client.get("/en/stories/feed/").content.decode()
    found["feed"] = re.findall(r'href="([^"]+)"', feed) + re.findall(r"<id>([^<]+)</id>", feed)

    detail = client.get(f"/api/v2/pages/{story.pk}/").json()
    found["api html_url"] = [detail["meta"]["html_url"]]
    found["api detail_url"] = [detail["meta"]["detail_url"]]
    found["api content"] = urls_in(detail)
    listing = client.get("/api/v2/pages/?type=stories.StoryPage&fields=*").json()
    found["api listing"] = urls_in(listing)
    found["api images"] = urls_in(client.get(f"/api/v2/images/{photo.pk}/").json())

    meeting = EventPageFactory(
        parent=section_pages["events"],
        title="Network meeting",
        start=timezone.now() + datetime.timedelta(days=10),
        attendance="online",
        registration_type="built_in",
        capacity=5,
        join_url="https://meet.example.org/room",
    )
    client.post(
        meeting.url,
        {
            "name": "Anna",
            "email": "anna@example.org",
            "organisation": "",
            "country": "Slovakia",
            "consent": "on",
            "website": "",
        },
    )
    (message,) = mail.outbox
    found["mail"] = URL.findall(message.body)

    for where, urls in found.items():
        assert urls, f"no address found in the {where}"
        wrong = {url for url in urls if origin(url) not in {PUBLIC, *ELSEWHERE}}
        assert not wrong, f"the {where} names another address: {sorted(wrong)}"
    assert found["canonical"] == found["og:url"] == found["api html_url"]
    assert found["canonical"][0] == f"{PUBLIC}/en/stories/coffee-at-nine/"
    assert f"{PUBLIC}/en/stories/coffee-at-nine/" in found["sitemap"]
    assert f"{PUBLIC}/en/stories/coffee-at-nine/" in found["feed"]
    assert any(url.startswith(f"{PUBLIC}/en/events/") for url in found["mail"])
