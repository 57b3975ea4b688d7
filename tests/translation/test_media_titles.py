"""In wagtail-localize's translation editor a translator sees a story's video and recording by
their titles ("Video · Walk through the centre"), not by their ids; the translation keeps playing
the same files. Images come with the editor's own image chooser (a thumbnail, by title)."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from cms.core.factories import AudioFactory, ImageFactory
from cms.core.translation import translate_page
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(languages, section_pages):
    photo = ImageFactory(title="The centre's kitchen", description="A kitchen", credit="")
    film = AudioFactory(title="Walk through the centre", type="video", transcript="")
    film.file.save("walk.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=True)
    song = AudioFactory(title="Songs of the kitchen", transcript="")
    return StoryPageFactory(
        parent=section_pages["stories"],
        title="A kitchen in Žilina",
        body=[
            ("image", {"image": photo, "alt_text": "", "caption": "", "credit": ""}),
            (
                "video",
                {
                    "video": film,
                    "poster": None,
                    "caption": "",
                    "caption_tracks": [],
                    "transcript": "",
                },
            ),
            ("audio", {"audio": song, "caption": "", "transcript": ""}),
        ],
    )


def editor_props(client, page) -> dict:
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    return json.loads(editor["data-props"])


def test_a_translator_sees_the_video_and_recording_by_their_titles(zuzana, story):
    slovak = translate_page(story, "sk", {"A kitchen in Žilina": "Kuchyňa v Žiline"})
    shown = {
        (s["location"]["field"], s["location"]["subField"]): s["value"]
        for s in editor_props(zuzana, slovak)["segments"]
        if s["type"] == "synchronised_value"
    }
    assert shown[("Video", "Video")] == "Walk through the centre"
    assert shown[("Audio", "Audio")] == "Songs of the kitchen"

    # The image: wagtail-localize's image chooser, which shows the image the admin API describes.
    image = story.body[0].value["image"]
    assert shown[("Image", "Image")] == image.pk
    described = zuzana.get(f"/admin/api/main/images/{image.pk}/")
    assert described.status_code == 200
    assert described.json()["title"] == "The centre's kitchen"
    assert described.json()["thumbnail"]["url"]  # the chooser shows it


def test_the_translation_plays_the_same_files(zuzana, story, django_capture_on_commit_callbacks):
    slovak = translate_page(story, "sk", {})
    # Even an override posted by hand for the video (the editor offers none) changes nothing.
    video = next(
        s
        for s in editor_props(zuzana, slovak)["segments"]
        if s["type"] == "synchronised_value" and s["location"]["field"] == "Video"
    )
    answer = zuzana.put(
        video["editUrl"], data="value=999", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code in (200, 201), answer.content
    with django_capture_on_commit_callbacks(execute=True):
        response = zuzana.post(f"/admin/pages/{slovak.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    slovak.refresh_from_db()
    blocks = {block.block_type: block.value for block in slovak.body}
    originals = {block.block_type: block.value for block in story.body}
    assert blocks["video"]["video"].pk == originals["video"]["video"].pk
    assert blocks["audio"]["audio"].pk == originals["audio"]["audio"].pk
