"""The dashboard's "Translations out of date" panel asks the database a fixed number of times,
however many sources changed, and for a translator whose languages none of them concern too."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.core.models import SourceChange
from cms.core.translation_notices import out_of_date_for
from cms.core.translators import translators_group_name
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def changed_stories(section_pages, count: int, start: int = 0):
    """`count` stories translated into Slovak and German whose English text changed since."""
    later = timezone.now() + datetime.timedelta(hours=1)
    for n in range(start, start + count):
        story = StoryPageFactory(parent=section_pages["stories"], title=f"Changed {n}")
        source, _created = TranslationSource.get_or_create_from_instance(story)
        for code in ("sk", "de"):
            Translation.objects.create(
                source=source, target_locale=Locale.objects.get(language_code=code), enabled=True
            )
        SourceChange.objects.create(source=source, changed_at=later + datetime.timedelta(n))


@pytest.fixture
def translator(client, django_user_model, home_page):
    call_command("setup_groups", stdout=io.StringIO())

    def log_in(code: str):
        user = django_user_model.objects.create_user(code, f"{code}@example.org", "pw")
        user.groups.add(Group.objects.get(name=translators_group_name(code)))
        client.force_login(user)
        return user

    return log_in


def dashboard_queries(client) -> tuple[int, BeautifulSoup]:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/admin/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return len(context.captured_queries), soup.select_one("[data-panel=translations-out-of-date]")


def test_the_panel_asks_as_often_for_30_changes_as_for_2(client, section_pages, translator):
    translator("hu")  # Hungarian: none of the changes concern her
    changed_stories(section_pages, 2)
    client.get("/admin/")  # the first request fills per-process caches
    few, panel = dashboard_queries(client)
    assert panel.select("tbody tr") == []
    changed_stories(section_pages, 28, start=2)
    many, panel = dashboard_queries(client)
    assert panel.select("tbody tr") == []
    assert many == few


def test_a_translator_sees_the_newest_changes_in_her_languages(
    client, section_pages, translator, django_assert_max_num_queries
):
    user = translator("sk")
    changed_stories(section_pages, 25)
    with django_assert_max_num_queries(3):
        found = out_of_date_for(user)
    assert len(found) == 20
    assert [change.source.object_repr for change, _codes in found[:2]] == [
        "Changed 24",
        "Changed 23",
    ]
    assert {tuple(codes) for _change, codes in found} == {("sk",)}
    _count, panel = dashboard_queries(client)
    assert len(panel.select("tbody tr")) == 20
