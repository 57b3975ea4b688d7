"""`locale=` and `fallback=true`: each page once, in the reader's language where a live
translation exists, else in its source language, `meta.locale` saying which; counts, pagination,
the tree filters, search, detail and find/ agree. An alias (an untranslated page of a locale's
synchronised tree) is never an item: it counts as its source."""

import pytest
from wagtail.models import Locale

from cms.core.translation import translate_page
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

STORIES = "/api/v2/pages/?type=stories.StoryPage"


@pytest.fixture
def stories(home_page, section_pages):
    """Three English stories: the kitchen translated into Slovak, the garden an alias in the Slovak
    tree (as wagtail-localize's synchronisation makes it), the choir not in the Slovak tree at all."""
    index = section_pages["stories"]
    kitchen = StoryPageFactory(parent=index, slug="kitchen", title="The kitchen")
    garden = StoryPageFactory(parent=index, slug="garden", title="The garden")
    choir = StoryPageFactory(parent=index, slug="choir", title="The choir")
    translate_page(home_page, "sk", {})
    translate_page(index, "sk", {})
    slovak_kitchen = translate_page(kitchen, "sk", {"The kitchen": "Kuchyňa"})
    slovak = Locale.objects.get(language_code="sk")
    garden_alias = garden.copy_for_translation(slovak, copy_parents=True, alias=True)
    return {
        "kitchen": kitchen,
        "slovak kitchen": slovak_kitchen,
        "garden": garden,
        "garden alias": garden_alias,
        "choir": choir,
        "index": index,
        "slovak index": index.get_translation(slovak),
    }


def items_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    return data, [(item["title"], item["meta"]["locale"]) for item in data["items"]]


def test_fallback_gives_each_page_once_in_slovak_where_translated(client, stories):
    data, items = items_of(client, f"{STORIES}&locale=sk&fallback=true&order=title")
    assert items == [("Kuchyňa", "sk"), ("The choir", "en"), ("The garden", "en")]
    assert data["meta"]["total_count"] == 3
    assert stories["garden alias"].pk not in [item["id"] for item in data["items"]]


def test_pagination_and_counts_with_fallback(client, stories):
    seen = []
    for offset in (0, 2):
        data, items = items_of(
            client, f"{STORIES}&locale=sk&fallback=true&order=title&limit=2&offset={offset}"
        )
        assert data["meta"]["total_count"] == 3
        seen += items
    assert seen == [("Kuchyňa", "sk"), ("The choir", "en"), ("The garden", "en")]


def test_without_fallback_a_locale_lists_its_own_translations_never_aliases(client, stories):
    assert items_of(client, f"{STORIES}&locale=sk")[1] == [("Kuchyňa", "sk")]
    _, everything = items_of(client, f"{STORIES}&order=title")
    # Every language's own pages; the alias is not a Slovak page.
    assert sorted(everything) == sorted(
        [("The kitchen", "en"), ("Kuchyňa", "sk"), ("The garden", "en"), ("The choir", "en")]
    )
    assert items_of(client, f"{STORIES}&locale=sk&fallback=false")[1] == [("Kuchyňa", "sk")]


def test_tree_filters_choose_pages_and_fallback_their_language(client, stories):
    english, slovak = stories["index"].pk, stories["slovak index"].pk
    _, items = items_of(client, f"/api/v2/pages/?child_of={english}&locale=sk&fallback=true")
    assert sorted(items) == [("Kuchyňa", "sk"), ("The choir", "en"), ("The garden", "en")]
    # The Slovak tree holds the translation and the garden's alias (the choir has none yet).
    _, items = items_of(client, f"/api/v2/pages/?child_of={slovak}&locale=sk&fallback=true")
    assert sorted(items) == [("Kuchyňa", "sk"), ("The garden", "en")]


def test_search_with_fallback(client, stories):
    # The Slovak kitchen kept the English summary ("The kitchen: a story of care."): found once,
    # in Slovak; the garden once, in English, never as its alias.
    _, items = items_of(client, f"{STORIES}&locale=sk&fallback=true&search=kitchen")
    assert items == [("Kuchyňa", "sk")]
    _, items = items_of(client, f"{STORIES}&locale=sk&fallback=true&search=garden")
    assert items == [("The garden", "en")]
    # Without fallback too, never the alias.
    assert items_of(client, f"{STORIES}&search=garden")[1] == [("The garden", "en")]
    assert items_of(client, "/api/v2/pages/?search=garden")[1] == [("The garden", "en")]
    assert items_of(client, f"{STORIES}&locale=sk&search=kitchen")[1] == [("Kuchyňa", "sk")]


