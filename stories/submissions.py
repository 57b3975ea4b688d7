"""What happens to a story sent in through "Tell your story".

1. The submission and its files are saved (nothing else can lose them after that).
2. A draft story page is built from it in its country's section (or under the stories page), in
   the submission's language where the site has that section, else in the default language
   (a visitor never creates pages), and submitted to the moderation workflow.
3. The editors who may publish it are told by e-mail, through the mail queue (cms/mail.py): a
   slow or broken mail server never delays the visitor or undoes the draft; Wagtail's own
   moderation notices go through the same queue (EMAIL_BACKEND).
Step 2 may fail (the failure is logged and the submission kept); the visitor is thanked either
way, and editors see every submission in the admin.
"""

import logging
import re
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_noop
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy
from wagtailmedia.models import get_media_model

from cms import mail
from cms.client_ip import RateLimit
from cms.core.collection import get_or_create_collection
from cms.localized import translated

from . import kept_uploads
from .models import StoryIndexPage, StoryPage, StorySubmission, SubmissionFile
from .private_files import safe_extension

logger = logging.getLogger(__name__)

SUBMISSIONS_COLLECTION = "Submissions"
# Where a sent-in photo or recording goes once a story using it is published: public, and
# offered by the choosers (the Submissions collection is neither: settings.BRIDGES_PRIVATE_COLLECTIONS).
REVIEWED_COLLECTION = "Reviewed stories"
# Kept untranslated in Outgoing mail; the admin shows it in each editor's language.
NEW_STORY_NOTICE = gettext_noop("New story to review")


# Spam, per client (cms.client_ip): the stories received, so that a mother correcting her
# mistakes, or a workshop sharing one Wi-Fi, is not stopped by tries that sent nothing; and, on a
# higher limit, every try (each may carry files to check), so hostile load is capped too.
STORIES_RECEIVED = RateLimit("stories:received", "STORIES_RATE_LIMIT", "STORIES_RATE_LIMIT_WINDOW")
ATTEMPTS = RateLimit("stories:attempts", "STORIES_ATTEMPT_LIMIT", "STORIES_RATE_LIMIT_WINDOW")


def limit_reached(request) -> str | None:
    """Which limit stops this client now: "stories", "attempts", or None."""
    if STORIES_RECEIVED.reached(request):
        return "stories"
    if ATTEMPTS.reached(request):
        return "attempts"
    return None


# 1. Save.


def save_submission(form) -> StorySubmission:
    data = form.cleaned_data
    with transaction.atomic():
        submission = StorySubmission.objects.create(
            public_name=data["public_name"].strip(),
            email=data["email"],
            country=data.get("country"),
            centre=data.get("centre"),
            language=data["language"],
            title=data["title"].strip(),
            text=data["text"],
            photo_description=data.get("photo_description", "").strip(),
            consent_publish=data["consent_publish"],
            consent_contact=data.get("consent_contact", False),
        )
        photos = [kept_uploads.take(kept) for kept in form.kept_photos()]
        for photo in [*photos, *data.get("photos", [])]:
            SubmissionFile.objects.create(
                submission=submission, kind=SubmissionFile.Kind.PHOTO, file=photo
            )
        media_file, kept_media = data.get("media_file"), form.kept_media()
        if media_file:
            # The checked copy without metadata, named by its kind, never by the visitor's name.
            kind = form.media_kind
            media_file.name = f"{kind.kind}.{kind.extension}"
            SubmissionFile.objects.create(submission=submission, kind=kind.kind, file=media_file)
        elif kept_media is not None:
            SubmissionFile.objects.create(
                submission=submission, kind=kept_media.kind, file=kept_uploads.take(kept_media)
            )
        recording = data.get("recording")
        if recording is not None:
            # The story told by voice, checked and stripped when it arrived (stories.recordings).
            path = recording.checked_file()
            SubmissionFile.objects.create(
                submission=submission,
                kind=SubmissionFile.Kind.AUDIO,
                file=ContentFile(path.read_bytes(), name=f"audio.{path.suffix[1:]}"),
            )
            transaction.on_commit(recording.delete)
    return submission


