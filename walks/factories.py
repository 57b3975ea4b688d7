"""Factories for walks and the raw values of their stops, for the demo content and the tests."""

import io
import json
import random
import uuid
from collections.abc import Iterable

import factory
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from cms.core.factories import ImageFactory, PageFactory

from .models import WalkIndexPage, WalkPage


def medium(kind: str, item, *, caption: str = "", alt_text: str = "", transcript: str = "") -> dict:
    """The raw value of a stop's main medium: kind is photo, panorama, video or audio."""
    if kind in ("photo", "panorama"):
        value = {"image": item.pk, "alt_text": alt_text, "caption": caption, "credit": ""}
    elif kind == "video":
        value = {
            "video": item.pk,
            "poster": None,
            "caption": caption,
            "caption_tracks": [],
            "transcript": transcript,
        }
    elif kind == "audio":
        value = {"audio": item.pk, "caption": caption, "transcript": transcript}
    else:
        raise ValueError(f"unknown medium {kind!r}")
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def stop(
    title: str,
    latitude: float,
    longitude: float,
    main: dict,
    *,
    place_name: str = "",
    narration: str = "",
    extra_photos: Iterable = (),
) -> dict:
    """The raw value of one stop, as the admin saves it."""
    return {
        "type": "stop",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "place_name": place_name,
            "location": {"latitude": latitude, "longitude": longitude},
            "media": [main],
            "narration": narration,
            "extra_photos": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"image": photo.pk, "alt_text": "", "caption": "", "credit": ""},
                }
                for photo in extra_photos
            ],
        },
    }


class WalkIndexPageFactory(PageFactory):
    class Meta:
        model = WalkIndexPage

    title = "Virtual walks"
    slug = "walks"


class WalkPageFactory(PageFactory):
    """A walk under a country section or the walks index, published unless `live=False`;
    `stops` is a list of raw stop values (`stop(...)`)."""

    class Meta:
        model = WalkPage

    title = factory.Sequence(lambda n: f"Walk {n + 1}")
    stops = factory.LazyFunction(list)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if isinstance(kwargs.get("stops"), list):
            kwargs["stops"] = json.dumps(kwargs["stops"])
        return super()._create(model_class, *args, **kwargs)


def make_panorama(seed: int = 0, size=(4096, 2048)) -> bytes:
    """An equirectangular picture (sky, a ring of houses, a courtyard) to look around in."""
    width, height = size
    rng = random.Random(seed)
    picture = Image.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    horizon = height // 2
    for y in range(0, horizon, 4):  # sky: light at the horizon, deeper above
        shade = int(120 + 110 * y / horizon)
        draw.rectangle([0, y, width, y + 4], fill=(shade - 60, shade - 10, 255))
    for y in range(horizon, height, 4):  # ground: a warm courtyard floor
        shade = int(200 - 80 * (y - horizon) / horizon)
        draw.rectangle([0, y, width, y + 4], fill=(shade, shade - 30, shade - 70))
    x = 0
    while x < width:  # houses all around the horizon, so every direction shows something
        house_width = rng.randint(width // 24, width // 10)
        house_height = rng.randint(height // 10, height // 4)
        colour = rng.choice([(230, 200, 160), (200, 120, 100), (240, 230, 210), (170, 190, 200)])
        draw.rectangle([x, horizon - house_height, x + house_width, horizon], fill=colour)
        draw.polygon(
            [
                (x - 6, horizon - house_height),
                (x + house_width // 2, horizon - house_height - 60),
                (x + house_width + 6, horizon - house_height),
            ],
            fill=(150, 60, 50),
        )
        for wx in range(x + 20, x + house_width - 30, 70):
            for wy in range(horizon - house_height + 30, horizon - 60, 90):
                draw.rectangle([wx, wy, wx + 30, wy + 45], fill=(60, 80, 110))
        x += house_width + rng.randint(0, width // 60)
    for _person in range(8):  # people in the courtyard
        cx = rng.randint(0, width)
        cy = horizon + rng.randint(height // 16, height // 6)
        r = height // 40
        colour = rng.choice([(163, 34, 74), (26, 95, 180), (38, 120, 80), (110, 60, 150)])
        draw.ellipse([cx - r, cy - 2 * r, cx + r, cy], fill=colour)
        draw.rounded_rectangle(
            [cx - int(1.4 * r), cy + 4, cx + int(1.4 * r), cy + 3 * r], 12, fill=colour
        )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


class PanoramaImageFactory(ImageFactory):
    """A 360° photo (equirectangular, 2:1) for panorama stops."""

    class Params:
        size = (4096, 2048)

    credit = "Illustration: Bridges demo"
    file = factory.LazyAttribute(
        lambda o: ContentFile(make_panorama(o.seed, size=o.size), name=f"walk-360-{o.seed}.jpg")
    )
