/* The stop location in the admin: the latitude and longitude fields, plus a map to click and an
 * address search. The fields stay the source of truth: typing or pasting coordinates moves the pin,
 * clicking or dragging the pin fills the fields. Maps start only when scrolled into view, so a walk
 * with 25 stops opens quickly in the editor.
 */
(function () {
    "use strict";

    const StructBlockDefinition = window.wagtailStreamField.blocks.StructBlockDefinition;

    function round(value) {
        return Math.round(value * 1e6) / 1e6;
    }

    // "46.0503, 14.5069" or "46.0503 14.5069" as copied from a map site.
    function parsePair(text) {
        const match = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text || "");
        if (!match) {
            return null;
        }
        const lat = parseFloat(match[1]);
        const lng = parseFloat(match[2]);
        if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            return null;
        }
        return [lat, lng];
    }

    function lastKnownPoint(exceptInput) {
        // A new stop is usually near the previous one: open the map where the walk already is.
        const inputs = Array.from(document.querySelectorAll("input[data-walk-latitude]"));
        for (let i = inputs.length - 1; i >= 0; i--) {
            const lat = parseFloat(inputs[i].value);
            const lng = parseFloat(inputs[i].walkLongitude ? inputs[i].walkLongitude.value : "");
            if (inputs[i] !== exceptInput && !isNaN(lat) && !isNaN(lng)) {
                return [lat, lng];
            }
        }
        return null;
    }

    class LocationBlockDefinition extends StructBlockDefinition {
        render(placeholder, prefix, initialState, initialError, parentCapabilities) {
            const block = super.render(placeholder, prefix, initialState, initialError, parentCapabilities);
            const options = this.meta.map;
            const strings = options.strings;
            const latInput = document.getElementById(prefix + "-latitude");
            const lngInput = document.getElementById(prefix + "-longitude");
            if (!latInput || !lngInput || !window.L) {
                return block;
            }
            latInput.dataset.walkLatitude = "";
            latInput.walkLongitude = lngInput;

            const wrapper = document.createElement("div");
            wrapper.className = "walk-location";

            let search = null;
            let searchInput = null;
            let searchMessage = null;
            if (options.geocoderUrl) {
                search = document.createElement("div");
                search.className = "walk-location__search";
                const label = document.createElement("label");
                label.htmlFor = prefix + "-address-search";
                label.textContent = strings.address;
                searchInput = document.createElement("input");
                searchInput.type = "search";
                searchInput.id = prefix + "-address-search";
                // No name: the address only helps to find the point and is never saved or translated.
                searchInput.setAttribute("aria-describedby", prefix + "-address-message");
                const button = document.createElement("button");
                button.type = "button";
                button.className = "button button-small button-secondary";
                button.textContent = strings.find;
                searchMessage = document.createElement("p");
                searchMessage.className = "help walk-location__message";
                searchMessage.id = prefix + "-address-message";
                searchMessage.setAttribute("role", "status");
                searchMessage.textContent = strings.addressHelp;
                const row = document.createElement("div");
                row.className = "walk-location__search-row";
                row.append(searchInput, button);
                search.append(label, row, searchMessage);
                wrapper.appendChild(search);
                button.addEventListener("click", () => findAddress());
                searchInput.addEventListener("keydown", (event) => {
                    // Enter would submit the whole page form.
                    if (event.key === "Enter") {
                        event.preventDefault();
                        findAddress();
                    }
                });
            }

            const mapElement = document.createElement("div");
            mapElement.className = "walk-location__map";
            mapElement.setAttribute("role", "application");
            mapElement.setAttribute("aria-label", strings.map);
            wrapper.appendChild(mapElement);
            // Under the two coordinate fields, inside the block.
            const lngField = lngInput.closest("[data-field-wrapper]") || lngInput.parentElement;
            lngField.insertAdjacentElement("afterend", wrapper);

            let map = null;
            let marker = null;

            function currentPoint() {
                const lat = parseFloat(latInput.value);
                const lng = parseFloat(lngInput.value);
                if (isNaN(lat) || isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
                    return null;
                }
                return [lat, lng];
            }

            function setFields(point) {
                latInput.value = round(point[0]);
                lngInput.value = round(point[1]);
                // Wagtail tracks unsaved changes through input events.
                latInput.dispatchEvent(new Event("input", {bubbles: true}));
                lngInput.dispatchEvent(new Event("input", {bubbles: true}));
                latInput.dispatchEvent(new Event("change", {bubbles: true}));
                lngInput.dispatchEvent(new Event("change", {bubbles: true}));
            }

            function placeMarker(point, pan) {
                if (!map) {
                    return;
                }
                if (!marker) {
                    marker = L.marker(point, {draggable: true, keyboard: true}).addTo(map);
                    marker.on("dragend", () => {
                        const position = marker.getLatLng();
                        setFields([position.lat, position.lng]);
                    });
                } else {
                    marker.setLatLng(point);
                }
                if (pan) {
                    map.setView(point, Math.max(map.getZoom(), 16));
                }
            }

            function startMap() {
                if (map) {
                    return;
                }
                const point = currentPoint();
                const start = point || lastKnownPoint(latInput);
                map = L.map(mapElement, {scrollWheelZoom: false}).setView(
                    start || options.center,
                    point ? 16 : start ? 15 : options.zoom
                );
                if (options.tileUrl) {
                    L.tileLayer(options.tileUrl, {maxZoom: 19, attribution: options.attribution}).addTo(map);
                }
                if (point) {
                    placeMarker(point, false);
                }
                map.on("click", (event) => {
                    setFields([event.latlng.lat, event.latlng.lng]);
                    placeMarker([event.latlng.lat, event.latlng.lng], false);
                });
            }

            function findAddress() {
                const query = searchInput.value.trim();
                if (!query) {
                    return;
                }
                startMap();
                searchMessage.textContent = strings.searching;
                const url = new URL(options.geocoderUrl);
                url.searchParams.set("q", query);
                url.searchParams.set("format", "jsonv2");
                url.searchParams.set("limit", "1");
                url.searchParams.set("accept-language", document.documentElement.lang || "en");
                fetch(url.toString(), {headers: {Accept: "application/json"}})
                    .then((response) => {
                        if (!response.ok) {
                            throw new Error(response.statusText);
                        }
                        return response.json();
                    })
                    .then((results) => {
                        if (!results.length) {
                            searchMessage.textContent = strings.notFound;
                            return;
                        }
                        const point = [parseFloat(results[0].lat), parseFloat(results[0].lon)];
                        setFields(point);
                        placeMarker(point, true);
                        searchMessage.textContent = strings.found.replace("%s", results[0].display_name);
                    })
                    .catch(() => {
                        searchMessage.textContent = strings.failed;
                    });
            }

            function fromFields() {
                const point = currentPoint();
                if (point) {
                    placeMarker(point, true);
                }
            }
            latInput.addEventListener("change", fromFields);
            lngInput.addEventListener("change", fromFields);
            // Pasting "46.05, 14.50" into either field fills both.
            [latInput, lngInput].forEach((input) => {
                input.addEventListener("paste", (event) => {
                    const pair = parsePair((event.clipboardData || window.clipboardData).getData("text"));
                    if (pair) {
                        event.preventDefault();
                        startMap();
                        setFields(pair);
                        placeMarker(pair, true);
                    }
                });
            });

            // Start the map when it scrolls into view (collapsed stops and long walks stay light).
            if ("IntersectionObserver" in window) {
                const observer = new IntersectionObserver((entries) => {
                    entries.forEach((entry) => {
                        if (entry.isIntersecting) {
                            startMap();
                            map.invalidateSize();
                        }
                    });
                });
                observer.observe(mapElement);
            } else {
                startMap();
            }
            return block;
        }
    }

    window.telepath.register("walks.blocks.LocationBlock", LocationBlockDefinition);
})();
