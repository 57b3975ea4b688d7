"""A Slovak translator, through the admin over HTTP, changes translations into Slovak only: she
cannot sync, submit, or edit a translation into another language, nor sync a page that has no
translation of hers, on any of wagtail-localize's screens that change data."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import resolve
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.core.translation import translate_page
from stories.factories import StoryPageFactory, ThemeFactory
from stories.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(languages, section_pages):
    return StoryPageFactory(
        parent=section_pages["stories"], title="A kitchen in Žilina", summary="Mothers cook."
    )


def refused(response) -> bool:
    """Wagtail answers a refused admin request with 403, or, for a whole screen, by sending the
    user back to the dashboard (with "Sorry, you do not have permission...")."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def revisions(page) -> list[int]:
    return list(page.revisions.order_by("pk").values_list("pk", flat=True))


def sync_url(page) -> str:
    return f"/admin/localize/update/{TranslationSource.objects.get_for_instance(page).pk}/"


def test_wagtail_localize_addresses_open_bridges_guarded_views():
    """Bridges' views are served at wagtail-localize's addresses: the first pattern that matches
    wins, so they must come first (the hook's order) or the checks below are bypassed."""
    assert resolve("/admin/localize/update/1/").url_name == "bridges_update_translations"
    assert resolve("/admin/localize/submit/page/1/").url_name == "bridges_submit_page_translation"
    snippet = resolve("/admin/localize/submit/snippet/stories/theme/1/")
    assert snippet.url_name == "bridges_submit_snippet_translation"
    for rest, name in [
        ("strings/2/edit/", "edit_string_translation"),
        ("overrides/2/edit/", "edit_override"),
        ("pofile/download/", "download_pofile"),
        ("pofile/upload/", "upload_pofile"),
        ("machine_translate/", "machine_translate"),
        ("preview/", "preview_translation"),
        ("preview/live/", "preview_translation"),
        ("disable/", "stop_translation"),
    ]:
        assert resolve(f"/admin/localize/translate/1/{rest}").url_name == f"bridges_{name}"


def test_she_cannot_sync_a_page_with_no_slovak_translation(zuzana, story):
    german = translate_page(story, "de", {"A kitchen in Žilina": "Eine Küche in Žilina"})
    before = revisions(german)
    story.summary = "Mothers cook together."
    story.save_revision().publish()

    assert refused(zuzana.get(sync_url(story)))
    assert refused(zuzana.post(sync_url(story), {"publish_translations": "on"}))
    german.refresh_from_db()
    assert revisions(german) == before
    assert german.summary == "Mothers cook."


def test_her_sync_reaches_the_slovak_translation_only(zuzana, story):
    slovak = translate_page(story, "sk", {"A kitchen in Žilina": "Kuchyňa v Žiline"})
    german = translate_page(story, "de", {"A kitchen in Žilina": "Eine Küche in Žilina"})
    german_before = revisions(german)
    story.summary = "Mothers cook together."
    story.save_revision().publish()

    page = BeautifulSoup(zuzana.get(sync_url(story)).content, "html.parser")
    linked = {a["href"] for a in page.select("a[href^='/admin/pages/']")}
    assert f"/admin/pages/{slovak.pk}/edit/" in linked
    assert f"/admin/pages/{german.pk}/edit/" not in linked

    response = zuzana.post(sync_url(story), {"publish_translations": "on"})
    assert response.status_code == 302
    slovak.refresh_from_db()
    german.refresh_from_db()
    assert slovak.title == "Kuchyňa v Žiline"
    assert slovak.summary == "Mothers cook together."  # synced and published, untranslated
    assert revisions(german) == german_before  # not even a draft
    assert german.summary == "Mothers cook."


@pytest.fixture
def german_translation(story):
    translate_page(story, "de", {"A kitchen in Žilina": "Eine Küche in Žilina"})
    return Translation.objects.get(
        source__object_id=story.translation_key, target_locale__language_code="de"
    )


