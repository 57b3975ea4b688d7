"""Admin panels of the network app: the map picker under a place's coordinates (centres, event
venues) and the section's country that every admin map on a page opens on (walk stops too)."""

import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from network.geography import country_by_code


def section_country(page, form=None):
    """The CountryPage a page is (or will be) in: from its place in the tree, or for a page not
    yet created, from the parent it is being added to."""
    # The models import this module (their map panels): a real cycle inside the app.
    from network.models import CountryPage

    if page is not None and page.pk:
        return CountryPage.objects.ancestor_of(page, inclusive=True).first()
    parent = getattr(form, "parent_page", None)
    if parent is None:
        return None
    return CountryPage.objects.ancestor_of(parent, inclusive=True).first()


def map_country_json(page, form=None) -> dict | None:
    """{code, name, bounds} of the section's country for the maps, or None outside a section."""
    country_page = section_country(page, form)
    country = country_by_code(country_page.country_code) if country_page else None
    return country.as_json(country_page.title) if country else None


def geocoder_options() -> dict:
    """What location-picker.js needs for its address search, the same on every map."""
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_ATTRIBUTION,
        "geocoderUrl": settings.BRIDGES_GEOCODER_URL,
        "strings": {
            "find": str(_("Find")),
            "address": str(_("Find an address or a place")),
            "addressHelp": str(
                _("Type an address, then press Find. Drag the pin to adjust the place.")
            ),
            "searching": str(_("Searching…")),
            "found": str(_("Found: %s. Check the pin and drag it if needed.")),
            "notFound": str(
                _("Nothing found for this address. Try fewer words, or click the map.")
            ),
            "failed": str(
                _("The address search is not reachable now. Click the map or type the coordinates.")
            ),
        },
    }


class MapCountryPanel(Panel):
    """Tells the page's maps which country to open on (for maps inside blocks, e.g. walk stops),
    and the editor which country the page is in."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "network/admin/map_country_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["map_country"] = map_country_json(self.instance, self.form)
            return context

        def is_shown(self):
            return map_country_json(self.instance, self.form) is not None


class LocationMapPanel(Panel):
    """A map under a place's latitude and longitude fields, with an address search: an editor
    types an address or clicks where the place is (or drags the pin) and both numbers fill in, so
    nobody needs to know what coordinates are."""

    def __init__(self, latitude="latitude", longitude="longitude", label=None, **kwargs):
        super().__init__(**kwargs)
        self.latitude = latitude
        self.longitude = longitude
        self.label = label

    def clone_kwargs(self):
        return {
            **super().clone_kwargs(),
            "latitude": self.latitude,
            "longitude": self.longitude,
            "label": self.label,
        }

    class BoundPanel(Panel.BoundPanel):
        template_name = "network/admin/location_map_panel.html"

        class Media:
            css = {"all": ["vendor/leaflet/leaflet.css", "css/location-picker.css"]}
            js = [
                "vendor/leaflet/leaflet.js",
                "js/location-picker.js",
                "network/admin-location-map.js",
            ]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["options"] = {
                **geocoder_options(),
                "latitude": self.panel.latitude,
                "longitude": self.panel.longitude,
                "country": map_country_json(self.instance, self.form),
            }
            context["options_json"] = json.dumps(context["options"])
            context["map_label"] = self.panel.label or _("Map: click where the place is")
            context["map_id"] = f"location-map-{self.panel.latitude}"
            return context