def receive_submission(form) -> StorySubmission:
    submission = save_submission(form)
    try:
        with transaction.atomic():
            create_draft(submission)
    except Exception:
        logger.exception("Could not make a draft story from submission %s", submission.pk)
    notify_editors(submission)
    return submission


# 2. The draft story.


def section_for(submission: StorySubmission) -> Page:
    """Where the draft goes: the country's section (else the stories page) in the submission's
    language where that page exists, otherwise in the default language.

    An anonymous visitor never creates, publishes or aliases a page: a story in a language the
    site has no pages in yet waits in the default language's section, its text as it was written
    and its language recorded (original_language), for an editor to move or translate.
    """
    default = Locale.get_default()
    locale = Locale.objects.filter(language_code=submission.language).first() or default
    if submission.country is not None:
        section = submission.country.specific
    else:
        section = StoryIndexPage.objects.filter(locale=default).first()
    return translated(section, locale, live_only=False).specific


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]


def paragraph_html(text: str) -> str:
    return "<p>" + escape(text).replace("\n", "<br/>") + "</p>"


def create_draft(submission: StorySubmission) -> StoryPage:
    parent = section_for(submission)
    locale = parent.locale
    folder = get_or_create_collection(SUBMISSIONS_COLLECTION)
    Image, Media = get_image_model(), get_media_model()

    photo_blocks, media_blocks, images = [], [], []
    for number, upload in enumerate(submission.files.all(), start=1):
        upload.file.open("rb")
        # A random name with the extension the checks gave: the public address of an unreviewed
        # photo cannot be guessed.
        content = ContentFile(
            upload.file.read(), name=f"{uuid.uuid4().hex}.{safe_extension(upload.file.name)}"
        )
        upload.file.close()
        if upload.kind == SubmissionFile.Kind.PHOTO:
            image = Image.objects.create(
                title=f"{submission.title} ({number})",
                description=submission.photo_description,
                file=content,
                collection=folder,
            )
            upload.image = image
            images.append(image)
            photo_blocks.append(
                ("image", {"image": image, "alt_text": "", "caption": "", "credit": ""})
            )
        else:
            media = Media.objects.create(
                title=submission.title, type=upload.kind, file=content, collection=folder
            )
            upload.media = media
            media_blocks.append(
                (upload.kind, {upload.kind: media, "caption": "", "transcript": ""})
            )
        upload.save(update_fields=["image", "media"])

    texts = paragraphs(submission.text)
    body = [("paragraph", paragraph_html(text)) for text in texts]
    # The first photo is the hero image; the others follow the text, then the recording.
    body += photo_blocks[1:] + media_blocks

    centre = translated(submission.centre, locale, live_only=False)
    page = StoryPage(
        title=submission.title,
        slug=find_available_slug(parent, slugify(submission.title) or "story"),
        locale=locale,
        live=False,
        summary=Truncator(texts[0] if texts else "").chars(280),
        image=images[0] if images else None,
        storyteller=submission.public_name,
        original_language=submission.language,
        date=submission.created_at.date(),
        centre=centre,
        body=body,
    )
    parent.add_child(instance=page)
    page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    else:
        logger.warning(
            "No moderation workflow covers %s: the draft waits unsubmitted.", page.url_path
        )
    submission.story_page = page
    submission.save(update_fields=["story_page"])
    return page


# 2b. Publishing it.


def used_files(page) -> tuple[set[int], set[int]]:
    """The ids of the images and of the media a page shows: in its own fields and its blocks."""
    Image, Media = get_image_model(), get_media_model()
    images: set[int] = set()
    media: set[int] = set()

    def walk(value) -> None:
        if isinstance(value, Image):
            images.add(value.pk)
        elif isinstance(value, Media):
            media.add(value.pk)
        elif isinstance(value, dict):  # a StructBlock's value
            for child in value.values():
                walk(child)
        elif isinstance(value, (list, tuple)) or hasattr(value, "raw_data"):  # lists, streams
            for child in value:
                walk(getattr(child, "value", child))

    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            walk(getattr(page, field.name))
        elif field.is_relation and field.related_model is Image:
            images.add(getattr(page, field.attname))
        elif field.is_relation and field.related_model is Media:
            media.add(getattr(page, field.attname))
    return images - {None}, media - {None}


