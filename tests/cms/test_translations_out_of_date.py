"""When an English page is published with changed text, its translations are out of date at once:
each language's translators get an e-mail (through the task queue) and see it on their dashboard,
and the sync screen shows exactly which texts are new or changed."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail as django_mail
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from cms.core.models import OutgoingMail, SourceChange
from cms.core.translators import translators_group_name
from stories.factories import StoryPageFactory
from tests.cms.test_translation_grid import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(section_pages):
    story = StoryPageFactory(
        parent=section_pages["stories"], title="The garden", summary="We planted beans."
    )
    translate(story, "sk")
    translate(story, "de")
    return story


@pytest.fixture
def translators(story, django_user_model):
    call_command("setup_groups", stdout=io.StringIO())
    users = {}
    for code, name in (("sk", "zuzana"), ("de", "greta"), ("hu", "hanna")):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(Group.objects.get(name=translators_group_name(code)))
        users[code] = user
    django_mail.outbox.clear()
    return users


def change_story(story, **fields):
    story = story.specific.__class__.objects.get(pk=story.pk)
    for name, value in fields.items():
        setattr(story, name, value)
    story.save_revision().publish()
    return story


def test_publishing_changed_text_marks_translations_and_mails_their_translators(story, translators):
    change_story(story, summary="We planted beans and potatoes.")
    source = TranslationSource.objects.get(object_id=story.translation_key)
    change = SourceChange.objects.get(source=source)
    assert change.changed_at > source.last_updated_at
    assert change.changes == [
        {
            "kind": "changed",
            "field": "Summary",
            "text": "We planted beans and potatoes.",
            "was": "We planted beans.",
        }
    ]

    # One mail per language the story is translated into, in that language; none to Hungarian.
    by_recipient = {tuple(m.to): m for m in django_mail.outbox}
    assert set(by_recipient) == {("zuzana@example.org",), ("greta@example.org",)}
    slovak = by_recipient[("zuzana@example.org",)]
    assert slovak.subject == "Zastaraný preklad: The garden"
    assert "We planted beans and potatoes." in slovak.body
    assert f"/admin/localize/update/{source.pk}/" in slovak.body
    german = by_recipient[("greta@example.org",)]
    assert german.subject == "Übersetzung veraltet: The garden"
    assert "Ihre Übersetzung ist veraltet" in german.body
    assert OutgoingMail.objects.filter(language="sk").count() == 1  # through the mail queue


def test_publishing_without_a_text_change_tells_nobody(story, translators):
    change_story(story)  # published again, same words
    assert not SourceChange.objects.exists()
    assert django_mail.outbox == []


def test_the_dashboard_shows_each_translator_her_languages(client, story, translators):
    change_story(story, title="The big garden")
    client.force_login(translators["sk"])
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.select_one("[data-panel=translations-out-of-date]")
    assert panel is not None
    row = panel.select_one("tr[data-source]")
    assert "The big garden" in row.get_text() or "The garden" in row.get_text()
    assert row.select("td")[1].get_text(strip=True) == "sk"  # her language only, not German
    source = TranslationSource.objects.get(object_id=story.translation_key)
    assert row.select_one("a")["href"] == f"/admin/localize/update/{source.pk}/"

    client.force_login(translators["hu"])  # nothing of hers is out of date
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert soup.select("[data-panel=translations-out-of-date] tr[data-source]") == []


def test_syncing_shows_what_changed_and_brings_the_translation_up_to_date(
    client, story, translators, django_user_model
):
    change_story(story, summary="We planted beans and potatoes.", title="The big garden")
    source = TranslationSource.objects.get(object_id=story.translation_key)
    client.force_login(translators["sk"])
    sync = f"/admin/localize/update/{source.pk}/"
    soup = BeautifulSoup(client.get(sync).content, "html.parser")
    rows = [
        [td.get_text(strip=True) for td in tr.select("td")]
        for tr in soup.select(".bridges-source-changes tr[data-kind]")
    ]
    assert ["Changed", "Summary", "We planted beans and potatoes.", "We planted beans."] in rows
    assert ["Changed", "Title", "The big garden", "The garden"] in rows

    # She syncs and publishes: Slovak is published, German (not hers) only synced as a draft.
    german = story.get_translation(Locale.objects.get(language_code="de"))
    german_revision = german.live_revision_id
    response = client.post(sync, {"publish_translations": "on"})
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.last_updated_at > SourceChange.objects.get(source=source).changed_at
    german.refresh_from_db()
    assert german.live_revision_id == german_revision

    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    soup = BeautifulSoup(
        client.get("/admin/reports/translations/", {"state": "out_of_date"}).content,
        "html.parser",
    )
    assert soup.select("td[data-state=out_of_date]") == []
