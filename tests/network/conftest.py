"""Fixtures of the network tests: the network and events pages and a few countries."""

import pytest
from django.core.cache import cache

from network.factories import make_country


@pytest.fixture(autouse=True)
def _empty_cache():
    # The map's GeoJSON is cached; every test starts without it.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network(section_pages):
    return section_pages["network"].specific


@pytest.fixture
def events_index(section_pages):
    return section_pages["events"].specific


@pytest.fixture
def slovakia(network):
    return make_country(network, "Slovakia", "SK")


@pytest.fixture
def germany(network):
    return make_country(network, "Germany", "DE")


def soup_of(response):
    from bs4 import BeautifulSoup

    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")
