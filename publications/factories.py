"""PublicationPageFactory: publications for the demo content and the tests (wagtail-factories)."""

import json
import uuid

import factory
import wagtail_factories
from django.utils.text import slugify

from .models import PublicationPage


def chapter(kind: str, value) -> dict:
    """One raw entry of the chapters StreamField: ("story"|"walk", page), ("text", {...}), ("part", {...})."""
    if kind in ("story", "walk"):
        value = value.pk
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def text_chapter(title: str, *paragraphs: str) -> dict:
    body = [
        {"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": str(uuid.uuid4())}
        for paragraph in paragraphs
    ]
    return chapter("text", {"title": title, "body": body})


def part(heading: str, introduction: str = "") -> dict:
    return chapter("part", {"heading": heading, "introduction": introduction})


class PublicationPageFactory(wagtail_factories.PageFactory):
    """A publication under `parent` (a home page). `chapters` takes raw entries (see `chapter()`).

    Made as a draft; with `publish=True` it is published through a revision, as the admin does, so
    the files are built by the task queue.
    """

    class Meta:
        model = PublicationPage
        skip_postgeneration_save = True

    title = "Making care visible"
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    subtitle = "Stories from the Bridges network"
    editors = "MINE – Mother Centers International Network for Empowerment"
    funders = "<p>Funded by the State Ministry of Baden-Württemberg.</p>"
    live = False
    chapters = factory.LazyFunction(list)

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.save_revision().publish()
            obj.refresh_from_db()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        chapters = kwargs.get("chapters")
        if isinstance(chapters, list):
            kwargs["chapters"] = json.dumps(chapters)
        if kwargs.get("parent") is not None and "locale" not in kwargs:
            kwargs["locale"] = kwargs["parent"].locale
        return super()._create(model_class, *args, **kwargs)
