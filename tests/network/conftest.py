"""Fixtures of the network tests: the network and events pages (the countries are in
tests/conftest.py)."""

import pytest
from django.core.cache import cache


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


def soup_of(response):
    from bs4 import BeautifulSoup

    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")
