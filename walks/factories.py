"""Walks and their stops for the demo content and the tests, from the shared media factories."""

import json
import uuid
from collections.abc import Iterable

from django.core.files.base import ContentFile
from wagtail.models import Page

from cms.core.factories import AudioFactory, ImageFactory, make_picture

from .models import WalkPage


def picture(title: str, description: str, seed: int, size=(1600, 1000), credit="MINE"):
    """A photo made on this machine (a wide one for 360° photos: size=(4096, 2048))."""
    return ImageFactory(
        title=title,
        description=description,
        credit=credit,
        file=ContentFile(make_picture(seed, size=size), name=f"walk-{seed}.jpg"),
    )


def recording(title: str, transcript: str):
    return AudioFactory(title=title, transcript=transcript, duration=2)


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


def make_walk(parent: Page, title: str, stops: list[dict], publish: bool = True, **fields):
    """A walk under `parent` (a country section or the walks index), published unless told not to."""
    walk = WalkPage(
        title=title, locale=parent.locale, stops=json.dumps(stops), live=publish, **fields
    )
    parent.add_child(instance=walk)
    revision = walk.save_revision()
    if publish:
        revision.publish()
    return WalkPage.objects.get(pk=walk.pk)


def make_panorama(seed: int = 0, size=(4096, 2048)) -> bytes:
    """An equirectangular picture (sky, a ring of houses, a courtyard) to look around in."""
    import io
    import random

    from PIL import Image, ImageDraw

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


def panorama_picture(title: str, description: str, seed: int, size=(4096, 2048)):
    return ImageFactory(
        title=title,
        description=description,
        credit="Illustration: Bridges demo",
        file=ContentFile(make_panorama(seed, size=size), name=f"walk-360-{seed}.jpg"),
    )
