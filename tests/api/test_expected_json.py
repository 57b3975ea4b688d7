"""The API's whole answer for a story, a walk, an event and a centre, compared with the files in
tests/api/expected/ (ids, UUIDs, file names and publication times normalised), so any change of
shape fails here with a readable diff.

After a deliberate change of shape, write the files anew and read the diff before committing:
    BRIDGES_WRITE_EXPECTED=1 .venv/bin/pytest tests/api/test_expected_json.py -n 0
"""

import datetime
import difflib
import json
import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile

from cms.core.factories import (
    AudioFactory,
    DocumentFactory,
    ImageFactory,
    VideoFactory,
    make_picture,
)
from network.factories import CentrePageFactory, EventPageFactory
from stories.factories import StoryPageFactory
from tests.walks.conftest import build_stops
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db

EXPECTED = Path(__file__).parent / "expected"
WRITE = os.environ.get("BRIDGES_WRITE_EXPECTED") == "1"

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# A number as a whole path segment: /api/v2/pages/12/, /documents/7/hello.vtt.
NUMBER_SEGMENT = re.compile(r"/\d+(?=/|$|#|\?)")
# The file name of an upload or a rendition: photo-3.fill-400x300.jpg, photo-3_a1B2c3D.jpg,
# recording-4.wav. What the name says about its size (the filter spec) and its type stays.
UPLOAD = re.compile(
    r"/(media|documents)/(.+/)?[^/]+?(\.(?:fill|max|min|width|height|original)[^/]*)?(\.\w+)$"
)
# Wagtail names a rendition with a hash of its focal point before the filter spec: photo.2e16d0ba.fill-...
FOCAL_KEY = re.compile(r"^\.[0-9a-f]{8}(?=\.)")
# Addresses of this site (the API's and the Site record's host, or site-relative): other sites'
# addresses (an embedded video) are kept as they are.
OWN_URLS = ("http://testserver/", "http://localhost/", "/")
TIMES = {"first_published_at", "last_published_at"}


def placeholder_file_name(match: re.Match) -> str:
    folder, subfolder, spec, extension = match.groups()
    spec = FOCAL_KEY.sub("", spec or "")
    return f"/{folder}/{subfolder or ''}<file>{spec}{extension}"


