"""The extension point through which higher apps list their pages on country and centre pages.

The network is the lower layer: it never imports stories or walks. Each of them registers a
`SectionListing` with the `register_section_listing` Wagtail hook (in its wagtail_hooks.py):

    @hooks.register(REGISTER_SECTION_LISTING)
    def register_story_listing():
        return SectionListing(name="stories", model=StoryPage, ...)

A country page then shows each app's pages in its section, and a centre page (or a story about a
centre) each app's pages linked to the centre, with the app's own card. Every listing is fetched in
one query per app (plus the app's own `prepare`), however many pages it shows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from wagtail import hooks
from wagtail.models import Locale, Page

from cms.localized import in_language
from network.models import CentrePage, CountryPage, attach_countries

REGISTER_SECTION_LISTING = "register_section_listing"
COUNTRY_PAGE_ITEMS = 6


def _nothing_to_prepare(pages: list, locale: Locale) -> None:
    return None


@dataclass(frozen=True)
class SectionListing:
    """How an app's pages are listed on the network's pages.

    `model` is a page type with a `centre` foreign key (network.models.CentreLinkMixin).
    `card_template` is rendered once per page with the page as `card_name` (the same include the
    app's own list uses). `prepare(pages, locale)` attaches what the cards need, in a fixed number
    of queries; `country` is attached already.
    """

    name: str
    model: type[Page]
    card_template: str
    card_name: str
    country_heading: str
    centre_heading: str
    named_centre_heading: str = ""  # "Walk through %(centre)s": on another page about the centre
    prepare: Callable[[list, Locale], None] = _nothing_to_prepare
    order: int = 0


@dataclass
class ListedPages:
    """One listing's pages, ready for a template."""

    listing: SectionListing
    pages: list

    @property
    def heading_id(self) -> str:
        return f"{self.listing.name}-heading"


def section_listings() -> list[SectionListing]:
    """Every registered listing, in the order the apps asked for."""
    listings = [register() for register in hooks.get_hooks(REGISTER_SECTION_LISTING)]
    return sorted(listings, key=lambda listing: (listing.order, listing.name))


def _live(listing: SectionListing):
    return (
        listing.model.objects.live()
        .public()
        .select_related("image")
        .prefetch_related("image__renditions")
    )


def _finish(listing: SectionListing, pages: list, locale: Locale) -> ListedPages:
    listing.prepare(pages, locale)
    return ListedPages(listing, pages)


def country_listings(sections, country: CountryPage) -> list[ListedPages]:
    """Each app's newest live pages in this country's section (in the reader's language, or in
    the default language where not translated), the country named in the reader's language."""
    section: Q = sections.section_q(country)
    listed = []
    for listing in section_listings():
        queryset = in_language(_live(listing), country.locale, sections.default).filter(section)
        pages = list(queryset.order_by("-first_published_at")[:COUNTRY_PAGE_ITEMS])
        sections.attach(pages)
        listed.append(_finish(listing, pages, country.locale))
    return [item for item in listed if item.pages]


def centre_listings(
    centre: CentrePage, locale: Locale, exclude: type[Page] | None = None
) -> list[ListedPages]:
    """Each app's live pages linked to this centre (in any language), in `locale` where translated."""
    listed = []
    for listing in section_listings():
        if exclude is not None and listing.model is exclude:
            continue
        queryset = _live(listing).filter(centre__translation_key=centre.translation_key)
        pages = list(in_language(queryset, locale).order_by("-first_published_at"))
        listed.append(ListedPages(listing, pages))
    attach_countries([page for item in listed for page in item.pages])
    return [_finish(item.listing, item.pages, locale) for item in listed if item.pages]
