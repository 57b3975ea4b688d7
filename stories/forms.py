"""The public "Tell your story" form: every message is for a visitor, in their language."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.models import Locale

from cms.client_ip import client_bucket
from network.models import CentrePage, CountryPage, country_path

from . import kept_uploads, recordings
from .models import StorySubmission
from .uploads import check_media, clean_photo


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def country_choices() -> list[tuple[str, str]]:
    """Every public country section once, named in the visitor's language where it is
    translated. Login-only and private sections are never named to the public."""
    default = Locale.get_default()
    active = Locale.get_active()
    countries = CountryPage.objects.live().public().filter(locale=default).order_by("title")
    names = {
        page.translation_key: page.title
        for page in CountryPage.objects.live().public().filter(locale=active)
    }
    choices = [(str(c.pk), names.get(c.translation_key, c.title)) for c in countries]
    return sorted(choices, key=lambda choice: choice[1].lower())


def centre_choices() -> list:
    """Centres grouped by country, so a long list stays easy to scan without JavaScript."""
    default = Locale.get_default()
    countries = {
        c.path: c.title
        for c in CountryPage.objects.live().public().filter(locale=default).only("path", "title")
    }
    groups: dict[str, list] = {}
    centres = CentrePage.objects.live().public().filter(locale=default).only("id", "title", "path")
    for centre in centres.order_by("title"):
        country = countries.get(country_path(centre.path), "")
        groups.setdefault(country, []).append((str(centre.pk), centre.title))
    return [(country, options) for country, options in sorted(groups.items())]


class StorySubmissionForm(forms.Form):
    public_name = forms.CharField(
        label=_("Your name as readers will see it"),
        max_length=120,
        required=False,
        help_text=_("A first name or a nickname is enough. Leave it empty to stay anonymous."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=StorySubmission._meta.get_field("email").max_length,
        help_text=_("So that our editors can reach you about your story. We never publish it."),
        error_messages={
            "required": _("Please give your e-mail address, so that our editors can reach you."),
            "invalid": _("This does not look like an e-mail address, e.g. name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    country = forms.TypedChoiceField(
        label=_("Country"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The editors of this country will read your story."),
    )
    centre = forms.TypedChoiceField(
        label=_("Mother centre"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("If your story comes from a mother centre, choose it."),
    )
    language = forms.ChoiceField(
        label=_("The language you write in"),
        choices=settings.LANGUAGES,
    )
    title = forms.CharField(
        label=_("Title of your story"),
        max_length=120,
        error_messages={"required": _("Please give your story a title.")},
    )
    text = forms.CharField(
        label=_("Your story"),
        # Required unless the story was recorded (see clean()).
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Leave an empty line between paragraphs."),
    )
    # A story told by voice: the signed name of a recording uploaded and checked already
    # (stories.recordings); set by the recorder's script.
    recording = forms.CharField(required=False, widget=forms.HiddenInput)
    photos = MultipleFileField(required=False)  # label and help name the limits: see __init__
    photo_description = forms.CharField(
        label=_("What do the photos show?"),
        max_length=250,
        required=False,
        help_text=_("A sentence for people who cannot see them, e.g. “Mothers baking together”."),
    )
    media_file = forms.FileField(
        label=_("A video or a sound recording"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "video/*,audio/*"}),
    )
    consent_publish = forms.BooleanField(
        label=_(
            "I agree that MINE publishes my story, my photos and recordings on this website, "
            "with the name I gave above."
        ),
        error_messages={
            "required": _("We can only publish your story if you agree. Please tick the box.")
        },
    )
    consent_contact = forms.BooleanField(
        label=_("MINE may contact me about my story and the network's work."),
        required=False,
    )
    # Files that passed their checks when the form last came back with an error (kept_uploads).
    # The ticks of the kept files arrive as "keep" (their numbers); unknown numbers mean nothing.
    kept_files = forms.CharField(required=False, widget=forms.HiddenInput)
    # A field people do not see (hidden by CSS, skipped by keyboard and screen readers) but robots
    # fill in: a form that arrives with it filled is thanked and dropped.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = kept_uploads.unsign(self.data.get("kept_files", "")) if self.is_bound else []
        self.good_photos: list = []
        self.good_media = None
        self.fields["country"].choices = [("", _("Choose your country")), *country_choices()]
        self.fields["centre"].choices = [
            ("", _("No centre, or not in the list")),
            *centre_choices(),
        ]
        # Texts that name a limit from the settings are made here, in the visitor's language.
        self.fields["photos"].label = _("Photos (up to %(count)s)") % {
            "count": settings.STORIES_MAX_PHOTOS
        }
        self.fields["photos"].help_text = _(
            "JPEG, PNG, WebP or HEIC, at most %(size)s MB each. We remove the hidden information "
            "a phone stores in a photo (such as where it was taken) before we keep it."
        ) % {"size": settings.STORIES_MAX_PHOTO_MB}
        self.fields["media_file"].help_text = _(
            "One file: MP4, WebM, MOV, MP3, M4A, Ogg or WAV, at most %(size)s MB."
        ) % {"size": settings.STORIES_MAX_MEDIA_MB}
        min_length, max_length = (
            settings.STORIES_MIN_STORY_LENGTH,
            settings.STORIES_MAX_STORY_LENGTH,
        )
        self.fields["text"].widget.attrs.update({"minlength": min_length, "maxlength": max_length})
        self.fields["text"].help_text = _(
            "Between %(min)s and %(max)s characters. Leave an empty line between paragraphs."
        ) % {"min": min_length, "max": max_length}

    @classmethod
    def refilled(cls, data) -> "StorySubmissionForm":
        """The form as it was sent, shown again without checking it (the rate limit, an expired
        session): nothing typed is lost, and no file is opened."""
        initial = {name: data.get(name) for name in data if name not in ("keep", "website")}
        for name in ("consent_publish", "consent_contact"):
            initial[name] = bool(data.get(name))
        form = cls(initial=initial)
        form.kept = kept_uploads.unsign(data.get("kept_files", ""))
        return form

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean_recording(self):
        token = self.cleaned_data.get("recording", "")
        if not token:
            return None
        upload = recordings.checked_recording(token)
        if upload is None:
            raise ValidationError(
                _(
                    "Your recording did not reach us, or waited too long. Please record your "
                    "story again, or write it."
                ),
                code="recording_missing",
            )
        return upload

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip().replace("\r\n", "\n")
        length = len(text)
        if not text:
            return text  # required unless recorded: clean()
        if length < settings.STORIES_MIN_STORY_LENGTH and not self.data.get("recording"):
            raise ValidationError(
                ngettext_lazy(
                    "Your story has %(length)s character; please write at least %(min)s.",
                    "Your story has %(length)s characters; please write at least %(min)s.",
                    "length",
                ),
                code="too_short",
                params={"length": length, "min": settings.STORIES_MIN_STORY_LENGTH},
            )
        if length > settings.STORIES_MAX_STORY_LENGTH:
            raise ValidationError(
                _(
                    "Your story has %(length)s characters; at most %(max)s fit. Please shorten "
                    "it, or send the rest as a second story."
                ),
                code="too_long",
                params={"length": length, "max": settings.STORIES_MAX_STORY_LENGTH},
            )
        return text

    def chosen_kept(self) -> list[kept_uploads.KeptFile]:
        """Kept files the visitor left ticked."""
        ticked = set(self.data.getlist("keep")) if hasattr(self.data, "getlist") else set()
        return [kept for n, kept in enumerate(self.kept) if str(n) in ticked]

    def clean_photos(self) -> list:
        photos = self.cleaned_data["photos"]
        count = len(photos) + len(self.kept_photos())
        if count > settings.STORIES_MAX_PHOTOS:
            raise ValidationError(
                _("You chose %(count)s photos; please choose at most %(max)s."),
                code="too_many",
                params={"count": count, "max": settings.STORIES_MAX_PHOTOS},
            )
        errors = []
        for photo in photos:
            try:
                self.good_photos.append(
                    (clean_photo(photo, settings.STORIES_MAX_PHOTO_MB), photo.name)
                )
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return [content for content, _name in self.good_photos]

    def clean_media_file(self):
        upload = self.cleaned_data.get("media_file")
        if not upload:
            return None
        # From here on the form holds the clean copy only (no metadata), named by its kind.
        self.media_kind, clean = check_media(upload, settings.STORIES_MAX_MEDIA_MB)
        self.good_media, self.good_media_name = clean, upload.name
        return clean

    def kept_photos(self) -> list[kept_uploads.KeptFile]:
        return [kept for kept in self.chosen_kept() if kept.kind == "photo"]

    def kept_media(self) -> kept_uploads.KeptFile | None:
        """The kept video or recording, unless a new one was chosen instead."""
        if self.cleaned_data.get("media_file"):
            return None
        media = [kept for kept in self.chosen_kept() if kept.kind != "photo"]
        return media[-1] if media else None

    def keep_good_uploads(self, request) -> None:
        """After an error: put the files that passed their checks aside and name them in the form,
        so the visitor does not have to choose them again (within the address's daily quota)."""
        address = client_bucket(request)  # an IPv6 /64 is one client, as for the rate limits
        kept = self.chosen_kept()
        self.quota_reached = False
        for content, name in self.good_photos:
            if kept_uploads.within_quota(address, content.size):
                extension = content.name.rsplit(".", 1)[-1]  # clean_photo named it by format
                kept.append(kept_uploads.keep(content, extension, "photo", name))
            else:
                self.quota_reached = True
        if self.good_media is not None:
            if kept_uploads.within_quota(address, self.good_media.size):
                kept = [f for f in kept if f.kind == "photo"]
                kept.append(
                    kept_uploads.keep(
                        self.good_media,
                        self.media_kind.extension,
                        self.media_kind.kind,
                        self.good_media_name,
                    )
                )
            else:
                self.quota_reached = True
        data = self.data.copy()
        data["kept_files"] = kept_uploads.sign(kept)
        data.setlist("keep", [str(n) for n in range(len(kept))])
        self.data = data
        self.kept = kept

    def clean_country(self):
        pk = self.cleaned_data.get("country")
        return CountryPage.objects.get(pk=pk) if pk else None

    def clean_centre(self):
        pk = self.cleaned_data.get("centre")
        return CentrePage.objects.get(pk=pk) if pk else None

    def clean(self):
        cleaned = super().clean()
        recorded = cleaned.get("recording") or "recording" in self.errors
        if not cleaned.get("text") and "text" not in self.errors and not recorded:
            self.add_error("text", _("Please write your story here, or record it."))
        centre, country = cleaned.get("centre"), cleaned.get("country")
        if centre is not None and country is None:
            # A centre says which country the story comes from.
            cleaned["country"] = centre.country
        elif centre is not None and centre.country and centre.country.pk != country.pk:
            self.add_error(
                "centre",
                _("%(centre)s is in %(country)s. Please choose it, or no centre.")
                % {"centre": centre.title, "country": centre.country.title},
            )
        return cleaned
