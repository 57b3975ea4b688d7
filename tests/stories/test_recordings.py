"""A story told by voice, the server's side: the resumable upload (tus) of a recording, its checks
by content, and what it refuses: sizes, offsets, another visitor's upload, too many uploads."""

import json
import shutil
import subprocess

import pytest
from django.core.cache import cache
from django.test import Client

from stories.models import StoryPage, StorySubmission, SubmissionFile

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg (Debian) checks recordings"),
]

FORM_URL = "/en/stories/tell-your-story/"
UPLOADS = FORM_URL + "recordings/"
TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def recording(tmp_path, codec="libopus", container="webm", seconds=2, **extra) -> bytes:
    """A recording as a browser makes one, with a tag that must not survive."""
    out = tmp_path / f"voice.{container}"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            *extra.get("inputs", []),
            "-c:a",
            codec,
            "-metadata",
            "title=Kitchen at Hlavná 5",
            str(out),
        ],
        check=True,
    )
    return out.read_bytes()


def create(client, length: int, **headers):
    return client.post(
        UPLOADS, b"", content_type="", HTTP_UPLOAD_LENGTH=str(length), **TUS, **headers
    )


def patch(client, url, data: bytes, offset: int):
    return client.generic(
        "PATCH",
        url,
        data,
        content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET=str(offset),
        **TUS,
    )


def upload(client, data: bytes, parts: int = 3) -> str:
    response = create(client, len(data))
    assert response.status_code == 201, response.content
    url = response["Location"]
    size = -(-len(data) // parts)
    for start in range(0, len(data), size):
        answer = patch(client, url, data[start : start + size], start)
        assert answer.status_code == 204, answer.content
    return url


def test_a_recording_arrives_in_parts_resumes_and_becomes_an_audio_block(
    client, stories_index, tmp_path, django_capture_on_commit_callbacks
):
    data = recording(tmp_path)
    response = create(client, len(data))
    assert response.status_code == 201
    url = response["Location"]
    assert url.startswith(UPLOADS) and url.endswith("/")
    # The first part arrives; the connection drops; the phone asks where to go on.
    assert patch(client, url, data[:5000], 0).status_code == 204
    head = client.head(url, **TUS)
    assert head.status_code == 200
    assert head["Upload-Offset"] == "5000"
    assert head["Upload-Length"] == str(len(data))
    assert head["Cache-Control"] == "no-store"
    # Sending from the wrong place is refused with the right one.
    wrong = patch(client, url, data[:100], 0)
    assert wrong.status_code == 409
    assert wrong["Upload-Offset"] == "5000"
    # Not confirmed before the last byte.
    assert client.get(url).status_code == 409
    assert patch(client, url, data[5000:], 5000).status_code == 204
    confirmed = client.get(url).json()
    assert confirmed["status"] == "ready"
    assert 1.5 < confirmed["duration"] < 2.5

    # A title and the consents are enough then.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            FORM_URL,
            {
                "email": "maria@example.org",
                "language": "en",
                "title": "Told aloud",
                "text": "",
                "recording": confirmed["token"],
                "consent_publish": "on",
                "website": "",
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    submission = StorySubmission.objects.get()
    assert submission.text == ""
    [stored] = submission.files.all()
    assert stored.kind == SubmissionFile.Kind.AUDIO
    assert stored.file.name.endswith(".webm")
    kept = stored.file.read()
    assert b"Hlavn" not in kept  # the metadata is gone
    assert kept[:4] == b"\x1a\x45\xdf\xa3"
    # The draft story has the recording as an audio block with an empty transcript.
    page = StoryPage.objects.get(pk=submission.story_page_id)
    [block] = list(page.body)
    assert block.block_type == "audio"
    assert block.value["transcript"] == ""
    assert block.value["audio"].type == "audio"
    # The upload is gone from the waiting folder: its token cannot be sent twice.
    assert client.head(url, **TUS).status_code == 404


@pytest.mark.parametrize(
    ("codec", "container", "extension"), [("libopus", "ogg", "ogg"), ("aac", "m4a", "m4a")]
)
def test_firefox_and_safari_recordings_are_kept_too(
    client, stories_index, tmp_path, codec, container, extension
):
    url = upload(client, recording(tmp_path, codec=codec, container=container))
    assert client.get(url).json()["status"] == "ready"


def send_without_text(client, **fields):
    """Send the form with an empty story text (and `fields`, such as a recording's token)."""
    data = {"email": "m@example.org", "language": "en", "title": "T", "text": ""}
    return client.post(FORM_URL, {**data, **fields, "consent_publish": "on"})


def test_typing_stays_required_without_a_recording(client, stories_index):
    response = send_without_text(client)
    assert response.status_code == 200
    assert "Please write your story here, or record it." in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_a_forged_or_unknown_token_is_refused(client, stories_index):
    response = send_without_text(client, recording="abc:def")
    assert response.status_code == 200
    assert "Your recording did not reach us" in response.content.decode()
    assert not StorySubmission.objects.exists()


def test_what_is_not_a_recording_is_refused(client, stories_index, tmp_path):
    # A video, a web page named .webm, and silence too long for the limit.
    video = tmp_path / "v.webm"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=duration=1:size=64x64",
            "-c:v",
            "libvpx",
            str(video),
        ],
        check=True,
    )
    for data in (
        video.read_bytes(),
        b"\x1a\x45\xdf\xa3<html><script>alert(1)</script></html>" * 10,
        b"<html>" + b"x" * 500,
    ):
        response = create(client, len(data))
        url = response["Location"]
        answer = patch(client, url, data, 0)
        assert answer.status_code == 422
        assert "not a sound recording" in json.loads(answer.content)["message"]
        assert client.head(url, **TUS).status_code == 404  # deleted at once
        cache.clear()


