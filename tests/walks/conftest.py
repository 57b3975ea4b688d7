"""Walks for the tests: a country section with a walk whose stops use every kind of medium."""

import pytest
from django.core.files.base import ContentFile

from cms.core.factories import AudioFactory, DocumentFactory, ImageFactory, VideoFactory
from walks.factories import WalkPageFactory, medium, stop

LJUBLJANA = [
    ("Family Center Mala Ulica", "Prešernova cesta 1a", 46.05284, 14.50167),
    ("Prešeren Square", "Prešernov trg", 46.05122, 14.50602),
    ("Triple Bridge", "Tromostovje", 46.05106, 14.50661),
    ("Central Market", "Vodnikov trg", 46.05113, 14.50891),
    ("Dragon Bridge", "Zmajski most", 46.05204, 14.51025),
]


def build_stops(count: int, with_extra_photos: bool = True) -> list[dict]:
    """`count` stops in Ljubljana cycling through photo, 360° photo, audio and video."""
    photo = ImageFactory(title="Stop photo", description="Children playing in a courtyard", seed=1)
    wide = ImageFactory(
        title="Courtyard in 360°",
        description="The courtyard seen all around",
        seed=2,
        size=(1200, 600),
    )
    sound = AudioFactory(title="Welcome", transcript="Welcome to our centre, says Maja.")
    video = VideoFactory(title="Walk video")
    extra = [
        ImageFactory(title=f"Extra {n}", description=f"Extra photo {n}", seed=3 + n)
        for n in range(2)
    ]
    mains = [
        medium("photo", photo, caption="The entrance"),
        medium("panorama", wide, caption="Look around the courtyard"),
        medium("audio", sound, caption="Maja welcomes you"),
        medium("video", video, caption="A walk through the rooms", transcript="We walk in."),
    ]
    stops = []
    for n in range(count):
        title, place, lat, lng = LJUBLJANA[n % len(LJUBLJANA)]
        stops.append(
            stop(
                f"{n + 1}. {title}",
                lat + n * 0.0001,
                lng,
                mains[n % len(mains)],
                place_name=place,
                narration=f"<p>Narration of stop {n + 1}.</p>",
                extra_photos=extra if with_extra_photos else (),
            )
        )
    return stops


@pytest.fixture
def walk(slovenia):
    return WalkPageFactory(
        parent=slovenia,
        title="A walk through Family Center Mala Ulica",
        stops=build_stops(6),
        intro="<p>Come with us through the centre.</p>",
        summary="Six stops through a family centre in Ljubljana.",
        duration_minutes=25,
    )


@pytest.fixture
def caption_file():
    return DocumentFactory(title="Deutsch", file=ContentFile(b"WEBVTT\n", name="de.vtt"))


def translate_walk(walk, language_code: str, strings: dict[str, str]):
    """Translate a walk as a translator would, its home, network and country pages first."""
    from wagtail.models import Page

    from cms.core.demo import translate_once
    from cms.core.translation import translate_page

    for ancestor in walk.get_ancestors().filter(depth__gt=1).order_by("depth"):
        translate_once(Page.objects.get(pk=ancestor.pk), language_code, strings)
    return translate_page(walk, language_code, strings)
