/* The network's maps: every centre from one cached GeoJSON file, clustered so that 1000+
 * markers stay fast, filtered in the browser by the country and kind chosen in the form;
 * and the small map of one centre. Without JavaScript (or tiles) the lists carry everything. */
(function () {
    "use strict";

    function popup(properties) {
        const box = document.createElement("div");
        const link = document.createElement("a");
        link.href = properties.url;
        link.textContent = properties.name;
        box.appendChild(link);
        const meta = document.createElement("div");
        meta.textContent = [properties.kind_label, properties.city].filter(Boolean).join(" · ");
        box.appendChild(meta);
        return box;
    }

    function showCentres(element) {
        const status = element.parentElement.querySelector("[data-map-status]");
        const map = window.BridgesMap && BridgesMap.create(element, {center: [48.5, 15], zoom: 4});
        if (!map || !L.markerClusterGroup) {
            return;
        }
        if (status) {
            status.textContent = status.dataset.loading || "…";
        }
        fetch(element.dataset.geojsonUrl, {headers: {Accept: "application/geo+json"}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (data) {
                const country = element.dataset.country || "";
                const kind = element.dataset.kind || "";
                const markers = [];
                data.features.forEach(function (feature) {
                    const p = feature.properties;
                    if ((country && p.country !== country) || (kind && p.kind !== kind)) {
                        return;
                    }
                    const lngLat = feature.geometry.coordinates;
                    const marker = L.marker([lngLat[1], lngLat[0]], {title: p.name, alt: p.name});
                    marker.bindPopup(popup(p));
                    markers.push(marker);
                });
                const cluster = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false});
                cluster.addLayers(markers);
                map.addLayer(cluster);
                if (markers.length) {
                    map.fitBounds(cluster.getBounds(), {padding: [24, 24], maxZoom: 12});
                }
                element.dataset.markers = String(markers.length);
                if (status) {
                    status.textContent = (element.dataset.countLabel || "%s").replace("%s", markers.length);
                }
            })
            .catch(function () {
                if (status) {
                    status.textContent = element.dataset.errorLabel || "";
                }
            });
    }

    function showCentre(element) {
        const lat = parseFloat(element.dataset.lat);
        const lng = parseFloat(element.dataset.lng);
        const map = window.BridgesMap && BridgesMap.create(element, {center: [lat, lng], zoom: 14});
        if (map) {
            L.marker([lat, lng], {title: element.dataset.name, alt: element.dataset.name}).addTo(map);
        }
    }

    function start() {
        document.querySelectorAll("[data-centres-map]").forEach(showCentres);
        document.querySelectorAll("[data-centre-map]").forEach(showCentre);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
