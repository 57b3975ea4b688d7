/* Picking a place on a map in the admin, shared by centres (network) and walk stops (walks).
 *
 *   const picker = BridgesLocationPicker.attach(mapElement, latitudeInput, longitudeInput, {
 *       center: [48.5, 15], zoom: 4, pointZoom: 16, tileUrl, attribution, near: () => [lat, lng],
 *   });
 *   picker.start();            // draw the map now (or later, when it scrolls into view)
 *   picker.choose([lat, lng]); // fill the fields and move the pin there
 *
 * The two fields stay the source of truth: clicking the map or dragging the pin fills them, typing
 * numbers moves the pin. Without tiles (no network) the pin still works.
 */
(function () {
    "use strict";

    function round(value) {
        return Math.round(value * 1e6) / 1e6;
    }

    function readPoint(latitudeInput, longitudeInput) {
        const lat = parseFloat(latitudeInput.value);
        const lng = parseFloat(longitudeInput.value);
        if (isNaN(lat) || isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            return null;
        }
        return [lat, lng];
    }

    function attach(mapElement, latitudeInput, longitudeInput, options) {
        const pointZoom = options.pointZoom || 16;
        let map = null;
        let marker = null;

        function write(point) {
            latitudeInput.value = round(point[0]);
            longitudeInput.value = round(point[1]);
            // Wagtail tracks unsaved changes (and autosaves) through these events.
            [latitudeInput, longitudeInput].forEach(function (input) {
                input.dispatchEvent(new Event("input", {bubbles: true}));
                input.dispatchEvent(new Event("change", {bubbles: true}));
            });
        }

        function place(point, pan) {
            if (!map) {
                return;
            }
            if (marker) {
                marker.setLatLng(point);
            } else {
                marker = L.marker(point, {draggable: true, keyboard: true}).addTo(map);
                marker.on("dragend", function () {
                    const position = marker.getLatLng();
                    write([position.lat, position.lng]);
                });
            }
            if (pan) {
                map.setView(point, Math.max(map.getZoom(), pointZoom));
            }
        }

        function start() {
            if (map || !window.L) {
                return map;
            }
            const point = readPoint(latitudeInput, longitudeInput);
            const near = point || (options.near && options.near());
            map = L.map(mapElement, {scrollWheelZoom: false}).setView(
                near || options.center,
                point ? pointZoom : near ? pointZoom - 1 : options.zoom
            );
            if (options.tileUrl) {
                L.tileLayer(options.tileUrl, {maxZoom: 19, attribution: options.attribution || ""}).addTo(map);
            }
            if (point) {
                place(point, false);
            }
            map.on("click", function (event) {
                const clicked = [event.latlng.lat, event.latlng.lng];
                write(clicked);
                place(clicked, false);
            });
            // The map may start in a hidden tab or a collapsed block: redraw it when it shows.
            new ResizeObserver(function () {
                map.invalidateSize();
            }).observe(mapElement);
            return map;
        }

        function choose(point, pan) {
            start();
            write(point);
            place(point, pan !== false);
        }

        [latitudeInput, longitudeInput].forEach(function (input) {
            input.addEventListener("change", function () {
                const point = readPoint(latitudeInput, longitudeInput);
                if (point) {
                    place(point, true);
                }
            });
        });

        return {start: start, choose: choose};
    }

    window.BridgesLocationPicker = {attach: attach, readPoint: readPoint};
})();
