"""Translators get the words of a walk, never its coordinates; every language keeps the same points."""

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from tests.walks.conftest import translate_walk


@pytest.mark.django_db
def test_coordinates_are_not_offered_to_translators(walk):
    translate_walk(walk, "de", {})
    source = TranslationSource.objects.get_for_instance(walk)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    texts = {segment.string.data for segment in segments}
    paths = {segment.context.path for segment in segments}
    assert "1. Family Center Mala Ulica" in texts
    assert "Narration of stop 1." in texts
    assert "Prešernova cesta 1a" in texts
    assert not any("location" in path for path in paths)
    assert not any(text.replace(".", "").isdigit() for text in texts)
    assert not any("46.05" in text or "14.50" in text for text in texts)


@pytest.mark.django_db
def test_translations_keep_the_sources_points_and_follow_when_they_move(walk):
    german = translate_walk(
        walk, "de", {"1. Family Center Mala Ulica": "1. Familienzentrum Mala Ulica"}
    )
    assert german.stops[0].value["title"] == "1. Familienzentrum Mala Ulica"
    assert [s.value["location"] for s in german.stops] == [s.value["location"] for s in walk.stops]

    # The editor moves the first stop in the English walk; the translation follows on its next sync.
    stops = walk.stops.raw_data
    stops[0]["value"]["location"] = {"latitude": 46.1, "longitude": 14.6}
    walk.stops = list(stops)
    walk.save_revision().publish()
    german = translate_walk(
        walk, "de", {"1. Family Center Mala Ulica": "1. Familienzentrum Mala Ulica"}
    )
    assert dict(german.stops[0].value["location"]) == {"latitude": 46.1, "longitude": 14.6}
    assert german.stops[0].value["title"] == "1. Familienzentrum Mala Ulica"