def test_detail_honours_locale_and_fallback(client, stories):
    kitchen, garden = stories["kitchen"].pk, stories["garden"].pk
    data = client.get(f"/api/v2/pages/{kitchen}/?locale=sk&fallback=true").json()
    assert (data["id"], data["title"], data["meta"]["locale"]) == (
        stories["slovak kitchen"].pk,
        "Kuchyňa",
        "sk",
    )
    data = client.get(f"/api/v2/pages/{garden}/?locale=sk&fallback=true").json()
    assert (data["id"], data["meta"]["locale"]) == (garden, "en")
    response = client.get(f"/api/v2/pages/{garden}/?locale=sk")
    assert response.status_code == 404
    assert "'sk'" in response.json()["message"]
    # The alias's own id answers with the page it stands for.
    data = client.get(f"/api/v2/pages/{stories['garden alias'].pk}/").json()
    assert (data["id"], data["meta"]["locale"]) == (garden, "en")


def test_find_routes_the_language_prefix_and_honours_fallback(client, stories):
    def found(query):
        response = client.get(f"/api/v2/pages/find/?{query}", follow=True)
        assert response.status_code == 200, response.content[:300]
        data = response.json()
        return data["id"], data["meta"]["locale"]

    assert found("html_path=/sk/stories/kitchen/") == (stories["slovak kitchen"].pk, "sk")
    assert found("html_path=/en/stories/kitchen/") == (stories["kitchen"].pk, "en")
    assert found("html_path=/en/stories/kitchen/&locale=sk&fallback=true") == (
        stories["slovak kitchen"].pk,
        "sk",
    )
    # The Slovak address of an untranslated page is an alias: found as its English source.
    assert found("html_path=/sk/stories/garden/&locale=sk&fallback=true") == (
        stories["garden"].pk,
        "en",
    )
    assert client.get("/api/v2/pages/find/?html_path=/sk/stories/nowhere/").status_code == 404


def test_an_unpublished_translation_falls_back_to_the_original(client, stories):
    stories["slovak kitchen"].unpublish()
    _, items = items_of(client, f"{STORIES}&locale=sk&fallback=true&order=title")
    assert items == [("The choir", "en"), ("The garden", "en"), ("The kitchen", "en")]


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("locale=xx", "locale"),
        ("locale=sk&fallback=maybe", "fallback"),
        ("fallback=true", "fallback"),
    ],
)
def test_bad_locale_or_fallback_is_a_400_naming_it(client, home_page, query, named):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(named)


def link(page, locale):
    return {
        "id": page.pk,
        "type": "stories.StoryPage",
        "title": page.title,
        "locale": locale,
        "html_url": f"http://testserver{page.url}",
        "api_url": f"http://testserver/api/v2/pages/{page.pk}/",
    }


def test_meta_lists_live_public_translations_never_aliases(client, stories):
    kitchen, slovak_kitchen = stories["kitchen"], stories["slovak kitchen"]
    meta = client.get(f"/api/v2/pages/{kitchen.pk}/").json()["meta"]
    assert meta["translations"] == [link(slovak_kitchen, "sk")]
    meta = client.get(f"/api/v2/pages/{slovak_kitchen.pk}/").json()["meta"]
    assert meta["translations"] == [link(kitchen, "en")]
    # The garden's Slovak alias is not a translation.
    assert client.get(f"/api/v2/pages/{stories['garden'].pk}/").json()["meta"]["translations"] == []

    listing = client.get(f"{STORIES}&locale=en&fields=translations&order=title").json()
    assert [item["meta"]["translations"] for item in listing["items"]] == [
        [],
        [],
        [link(slovak_kitchen, "sk")],
    ]
    slovak_kitchen.unpublish()
    meta = client.get(f"/api/v2/pages/{kitchen.pk}/").json()["meta"]
    assert meta["translations"] == []
