"""Editors in Wagtail's admin: where stories may go, creating one with themes, and the themes
offered in the story's own language."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.core.translation import translate_page
from network.models import CountryPage
from stories.models import StoryIndexPage, StoryPage, Theme
from tests.stories.conftest import theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@mine.example", "pw")
    client.force_login(user)
    return client


def test_stories_live_only_in_a_country_section_or_under_the_stories_page():
    assert set(StoryPage.allowed_parent_page_models()) == {StoryIndexPage, CountryPage}
    assert StoryPage.allowed_subpage_models() == []


def test_editor_creates_a_story_with_themes_and_blocks(admin_client, slovakia):
    url = f"/admin/pages/add/stories/storypage/{slovakia.pk}/"
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    # Every theme once, as ticks, with its name.
    labels = [label.get_text(strip=True) for label in form.select("#id_themes label")]
    assert labels == [
        "Care",
        "Childhood",
        "Community",
        "Migration",
        "Resilience",
        "Work and family",
    ]

    data = nested_form_data(
        {
            "title": "Soup on Sundays",
            "slug": "soup-on-sundays",
            "summary": "A soup kitchen run by mothers.",
            "storyteller": "Ilona",
            "original_language": "sk",
            "date": "2022-04-03",
            "body": streamfield(
                [
                    ("heading", {"text": "Sundays", "level": "h2"}),
                    ("paragraph", rich_text("<p>We cook for the street.</p>")),
                ]
            ),
            "action-publish": "publish",
        }
    )
    data["themes"] = [theme("care").pk, theme("community").pk]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    story = StoryPage.objects.get(slug="soup-on-sundays")
    assert story.live and story.country.pk == slovakia.pk
    assert {t.slug for t in story.themes.all()} == {"care", "community"}
    assert [block.block_type for block in story.body] == ["heading", "paragraph"]


def test_a_german_story_offers_the_themes_in_german(admin_client, stories_index):
    translate_page(stories_index.get_parent(), "de", {})
    german_index = translate_page(stories_index, "de", {})
    url = f"/admin/pages/add/stories/storypage/{german_index.pk}/"
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    labels = [label.get_text(strip=True) for label in form.select("#id_themes label")]
    assert "Sorgearbeit" in labels and "Care" not in labels
    assert len(labels) == Theme.objects.filter(locale__language_code="en").count()


def test_themes_are_a_translatable_snippet(admin_client):
    response = admin_client.get("/admin/snippets/stories/theme/?locale=en")
    assert response.status_code == 200
    names = [
        a.get_text(strip=True)
        for a in BeautifulSoup(response.content, "html.parser").select(
            "table.listing tbody td.title a"
        )
    ]
    assert "Work and family" in " ".join(names)
    # Seeded in every language of the network, one translation key per theme.
    care = Theme.objects.filter(slug="care")
    assert care.count() == 11
    assert care.values("translation_key").distinct().count() == 1
