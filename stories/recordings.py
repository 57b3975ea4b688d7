"""Stories told by voice: the resumable upload of a recording made in the browser, and its checks.

The upload speaks the tus protocol (https://tus.io/protocols/resumable-upload: core, creation and
termination),
so the browser uses the standard client, tus-js-client (npm): a phone that loses its connection
continues where the server says it stopped (HEAD gives the offset), never from the start. The
server is our own few lines: the one Python tus server for Django (django-tus 0.5, 2020) is no
longer maintained, and the others are FastAPI routers.

    POST  <stories>/tell-your-story/recordings/        Upload-Length: n   -> 201, Location
    HEAD  <stories>/tell-your-story/recordings/<id>/                     -> Upload-Offset
    PATCH <stories>/tell-your-story/recordings/<id>/   Upload-Offset: k, the next bytes
                                                       -> 204 when stored; the last one is
                                                          checked: 204, or 422 with a message

An upload belongs to the browser session that created it: another visitor's id is "not found".
Parts arrive in a folder outside the media (STORIES_RECORDINGS_DIR); when the last one is in, the
recording is checked by its content (a real audio stream of an allowed type, not longer than
STORIES_MAX_RECORDING_SECONDS, with ffprobe) and copied without its metadata (ffmpeg, stream
copy: nothing is re-encoded). The form then names the upload, and the checked file is stored
with the submission like any other (submissions.save_submission).
"""

import contextlib
import fcntl
import json
import logging
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .submissions import ATTEMPTS, limit_reached
from .uploads import NotMedia, copy_without_metadata, sniff_media

logger = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
SESSION_KEY = "story_recordings"
# Containers the browsers record in (MediaRecorder), and the audio codecs they put in them.
FORMATS = {"webm": "webm", "ogg": "ogg", "m4a": "ipod", "mp4": "ipod"}
AUDIO_CODECS = {"opus", "vorbis", "aac", "mp3"}
# A finished upload is kept this long for its form; older parts and recordings are deleted.
KEEP_SECONDS = 24 * 3600
CHUNK = 64 * 1024
SIGNING_SALT = "stories.recordings"


def folder() -> Path:
    path = Path(settings.STORIES_RECORDINGS_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def max_bytes() -> int:
    return settings.STORIES_MAX_MEDIA_MB * 1024 * 1024


@dataclass
class Upload:
    id: str

    @property
    def part(self) -> Path:
        return folder() / f"{self.id}.part"

    @property
    def info_path(self) -> Path:
        return folder() / f"{self.id}.json"

    def info(self) -> dict:
        try:
            return json.loads(self.info_path.read_text())
        except (OSError, ValueError):
            return {}

    def write_info(self, info: dict) -> None:
        self.info_path.write_text(json.dumps(info))

    @property
    def offset(self) -> int:
        info = self.info()
        if info.get("status") == "ready":
            return info["length"]
        try:
            return self.part.stat().st_size
        except OSError:
            return 0

    def checked_file(self) -> Path | None:
        info = self.info()
        if info.get("status") != "ready":
            return None
        path = folder() / f"{self.id}.clean.{info['extension']}"
        return path if path.exists() else None

    def delete(self) -> None:
        for path in folder().glob(f"{self.id}.*"):
            path.unlink(missing_ok=True)

    @contextlib.contextmanager
    def receiving(self):
        """Held while one PATCH writes: a second PATCH at the same offset, sent before the first
        has finished (a retry, a second tab), would append the same bytes twice. Yields False
        when another request holds it."""
        with (folder() / f"{self.id}.lock").open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def header_number(request, name: str) -> int | None:
    """A tus number header: plain digits only (the protocol's non-negative integer), so "+100",
    "1_000", "100 " or "-5", which int() would read, are refused."""
    value = request.headers.get(name, "")
    return int(value) if re.fullmatch(r"[0-9]{1,20}", value) else None


def csrf_refused(request) -> JsonResponse:
    """The upload without its CSRF token (an expired session, cms.views.csrf_failure): JSON like
    every answer of the upload, so the recorder can say what to do."""
    return refuse(403, _("Your session expired. Please reload the page and record again."))


def own_upload(request, upload_id: str) -> Upload | None:
    """The upload, if this browser session created it (ids are never trusted on their own)."""
    if not re.fullmatch(r"[0-9a-f]{32}", upload_id or ""):
        return None
    if upload_id not in request.session.get(SESSION_KEY, []):
        return None
    upload = Upload(upload_id)
    return upload if upload.info_path.exists() else None


def sweep() -> None:
    """Delete parts and recordings nobody sent a form with within a day."""
    limit = time.time() - KEEP_SECONDS
    for path in folder().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
        except OSError:
            pass


def tus_response(status: int, **headers) -> HttpResponse:
    response = HttpResponse(status=status)
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = str(value)
    return response


def refuse(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"message": message}, status=status)
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    return response


