/* Picking a place on a map in the admin, shared by centres and event venues (network) and walk
 * stops (walks): one map, one address search, one way to open on the section's country.
 *
 *   const picker = BridgesLocationPicker.attach(mapElement, latitudeInput, longitudeInput, {
 *       center: [48.5, 15], zoom: 4, pointZoom: 16, tileUrl, attribution, near: () => [lat, lng],
 *       country: {code, name, bounds: [[south, west], [north, east]]},
 *   });
 *   picker.start();            // draw the map now (or later, when it scrolls into view)
 *   picker.choose([lat, lng]); // fill the fields and move the pin there
 *   BridgesLocationPicker.addSearch(container, picker, {geocoderUrl, strings, idPrefix});
 *
 * The two fields stay the source of truth: clicking the map or dragging the pin fills them, typing
 * numbers moves the pin. Without tiles (no network) the pin still works. Without a point the map
 * opens on the page's country (options.country, or the page's #bridges-map-country data), else on
 * options.center. The address search asks a Nominatim-style service (BRIDGES_GEOCODER_URL); when it
 * cannot be reached the search box says so and the map keeps working.
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

    function pageCountry() {
        // Printed once per page by the MapCountryPanel / LocationMapPanel (network/panels.py).
        const data = document.getElementById("bridges-map-country");
        try {
            return data ? JSON.parse(data.textContent) : null;
        } catch (error) {
            return null;
        }
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
            const country = options.country || pageCountry();
            map = L.map(mapElement, {scrollWheelZoom: false});
            if (near) {
                map.setView(near, point ? pointZoom : pointZoom - 1);
            } else if (country && country.bounds) {
                map.fitBounds(country.bounds);
            } else {
                map.setView(options.center || [48.5, 15], options.zoom || 4);
            }
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

    function addSearch(container, picker, options) {
        // No geocoder configured: no search box at all (the map and the fields still work).
        if (!options.geocoderUrl) {
            return null;
        }
        const strings = options.strings;
        const prefix = options.idPrefix;
        const search = document.createElement("div");
        search.className = "location-picker__search";
        const label = document.createElement("label");
        label.htmlFor = prefix + "-address-search";
        label.textContent = strings.address;
        const input = document.createElement("input");
        input.type = "search";
        input.id = prefix + "-address-search";
        // No name: the address only helps to find the point and is never saved or translated.
        input.setAttribute("aria-describedby", prefix + "-address-message");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary";
        button.textContent = strings.find;
        const message = document.createElement("p");
        message.className = "help location-picker__message";
        message.id = prefix + "-address-message";
        message.setAttribute("role", "status");
        message.textContent = strings.addressHelp;
        const row = document.createElement("div");
        row.className = "location-picker__search-row";
        row.append(input, button);
        search.append(label, row, message);
        container.prepend(search);

        function find() {
            const query = input.value.trim();
            if (!query) {
                return;
            }
            picker.start();
            message.textContent = strings.searching;
            const url = new URL(options.geocoderUrl, window.location.href);
            url.searchParams.set("q", query);
            url.searchParams.set("format", "jsonv2");
            url.searchParams.set("limit", "1");
            url.searchParams.set("accept-language", document.documentElement.lang || "en");
            const country = pageCountry();
            if (country && country.bounds) {
                // Prefer places in the section's country (viewbox without "bounded" only ranks
                // them first): a venue abroad can still be found.
                const b = country.bounds;
                url.searchParams.set("viewbox", [b[0][1], b[1][0], b[1][1], b[0][0]].join(","));
            }
            fetch(url.toString(), {headers: {Accept: "application/json"}})
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(response.statusText);
                    }
                    return response.json();
                })
                .then(function (results) {
                    if (!results.length) {
                        message.textContent = strings.notFound;
                        return;
                    }
                    picker.choose([parseFloat(results[0].lat), parseFloat(results[0].lon)]);
                    message.textContent = strings.found.replace("%s", results[0].display_name);
                })
                .catch(function () {
                    message.textContent = strings.failed;
                });
        }

        button.addEventListener("click", find);
        input.addEventListener("keydown", function (event) {
            // Enter would submit the whole page form.
            if (event.key === "Enter") {
                event.preventDefault();
                find();
            }
        });
        return search;
    }

    window.BridgesLocationPicker = {attach: attach, addSearch: addSearch, readPoint: readPoint, pageCountry: pageCountry};
})();
