"""Alt text, image credit and subtitle names are translated per language through wagtail-localize
(as segments; the image itself is shared): a Hungarian story shows the Hungarian alt text and
credit, on the page and in the API. Videos are shown to translators by their titles, not as a bare id."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from cms.core.demo import translate_once
from cms.core.factories import AudioFactory, DocumentFactory, ImageFactory
from cms.core.translation import translate_page
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

HUNGARIAN = {
    "Mothers in the kitchen": "Anyák a konyhában",
    "Photo: Eva": "Fotó: Éva",
    "Tuesday": "Kedd",
    "English subtitles": "Angol felirat",
}


@pytest.fixture
def story(section_pages):
    photo = ImageFactory(title="Kitchen", description="Mothers in the kitchen", credit="Photo: Eva")
    video = AudioFactory(title="Our film about the garden", type="video", transcript="")
    video.file.save("film.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=True)
    subtitles = DocumentFactory(title="Subtitles", file=ContentFile(b"WEBVTT\n", name="hello.vtt"))
    return StoryPageFactory(
        parent=section_pages["stories"],
        title="The Tuesday kitchen",
        body=[
            # Alt text and credit left empty: the image's own stand in.
            ("image", {"image": photo, "alt_text": "", "caption": "Tuesday", "credit": ""}),
            (
                "video",
                {
                    "video": video,
                    "poster": None,
                    "caption": "",
                    "caption_tracks": [
                        {"file": subtitles, "language": "en", "label": "English subtitles"}
                    ],
                    "transcript": "",
                },
            ),
        ],
    )


def offered(story) -> dict[str, str]:
    source, _created = TranslationSource.get_or_create_from_instance(story)
    return {
        segment.context.path: segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }


def test_translators_are_offered_the_alt_text_credit_and_subtitle_name(story):
    texts = offered(story)
    by_end = {path.rsplit(".", 1)[1]: text for path, text in texts.items() if "." in path}
    assert "alt_text" in by_end, texts
    assert by_end["alt_text"] == "Mothers in the kitchen"
    assert by_end["credit"] == "Photo: Eva"
    assert by_end["caption"] == "Tuesday"
    assert by_end["label"] == "English subtitles"
    # The video is the same in every language: shown by its title, not as "Video 4".
    source = TranslationSource.objects.get(object_id=story.translation_key)
    from wagtail_localize.models import OverridableSegment

    shown = {
        path.rsplit(".", 1)[1]: data
        for path, data in OverridableSegment.objects.filter(source=source).values_list(
            "context__path", "data_json"
        )
    }
    assert json.loads(shown["video"]) == "Our film about the garden"


def hungarian_story(story):
    for ancestor in story.get_ancestors().filter(depth__gt=1).order_by("depth"):
        translate_once(Page.objects.get(pk=ancestor.pk), "hu", {})
    return translate_page(story, "hu", HUNGARIAN)


def test_a_hungarian_story_shows_the_hungarian_alt_text_and_credit(client, story):
    hungarian = hungarian_story(story)
    soup = BeautifulSoup(client.get(hungarian.url).content, "html.parser")
    figure = soup.select_one("figure.block-image")
    assert figure.select_one("img")["alt"] == "Anyák a konyhában"
    assert figure.select_one(".credit").get_text(strip=True) == "Fotó: Éva"
    assert "Kedd" in figure.get_text()

    # The English story keeps the image's own words, and the image itself is unchanged.
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select_one("figure.block-image img")["alt"] == "Mothers in the kitchen"
    image = story.body[0].value["image"]
    image.refresh_from_db()
    assert (image.description, image.credit) == ("Mothers in the kitchen", "Photo: Eva")


def test_the_api_gives_the_hungarian_alt_text_and_credit(client, story):
    hungarian = hungarian_story(story)
    data = client.get(f"/api/v2/pages/{hungarian.pk}/").json()
    image_block = next(block for block in data["body"] if block["type"] == "image")
    assert image_block["value"]["image"]["alt"] == "Anyák a konyhában"
    assert image_block["value"]["credit"] == "Fotó: Éva"
    assert image_block["value"]["caption"] == "Kedd"
    video_block = next(block for block in data["body"] if block["type"] == "video")
    assert "Angol felirat" in str(video_block["value"])
