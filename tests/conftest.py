"""Fixtures shared by the whole suite. Each test builds its own data through the apps' factories,
the same ones the demo content uses."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page

from home.factories import english_home
from network.factories import CountryPageFactory, EventIndexPageFactory, NetworkPageFactory
from stories.factories import StoryIndexPageFactory
from walks.factories import WalkIndexPageFactory


@pytest.fixture(scope="session", autouse=True)
def _clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.BRIDGES_PRIVATE_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request to /de/ activates German in the worker's thread; the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _own_recordings_folder(settings, tmp_path):
    """Each test's voice recordings in progress in a folder of its own: a test that clears stale
    parts must not remove the parts another test (or another worker) is still sending."""
    settings.STORIES_RECORDINGS_DIR = tmp_path / "recordings-in-progress"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the header's cached menus (cms.caching) and rate
    limits of one test's pages must not leak into the next, whose database was rolled back."""
    cache.clear()
    yield


@pytest.fixture
def home_page(db):
    """The English home page, made by the migrations like on a fresh site."""
    return english_home()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as migrated, but with no locale synchronised (migration core 0004 syncs
    them all): each alias is a copy of a page (some thirty queries), and ten of them for every page
    a test or the admin makes would slow the whole suite several times over, and change what tests
    of one language count. Tests of readers in every language ask for it (`sync_locales`)."""
    from django.db import connections
    from wagtail_localize.models import LocaleSynchronization

    with django_db_blocker.unblock():
        LocaleSynchronization.objects.all().delete()
        for alias in connections:
            connection = connections[alias]
            if hasattr(connection, "_test_serialized_contents"):  # serialized_rollback's copy
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def sync_locales(db, settings):
    """`sync_locales("sk", "de")`: those locales' trees synchronised from English, as every locale's
    is on the site: existing pages are aliased at once, pages published later (in code or in the
    admin) when they are made. `sync_locales()` synchronises all ten. Returns the aliases made."""
    from wagtail_localize.models import LocaleSynchronization

    from cms.core.locale_sync import synchronise_all_trees

    def sync(*language_codes: str) -> int:
        default = Locale.get_default()
        locales = Locale.objects.exclude(pk=default.pk)
        if language_codes:
            locales = locales.filter(language_code__in=language_codes)
        before = Page.objects.filter(alias_of__isnull=False).count()
        for locale in locales:
            # Saving one makes wagtail-localize sync that tree at once, as in the admin.
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": default}
            )
        synchronise_all_trees()
        return Page.objects.filter(alias_of__isnull=False).count() - before

    return sync


@pytest.fixture
def locale_de(db):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def section_pages(home_page):
    """The index pages of the page tree (DESIGN.md): stories, walks, network, events."""
    return {
        "stories": StoryIndexPageFactory(parent=home_page),
        "walks": WalkIndexPageFactory(parent=home_page),
        "network": NetworkPageFactory(parent=home_page),
        "events": EventIndexPageFactory(parent=home_page),
    }


# The country sections, as the demo content makes them (network/demo.py COUNTRIES): slug, title
# and code agree everywhere.


@pytest.fixture
def slovakia(section_pages):
    return CountryPageFactory(parent=section_pages["network"], title="Slovakia", country_code="SK")


@pytest.fixture
def germany(section_pages):
    return CountryPageFactory(parent=section_pages["network"], title="Germany", country_code="DE")


@pytest.fixture
def hungary(section_pages):
    return CountryPageFactory(parent=section_pages["network"], title="Hungary", country_code="HU")


@pytest.fixture
def slovenia(section_pages):
    return CountryPageFactory(parent=section_pages["network"], title="Slovenia", country_code="SI")


@pytest.fixture
def languages(home_page, section_pages):
    """The Slovak and German homes and story sections exist (translated by an administrator)."""
    from cms.core.demo import translate_once

    for code in ("sk", "de"):
        translate_once(home_page, code, {})
        translate_once(Page.objects.get(pk=section_pages["stories"].pk), code, {})


@pytest.fixture
def slovak_translator(client, django_user_model, languages):
    """A Slovak translator (her language's group from `setup_groups`), logged in."""
    import io

    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from cms.core.translators import translators_group_name

    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user("zuzana", "zuzana@example.org", "pw")
    user.groups.add(Group.objects.get(name=translators_group_name("sk")))
    client.force_login(user)
    return client
