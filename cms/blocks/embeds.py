"""Embedded content from YouTube, Vimeo and other oEmbed providers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock

from cms.api_schema import STRING, nullable, obj


class EmbedBlock(blocks.StructBlock):
    embed = WagtailEmbedBlock(
        label=_("Video address"),
        help_text=_("Paste the address of a YouTube or Vimeo video, e.g. https://youtu.be/…"),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Shown under the video.")
    )

    class Meta:
        icon = "media"
        label = _("Embedded video (YouTube, Vimeo)")
        template = "blocks/embed.html"

    def get_api_representation(self, value, context=None):
        return {
            "url": value["embed"].url if value.get("embed") else None,
            "caption": value["caption"],
        }

    def api_schema(self, schema_of):
        return obj({"url": nullable(STRING), "caption": STRING})
