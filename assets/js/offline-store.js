/* Saved walks: the browser's Cache Storage as the one place a walk lives offline.
 *
 * Shared by the pages (walk-offline.js saves a walk when the reader asks, offline.js lists and
 * removes them) and the service worker (it serves them, and fetches a walk again when its manifest
 * says it was republished). The manifest comes from the server (`<walk>/offline/`, walks/offline.py):
 * the files, their sizes and a version.
 *
 *   bridges-walk-<id>-<version>   one cache per saved walk: its page, photos, sound, tiles
 *   bridges-static                the site's styles and scripts (shared by every saved walk)
 *   bridges-pages                 the offline page and the "Saved walks" list of each language
 *   bridges-saved-walks           one record per saved walk: its manifest, when it was saved
 */
(function (scope) {
    "use strict";

    const INDEX = "bridges-saved-walks";
    const STATIC = "bridges-static";
    const PAGES = "bridges-pages";
    const WALK_PREFIX = "bridges-walk-";

    function recordKey(id) {
        return new URL("/offline-records/walk-" + id, scope.location.origin).href;
    }

    async function list() {
        const index = await caches.open(INDEX);
        const records = [];
        for (const request of await index.keys()) {
            const response = await index.match(request);
            if (response) {
                records.push(await response.json());
            }
        }
        records.sort((a, b) => a.title.localeCompare(b.title));
        return records;
    }

    async function get(id) {
        const response = await (await caches.open(INDEX)).match(recordKey(id));
        return response ? response.json() : null;
    }

    function fetchOptions(entry) {
        if (entry.kind === "tile") {
            // The tile server's policy asks for a proper referrer; the site's own policy may send none.
            return {mode: "cors", credentials: "omit", referrerPolicy: "strict-origin-when-cross-origin"};
        }
        return {credentials: "same-origin", cache: "no-cache"};
    }

    /* Run `work` over `items` with at most `limit` at a time. */
    async function pool(items, limit, work) {
        let next = 0;
        async function runner() {
            while (next < items.length) {
                const item = items[next++];
                await work(item);
            }
        }
        await Promise.all(Array.from({length: Math.min(limit, items.length)}, runner));
    }

    /* Store every file of `manifest`; onProgress(doneBytes, totalBytes). A failed photo, sound or
     * page stops the saving and leaves nothing half-saved; a failed map tile only leaves a gap. */
    async function save(manifest, manifestUrl, onProgress) {
        const cacheName = WALK_PREFIX + manifest.id + "-" + manifest.version;
        const walkCache = await caches.open(cacheName);
        const staticCache = await caches.open(STATIC);
        const total = manifest.bytes || 1;
        let done = 0;
        const report = () => onProgress && onProgress(Math.min(done, total), total);
        report();
        async function one(entry) {
            const target = entry.kind === "static" ? staticCache : walkCache;
            if (!(await target.match(entry.url))) {
                let response;
                try {
                    response = await fetch(entry.url, fetchOptions(entry));
                } catch (error) {
                    response = null;
                }
                if (!response || !response.ok) {
                    if (entry.kind !== "tile") {
                        throw new Error("could not fetch " + entry.url);
                    }
                } else {
                    await target.put(entry.url, response);
                }
            }
            done += entry.bytes || 0;
            report();
        }
        const tiles = manifest.files.filter((entry) => entry.kind === "tile");
        const own = manifest.files.filter((entry) => entry.kind !== "tile");
        try {
            await pool(own, 4, one);
            // Two at a time from the tile server, as a browser showing the map would.
            await pool(tiles, 2, one);
        } catch (error) {
            await caches.delete(cacheName);
            throw error;
        }
        for (const url of [manifest.saved_walks_url, manifest.offline_url]) {
            if (url) {
                try {
                    await (await caches.open(PAGES)).add(url);
                } catch (error) {
                    // The lists are a comfort; the walk itself is saved.
                }
            }
        }
        const record = Object.assign({}, manifest, {
            manifest_url: manifestUrl,
            cache: cacheName,
            saved_at: new Date().toISOString(),
        });
        await (await caches.open(INDEX)).put(
            recordKey(manifest.id),
            new Response(JSON.stringify(record), {headers: {"Content-Type": "application/json"}})
        );
        // An older version of the same walk goes only once the new one is complete.
        for (const name of await caches.keys()) {
            if (name.startsWith(WALK_PREFIX + manifest.id + "-") && name !== cacheName) {
                await caches.delete(name);
            }
        }
        return record;
    }

    async function remove(id) {
        for (const name of await caches.keys()) {
            if (name.startsWith(WALK_PREFIX + id + "-")) {
                await caches.delete(name);
            }
        }
        await (await caches.open(INDEX)).delete(recordKey(id));
        // The styles and scripts are kept only while some walk needs them.
        if (!(await list()).length) {
            await caches.delete(STATIC);
        }
    }

    /* Fetch the walk's manifest again; save the walk anew when it was republished with changes.
     * Returns the new record, or null when nothing changed (or the walk is gone or unreachable). */
    async function refresh(record) {
        let response;
        try {
            response = await fetch(record.manifest_url, {credentials: "same-origin", cache: "no-cache"});
        } catch (error) {
            return null;
        }
        if (!response.ok) {
            return null;
        }
        const manifest = await response.json();
        if (manifest.version === record.version) {
            return null;
        }
        return save(manifest, record.manifest_url);
    }

    /* The saved photo to show when the page asks for another size of it offline. */
    async function alias(url) {
        for (const record of await list()) {
            if (record.aliases && record.aliases[url]) {
                return record.aliases[url];
            }
        }
        return null;
    }

    scope.BridgesOfflineStore = {list, get, save, remove, refresh, alias, PAGES, STATIC, WALK_PREFIX};
})(self);
