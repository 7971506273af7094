"use strict";
(function () {
    const detail = document.querySelector(".detail");
    const panel = document.getElementById("alert-state");
    const id = detail.dataset.alertId;
    const source = window.socialWatchLive(detail.dataset.live, async () => {
        // Never wipe what the agent is typing.
        const busy = panel.contains(document.activeElement) && document.activeElement.matches("input, textarea, select");
        if (!busy) { await window.socialWatchFetchHtml(detail.dataset.state, panel); }
    });
    source.addEventListener("alert", (e) => {
        const change = JSON.parse(e.data);
        if (String(change.id) === id) { detail.dataset.version = String(change.version); }
    });
})();
