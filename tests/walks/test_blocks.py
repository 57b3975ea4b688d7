"""The stop blocks refuse what would break a walk, with messages an editor understands."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from cms.blocks.panorama import PanoramaBlock
from cms.core.factories import ImageFactory, make_picture
from walks.blocks import LocationBlock, StopBlock, StopMediaBlock


@pytest.mark.parametrize(
    "latitude, longitude, bad_field",
    [
        (91, 14.5, "latitude"),
        (-90.5, 14.5, "latitude"),
        (46.0, 180.1, "longitude"),
        (46.0, -181, "longitude"),
    ],
)
def test_coordinates_out_of_range_are_refused(latitude, longitude, bad_field):
    block = LocationBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"latitude": latitude, "longitude": longitude}))
    assert set(error.value.block_errors) == {bad_field}


def test_coordinates_at_the_edges_are_fine():
    block = LocationBlock()
    value = block.clean(block.to_python({"latitude": -90, "longitude": 180}))
    assert (value["latitude"], value["longitude"]) == (-90, 180)


def test_a_location_is_required():
    block = LocationBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"latitude": None, "longitude": None}))
    assert set(error.value.block_errors) == {"latitude", "longitude"}


def test_location_block_gives_translators_nothing():
    block = LocationBlock()
    assert (
        block.get_translatable_segments(block.to_python({"latitude": 46.0, "longitude": 14.5}))
        == []
    )


@pytest.mark.django_db
def test_a_panorama_must_be_twice_as_wide_as_high():
    block = PanoramaBlock()
    square = ImageFactory(file=ContentFile(make_picture(1, size=(800, 800)), name="square.jpg"))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python({"image": square.pk, "alt_text": "", "caption": "", "credit": ""})
        )
    assert "twice as wide as it is high" in str(error.value.block_errors["image"])
    wide = ImageFactory(file=ContentFile(make_picture(1, size=(1000, 500)), name="wide.jpg"))
    block.clean(block.to_python({"image": wide.pk, "alt_text": "", "caption": "", "credit": ""}))


def test_a_stop_has_exactly_one_main_medium():
    block = StopMediaBlock()
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.to_python([]))


def test_stop_block_labels_speak_to_volunteers():
    block = StopBlock()
    location = block.child_blocks["location"]
    # In English whatever language an earlier test's request left active in this thread.
    with translation.override("en"):
        assert "Click the map or type an address" in str(location.meta.help_text)
    for name, child in block.child_blocks.items():
        assert child.label, name
    for child in location.child_blocks.values():
        assert child.field.help_text
