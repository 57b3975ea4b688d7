/* "Record your story": a story told by voice, recorded in the browser and sent so that a dropped
 * connection loses nothing.
 *
 * MediaRecorder records Opus in WebM or Ogg (AAC in MP4 on Safari), with the elapsed time and a level
 * meter, up to the site's limit; the visitor listens back, records again or keeps it. A kept
 * recording is put in IndexedDB at once, then sent with tus-js-client (the tus protocol; the server
 * is stories/recordings.py) in parts: when the connection drops, sending continues from where the
 * server says it stopped once the phone is back online, and after a reload too. Only when the
 * server confirms it has checked the recording is the phone's copy forgotten; the form then carries
 * the server's token for it, and writing becomes optional.
 *
 * Where the browser cannot record (or this script does not run), the recorder stays hidden and the
 * note under the title explains how to send a recording made with another app.
 */
(function () {
    "use strict";

    const box = document.querySelector("[data-recorder]");
    const form = box && box.closest("form");
    if (!box || !form) {
        return;
    }
    const canRecord =
        window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia &&
        window.indexedDB && window.tus && window.tus.isSupported;
    if (!canRecord) {
        return; // the note about the voice recorder app stays
    }
    const strings = box.dataset;
    const $ = (selector) => box.querySelector(selector);
    const startButton = $("[data-recorder-start]");
    const stopButton = $("[data-recorder-stop]");
    const time = $("[data-recorder-time]");
    const level = $("[data-recorder-level]");
    const playback = $("[data-recorder-playback]");
    const review = $("[data-recorder-review]");
    const keepButton = $("[data-recorder-keep]");
    const againButton = $("[data-recorder-again]");
    const progress = $("[data-recorder-progress]");
    const status = $("[data-recorder-status]");
    const tokenInput = form.querySelector("input[name=recording]");
    const text = form.querySelector("textarea[name=text]");
    const csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
    const maxSeconds = parseInt(strings.maxSeconds, 10) || 900;
    const TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4;codecs=mp4a.40.2", "audio/mp4", "audio/webm"];

    let recorder = null;
    let stream = null;
    let chunks = [];
    let startedAt = 0;
    let timer = null;
    let meterFrame = null;
    let audioContext = null;
    let recording = null; // {blob, seconds}
    let upload = null;
    let uploading = false;

    box.hidden = false;
    document.querySelector("[data-recorder-fallback]").hidden = true;

    function say(message) {
        status.textContent = message;
    }

    function fill(template, values) {
        return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? values[name] : match));
    }

    function clock(seconds) {
        const whole = Math.floor(seconds);
        return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
    }

    /* ---- the phone's copy (IndexedDB) ---- */

    function database() {
        return new Promise((resolve, reject) => {
            const request = indexedDB.open("bridges-recorder", 1);
            request.onupgradeneeded = () => request.result.createObjectStore("recordings");
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
    }

    async function stored(action, value) {
        const db = await database();
        return new Promise((resolve, reject) => {
            const transaction = db.transaction("recordings", action === "get" ? "readonly" : "readwrite");
            const store = transaction.objectStore("recordings");
            const request =
                action === "get" ? store.get("pending") : action === "put" ? store.put(value, "pending") : store.delete("pending");
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
    }

    /* ---- recording ---- */

    function showMeter() {
        audioContext = new (window.AudioContext || window.webkitAudioContext)();
        const analyser = audioContext.createAnalyser();
        analyser.fftSize = 1024;
        audioContext.createMediaStreamSource(stream).connect(analyser);
        const samples = new Float32Array(analyser.fftSize);
        const draw = () => {
            analyser.getFloatTimeDomainData(samples);
            let sum = 0;
            for (const sample of samples) {
                sum += sample * sample;
            }
            level.value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
            meterFrame = requestAnimationFrame(draw);
        };
        draw();
    }

    async function start() {
        try {
            stream = await navigator.mediaDevices.getUserMedia({audio: true});
        } catch (error) {
            say(strings.noMicrophone);
            document.querySelector("[data-recorder-fallback]").hidden = false;
            return;
        }
        const type = TYPES.find((candidate) => MediaRecorder.isTypeSupported(candidate));
        recorder = new MediaRecorder(stream, type ? {mimeType: type} : undefined);
        chunks = [];
        recorder.ondataavailable = (event) => event.data.size && chunks.push(event.data);
        recorder.onstop = finished;
        recorder.start(1000);
        startedAt = Date.now();
        time.textContent = "0:00";
        time.hidden = false;
        level.hidden = false;
        startButton.hidden = true;
        stopButton.hidden = false;
        review.hidden = true;
        playback.hidden = true;
        stopButton.focus();
        say(strings.recording);
        showMeter();
        timer = setInterval(() => {
            const seconds = (Date.now() - startedAt) / 1000;
            time.textContent = clock(seconds);
            if (seconds >= maxSeconds) {
                stop(true);
            }
        }, 250);
    }

    function stop(limitReached) {
        clearInterval(timer);
        cancelAnimationFrame(meterFrame);
        if (audioContext) {
            audioContext.close();
        }
        box.dataset.limitReachedNow = limitReached === true ? "1" : "";
        if (recorder && recorder.state !== "inactive") {
            recorder.stop();
        }
        stream.getTracks().forEach((track) => track.stop());
    }

    function finished() {
        const seconds = Math.min((Date.now() - startedAt) / 1000, maxSeconds);
        const blob = new Blob(chunks, {type: (recorder.mimeType || "audio/webm").split(";")[0]});
        recording = {blob: blob, seconds: seconds};
        showReview(blob);
        stopButton.hidden = true;
        level.hidden = true;
        const message = fill(strings.stopped, {time: clock(seconds)});
        say(box.dataset.limitReachedNow ? fill(strings.limitReached, {minutes: Math.floor(maxSeconds / 60)}) + " " + message : message);
        keepButton.focus();
    }

    function showReview(blob) {
        if (playback.src) {
            URL.revokeObjectURL(playback.src);
        }
        playback.src = URL.createObjectURL(blob);
        playback.hidden = false;
        review.hidden = false;
        startButton.hidden = true;
    }

    function again() {
        recording = null;
        playback.hidden = true;
        review.hidden = true;
        time.hidden = true;
        stored("delete").catch(() => null);
        start();
    }

    /* ---- sending ---- */

    async function keep() {
        review.hidden = true;
        againButton.hidden = true;
        const record = {blob: recording.blob, type: recording.blob.type, seconds: recording.seconds, uploadUrl: null, token: null};
        await stored("put", record);
        send(record);
    }

    function send(record) {
        uploading = true;
        progress.hidden = false;
        let lastSaid = -1;
        upload = new tus.Upload(record.blob, {
            endpoint: new URL(strings.uploadUrl, window.location.href).href,
            uploadUrl: record.uploadUrl,
            chunkSize: parseInt(strings.chunkSize, 10) || 512 * 1024,
            retryDelays: [0, 1000, 3000, 5000, 10000],
            headers: {"X-CSRFToken": csrf ? csrf.value : ""},
            metadata: {filetype: record.type},
            storeFingerprintForResuming: false,
            onUploadUrlAvailable: () => {
                record.uploadUrl = upload.url;
                stored("put", record).catch(() => null);
            },
            onProgress: (sent, total) => {
                const percent = Math.floor((100 * sent) / total);
                progress.value = percent;
                if (percent >= lastSaid + 25) {
                    lastSaid = percent;
                    say(fill(strings.sending, {percent: String(percent)}));
                }
            },
            onSuccess: () => confirm(record),
            onError: (error) => failed(record, error),
        });
        upload.start();
    }

    function failed(record, error) {
        const response = error && error.originalResponse;
        const code = response ? response.getStatus() : 0;
        if (code === 404 && record.uploadUrl) {
            // The server no longer knows this upload (a new session, a day gone): start it anew.
            record.uploadUrl = null;
            stored("put", record).catch(() => null);
            send(record);
            return;
        }
        if (code >= 400 && code < 500 && code !== 409 && code !== 429) {
            // Refused by the server's checks (or gone): the message says what to do.
            let message = "";
            try {
                message = JSON.parse(response.getBody()).message;
            } catch (parseError) {
                message = "";
            }
            uploading = false;
            progress.hidden = true;
            stored("delete").catch(() => null);
            say(message || strings.noMicrophone);
            startButton.hidden = false;
            againButton.hidden = false;
            return;
        }
        // A dropped connection: the phone keeps the recording; continue once online again.
        say(strings.waiting);
        const resume = () => {
            window.removeEventListener("online", resume);
            send(record);
        };
        if (navigator.onLine) {
            setTimeout(resume, 5000);
        } else {
            window.addEventListener("online", resume);
        }
    }

    async function confirm(record) {
        // The server's word that the recording is checked and kept.
        const response = await fetch(record.uploadUrl, {credentials: "same-origin", headers: {"Tus-Resumable": "1.0.0"}});
        if (!response.ok) {
            failed(record, null);
            return;
        }
        const answer = await response.json();
        arrived(answer.token);
        // Only the token is kept now (for a reload before the form is sent); the sound is forgotten.
        await stored("put", {token: answer.token, seconds: record.seconds});
    }

    function arrived(token) {
        uploading = false;
        progress.hidden = true;
        tokenInput.value = token;
        if (text) {
            text.removeAttribute("minlength");
        }
        say(strings.arrived);
    }

    form.addEventListener("submit", (event) => {
        if (uploading) {
            event.preventDefault();
            say(strings.notArrived);
            return;
        }
        if (tokenInput.value) {
            stored("delete").catch(() => null);
        }
    });

    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", () => stop(false));
    againButton.addEventListener("click", again);
    keepButton.addEventListener("click", () => keep().catch(() => say(strings.waiting)));

    // A recording kept before a reload: send it on, or take its token again.
    stored("get")
        .then((record) => {
            if (!record) {
                return;
            }
            say(strings.restored);
            if (record.token) {
                if (!tokenInput.value) {
                    tokenInput.value = record.token;
                }
                arrived(tokenInput.value);
            } else if (record.blob) {
                recording = {blob: record.blob, seconds: record.seconds};
                showReview(record.blob);
                review.hidden = true;
                send(record);
            }
        })
        .catch(() => null);
})();
