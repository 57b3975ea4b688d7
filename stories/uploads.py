"""Checks and cleans the files visitors send with a story: photos are opened with Pillow (a file is
an image only if Pillow can read it, whatever its name) and saved again without their metadata;
video and audio are recognised by their first bytes, then read through by ffmpeg and copied
without their metadata (where the phone was, its owner's name, comments), as the voice
recorder's uploads are (stories.recordings)."""

import io
import json
import logging
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

# HEIC is what iPhones take; Pillow reads it with pillow-heif, which Wagtail already installs.
try:
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover
    pass

# Format Pillow reports -> (format to store, file extension). HEIC becomes JPEG, which browsers show.
PHOTO_FORMATS = {
    "JPEG": ("JPEG", "jpg"),
    "MPO": ("JPEG", "jpg"),  # some phones save JPEGs as MPO
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
    "HEIF": ("JPEG", "jpg"),
}
# Larger photos are scaled down: enough for any screen, and a smaller file to keep.
MAX_PHOTO_SIDE = 3000
# A last line against "decompression bombs"; clean_photo refuses large photos before this, from
# their header (settings.STORIES_MAX_IMAGE_PIXELS).
Image.MAX_IMAGE_PIXELS = 60_000_000


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


def clean_photo(upload, max_mb: int) -> ContentFile:
    """The photo saved again with nothing but its pixels (no EXIF, GPS, XMP, comments), turned
    upright as the camera meant it. Raises ValidationError with a message for the visitor."""
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("“%(name)s” is %(size)s MB; a photo may be at most %(max)s MB."),
            code="too_big",
            params={"name": upload.name, "size": megabytes(upload.size), "max": max_mb},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            # Image.open reads only the header: the size is known before a pixel is decoded, so
            # a small file that would unpack to gigabytes is refused here.
            width, height = probe.size
            if width * height > settings.STORIES_MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _(
                        "“%(name)s” is %(width)s × %(height)s pixels; a photo may have at most "
                        "%(max)s megapixels. Please send a smaller copy."
                    ),
                    code="too_many_pixels",
                    params={
                        "name": upload.name,
                        "width": width,
                        "height": height,
                        "max": f"{settings.STORIES_MAX_IMAGE_PIXELS / 1_000_000:g}",
                    },
                )
            probe.verify()  # reads the whole file: a truncated or fake image fails here
        upload.seek(0)
        picture = Image.open(upload)
        picture.load()
    except Image.DecompressionBombError:
        # So large that Pillow itself refused it from the header (over twice its own limit).
        raise ValidationError(
            _("“%(name)s” has more than %(max)s megapixels. Please send a smaller copy."),
            code="too_many_pixels",
            params={
                "name": upload.name,
                "max": f"{settings.STORIES_MAX_IMAGE_PIXELS / 1_000_000:g}",
            },
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("“%(name)s” is not a photo we can read. Please send JPEG, PNG, WebP or HEIC photos."),
            code="not_an_image",
            params={"name": upload.name},
        ) from None
    target = PHOTO_FORMATS.get(picture.format)
    if target is None:
        raise ValidationError(
            _("“%(name)s” is not a photo we can read. Please send JPEG, PNG, WebP or HEIC photos."),
            code="not_an_image",
            params={"name": upload.name},
        )
    fmt, extension = target
    upright = ImageOps.exif_transpose(picture)
    upright.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
    if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    # A new image from the raw pixels carries no metadata at all; only the colour profile is kept,
    # so colours look right (it says nothing about the person or the place).
    clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    options = (
        {"icc_profile": picture.info["icc_profile"]} if picture.info.get("icc_profile") else {}
    )
    if fmt == "JPEG":
        options["quality"] = 88
    buffer = io.BytesIO()
    clean.save(buffer, fmt, **options)
    return ContentFile(buffer.getvalue(), name=f"photo.{extension}")


@dataclass
class MediaKind:
    kind: str  # "video" or "audio"
    extension: str


def sniff_media(head: bytes) -> MediaKind | None:
    """What a video or audio file is, from its first bytes; None if it is neither.

    Only formats browsers play are accepted: MP4/MOV/M4A, WebM, Ogg, MP3 and WAV.
    """
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B "):
            return MediaKind("audio", "m4a")
        if brand == b"qt  ":
            return MediaKind("video", "mov")
        return MediaKind("video", "mp4")
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return MediaKind("video", "webm")
    if head[:4] == b"OggS":
        if b"theora" in head[:64]:
            return MediaKind("video", "ogv")
        return MediaKind("audio", "ogg")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return MediaKind("audio", "wav")
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return MediaKind("audio", "mp3")
    return None


