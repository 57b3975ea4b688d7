"""The translation status grid at /admin/reports/translations/: each page in each language is
missing, in progress (n %), out of date (with the date) or up to date, links to what fixes it,
filters and downloads as CSV, and answers in the same number of queries for 5 pages or 60."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource

from cms.core.demo import translate_once
from cms.core.translation import translate_page
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/translations/"


def all_strings(page, code: str) -> dict[str, str]:
    """Every text of the page, translated (as a translator who finished would leave it)."""
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    return {
        segment.string.data: f"[{code}] {segment.string.data}"
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    }


def translate(page, code: str, strings: dict[str, str] | None = None):
    for ancestor in page.get_ancestors().filter(depth__gt=1).order_by("depth"):
        translate_once(Page.objects.get(pk=ancestor.pk), code, {})
    return translate_page(page, code, all_strings(page, code) if strings is None else strings)


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    return client


@pytest.fixture
def stories(section_pages):
    index = section_pages["stories"]
    done = StoryPageFactory(parent=index, title="Up to date story", summary="Done everywhere.")
    half = StoryPageFactory(parent=index, title="Half story", summary="Half done.")
    changed = StoryPageFactory(parent=index, title="Changed story", summary="First words.")
    untouched = StoryPageFactory(parent=index, title="Untouched story", summary="Nobody yet.")
    translate(done, "sk")
    translate(half, "de", {"Half story": "Halbe Geschichte"})  # the title only, not the summary
    translate(changed, "hu")
    # The editor changes the English story after the Hungarian translation was made.
    changed = changed.specific
    changed.summary = "Second, changed words."
    changed.save_revision().publish()
    # An alias (what locale synchronisation makes of an untranslated page) is not a translation.
    italian_index = translate_once(Page.objects.get(pk=index.pk), "it", {})
    untouched.create_alias(
        parent=italian_index, update_locale=Locale.objects.get(language_code="it")
    )
    return {"done": done, "half": half, "changed": changed, "untouched": untouched}


def grid_of(response) -> dict[str, dict[str, dict]]:
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("table[data-translation-grid]")
    assert table is not None
    rows = {}
    for tr in table.select("tbody tr"):
        title = tr.select_one("th a").get_text(strip=True)
        rows[title] = {
            td["data-locale"]: {
                "state": td["data-state"],
                "text": td.get_text(" ", strip=True),
                "action": td.select_one("a[data-action]")["href"]
                if td.select_one("a[data-action]")
                else "",
            }
            for td in tr.select("td")
        }
    return rows


def test_every_language_is_a_column_and_each_cell_says_where_the_page_stands(admin_client, stories):
    rows = grid_of(admin_client.get(URL))
    assert list(rows["Up to date story"]) == [
        "en", "bg", "cs", "de", "hu", "it", "nl", "sk", "sl", "sr", "uk",
    ]  # fmt: skip
    done = rows["Up to date story"]
    assert done["en"]["state"] == "source"
    assert done["sk"]["state"] == "up_to_date"
    assert done["de"]["state"] == "missing"
    sk_page = stories["done"].get_translation(Locale.objects.get(language_code="sk"))
    assert done["sk"]["action"] == f"/admin/pages/{sk_page.pk}/edit/"
    assert done["de"]["action"] == (
        f"/admin/localize/submit/page/{stories['done'].pk}/?select_locale=de"
    )

    half = rows["Half story"]["de"]
    assert half["state"] == "in_progress"
    # Only the title is translated, of the story's texts (title, slug, summary...).
    texts = StringSegment.objects.filter(source__object_id=stories["half"].translation_key).count()
    assert texts >= 2
    assert f"in progress ({100 // texts} %)" in half["text"]

    changed = rows["Changed story"]["hu"]
    assert changed["state"] == "out_of_date"
    assert "source changed 20" in changed["text"]  # with the date
    source = TranslationSource.objects.get(object_id=stories["changed"].translation_key)
    assert changed["action"] == f"/admin/localize/update/{source.pk}/"

    # The Italian alias of the untouched story counts as missing.
    assert rows["Untouched story"]["it"]["state"] == "missing"
    assert {cell["state"] for code, cell in rows["Untouched story"].items() if code != "en"} == {
        "missing"
    }


def test_the_grid_filters_by_language_state_section_and_type(admin_client, stories):
    rows = grid_of(admin_client.get(URL, {"locale": "hu", "state": "out_of_date"}))
    assert list(rows) == ["Changed story"]
    assert list(rows["Changed story"]) == ["en", "hu"]

    rows = grid_of(admin_client.get(URL, {"state": "in_progress", "locale": "de"}))
    assert "Half story" in rows and "Up to date story" not in rows

    stories_index = Page.objects.get(pk=stories["done"].get_parent().pk)
    rows = grid_of(admin_client.get(URL, {"section": stories_index.path}))
    assert set(rows) == {
        "Stories",
        "Up to date story",
        "Half story",
        "Changed story",
        "Untouched story",
    }

    from django.contrib.contenttypes.models import ContentType

    story_type = ContentType.objects.get(app_label="stories", model="storypage")
    rows = grid_of(admin_client.get(URL, {"page_type": story_type.pk}))
    assert set(rows) == {"Up to date story", "Half story", "Changed story", "Untouched story"}


def test_the_grid_downloads_as_csv(admin_client, stories):
    response = admin_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    rows = {row["Title"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["Half story"]["de"].startswith("in progress (")
    assert rows["Up to date story"]["sk"] == "up to date"
    assert rows["Changed story"]["hu"].startswith("out of date (source changed ")
    assert rows["Untouched story"]["it"] == "missing"
    assert rows["Up to date story"]["en"] == "original"


def test_the_reports_menu_opens_the_grid(admin_client, stories):
    soup = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    assert URL in str(soup)
    assert "/admin/localize/reports/translations/" not in str(soup)


def count_queries(client, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(URL, params or {})
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_grid_answers_in_the_same_number_of_queries_for_a_larger_tree(
    admin_client, section_pages
):
    index = section_pages["stories"]
    for n in range(3):
        translate(StoryPageFactory(parent=index, title=f"Small {n}"), "sk")
    count_queries(admin_client)  # the first request fills per-process caches (user profile, ...)
    small = count_queries(admin_client)
    small_filtered = count_queries(admin_client, {"state": "up_to_date"})
    for n in range(20):
        story = StoryPageFactory(parent=index, title=f"Large {n}")
        if n % 3 == 0:
            translate(story, "sk")
        elif n % 3 == 1:
            translate(story, "de", {f"Large {n}": f"Groß {n}"})
    assert count_queries(admin_client) == small
    assert count_queries(admin_client, {"state": "up_to_date"}) == small_filtered
