/* Bridges' service worker (served by cms/offline.py at /sw.js, scope: the whole site).
 *
 * It never stores anything on its own: walks are saved when a reader asks (walk-offline.js, through
 * offline-store.js). It answers from what is saved when the phone is offline or the connection is
 * too slow: saved walks at their usual addresses, their photos, sound and map tiles, and for any
 * other page the offline page in the reader's language. Workbox (npm) does the routing and serves
 * parts of saved recordings (range requests) to the audio player.
 */
"use strict";

const CONFIG = {{ config|safe }};
importScripts(...CONFIG.scripts, CONFIG.offlineStore);

const store = self.BridgesOfflineStore;
const {registerRoute} = workbox.routing;
const {createPartialResponse} = workbox.rangeRequests;
// On a weak connection a saved walk opens from the phone after this long without an answer.
const NAVIGATION_TIMEOUT = 6000;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function languageOf(url) {
    const first = url.pathname.split("/")[1];
    return CONFIG.languages.includes(first) ? first : CONFIG.defaultLanguage;
}

function saved(request) {
    return caches.match(request, {ignoreVary: true});
}

async function offlineAnswer(url) {
    const pages = await caches.open(store.PAGES);
    const own = await pages.match("/" + languageOf(url) + "/offline/");
    if (own) {
        return own;
    }
    for (const request of await pages.keys()) {
        if (new URL(request.url).pathname.endsWith("/offline/")) {
            return pages.match(request);
        }
    }
    return new Response("<!DOCTYPE html><title>Offline</title><h1>Offline</h1>", {
        status: 503,
        headers: {"Content-Type": "text/html; charset=utf-8"},
    });
}

function fetchWithTimeout(request, timeout) {
    if (!timeout) {
        return fetch(request);
    }
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("timeout")), timeout);
        fetch(request).then(
            (response) => {
                clearTimeout(timer);
                resolve(response);
            },
            (error) => {
                clearTimeout(timer);
                reject(error);
            }
        );
    });
}

/* A saved page fetched fresh is saved again, so the walk stays as it was last seen online. */
async function keepFresh(request, response) {
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        if (await cache.match(request, {ignoreVary: true})) {
            await cache.put(request.url, response);
            return;
        }
    }
}

// Pages: from the network; a saved one when the network fails or is too slow; else the offline page.
registerRoute(
    ({request, url}) =>
        request.mode === "navigate" && url.origin === self.location.origin && !url.pathname.startsWith("/admin/"),
    async ({request, url, event}) => {
        const cached = await saved(request);
        try {
            const response = await fetchWithTimeout(request, cached ? NAVIGATION_TIMEOUT : 0);
            if (cached && response.ok && !response.redirected) {
                event.waitUntil(keepFresh(request, response.clone()));
            }
            return response;
        } catch (error) {
            return cached || offlineAnswer(url);
        }
    }
);

// The site's own styles and scripts: saved ones at once (and refreshed behind), others from the network.
registerRoute(
    ({url}) => url.origin === self.location.origin && url.pathname.startsWith("/static/"),
    async ({request, event}) => {
        const cached = await saved(request);
        if (!cached) {
            return fetch(request);
        }
        event.waitUntil(
            fetch(request)
                .then((response) => response.ok && keepFresh(request, response))
                .catch(() => null)
        );
        return cached;
    }
);

let aliasMemo = null;

async function aliasOf(url) {
    if (!aliasMemo) {
        aliasMemo = {};
        for (const record of await store.list()) {
            Object.assign(aliasMemo, record.aliases || {});
        }
    }
    return aliasMemo[url] || null;
}

// Photos, sound, video and map tiles of saved walks: from the phone, never fetched twice. The page
// may ask for a photo at another size than the one saved: the saved one is shown instead.
registerRoute(
    ({url}) =>
        (url.origin === self.location.origin && url.pathname.startsWith("/media/")) ||
        CONFIG.tileOrigins.includes(url.origin),
    async ({request, url}) => {
        let cached = await saved(request);
        if (!cached) {
            const other = await aliasOf(url.href);
            cached = other ? await caches.match(other, {ignoreVary: true}) : null;
        }
        if (!cached) {
            return fetch(request);
        }
        return request.headers.has("range") ? createPartialResponse(request, cached) : cached;
    }
);

async function refreshSavedWalks() {
    let changed = false;
    for (const record of await store.list()) {
        try {
            changed = Boolean(await store.refresh(record)) || changed;
        } catch (error) {
            // The next visit online tries again.
        }
    }
    aliasMemo = null;
    if (changed) {
        for (const client of await self.clients.matchAll()) {
            client.postMessage({type: "saved-walks-changed"});
        }
    }
}

self.addEventListener("message", (event) => {
    const type = event.data && event.data.type;
    if (type === "saved-walks-changed") {
        aliasMemo = null;
    } else if (type === "refresh-saved-walks") {
        event.waitUntil(refreshSavedWalks());
    }
});
