"""Stories of care work told by mothers and centres, the themes they are filed under, and the
stories the public sends in through "Tell your story"."""

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import linebreaks_filter, yesno
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyStreamBlock
from cms.blocks.text import RICH_TEXT_FEATURES
from cms.localized import one_per_translation, public_translation
from cms.pages import BasePage
from cms.serializers import PageLinkSerializerField, TermsSerializerField
from network.listings import centre_listings
from network.models import CountryPage, CountrySectionMixin, attach_countries, country_path

from .private_files import private_storage

STORIES_PER_PAGE = 12
LANGUAGE_NAMES = dict(settings.LANGUAGES)


class Theme(TranslatableMixin, models.Model):
    """A theme stories are filed under (care, resilience...): translators translate its name, and its
    short name in addresses stays the same in every language so filter links work everywhere."""

    name = models.CharField(
        _("name"),
        max_length=60,
        help_text=_("The theme as readers see it, e.g. “Care” or “Work and family”."),
    )
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=60,
        allow_unicode=False,
        help_text=_(
            "Lower-case letters and dashes, e.g. “work-and-family”. It appears in filter links "
            "(/stories/?theme=work-and-family) and stays the same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_locale(cls, locale: Locale) -> list["Theme"]:
        """Every theme once, in `locale` where translated and in the default language otherwise."""
        themes = cls.objects.filter(locale__in=[locale, Locale.get_default()]).order_by("name")
        return sorted(one_per_translation(themes, locale), key=lambda theme: theme.name.lower())


def attach_themes(pages: Iterable["StoryPage"], locale: Locale) -> None:
    """Fill `theme_list` on story pages with their themes named in `locale`, in one query for all
    pages (themes must be prefetched). A page translated by wagtail-localize keeps the themes of its
    source, so the names are looked up by translation key."""
    pages = list(pages)
    keys = {theme.translation_key for page in pages for theme in page.themes.all()}
    localized = {
        theme.translation_key: theme
        for theme in Theme.objects.filter(translation_key__in=keys, locale=locale)
    }
    for page in pages:
        page.theme_list = sorted(
            (localized.get(theme.translation_key, theme) for theme in page.themes.all()),
            key=lambda theme: theme.name.lower(),
        )


def prepare_story_cards(pages: list["StoryPage"], locale: Locale) -> None:
    """What story cards show beside the page itself (themes), in two queries for all of them."""
    prefetch_related_objects(pages, "themes")
    attach_themes(pages, locale)


class StoryIndexPage(RoutablePageMixin, BasePage):
    """/<lang>/stories/: every live story of the language, with filters, and the "Tell your story"
    form at /<lang>/stories/tell-your-story/."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of stories."),
    )
    form_intro = RichTextField(
        _("introduction to “Tell your story”"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Shown above the form where visitors send in their story: who may write, what "
            "happens to the story. Leave empty for the standard text."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Shown after a visitor has sent a story. Leave empty for the standard text, which "
            "says what happens next."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("form_intro"), FieldPanel("thank_you_text")],
            heading=_("Tell your story"),
        ),
    ]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("stories page")

    def get_sitemap_urls(self, request=None):
        """The stories page and its "Tell your story" form, each with its translations."""
        urls = super().get_sitemap_urls(request)
        route = self.reverse_subpage("tell_your_story")
        forms = [
            {
                **entry,
                "location": entry["location"] + route,
                "alternates": [
                    {**alternate, "location": alternate["location"] + route}
                    for alternate in entry.get("alternates", [])
                ],
            }
            for entry in urls
        ]
        return urls + forms

    # The listing, with filters that combine: ?country=<slug>&theme=<slug>&language=<code>.

    def live_stories(self):
        return StoryPage.objects.live().public().filter(locale_id=self.locale_id)

    @path("feed/", name="feed")
    def feed(self, request):
        """An Atom feed of the newest live, public stories in this page's language."""
        from .feeds import StoriesFeed

        return StoriesFeed(self)(request)

    def filter_options(self, stories) -> dict:
        """What the reader can filter by: only values that lead to at least one story."""
        paths = stories.values_list("path", flat=True)
        prefixes = {country_path(path) for path in paths} - {None}
        countries = CountryPage.objects.filter(path__in=prefixes).order_by("title")
        languages = set(stories.values_list("original_language", flat=True))
        return {
            "countries": list(countries.only("id", "title", "slug", "path")),
            "themes": Theme.for_locale(self.locale),
            "languages": [(code, name) for code, name in settings.LANGUAGES if code in languages],
        }

    def filtered_stories(self, request, options: dict):
        stories = self.live_stories()
        selected = {"country": None, "theme": None, "language": None}
        country_slug = request.GET.get("country", "")
        country = next((c for c in options["countries"] if c.slug == country_slug), None)
        if country is not None:
            stories = stories.filter(path__startswith=country.path)
            selected["country"] = country.slug
        theme_slug = request.GET.get("theme", "")
        if any(theme.slug == theme_slug for theme in options["themes"]):
            stories = stories.filter(themes__slug=theme_slug)
            selected["theme"] = theme_slug
        language = request.GET.get("language", "")
        if language in LANGUAGE_NAMES:
            stories = stories.filter(original_language=language)
            selected["language"] = language
        return stories.distinct(), selected

    @path("")
    def index(self, request):
        all_stories = self.live_stories()
        options = self.filter_options(all_stories)
        stories, selected = self.filtered_stories(request, options)
        stories = (
            stories.order_by("-date", "-first_published_at")
            .select_related("image")
            .prefetch_related("image__renditions", "themes")
        )
        paginator = Paginator(stories, STORIES_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        items = list(page_obj.object_list)
        attach_countries(items)
        attach_themes(items, self.locale)
        return self.render(
            request,
            context_overrides={
                "stories": items,
                "page_obj": page_obj,
                "paginator": paginator,
                "options": options,
                "selected": selected,
                "filtered": any(selected.values()),
            },
        )

    # Tell your story: the public submission form and its thank-you page.

    @path("tell-your-story/", name="tell_your_story")
    def tell_your_story(self, request):
        from .forms import StorySubmissionForm
        from .submissions import (
            count_attempt,
            receive_submission,
            too_many_attempts,
        )

        if request.method == "POST":
            # Every POST counts, forms with errors too: each one may carry files to check.
            if too_many_attempts(request):
                response = self.render_form(
                    request, StorySubmissionForm.refilled(request.POST), rate_limited=True
                )
                response.status_code = 429
                response["Retry-After"] = str(settings.STORIES_RATE_LIMIT_WINDOW)
                return response
            count_attempt(request)
            form = StorySubmissionForm(request.POST, request.FILES)
            if form.is_valid():
                if not form.is_spam():
                    receive_submission(form)
                # The thank-you page at the address the visitor used, so in her language (the
                # form may be served from another language's page).
                return redirect(request.path.rstrip("/") + "/thank-you/")
            form.keep_good_uploads(request)
        else:
            language = translation.get_language()
            if language not in LANGUAGE_NAMES:
                language = self.locale.language_code
            form = StorySubmissionForm(initial={"language": language})
        return self.render_form(request, form)

    def render_form(self, request, form, **context) -> HttpResponse:
        return self.render(
            request,
            template="stories/tell_your_story.html",
            context_overrides={"form": form, **form_limits(), **context},
        )

    def csrf_failure(self, request, view=None, args=(), kwargs=None):
        """An expired session (CSRF_FAILURE_VIEW, see cms.views): the form comes back with what
        was typed and a message, instead of Django's bare 403 page."""
        from .forms import StorySubmissionForm

        if getattr(view, "__name__", "") != "tell_your_story":
            return None
        return self.render_form(
            request, StorySubmissionForm.refilled(request.POST), session_expired=True
        )

    @path("tell-your-story/thank-you/", name="thank_you")
    def thank_you(self, request) -> HttpResponse:
        return self.render(request, template="stories/thank_you.html")


def form_limits() -> dict:
    """Limits and messages the form's script checks before a slow upload starts."""
    return {
        "max_photos": settings.STORIES_MAX_PHOTOS,
        "max_photo_mb": settings.STORIES_MAX_PHOTO_MB,
        "max_media_mb": settings.STORIES_MAX_MEDIA_MB,
        "too_many_photos_message": _("Please choose at most %(max)s photos."),
        "file_too_big_message": _("“%(name)s” is too big: at most %(max)s MB."),
        "characters_message": _("%(count)s characters"),
    }


class StoryPageForm(WagtailAdminPageForm):
    """Offers each theme once, named in the story's language where it is translated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" not in self.fields:
            return
        locale = self.instance.locale if self.instance.locale_id else Locale.get_default()
        themes = Theme.for_locale(locale)
        self.fields["themes"].queryset = Theme.objects.filter(pk__in=[t.pk for t in themes])
        if self.instance.pk:
            # A translated story links its source's themes: tick their versions in this language.
            by_key = {theme.translation_key: theme.pk for theme in themes}
            self.initial["themes"] = [
                by_key.get(theme.translation_key, theme.pk) for theme in self.instance.themes.all()
            ]


def default_story_date():
    return timezone.localdate()


class StoryPage(CountrySectionMixin, BasePage):
    """One story. Its country is the section of the page tree it lives in."""

    storyteller = models.CharField(
        _("storyteller"),
        max_length=120,
        blank=True,
        help_text=_(
            "The name the storyteller wants readers to see, e.g. “Maria, mother of two”. "
            "Leave empty and the story is shown as told by “Anonymous”."
        ),
    )
    centre = models.ForeignKey(
        "network.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text=_("The mother centre this story comes from, if any."),
    )
    themes = ParentalManyToManyField(
        "stories.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="stories",
        help_text=_("Tick every theme the story is about. Readers can filter stories by theme."),
    )
    original_language = models.CharField(
        _("first told in"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the storyteller first told the story in."),
    )
    date = models.DateField(
        _("date"),
        default=default_story_date,
        help_text=_("When the story was told. Stories are listed newest first."),
    )
    featured = models.BooleanField(
        _("show on the home page"),
        default=False,
        help_text=_("Featured stories appear on the home page of this language."),
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("the story"),
        help_text=_(
            "Tell the story with paragraphs, headings, photos, video, audio and quotes. "
            "Add a block with the + button."
        ),
    )

    base_form_class = StoryPageForm
    # wagtail-localize leaves many-to-many fields out unless told: translations keep the source's
    # themes (shown in each reader's language through the themes' own translations).
    override_translatable_fields = [SynchronizedField("themes")]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("image", heading=_("Hero image")),
        MultiFieldPanel(
            [
                FieldPanel("storyteller"),
                FieldRowPanel([FieldPanel("original_language"), FieldPanel("date")]),
                FieldPanel("centre"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the story"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = [FieldPanel("featured"), *Page.promote_panels]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("storyteller"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("original_language"),
        index.FilterField("date"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("storyteller"),
        APIField("original_language"),
        APIField("date"),
        APIField("country", serializer=PageLinkSerializerField()),
        APIField("centre", serializer=PageLinkSerializerField(source="localized_centre")),
        APIField("themes", serializer=TermsSerializerField(source="localized_themes")),
        APIField("body"),
    ]

    parent_page_types = ["stories.StoryIndexPage", "network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @property
    def original_language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.original_language, self.original_language)

    @cached_property
    def localized_centre(self):
        """The centre's page in this story's language when it is translated; nothing when the
        centre is a draft or private (its title is not the public's to read)."""
        return public_translation(self.centre, self.locale)

    @cached_property
    def localized_themes(self) -> list[Theme]:
        attach_themes([self], self.locale)
        return self.theme_list

    def get_social_image(self):
        """The hero image, or else the first image in the story, so shared links have a picture."""
        if self.image:
            return self.image
        for block in self.body:
            if block.block_type == "image" and block.value.get("image"):
                return block.value["image"]
        return None

    def related_stories(self, limit: int = 3) -> list["StoryPage"]:
        """Live stories of the same language that share a theme or the centre, newest first."""
        condition = Q(themes__slug__in=[theme.slug for theme in self.themes.all()])
        if self.centre_id:
            condition |= Q(centre__translation_key=self.centre.translation_key)
        related = list(
            StoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(condition)
            .exclude(pk=self.pk)
            .distinct()
            .order_by("-date", "-pk")
            .select_related("image")
            .prefetch_related("image__renditions", "themes")[:limit]
        )
        attach_countries(related)
        attach_themes(related, self.locale)
        return related

    def listed_with_centre(self) -> list:
        """Other apps' live pages linked to this story's centre (walks through it), in the story's
        language where translated: registered with the network's hook, never imported here."""
        if self.localized_centre is None:
            return []
        listed = centre_listings(self.centre, self.locale, exclude=StoryPage)
        return [item for item in listed if item.listing.named_centre_heading]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_list"] = self.localized_themes
        context["related_stories"] = self.related_stories()
        context["centre_listings"] = self.listed_with_centre()
        context["stories_index"] = (
            StoryIndexPage.objects.live().public().filter(locale_id=self.locale_id).first()
        )
        return context


class StorySubmission(models.Model):
    """A story sent in through "Tell your story", kept as it arrived (never a page itself).

    It holds the sender's personal data (e-mail, consents): only editors see it, in the admin.
    Deleting it removes that data, its files and the draft made from it, unless that draft has
    been published.
    """

    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    public_name = models.CharField(_("public name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"))
    country = models.ForeignKey(
        "network.CountryPage",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    centre = models.ForeignKey(
        "network.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("story"))
    photo_description = models.CharField(_("what the photos show"), max_length=250, blank=True)
    consent_publish = models.BooleanField(_("agreed to publication"), default=False)
    consent_contact = models.BooleanField(_("may be contacted"), default=False)
    story_page = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("draft story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editors_notified = models.BooleanField(_("editors notified"), default=False)
    # The notices about it (in Outgoing mail): deleted with the submission.
    mails = GenericRelation("core.OutgoingMail")

    class Meta:
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def status(self) -> str:
        page = self.story_page
        if page is None:
            return _("Received, no draft story (see the log)")
        if page.live:
            return _("Published")
        return _("Draft waiting for review")

    status.fget.short_description = _("status")

    # How the admin's inspect view shows these fields (it calls get_<field>_display).
    def get_consent_publish_display(self) -> str:
        return yesno(self.consent_publish, _("yes,no"))

    def get_consent_contact_display(self) -> str:
        return yesno(self.consent_contact, _("yes,no"))

    def get_editors_notified_display(self) -> str:
        return yesno(self.editors_notified, _("yes,no"))

    def get_text_display(self) -> str:
        return linebreaks_filter(self.text, autoescape=True)

    def get_country_display(self) -> str:
        return self.country.title if self.country else "—"

    def get_centre_display(self) -> str:
        return self.centre.title if self.centre else "—"

    def draft_story(self) -> str:
        if self.story_page_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[self.story_page_id]),
            _("Open the story in the editor"),
        )

    draft_story.short_description = _("draft story")

    def submitted_files(self) -> str:
        files = self.files.all()
        if not files:
            return "—"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("story_submission_file", args=[f.pk]), f.get_kind_display()) for f in files),
        )

    submitted_files.short_description = _("files as they were sent (photos without metadata)")

    def delete(self, *args, **kwargs):
        """Delete the personal data with the record: the uploaded files and, unless the story has
        been published (with the sender's consent), the draft and the images and recordings made
        for it. A published story stays until an editor unpublishes or deletes it."""
        page = StoryPage.objects.filter(pk=self.story_page_id).first()  # fresh: it may be published
        if page is None or (not page.live and page.first_published_at is None):
            for upload in self.files.select_related("image", "media"):
                if upload.image is not None:
                    upload.image.delete()
                if upload.media is not None:
                    upload.media.delete()
            if page is not None:
                page.delete()
        return super().delete(*args, **kwargs)


def submission_upload_path(instance, filename: str) -> str:
    # A random name (the sender's own may carry personal data), with the extension the checks gave
    # (submissions.py names every file by its content): anything else is stored as .bin.
    import uuid

    from .private_files import safe_extension

    return f"submissions/{uuid.uuid4().hex}.{safe_extension(filename)}"


class SubmissionFile(models.Model):
    """A photo (stripped of its metadata), video or audio file that came with a submission."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photo")
        VIDEO = "video", _("video")
        AUDIO = "audio", _("audio")

    submission = models.ForeignKey(
        StorySubmission, on_delete=models.CASCADE, related_name="files", verbose_name=_("story")
    )
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    # In the private storage: the web server never serves it; editors download it from the admin.
    file = models.FileField(_("file"), upload_to=submission_upload_path, storage=private_storage)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    media = models.ForeignKey(
        "core.BridgesMedia", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"
