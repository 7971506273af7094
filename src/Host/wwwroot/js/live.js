// Live updates over server-sent events. The server sends ids and states only; pages fetch server-rendered
// (encoded) HTML for what changed, so no stranger-written text is ever turned into markup here.
"use strict";
window.socialWatchLive = function (url, onChange, everyMs) {
    const status = document.querySelector(".live-status");
    let timer = null;
    const schedule = () => {
        // Many changes in a burst cause one refresh.
        if (timer === null) {
            timer = setTimeout(() => { timer = null; onChange(); }, 250);
        }
    };
    const source = new EventSource(url);
    let connected = false;
    source.addEventListener("hello", () => {
        if (status) { status.textContent = "live"; status.classList.add("on"); }
        // The stream does not replay what changed while it was down, so a reconnect refreshes at once.
        if (connected) { schedule(); }
        connected = true;
    });
    source.addEventListener("alert", schedule);
    source.onerror = () => { if (status) { status.textContent = "reconnecting…"; status.classList.remove("on"); } };
    // Changes made on other hosts arrive on the stream too; this slow refresh keeps SLA countdowns fresh.
    setInterval(onChange, everyMs || 60000);
    return source;
};

window.socialWatchFetchHtml = async function (url, target) {
    const response = await fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" });
    if (response.ok) {
        target.innerHTML = await response.text();
        return true;
    }
    return false;
};
