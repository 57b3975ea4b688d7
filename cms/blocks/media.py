"""Media blocks shared by stories, walks and events: images, galleries, video and audio."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock as WagtailImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from cms.api_schema import IMAGE, MEDIA, STRING, nullable, obj
from cms.serializers import PRELOADED_IMAGES, serialize_image, serialize_media


class ImageChooserBlock(WagtailImageChooserBlock):
    """Loads the renditions of every image in a StreamField in one query, not one per image."""

    def bulk_to_python(self, values):
        preloaded = PRELOADED_IMAGES.get()
        if preloaded is not None and all(value in preloaded for value in values if value):
            return [preloaded.get(value) if value else None for value in values]
        images = super().bulk_to_python(values)
        prefetch_related_objects([image for image in images if image is not None], "renditions")
        return images

    def get_api_representation(self, value, context=None):
        return serialize_image(value)

    def api_schema(self, schema_of):
        return nullable(IMAGE)


def struct_segments(block: blocks.StructBlock, value) -> list:
    """The segments wagtail-localize would extract from a StructBlock's value. Its extractor needs
    the raw value to find the items of a ListBlock (subtitles), so it gets the stored form."""
    from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

    raw = {"value": block.get_prep_value(value)}
    return StreamFieldSegmentExtractor(None).handle_struct_block(value, raw_value=raw)


def restore_struct(value, segments):
    from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

    return StreamFieldSegmentsWriter(None, None, None).handle_struct_block(value, segments)


class ImageBlock(blocks.StructBlock):
    # Renditions the API gives beside the standard sizes ({name: filter spec}): see PanoramaBlock.
    extra_renditions: dict[str, str] = {}

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Description for blind readers (alt text)"),
        required=False,
        max_length=250,
        help_text=_(
            "What the photo shows, in one sentence, e.g. “Three mothers laughing in the centre’s "
            "kitchen”. Leave empty to use the description saved with the image."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Shown under the image.")
    )
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_("Who took the photo. Leave empty to use the credit saved with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not (value.get("alt_text") or image.description):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image for people who cannot see it.")
                    )
                }
            )
        return value

    # Translators get the alt text and credit as segments even where the editor left them empty
    # (the image's own description and credit then stand in), so every language can describe the
    # photo in its own words without a copy of the image. Their translation is stored in the
    # block's own fields, which the template and the API already prefer to the image's.
    TRANSLATED_DEFAULTS = {"alt_text": "description", "credit": "credit"}

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        image = value.get("image")
        segments = []
        for segment in struct_segments(self, value):
            # An empty field is extracted as an empty text: the image's own words replace it.
            if (
                image is not None
                and segment.path in self.TRANSLATED_DEFAULTS
                and isinstance(segment, StringSegmentValue)
                and not segment.string.data.strip()
            ):
                default = getattr(image, self.TRANSLATED_DEFAULTS[segment.path], "")
                if default:
                    segments.append(StringSegmentValue(segment.path, default))
                continue
            segments.append(segment)
        return segments

    def restore_translated_segments(self, value, segments):
        return restore_struct(value, segments)

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        return {
            "image": serialize_image(image, alt=value.get("alt_text"), extra=self.extra_renditions),
            "caption": value.get("caption", ""),
            "credit": value.get("credit") or getattr(image, "credit", ""),
        }

    def api_schema(self, schema_of):
        return obj({"image": nullable(IMAGE), "caption": STRING, "credit": STRING})


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=120, help_text=_("Optional, shown above.")
    )
    images = blocks.ListBlock(ImageBlock(), label=_("Photos"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery.html"


class CaptionTrackBlock(blocks.StructBlock):
    file = DocumentChooserBlock(
        label=_("Subtitle file (.vtt)"),
        help_text=_("A WebVTT subtitle file: upload it under Documents, then choose it here."),
    )
    language = blocks.ChoiceBlock(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_(
            "The language of the subtitles. Readers see their own language when it exists."
        ),
    )
    label = blocks.CharBlock(
        label=_("Name in the player"), max_length=60, help_text=_("E.g. “Deutsch”.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Subtitles")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document is not None and not document.file.name.lower().endswith(".vtt"):
            raise blocks.StructBlockValidationError(
                block_errors={"file": ValidationError(_("Subtitles must be a WebVTT (.vtt) file."))}
            )
        return value


class SameMediaInEveryLanguage:
    """Every language plays the same video or recording: translators translate its captions,
    subtitle names and transcript, and see the file itself by its title, as a value they do not
    change ("Video · Walk through the centre", where wagtail-localize would show the bare id,
    "Video 4")."""

    media_field = ""

    def is_media_segment(self, segment) -> bool:
        return segment.path.split(".", 1)[0] == self.media_field

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import OverridableSegmentValue

        segments = [s for s in struct_segments(self, value) if not self.is_media_segment(s)]
        media = value.get(self.media_field)
        if media is not None:
            # wagtail-localize's editor shows a synchronised value it has no chooser for as its
            # text: the title, first as the file comes first in the block. Only shown: the
            # translation keeps the source's file (see restore_translated_segments).
            segments.insert(0, OverridableSegmentValue(self.media_field, media.title))
        return segments

    def restore_translated_segments(self, value, segments):
        return restore_struct(value, [s for s in segments if not self.is_media_segment(s)])


class VideoBlock(SameMediaInEveryLanguage, blocks.StructBlock):
    media_field = "video"

    video = VideoChooserBlock(label=_("Video"), help_text=_("Upload or choose a video file."))
    poster = ImageChooserBlock(
        label=_("Poster image"),
        required=False,
        help_text=_("Shown before the video plays. Leave empty to use the video's thumbnail."),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Shown under the video.")
    )
    caption_tracks = blocks.ListBlock(
        CaptionTrackBlock(),
        label=_("Subtitles"),
        required=False,
        default=[],
        help_text=_("Subtitle files, one per language."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("Leave empty to use the transcript saved with the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"

    def get_api_representation(self, value, context=None):
        return {
            "media": serialize_media(
                value.get("video"),
                poster=value.get("poster"),
                caption_tracks=value.get("caption_tracks") or [],
                transcript=value.get("transcript", ""),
            ),
            "caption": value.get("caption", ""),
        }

    def api_schema(self, schema_of):
        return obj({"media": nullable(MEDIA), "caption": STRING})


class AudioBlock(SameMediaInEveryLanguage, blocks.StructBlock):
    media_field = "audio"

    audio = AudioChooserBlock(label=_("Audio"), help_text=_("Upload or choose a sound recording."))
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Shown with the player.")
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("Leave empty to use the transcript saved with the recording."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "blocks/audio.html"

    def get_api_representation(self, value, context=None):
        return {
            "media": serialize_media(value.get("audio"), transcript=value.get("transcript", "")),
            "caption": value.get("caption", ""),
        }

    def api_schema(self, schema_of):
        return obj({"media": nullable(MEDIA), "caption": STRING})
