/* The map on the list of walks: one marker where each walk starts, linking to the walk. */
(function () {
    "use strict";

    const element = document.querySelector("[data-walks-map]");
    const data = document.getElementById("walk-starts-data");
    if (!element || !data || !window.BridgesMap) {
        return;
    }
    const starts = JSON.parse(data.textContent);
    const map = BridgesMap.create(element, {});
    if (!map || !starts.length) {
        return;
    }
    const points = starts.map((start) => {
        const link = document.createElement("a");
        link.href = start.url;
        link.textContent = start.title;
        L.marker([start.latitude, start.longitude], {title: start.title, alt: start.title, keyboard: true})
            .bindPopup(link)
            .addTo(map);
        return [start.latitude, start.longitude];
    });
    if (points.length > 1) {
        map.fitBounds(points, {padding: [40, 40], maxZoom: 12});
    } else {
        map.setView(points[0], 12);
    }
})();
