/* The stop location in the admin: the latitude and longitude fields with the shared map picker
 * and address search (assets/js/location-picker.js), plus what stops need beyond it: pasting
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
            wrapper.className = "location-picker";

            const mapElement = document.createElement("div");
            mapElement.className = "location-picker__map";
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
            // The same address search as centres and event venues (assets/js/location-picker.js).
            BridgesLocationPicker.addSearch(wrapper, picker, {
                geocoderUrl: options.geocoderUrl,
                strings: strings,
                idPrefix: prefix,
            });

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
