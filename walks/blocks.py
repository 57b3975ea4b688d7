"""The blocks of a virtual walk: its stops, each with a place on the map and one main medium."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockAdapter

from cms.api_schema import NUMBER, nullable, obj
from cms.blocks import AudioBlock, ImageBlock, VideoBlock
from cms.blocks.panorama import PanoramaBlock
from cms.blocks.text import RICH_TEXT_FEATURES
from network.panels import geocoder_options


class LocationBlock(blocks.StructBlock):
    """A point on the map. Numbers, the same in every language: never offered to translators."""

    latitude = blocks.FloatBlock(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        help_text=_("North–south, between -90 and 90 (e.g. 46.0503 for Ljubljana)."),
    )
    longitude = blocks.FloatBlock(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        help_text=_("East–west, between -180 and 180 (e.g. 14.5069 for Ljubljana)."),
    )

    class Meta:
        icon = "crosshairs"
        label = _("Location")
        help_text = _(
            "Where is this stop? Click the map or type an address. You can also type or paste "
            "the coordinates, e.g. “46.0503, 14.5069”."
        )
        form_classname = "walk-location-block"

    def get_translatable_segments(self, value):
        # wagtail-localize skips number blocks today; saying so here keeps it that way if a later
        # version starts offering unknown blocks to translators. Translations copy the source's point.
        return []

    def get_api_representation(self, value, context=None):
        return {"latitude": value.get("latitude"), "longitude": value.get("longitude")}

    def api_schema(self, schema_of):
        return obj({"latitude": nullable(NUMBER), "longitude": nullable(NUMBER)})


class LocationBlockAdapter(StructBlockAdapter):
    """The location form in the admin, with a map to click (walks/static/walks/js/location-block.js)."""

    js_constructor = "walks.blocks.LocationBlock"

    def js_args(self, block):
        name, children, meta = super().js_args(block)
        options = geocoder_options()
        meta["map"] = {
            **options,
            "center": settings.WALKS_MAP_DEFAULT_CENTER,
            "zoom": settings.WALKS_MAP_DEFAULT_ZOOM,
            "strings": {**options["strings"], "map": str(_("Map: click to place the stop"))},
        }
        return [name, children, meta]

    @cached_property
    def media(self):
        parent = super().media
        return forms.Media(
            js=[
                *parent._js,
                versioned_static("vendor/leaflet/leaflet.js"),
                versioned_static("js/location-picker.js"),
                versioned_static("walks/js/location-block.js"),
            ],
            css={
                "all": [
                    versioned_static("vendor/leaflet/leaflet.css"),
                    versioned_static("css/location-picker.css"),
                ]
            },
        )


register(LocationBlockAdapter(), LocationBlock)


class StopMediaBlock(blocks.StreamBlock):
    """The one thing a reader sees or hears first at a stop."""

    def clean(self, value):
        # Wagtail's own words ("The minimum number of items is 1") do not say what to add.
        if not value:
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        ValidationError(
                            _("Choose a photo, 360° photo, video or audio for this stop.")
                        )
                    ]
                )
            )
        return super().clean(value)

    photo = ImageBlock(label=_("Photo"))
    panorama = PanoramaBlock(label=_("360° photo"))
    video = VideoBlock(label=_("Video"))
    audio = AudioBlock(label=_("Audio"))

    class Meta:
        label = _("Main photo, video or sound")
        help_text = _(
            "Choose one: a photo, a 360° photo readers can look around in, a video or a sound "
            "recording. Add a transcript to videos and recordings for readers who cannot listen."
        )
        min_num = 1
        max_num = 1
        icon = "media"


class StopBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title of the stop"),
        max_length=120,
        help_text=_("A short name for this stop, e.g. “The children’s corner”."),
    )
    place_name = blocks.CharBlock(
        label=_("Place name"),
        required=False,
        max_length=200,
        help_text=_("The street, square or room, e.g. “Prešeren Square, Ljubljana”."),
    )
    location = LocationBlock()
    media = StopMediaBlock()
    narration = blocks.RichTextBlock(
        label=_("What the walker hears and reads here"),
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Tell what this place is and what happens here, in a few short paragraphs."),
    )
    extra_photos = blocks.ListBlock(
        ImageBlock(),
        label=_("More photos"),
        required=False,
        default=[],
        help_text=_("Optional: more photos of this stop, shown under the text."),
    )

    class Meta:
        icon = "site"
        label = _("Stop")
        label_format = "{title}"
        template = "walks/blocks/stop.html"

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        # A stop has exactly one main medium: an object, not a list of one.
        media = data.pop("media") or [None]
        main = media[0]
        data["media"] = {"type": main["type"], **main["value"]} if main else None
        return data

    def api_schema(self, schema_of):
        children = {name: schema_of(block) for name, block in self.child_blocks.items()}
        kinds = list(self.child_blocks["media"].child_blocks)
        # The main medium's block value with its block type beside it.
        children["media"] = nullable(
            {
                "type": "object",
                "properties": {"type": {"type": "string", "enum": kinds}},
                "required": ["type"],
                "additionalProperties": True,
            }
        )
        return obj(children)


class WalkStopsBlock(blocks.StreamBlock):
    stop = StopBlock()

    class Meta:
        label = _("Stops")
