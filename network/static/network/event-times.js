/* Events are shown in their own time zone; when the reader's zone differs, add their local time. */
(function () {
    "use strict";
    let readerZone;
    try {
        readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
        return;
    }
    const language = document.documentElement.lang || undefined;
    document.querySelectorAll("[data-event-time]").forEach(function (element) {
        if (!readerZone || readerZone === element.dataset.zone) {
            return;
        }
        const start = new Date(element.dataset.start);
        const end = new Date(element.dataset.end);
        const offsetFormat = {timeZone: readerZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23"};
        const dayFormat = Object.assign({weekday: "short", day: "numeric", month: "short"}, offsetFormat);
        const sameDay = start.toDateString() === end.toDateString();
        const text = start.toLocaleString(language, dayFormat) + "–" +
            end.toLocaleString(language, sameDay ? offsetFormat : dayFormat);
        const local = document.createElement("span");
        local.className = "event-when__local";
        local.textContent = "(" + (element.dataset.yourTime || "your time") + ": " + text + " " +
            readerZone.replace(/_/g, " ") + ")";
        element.appendChild(local);
    });
})();
