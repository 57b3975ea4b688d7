/* The walk player: turns the list of stops (complete without JavaScript) into one stop at a time.
 *
 * Previous/Next buttons and the Left/Right arrow keys move between stops, the URL hash (#stop-3)
 * opens and shares a stop, the route map follows the current stop, and a live region tells screen
 * readers where they are. Only the current stop's heavy media is started: hidden stops keep their
 * lazy images unloaded, their video and sound paused, and at most one 360° viewer exists at a time.
 */
(function () {
    "use strict";

    const walk = document.querySelector("[data-walk]");
    const routeData = document.getElementById("walk-route-data");
    if (!walk || !routeData) {
        return;
    }
    const route = JSON.parse(routeData.textContent);
    const items = Array.from(walk.querySelectorAll("[data-walk-stops] > li"));
    const stops = items.map((item) => item.querySelector("[data-walk-stop]"));
    const player = walk.querySelector("[data-walk-player]");
    const status = walk.querySelector("[data-walk-status]");
    const previousButton = walk.querySelector("[data-walk-previous]");
    const nextButton = walk.querySelector("[data-walk-next]");
    const stage = walk.querySelector("[data-walk-stage]");
    const total = stops.length;
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // "Stop 3 of 8" in the reader's language, from the server-rendered label of each stop.
    const labels = stops.map((stop) => stop.querySelector(".walk-stop__number").textContent.trim());
    let current = 0;
    let map = null;
    let markers = [];
    let panorama = null;

    function numberFromHash() {
        const match = /^#stop-(\d+)$/.exec(window.location.hash);
        if (!match) {
            return null;
        }
        const number = parseInt(match[1], 10);
        return number >= 1 && number <= total ? number : null;
    }

    /* ---- the map ---- */

    // Markers are 32 px; the zoom buttons take the top left corner (about 44 × 76 px with their
    // margin) and the attribution the bottom edge: the route is fitted inside what they leave free.
    const FIT_PADDING = {paddingTopLeft: [64, 28], paddingBottomRight: [28, 40]};
    const MARKER_SIZE = 32;
    // Stops closer than this on screen (the same place visited twice) are spread on a small circle.
    const OVERLAP = 30;
    let offsets = [];
    let currentIndex = null;

    function markerIcon(number, isCurrent, offset) {
        const [dx, dy] = offset || [0, 0];
        return L.divIcon({
            className: "walk-marker" + (isCurrent ? " walk-marker--current" : ""),
            html: "<span>" + number + "</span>",
            iconSize: [MARKER_SIZE, MARKER_SIZE],
            iconAnchor: [MARKER_SIZE / 2 - dx, MARKER_SIZE / 2 - dy],
        });
    }

    function setMarkerIcon(index) {
        markers[index].setIcon(markerIcon(route[index].number, index === currentIndex, offsets[index]));
    }

    /* Spread markers that would cover each other at this zoom, so each stays visible and clickable. */
    function spreadOverlaps() {
        const points = markers.map((marker) => map.latLngToLayerPoint(marker.getLatLng()));
        const group = points.map((_, index) => index);
        points.forEach((point, index) => {
            for (let other = 0; other < index; other++) {
                if (point.distanceTo(points[other]) < OVERLAP) {
                    group[index] = group[other];
                    break;
                }
            }
        });
        const members = {};
        group.forEach((leader, index) => (members[leader] = members[leader] || []).push(index));
        offsets = route.map(() => [0, 0]);
        Object.values(members).forEach((indexes) => {
            if (indexes.length < 2) {
                return;
            }
            const radius = Math.max(MARKER_SIZE * 0.75, (MARKER_SIZE * indexes.length) / (2 * Math.PI));
            indexes.forEach((index, position) => {
                const angle = -Math.PI / 2 + (2 * Math.PI * position) / indexes.length;
                offsets[index] = [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
            });
        });
        markers.forEach((_, index) => setMarkerIcon(index));
    }

    function setUpMap() {
        const element = walk.querySelector("[data-walk-map]");
        if (!window.BridgesMap || !element) {
            return;
        }
        map = BridgesMap.create(element, {zoomSnap: 0.5});
        if (!map) {
            return;
        }
        const points = route.map((stop) => [stop.latitude, stop.longitude]);
        L.polyline(points, {className: "walk-line", weight: 4, opacity: 0.8}).addTo(map);
        markers = route.map((stop, index) =>
            L.marker(points[index], {
                icon: markerIcon(stop.number, false),
                title: stop.title,
                alt: stop.title,
                keyboard: true,
                riseOnHover: true,
            })
                .on("click", () => show(index, {focus: true}))
                .addTo(map)
        );
        map.on("zoomend", spreadOverlaps);
        fitRoute();
        spreadOverlaps();
        // The map's box settles with the page layout (and changes with the window): refit once it does.
        if ("ResizeObserver" in window) {
            let width = element.clientWidth;
            new ResizeObserver(() => {
                if (element.clientWidth !== width) {
                    width = element.clientWidth;
                    map.invalidateSize();
                    fitRoute();
                }
            }).observe(element);
        }
    }

    function fitRoute() {
        const points = route.map((stop) => [stop.latitude, stop.longitude]);
        if (points.length > 1) {
            map.fitBounds(points, Object.assign({maxZoom: 17, animate: false}, FIT_PADDING));
        } else {
            map.setView(points[0], 16, {animate: false});
        }
    }

    function followOnMap(index, previous) {
        if (!map) {
            return;
        }
        currentIndex = index;
        if (previous !== null && markers[previous]) {
            setMarkerIcon(previous);
            markers[previous].setZIndexOffset(0);
        }
        setMarkerIcon(index);
        markers[index].setZIndexOffset(1000);
        const point = [route[index].latitude, route[index].longitude];
        // The whole route stays in view when it fits; pan only when the stop has left the map.
        if (previous !== null && !map.getBounds().pad(-0.1).contains(point)) {
            map.panTo(point, {animate: !reducedMotion});
        }
    }

    /* ---- heavy media of one stop ---- */

    function loadViewerStyles() {
        if (document.getElementById("psv-styles")) {
            return;
        }
        const link = document.createElement("link");
        link.id = "psv-styles";
        link.rel = "stylesheet";
        link.href = walk.dataset.viewerCss;
        document.head.appendChild(link);
    }

    function startPanorama(stop) {
        const holder = stop.querySelector("[data-panorama]");
        if (!holder) {
            return;
        }
        const small = window.matchMedia("(max-width: 50rem)").matches;
        const url = (small && holder.dataset.panoramaSmall) || holder.dataset.panorama;
        const flat = holder.querySelector("img");
        const container = document.createElement("div");
        container.className = "panorama__viewer";
        holder.appendChild(container);
        const token = {destroyed: false, viewer: null, container: container, holder: holder};
        panorama = token;
        loadViewerStyles();
        import("@photo-sphere-viewer/core")
            .then(({Viewer}) => {
                if (token.destroyed) {
                    return;
                }
                token.viewer = new Viewer({
                    container: container,
                    panorama: url,
                    navbar: ["zoom", "move", "fullscreen"],
                    defaultZoomLvl: 0,
                    touchmoveTwoFingers: true,
                    mousewheel: false,
                    loadingTxt: "",
                    description: flat ? flat.alt : "",
                });
                token.viewer.addEventListener("ready", () => {
                    holder.classList.add("panorama--ready");
                    // The flat photo stays in the page for screen readers; sighted readers get the viewer.
                    if (flat) {
                        flat.setAttribute("aria-hidden", "true");
                    }
                }, {once: true});
            })
            .catch(() => {
                // No WebGL or the module failed: the flat photo is still there.
                container.remove();
            });
    }

    function stopMedia(stop) {
        stop.querySelectorAll("video, audio").forEach((media) => media.pause());
        if (panorama) {
            panorama.destroyed = true;
            if (panorama.viewer) {
                panorama.viewer.destroy();
            }
            panorama.container.remove();
            panorama.holder.classList.remove("panorama--ready");
            const flat = panorama.holder.querySelector("img");
            if (flat) {
                flat.removeAttribute("aria-hidden");
            }
            panorama = null;
        }
    }

    /* ---- moving between stops ---- */

    function show(index, options) {
        options = options || {};
        if (index < 0 || index >= total) {
            return;
        }
        const previous = options.initial ? null : current;
        if (previous !== null && previous !== index) {
            stopMedia(stops[previous]);
        }
        const focusWasInStop = previous !== null && items[previous].contains(document.activeElement);
        items.forEach((item, i) => {
            item.hidden = i !== index;
        });
        current = index;
        previousButton.setAttribute("aria-disabled", String(index === 0));
        nextButton.setAttribute("aria-disabled", String(index === total - 1));
        // Phones show "Stop 3 of 8"; the title is read out everywhere and shown where there is room.
        const count = document.createElement("span");
        count.textContent = labels[index];
        const title = document.createElement("span");
        title.className = "walk-player__title";
        title.textContent = ": " + route[index].title;
        status.replaceChildren(count, title);
        if (options.updateHash !== false) {
            history.replaceState(null, "", "#" + route[index].anchor);
        }
        followOnMap(index, previous);
        if (previous !== index || options.initial) {
            startPanorama(stops[index]);
        }
        if (options.focus || focusWasInStop) {
            stops[index].querySelector(".walk-stop__title").focus({preventScroll: true});
        }
        if (options.scroll !== false) {
            const top = stage.getBoundingClientRect().top;
            if (top < 0 || options.scroll === "always") {
                stage.scrollIntoView({block: "start", behavior: reducedMotion ? "auto" : "smooth"});
            }
        }
    }

    function step(delta) {
        show(current + delta);
    }

    function onKey(event) {
        if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") {
            return;
        }
        if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
            return;
        }
        // Arrow keys belong to whatever has them already: form fields, media players, the map, the 360° viewer.
        const target = event.target;
        if (
            document.fullscreenElement ||
            (target.closest &&
                target.closest("input, textarea, select, [contenteditable], video, audio, .leaflet-container, .panorama, [role=slider]"))
        ) {
            return;
        }
        event.preventDefault();
        step(event.key === "ArrowRight" ? 1 : -1);
    }

    function start() {
        walk.classList.add("walk--player");
        player.hidden = false;
        setUpMap();
        const fromHash = numberFromHash();
        show(fromHash ? fromHash - 1 : 0, {
            initial: true,
            updateHash: Boolean(fromHash),
            scroll: fromHash ? "always" : false,
        });
        previousButton.addEventListener("click", () => step(-1));
        nextButton.addEventListener("click", () => step(1));
        document.addEventListener("keydown", onKey);
        window.addEventListener("hashchange", () => {
            const number = numberFromHash();
            if (number) {
                show(number - 1, {focus: true, updateHash: false, scroll: "always"});
            }
        });
        const startLink = walk.querySelector("[data-walk-start]");
        if (startLink) {
            startLink.addEventListener("click", (event) => {
                event.preventDefault();
                show(0, {focus: true, scroll: "always"});
            });
        }
        // In the player the list of stops is a menu to jump with; it starts folded on small screens.
        const contents = walk.querySelector("[data-walk-contents]");
        if (contents && window.matchMedia("(max-width: 64rem)").matches) {
            contents.open = false;
        }
    }

    start();
})();
