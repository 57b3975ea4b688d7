"""A stop in the admin: without its main medium it says what to add; the stops' maps open on the
walk's country and share the address search (BRIDGES_GEOCODER_URL)."""

import json

from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import english_home
from network.factories import CountryPageFactory, NetworkPageFactory
from walks.models import WalkPage


class TestStopInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        self.login()
        network = NetworkPageFactory(parent=english_home())
        self.country = CountryPageFactory(parent=network, title="Slovenia", country_code="SI")
        self.url = reverse("wagtailadmin_pages:add", args=("walks", "walkpage", self.country.pk))

    def test_a_stop_without_its_main_medium_says_what_to_add(self):
        stop = {
            "title": "Prešeren Square",
            "place_name": "",
            "location": {"latitude": "46.0512", "longitude": "14.506"},
            "media": streamfield([]),
            "narration": rich_text("<p>Here.</p>"),
            "extra_photos": streamfield([]),
        }
        data = nested_form_data(
            {
                "title": "Through Ljubljana",
                "slug": "through-ljubljana",
                "intro": rich_text(""),
                "duration_minutes": "",
                "stops": streamfield([("stop", stop)]),
            }
        )
        response = self.client.post(self.url, data)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        message = "Choose a photo, 360° photo, video or audio for this stop."
        # Block errors travel to the editor's StreamField as JSON (° escaped there).
        self.assertIn(json.dumps(message)[1:-1], html)
        self.assertNotIn("The minimum number of items is 1", html)
        self.assertFalse(WalkPage.objects.exists())

    @override_settings(BRIDGES_GEOCODER_URL="https://geo.example.org/search")
    def test_the_stop_maps_open_on_the_country_with_the_shared_search(self):
        soup = BeautifulSoup(self.client.get(self.url).content, "html.parser")
        country = json.loads(soup.select_one("#bridges-map-country").string)
        self.assertEqual(country["code"], "SI")
        self.assertIn("The maps on this page open on Slovenia.", soup.get_text())
        html = str(soup)
        self.assertIn("https://geo.example.org/search", html)
        self.assertIn("js/location-picker.js", html)
