"""load_demo_content builds the page tree from the seeds, translated through wagtail-localize,
and a second run keeps every edit."""

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home import demo
from home.models import HomePage, StandardPage
from network.models import CentrePage

pytestmark = pytest.mark.django_db


def test_home_demo_builds_the_tree_in_three_languages(client, home_page):
    demo.load(home_page)
    for language in ("en", "de", "hu"):
        home = HomePage.objects.get(locale__language_code=language)
        slugs = set(home.get_children().live().values_list("slug", flat=True))
        assert {
            "stories",
            "walks",
            "network",
            "events",
            "about-mine",
            "lets-build-bridges",
        } <= slugs

    german = StandardPage.objects.get(locale__language_code="de", slug="lets-build-bridges")
    assert german.title == "Lasst uns Brücken bauen"
    assert "Staatsministerium Baden-Württemberg" in str(german.body)
    hungarian = StandardPage.objects.get(locale__language_code="hu", slug="about-mine")
    assert hungarian.title == "A MINE-ról"

    # Made as a translator would: translation records and manual string translations exist.
    assert Translation.objects.filter(target_locale__language_code="de").count() >= 7
    assert StringTranslation.objects.filter(
        locale__language_code="hu", translation_type="manual"
    ).exists()

    response = client.get("/de/lets-build-bridges/")
    assert response.status_code == 200
    assert "15. Dezember 2020" in response.content.decode()


def test_second_run_keeps_editors_changes(home_page):
    demo.load(home_page)
    about = StandardPage.objects.get(locale__language_code="en", slug="about-mine")
    about.title = "About us (edited)"
    about.save_revision().publish()
    pages_before = Page.objects.count()

    demo.load(home_page)

    assert Page.objects.count() == pages_before
    assert StandardPage.objects.get(pk=about.pk).title == "About us (edited)"


def test_the_whole_command_runs_twice(capsys):
    call_command("load_demo_content")
    pages_after_first = Page.objects.count()
    centre = CentrePage.objects.get(locale__language_code="en", slug="mc-nezabudka-zilina")
    centre.city = "Martin"  # an editor's change, which the second run keeps
    centre.save_revision().publish()
    call_command("load_demo_content")
    assert Page.objects.count() == pages_after_first
    assert CentrePage.objects.get(pk=centre.pk).city == "Martin"
    assert "Demo content is ready." in capsys.readouterr().out
