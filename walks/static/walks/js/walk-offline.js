/* "Save this walk for offline use" on a walk's page.
 *
 * Asks the server what saving takes (<walk>/offline/: files and sizes, walks/offline.py), says how
 * many MB before anything is stored, saves with a progress bar (offline-store.js), and offers to
 * remove the walk again. Hidden where the browser has no service worker or Cache Storage: the page
 * then stays as it is.
 */
(function () {
    "use strict";

    const box = document.querySelector("[data-walk-offline]");
    if (!box || !("serviceWorker" in navigator) || !("caches" in window) || !window.BridgesOfflineStore || !window.BridgesOffline) {
        return;
    }
    const store = window.BridgesOfflineStore;
    const {megabytes, fill, notifyWorker} = window.BridgesOffline;
    const strings = box.dataset;
    const sizeText = box.querySelector("[data-walk-offline-size]");
    const saveButton = box.querySelector("[data-walk-offline-save]");
    const removeButton = box.querySelector("[data-walk-offline-remove]");
    const progress = box.querySelector("[data-walk-offline-progress]");
    const status = box.querySelector("[data-walk-offline-status]");
    const manifestUrl = new URL(box.dataset.manifest, window.location.href).href;
    let manifest = null;
    let busy = false;

    function say(text) {
        status.textContent = text;
    }

    function describe(record) {
        const parts = [fill(strings.sizeLabel, {size: megabytes(record.bytes)})];
        if (record.videos_online) {
            parts.push(strings.videosOnline);
        }
        return parts.join(" ");
    }

    async function showSaved(record) {
        saveButton.hidden = true;
        removeButton.hidden = false;
        sizeText.textContent = fill(strings.savedLabel, {size: megabytes(record.bytes)});
    }

    function showUnsaved() {
        saveButton.hidden = false;
        removeButton.hidden = true;
        sizeText.textContent = manifest ? describe(manifest) : "";
    }

    async function loadManifest() {
        const response = await fetch(manifestUrl, {credentials: "same-origin", cache: "no-cache"});
        if (!response.ok) {
            throw new Error("manifest " + response.status);
        }
        return response.json();
    }

    async function enoughSpace(bytes) {
        if (!navigator.storage || !navigator.storage.estimate) {
            return true;
        }
        const {quota, usage} = await navigator.storage.estimate();
        return !quota || quota - (usage || 0) > bytes * 1.2;
    }

    async function saveWalk() {
        if (busy) {
            return;
        }
        busy = true;
        saveButton.setAttribute("aria-disabled", "true");
        try {
            manifest = await loadManifest();
            if (!(await enoughSpace(manifest.bytes))) {
                say(strings.noSpace);
                return;
            }
            if (navigator.storage && navigator.storage.persist) {
                navigator.storage.persist().catch(() => null);
            }
            progress.hidden = false;
            progress.value = 0;
            let lastSaid = -1;
            say(fill(strings.progressLabel, {percent: "0"}));
            const record = await store.save(manifest, manifestUrl, (done, total) => {
                const percent = Math.floor((100 * done) / total);
                progress.value = percent;
                // The screen reader hears every 25 %, not every file.
                if (percent >= lastSaid + 25 || percent === 100) {
                    lastSaid = percent;
                    say(fill(strings.progressLabel, {percent: String(percent)}));
                }
            });
            notifyWorker();
            progress.hidden = true;
            await showSaved(record);
            say(strings.savedMessage);
            removeButton.focus();
        } catch (error) {
            progress.hidden = true;
            say(navigator.onLine ? strings.failedMessage : strings.offlineMessage);
        } finally {
            busy = false;
            saveButton.removeAttribute("aria-disabled");
        }
    }

    async function removeWalk() {
        await store.remove(Number(box.dataset.walkId));
        notifyWorker();
        showUnsaved();
        say(strings.removedMessage);
        saveButton.focus();
    }

    async function start() {
        const record = await store.get(Number(box.dataset.walkId));
        box.hidden = false;
        if (record) {
            manifest = record;
            await showSaved(record);
        } else {
            showUnsaved();
        }
        if (navigator.onLine) {
            try {
                const fresh = await loadManifest();
                manifest = record && record.version === fresh.version ? record : fresh;
                if (!record) {
                    showUnsaved();
                } else if (record.version !== fresh.version) {
                    // Republished since it was saved: bring the saved copy up to date now.
                    await store.save(fresh, manifestUrl);
                    notifyWorker();
                    await showSaved(fresh);
                }
            } catch (error) {
                // The size stays unsaid; saving asks the server again.
            }
        }
        saveButton.addEventListener("click", saveWalk);
        removeButton.addEventListener("click", removeWalk);
    }

    start();
})();
