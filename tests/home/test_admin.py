"""An editor creates a standard page in the admin and sends it for translation with wagtail-localize."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.core.factories import ImageFactory
from cms.core.translation import translate_page
from home.factories import english_home
from home.models import HomePage, StandardPage


class TestEditorBuildsAStandardPage(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.home = english_home()
        self.image = ImageFactory(title="Mothers at the table", description="")

    def body(self, alt_text="Three mothers around a kitchen table"):
        return streamfield(
            [
                ("heading", {"text": "Our centre", "level": "h2"}),
                ("paragraph", rich_text("<p>We meet <b>every Tuesday</b>.</p>")),
                (
                    "image",
                    {
                        "image": self.image.pk,
                        "alt_text": alt_text,
                        "caption": "Tuesday",
                        "credit": "",
                    },
                ),
                ("quote", {"quote": "Here I found friends.", "attribution": "Maria, Žilina"}),
                ("embed", {"embed": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": ""}),
                (
                    "call_to_action",
                    {
                        "title": "Tell your story",
                        "text": "We want to hear it.",
                        "button_label": "Share it",
                        "link": {"page": self.home.pk, "url": ""},
                    },
                ),
            ]
        )

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_editor_creates_page_with_every_body_block_and_it_renders(self):
        data = nested_form_data(
            {
                "title": "Our centre",
                "slug": "our-centre",
                "intro": rich_text("<p>Hello.</p>"),
                "body": self.body(),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="our-centre")
        page.save_revision().publish()

        soup = BeautifulSoup(self.client.get("/en/our-centre/").content, "html.parser")
        assert soup.select_one("h2.block-heading").get_text() == "Our centre"
        assert soup.select_one(".block-paragraph b").get_text() == "every Tuesday"
        img = soup.select_one(".block-image img")
        assert img["alt"] == "Three mothers around a kitchen table"
        assert "srcset" in img.attrs
        assert soup.select_one(".block-quote figcaption").get_text(strip=True) == "— Maria, Žilina"
        assert soup.select_one(".block-embed iframe")["src"].startswith("https://www.youtube.com/")
        assert soup.select_one(".block-cta a.button")["href"] == "/en/"

    def test_image_without_any_alt_text_is_refused_with_a_message(self):
        data = nested_form_data(
            {
                "title": "No alt",
                "slug": "no-alt",
                "intro": rich_text(""),
                "body": self.body(alt_text=""),
            }
        )
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("home", "standardpage", self.home.pk)), data
        )
        assert response.status_code == 200
        assert not StandardPage.objects.filter(slug="no-alt").exists()
        assert "Describe the image for people who cannot see it." in response.content.decode()

    def test_translator_translates_the_page_into_german(self):
        data = nested_form_data(
            {
                "title": "Our centre",
                "slug": "our-centre",
                "intro": rich_text("<p>Hello.</p>"),
                "body": self.body(),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="our-centre")
        page.save_revision().publish()
        german = Locale.objects.get(language_code="de")

        # "Translate this page" in the admin (wagtail-localize), parents included.
        response = self.client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [german.pk], "include_subtree": False},
        )
        assert response.status_code == 302
        draft = page.get_translation(german)
        assert not draft.live  # nothing reaches readers before the translator publishes

        translate_page(
            page,
            "de",
            {
                "Our centre": "Unser Zentrum",
                "Hello.": "Hallo.",
                "Here I found friends.": "Hier fand ich Freundinnen.",
            },
        )
        soup = BeautifulSoup(self.client.get("/de/our-centre/").content, "html.parser")
        assert soup.h1.get_text() == "Unser Zentrum"
        assert soup.select_one(".block-quote p").get_text() == "Hier fand ich Freundinnen."
        # The call to action follows the reader's language.
        assert soup.select_one(".block-cta a.button")["href"] == "/de/"


@pytest.mark.django_db
def test_admin_login_page_is_served(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content
