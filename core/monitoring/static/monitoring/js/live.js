/* The monitoring board: polls live.json every few seconds and updates the
   sensors' values and states and the open alarms' count without a reload.
   A file, not an inline script (the Content-Security-Policy forbids those). */
(function () {
  "use strict";
  var box = document.getElementById("monitoring-alarms");
  if (!box) { return; }
  var url = box.getAttribute("data-live-url");
  var every = parseInt(box.getAttribute("data-every"), 10) || 5000;
  var status = document.getElementById("monitoring-live-status");
  var knownAlarms = null;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function local(iso) {
    // The time in the browser's time zone, as the server renders it.
    var d = new Date(iso);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) +
      " " + pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
  }

  function text(row, field, value) {
    var cell = row.querySelector('[data-field="' + field + '"]');
    if (cell) { cell.textContent = value; }
  }

  function apply(data) {
    data.sensors.forEach(function (s) {
      var row = document.querySelector('tr[data-sensor="' + s.id + '"]');
      if (!row) { return; }
      text(row, "value", s.value === null ? "—" : s.value.toFixed(2) + " " + s.unit);
      text(row, "state", s.state_label);
      text(row, "ts", s.ts ? local(s.ts) : "—");
      row.className = "sensor-state-" + s.state;
    });
    var ids = data.alarms.map(function (a) { return a.id; }).join(",");
    if (knownAlarms !== null && ids !== knownAlarms) {
      // The open alarms changed: reload that list (its buttons are forms).
      window.location.reload();
      return;
    }
    knownAlarms = ids;
    if (status) { status.setAttribute("data-updated", data.at); }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { apply(data); } })
      .catch(function () { /* offline for a moment: try again next time */ })
      .then(function () { window.setTimeout(poll, every); });
  }
  poll();
})();
