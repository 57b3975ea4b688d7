"""A page's main image says what it shows and who made it in the page's language: its alt text and
credit are page fields that wagtail-localize offers to translators as segments (the image itself
is shared), shown by every page type's template, og:image:alt and the API."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from cms.core.demo import translate_once
from cms.core.factories import ImageFactory
from cms.core.translation import translate_page
from home.factories import StandardPageFactory
from network.factories import CentrePageFactory, CountryPageFactory, EventPageFactory
from stories.factories import StoryPageFactory
from walks.factories import WalkPageFactory

pytestmark = pytest.mark.django_db

ALT = "Three mothers laughing at the kitchen table"
CREDIT = "Photo: Eva / MC Dupajda"
SLOVAK = {
    "The Tuesday kitchen": "Utorková kuchyňa",
    ALT: "Tri mamy sa smejú pri kuchynskom stole",
    CREDIT: "Foto: Eva / MC Dupajda",
}


@pytest.fixture
def photo(db):
    return ImageFactory(title="Kitchen", description="Mothers in the kitchen", credit="Photo: Eva")


@pytest.fixture
def story(section_pages, photo):
    return StoryPageFactory(
        parent=section_pages["stories"],
        title="The Tuesday kitchen",
        image=photo,
        image_alt_text=ALT,
        image_credit=CREDIT,
    )


def offered(page) -> dict[str, str]:
    """What wagtail-localize's editor offers a translator of `page`: {field path: source text}."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return {
        segment.context.path: segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }


def slovak(page):
    for ancestor in page.get_ancestors().filter(depth__gt=1).order_by("depth"):
        translate_once(Page.objects.get(pk=ancestor.pk), "sk", {})
    return translate_page(page, "sk", SLOVAK)


def hero(soup) -> tuple[str, str]:
    figure = soup.select_one("figure.story__hero")
    return figure.img["alt"], figure.select_one(".credit").get_text(strip=True)


def meta(soup, name: str) -> str:
    return soup.select_one(f'meta[property="{name}"]')["content"]


def test_translators_are_offered_the_alt_text_and_credit(story):
    texts = offered(story)
    assert texts["image_alt_text"] == ALT
    assert texts["image_credit"] == CREDIT


def test_an_empty_field_is_no_segment_to_fill(section_pages, photo):
    story = StoryPageFactory(parent=section_pages["stories"], image=photo)
    texts = offered(story)
    assert "image_alt_text" not in texts and "image_credit" not in texts
    assert "title" in texts  # the page was extracted, only the empty fields left out


def test_the_slovak_story_describes_its_image_in_slovak(client, story):
    translated = slovak(story)
    soup = BeautifulSoup(client.get(translated.url).content, "html.parser")
    assert hero(soup) == ("Tri mamy sa smejú pri kuchynskom stole", "Foto: Eva / MC Dupajda")
    assert meta(soup, "og:image:alt") == "Tri mamy sa smejú pri kuchynskom stole"

    # The English story and the shared image are unchanged.
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert hero(soup) == (ALT, CREDIT)
    assert meta(soup, "og:image:alt") == ALT
    story.image.refresh_from_db()
    assert (story.image.description, story.image.credit) == ("Mothers in the kitchen", "Photo: Eva")


def test_the_api_gives_the_image_in_the_pages_language(client, story):
    translated = slovak(story)
    image = client.get(f"/api/v2/pages/{translated.pk}/").json()["image"]
    assert (image["alt"], image["credit"]) == (
        "Tri mamy sa smejú pri kuchynskom stole",
        "Foto: Eva / MC Dupajda",
    )
    assert image["id"] == story.image.pk  # the same image, not a copy
    image = client.get(f"/api/v2/pages/{story.pk}/").json()["image"]
    assert (image["alt"], image["credit"]) == (ALT, CREDIT)


def test_empty_fields_fall_back_to_the_images_own_words(client, section_pages, photo):
    story = StoryPageFactory(parent=section_pages["stories"], title="Plain", image=photo)
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert hero(soup) == ("Mothers in the kitchen", "Photo: Eva")
    assert meta(soup, "og:image:alt") == "Mothers in the kitchen"
    image = client.get(f"/api/v2/pages/{story.pk}/").json()["image"]
    assert (image["alt"], image["credit"]) == ("Mothers in the kitchen", "Photo: Eva")
    assert (story.hero_alt_text(), story.hero_credit()) == ("Mothers in the kitchen", "Photo: Eva")


def test_a_page_without_an_image_has_no_hero_words(section_pages):
    story = StoryPageFactory(parent=section_pages["stories"], image=None, image_alt_text="x")
    assert (story.hero_alt_text(), story.hero_credit()) == ("", "")


@pytest.fixture(
    params=["walk", "event", "country", "centre", "standard", "home"],
)
def other_page(request, section_pages, slovakia, photo):
    fields = {"image": photo, "image_alt_text": ALT, "image_credit": CREDIT}
    if request.param == "home":
        home = section_pages["stories"].get_parent().specific
        for name, value in fields.items():
            setattr(home, name, value)
        home.save_revision().publish()
        return home
    make = {
        "walk": lambda: WalkPageFactory(parent=section_pages["walks"], **fields),
        "event": lambda: EventPageFactory(parent=section_pages["events"], **fields),
        "country": lambda: CountryPageFactory(
            parent=section_pages["network"], title="Hungary", country_code="HU", **fields
        ),
        "centre": lambda: CentrePageFactory(parent=slovakia, **fields),
        "standard": lambda: StandardPageFactory(
            parent=section_pages["stories"].get_parent(), **fields
        ),
    }
    return make[request.param]()


def test_every_page_type_shows_the_pages_alt_text_and_credit(client, other_page):
    soup = BeautifulSoup(client.get(other_page.url).content, "html.parser")
    main = soup.select_one("main")
    images = [
        img for img in main.select("img") if img.get("alt") in (ALT, "Mothers in the kitchen")
    ]
    assert [img["alt"] for img in images] == [ALT]
    figure = images[0].find_parent("figure")
    assert figure.select_one(".credit").get_text(strip=True) == CREDIT
    assert meta(soup, "og:image:alt") == ALT
