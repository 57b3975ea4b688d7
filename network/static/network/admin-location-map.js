/* The admin's location map for a centre (assets/js/location-picker.js does the work): click or
 * drag the pin to fill in latitude and longitude; typing the numbers moves the pin. */
(function () {
    "use strict";

    function start(element) {
        const form = element.closest("form");
        const latitude = form && form.querySelector("[name=latitude]");
        const longitude = form && form.querySelector("[name=longitude]");
        if (!window.BridgesLocationPicker || !latitude || !longitude || element.dataset.ready) {
            return;
        }
        element.dataset.ready = "1";
        BridgesLocationPicker.attach(element, latitude, longitude, {
            center: [48.5, 15],
            zoom: 4,
            pointZoom: 14,
            tileUrl: element.dataset.tileUrl,
            attribution: element.dataset.attribution,
        }).start();
    }

    function startAll() {
        document.querySelectorAll("[data-location-map]").forEach(start);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", startAll);
    } else {
        startAll();
    }
})();
