"""Safe open doors (issue 8): what an anonymous visitor sends through "Tell your story" can never run
script on the site, publish pages, fill the disk, dodge the rate limit or lose what was typed."""

import io
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageViewRestriction

from cms.core.collection import get_or_create_collection
from cms.core.factories import make_picture, make_tone
from network.factories import CentrePageFactory, CountryPageFactory
from stories import kept_uploads
from stories.models import StorySubmission, SubmissionFile

from .test_submission import (
    FORM_URL,
    PRIVATE_TAGS,
    errors,
    phone_media,
    phone_photo,
    post,
    story_data,
)

pytestmark = pytest.mark.django_db

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@mine.example", "pw")


def files_under(root) -> list[Path]:
    return [path for path in Path(root).rglob("*") if path.is_file()]


def fake_recording() -> SimpleUploadedFile:
    """An "MP3" that is a web page: an empty ID3 tag, then HTML."""
    tag = b"ID3\x04\x00\x00\x00\x00\x00\x00"
    return SimpleUploadedFile("song.html", tag + HTML, content_type="audio/mpeg")


def real_mp3() -> bytes:
    """An ID3 tag followed by MPEG audio frames (a frame sync, then silence)."""
    tag = b"ID3\x04\x00\x00\x00\x00\x00\x04" + b"\x00" * 4
    return tag + (b"\xff\xfb\x90\x64" + b"\x00" * 413) * 4


# 1. Files are named and typed by their content and wait in private storage.


def test_a_web_page_behind_id3_is_refused_and_nothing_is_stored_as_html(client, stories_index):
    before = set(files_under(settings.MEDIA_ROOT)) | set(
        files_under(settings.BRIDGES_PRIVATE_MEDIA_ROOT)
    )
    response = client.post(
        FORM_URL, {**story_data(consent_publish=None), "media_file": fake_recording()}
    )
    assert "not a video or sound file" in " ".join(errors(response)["media_file"])
    after = set(files_under(settings.MEDIA_ROOT)) | set(
        files_under(settings.BRIDGES_PRIVATE_MEDIA_ROOT)
    )
    assert after == before
    assert not [p for p in after if p.suffix == ".html"]


def media_tags(path) -> dict:
    probe = subprocess.run(
        [settings.FFPROBE, "-v", "error", "-of", "json", "-show_entries", "format_tags", path],
        check=True,
        capture_output=True,
    )
    return json.loads(probe.stdout).get("format", {}).get("tags", {})


@pytest.mark.parametrize(
    ("extension", "inputs", "kind"),
    [
        ("mp4", ("testsrc=size=160x120:rate=10", "sine=frequency=440"), "video"),
        ("mp3", ("sine=frequency=440",), "audio"),
    ],
)
def test_video_and_sound_files_are_stored_without_their_metadata(
    client, stories_index, tmp_path, extension, inputs, kind
):
    sent = phone_media(tmp_path, extension, *inputs)
    made = media_tags(tmp_path / f"phone.{extension}")
    assert made["artist"] == PRIVATE_TAGS["artist"]  # the phone's file does carry them
    response = client.post(FORM_URL, {**story_data(), "media_file": sent})
    assert response.status_code == 302
    (upload,) = StorySubmission.objects.get().files.all()
    assert (upload.kind, Path(upload.file.name).suffix) == (kind, f".{extension}")
    stored = Path(upload.file.path).read_bytes()
    for value in PRIVATE_TAGS.values():
        assert value.encode() not in stored
    assert not set(media_tags(upload.file.path)) & {"location", "comment", "artist"}
    # The draft's copy (what an editor publishes) is the clean one.
    media = upload.media
    assert media is not None and PRIVATE_TAGS["artist"].encode() not in media.file.read()
    upload.file.delete(save=False)  # other tests list the private folder


