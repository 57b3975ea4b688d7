"""The story pages: the stories page (/<lang>/stories/, with filters and the "Tell your story"
form, whose view is stories.views) and one story."""

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.db.models.functions import Substr
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyStreamBlock
from cms.blocks.text import RICH_TEXT_FEATURES
from cms.caching import cached_fragment
from cms.localized import in_language, one_per_translation
from cms.pages import BasePage, IntroMixin
from cms.serializers import PageLinkSerializerField, TermsSerializerField
from network.listings import centre_listings
from network.models import (
    CountryPage,
    CountrySectionMixin,
    FromCentreMixin,
    attach_countries,
)
from network.models.countries import COUNTRY_DEPTH

from ..feeds import StoriesFeed
from .page_form import StoryPageForm
from .themes import Theme, attach_themes

STORIES_PER_PAGE = 12
LANGUAGE_NAMES = dict(settings.LANGUAGES)


class StoryPaginator(Paginator):
    """Django's Paginator over the ids of an ordered queryset, with a known count (kept in the
    cache), that reads a page past the middle backwards: the last page of 100,000 stories is as
    quick as the first, where OFFSET 99,990 read every row before it."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.count = count  # Paginator.count is a cached_property: this is its value

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ids = self.object_list.values_list("pk", flat=True)
        if bottom > self.count // 2:
            window = list(ids.reverse()[self.count - top : self.count - bottom])[::-1]
        else:
            window = list(ids[bottom:top])
        return self._get_page(window, number, self)


class StoryIndexPage(RoutablePageMixin, IntroMixin, BasePage):
    """/<lang>/stories/: every live story of the language, with filters, and the "Tell your story"
    form at /<lang>/stories/tell-your-story/."""

    field_help_texts = {"intro": _("Shown above the list of stories.")}
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
        *IntroMixin.intro_panels,
        MultiFieldPanel(
            [FieldPanel("form_intro"), FieldPanel("thank_you_text")],
            heading=_("Tell your story"),
        ),
    ]
    api_fields = [*BasePage.api_fields, *IntroMixin.intro_api_fields]

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
        """Every live story once: in this page's language where translated (or aliased in its
        synchronised tree), else the original (cms.localized.in_language)."""
        return in_language(StoryPage.objects.live().public(), self.locale)

    @path("feed/", name="feed")
    def feed(self, request):
        """An Atom feed of the newest live, public stories in this page's language."""
        return StoriesFeed(self)(request)

    def filter_options(self, stories) -> dict:
        """What the reader can filter by: only values that lead to at least one story.

        Asked of the database (an EXISTS per country section, DISTINCT languages), never by
        reading every story's row, and kept in the cache per language until a page is published.
        """

        def build():
            # The country sections that hold stories, from the stories' own paths in one pass (a
            # country's path is the head of its stories' paths): an EXISTS per country page took
            # over a minute on SQLite with 100,000 stories, each one scanning every story.
            sections = (
                stories.order_by()
                .annotate(section=Substr("path", 1, CountryPage.steplen * COUNTRY_DEPTH))
                .values_list("section", flat=True)
                .distinct()
            )
            # Stories of several languages' trees: each country once (in this language where it
            # is), filtering on the sections of all its versions that hold stories.
            countries = list(
                CountryPage.objects.filter(path__in=set(sections)).only(
                    "id", "title", "slug", "path", "translation_key", "locale_id"
                )
            )
            chosen = one_per_translation(countries, self.locale)
            for country in chosen:
                country.section_paths = [
                    c.path for c in countries if c.translation_key == country.translation_key
                ]
            languages = set(
                stories.order_by().values_list("original_language", flat=True).distinct()
            )
            return {
                "countries": sorted(chosen, key=lambda country: country.title.lower()),
                "themes": list(Theme.for_locale(self.locale)),
                "languages": [
                    (code, name) for code, name in settings.LANGUAGES if code in languages
                ],
            }

        return cached_fragment("story-filters", self.locale_id, build=build)

    def filtered_stories(self, request, options: dict):
        stories = self.live_stories()
        selected = {"country": None, "theme": None, "language": None}
        country_slug = request.GET.get("country", "")
        country = next((c for c in options["countries"] if c.slug == country_slug), None)
        if country is not None:
            section = Q()
            for section_path in country.section_paths:
                section |= Q(path__startswith=section_path)
            stories = stories.filter(section)
            selected["country"] = country.slug
        theme_slug = request.GET.get("theme", "")
        if any(theme.slug == theme_slug for theme in options["themes"]):
            # A subquery, not a join: no DISTINCT over every story to count and sort them.
            stories = stories.filter(
                pk__in=StoryPage.themes.through.objects.filter(theme__slug=theme_slug).values(
                    "storypage_id"
                )
            )
            selected["theme"] = theme_slug
        language = request.GET.get("language", "")
        if language in LANGUAGE_NAMES:
            stories = stories.filter(original_language=language)
            selected["language"] = language
        return stories, selected

    @path("")
    def index(self, request):
        all_stories = self.live_stories()
        options = self.filter_options(all_stories)
        stories, selected = self.filtered_stories(request, options)
        # The count of each filter's stories, kept until a page is published (the filters' values
        # are known ones only: no reader's input reaches the cache key).
        count = cached_fragment(
            "story-count", self.locale_id, *selected.values(), build=stories.count
        )
        # Newest first; the id last, so that stories of the same day and moment keep one order
        # from page to page (and read backwards the same).
        ordered = stories.order_by("-date", "-first_published_at", "-pk")
        paginator = StoryPaginator(ordered, STORIES_PER_PAGE, count=count)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        # The twelve with their images and themes, read by id: the sort above carries ids only.
        ids = list(page_obj.object_list)
        by_id = {
            story.pk: story
            for story in stories.filter(pk__in=ids)
            .select_related("image")
            .prefetch_related("image__renditions", "themes")
        }
        items = [by_id[pk] for pk in ids if pk in by_id]
        page_obj.object_list = items
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

    # Tell your story: the public submission form (stories.views) and its thank-you page.

    @path("tell-your-story/", name="tell_your_story")
    def tell_your_story(self, request) -> HttpResponse:
        return views().tell_your_story(self, request)

    # A story told by voice: the recording's resumable upload (tus), stories.recordings.

    @path("tell-your-story/recordings/", name="recordings")
    def recordings(self, request) -> HttpResponse:
        return recordings().create(request, request.path)

    @path("tell-your-story/recordings/<str:upload_id>/", name="recording")
    def recording(self, request, upload_id: str) -> HttpResponse:
        return recordings().resume(request, upload_id)

    def handle_options_request(self, request, *args, **kwargs):
        """The recorder's upload answers OPTIONS itself, with the tus capabilities (Wagtail
        otherwise answers for the whole page)."""
        route = args[0] if args else ()  # the route's (view, args, kwargs)
        if route and getattr(route[0], "__name__", "") == "recordings":
            return recordings().create(request, request.path)
        return super().handle_options_request(request, *args, **kwargs)

    def csrf_failure(self, request, view=None, args=(), kwargs=None):
        """An expired session (CSRF_FAILURE_VIEW, see cms.views): the form comes back with what
        was typed and a message, instead of Django's bare 403 page; the recorder's upload gets
        JSON, as its script expects."""
        name = getattr(view, "__name__", "")
        if name in ("recordings", "recording"):
            return recordings().csrf_refused(request)
        if name != "tell_your_story":
            return None
        return views().session_expired(self, request)

    @path("tell-your-story/thank-you/", name="thank_you")
    def thank_you(self, request) -> HttpResponse:
        return self.render(
            request,
            template="stories/thank_you.html",
            context_overrides={"contact_email": settings.STORIES_CONTACT_EMAIL},
        )


