"""Factories for the network's pages (the network and events index pages, countries, centres and
events), for the demo content and the tests, plus a bulk maker of many centres for scale tests.

Each page factory gets or creates on parent and slug (cms.core.factories.PageFactory)."""

import datetime
import itertools

import factory
from django.utils import timezone
from django.utils.text import slugify

from cms.core.factories import PageFactory
from network.centres_csv import create_centres
from network.models import CentrePage, CountryPage, EventIndexPage, EventPage, NetworkPage

_numbers = itertools.count(1)


class NetworkPageFactory(PageFactory):
    class Meta:
        model = NetworkPage

    title = "The network"
    slug = "network"


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Events"
    slug = "events"


class CountryPageFactory(PageFactory):
    """A country section: `CountryPageFactory(parent=network, title="Slovakia", country_code="SK")`."""

    class Meta:
        model = CountryPage

    title = "Slovakia"
    country_code = "SK"
    summary = factory.LazyAttribute(lambda o: f"Mother centres in {o.title}.")


class CentrePageFactory(PageFactory):
    class Meta:
        model = CentrePage

    title = factory.Sequence(lambda n: f"Mother centre {n + 1}")
    city = "Žilina"
    latitude = 49.2231
    longitude = 18.7394


class EventPageFactory(PageFactory):
    """An event a month from now lasting `hours` (1.5 unless told), or from `start` to `end`."""

    class Meta:
        model = EventPage

    class Params:
        hours = 1.5

    title = factory.Sequence(lambda n: f"Network meeting {n + 1}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=o.hours))


# The short forms older tests use: `make_country(network, "Germany", "DE")`.
def bulk_centres(country, count: int, prefix: str = "Centre", **fields) -> list[CentrePage]:
    """Many published centres at once (the CSV importer's bulk path), for scale tests."""
    number = next(_numbers)
    centres = [
        CentrePageFactory.build(
            title=f"{prefix} {number}-{index}",
            slug=f"{slugify(prefix)}-{number}-{index}",
            city=fields.get("city", "Bratislava"),
            kind=fields.get("kind", "mother_centre"),
            latitude=48.0 + (index % 100) / 100,
            longitude=17.0 + (index // 100) / 100,
        )
        for index in range(count)
    ]
    create_centres(country, centres)
    return centres