def test_a_web_page_that_starts_like_an_mp4_is_refused(client, stories_index):
    before = set(files_under(settings.BRIDGES_PRIVATE_MEDIA_ROOT))
    polyglot = SimpleUploadedFile("clip.mp4", b"<!--ftypisom-->" + HTML * 40, "video/mp4")
    response = client.post(FORM_URL, {**story_data(consent_publish=None), "media_file": polyglot})
    assert "“clip.mp4” is not a video or sound file" in " ".join(errors(response)["media_file"])
    assert set(files_under(settings.BRIDGES_PRIVATE_MEDIA_ROOT)) == before
    assert StorySubmission.objects.count() == 0


def test_kept_files_wait_in_private_storage_under_an_opaque_id_and_are_named_by_content(
    client, stories_index
):
    media_before = set(files_under(settings.MEDIA_ROOT))
    recording = SimpleUploadedFile("song.html", real_mp3(), content_type="text/html")
    first = client.post(
        FORM_URL,
        {
            **story_data(consent_publish=None),
            "photos": [phone_photo("kitchen.png")],
            "media_file": recording,
        },
    )
    soup = BeautifulSoup(first.content, "html.parser")
    signed = soup.select_one("input[name=kept_files]")["value"]
    # Nothing under MEDIA_ROOT, which the web server serves; the kept files are private, named
    # by what they are (the "PNG" photo is a JPEG, the "html" recording an MP3).
    assert set(files_under(settings.MEDIA_ROOT)) == media_before
    private = files_under(settings.BRIDGES_PRIVATE_MEDIA_ROOT)
    assert sorted(p.suffix for p in private) == [".jpg", ".mp3"]
    # The signed value names no path or folder: random ids and the formats the checks found.
    payload = json.loads(signed.rsplit(":", 2)[0])
    assert [(item["extension"], item["kind"]) for item in payload] == [
        ("jpg", "photo"),
        ("mp3", "audio"),
    ]
    assert all(set(item) == {"id", "extension", "kind", "label"} for item in payload)
    assert "pending" not in signed and "/" not in signed.rsplit(":", 2)[0]

    boxes = [box["value"] for box in soup.select(".kept-files input[name=keep]")]
    second = client.post(FORM_URL, {**story_data(), "kept_files": signed, "keep": boxes})
    assert second.status_code == 302
    submission = StorySubmission.objects.get()
    for upload in submission.files.all():
        path = Path(upload.file.path)
        assert path.is_relative_to(settings.BRIDGES_PRIVATE_MEDIA_ROOT)
        assert path.suffix in (".jpg", ".mp3")
    # Re-sending made no copies where the web server serves files, beyond the draft's own image
    # and recording (in the Submissions collection, under random names).
    new_public = set(files_under(settings.MEDIA_ROOT)) - media_before
    assert not [
        p for p in new_public if "submissions" in p.parts or p.parent == settings.MEDIA_ROOT
    ]
    assert not [p for p in new_public if p.suffix not in (".jpg", ".mp3")]
    assert not files_under(Path(settings.BRIDGES_PRIVATE_MEDIA_ROOT) / "pending")


def test_submitted_files_are_served_only_to_editors_with_nosniff(client, stories_index, editor):
    client.post(FORM_URL, {**story_data(), "photos": [phone_photo()]})
    upload = StorySubmission.objects.get().files.get()
    url = f"/admin/story-submissions/file/{upload.pk}/"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]

    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    # A file of any other type (none is stored today, but a file moved in by hand could be) is a
    # download, never shown inline.
    upload.file.name = upload.file.name.rsplit(".", 1)[0] + ".html"
    Path(upload.file.storage.path(upload.file.name)).write_bytes(HTML)
    upload.save()
    other = client.get(url)
    assert other["Content-Disposition"].startswith("attachment")
    assert other["Content-Type"] == "application/octet-stream"
    # The inspect view links to the protected view, not to a public address.
    inspect = client.get(f"/admin/story_submissions/inspect/{upload.submission.pk}/")
    assert url.encode() in inspect.content and b"/media/submissions" not in inspect.content


