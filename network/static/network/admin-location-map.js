/* The admin's location maps of centres and event venues (network/panels.py LocationMapPanel):
 * assets/js/location-picker.js does the work; this finds each panel's fields and starts it. */
(function () {
    "use strict";

    function start(element) {
        const form = element.closest("form");
        const options = JSON.parse(element.dataset.options);
        const latitude = form && form.querySelector("[name=" + options.latitude + "]");
        const longitude = form && form.querySelector("[name=" + options.longitude + "]");
        if (!window.BridgesLocationPicker || !latitude || !longitude || element.dataset.ready) {
            return;
        }
        element.dataset.ready = "1";
        const picker = BridgesLocationPicker.attach(element, latitude, longitude, {
            center: [48.5, 15],
            zoom: 4,
            pointZoom: 14,
            tileUrl: options.tileUrl,
            attribution: options.attribution,
            country: options.country,
        });
        BridgesLocationPicker.addSearch(element.parentElement, picker, {
            geocoderUrl: options.geocoderUrl,
            strings: options.strings,
            idPrefix: element.id,
        });
        picker.start();
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