def create(request, location_base: str) -> HttpResponse:
    """POST: a new upload of Upload-Length bytes, for this session."""
    if request.method == "OPTIONS":
        return tus_response(
            204,
            Tus_Version=TUS_VERSION,
            Tus_Extension="creation,termination",
            Tus_Max_Size=max_bytes(),
        )
    if request.method != "POST":
        return tus_response(405, Allow="POST, OPTIONS")
    if request.headers.get("Tus-Resumable") != TUS_VERSION:
        return tus_response(412, Tus_Version=TUS_VERSION)
    length = header_number(request, "Upload-Length")
    if not length:  # missing, not a plain number, or nothing to receive
        return refuse(400, _("The recording's size is missing."))
    if length > max_bytes():
        return refuse(
            413,
            _("The recording is too big: at most %(max)s MB.")
            % {"max": settings.STORIES_MAX_MEDIA_MB},
        )
    # One upload is one try on the form's limits: the same visitor, the same hour.
    limited = limit_reached(request)
    if limited:
        message = (
            _("We have received several stories from your connection. Please wait an hour.")
            if limited == "stories"
            else _("We have received many tries from your connection. Please wait an hour.")
        )
        response = refuse(429, message)
        response["Retry-After"] = str(settings.STORIES_RATE_LIMIT_WINDOW)
        return response
    ATTEMPTS.count(request)
    sweep()
    upload = Upload(uuid.uuid4().hex)
    upload.part.touch()
    upload.write_info({"length": length, "status": "receiving"})
    owned = [*request.session.get(SESSION_KEY, [])][-4:]  # the newest few are enough
    request.session[SESSION_KEY] = [*owned, upload.id]
    return tus_response(201, Location=f"{location_base}{upload.id}/")


def resume(request, upload_id: str) -> HttpResponse:
    """HEAD: how far an upload got. PATCH: the next bytes, from exactly that offset."""
    upload = own_upload(request, upload_id)
    if upload is None:
        return tus_response(404)
    info = upload.info()
    if request.method == "HEAD":
        return tus_response(200, Upload_Offset=upload.offset, Upload_Length=info["length"])
    if request.method == "GET":
        # The server's word that the recording is checked and kept: only then does the browser
        # forget its own copy. The token goes with the form (signed: it names this upload only).
        if info.get("status") != "ready":
            return refuse(409, _("The recording has not arrived yet."))
        return JsonResponse(
            {"status": "ready", "duration": info["duration"], "token": sign(upload.id)},
            headers={"Cache-Control": "no-store"},
        )
    if request.method == "DELETE":
        upload.delete()
        return tus_response(204)
    if request.method != "PATCH":
        return tus_response(405, Allow="HEAD, PATCH, DELETE")
    if request.headers.get("Tus-Resumable") != TUS_VERSION:
        return tus_response(412, Tus_Version=TUS_VERSION)
    if request.content_type != "application/offset+octet-stream":
        return tus_response(415)
    offset = header_number(request, "Upload-Offset")
    if offset is None:
        return tus_response(400)
    with upload.receiving() as alone:
        current = upload.offset
        if not alone or offset != current or upload.info().get("status") != "receiving":
            return tus_response(409, Upload_Offset=current)
        return receive(request, upload, info)


def receive(request, upload: Upload, info: dict) -> HttpResponse:
    """The PATCH's bytes, appended at the offset the client and the server agree on."""
    current = upload.offset
    room = info["length"] - current
    try:
        declared = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        declared = 0
    if declared > room:
        return refuse(413, _("The recording is longer than announced."))
    # What arrived is kept even if the connection drops in the middle: the next HEAD says so.
    with upload.part.open("ab") as part:
        while room > 0:
            try:
                data = request.read(min(CHUNK, room))
            except OSError:
                break
            if not data:
                break
            part.write(data)
            room -= len(data)
    offset = upload.offset
    if offset < info["length"]:
        return tus_response(204, Upload_Offset=offset)
    outcome = check(upload)
    if outcome is not None:
        return refuse(422, outcome)
    return tus_response(204, Upload_Offset=offset)


def sign(upload_id: str) -> str:
    return signing.dumps(upload_id, salt=SIGNING_SALT)


def checked_recording(token: str) -> Upload | None:
    """The checked recording a form names, if the token is ours and the file still waits."""
    try:
        upload_id = signing.loads(token, salt=SIGNING_SALT, max_age=KEEP_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(upload_id, str) or not re.fullmatch(r"[0-9a-f]{32}", upload_id):
        return None
    upload = Upload(upload_id)
    return upload if upload.checked_file() is not None else None


def check(upload: Upload) -> str | None:
    """Check the complete recording by its content and keep a copy without metadata. Returns a
    message for the visitor when it is refused (and deletes it), None when it is ready."""
    info = upload.info()
    with upload.part.open("rb") as part:
        head = part.read(64)
    kind = sniff_media(head)
    if kind is None or kind.extension not in FORMATS:
        upload.delete()
        return _("This is not a sound recording we can keep. Please record again.")
    extension = "m4a" if kind.extension in ("m4a", "mp4") else kind.extension
    clean = folder() / f"{upload.id}.clean.{extension}"
    try:
        # The same cleaning as the form's files: the first audio stream only.
        probe = copy_without_metadata(upload.part, clean, FORMATS[kind.extension], audio_only=True)
    except NotMedia:
        upload.delete()
        return _("This is not a sound recording we can keep. Please record again.")
    streams, duration = probe.streams, probe.duration
    if (
        any(stream.get("codec_type") != "audio" for stream in streams)
        or streams[0].get("codec_name") not in AUDIO_CODECS
    ):
        upload.delete()
        return _("This is not a sound recording we can keep. Please record again.")
    if duration > settings.STORIES_MAX_RECORDING_SECONDS + 2:
        upload.delete()
        return _(
            "The recording is longer than %(minutes)s minutes. Please record a shorter one."
        ) % {"minutes": settings.STORIES_MAX_RECORDING_SECONDS // 60}
    upload.part.unlink(missing_ok=True)
    upload.write_info(
        {**info, "status": "ready", "extension": extension, "duration": round(duration, 1)}
    )
    return None
