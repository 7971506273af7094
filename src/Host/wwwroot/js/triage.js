"use strict";
(function () {
    const section = document.querySelector(".queue");
    const body = document.getElementById("queue-rows");
    let selectedId = null;

    const rows = () => Array.from(body.querySelectorAll("tr.alert-row"));
    const select = (row) => {
        rows().forEach(r => r.classList.remove("selected"));
        if (row) {
            row.classList.add("selected");
            row.focus({ preventScroll: true });
            row.scrollIntoView({ block: "nearest" });
            selectedId = row.dataset.id;
        }
    };
    const selected = () => rows().find(r => r.dataset.id === selectedId) || null;

    const refresh = async () => {
        await window.socialWatchFetchHtml(section.dataset.rows, body);
        section.dataset.refreshed = String(Date.now());
        const again = selected();
        if (again) { select(again); }
    };

    body.addEventListener("click", (e) => {
        const row = e.target.closest("tr.alert-row");
        if (row && !e.target.closest("a, button, form")) { select(row); }
    });

    document.addEventListener("keydown", (e) => {
        if (e.target.closest("input, select, textarea") || e.ctrlKey || e.metaKey || e.altKey) { return; }
        const list = rows();
        const index = list.indexOf(selected());
        if (e.key === "j" || e.key === "ArrowDown") {
            select(list[Math.min(index + 1, list.length - 1)] || list[0]);
            e.preventDefault();
        } else if (e.key === "k" || e.key === "ArrowUp") {
            select(list[Math.max(index - 1, 0)]);
            e.preventDefault();
        } else if (e.key === "Enter" && selected()) {
            window.location.href = selected().dataset.href;
        } else if (e.key === "c" && selected()) {
            const form = selected().querySelector("form.claim");
            if (form) { form.submit(); }
        } else if (e.key === "/") {
            document.querySelector("#filters select").focus();
            e.preventDefault();
        }
    });

    document.querySelectorAll("#filters select").forEach(s => s.addEventListener("change", () => s.form.submit()));
    window.socialWatchLive(section.dataset.live, refresh);
})();
