"""Fixtures shared by the whole suite. Each test builds its own data through factories."""

import shutil

import pytest
from django.conf import settings
from wagtail.models import Locale

from cms.core.demo import english_home, get_or_create_page


@pytest.fixture(scope="session", autouse=True)
def _clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.BRIDGES_PRIVATE_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def home_page(db):
    """The English home page, made by the migrations like on a fresh site."""
    return english_home()


@pytest.fixture
def locale_de(db):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def section_pages(home_page):
    """The index pages of the page tree (DESIGN.md): stories, walks, network, events."""
    from network.models import EventIndexPage, NetworkPage
    from stories.models import StoryIndexPage
    from walks.models import WalkIndexPage

    pages = {}
    for key, page_class, title in [
        ("stories", StoryIndexPage, "Stories"),
        ("walks", WalkIndexPage, "Virtual walks"),
        ("network", NetworkPage, "The network"),
        ("events", EventIndexPage, "Events"),
    ]:
        pages[key], _created = get_or_create_page(home_page, page_class, key, title=title)
    return pages
