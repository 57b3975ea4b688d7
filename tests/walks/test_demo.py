"""The walks' demo content: two walks from the seeds, translated, made once and never overwritten."""

import pytest

from home import demo as home_demo
from walks import demo
from walks.models import WalkPage


@pytest.mark.django_db
def test_demo_walks_in_three_languages_and_loading_twice_keeps_edits(client, home_page):
    home_demo.load(home_page)
    summary = demo.load(home_page)
    assert summary.startswith("2 walks")

    mala_ulica = WalkPage.objects.get(slug="mala-ulica", locale__language_code="en")
    assert mala_ulica.country.slug == "slovenia"
    assert mala_ulica.stop_count >= 5
    assert {s.value["media"][0].block_type for s in mala_ulica.stops} >= {
        "photo",
        "panorama",
        "audio",
    }
    for stop in mala_ulica.stops:
        latitude, longitude = (
            stop.value["location"]["latitude"],
            stop.value["location"]["longitude"],
        )
        assert 46.0 < latitude < 46.1 and 14.4 < longitude < 14.6  # Ljubljana
    academy = WalkPage.objects.get(slug="mine-academy-budapest", locale__language_code="en")
    assert academy.country.slug == "hungary"
    assert "21 to 26 September 2022" in academy.intro

    german = WalkPage.objects.get(slug="mine-academy-budapest", locale__language_code="de")
    assert german.live
    assert german.stops[0].value["title"] == "Ankunft über die Kettenbrücke"
    assert german.start == academy.start
    hungarian = WalkPage.objects.get(slug="mala-ulica", locale__language_code="hu")
    assert hungarian.title == "Séta a Mala Ulica Családi Központban"
    assert client.get(hungarian.url).status_code == 200

    mala_ulica.title = "Edited by an editor"
    mala_ulica.save_revision().publish()
    demo.load(home_page)
    assert WalkPage.objects.filter(slug="mala-ulica").count() == 3
    assert WalkPage.objects.get(pk=mala_ulica.pk).title == "Edited by an editor"
