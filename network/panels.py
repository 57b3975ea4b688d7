"""Admin panels of the network app."""

from django.conf import settings
from wagtail.admin.panels import Panel


class LocationMapPanel(Panel):
    """A small map under a centre's latitude and longitude: an editor clicks where the centre is
    (or drags the pin) and both numbers fill in, so nobody needs to know what coordinates are."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "network/admin/location_map_panel.html"

        class Media:
            css = {"all": ["vendor/leaflet/leaflet.css"]}
            js = [
                "vendor/leaflet/leaflet.js",
                "js/location-picker.js",
                "network/admin-location-map.js",
            ]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["tile_url"] = settings.MAP_TILE_URL
            context["attribution"] = settings.MAP_ATTRIBUTION
            return context
