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

    const ticked = () => Array.from(body.querySelectorAll("input[name=rows]:checked"));
    const picked = document.querySelector("#bulk .picked");
    const pickAll = document.getElementById("pick-all");
    let refreshWaiting = false;
    const showTicked = () => {
        const n = ticked().length;
        if (picked) { picked.textContent = n === 0 ? "Tick rows, then:" : n + " ticked:"; }
        if (pickAll) { pickAll.checked = n > 0 && n === body.querySelectorAll("input[name=rows]").length; }
        if (n === 0 && refreshWaiting) { refreshWaiting = false; refresh(); }
    };

    const refresh = async () => {
        // Rows being ticked for a bulk action keep the versions the agent saw: the refresh waits until none are ticked.
        if (ticked().length > 0) { refreshWaiting = true; return; }
        await window.socialWatchFetchHtml(section.dataset.rows, body);
        section.dataset.refreshed = String(Date.now());
        const again = selected();
        if (again) { select(again); }
    };

    body.addEventListener("change", (e) => { if (e.target.matches("input[name=rows]")) { showTicked(); } });
    if (pickAll) {
        pickAll.addEventListener("change", () => {
            body.querySelectorAll("input[name=rows]").forEach(c => { c.checked = pickAll.checked; });
            showTicked();
        });
    }

    body.addEventListener("click", (e) => {
        const row = e.target.closest("tr.alert-row");
        if (row && !e.target.closest("a, button, form, input")) { select(row); }
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
        } else if (e.key === "x" && selected()) {
            const box = selected().querySelector("input[name=rows]");
            if (box) { box.checked = !box.checked; showTicked(); }
        } else if (e.key === "/") {
            document.querySelector("#filters input[name=q]").focus();
            e.preventDefault();
        }
    });

    document.querySelectorAll("#filters select").forEach(s => s.addEventListener("change", () => s.form.submit()));
    window.socialWatchLive(section.dataset.live, refresh);
})();
