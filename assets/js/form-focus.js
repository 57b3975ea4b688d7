/* Focus where a keyboard or screen-reader user needs it after a form is sent:
 * - a form that comes back with errors: on its error summary ([data-error-summary], tabindex -1),
 *   whose links then move focus to their fields (an in-page link alone only scrolls);
 * - after success: on the thank-you heading ([data-focus-on-load], tabindex -1).
 */
(function () {
    "use strict";

    function focusField(field) {
        const group = field.closest(".form-field, .registration__field") || field;
        group.scrollIntoView({block: "start", behavior: "auto"});
        field.focus({preventScroll: true});
    }

    function start() {
        const summary = document.querySelector("[data-error-summary]");
        if (summary) {
            summary.addEventListener("click", (event) => {
                const link = event.target.closest("a[href^='#']");
                const field = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
                if (field) {
                    event.preventDefault();
                    focusField(field);
                }
            });
            summary.focus();
            summary.scrollIntoView({block: "start", behavior: "auto"});
            // A form sent to "...#register" comes back with that fragment: the browser scrolls to
            // it once the page has loaded and, by the HTML rules, moves focus there (or to the
            // body). Take it back to the summary then.
            window.addEventListener("load", () => {
                if (document.activeElement === document.body) {
                    summary.focus();
                }
            });
            return;
        }
        const heading = document.querySelector("[data-focus-on-load]");
        if (heading) {
            heading.focus();
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
