"""A Slovak translator in a real browser: finds an untranslated story in the translation status
grid, translates it into Slovak in wagtail-localize's editor and publishes it; a Slovak reader
reads it, and the Slovak stories list still shows the stories nobody translated yet, each with a
badge naming its language."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from cms.core.demo import translate_once
from cms.core.translators import translators_group_name
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def stories(section_pages):
    index = section_pages["stories"]
    story = StoryPageFactory(
        parent=index, title="The Tuesday kitchen", summary="Mothers cook together."
    )
    untranslated = StoryPageFactory(
        parent=index, title="A garden in Ulm", summary="Beans and potatoes."
    )
    # The Slovak home and stories section exist (made by an administrator, or kept in step by
    # locale synchronisation).
    translate_once(Page.objects.get(pk=index.get_parent().pk), "sk", {})
    translate_once(Page.objects.get(pk=index.pk), "sk", {"Stories": "Príbehy"})
    return {"story": story, "untranslated": untranslated}


@pytest.fixture
def slovak_translator(django_user_model, stories):
    call_command("setup_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user("zuzana", "zuzana@example.org", "secret-pw")
    user.groups.add(Group.objects.get(name=translators_group_name("sk")))
    return user


def test_a_slovak_translator_translates_a_story_and_slovak_readers_read_it(
    live_server, browser_page, stories, slovak_translator
):
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("zuzana")
    page.get_by_label("Password").fill("secret-pw")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # The grid, in Slovak only: the story is missing, with a link that translates it.
    page.goto(f"{live_server.url}/admin/reports/translations/?locale=sk")
    row = page.locator(f"tr[data-page='{stories['story'].pk}']")
    cell = row.locator("td[data-locale=sk]")
    expect(cell).to_have_attribute("data-state", "missing")
    cell.get_by_role("link", name="Translate").click()

    # Only Slovak is offered (and already ticked).
    expect(page.locator("input[name=locales]")).to_have_count(1)
    expect(page.locator("input[name=locales]")).to_be_checked()
    page.get_by_role("button", name="Submit").click()

    # wagtail-localize's editor: translate the title and the summary, then publish.
    for original, slovak in (
        ("The Tuesday kitchen", "Utorková kuchyňa"),
        ("Mothers cook together.", "Mamy varia spolu."),
    ):
        segment = (
            page.locator("li", has_text=original)
            .filter(has=page.get_by_role("button", name="Translate"))
            .last
        )
        segment.get_by_role("button", name="Translate").click()
        page.locator("textarea").first.fill(slovak)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text(slovak).first).to_be_visible()
    page.get_by_role("button", name=re.compile("Publish in")).click()
    expect(page.get_by_text(re.compile("published", re.I)).first).to_be_visible()

    slovak = Locale.objects.get(language_code="sk")
    translated = stories["story"].get_translation(slovak)
    translated.refresh_from_db()
    assert translated.live

    # The Slovak reader reads it.
    page.goto(f"{live_server.url}{translated.url}")
    expect(page.locator("html")).to_have_attribute("lang", "sk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Utorková kuchyňa")

    # The Slovak stories list: the translated story, and the untranslated one in English with a
    # badge naming its language and lang="en" (the listing rule of issue 10, langtree's part).
    page.goto(f"{live_server.url}/sk/stories/")
    expect(page.get_by_text("Utorková kuchyňa").first).to_be_visible()
    english_card = page.locator("[lang=en]", has_text="A garden in Ulm").first
    expect(english_card).to_be_visible()
    expect(english_card.locator("[class*=badge], [data-language-badge]").first).to_have_text(
        re.compile(r"English|angli|\bEN\b", re.I)
    )