def test_django_serves_public_media_with_its_type_and_never_unreviewed_photos(
    client, stories_index
):
    from cms.views import serve_media

    client.post(FORM_URL, {**story_data(), "photos": [phone_photo()]})
    unreviewed = StorySubmission.objects.get().files.get().image
    Image = get_image_model()
    public = Image.objects.create(
        title="Public", file=SimpleUploadedFile("public.jpg", make_picture(1))
    )
    page = Path(settings.MEDIA_ROOT) / "media" / "evil.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes(HTML)
    rendition = unreviewed.get_rendition("width-100")

    factory = RequestFactory()

    def get(path):
        from django.http import Http404

        try:
            return serve_media(factory.get("/media/" + path), path)
        except Http404:
            return None

    assert get(unreviewed.file.name) is None
    assert get(rendition.file.name) is None
    served = get(public.file.name)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert served["X-Content-Type-Options"] == "nosniff"
    evil = get("media/evil.html")
    assert evil["Content-Type"] == "application/octet-stream"
    assert evil["Content-Disposition"] == "attachment"
    # The same files by other spellings of their paths (the static server normalises them).
    for name in (unreviewed.file.name, rendition.file.name):
        folder, file = name.rsplit("/", 1)
        for spelling in (f"{folder}/./{file}", f"{folder}//{file}", f"/{name}", f"x/../{name}"):
            assert get(spelling) is None, spelling
    # Documents are Wagtail's to serve (its view checks a collection's privacy), never from here.
    Path(settings.MEDIA_ROOT, "documents").mkdir(exist_ok=True)
    Path(settings.MEDIA_ROOT, "documents", "minutes.txt").write_text("secret minutes")
    assert get("documents/minutes.txt") is None
    assert get("media/../documents/minutes.txt") is None


# 2. No anonymous request creates, publishes or aliases a page.


def test_a_ukrainian_story_publishes_no_page_and_is_thanked_in_ukrainian(
    client, stories_index, slovakia, section_pages
):
    addresses = ["/uk/", "/uk/stories/", FORM_URL.replace("/en/", "/uk/"), "/uk/events/"]
    before = {address: client.get(address).status_code for address in addresses}
    pages = Page.objects.count()

    response = client.post(
        "/uk/stories/tell-your-story/",
        story_data(language="uk", country=str(slovakia.pk), title="Наша кухня"),
    )
    assert response["Location"] == "/uk/stories/tell-your-story/thank-you/"
    thanks = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert thanks.html["lang"] == "uk"

    assert not Page.objects.filter(locale__language_code="uk").exists()
    assert Page.objects.count() == pages + 1
    story = StorySubmission.objects.get().story_page.specific
    assert story.get_parent().pk == slovakia.pk and not story.live
    assert story.locale.language_code == "en" and story.original_language == "uk"
    assert story.title == "Наша кухня"
    assert {address: client.get(address).status_code for address in addresses} == before


# 3. Disk and memory.


def huge_png(side: int = 10_000) -> SimpleUploadedFile:
    """A small file that would unpack to `side`² pixels (a black 1-bit picture compresses well)."""
    buffer = io.BytesIO()
    Image.new("1", (side, side)).save(buffer, "PNG")
    return SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png")


def test_a_photo_with_too_many_pixels_is_refused_from_its_header(
    client, stories_index, monkeypatch
):
    upload = huge_png()
    assert upload.size < 1024 * 1024

    def no_decoding(self, *args, **kwargs):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr("PIL.ImageFile.ImageFile.load", no_decoding)
    response = client.post(FORM_URL, {**story_data(), "photos": [upload]})
    assert response.status_code == 200
    message = " ".join(errors(response)["photos"])
    assert "10000 × 10000 pixels" in message and "40 megapixels" in message
    assert BeautifulSoup(response.content, "html.parser").select_one("#id_title")["value"] == (
        "Our Tuesday kitchen"
    )
    assert StorySubmission.objects.count() == 0


def test_pixel_limit_has_a_safe_default():
    assert settings.STORIES_MAX_IMAGE_PIXELS == 40_000_000


