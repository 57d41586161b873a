// Search-as-you-type chooser of the admin lists' filters (core/base/choosers.py:
// an enterprise, the audit log's user). The hidden input holds the chosen
// row's id; the visible one asks the widget's endpoint for matches.
(function () {
  "use strict";

  function setUp(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var source = root.dataset.source;
    var value = root.querySelector("[data-chooser-value]");
    var text = root.querySelector("[data-chooser-text]");
    var list = root.querySelector("[data-chooser-matches]");
    var timer = null;
    var asked = 0;

    function ask(query, then) {
      var number = ++asked;
      fetch(source + "?" + query, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (body) { if (number === asked) then(body.results || []); });
    }

    function show(results) {
      list.innerHTML = "";
      results.forEach(function (row) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary";
        button.textContent = row.name;
        button.addEventListener("click", function () {
          value.value = String(row.id);
          text.value = row.name;
          list.hidden = true;
          value.dispatchEvent(new Event("change", { bubbles: true }));
        });
        item.appendChild(button);
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
    }

    if (value.value) {
      ask("id=" + encodeURIComponent(value.value), function (rows) {
        if (rows.length) text.value = rows[0].name;
      });
    }
    text.addEventListener("input", function () {
      clearTimeout(timer);
      if (!text.value.trim()) {
        value.value = "";
        list.hidden = true;
        value.dispatchEvent(new Event("change", { bubbles: true }));
        return;
      }
      timer = setTimeout(function () {
        ask("q=" + encodeURIComponent(text.value.trim()), show);
      }, 200);
    });
  }

  function all() {
    document.querySelectorAll(".sg-typing-chooser").forEach(setUp);
  }
  document.addEventListener("DOMContentLoaded", all);
  document.addEventListener("w-swap:success", all);
  all();
})();
