"""The network: national sections, member centres and the network's events."""

from collections.abc import Iterable

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.blocks.text import RICH_TEXT_FEATURES
from cms.pages import BasePage


class CountrySectionMixin:
    """For pages that live in a country's section: their country is that section, never a second
    field that could disagree with where the page is."""

    @cached_property
    def country(self) -> "CountryPage | None":
        return CountryPage.objects.ancestor_of(self).first()


def attach_countries(pages: Iterable) -> None:
    """Fill `country` on many pages with one query (for listings), instead of one query per page."""
    pages = list(pages)
    prefixes = {page.path[: CountryPage.steplen * 4] for page in pages if page.depth > 4}
    countries = {
        country.path: country
        for country in CountryPage.objects.filter(path__in=prefixes).only(
            "id", "title", "slug", "path", "url_path", "locale_id"
        )
    }
    for page in pages:
        page.country = countries.get(page.path[: CountryPage.steplen * 4])


class NetworkPage(BasePage):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of countries and the map."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.CountryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network page")


class CountryPage(BasePage):
    """One national network's section: its editors work only inside it."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("A few words about the mother centres in this country."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

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


class CentrePage(CountrySectionMixin, BasePage):
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the centre offers and who comes."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("description")]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    api_fields = [*BasePage.api_fields, APIField("description")]

    parent_page_types = ["network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("centre")


class EventIndexPage(BasePage):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of events."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["network.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")


class EventPage(CountrySectionMixin, BasePage):
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the event is about and who it is for."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("description")]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    api_fields = [*BasePage.api_fields, APIField("description")]

    parent_page_types = ["network.EventIndexPage", "network.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