@override_settings(STORIES_RATE_LIMIT=2)
def test_forms_sent_back_with_mistakes_do_not_count_as_stories(client, stories_index):
    # A mother correcting her mistakes (or a workshop on one Wi-Fi) is not stopped by them.
    for _ in range(4):
        assert post(client, consent_publish=None).status_code == 200
    assert post(client, title="First").status_code == 302
    assert post(client, title="Second").status_code == 302
    response = post(client, title="Third")
    assert response.status_code == 429
    alert = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]").get_text()
    assert "several stories from your connection" in alert
    assert StorySubmission.objects.count() == 2


@override_settings(STORIES_ATTEMPT_LIMIT=2)
def test_every_post_counts_on_the_higher_limit_and_the_429_page_keeps_the_story(
    client, stories_index
):
    assert post(client, consent_publish=None).status_code == 200
    assert post(client, email="not an address").status_code == 200
    response = post(client, title="A story I must not lose")
    assert response.status_code == 429
    soup = BeautifulSoup(response.content, "html.parser")
    assert "many tries to send this form" in soup.select_one("[role=alert]").get_text()
    assert "Please wait an hour" in soup.select_one("[role=alert]").get_text()
    assert soup.html["lang"] == "en"
    assert soup.select_one("#id_title")["value"] == "A story I must not lose"
    assert "kitchen of our centre" in soup.select_one("#id_text").get_text()
    assert soup.select_one("#id_consent_publish").has_attr("checked")
    assert StorySubmission.objects.count() == 0


@override_settings(STORIES_KEPT_FILES_QUOTA_MB=1)
def test_kept_files_have_a_quota_per_address(client, stories_index):
    pending = Path(settings.BRIDGES_PRIVATE_MEDIA_ROOT) / "pending"
    before = set(files_under(pending))
    sound = SimpleUploadedFile("voice.wav", make_tone(24.0), "audio/wav")  # about 700 KB
    assert 512 * 1024 < sound.size < 1024 * 1024
    client.post(FORM_URL, {**story_data(consent_publish=None), "media_file": sound})
    assert len(set(files_under(pending)) - before) == 1
    again = SimpleUploadedFile("voice.wav", make_tone(24.0), "audio/wav")
    response = client.post(FORM_URL, {**story_data(consent_publish=None), "media_file": again})
    assert len(set(files_under(pending)) - before) == 1
    assert "please choose them again" in response.content.decode()
    # Another address has its own quota.
    other = SimpleUploadedFile("voice.wav", make_tone(24.0), "audio/wav")
    client.post(
        FORM_URL,
        {**story_data(consent_publish=None), "media_file": other},
        REMOTE_ADDR="10.1.2.3",
    )
    assert len(set(files_under(pending)) - before) == 2


@override_settings(STORIES_KEPT_FILES_QUOTA_MB=1)
def test_the_kept_files_quota_counts_an_ipv6_slash_64_as_one_client(client, stories_index):
    pending = Path(settings.BRIDGES_PRIVATE_MEDIA_ROOT) / "pending"
    before = set(files_under(pending))
    for address in ("2001:db8:5:6::1", "2001:db8:5:6::2"):
        sound = SimpleUploadedFile("voice.wav", make_tone(24.0), "audio/wav")  # about 700 KB
        client.post(
            FORM_URL,
            {**story_data(consent_publish=None), "media_file": sound},
            REMOTE_ADDR=address,
        )
    assert len(set(files_under(pending)) - before) == 1


def old_kept_file() -> Path:
    kept = kept_uploads.keep(io.BytesIO(b"RIFF"), "wav", "audio", "old.wav")
    path = Path(settings.BRIDGES_PRIVATE_MEDIA_ROOT) / kept.name
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(path, (two_days_ago, two_days_ago))
    return path


