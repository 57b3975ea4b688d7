"""One translators' group per language (`setup_groups`): a Slovak translator, logged in to the
admin, translates a story into Slovak and publishes it; she cannot edit the English original,
translate into German or publish the German translation. Publishing with untranslated texts
names them. The admin speaks each user's language."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import StringSegment, Translation

from cms.core.translation import translate_page
from cms.core.translators import translators_group_name
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(section_pages):
    return StoryPageFactory(
        parent=section_pages["stories"], title="A kitchen in Žilina", summary="Mothers cook."
    )


def test_setup_groups_makes_one_translators_group_per_language(languages):
    out = io.StringIO()
    call_command("setup_groups", stdout=out)
    call_command("setup_groups", stdout=io.StringIO())  # a second run adds nothing
    names = set(Group.objects.values_list("name", flat=True))
    others = [code for code, _name in settings.LANGUAGES if code != "en"]
    assert {translators_group_name(code) for code in others} <= names
    assert translators_group_name("sk") == "Translators: Slovenčina (sk)"
    slovak = Group.objects.get(name=translators_group_name("sk"))
    pages = GroupPagePermission.objects.filter(group=slovak)
    assert {p.page.locale.language_code for p in pages} == {"sk"}
    assert (
        pages.count() == 5
    )  # add, change, publish, lock, unlock on the Slovak home: no duplicates
    # The old shared group keeps the themes and images, but no page anywhere.
    assert not GroupPagePermission.objects.filter(group__name="Translators").exists()


def offered_locales(response) -> set[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    return {codes[int(box["value"])] for box in soup.select("input[name=locales][type=checkbox]")}


def test_a_slovak_translator_translates_into_slovak_only(
    slovak_translator, story, django_capture_on_commit_callbacks
):
    client = slovak_translator
    submit = f"/admin/localize/submit/page/{story.pk}/"
    assert offered_locales(client.get(submit)) == {"sk"}

    # German is refused even when posted by hand.
    german = Locale.objects.get(language_code="de")
    response = client.post(submit, {"locales": [german.pk]})
    assert response.status_code == 200  # the form again, with an error
    assert story.get_translation_or_none(german) is None

    # Slovak: the translation is made, and she lands in the translation editor.
    slovak = Locale.objects.get(language_code="sk")
    response = client.post(submit, {"locales": [slovak.pk]})
    assert response.status_code == 302
    slovak_story = story.get_translation(slovak)
    assert response["Location"] == f"/admin/pages/{slovak_story.pk}/edit/"
    editor = client.get(response["Location"])
    assert editor.status_code == 200

    # She translates every text through the editor's own API and publishes.
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=slovak
    )
    words = {"A kitchen in Žilina": "Kuchyňa v Žiline", "Mothers cook.": "Mamy varia."}
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        answer = client.put(
            f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
            data=f"value={words.get(segment.string.data, segment.string.data)}",
            content_type="application/x-www-form-urlencoded",
        )
        assert answer.status_code in (200, 201), answer.content
    # (wagtail-localize publishes when the transaction commits)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{slovak_story.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    slovak_story.refresh_from_db()
    assert slovak_story.live and slovak_story.title == "Kuchyňa v Žiline"


def test_a_slovak_translator_cannot_edit_the_original_or_publish_german(
    slovak_translator, story, django_user_model
):
    client = slovak_translator
    # The English original: no edit screen, no saved change.
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code in (302, 403)
    response = client.post(
        f"/admin/pages/{story.pk}/edit/",
        {"title": "Hacked", "slug": story.slug, "action": "publish"},
    )
    assert response.status_code in (302, 403)
    story.refresh_from_db()
    assert story.title == "A kitchen in Žilina"

    # A German translation made by someone else: she can neither open nor publish it.
    german = translate_page(story, "de", {"A kitchen in Žilina": "Eine Küche in Žilina"})
    german.title = "Entwurf"
    german.save_revision()
    response = client.post(f"/admin/pages/{german.pk}/edit/", {"action": "publish"})
    assert response.status_code in (302, 403)
    german.refresh_from_db()
    assert german.title == "Eine Küche in Žilina"  # the draft was not published
    assert not german.permissions_for_user(
        django_user_model.objects.get(username="zuzana")
    ).can_edit()


def test_publishing_with_untranslated_texts_names_them(slovak_translator, story):
    client = slovak_translator
    slovak = Locale.objects.get(language_code="sk")
    client.post(f"/admin/localize/submit/page/{story.pk}/", {"locales": [slovak.pk]})
    slovak_story = story.get_translation(slovak)
    response = client.post(
        f"/admin/pages/{slovak_story.pk}/edit/", {"action": "publish"}, follow=True
    )
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "Not translated yet, so readers see the original" in text
    assert "“Mothers cook.”" in text and "“A kitchen in Žilina”" in text


def test_the_admin_follows_each_users_language(client, django_user_model, home_page):
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == [
        code for code, _ in settings.LANGUAGES
    ]
    assert len(settings.WAGTAILADMIN_PERMITTED_LANGUAGES) == 11
    user = django_user_model.objects.create_superuser("jana", "jana@example.org", "pw")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sk"
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "sk"
    # Bridges' own panel speaks Slovak.
    text = soup.get_text(" ")
    assert "Zastarané preklady" in text and "Translations out of date" not in text
    # So do Wagtail's own words: its Slovak catalogue is named sk_SK, which gettext finds for
    # "sk" (it tries sk_SK before sk). That catalogue is old and small (about a quarter of the
    # admin's words), so much of the admin stays English.
    # (Words Bridges' own catalogues do not have, so they can only come from Wagtail's.)
    assert soup.title.get_text(strip=True).startswith("Nástenka")  # "Dashboard"
    menu = json.loads(soup.select_one("#wagtail-sidebar-props").string)
    menu = json.dumps(menu, ensure_ascii=False)
    assert "Obrázky" in menu and "Images" not in menu


def test_a_language_home_made_as_an_alias_later_gets_its_translators(home_page):
    call_command("setup_groups", stdout=io.StringIO())
    czech = Locale.objects.get(language_code="cs")
    # What locale synchronisation does for a new language: the home page as an alias.
    alias = home_page.create_alias(
        update_locale=czech,
        parent=home_page.get_parent(),
        update_slug=f"{home_page.slug}-cs",
        reset_translation_key=False,
    )
    group = Group.objects.get(name=translators_group_name("cs"))
    assert GroupPagePermission.objects.filter(group=group, page=alias).count() == 5
