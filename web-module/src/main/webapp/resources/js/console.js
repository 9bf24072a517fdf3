/* Small helpers of the Tributary console pages (no framework): confirmations, copy buttons, a form
   refreshing itself every few seconds. The dashboard's charts are in dashboard.js. */
(function () {
    "use strict";

    // Buttons with data-confirm ask first; runs in the capture phase, before Faces' own click handler.
    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("[data-confirm]") : null;
        if (button && !window.confirm(button.getAttribute("data-confirm"))) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // Buttons with data-copy put that text on the clipboard and say so for a moment.
    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest("[data-copy]") : null;
        if (!button) {
            return;
        }
        event.preventDefault();
        var text = button.getAttribute("data-copy");
        var done = function () {
            var label = button.textContent;
            button.textContent = "Copied";
            button.classList.add("copied");
            setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
        } else {
            fallbackCopy(text);
            done();
        }
    });

    function fallbackCopy(text) {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
        document.body.removeChild(area);
    }

    // Forms with data-refresh-every="ms" click their data-refresh-button (an Ajax button) that often,
    // while the tab is visible.
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-refresh-every]").forEach(function (form) {
            var every = parseInt(form.getAttribute("data-refresh-every"), 10);
            var id = form.getAttribute("data-refresh-button");
            setInterval(function () {
                var button = document.getElementById(id);
                if (button && !document.hidden) {
                    button.click();
                }
            }, every);
        });
    });
})();
