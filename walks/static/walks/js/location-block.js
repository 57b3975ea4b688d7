/* The stop location in the admin: the latitude and longitude fields with the shared map picker
 * (assets/js/location-picker.js), plus what stops need beyond it: an address search, pasting
 * "46.05, 14.50" into a field, opening near the previous stop, and maps that start only when
 * scrolled into view, so a walk with 25 stops opens quickly in the editor.
 */
(function () {
    "use strict";

    const StructBlockDefinition = window.wagtailStreamField.blocks.StructBlockDefinition;

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
            if (!latInput || !lngInput || !window.L || !window.BridgesLocationPicker) {
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

            const picker = BridgesLocationPicker.attach(mapElement, latInput, lngInput, {
                center: options.center,
                zoom: options.zoom,
                pointZoom: 16,
                tileUrl: options.tileUrl,
                attribution: options.attribution,
                near: () => lastKnownPoint(latInput),
            });

            function findAddress() {
                const query = searchInput.value.trim();
                if (!query) {
                    return;
                }
                picker.start();
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
                        picker.choose([parseFloat(results[0].lat), parseFloat(results[0].lon)]);
                        searchMessage.textContent = strings.found.replace("%s", results[0].display_name);
                    })
                    .catch(() => {
                        searchMessage.textContent = strings.failed;
                    });
            }

            // Pasting "46.05, 14.50" into either field fills both.
            [latInput, lngInput].forEach((input) => {
                input.addEventListener("paste", (event) => {
                    const pair = parsePair((event.clipboardData || window.clipboardData).getData("text"));
                    if (pair) {
                        event.preventDefault();
                        picker.choose(pair);
                    }
                });
            });

            // Start the map when it scrolls into view (collapsed stops and long walks stay light).
            if ("IntersectionObserver" in window) {
                const observer = new IntersectionObserver((entries) => {
                    entries.forEach((entry) => {
                        if (entry.isIntersecting) {
                            picker.start();
                        }
                    });
                });
                observer.observe(mapElement);
            } else {
                picker.start();
            }
            return block;
        }
    }

    window.telepath.register("walks.blocks.LocationBlock", LocationBlockDefinition);
})();