def test_abandoned_kept_files_are_cleaned_by_the_task_not_by_the_next_visitor(
    client, stories_index
):
    from stories.tasks import clear_kept_uploads

    path = old_kept_file()
    post(client)  # the next visitor's story leaves other people's files alone
    assert path.exists()
    fresh = kept_uploads.keep(io.BytesIO(b"RIFF"), "wav", "audio", "new.wav")
    assert clear_kept_uploads.enqueue().return_value == 1
    assert not path.exists()
    assert (Path(settings.BRIDGES_PRIVATE_MEDIA_ROOT) / fresh.name).exists()

    path = old_kept_file()
    call_command("clear_kept_uploads", stdout=io.StringIO())
    assert not path.exists()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_the_cleanup_task_queues_its_next_run_an_hour_later():
    from django.utils import timezone
    from django_tasks import default_task_backend

    from stories.tasks import clear_kept_uploads

    call_command("clear_kept_uploads", "--schedule", stdout=io.StringIO())
    assert [r.task.func for r in default_task_backend.results] == [clear_kept_uploads.func]
    clear_kept_uploads.call()
    later = default_task_backend.results[-1].task.run_after
    assert 3500 < (later - timezone.now()).total_seconds() <= 3600
    default_task_backend.clear()


# 4. The client address.


@override_settings(BRIDGES_TRUSTED_PROXY_COUNT=1, STORIES_RATE_LIMIT=5)
def test_a_forged_forwarded_for_does_not_bypass_the_limit(client, stories_index):
    statuses = [
        client.post(
            FORM_URL,
            story_data(title=f"Story {n}"),
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7",
            REMOTE_ADDR="127.0.0.1",
        ).status_code
        for n in range(8)
    ]
    assert statuses == [302] * 5 + [429] * 3
    # The real next address, written by the proxy, has its own count.
    other = client.post(
        FORM_URL,
        story_data(),
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.8",
        REMOTE_ADDR="127.0.0.1",
    )
    assert other.status_code == 302


@override_settings(
    BRIDGES_TRUSTED_PROXY_COUNT=0,
    STORIES_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
    STORIES_RATE_LIMIT=5,
)
def test_without_a_trusted_proxy_forwarded_for_is_ignored(client, stories_index):
    statuses = [
        client.post(
            FORM_URL, story_data(title=f"Story {n}"), HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(8)
    ]
    assert statuses == [302] * 5 + [429] * 3


@override_settings(STORIES_RATE_LIMIT=2)
def test_an_ipv6_client_is_counted_by_its_slash_64(client, stories_index):
    def send(address):
        return client.post(FORM_URL, story_data(), REMOTE_ADDR=address).status_code

    assert send("2001:db8:1:2::1") == 302
    assert send("2001:db8:1:2:ffff:ffff:ffff:fffe") == 302
    assert send("2001:db8:1:2::abcd") == 429  # another address of the same /64
    assert send("2001:db8:1:3::1") == 302  # the next /64 is another client


def test_a_client_is_an_ipv4_address_or_an_ipv6_slash_64():
    from cms.client_ip import client_bucket

    def bucket(address):
        return client_bucket(RequestFactory().get("/", REMOTE_ADDR=address))

    assert bucket("203.0.113.5") == "203.0.113.5"
    assert bucket("::ffff:203.0.113.5") == "203.0.113.5"
    assert bucket("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert bucket("2001:DB8:1:2::9") == "2001:db8:1:2::/64"


def test_the_client_address_helper_counts_proxies_from_the_right():
    from cms.client_ip import client_address

    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5, 10.0.0.1"
    )
    with override_settings(BRIDGES_TRUSTED_PROXY_COUNT=0):
        assert client_address(request) == "10.0.0.2"
    with override_settings(BRIDGES_TRUSTED_PROXY_COUNT=1):
        assert client_address(request) == "10.0.0.1"
    with override_settings(BRIDGES_TRUSTED_PROXY_COUNT=2):
        assert client_address(request) == "203.0.113.5"


# 5. Lost words.


def test_an_overlong_email_is_explained_next_to_the_field(client, stories_index):
    email = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".org"
    assert len(email) == 312
    response = post(client, email=email)
    assert response.status_code == 200
    assert errors(response)["email"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_title")["value"] == "Our Tuesday kitchen"
    assert StorySubmission.objects.count() == 0


def test_every_form_field_fits_its_database_column():
    from stories.forms import StorySubmissionForm

    form = StorySubmissionForm()
    checked = []
    for field in StorySubmission._meta.get_fields():
        limit = getattr(field, "max_length", None)
        if limit and field.name in form.fields and not getattr(field, "choices", None):
            assert form.fields[field.name].max_length is not None, field.name
            assert form.fields[field.name].max_length <= limit, field.name
            checked.append(field.name)
    assert sorted(checked) == ["email", "photo_description", "public_name", "title"]


def test_an_expired_session_brings_the_form_back_filled_in_the_visitors_language(
    stories_index, locale_de
):
    from cms.core.translation import translate_page

    translate_page(stories_index.get_parent(), "de", {})
    translate_page(stories_index, "de", {})
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/de/stories/tell-your-story/", story_data(language="de", title="Unsere Küche")
    )
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    assert "Sitzung" in soup.select_one("[role=alert]").get_text()
    assert soup.select_one("#id_title")["value"] == "Unsere Küche"
    assert "kitchen of our centre" in soup.select_one("#id_text").get_text()
    assert soup.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert StorySubmission.objects.count() == 0


def test_an_expired_session_says_the_chosen_files_must_be_chosen_again(stories_index):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(FORM_URL, {**story_data(), "photos": [phone_photo()]})
    assert response.status_code == 403
    alert = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]").get_text()
    assert "Everything you wrote is still here" in alert
    assert "please choose them again" in alert
    # Without files, no word about them.
    response = browser.post(FORM_URL, story_data())
    alert = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]").get_text()
    assert "choose them again" not in alert


