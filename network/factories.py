"""Countries, centres and events for tests and demo content: published pages, made the way an
editor would (through Wagtail), plus a bulk maker of many centres for scale tests."""

import datetime
import itertools

from django.utils import timezone
from django.utils.text import slugify

from cms.core.demo import get_or_create_page
from network.centres_csv import create_centres
from network.models import CentrePage, CountryPage, EventPage

_numbers = itertools.count(1)


def make_country(network, title: str = "Slovakia", code: str = "SK", **fields) -> CountryPage:
    fields.setdefault("summary", f"Mother centres in {title}.")
    page, _created = get_or_create_page(
        network,
        CountryPage,
        fields.pop("slug", slugify(title)),
        title=title,
        country_code=code,
        **fields,
    )
    return page


def make_centre(country, title: str | None = None, **fields) -> CentrePage:
    title = title or f"Mother centre {next(_numbers)}"
    fields.setdefault("city", "Žilina")
    fields.setdefault("latitude", 49.2231)
    fields.setdefault("longitude", 18.7394)
    page, _created = get_or_create_page(
        country, CentrePage, fields.pop("slug", slugify(title)), title=title, **fields
    )
    return page


def make_event(parent, title: str | None = None, start=None, hours: float = 1.5, **fields):
    title = title or f"Network meeting {next(_numbers)}"
    start = start or timezone.now() + datetime.timedelta(days=30)
    fields.setdefault("end", start + datetime.timedelta(hours=hours))
    page, _created = get_or_create_page(
        parent, EventPage, fields.pop("slug", slugify(title)), title=title, start=start, **fields
    )
    return page


def bulk_centres(country, count: int, prefix: str = "Centre", **fields) -> list[CentrePage]:
    """Many published centres at once (the CSV importer's bulk path), for scale tests."""
    number = next(_numbers)
    centres = []
    for index in range(count):
        centre = CentrePage(
            title=f"{prefix} {number}-{index}",
            slug=f"{slugify(prefix)}-{number}-{index}",
            city=fields.get("city", "Bratislava"),
            kind=fields.get("kind", "mother_centre"),
            latitude=48.0 + (index % 100) / 100,
            longitude=17.0 + (index // 100) / 100,
        )
        centres.append(centre)
    create_centres(country, centres)
    return centres