def publish_reviewed_files(sender, instance, **kwargs) -> None:
    """A story page made from a submission was published (Publish, or Approve and Publish in
    moderation): the submission's photos and recordings it shows leave the private Submissions
    collection for Reviewed stories, so the public page, its renditions and the API can show
    them. The files it does not use stay private. Translations of the page count as the page."""
    files = SubmissionFile.objects.filter(
        submission__story_page__translation_key=instance.translation_key
    ).select_related("image__collection", "media__collection")
    images, media = used_files(instance)
    private = set(settings.BRIDGES_PRIVATE_COLLECTIONS)
    to_move = [
        item
        for upload in files
        for item, used in ((upload.image, images), (upload.media, media))
        if item is not None and item.pk in used and item.collection.name in private
    ]
    if not to_move:
        return
    reviewed = get_or_create_collection(REVIEWED_COLLECTION)
    for item in to_move:
        item.collection = reviewed
        item.save(update_fields=["collection"])
    logger.info(
        "Published story %s: %s sent-in files moved to %s",
        instance.pk,
        len(to_move),
        REVIEWED_COLLECTION,
    )


# 3. Telling the editors.


def editor_addresses(submission: StorySubmission) -> dict[str, list[str]]:
    """E-mail addresses of the people to tell, grouped by the language of their admin."""
    addresses: dict[str, list[str]] = {}
    for address in settings.STORIES_NOTIFY_EMAILS:
        addresses.setdefault(settings.LANGUAGE_CODE, []).append(address)
    # Whoever may publish the draft; without a draft, whoever may publish in its section.
    section = (
        submission.story_page
        or submission.country
        or StoryIndexPage.objects.filter(locale=Locale.get_default()).first()
    )
    if section is not None:
        users = page_permission_policy.users_with_permission_for_instance(
            "publish", section
        ).exclude(email="")
        for user in users.select_related("wagtail_userprofile"):
            profile = getattr(user, "wagtail_userprofile", None)
            language = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
            if not any(user.email in group for group in addresses.values()):
                addresses.setdefault(language, []).append(user.email)
    return addresses


def notify_editors(submission: StorySubmission) -> int:
    """Queue one mail per admin language to the people who may publish the story; the
    submission shows "editors notified" once the mail server has taken one of them."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    admin_submission = base + reverse("story_submissions:inspect", args=[submission.pk])
    admin_page = (
        base + reverse("wagtailadmin_pages:edit", args=[submission.story_page_id])
        if submission.story_page_id
        else ""
    )
    queued = 0
    try:
        for language, recipients in editor_addresses(submission).items():
            with translation.override(language):
                context = {
                    "submission": submission,
                    "country": submission.country,
                    "language_name": dict(settings.LANGUAGES).get(submission.language),
                    "admin_submission": admin_submission,
                    "admin_page": admin_page,
                }
                subject = render_to_string("stories/mail/new_submission_subject.txt", context)
                message = render_to_string("stories/mail/new_submission.txt", context)
            mail.send(
                to=recipients,
                subject=subject,
                text=message,
                language=language,
                purpose=NEW_STORY_NOTICE,
                about=submission,
            )
            queued += 1
    except Exception:
        # Only building the message can fail here (sending is the worker's job): the
        # submission and its draft are kept, and the admin lists every submission.
        logger.exception(
            "Could not tell the editors about story submission %s; it is kept in the admin.",
            submission.pk,
        )
    return queued


def note_editors_notified(sender, mail, **kwargs) -> None:
    """The mail server took a notice about a submission: the admin shows the editors were told."""
    if mail.content_type and mail.content_type.model_class() is StorySubmission:
        StorySubmission.objects.filter(pk=mail.object_id).update(editors_notified=True)