def test_she_cannot_touch_the_german_translation_of_a_page(zuzana, story, german_translation):
    """wagtail-localize's own checks (the page's rights) already hold here; kept by this test."""
    german = story.get_translation(german_translation.target_locale)
    before = revisions(german)
    segment = StringSegment.objects.filter(source=german_translation.source).first()
    base = f"/admin/localize/translate/{german_translation.pk}"
    attempts = [
        ("put", f"{base}/strings/{segment.pk}/edit/", "value=Gehackt"),
        ("get", f"{base}/pofile/download/", None),
        ("post", f"{base}/pofile/upload/", None),
        ("get", f"{base}/preview/", None),
        ("post", f"{base}/disable/", None),
        ("get", f"/admin/pages/{german.pk}/edit/", None),
        ("post", f"/admin/pages/{german.pk}/edit/", {"action": "publish"}),
        # wagtail-localize's "Start Synced translation" and "Convert to alias" menu actions
        ("post", f"/admin/pages/{german.pk}/edit/", {"localize-restart-translation": "1"}),
        ("post", f"/admin/pages/{german.pk}/edit/", {"localize-convert-to-alias": "1"}),
        ("post", f"/admin/localize/page/{german.pk}/convert_to_alias/", None),
    ]
    for method, url, data in attempts:
        kwargs = {"content_type": "application/x-www-form-urlencoded"} if method == "put" else {}
        response = getattr(zuzana, method)(url, data or {}, **kwargs)
        assert refused(response), (method, url, response.status_code)
    german_translation.refresh_from_db()
    assert german_translation.enabled
    german.refresh_from_db()
    assert revisions(german) == before and german.alias_of_id is None


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Singing together", slug="singing-together")


def test_she_translates_a_theme_into_slovak_only(zuzana, theme):
    submit = f"/admin/localize/submit/snippet/stories/theme/{theme.pk}/"
    page = BeautifulSoup(zuzana.get(submit).content, "html.parser")
    offered = {box["value"] for box in page.select("input[name=locales][type=checkbox]")}
    slovak = Locale.objects.get(language_code="sk")
    german = Locale.objects.get(language_code="de")
    assert offered == {str(slovak.pk)}

    assert zuzana.post(submit, {"locales": [german.pk]}).status_code == 200  # refused
    assert not Theme.objects.filter(translation_key=theme.translation_key, locale=german).exists()
    assert zuzana.post(submit, {"locales": [slovak.pk]}).status_code == 302
    assert Theme.objects.filter(translation_key=theme.translation_key, locale=slovak).exists()


def test_she_cannot_edit_the_german_translation_of_a_theme(zuzana, theme):
    from wagtail_localize.operations import translate_object

    german = Locale.objects.get(language_code="de")
    translate_object(theme, [german])
    german_theme = Theme.objects.get(translation_key=theme.translation_key, locale=german)
    translation = Translation.objects.get(
        source__object_id=theme.translation_key, target_locale=german
    )
    segment = StringSegment.objects.get(source=translation.source)

    response = zuzana.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data="value=Gehackt",
        content_type="application/x-www-form-urlencoded",
    )
    assert refused(response)
    edit = f"/admin/snippets/stories/theme/edit/{german_theme.pk}/"
    assert refused(zuzana.get(edit))
    assert refused(zuzana.post(edit, {"name": "Gehackt", "slug": "singing-together"}))
    assert refused(zuzana.post(f"/admin/localize/translate/{translation.pk}/disable/"))
    german_theme.refresh_from_db()
    translation.refresh_from_db()
    assert german_theme.name == "Singing together" and translation.enabled
    # The English theme is kept by editors; she translates it.
    assert refused(zuzana.get(f"/admin/snippets/stories/theme/edit/{theme.pk}/"))


def test_an_editor_who_does_not_publish_leaves_the_live_translations_alone(
    client, django_user_model, zuzana, story
):
    """Editors write pages in every language but a moderator publishes them: "Publish
    immediately" on Sync changes no translation (a saved draft would show on the live page at
    once), says so, and the new text waits in each language's translation editor."""
    slovak = translate_page(story, "sk", {"A kitchen in Žilina": "Kuchyňa v Žiline"})
    story.summary = "Mothers cook together."
    story.save_revision().publish()
    editor = django_user_model.objects.create_user("eva", "eva@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    before = revisions(slovak)

    response = client.post(sync_url(story), {"publish_translations": "on"}, follow=True)
    assert response.status_code == 200
    said = [str(message) for message in response.context["messages"]]
    assert (
        "Translations in languages you do not publish were not changed: whoever publishes them "
        "finds the new texts in the translation editor." in said
    )
    slovak.refresh_from_db()
    assert revisions(slovak) == before
    client.logout()
    public = BeautifulSoup(client.get(slovak.url).content, "html.parser").get_text(" ")
    assert "Mothers cook." in public and "Mothers cook together." not in public

    # The Slovak translator sees the new text in her editor and publishes it.
    zuzana.force_login(django_user_model.objects.get(username="zuzana"))
    props = zuzana.get(f"/admin/pages/{slovak.pk}/edit/")
    editor_page = BeautifulSoup(props.content, "html.parser").select_one(".js-translation-editor")
    assert "Mothers cook together." in editor_page["data-props"]
