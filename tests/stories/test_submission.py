"""Tell your story: a visitor sends a story, editors find it as a draft in moderation, and nothing
of the sender's personal data reaches the public site or the API."""

import io
import re
import subprocess
import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image
from wagtail.models import Page, WorkflowState

from cms.core.factories import make_picture, make_tone
from cms.core.models import OutgoingMail
from stories.models import StoryPage, StorySubmission, SubmissionFile
from tests.mail_helpers import queued_mail_to, run_worker, silent_smtp_server

pytestmark = pytest.mark.django_db

FORM_URL = "/en/stories/tell-your-story/"
STORY_TEXT = (
    "Every Tuesday we meet in the kitchen of our centre. We cook, the children play, and for an "
    "hour nobody is alone.\n\nWhen the war began in Ukraine, three mothers joined us. Today they "
    "cook with us."
)
GPS_LATITUDE = 2


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@mine.example", "pw")


def phone_photo(name: str = "IMG_0001.jpg") -> SimpleUploadedFile:
    """A JPEG as a phone saves it: with EXIF, including where it was taken (GPS)."""
    picture = Image.open(io.BytesIO(make_picture(3, size=(800, 600))))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x9003] = "2022:03:22 10:00:00"  # date taken
    gps = exif.get_ifd(0x8825)
    gps[1], gps[GPS_LATITUDE] = "N", (49.0, 13.0, 30.0)
    gps[3], gps[4] = "E", (18.0, 44.0, 20.0)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


PRIVATE_TAGS = {
    "location": "+48.1500+011.5800/",
    "comment": "Recorded at Jana's flat, Hauptstrasse 5",
    "artist": "Jana Privatnamen",
}


def phone_media(tmp_path, extension: str, *inputs: str) -> SimpleUploadedFile:
    """A video or sound file as ffmpeg makes it, with where it was made and by whom in its tags."""
    path = tmp_path / f"phone.{extension}"
    sources = [arg for spec in inputs for arg in ("-f", "lavfi", "-i", spec)]
    tags = [arg for name, value in PRIVATE_TAGS.items() for arg in ("-metadata", f"{name}={value}")]
    subprocess.run(
        [settings.FFMPEG, "-v", "error", "-y", *sources, "-t", "1", *tags, str(path)],
        check=True,
        capture_output=True,
    )
    return SimpleUploadedFile(f"IMG_0001.{extension}", path.read_bytes())


def story_data(**changes) -> dict:
    data = {
        "public_name": "Jana",
        "email": "jana.private@example.org",
        "country": "",
        "centre": "",
        "language": "en",
        "title": "Our Tuesday kitchen",
        "text": STORY_TEXT,
        "photo_description": "Mothers cooking together",
        "consent_publish": "on",
        "consent_contact": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, url=FORM_URL, **changes):
    return client.post(url, story_data(**changes))


