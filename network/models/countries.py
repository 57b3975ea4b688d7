"""The network page (directory and map of all centres) and the country pages (national sections)."""

from collections.abc import Iterable

from django.core.validators import RegexValidator
from django.db import models
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.gzip import gzip_page
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.api_schema import STRING, obj
from cms.caching import cached_fragment
from cms.pages import BasePage, IntroMixin

from .routes import views

COUNTRY_DEPTH = 4  # the root, a language's home, the network page, the country


def country_path(path: str) -> str | None:
    """The tree path of the country section a page with this path lies in (the page is a country's
    descendant: Home / The network / Slovakia / ...), else None. The country of a page, without a
    query: compare it with CountryPage.path."""
    length = CountryPage.steplen * COUNTRY_DEPTH
    return path[:length] if len(path) > length else None


class CountrySectionMixin:
    """For pages that live in a country's section: their country is that section, never a second
    field that could disagree with where the page is."""

    @cached_property
    def country(self) -> "CountryPage | None":
        return countries_by_path().get(country_path(self.path))


def countries_by_path() -> dict[str, "CountryPage"]:
    """Every country page (of every language) by its tree path, kept in the cache until a page
    is published, moved or deleted: some fifty small pages, which every card and story reads."""
    return cached_fragment(
        "countries-by-path",
        build=lambda: {country.path: country for country in CountryPage.objects.order_by("path")},
    )


def attach_countries(pages: Iterable) -> None:
    """Fill `country` on many pages (for listings), without a query per page."""
    countries = countries_by_path()
    for page in pages:
        page.country = countries.get(country_path(page.path))


class NetworkPage(RoutablePageMixin, IntroMixin, BasePage):
    field_help_texts = {"intro": _("Shown above the list of countries and the map.")}

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels]
    search_fields = [*BasePage.search_fields, *IntroMixin.intro_search_fields]
    api_fields = [*BasePage.api_fields, *IntroMixin.intro_api_fields]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.CountryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network page")

    @path("")
    def directory(self, request):
        """Every country with its number of centres, and the directory of centres: filter by
        country, kind and words (all in the URL, so it works without JavaScript), paginated."""
        return views().network_directory(self, request)

    @path("centres.geojson/", name="centres_geojson")
    @method_decorator(gzip_page)
    def centres_geojson(self, request):
        """Every centre on the map in one cached response (see network.directory)."""
        return views().centres_geojson(self, request)

    @property
    def geojson_url(self) -> str:
        # Routable routes end in "/"; a file-like name reads better without it (cms/urls.py).
        return self.url + self.reverse_subpage("centres_geojson").rstrip("/")


class CountryPage(IntroMixin, BasePage):
    """One national network's section: its editors work only inside it."""

    field_help_texts = {"intro": _("A few words about the mother centres in this country.")}
    country_code = models.CharField(
        _("country code"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. SK for Slovakia."))],
        help_text=_(
            "The two-letter code of the country (ISO 3166), e.g. SK, DE, HU. The centres "
            "spreadsheet (CSV) uses it in its “country” column."
        ),
    )
    contact_name = models.CharField(
        _("contact person or office"),
        max_length=200,
        blank=True,
        help_text=_("Who answers questions about mother centres in this country."),
    )
    contact_organisation = models.CharField(
        _("national network"),
        max_length=200,
        blank=True,
        help_text=_("The national network or umbrella organisation, if there is one."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("A public address, shown on the page."),
    )
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=50,
        blank=True,
        help_text=_("With the country code, e.g. +421 2 1234 5678."),
    )
    contact_website = models.URLField(
        _("national website"),
        blank=True,
        help_text=_("The national network's website, e.g. https://www.materskecentra.sk/"),
    )

    content_panels = [
        *BasePage.content_panels,
        *IntroMixin.intro_panels,
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_website"),
            ],
            heading=_("National contact"),
        ),
        FieldPanel("country_code"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *IntroMixin.intro_search_fields,
        index.SearchField("contact_organisation"),
    ]
    api_fields = [
        *BasePage.api_fields,
        *IntroMixin.intro_api_fields,
        APIField("country_code"),
        APIField("contact"),
    ]
    # The OpenAPI document's description of the API fields that are properties (cms/openapi.py).
    api_field_schemas = {
        "contact": obj(
            {
                "organisation": STRING,
                "name": STRING,
                "email": STRING,
                "phone": STRING,
                "website": STRING,
            }
        ),
    }
    # Translators translate the introduction; codes and addresses are the same in every language.
    override_translatable_fields = [
        SynchronizedField("country_code", overridable=False),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("contact_website", overridable=False),
    ]

    parent_page_types = ["network.NetworkPage"]
    subpage_types = [
        "network.CentrePage",
        "stories.StoryPage",
        "walks.WalkPage",
        "network.EventPage",
    ]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    @property
    def contact(self) -> dict:
        return {
            "organisation": self.contact_organisation,
            "name": self.contact_name,
            "email": self.contact_email,
            "phone": self.contact_phone,
            "website": self.contact_website,
        }

    @property
    def has_contact(self) -> bool:
        return any(self.contact.values())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views().country_section_context(self))
        return context
