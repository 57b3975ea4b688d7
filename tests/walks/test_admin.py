"""An editor builds a walk in the admin: stops with a map to click, validation that loses nothing, preview."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.core.factories import ImageFactory
from home.factories import english_home
from network.factories import CountryPageFactory, NetworkPageFactory
from network.models import CountryPage
from walks.models import WalkIndexPage, WalkPage


class TestEditorBuildsAWalk(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        home = english_home()
        network = NetworkPageFactory(parent=home, slug="network", title="The network")
        self.country = CountryPageFactory(parent=network, title="Slovenia", country_code="SI")
        self.photo = ImageFactory(title="The door", description="The open door")

    def stop(self, title, latitude, longitude):
        return {
            "title": title,
            "place_name": "Prešernova cesta 1a",
            "location": {"latitude": latitude, "longitude": longitude},
            "media": streamfield(
                [("photo", {"image": self.photo.pk, "alt_text": "", "caption": "", "credit": ""})]
            ),
            "narration": rich_text("<p>Come in.</p>"),
            "extra_photos": streamfield([]),
        }

    def form_data(self, *stops, **fields):
        return nested_form_data(
            {
                "title": "Through Mala Ulica",
                "slug": "through-mala-ulica",
                "intro": rich_text("<p>Come with us.</p>"),
                "duration_minutes": "20",
                "stops": streamfield([("stop", stop) for stop in stops]),
                **fields,
            }
        )

    def test_walks_live_in_country_sections_or_the_walks_page(self):
        self.assertAllowedParentPageTypes(WalkPage, {WalkIndexPage, CountryPage})
        self.assertAllowedSubpageTypes(WalkPage, set())

    def test_the_add_form_brings_the_map_widget(self):
        url = reverse("wagtailadmin_pages:add", args=("walks", "walkpage", self.country.pk))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("walks/js/location-block.js", html)
        self.assertIn("vendor/leaflet/leaflet.js", html)
        self.assertIn("walks.blocks.LocationBlock", html)
        self.assertIn("Click the map or type an address", html)
        self.assertNotIn("unpkg.com", html)

    def test_editor_creates_a_walk_with_stops_in_order(self):
        data = self.form_data(
            self.stop("The door", "46.05236", "14.50166"),
            self.stop("The market", "46.05138", "14.50888"),
        )
        self.assertCanCreate(self.country, WalkPage, data)
        walk = WalkPage.objects.get(slug="through-mala-ulica")
        assert [s.value["title"] for s in walk.stops] == ["The door", "The market"]
        assert walk.stops[1].value["location"]["latitude"] == 46.05138
        assert walk.country.pk == self.country.pk

    def test_coordinates_out_of_range_get_a_message_and_nothing_typed_is_lost(self):
        url = reverse("wagtailadmin_pages:add", args=("walks", "walkpage", self.country.pk))
        data = self.form_data(self.stop("The door", "146.05", "14.50166"))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(WalkPage.objects.filter(slug="through-mala-ulica").exists())
        html = response.content.decode()
        self.assertIn("Ensure this value is less than or equal to 90", html)
        # The form comes back with what the editor typed.
        self.assertIn("146.05", html)
        self.assertIn("The door", html)

    def test_preview_shows_the_walk(self):
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=("walks", "walkpage", self.country.pk)
        )
        data = self.form_data(self.stop("The door", "46.05236", "14.50166"))
        response = self.client.post(url, data)
        self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(soup.select_one("#stop-1 h2").get_text(strip=True), "The door")

    def test_editing_keeps_the_order_the_editor_drags_the_stops_into(self):
        data = self.form_data(
            self.stop("First", "46.05", "14.50"), self.stop("Second", "46.06", "14.51")
        )
        self.assertCanCreate(self.country, WalkPage, data)
        walk = WalkPage.objects.get(slug="through-mala-ulica")
        # Dragging in the admin posts the stops in their new order.
        reordered = self.form_data(
            self.stop("Second", "46.06", "14.51"), self.stop("First", "46.05", "14.50")
        )
        reordered["action-publish"] = "publish"
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=(walk.pk,)), reordered)
        self.assertEqual(response.status_code, 302)
        walk = Page.objects.get(pk=walk.pk).specific
        assert [s.value["title"] for s in walk.stops] == ["Second", "First"]
