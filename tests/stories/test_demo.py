"""The stories of load_demo_content: enough of them, in several languages, with local media, and
loading twice changes nothing an editor did."""

import pytest
from wagtailmedia.models import get_media_model

from home import demo as home_demo
from stories import demo as stories_demo
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_demo_stories_in_three_languages_with_video_and_audio_and_idempotent(home_page):
    home_demo.load(home_page)
    summary = stories_demo.load(home_page)
    assert "7 stories" in summary

    stories = StoryPage.objects.live()
    originals = [s for s in stories if s.get_translations().filter(pk__lt=s.pk).count() == 0]
    assert len(originals) >= 6
    assert {s.locale.language_code for s in originals} >= {"en", "de", "hu"}
    assert len({s.original_language for s in originals}) >= 5

    # A story told in Hungarian lives in the Hungarian tree, under the Hungarian country page.
    danube = StoryPage.objects.get(slug="uj-anyakozpont-a-duna-menten", locale__language_code="hu")
    assert danube.url == "/hu/network/hungary/uj-anyakozpont-a-duna-menten/"
    assert danube.country.title == "Magyarország"
    assert {t.slug for t in danube.themes.all()} == {"community", "childhood"}
    english = danube.get_translation(danube.locale.get_default())
    assert english.title == "A new mother centre on the Danube" and english.live

    # The Ukraine emergency story (meeting of 22 March 2022), with video, captions and a poster.
    refuge = StoryPage.objects.get(slug="our-doors-stayed-open", locale__language_code="en")
    assert "22 March 2022" in str(refuge.body)
    video = next(b.value for b in refuge.body if b.block_type == "video")
    assert video["video"].type == "video" and video["video"].file.size > 1000
    assert video["video"].file.name.endswith(".mp4")
    assert video["poster"] is not None and video["caption_tracks"][0]["language"] == "en"
    assert refuge.get_translation_or_none(danube.locale).title == "Nyitva maradt az ajtónk"
    media_types = set(get_media_model().objects.values_list("type", flat=True))
    assert media_types == {"audio", "video"}
    assert all(s.image is not None for s in originals)

    # Loading again creates nothing and keeps an editor's change.
    refuge.title = "Our doors stayed open (edited)"
    refuge.save_revision().publish()
    count = StoryPage.objects.count()
    stories_demo.load(home_page)
    assert StoryPage.objects.count() == count
    refuge.refresh_from_db()
    assert refuge.title == "Our doors stayed open (edited)"
