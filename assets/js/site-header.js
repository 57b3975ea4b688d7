/* The header's two <details> menus (languages, main menu): they work without this script; with it,
 * opening one closes the other, Escape closes an open one (focus back on its button), and a click
 * outside closes it. */
(function () {
    "use strict";

    const menus = Array.from(document.querySelectorAll("[data-header-menu]"));
    if (!menus.length) {
        return;
    }
    // Wide screens show the main menu's content in the header: it is not a menu to close there.
    const inline = (menu) => menu.classList.contains("site-menu") && getComputedStyle(menu.querySelector("summary")).display === "none";

    menus.forEach((menu) => {
        menu.addEventListener("toggle", () => {
            if (menu.open) {
                menus.forEach((other) => {
                    if (other !== menu && other.open && !inline(other)) {
                        other.open = false;
                    }
                });
            }
        });
    });

    document.addEventListener("keydown", (event) => {
        if (event.key !== "Escape") {
            return;
        }
        menus.forEach((menu) => {
            if (menu.open && !inline(menu)) {
                menu.open = false;
                menu.querySelector("summary").focus();
            }
        });
    });

    document.addEventListener("click", (event) => {
        menus.forEach((menu) => {
            if (menu.open && !inline(menu) && !menu.contains(event.target)) {
                menu.open = false;
            }
        });
    });
})();