@override_settings(STORIES_RATE_LIMIT=0)
def test_the_429_page_says_the_chosen_files_must_be_chosen_again(client, stories_index):
    response = client.post(FORM_URL, {**story_data(), "photos": [phone_photo()]})
    assert response.status_code == 429
    alert = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]").get_text()
    assert "Everything you wrote is still here" in alert
    assert "please choose them again" in alert


@pytest.fixture
def german_form(stories_index, locale_de):
    from cms.core.translation import translate_page

    translate_page(stories_index.get_parent(), "de", {})
    translate_page(stories_index, "de", {})
    return "/de/stories/tell-your-story/"


def bad_request_page(response):
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.select_one("header.site-header")  # the site's layout, not Django's bare page
    return soup


def test_too_many_files_get_a_400_page_in_the_visitors_language(client, german_form):
    files = [SimpleUploadedFile(f"{n}.jpg", b"x") for n in range(101)]
    soup = bad_request_page(client.post(german_form, {**story_data(), "photos": files}))
    assert soup.h1.get_text(strip=True) == "Das Formular konnte nicht gesendet werden"
    assert "zu viele Dateien" in soup.select_one("main").get_text()
    assert soup.find("a", string="Zurück zum Formular")["href"] == german_form


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=20_000)
def test_too_much_text_gets_a_400_page_that_says_so(client, german_form):
    soup = bad_request_page(client.post(german_form, story_data(text="Wort " * 10_000)))
    assert "zu groß" in soup.select_one("main").get_text()
    assert soup.find("a", string="Zurück zum Formular")["href"] == german_form


def test_a_multipart_request_without_a_boundary_gets_a_400_page(client, german_form):
    response = client.generic("POST", german_form, b"x=1", content_type="multipart/form-data")
    soup = bad_request_page(response)
    assert "nicht lesen" in soup.select_one("main").get_text()


def test_an_expired_session_elsewhere_shows_the_text_to_copy_but_no_password(home_page):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/en/search/", {"comment": "A long text I typed", "password": "secret"})
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en" and soup.select_one("header, nav")  # a Bridges page
    assert [t.get_text() for t in soup.select("textarea")] == ["A long text I typed"]
    assert b"secret" not in response.content


# 8. The form's lists name public pages only.


