"""Factories shared by every app: the base page factory (get-or-create on parent and slug), and
images, documents and media. The demo content and the tests build through them.

Every file is made here on the machine (Pillow, the wave module): nothing is downloaded.
"""

import io
import math
import struct
import wave

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtailmedia.models import get_media_model

# Warm colours of MINE's world; demo pictures cycle through them.
PALETTE = [
    ((163, 34, 74), (246, 239, 231)),
    ((26, 95, 180), (230, 240, 250)),
    ((38, 120, 80), (232, 245, 236)),
    ((190, 110, 20), (252, 243, 226)),
    ((110, 60, 150), (242, 235, 248)),
]


def make_picture(seed: int = 0, size=(1600, 1000), fmt: str = "JPEG") -> bytes:
    """An abstract picture (people-like circles on a soft background), different for each seed."""
    strong, soft = PALETTE[seed % len(PALETTE)]
    width, height = size
    picture = Image.new("RGB", size, soft)
    draw = ImageDraw.Draw(picture)
    for band in range(0, height, 8):
        shade = tuple(
            int(s + (c - s) * band / height * 0.35) for s, c in zip(soft, strong, strict=True)
        )
        draw.rectangle([0, band, width, band + 8], fill=shade)
    for person in range(3 + seed % 3):
        cx = int(width * (0.2 + 0.6 * person / max(1, 2 + seed % 3)))
        cy = int(height * (0.55 + 0.1 * math.sin(seed + person)))
        r = int(height * (0.08 + 0.02 * ((seed + person) % 3)))
        colour = PALETTE[(seed + person + 1) % len(PALETTE)][0]
        draw.ellipse([cx - r, cy - 2 * r, cx + r, cy], fill=colour)
        draw.rounded_rectangle(
            [cx - int(1.4 * r), cy + 4, cx + int(1.4 * r), cy + 3 * r], 20, fill=colour
        )
    buffer = io.BytesIO()
    picture.save(buffer, fmt, quality=85)
    return buffer.getvalue()


def make_tone(seconds: float = 2.0, frequency: float = 440.0, rate: int = 16000) -> bytes:
    """A short, quiet WAV tone: a real audio file for players and tests."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = b"".join(
            struct.pack("<h", int(3000 * math.sin(2 * math.pi * frequency * n / rate)))
            for n in range(int(seconds * rate))
        )
        out.writeframes(frames)
    return buffer.getvalue()


class PageFactory(wagtail_factories.PageFactory):
    """A page under `parent`, made as an editor would (a revision, published unless `live=False`).

    Get-or-create on parent and slug: when `parent` has a child with that slug, that page comes
    back as it is (an editor's changes are kept) and nothing else of the call is made, not even
    the images or stops passed in as lazy declarations.
    """

    class Meta:
        abstract = True

    @classmethod
    def create(cls, **kwargs):
        existing = cls._existing(kwargs.get("parent"), kwargs.get("slug") or kwargs.get("title"))
        return existing if existing is not None else super().create(**kwargs)

    @classmethod
    def _existing(cls, parent, slug):
        if not isinstance(parent, Page) or not isinstance(slug, str):
            return None
        page = parent.get_children().filter(slug=slugify(slug)).first()
        return page.specific if page is not None else None

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            raise ValueError(f"{cls.__name__} needs a parent page")
        existing = cls._existing(parent, kwargs["slug"])
        if existing is not None:
            return existing
        page = model_class(locale=parent.locale, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        # Publishing saves a copy of the page made from the revision: read back what was stored.
        return model_class.objects.get(pk=page.pk)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    class Params:
        # The picture drawn (make_picture) and its size: ImageFactory(seed=3, size=(800, 600)).
        seed = factory.Sequence(lambda n: n)
        size = (1600, 1000)

    title = factory.Sequence(lambda n: f"Photo {n}")
    description = factory.LazyAttribute(lambda o: f"{o.title}: mothers and children together")
    credit = "MINE"
    file = factory.LazyAttribute(
        lambda o: ContentFile(make_picture(o.seed, size=o.size), name=f"photo-{o.seed}.jpg")
    )
    collection = factory.LazyFunction(Collection.get_first_root_node)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(b"WEBVTT\n", name="subtitles.vtt"))
    collection = factory.LazyFunction(Collection.get_first_root_node)


class AudioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_media_model()

    class Params:
        # The tone recorded (make_tone): AudioFactory(seconds=3, frequency=392).
        seconds = 2
        frequency = factory.Sequence(lambda n: 330 + 20 * (n % 10))

    title = factory.Sequence(lambda n: f"Recording {n}")
    type = "audio"
    duration = factory.LazyAttribute(lambda o: o.seconds)
    file = factory.LazyAttributeSequence(
        lambda o, n: ContentFile(
            make_tone(seconds=o.seconds, frequency=o.frequency), name=f"recording-{n}.wav"
        )
    )
    transcript = "A quiet tone: the sound of the demo recording."
    collection = factory.LazyFunction(Collection.get_first_root_node)


class VideoFactory(AudioFactory):
    """A video item; its default file is only an MP4 header (players are not run in tests)."""

    type = "video"
    width = 480
    height = 300
    file = factory.LazyAttributeSequence(
        lambda o, n: ContentFile(b"\x00\x00\x00\x18ftypmp42", name=f"video-{n}.mp4")
    )
    transcript = ""