def errors(response) -> dict[str, list[str]]:
    """The messages shown next to each field, by field name."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        box["id"].removeprefix("field-"): [
            li.get_text(strip=True) for li in box.select(".errorlist li")
        ]
        for box in soup.select(".form-field--error")
    }


def test_form_renders_every_field_with_a_label(client, stories_index, slovakia, nezabudka):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.story-form")
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data"
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    for name in [
        "public_name",
        "email",
        "country",
        "centre",
        "language",
        "title",
        "text",
        "photos",
        "media_file",
        "consent_publish",
        "consent_contact",
    ]:
        control = form.select_one(f"[name={name}]")
        assert soup.select_one(f"label[for={control['id']}]").get_text(strip=True)
    assert form.select_one("input[name=photos]").has_attr("multiple")
    countries = [o.get_text() for o in form.select("select[name=country] option")]
    assert "Slovakia" in countries
    group = form.select_one("select[name=centre] optgroup")
    assert group["label"] == "Slovakia" and "MC Nezábudka Žilina" in group.get_text()
    # The language the visitor writes in defaults to the language of the site.
    assert form.select_one("select[name=language] option[selected]")["value"] == "en"


def test_story_is_saved_as_a_draft_in_its_countrys_section_and_sent_to_moderation(
    client, stories_index, slovakia, nezabudka, editor
):
    response = client.post(
        FORM_URL,
        {
            **story_data(country=str(slovakia.pk), centre=str(nezabudka.pk)),
            "photos": [phone_photo("a.jpg"), phone_photo("b.jpg")],
            "media_file": SimpleUploadedFile("voice.wav", make_tone(0.2), "audio/wav"),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/stories/tell-your-story/thank-you/"

    submission = StorySubmission.objects.get()
    assert submission.email == "jana.private@example.org"
    assert submission.consent_publish and submission.consent_contact
    assert [f.kind for f in submission.files.order_by("pk")] == ["photo", "photo", "audio"]

    story = submission.story_page.specific
    assert not story.live and story.first_published_at is None
    assert story.get_parent().pk == slovakia.pk  # the country's editors find it there
    assert story.country.pk == slovakia.pk
    assert story.centre.pk == nezabudka.pk
    assert story.storyteller == "Jana" and story.original_language == "en"
    assert story.summary.startswith("Every Tuesday we meet")
    # The text becomes paragraphs, the first photo the hero image, the rest and the sound follow.
    types = [block.block_type for block in story.body]
    assert types == ["paragraph", "paragraph", "image", "audio"]
    assert "When the war began" in str(story.body[1].value)
    assert story.image.collection.name == "Submissions"
    assert story.image.description == "Mothers cooking together"
    assert story.body[3].value["audio"].collection.name == "Submissions"

    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert story.workflow_in_progress

    # Editors are told, with links to the draft and the submission, but not the sender's e-mail.
    ours = [m for m in mail.outbox if "New story to review" in m.subject]
    assert len(ours) == 1
    assert ours[0].to == ["editor@mine.example"]
    assert f"/admin/pages/{story.pk}/edit/" in ours[0].body
    assert f"/admin/story_submissions/inspect/{submission.pk}/" in ours[0].body
    assert "jana.private@example.org" not in ours[0].body
    assert StorySubmission.objects.get().editors_notified is True

    # It is not public: neither the page nor its photo.
    assert client.get(story.url).status_code == 404
    assert client.get("/api/v2/pages/?type=stories.StoryPage").json()["meta"]["total_count"] == 0
    assert client.get("/api/v2/images/").json()["meta"]["total_count"] == 0
    assert client.get("/api/v2/media/").json()["meta"]["total_count"] == 0


def test_thank_you_page_says_what_happens_next_in_the_visitors_language(
    client, stories_index, locale_de, settings
):
    from cms.core.translation import translate_page

    settings.STORIES_CONTACT_EMAIL = "privacy@mine.example.org"

    translate_page(stories_index.get_parent(), "de", {})
    translate_page(stories_index, "de", {"Stories": "Geschichten"})
    response = client.post("/de/stories/tell-your-story/", story_data(language="de"))
    assert response["Location"] == "/de/stories/tell-your-story/thank-you/"
    soup = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert soup.html["lang"] == "de"
    assert soup.h1.get_text(strip=True) == "Danke für Ihre Geschichte"
    assert (
        "Redakteurin" in soup.select_one(".prose").get_text()
        or "Redaktion" in soup.select_one(".prose").get_text()
    )
    # Whom to write to, to have the story and her data deleted.
    assert soup.select_one('a[href="mailto:privacy@mine.example.org"]')
    story = StorySubmission.objects.get().story_page
    assert story.locale.language_code == "de"
    assert story.get_parent().specific_class.__name__ == "StoryIndexPage"


def test_story_in_another_language_goes_to_that_languages_country_section(
    client, stories_index, hungary
):
    from cms.core.translation import translate_page

    translate_page(hungary.get_parent().get_parent(), "hu", {})
    translate_page(hungary.get_parent(), "hu", {})
    hungarian_section = translate_page(hungary, "hu", {"Hungary": "Magyarország"})
    post(client, country=str(hungary.pk), language="hu", title="Új anyaközpont a Duna mentén")
    story = StorySubmission.objects.get().story_page
    assert story.locale.language_code == "hu"
    assert story.get_parent().pk == hungarian_section.pk
    assert story.slug == "uj-anyakozpont-a-duna-menten"


def test_photos_lose_their_exif_and_gps_before_they_are_stored(client, stories_index):
    upload = phone_photo()
    assert Image.open(upload).getexif().get_ifd(0x8825)  # the test photo does carry GPS
    upload.seek(0)
    client.post(FORM_URL, {**story_data(), "photos": [upload]})
    submission = StorySubmission.objects.get()
    stored = [submission.files.get().file, submission.story_page.specific.image.file]
    for field_file in stored:
        field_file.open("rb")
        picture = Image.open(field_file)
        exif = picture.getexif()
        assert not exif.get_ifd(0x8825), "a GPS tag survived"
        assert 0x8825 not in exif and 0x010F not in exif and 0x9003 not in exif
        assert "exif" not in picture.info and "xmp" not in picture.info
        assert picture.size == (800, 600)
        field_file.close()
    # The sender's file name (it can say who or where) is not kept either.
    assert "IMG_0001" not in submission.files.get().file.name


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"consent_publish": None},
            "consent_publish",
            "We can only publish your story if you agree",
        ),
        (
            {"text": "Too short."},
            "text",
            "Your story has 10 characters; please write at least 100.",
        ),
        ({"text": "x" * 20001}, "text", "Your story has 20001 characters; at most 20000 fit."),
        ({"email": "jana-at-example"}, "email", "This does not look like an e-mail address"),
        ({"title": ""}, "title", "Please give your story a title."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_the_rest_is_kept(
    client, stories_index, changes, field, message
):
    response = post(client, **changes)
    assert response.status_code == 200
    shown = errors(response)
    assert list(shown) == [field]
    assert shown[field][0].startswith(message)
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#error-summary")
    assert summary["role"] == "alert"
    assert summary.select_one("a")["href"] == f"#id_{field}"
    control = soup.select_one(f"#id_{field}")
    assert control["aria-invalid"] == "true"
    assert f"id_{field}_error" in control["aria-describedby"]
    # Everything else the visitor typed is still there.
    if field != "title":
        assert soup.select_one("#id_title")["value"] == "Our Tuesday kitchen"
    if field != "text":
        assert soup.select_one("#id_text").get_text().strip().startswith("Every Tuesday")
    if field != "consent_publish":
        assert soup.select_one("#id_consent_publish").has_attr("checked")
    assert soup.select_one("#id_consent_contact").has_attr("checked")
    assert StorySubmission.objects.count() == 0


def test_a_file_named_like_a_photo_that_is_not_one_is_refused(client, stories_index):
    fake = SimpleUploadedFile("holiday.jpg", b"%PDF-1.4 not a photo at all", "image/jpeg")
    response = client.post(FORM_URL, {**story_data(), "photos": [phone_photo(), fake]})
    assert errors(response) == {
        "photos": [
            "“holiday.jpg” is not a photo we can read. Please send JPEG, PNG, WebP or HEIC photos."
        ]
    }
    assert StorySubmission.objects.count() == 0


def test_more_than_five_photos_are_refused(client, stories_index):
    photos = [phone_photo(f"{n}.jpg") for n in range(6)]
    response = client.post(FORM_URL, {**story_data(), "photos": photos})
    assert errors(response) == {"photos": ["You chose 6 photos; please choose at most 5."]}


@override_settings(STORIES_MAX_PHOTO_MB=0)
def test_a_photo_over_the_size_limit_is_refused(client, stories_index):
    response = client.post(FORM_URL, {**story_data(), "photos": [phone_photo("big.jpg")]})
    message = errors(response)["photos"][0]
    assert re.fullmatch(r"“big\.jpg” is [\d.]+ MB; a photo may be at most 0 MB\.", message)


@override_settings(STORIES_MAX_MEDIA_MB=0)
def test_a_video_over_the_size_limit_is_refused(client, stories_index):
    video = SimpleUploadedFile("film.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2048)
    response = client.post(FORM_URL, {**story_data(), "media_file": video})
    assert errors(response)["media_file"][0].startswith("“film.mp4” is ")
    assert "at most 0 MB" in errors(response)["media_file"][0]


def test_a_file_that_is_not_video_or_audio_is_refused(client, stories_index):
    fake = SimpleUploadedFile("film.mp4", b"MZ\x90\x00 a program, not a film")
    response = client.post(FORM_URL, {**story_data(), "media_file": fake})
    assert errors(response)["media_file"][0].startswith("“film.mp4” is not a video or sound file")


def test_size_limits_have_safe_defaults():
    from django.conf import settings

    assert settings.STORIES_MAX_PHOTO_MB == 10
    assert settings.STORIES_MAX_MEDIA_MB == 200
    assert settings.STORIES_MAX_PHOTOS == 5


def test_a_video_arrives_as_video_media(client, stories_index, tmp_path):
    video = phone_media(tmp_path, "mp4", "testsrc=size=160x120:rate=10", "sine")
    client.post(FORM_URL, {**story_data(), "media_file": video})
    story = StorySubmission.objects.get().story_page.specific
    block = story.body[-1]
    assert block.block_type == "video"
    assert block.value["video"].type == "video"
    assert block.value["video"].file.name.endswith(".mp4")


def test_errors_are_in_the_visitors_language(client, stories_index):
    from cms.core.translation import translate_page

    translate_page(stories_index.get_parent(), "hu", {})
    translate_page(stories_index, "hu", {})
    response = client.post(
        "/hu/stories/tell-your-story/", story_data(consent_publish=None, text="Rövid.")
    )
    shown = errors(response)
    assert shown["consent_publish"] == [
        "Csak akkor tudjuk közzétenni a történetét, ha beleegyezik. Kérjük, jelölje be a négyzetet."
    ]
    assert shown["text"][0].startswith("A története 6 karakter")


def test_honeypot_thanks_the_robot_and_keeps_nothing(client, stories_index):
    response = post(client, website="http://spam.example")
    assert response.status_code == 302
    assert StorySubmission.objects.count() == 0
    assert StoryPage.objects.count() == 0
    assert mail.outbox == []


@override_settings(STORIES_RATE_LIMIT=2)
def test_too_many_stories_from_one_address_get_429_with_a_message(client, stories_index):
    assert post(client).status_code == 302
    assert post(client, title="Second").status_code == 302
    response = post(client, title="Third")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    text = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]").get_text()
    assert "Please wait an hour" in text
    assert StorySubmission.objects.count() == 2
    # Another address may still send its story.
    other = client.post(FORM_URL, story_data(title="Elsewhere"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_the_form_is_csrf_protected(stories_index):
    response = Client(enforce_csrf_checks=True).post(FORM_URL, story_data())
    assert response.status_code == 403
    assert StorySubmission.objects.count() == 0


def test_when_mail_fails_the_submission_and_draft_are_kept_and_the_failure_shown(
    client, stories_index, editor
):
    with override_settings(EMAIL_DELIVERY_BACKEND="tests.mail_helpers.FailingBackend"):
        response = post(client)
    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.story_page is not None
    assert submission.editors_notified is False
    (notice,) = OutgoingMail.objects.filter(purpose="New story to review")
    assert notice.status == OutgoingMail.Status.FAILED
    assert notice.to == ["editor@mine.example"] and "mail server down" in notice.last_error


def test_a_silent_mail_server_neither_delays_the_visitor_nor_loses_the_draft(
    client, stories_index, editor
):
    with silent_smtp_server() as (port, connections), queued_mail_to(port, timeout=2):
        started = time.monotonic()
        response = post(client)
        assert time.monotonic() - started < 2  # no mail server was waited for
        assert response.status_code == 302
        submission = StorySubmission.objects.get()
        story = submission.story_page.specific
        assert story.workflow_in_progress  # the draft exists and is in moderation
        assert not connections
        # The editors' notice and Wagtail's own moderation notice wait in the queue.
        queued = OutgoingMail.objects.all()
        assert {m.status for m in queued} == {OutgoingMail.Status.QUEUED}
        assert "New story to review" in {m.purpose for m in queued}
        assert len(queued) >= 2

        run_worker()
        assert connections
        assert {m.status for m in OutgoingMail.objects.all()} == {OutgoingMail.Status.RETRYING}
        assert all("timed out" in m.last_error for m in OutgoingMail.objects.all())
        submission.refresh_from_db()
        assert submission.editors_notified is False
    assert mail.outbox == []


def test_when_the_draft_cannot_be_made_the_submission_is_kept_and_editors_still_told(
    client, stories_index, editor, caplog
):
    with mock.patch("stories.submissions.create_draft", side_effect=RuntimeError("broken")):
        response = post(client)
    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.story_page is None and submission.files.count() == 0
    assert "Could not make a draft story" in caplog.text
    assert any("New story to review" in m.subject for m in mail.outbox)


def test_the_email_never_appears_on_the_site_api_search_or_sitemap(client, stories_index, editor):
    post(client)
    story = StorySubmission.objects.get().story_page.specific
    story.save_revision().publish()  # an editor publishes it
    assert client.get(story.url).status_code == 200
    secret = b"jana.private@example.org"
    for url in [
        story.url,
        "/en/stories/",
        "/en/",
        "/en/search/?q=jana",
        "/en/search/?q=Tuesday",
        "/sitemap.xml",
        "/api/v2/pages/?type=stories.StoryPage&fields=*",
        f"/api/v2/pages/{story.pk}/",
        "/api/v2/pages/?search=jana.private",
        "/api/v2/images/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert secret not in response.content, url
    assert b"Our Tuesday kitchen" in client.get("/en/search/?q=Tuesday").content


def test_editors_see_submissions_and_delete_one_with_its_data(client, stories_index, editor):
    client.post(FORM_URL, {**story_data(), "photos": [phone_photo()]})
    submission = StorySubmission.objects.get()
    stored = submission.files.get().file
    storage, name = stored.storage, stored.name
    image = submission.story_page.specific.image
    client.force_login(editor)

    listing = BeautifulSoup(client.get("/admin/story_submissions/").content, "html.parser")
    row = listing.select_one("table.listing tbody tr")
    assert "Our Tuesday kitchen" in row.get_text()
    assert "Draft waiting for review" in row.get_text()
    assert row.select_one(f'a[href="/admin/pages/{submission.story_page_id}/edit/"]')
    assert not listing.select_one('a[href="/admin/story_submissions/new/"]')  # nobody adds one

    inspect = client.get(f"/admin/story_submissions/inspect/{submission.pk}/")
    assert b"jana.private@example.org" in inspect.content  # editors may contact her
    # When it came, in the site's time zone as in the list (not in UTC).
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    received = date_format(localtime(submission.created_at), "DATETIME_FORMAT")
    assert received in inspect.content.decode()
    assert client.get(f"/admin/story_submissions/edit/{submission.pk}/").status_code in (302, 403)

    confirm = BeautifulSoup(
        client.get(f"/admin/story_submissions/delete/{submission.pk}/").content, "html.parser"
    )
    assert "and the draft story made from them" in confirm.get_text()
    with django_capture_callbacks():
        response = client.post(f"/admin/story_submissions/delete/{submission.pk}/")
    assert response.status_code == 302
    assert StorySubmission.objects.count() == 0
    assert SubmissionFile.objects.count() == 0
    assert not StoryPage.objects.filter(pk=image.pk).exists()
    assert StoryPage.objects.count() == 0  # the unpublished draft went with it
    assert not type(image).objects.filter(pk=image.pk).exists()
    assert not storage.exists(name)


def django_capture_callbacks():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_deleting_a_submission_keeps_a_story_already_published(client, stories_index, editor):
    client.post(FORM_URL, {**story_data(), "photos": [phone_photo()]})
    submission = StorySubmission.objects.get()
    story = submission.story_page.specific
    story.save_revision().publish()
    client.force_login(editor)
    confirm = client.get(f"/admin/story_submissions/delete/{submission.pk}/")
    assert "The published story “Our Tuesday kitchen” stays online" in confirm.content.decode()
    submission.delete()
    story.refresh_from_db()
    assert story.live and story.image is not None
    assert StorySubmission.objects.count() == 0 and SubmissionFile.objects.count() == 0


def test_photos_that_passed_their_checks_are_kept_when_the_form_comes_back(client, stories_index):
    sound = SimpleUploadedFile("voice.wav", make_tone(0.2), "audio/wav")
    first = client.post(
        FORM_URL,
        {
            **story_data(consent_publish=None),
            "photos": [phone_photo("kitchen.jpg")],
            "media_file": sound,
        },
    )
    assert list(errors(first)) == ["consent_publish"]
    soup = BeautifulSoup(first.content, "html.parser")
    kept = soup.select(".kept-files input[name=keep]")
    assert [soup.select_one(f"label[for={box['id']}]").get_text() for box in kept] == [
        "kitchen.jpg",
        "voice.wav",
    ]
    assert all(box.has_attr("checked") for box in kept)
    signed = soup.select_one("input[name=kept_files]")["value"]

    # She ticks the consent box and sends again, without choosing the files again.
    second = client.post(
        FORM_URL, {**story_data(), "kept_files": signed, "keep": [box["value"] for box in kept]}
    )
    assert second.status_code == 302
    submission = StorySubmission.objects.get()
    assert [f.kind for f in submission.files.order_by("pk")] == ["photo", "audio"]
    photo = submission.files.get(kind="photo").file
    photo.open("rb")
    assert not Image.open(photo).getexif().get_ifd(0x8825)
    photo.close()
    assert "pending" not in photo.name
    assert submission.story_page.specific.image is not None


def test_an_unticked_kept_photo_is_left_out_and_a_forged_list_names_nothing(client, stories_index):
    first = client.post(FORM_URL, {**story_data(consent_publish=None), "photos": [phone_photo()]})
    signed = BeautifulSoup(first.content, "html.parser").select_one("input[name=kept_files]")[
        "value"
    ]
    client.post(FORM_URL, {**story_data(), "kept_files": signed})  # nothing ticked
    assert StorySubmission.objects.get().files.count() == 0

    forged = '[{"name": "original_images/someone-else.jpg", "kind": "photo", "label": "x"}]:abc:def'
    response = client.post(
        FORM_URL, {**story_data(title="Forged"), "kept_files": forged, "keep": "0"}
    )
    assert response.status_code == 302
    assert StorySubmission.objects.get(title="Forged").files.count() == 0


def test_the_inspect_view_shows_consents_in_words_and_the_story_in_paragraphs(
    client, stories_index, editor
):
    post(client)
    client.force_login(editor)
    submission = StorySubmission.objects.get()
    soup = BeautifulSoup(
        client.get(f"/admin/story_submissions/inspect/{submission.pk}/").content, "html.parser"
    )
    text = soup.get_text(" ", strip=True)
    assert "Agreed to publication yes" in text and "True" not in text
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in soup.select("dt")}
    assert len(facts["Story"].select("p")) == 2
    assert facts["Country"].get_text(strip=True) == "—"


def test_a_story_in_a_language_without_a_site_yet_waits_in_the_default_language(
    client, stories_index
):
    pages = Page.objects.count()
    post(client, language="sk", title="Naša kuchyňa")
    story = StorySubmission.objects.get().story_page.specific
    assert story.locale.language_code == "en" and story.original_language == "sk"
    assert story.title == "Naša kuchyňa" and "kitchen of our centre" in story.body[0].value.source
    assert story.get_parent().pk == stories_index.pk
    assert Page.objects.count() == pages + 1  # the draft, and no Slovak page
    assert not Page.objects.filter(locale__language_code="sk").exists()


def test_the_language_links_of_the_form_lead_to_the_form_in_that_language(client, stories_index):
    from cms.core.translation import translate_page

    translate_page(stories_index.get_parent(), "de", {})
    translate_page(stories_index, "de", {})
    soup = BeautifulSoup(client.get("/de/stories/tell-your-story/").content, "html.parser")
    switcher = soup.select_one("nav.language-switcher")
    assert switcher.select_one("a[hreflang=en]")["href"] == "/en/stories/tell-your-story/"
    assert soup.select_one("link[rel=alternate][hreflang=en]")["href"].endswith(
        "/en/stories/tell-your-story/"
    )
    # A language without the stories page still leads home.
    assert switcher.select_one("a[hreflang=hu]")["href"] == "/hu/"
