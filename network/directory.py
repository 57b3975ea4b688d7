"""The network as a reader sees it in their language: country sections, the directory of centres,
the one cached GeoJSON the maps use, and the lists on country and centre pages.

Every list here takes a fixed number of queries, however many centres there are.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from wagtail.models import Locale

from cms.caching import cached_fragment
from cms.localized import default_locale, in_language, one_per_translation
from network.listings import centre_listings, country_listings
from network.models import CentrePage, CountryPage, EventPage, NetworkPage
from network.text import fold

GEOJSON_CACHE_SECONDS = 24 * 60 * 60  # emptied whenever a centre or country changes
GEOJSON_BROWSER_SECONDS = 5 * 60
COUNTRY_PAGE_CENTRES = 12


class Sections:
    """The country sections in the reader's language (or the default language where a country is
    not translated), and which section any page of any language belongs to."""

    @classmethod
    def for_locale(cls, locale: Locale) -> "Sections":
        """The sections of `locale`, kept in the cache until a page is published (every page of
        the network, the home page's events and the stories' cards read them)."""
        return cached_fragment("sections", locale.pk, build=lambda: cls(locale))

    def __init__(self, locale: Locale):
        self.locale = locale
        self.default = default_locale()
        # Every language's country sections: a story told and published in Slovak only lives in
        # the Slovak tree, and belongs on the Slovakia page in every language (the one rule of
        # every list: the original where there is no translation). Shown: the reader's version
        # of each country, else the default language's.
        pages = list(CountryPage.objects.live().public().select_related("locale").order_by("path"))
        self._key_by_path = {page.path: page.translation_key for page in pages}
        shown = [page for page in pages if page.locale_id in {locale.pk, self.default.pk}]
        self.by_key = {page.translation_key: page for page in one_per_translation(shown, locale)}
        self._prefix_lengths = sorted({len(path) for path in self._key_by_path})
        self.countries = sorted(self.by_key.values(), key=lambda page: fold(page.title))

    def of(self, page) -> CountryPage | None:
        """The country a page belongs to, in the reader's language."""
        for length in self._prefix_lengths:
            key = self._key_by_path.get(page.path[:length])
            if key is not None:
                return self.by_key[key]
        return None

    def attach(self, pages) -> None:
        for page in pages:
            page.country = self.of(page)

    def by_slug(self, slug: str) -> CountryPage | None:
        return next((c for c in self.countries if c.slug == slug), None)

    def section_q(self, country: CountryPage | None) -> Q:
        """Pages inside this country's section, in any language."""
        if country is None:
            return Q(pk__in=[])
        paths = {p for p, k in self._key_by_path.items() if k == country.translation_key}
        q = Q()
        for path in sorted({country.path, *paths}):
            q |= Q(path__startswith=path)
        return q

    def with_counts(self, centres) -> list[tuple[CountryPage, int]]:
        """Every country with its number of centres, in one query."""
        counts = dict.fromkeys(self.by_key, 0)
        for length in self._prefix_lengths:
            rows = (
                centres.order_by()
                .annotate(section=Substr("path", 1, length))
                .values("section")
                .annotate(n=Count("pk"))
            )
            for row in rows:
                key = self._key_by_path.get(row["section"])
                if key is not None:
                    counts[key] += row["n"]
        return [(country, counts[country.translation_key]) for country in self.countries]


def localized_centres(locale: Locale, default: Locale | None = None):
    return in_language(CentrePage.objects.live().public(), locale, default)


def localized_events(locale: Locale, default: Locale | None = None):
    return in_language(EventPage.objects.live().public(), locale, default)


def with_images(queryset):
    return queryset.select_related("image").prefetch_related("image__renditions")


# -- country and centre pages ---------------------------------------------------------------


def country_section_context(country: CountryPage) -> dict:
    """A country page: its centres, events, and each app's pages in its section (in the reader's
    language, or the original language where they are not translated)."""
    sections = Sections.for_locale(country.locale)
    section = sections.section_q(country)
    centres = localized_centres(country.locale, sections.default).filter(section)
    now = timezone.now()
    events = localized_events(country.locale, sections.default).filter(section)
    network = cached_fragment(
        "network-page",
        country.pk,
        build=lambda: NetworkPage.objects.filter(path=country.path[: -country.steplen]).first(),
    )

    listed_centres = list(
        with_images(centres).select_related("locale").order_by("title")[:COUNTRY_PAGE_CENTRES]
    )
    upcoming = list(events.filter(end__gte=now).select_related("locale").order_by("start")[:6])
    past = list(events.filter(end__lt=now).select_related("locale").order_by("-start")[:3])
    sections.attach([*listed_centres, *upcoming, *past])
    return {
        "network_page": network,
        "centres": listed_centres,
        "centre_count": centres.count(),
        "directory_url": f"{network.url}?country={country.slug}" if network else "",
        "geojson_url": network.geojson_url if network else "",
        "listings": country_listings(sections, country),
        "upcoming_events": upcoming,
        "past_events": past,
    }


def centre_context(centre: CentrePage) -> dict:
    """A centre page: each app's live pages linked to this centre in any language."""
    return {"listings": centre_listings(centre, centre.locale)}


# -- the map's GeoJSON ----------------------------------------------------------------------


def geojson_cache_key(language_code: str) -> str:
    return f"network:centres-geojson:{language_code}"


def invalidate_geojson(**kwargs) -> None:
    """Forget the cached map data of every language (a centre or a country changed)."""
    cache.delete_many([geojson_cache_key(code) for code, _name in settings.LANGUAGES])


def centres_geojson(locale: Locale, request=None) -> dict:
    """Every live centre with a location, as a GeoJSON FeatureCollection (RFC 7946)."""
    sections = Sections.for_locale(locale)
    centres = (
        localized_centres(locale, sections.default)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .only("id", "title", "url_path", "path", "kind", "city", "latitude", "longitude")
        .order_by("path")
    )
    kinds = dict(CentrePage._meta.get_field("kind").flatchoices)
    features = []
    for centre in centres:
        country = sections.of(centre)
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    # GeoJSON is longitude first; five decimals are about one metre.
                    "coordinates": [round(centre.longitude, 5), round(centre.latitude, 5)],
                },
                "properties": {
                    "name": centre.title,
                    "url": centre.get_url(request),
                    "kind": centre.kind,
                    "kind_label": str(kinds.get(centre.kind, "")),
                    "city": centre.city,
                    "country": country.slug if country else "",
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geojson_response(request, locale: Locale) -> HttpResponse:
    """The map's data: built once per language and cached until a centre or country changes;
    browsers may keep it a few minutes and revalidate it with its ETag."""
    key = geojson_cache_key(locale.language_code)
    cached = cache.get(key)
    if cached is None:
        body = json.dumps(
            centres_geojson(locale, request), ensure_ascii=False, separators=(",", ":")
        ).encode()
        etag = f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
        cached = {"body": body, "etag": etag}
        cache.set(key, cached, GEOJSON_CACHE_SECONDS)
    response = get_conditional_response(request, etag=cached["etag"])
    if response is None:
        response = HttpResponse(cached["body"], content_type="application/geo+json")
    response["ETag"] = cached["etag"]
    response["Cache-Control"] = f"public, max-age={GEOJSON_BROWSER_SECONDS}"
    return response