def test_a_recording_over_the_time_limit_is_refused(client, stories_index, tmp_path, settings):
    settings.STORIES_MAX_RECORDING_SECONDS = 60
    data = recording(tmp_path, seconds=75)
    response = create(client, len(data))
    answer = patch(client, response["Location"], data, 0)
    assert answer.status_code == 422
    assert "longer than 1 minutes" in json.loads(answer.content)["message"]


def test_sizes_and_headers_are_checked(client, stories_index, settings):
    settings.STORIES_MAX_MEDIA_MB = 1
    assert create(client, 2 * 1024 * 1024).status_code == 413
    assert create(client, 0).status_code == 400  # nothing to receive is not "too big"
    assert client.post(UPLOADS, b"", content_type="", **TUS).status_code == 400  # no length
    assert client.post(UPLOADS, b"", content_type="", HTTP_UPLOAD_LENGTH="10").status_code == 412
    url = create(client, 10)["Location"]
    # More bytes than announced.
    assert patch(client, url, b"x" * 20, 0).status_code == 413
    assert client.head(url, **TUS)["Upload-Offset"] == "0"
    assert (
        client.generic(
            "PATCH", url, b"x", content_type="text/plain", HTTP_UPLOAD_OFFSET="0", **TUS
        ).status_code
        == 415
    )
    assert patch(client, url, b"x", "-1").status_code == 400  # not a tus offset at all
    assert (
        client.generic(
            "PATCH",
            url,
            b"x",
            content_type="application/offset+octet-stream",
            HTTP_UPLOAD_OFFSET="abc",
            **TUS,
        ).status_code
        == 400
    )


def test_another_visitors_upload_is_not_found(client, stories_index, tmp_path):
    data = recording(tmp_path)
    url = create(client, len(data))["Location"]
    stranger = Client()
    assert stranger.head(url, **TUS).status_code == 404
    assert patch(stranger, url, data, 0).status_code == 404
    assert stranger.get(url).status_code == 404
    assert stranger.delete(url, **TUS).status_code == 404
    assert stranger.head(UPLOADS + "../../../etc/passwd/", **TUS).status_code == 404
    assert stranger.head(UPLOADS + "0" * 32 + "/", **TUS).status_code == 404
    assert client.head(url, **TUS).status_code == 200


def test_uploads_count_on_the_forms_rate_limit(client, stories_index, settings):
    settings.STORIES_ATTEMPT_LIMIT = 2
    assert create(client, 10).status_code == 201
    assert create(client, 10).status_code == 201
    refused = create(client, 10)
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(settings.STORIES_RATE_LIMIT_WINDOW)
    assert "many tries" in refused.json()["message"]
    # The form itself now waits too.
    assert client.post(FORM_URL, {"title": "x"}).status_code == 429


def test_the_recorder_is_offered_in_the_readers_language_with_a_fallback(client, stories_index):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/de/stories/tell-your-story/").content, "html.parser")
    recorder = html.select_one("[data-recorder]")
    assert recorder.has_attr("hidden")  # shown by the script where the browser can record
    assert recorder.select_one("[data-recorder-start]").get_text() == "Aufnahme starten"
    assert "bis zu 15 Minuten" in recorder.select_one("#recorder-help").get_text()
    assert recorder["data-upload-url"] == "/de/stories/tell-your-story/recordings/"
    # Without JavaScript: the note says how to send a recording made with another app.
    fallback = html.select_one("[data-recorder-fallback]")
    assert not fallback.has_attr("hidden")
    assert "Sprachaufnahme-App" in fallback.get_text()
    assert html.select_one("input[name=recording]")["type"] == "hidden"


# The protocol's details (https://tus.io/protocols/resumable-upload).


@pytest.mark.parametrize("length", ["0", "-5", "+100", "1_000", "100 ", " 100", "1e3", "", "٣"])
def test_upload_length_is_plain_digits_and_more_than_nothing(client, stories_index, length):
    response = client.post(UPLOADS, b"", content_type="", HTTP_UPLOAD_LENGTH=length, **TUS)
    assert response.status_code == 400
    assert response.json()["message"] == "The recording's size is missing."


@pytest.mark.parametrize("offset", ["+0", "0 ", "-0", "0_0"])
def test_upload_offset_is_plain_digits(client, stories_index, offset):
    url = create(client, 10)["Location"]
    response = client.generic(
        "PATCH",
        url,
        b"x" * 10,
        content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET=offset,
        **TUS,
    )
    assert response.status_code == 400
    assert client.head(url, **TUS)["Upload-Offset"] == "0"


def test_a_second_patch_while_the_first_is_writing_gets_409(client, stories_index):
    from stories.recordings import Upload

    url = create(client, 100)["Location"]
    upload = Upload(url.rstrip("/").rsplit("/", 1)[-1])
    with upload.receiving() as alone:  # the first PATCH, still receiving its bytes
        assert alone
        second = patch(client, url, b"x" * 50, 0)
        assert second.status_code == 409
        assert second["Upload-Offset"] == "0"
    assert upload.part.read_bytes() == b""  # nothing appended twice
    assert patch(client, url, b"x" * 50, 0).status_code == 204


def test_without_the_csrf_header_the_upload_answers_json(stories_index):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(UPLOADS, b"", content_type="", HTTP_UPLOAD_LENGTH="10", **TUS)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "reload the page" in response.json()["message"]


def test_termination_is_advertised_as_delete_is_served(client, stories_index):
    options = client.options(UPLOADS, **TUS)
    assert set(options["Tus-Extension"].split(",")) == {"creation", "termination"}
    url = create(client, 10)["Location"]
    assert client.delete(url, **TUS).status_code == 204
    assert client.head(url, **TUS).status_code == 404