def test_the_form_lists_only_public_countries_and_centres(
    client, stories_index, slovakia, nezabudka, hungary
):
    private_centre = CentrePageFactory(parent=slovakia, slug="secret-centre", title="Secret")
    PageViewRestriction.objects.create(
        page=private_centre, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    hidden_country = CountryPageFactory(
        parent=slovakia.get_parent(), slug="hidden", title="Hidden land", country_code="HL"
    )
    PageViewRestriction.objects.create(
        page=hidden_country, restriction_type=PageViewRestriction.LOGIN
    )
    soup = BeautifulSoup(client.get(FORM_URL).content, "html.parser")
    countries = [o.get_text() for o in soup.select("#id_country option")]
    centres = [o.get_text() for o in soup.select("#id_centre option")]
    assert "Slovakia" in countries and "Hungary" in countries and "Hidden land" not in countries
    assert "MC Nezábudka Žilina" in centres and "Secret" not in centres
    response = post(client, centre=str(private_centre.pk), country=str(hidden_country.pk))
    assert set(errors(response)) == {"centre", "country"}


# 9. Unreviewed photos.


def test_choosers_hide_unreviewed_files_until_moved_to_another_collection(
    client, stories_index, editor
):
    client.post(
        FORM_URL,
        {
            **story_data(title="Kitchen"),
            "photos": [phone_photo()],
            "media_file": SimpleUploadedFile("v.wav", make_tone(0.2), "audio/wav"),
        },
    )
    submission = StorySubmission.objects.get()
    photo = submission.files.get(kind="photo").image
    recording = submission.files.get(kind="audio").media
    client.force_login(editor)

    def offered(url, obj):
        response = client.get(url)
        assert response.status_code == 200
        return f"/{obj.pk}/" in response.content.decode() or (
            f'data-object-id="{obj.pk}"' in response.content.decode()
        )

    assert not offered("/admin/images/chooser/", photo)
    assert not offered("/admin/images/chooser/results/?q=Kitchen", photo)
    assert not offered("/admin/media/chooser/", recording)
    # The reviewing editor sees the photo in the draft story.
    edit = client.get(f"/admin/pages/{submission.story_page_id}/edit/")
    assert edit.status_code == 200 and photo.title in edit.content.decode()

    # Reviewed: an editor moves the files to another collection; now they are offered.
    reviewed = get_or_create_collection("Reviewed stories")
    photo.collection = reviewed
    photo.save()
    recording.collection = reviewed
    recording.save()
    assert offered("/admin/images/chooser/", photo)
    assert offered("/admin/images/chooser/results/?q=Kitchen", photo)
    assert offered("/admin/media/chooser/", recording)
    assert Collection.objects.filter(name="Submissions").exists()
    assert isinstance(submission.files.get(kind="photo"), SubmissionFile)


def test_a_photo_far_over_pillows_own_limit_gets_the_same_clear_message(client, stories_index):
    response = client.post(FORM_URL, {**story_data(), "photos": [huge_png(20_000)]})
    assert "more than 40 megapixels" in " ".join(errors(response)["photos"])


def test_publishing_a_sent_in_story_makes_the_photos_it_shows_public(client, stories_index, editor):
    from django.urls import reverse

    from cms.views import serve_media

    two_photos = [phone_photo("one.jpg"), phone_photo("two.jpg")]
    assert client.post(FORM_URL, {**story_data(), "photos": two_photos}).status_code == 302
    submission = StorySubmission.objects.get()
    story = submission.story_page.specific
    hero, second = (upload.image for upload in submission.files.order_by("pk"))
    assert {hero.collection.name, second.collection.name} == {"Submissions"}
    # The editor keeps the hero photo and takes the second one out of the story.
    story.body = [block for block in story.body.raw_data if block["type"] != "image"]
    story.save_revision()

    # Approve and Publish, through the admin.
    client.force_login(editor)
    task_state = story.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    client.logout()

    hero.refresh_from_db()
    second.refresh_from_db()
    assert hero.collection.name == "Reviewed stories"
    assert second.collection.name == "Submissions"  # not on the page: still private
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    sources = [
        src
        for img in soup.select("img")
        for src in [img.get("src", ""), *img.get("srcset", "").replace(",", " ").split()]
        if src.startswith(settings.MEDIA_URL)
    ]
    assert sources
    for src in sources:
        path = src.removeprefix(settings.MEDIA_URL)
        assert serve_media(RequestFactory().get(src), path).status_code == 200, src
    listed = client.get("/api/v2/images/").json()["items"]
    assert hero.pk in [item["id"] for item in listed]
    assert second.pk not in [item["id"] for item in listed]
