/* The site on a phone without a connection (see cms/offline.py and templates/offline/sw.js).
 *
 * On every page: registers the service worker, keeps the offline page of the reader's language on
 * the phone, and asks the worker (at most once an hour, when online) to fetch saved walks again
 * that were republished. Where a page has a list of saved walks ([data-saved-walks]: the offline
 * page, "Saved walks"), fills it from the phone's storage, with a button to remove each one.
 */
(function () {
    "use strict";

    const script = document.currentScript;
    if (!("serviceWorker" in navigator) || !("caches" in window) || !window.BridgesOfflineStore) {
        return;
    }
    const store = window.BridgesOfflineStore;
    const language = document.documentElement.lang || "en";
    const CHECK_EVERY = 60 * 60 * 1000;

    function megabytes(bytes) {
        return new Intl.NumberFormat(language, {maximumFractionDigits: 1, minimumFractionDigits: 1}).format(
            Math.max(bytes, 50000) / 1e6
        );
    }

    function fill(template, values) {
        return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? values[name] : match));
    }

    async function keepOfflinePage() {
        const pages = await caches.open(store.PAGES);
        const urls = [script.dataset.offlinePage, ...(script.dataset.offlineAssets || "").split(" ")].filter(Boolean);
        for (const url of urls) {
            if (!(await pages.match(url))) {
                await pages.add(url);
            }
        }
    }

    async function askForRefresh(registration) {
        const last = Number(localStorage.getItem("bridges-offline-checked") || 0);
        if (!navigator.onLine || Date.now() - last < CHECK_EVERY || !(await store.list()).length) {
            return;
        }
        localStorage.setItem("bridges-offline-checked", String(Date.now()));
        if (registration.active) {
            registration.active.postMessage({type: "refresh-saved-walks"});
        }
    }

    async function renderLists() {
        const lists = document.querySelectorAll("[data-saved-walks]");
        if (!lists.length) {
            return;
        }
        const records = await store.list();
        lists.forEach((list) => {
            const empty = document.querySelector(list.dataset.emptyMessage);
            list.replaceChildren();
            records.forEach((record) => {
                const item = document.createElement("li");
                item.className = "saved-walk";
                const link = document.createElement("a");
                link.href = record.url;
                link.textContent = record.title;
                link.lang = record.language;
                const size = document.createElement("span");
                size.className = "saved-walk__size";
                size.textContent = fill(list.dataset.sizeLabel, {size: megabytes(record.bytes)});
                const remove = document.createElement("button");
                remove.type = "button";
                remove.className = "button button--secondary saved-walk__remove";
                remove.textContent = fill(list.dataset.removeLabel, {title: record.title});
                remove.addEventListener("click", async () => {
                    await store.remove(record.id);
                    notifyWorker();
                    const status = document.querySelector(list.dataset.status);
                    if (status) {
                        status.textContent = fill(list.dataset.removedMessage, {title: record.title});
                    }
                    renderLists();
                });
                item.append(link, " ", size, " ", remove);
                list.append(item);
            });
            list.hidden = !records.length;
            if (empty) {
                empty.hidden = Boolean(records.length);
            }
        });
    }

    function notifyWorker() {
        if (navigator.serviceWorker.controller) {
            navigator.serviceWorker.controller.postMessage({type: "saved-walks-changed"});
        }
    }

    navigator.serviceWorker.addEventListener("message", (event) => {
        if (event.data && event.data.type === "saved-walks-changed") {
            renderLists();
        }
    });

    window.BridgesOffline = {renderLists: renderLists, notifyWorker: notifyWorker, megabytes: megabytes, fill: fill};

    renderLists();
    navigator.serviceWorker
        .register(script.dataset.serviceWorker, {scope: "/"})
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
            if (navigator.onLine) {
                keepOfflinePage().catch(() => null);
                askForRefresh(registration).catch(() => null);
            }
        })
        .catch(() => null);
})();
