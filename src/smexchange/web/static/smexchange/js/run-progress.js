// Live progress of schedule runs on the organizer's matchmaking page.
// Each unfinished run's row names its progress URL; poll it, update the bar and the figures,
// and reload the page once the run has ended so the draft schedule and its statistics appear.
(function () {
  "use strict";
  var POLL_MS = 1000;

  function update(row, run) {
    var bar = row.querySelector("progress");
    var figures = row.querySelector("[data-run-figures]");
    var status = row.querySelector("[data-run-status]");
    var idle = row.querySelector("[data-run-idle]");
    if (run.weight_bound) {
      if (!bar) {
        bar = document.createElement("progress");
        row.querySelector("[data-run-bar]").prepend(bar);
      }
      bar.max = run.weight_bound;
      bar.value = run.best_weight || 0;
      if (figures) figures.textContent = " " + (run.best_weight || 0) + " / " + run.weight_bound;
    }
    if (status) status.textContent = run.status_label + (run.phase ? " (" + run.phase + ")" : "");
    if (idle) idle.textContent = run.idle_slots === null ? "" : String(run.idle_slots);
  }

  function poll(row) {
    fetch(row.dataset.runProgressUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (run) {
        update(row, run);
        if (run.finished) {
          window.location.reload();
        } else {
          window.setTimeout(function () { poll(row); }, POLL_MS);
        }
      })
      .catch(function () {
        window.setTimeout(function () { poll(row); }, POLL_MS * 5);
      });
  }

  document.querySelectorAll("tr[data-run-progress-url]").forEach(poll);
})();