def id3_length(head: bytes) -> int:
    """The length of the ID3 tag an MP3 file starts with (0 if none): the audio follows it."""
    if head[:3] != b"ID3" or len(head) < 10:
        return 0
    size = sum((byte & 0x7F) << (7 * (3 - n)) for n, byte in enumerate(head[6:10]))
    return 10 + size + (10 if head[5] & 0x10 else 0)


# ffmpeg's output format for each kind of file we keep (by the extension its first bytes gave).
MUXERS = {
    "mp4": "mp4",
    "mov": "mov",
    "m4a": "ipod",
    "webm": "webm",
    "ogg": "ogg",
    "ogv": "ogg",
    "mp3": "mp3",
    "wav": "wav",
}


class NotMedia(Exception):
    """ffmpeg could not read the file through, or found nothing to keep in it."""


@dataclass
class Probe:
    """What ffprobe found in the clean copy."""

    streams: list[dict] = field(default_factory=list)
    duration: float = 0.0

    @property
    def has_video(self) -> bool:
        return any(stream.get("codec_type") == "video" for stream in self.streams)


def copy_without_metadata(source: Path, target: Path, muxer: str, *, audio_only: bool) -> Probe:
    """The one place where sent-in video and audio are cleaned (the form's files and the
    recorder's): ffmpeg reads the whole file and copies its first video stream (not cover art)
    and its first audio stream as they are (nothing is re-encoded), without tags, chapters or
    attachments; ffprobe then reads the copy. A file that only starts like a video fails here.
    Raises NotMedia."""
    streams = ("-map", "0:a:0") if audio_only else ("-map", "0:V:0?", "-map", "0:a:0?")
    try:
        subprocess.run(
            [
                settings.FFMPEG,
                *("-v", "error", "-nostdin", "-y", "-i", str(source)),
                *streams,
                *("-c", "copy", "-map_metadata", "-1", "-map_chapters", "-1"),
                *("-fflags", "+bitexact", "-f", muxer, str(target)),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        found = json.loads(
            subprocess.run(
                [
                    settings.FFPROBE,
                    *("-v", "error", "-of", "json"),
                    *("-show_entries", "format=duration:stream=codec_type,codec_name"),
                    str(target),
                ],
                check=True,
                capture_output=True,
                timeout=60,
            ).stdout
        )
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        logger.info("A sent-in media file was refused by ffmpeg/ffprobe", exc_info=True)
        raise NotMedia from error
    try:
        duration = float((found.get("format") or {}).get("duration") or 0)
    except (TypeError, ValueError):
        duration = 0.0
    probe = Probe(streams=found.get("streams") or [], duration=duration)
    if not probe.streams or duration <= 0:
        raise NotMedia
    return probe


def check_media(upload, max_mb: int) -> tuple[MediaKind, File]:
    """The video or sound file, checked by its content and copied without its metadata: its
    kind (video if it has a picture) and the clean copy (a temporary file, named by its kind).
    Raises ValidationError with a message for the visitor."""
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("“%(name)s” is %(size)s MB; a video or recording may be at most %(max)s MB."),
            code="too_big",
            params={"name": upload.name, "size": megabytes(upload.size), "max": max_mb},
        )
    not_media = ValidationError(
        _(
            "“%(name)s” is not a video or sound file we can play. Please send MP4, WebM, "
            "MOV, MP3, M4A, Ogg or WAV."
        ),
        code="not_media",
        params={"name": upload.name},
    )
    upload.seek(0)
    head = upload.read(64)
    tag = id3_length(head)
    if tag:
        # "ID3" alone proves nothing (a web page could follow it): real MP3 audio must follow
        # the tag, which says its own length.
        upload.seek(tag)
        head = upload.read(64)
    upload.seek(0)
    kind = sniff_media(head)
    if kind is None:
        raise not_media
    with tempfile.TemporaryDirectory(prefix="story-media-") as work:
        source = Path(work) / f"sent.{kind.extension}"
        with source.open("wb") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
        upload.seek(0)
        # Outlives this function (the form stores it later), so no context manager: deleted
        # when closed, after it is stored or when the form is thrown away.
        clean = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="story-media-", suffix=f".{kind.extension}"
        )
        try:
            probe = copy_without_metadata(
                source,
                Path(clean.name),
                MUXERS[kind.extension],
                audio_only=kind.kind == "audio",
            )
        except NotMedia:
            clean.close()
            raise not_media from None
    kind = MediaKind("video" if probe.has_video else "audio", kind.extension)
    clean.seek(0)
    return kind, File(clean, name=f"{kind.kind}.{kind.extension}")
