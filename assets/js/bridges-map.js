/* Bridges maps: one way to start a Leaflet map, shared by the network directory and the walks.
 *
 *   <div class="map" {% map_settings %} aria-label="…"></div>
 *   const map = BridgesMap.create(element, {center: [48.2, 16.4], zoom: 4});
 *
 * Tiles come from the configured tile server; when it cannot be reached the map simply shows no
 * background and everything else keeps working (markers, lists, the page itself).
 */
(function () {
    "use strict";

    function create(element, options) {
        if (!window.L || !element) {
            return null;
        }
        const map = L.map(element, Object.assign({scrollWheelZoom: false}, options || {}));
        const tileUrl = element.dataset.tileUrl;
        if (tileUrl) {
            L.tileLayer(tileUrl, {
                maxZoom: 19,
                attribution: element.dataset.attribution || "",
                crossOrigin: true,
            }).addTo(map);
        }
        element.classList.add("map--ready");
        return map;
    }

    window.BridgesMap = {create: create};
})();
