/* The admin's location map for a centre: click (or drag the pin) to fill in latitude and
 * longitude; typing the numbers moves the pin. Without tiles (no network) the pin still works. */
(function () {
    "use strict";

    function start(element) {
        const form = element.closest("form");
        const latitude = form && form.querySelector("[name=latitude]");
        const longitude = form && form.querySelector("[name=longitude]");
        if (!window.L || !latitude || !longitude || element.dataset.ready) {
            return;
        }
        element.dataset.ready = "1";
        const map = L.map(element, {scrollWheelZoom: true}).setView([48.5, 15], 4);
        if (element.dataset.tileUrl) {
            L.tileLayer(element.dataset.tileUrl, {
                maxZoom: 19,
                attribution: element.dataset.attribution || "",
            }).addTo(map);
        }
        let marker = null;

        function write(latLng) {
            latitude.value = latLng.lat.toFixed(6);
            longitude.value = latLng.lng.toFixed(6);
            // Let Wagtail know the form changed (unsaved-changes warning, autosave).
            [latitude, longitude].forEach(function (input) {
                input.dispatchEvent(new Event("input", {bubbles: true}));
                input.dispatchEvent(new Event("change", {bubbles: true}));
            });
        }

        function place(latLng) {
            if (marker) {
                marker.setLatLng(latLng);
            } else {
                marker = L.marker(latLng, {draggable: true, title: "Centre", alt: "Centre"}).addTo(map);
                marker.on("dragend", function () {
                    write(marker.getLatLng());
                });
            }
        }

        function readInputs() {
            const lat = parseFloat(latitude.value);
            const lng = parseFloat(longitude.value);
            if (!isNaN(lat) && !isNaN(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
                place([lat, lng]);
                return [lat, lng];
            }
            return null;
        }

        const current = readInputs();
        if (current) {
            map.setView(current, 14);
        }
        map.on("click", function (event) {
            place(event.latlng);
            write(event.latlng);
        });
        [latitude, longitude].forEach(function (input) {
            input.addEventListener("change", function () {
                const point = readInputs();
                if (point) {
                    map.panTo(point);
                }
            });
        });
        // The map may start in a hidden tab: redraw it when it becomes visible.
        new ResizeObserver(function () {
            map.invalidateSize();
        }).observe(element);
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
