"""Blocks of an event page: agenda items, speakers and recordings (from the shared media blocks)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.api_schema import IMAGE, STRING, nullable, obj
from cms.blocks import AudioBlock, EmbedBlock, ImageChooserBlock, VideoBlock
from cms.serializers import serialize_image


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.CharBlock(
        label=_("Time"),
        required=False,
        max_length=40,
        help_text=_("Optional, e.g. “10:00” or “Day 2, morning”."),
    )
    topic = blocks.CharBlock(
        label=_("Topic"),
        max_length=250,
        help_text=_("What this part of the event is about, in a few words."),
    )
    details = blocks.TextBlock(
        label=_("Details"),
        required=False,
        help_text=_("Optional: questions, who leads it, what to bring."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Agenda item")
        template = "network/blocks/agenda_item.html"


class AgendaStreamBlock(blocks.StreamBlock):
    item = AgendaItemBlock()

    class Meta:
        label = _("Topics and agenda")


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120, help_text=_("E.g. Emese Dömösi."))
    role = blocks.CharBlock(
        label=_("Role or organisation"),
        required=False,
        max_length=200,
        help_text=_("E.g. “MINE board, Hungary”."),
    )
    photo = ImageChooserBlock(
        label=_("Photo"), required=False, help_text=_("Optional: a portrait, shown small.")
    )
    bio = blocks.TextBlock(
        label=_("About the speaker"),
        required=False,
        help_text=_("Two or three sentences."),
    )

    class Meta:
        icon = "user"
        label = _("Speaker")
        template = "network/blocks/speaker.html"

    def get_api_representation(self, value, context=None):
        return {
            "name": value.get("name", ""),
            "role": value.get("role", ""),
            "photo": serialize_image(value.get("photo")),
            "bio": value.get("bio", ""),
        }

    def api_schema(self, schema_of):
        return obj({"name": STRING, "role": STRING, "photo": nullable(IMAGE), "bio": STRING})


class SpeakersStreamBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()

    class Meta:
        label = _("Speakers")


class RecordingsStreamBlock(blocks.StreamBlock):
    """After the event: its recordings, through the same media blocks as stories and walks."""

    video = VideoBlock()
    audio = AudioBlock()
    embed = EmbedBlock()

    class Meta:
        label = _("Recordings")
