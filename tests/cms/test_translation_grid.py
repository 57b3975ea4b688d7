"""The translation status grid at /admin/reports/translations/: each source page (whatever its
language) in each language is missing, in progress (n %), not published, out of date (with the
date) or up to date, links to what fixes it for whoever may fix it, filters and downloads as CSV,
and answers in the same number of queries for 5 pages or 60."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource

from cms.core.demo import translate_once
from cms.core.translation import translate_page
from cms.core.translators import translators_group_name
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
        title = tr.select_one("th [data-title]").get_text(strip=True)
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
    # Only the title is translated, of the story's texts (title, summary...; the slug is optional).
    texts = (
        StringSegment.objects.filter(source__object_id=stories["half"].translation_key)
        .exclude(context__path="slug")
        .count()
    )
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


# Who may do what: a Slovak translator acts in Slovak only; editors and administrators everywhere.


def log_in_to(client, django_user_model, group_name: str, username: str):
    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


def test_a_translator_is_offered_actions_in_her_language_only(client, django_user_model, stories):
    client = log_in_to(client, django_user_model, translators_group_name("sk"), "zuzana")
    rows = grid_of(client.get(URL))
    for title, row in rows.items():
        for code, cell in row.items():
            if code != "sk":
                assert cell["action"] == "", (title, code, cell)
    # She sees where each language stands, without links that would refuse her.
    assert rows["Half story"]["de"]["state"] == "in_progress"
    assert rows["Changed story"]["hu"]["state"] == "out_of_date"
    assert rows["Up to date story"]["bg"]["state"] == "missing"
    # The English originals are not hers to edit: their titles are not links.
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    assert [a["href"] for a in soup.select("tbody th a")] == []

    # In Slovak she translates and edits, and every link she is given opens.
    sk_page = stories["done"].get_translation(Locale.objects.get(language_code="sk"))
    assert rows["Up to date story"]["sk"]["action"] == f"/admin/pages/{sk_page.pk}/edit/"
    assert rows["Half story"]["sk"]["action"] == (
        f"/admin/localize/submit/page/{stories['half'].pk}/?select_locale=sk"
    )
    for row in rows.values():
        if row["sk"]["action"]:
            assert client.get(row["sk"]["action"]).status_code == 200, row["sk"]["action"]


def test_an_editor_keeps_every_action(client, django_user_model, stories):
    client = log_in_to(client, django_user_model, "Editors", "erika")
    rows = grid_of(client.get(URL))
    half_de = stories["half"].get_translation(Locale.objects.get(language_code="de"))
    assert rows["Half story"]["de"]["action"] == f"/admin/pages/{half_de.pk}/edit/"
    assert rows["Up to date story"]["bg"]["action"].endswith("?select_locale=bg")
    assert rows["Changed story"]["hu"]["action"].startswith("/admin/localize/update/")
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    assert f"/admin/pages/{stories['half'].pk}/edit/" in [a["href"] for a in soup.select("th a")]


# What counts as translated, and what readers see.


def test_a_translation_with_every_text_but_the_slug_translated_is_up_to_date(
    admin_client, section_pages
):
    story = StoryPageFactory(parent=section_pages["stories"], title="Slug story", summary="Words.")
    strings = all_strings(story, "sk")
    del strings[story.slug]  # the URL name stays as in English, as a translator leaves it
    translate(story, "sk", strings)
    cell = grid_of(admin_client.get(URL))["Slug story"]["sk"]
    assert cell["state"] == "up_to_date", cell
    assert cell["text"].startswith("up to date")


def test_a_story_written_in_slovak_has_a_row_and_can_be_sent_for_translation(admin_client, stories):
    slovak = Locale.objects.get(language_code="sk")
    slovak_stories = Page.objects.get(pk=stories["done"].get_parent().pk).get_translation(slovak)
    original = StoryPageFactory(parent=slovak_stories, title="Príbeh zo Žiliny", summary="Varíme.")
    assert original.locale_id == slovak.pk

    row = grid_of(admin_client.get(URL))["Príbeh zo Žiliny"]
    assert row["sk"]["state"] == "source"
    assert row["sk"]["text"] == "original"
    assert row["en"]["state"] == "missing"
    assert row["en"]["action"] == f"/admin/localize/submit/page/{original.pk}/?select_locale=en"

    # Translated into English, it stays one row (the English page is not a source of its own).
    translate_page(original, "en", {"Príbeh zo Žiliny": "A story from Žilina"})
    rows = grid_of(admin_client.get(URL))
    assert "A story from Žilina" not in rows
    assert rows["Príbeh zo Žiliny"]["en"]["state"] == "in_progress"
    assert rows["Príbeh zo Žiliny"]["sk"]["state"] == "source"
    # And the Stories section filter finds it in the Slovak tree.
    stories_index = Page.objects.get(pk=stories["done"].get_parent().pk)
    assert "Príbeh zo Žiliny" in grid_of(admin_client.get(URL, {"section": stories_index.path}))


def test_drafts_show_as_drafts_and_a_draft_translation_is_not_up_to_date(admin_client, stories):
    draft = StoryPageFactory(parent=stories["done"].get_parent(), title="Draft story", live=False)
    german = Locale.objects.get(language_code="de")
    slovak = Locale.objects.get(language_code="sk")
    translate(stories["done"], "de")
    done_de = stories["done"].get_translation(german)
    done_de.specific.save_revision()  # a translator's unpublished edit: readers see the old one
    done_sk = stories["done"].get_translation(slovak)
    done_sk.unpublish()

    response = admin_client.get(URL)
    rows = grid_of(response)
    assert rows["Draft story"]["en"]["text"] == "original (draft)"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"tr[data-page='{draft.pk}']").has_attr("data-draft")
    assert rows["Up to date story"]["sk"]["state"] == "not_published"
    assert rows["Up to date story"]["sk"]["text"] == "translated, not published Edit"
    assert rows["Up to date story"]["de"]["state"] == "not_published"
    assert rows["Up to date story"]["de"]["text"] == "translated, changes not published Edit"

    assert "Draft story" not in grid_of(admin_client.get(URL, {"published": "live"}))
    assert set(grid_of(admin_client.get(URL, {"published": "draft"}))) == {"Draft story"}
    # Neither of its translations is up to date for readers any more: no page is.
    response = admin_client.get(URL, {"state": "up_to_date"})
    assert "Up to date story" not in BeautifulSoup(response.content, "html.parser").get_text()


def test_the_csv_gives_each_pages_public_address(admin_client, stories):
    StoryPageFactory(parent=stories["done"].get_parent(), title="Draft story", live=False)
    response = admin_client.get(URL, {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    rows = {row["Title"]: row for row in csv.DictReader(io.StringIO(text))}
    assert "Path" not in rows["Half story"]
    done = Page.objects.get(pk=stories["done"].pk)
    assert rows["Up to date story"]["URL"] == done.get_url()
    assert "/home/" not in rows["Up to date story"]["URL"]
    assert rows["Up to date story"]["URL"].endswith("/stories/up-to-date-story/")
    assert rows["Draft story"]["URL"] == ""  # no address for readers yet


def test_the_grid_scrolls_sideways_inside_its_box(admin_client, stories):
    soup = BeautifulSoup(admin_client.get(URL).content, "html.parser")
    box = soup.select_one("table[data-translation-grid]").parent
    assert "bridges-translation-grid" in box["class"]
    assert box.get("tabindex") == "0"  # reachable by keyboard to scroll
    css = " ".join(style.get_text() for style in soup.select("style"))
    assert ".bridges-translation-grid { overflow-x: auto;" in css
    assert "position: sticky" in css