def normalise(value, key=None):
    """The answer with what changes from run to run (ids, UUIDs, file names, publication times)
    replaced by placeholders; everything else, the shape above all, kept."""
    if isinstance(value, dict):
        return {name: normalise(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if key in ("id", "parent_id") and isinstance(value, int) and not isinstance(value, bool):
        return "<id>"
    if key in TIMES and isinstance(value, str):
        return "<datetime>"
    if isinstance(value, str):
        if UUID.match(value):
            return "<uuid>"
        if value.startswith(OWN_URLS):
            value = NUMBER_SEGMENT.sub("/<id>", value)
            value = UPLOAD.sub(placeholder_file_name, value)
    return value


def assert_matches_expected(client, page, name: str) -> None:
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    actual = json.dumps(normalise(response.json()), indent=2, ensure_ascii=False) + "\n"
    path = EXPECTED / f"{name}.json"
    if WRITE:
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            f"expected/{name}.json",
            "the API",
            lineterm="",
        )
        pytest.fail("The API's answer changed:\n" + "\n".join(diff), pytrace=False)


@pytest.fixture(autouse=True)
def _no_renditions_from_earlier_tests():
    """Wagtail caches renditions by image id, and a rolled-back test's ids come back in the next
    one: without this, an image would show the sizes of an earlier test's image."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def centre(slovakia):
    return CentrePageFactory(
        parent=slovakia,
        slug="mc-nezabudka-zilina",
        title="MC Nezábudka Žilina",
        summary="A mother centre in Žilina.",
        kind="mother_centre",
        description="<p>Open every weekday for parents and children.</p>",
        street_address="Hlinkovo námestie 5",
        postcode="010 01",
        city="Žilina",
        latitude=49.2231,
        longitude=18.7394,
        website="https://nezabudka.example.org/",
        email="info@nezabudka.example.org",
        phone="+421 41 123 456",
        languages=["sk", "en"],
        opening_hours="Mon–Fri 9:00–12:00",
        logo=ImageFactory(
            title="Nezábudka logo", description="A blue flower", seed=4, size=(400, 400)
        ),
        member_since=2004,
        directory_key="sk-nezabudka-zilina",
    )


def test_a_story(client, section_pages, slovakia, centre):
    photo = ImageFactory(
        title="Kitchen", description="Mothers in the kitchen", credit="Photo: Eva", seed=1
    )
    poster = ImageFactory(title="Poster", description="The kitchen door", seed=2)
    video = VideoFactory(title="Film", transcript="")
    subtitles = DocumentFactory(title="Subtitles", file=ContentFile(b"WEBVTT\n", name="hello.vtt"))
    story = StoryPageFactory(
        parent=slovakia,
        slug="the-tuesday-kitchen",
        title="The Tuesday kitchen",
        themes=["care", "community"],
        summary="How a kitchen became the heart of a centre.",
        image=photo,
        storyteller="Eva",
        centre=centre,
        original_language="sk",
        date=datetime.date(2022, 3, 22),
        body=[
            ("heading", {"text": "The kitchen", "level": "h2"}),
            ("paragraph", f'<p>Ask <a linktype="page" id="{centre.pk}">the centre</a>.</p>'),
            ("image", {"image": photo, "alt_text": "", "caption": "Tuesday", "credit": ""}),
            (
                "gallery",
                {
                    "title": "Our garden",
                    "images": [
                        {"image": image, "alt_text": "", "caption": "", "credit": ""}
                        for image in (photo, poster)
                    ],
                },
            ),
            (
                "video",
                {
                    "video": video,
                    "poster": poster,
                    "caption": "Our film",
                    "caption_tracks": [{"file": subtitles, "language": "en", "label": "English"}],
                    "transcript": "We walk into the kitchen.",
                },
            ),
            (
                "audio",
                {
                    "audio": AudioFactory(title="Song", transcript="We sing."),
                    "caption": "",
                    "transcript": "",
                },
            ),
            ("quote", {"quote": "Nobody is alone here.", "attribution": "Eva, Žilina"}),
            ("embed", {"embed": "https://youtu.be/abc123", "caption": "On YouTube"}),
            (
                "call_to_action",
                {
                    "title": "Tell your story",
                    "text": "We want to hear it.",
                    "button_label": "Share it",
                    "link": {"page": section_pages["stories"], "url": ""},
                },
            ),
            (
                "call_to_action",
                {
                    "title": "Read more",
                    "text": "",
                    "button_label": "MINE",
                    "link": {"page": None, "url": "https://www.mine.ngo/"},
                },
            ),
        ],
    )
    assert_matches_expected(client, story, "story")


def test_a_walk(client, slovakia, centre):
    walk = WalkPageFactory(
        parent=slovakia,
        slug="a-walk-through-nezabudka",
        title="A walk through Nezábudka",
        summary="Four stops through a mother centre.",
        intro="<p>Come with us through the centre.</p>",
        centre=centre,
        duration_minutes=25,
        stops=build_stops(4),
    )
    assert_matches_expected(client, walk, "walk")


def test_an_event_with_recordings_and_a_video_thumbnail(client, section_pages):
    video = VideoFactory(title="The morning session", transcript="Welcome, everyone.")
    # A poster from the video's own thumbnail file: the same image shape as a chosen poster.
    video.thumbnail.save("morning.jpg", ContentFile(make_picture(5, size=(640, 400))), save=True)
    start = datetime.datetime(2025, 5, 9, 8, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=section_pages["events"],
        slug="mother-centers-day-2025",
        title="International Mother Centers’ Day 2025",
        summary="A day of care, online and in Stuttgart.",
        kind="mother_centers_day",
        start=start,
        end=start + datetime.timedelta(hours=6),
        time_zone="Europe/Berlin",
        description="<p>Centres across Europe open their doors.</p>",
        attendance="hybrid",
        venue_name="Mütterzentrum Stuttgart",
        venue_address="Hauptstraße 1",
        venue_city="Stuttgart",
        venue_country="Germany",
        join_url="https://meet.example.org/secret",
        join_details="Passcode 1234",
        registration_type="built_in",
        capacity=40,
        agenda=[
            ("item", {"time": "10:00", "topic": "Welcome", "details": "Who we are."}),
            ("item", {"time": "", "topic": "Open doors", "details": ""}),
        ],
        speakers=[
            (
                "speaker",
                {
                    "name": "Emese Dömösi",
                    "role": "MINE board, Hungary",
                    "photo": ImageFactory(title="Emese", description="Emese smiling", seed=6),
                    "bio": "Two sentences.",
                },
            )
        ],
        recordings=[
            (
                "video",
                {
                    "video": video,
                    "poster": None,
                    "caption": "Morning",
                    "caption_tracks": [],
                    "transcript": "",
                },
            ),
            (
                "audio",
                {
                    "audio": AudioFactory(title="Afternoon", transcript="Songs."),
                    "caption": "",
                    "transcript": "",
                },
            ),
            ("embed", {"embed": "https://vimeo.com/123", "caption": ""}),
        ],
    )
    assert_matches_expected(client, event, "event")


def test_a_centre(client, centre):
    assert_matches_expected(client, centre, "centre")