def views():
    """stories.views, imported when a form request arrives: the view builds on these models (its
    form saves a StorySubmission, its services make a StoryPage), so importing it while the models
    load would be a cycle inside the app."""
    from .. import views

    return views


def recordings():
    """stories.recordings, imported when an upload arrives (like views(): it builds on the form's
    rate limit, which builds on these models)."""
    from .. import recordings

    return recordings


def default_story_date():
    return timezone.localdate()


class StoryPage(CountrySectionMixin, FromCentreMixin, BasePage):
    """One story. Its country is the section of the page tree it lives in."""

    field_help_texts = {"centre": _("The mother centre this story comes from, if any.")}
    storyteller = models.CharField(
        _("storyteller"),
        max_length=120,
        blank=True,
        help_text=_(
            "The name the storyteller wants readers to see, e.g. “Maria, mother of two”. "
            "Leave empty and the story is shown as told by “Anonymous”."
        ),
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
        FieldPanel("image_alt_text"),
        FieldPanel("image_credit"),
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
        *FromCentreMixin.centre_api_fields,
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
            in_language(StoryPage.objects.live().public(), self.locale)
            .filter(condition)
            .exclude(translation_key=self.translation_key)
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
        # The themes once for the tags, the related stories and the structured data.
        prefetch_related_objects([self], "themes")
        context["theme_list"] = self.localized_themes
        context["related_stories"] = self.related_stories()
        context["centre_listings"] = self.listed_with_centre()
        context["stories_index"] = cached_fragment(
            "stories-index",
            self.locale_id,
            build=lambda: (
                StoryIndexPage.objects.live().public().filter(locale_id=self.locale_id).first()
            ),
        )
        return context
