"use strict";
(function () {
    const section = document.querySelector(".dashboard");
    const tables = document.getElementById("dashboard-tables");
    const refresh = async () => {
        await window.socialWatchFetchHtml(section.dataset.tables, tables);
        const stamp = Date.now();
        document.querySelectorAll("img.live-chart").forEach(img => { img.src = img.dataset.src + "?t=" + stamp; });
        section.dataset.refreshed = String(stamp);
    };
    // Growth and projections move with every engagement refresh, which raises no alert event: re-read on a timer too.
    window.socialWatchLive(section.dataset.live, refresh, Number(section.dataset.refreshMs) || 60000);
})();
