"""Virtual walks through a centre or a neighbourhood, stop by stop."""

from hashlib import sha256

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.api_schema import INTEGER, NUMBER, nullable
from cms.localized import in_language, one_per_translation
from cms.pages import BasePage, IntroMixin
from cms.serializers import PageLinkSerializerField
from network.models import (
    CountryPage,
    CountrySectionMixin,
    FromCentreMixin,
    attach_countries,
    country_path,
)
from network.panels import MapCountryPanel

from .blocks import WalkStopsBlock


def format_duration(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return ngettext("about %(minutes)d minute", "about %(minutes)d minutes", rest) % {
            "minutes": rest
        }
    if not rest:
        return ngettext("about %(hours)d hour", "about %(hours)d hours", hours) % {"hours": hours}
    return _("about %(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}


class WalkIndexPage(RoutablePageMixin, BasePage):
    """/<lang>/walks/: every walk in the reader's language, with a map of where each one starts."""

    content_panels = [*BasePage.content_panels]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["walks.WalkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("walks page")

    def walks(self):
        """Every live public walk once, wherever it lives in the tree (country sections): in this
        page's language where translated or aliased, else the original (cms.localized)."""
        return in_language(WalkPage.objects.live().public(), self.locale).order_by(
            "-first_published_at", "pk"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        walks = self.walks()
        # Countries to filter by: those with at least one walk, found from the walks' tree paths.
        walk_paths = walks.values_list("path", flat=True)
        versions = list(
            CountryPage.objects.live()
            .public()
            .filter(path__in={country_path(path) for path in walk_paths} - {None})
            .only("id", "title", "slug", "path", "url_path", "locale_id", "translation_key")
        )
        # Walks of several languages' trees: each country once, in this language where it is.
        countries = sorted(
            one_per_translation(versions, self.locale), key=lambda c: c.title.lower()
        )
        selected = next((c for c in countries if c.slug == request.GET.get("country")), None)
        if selected is not None:
            section = Q()
            for version in versions:
                if version.translation_key == selected.translation_key:
                    section |= Q(path__startswith=version.path)
            walks = walks.filter(section)

        cards = walks.select_related("image").prefetch_related("image__renditions")
        page_obj = Paginator(cards, settings.WALKS_PER_PAGE).get_page(request.GET.get("page"))
        attach_countries(page_obj.object_list)
        # The map shows where every matching walk starts, not only the walks on this page of cards.
        starts = []
        for walk in walks.only("id", "title", "url_path", "locale_id", "path", "stops"):
            if walk.start is not None:
                latitude, longitude = walk.start
                starts.append(
                    {
                        "title": walk.title,
                        "url": walk.get_url(request),
                        "latitude": latitude,
                        "longitude": longitude,
                    }
                )
        context.update(
            walks=page_obj, countries=countries, selected_country=selected, starts=starts
        )
        return context

    @path("saved/", name="saved_walks")
    def saved_walks(self, request):
        """The walks this phone has saved for offline use, listed by walk-offline.js from the
        browser's own storage (the server knows nothing of them)."""
        return TemplateResponse(request, "walks/saved_walks.html", super().get_context(request))


class WalkPage(RoutablePageMixin, CountrySectionMixin, FromCentreMixin, IntroMixin, BasePage):
    field_help_texts = {
        "intro": _("What the walker will see, in a few sentences."),
        "centre": _("The mother centre this walk goes through, if any."),
    }
    duration_minutes = models.PositiveSmallIntegerField(
        _("how long it takes (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_(
            "About how many minutes a reader needs to follow the whole walk, watching and "
            "listening included, e.g. 20."
        ),
    )
    save_videos_offline = models.BooleanField(
        _("save the videos with the walk for offline use"),
        default=False,
        help_text=_(
            "Tick only when the walk's videos are small (together under about 20 MB, e.g. short "
            "clips at phone size): readers who save the walk on their phone then get the videos "
            "too. Otherwise the videos play only when the phone is online."
        ),
    )
    stops = StreamField(
        WalkStopsBlock(),
        blank=True,
        verbose_name=_("stops"),
        help_text=_(
            "The stops in the order of the walk. Add a stop with +, drag stops to reorder them."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        *IntroMixin.intro_panels,
        FieldRowPanel([FieldPanel("centre"), FieldPanel("duration_minutes")]),
        MapCountryPanel(),  # the stops' maps open on the section's country
        FieldPanel("stops"),
        FieldPanel("save_videos_offline"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *IntroMixin.intro_search_fields,
        index.SearchField("stops"),
    ]
    api_fields = [
        *BasePage.api_fields,
        *IntroMixin.intro_api_fields,
        APIField("duration_minutes"),
        APIField("country", serializer=PageLinkSerializerField()),
        *FromCentreMixin.centre_api_fields,
        APIField("stop_count"),
        APIField("start"),
        APIField("stops"),
    ]
    # The OpenAPI document's description of the API fields that are properties (cms/openapi.py).
    api_field_schemas = {
        "stop_count": INTEGER,
        "start": nullable({"type": "array", "items": NUMBER, "minItems": 2, "maxItems": 2}),
    }
    # The centre is the same place in every language; readers are sent to its translation.
    override_translatable_fields = [SynchronizedField("centre")]

    parent_page_types = ["walks.WalkIndexPage", "network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("walk")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # "Save this walk for offline use" fetches the map's tiles and the photos (if they live on
        # a media host) from the page itself: those hosts, and no other, may be fetched from here.
        response._csp_update = {"connect-src": settings.CSP_MEDIA_HOSTS}
        return response

    @cached_property
    def saved_walks_url(self) -> str:
        from .offline import saved_walks_url

        return saved_walks_url(self)

    @path("offline/", name="offline_manifest")
    def offline_manifest(self, request):
        """The files a phone stores to take this walk offline, with their sizes (walks/offline.py)."""
        from .offline import offline_manifest

        if self.get_view_restrictions().exists():
            raise Http404  # a private walk is not copied into a browser's storage
        # The walk's page is rendered to list its files: once per publication, host and language.
        key = (
            "walks:offline:"
            + sha256(
                "|".join(
                    str(part)
                    for part in (
                        self.pk,
                        self.latest_revision_id,
                        self.last_published_at,
                        request.get_host(),
                        request.scheme,
                        settings.WALKS_OFFLINE_TILES,
                        settings.WALKS_OFFLINE_MAX_TILES,
                    )
                ).encode()
            ).hexdigest()
        )
        manifest = cache.get(key)
        if manifest is None:
            manifest = offline_manifest(self, request)
            cache.set(key, manifest, 24 * 3600)
        response = JsonResponse(manifest)
        response["Cache-Control"] = "no-cache"
        return response

    @cached_property
    def stop_count(self) -> int:
        # The raw JSON is enough to count: no image or media is loaded.
        return len(self.stops.raw_data)

    @cached_property
    def start(self) -> tuple[float, float] | None:
        """Where the walk starts (the first stop's point), read from the raw JSON for listings."""
        for item in self.stops.raw_data:
            location = (item.get("value") or {}).get("location") or {}
            if location.get("latitude") is not None and location.get("longitude") is not None:
                return (location["latitude"], location["longitude"])
        return None

    @property
    def duration_display(self) -> str:
        return format_duration(self.duration_minutes)

    def card_meta(self) -> str:
        """“Slovenia · 6 stops · about 30 minutes” on cards; uses `country` from attach_countries."""
        parts = [self.country.title] if self.country else []
        parts.append(
            ngettext("%(count)d stop", "%(count)d stops", self.stop_count)
            % {"count": self.stop_count}
        )
        if self.duration_minutes:
            parts.append(self.duration_display)
        return " · ".join(parts)

    def route_stops(self) -> list[dict]:
        """Every stop's number, title and point, for the route map (json_script)."""
        return [
            {
                "number": number,
                "anchor": f"stop-{number}",
                "title": stop.value["title"],
                "place": stop.value["place_name"],
                "latitude": stop.value["location"]["latitude"],
                "longitude": stop.value["location"]["longitude"],
            }
            for number, stop in enumerate(self.stops, start=1)
        ]
