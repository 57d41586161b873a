/* SafeGrid portal: small progressive enhancements; every page works without it. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  document.addEventListener("DOMContentLoaded", function () {
    // Phone navigation: the menu button opens and closes the navigation.
    var toggle = document.querySelector("[data-nav-toggle]");
    var nav = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (toggle && nav) {
      var setOpen = function (open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        nav.classList.toggle("is-open", open);
      };
      toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { setOpen(false); }
      });
    }

    // The user menu (a <details>) closes when clicking elsewhere.
    document.addEventListener("click", function (event) {
      document.querySelectorAll("details.user-menu[open]").forEach(function (menu) {
        if (!menu.contains(event.target)) { menu.removeAttribute("open"); }
      });
    });

    // Formsets: "add another" clones the empty form (Django's __prefix__ row).
    document.querySelectorAll("[data-formset-add]").forEach(function (button) {
      var section = button.closest("section") || document;
      var body = section.querySelector("[data-formset-body]");
      var template = section.querySelector("template[data-formset-empty]");
      var total = section.querySelector("input[name$='-TOTAL_FORMS']");
      var max = section.querySelector("input[name$='-MAX_NUM_FORMS']");
      if (!body || !template || !total) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        if (max && index >= parseInt(max.value, 10)) { return; }
        var html = template.innerHTML.replace(/__prefix__/g, String(index));
        body.insertAdjacentHTML("beforeend", html);
        total.value = String(index + 1);
        var first = body.lastElementChild && body.lastElementChild.querySelector("input:not([type=hidden])");
        if (first) { first.focus(); }
      });
    });

    // Unit choosers (core/portal/unit_chooser.py): typing asks the scoped
    // endpoint for matches; arrows move, Enter chooses, Escape closes. The
    // hidden field holds the chosen unit's id, which the form sends as before.
    document.querySelectorAll("[data-unit-chooser]").forEach(unitChooser);

    // Bars sized from data-bar-percent: set through the DOM, since the
    // Content-Security-Policy refuses style attributes in the markup.
    document.querySelectorAll("[data-bar-percent]").forEach(function (bar) {
      var percent = parseFloat(bar.getAttribute("data-bar-percent")) || 0;
      bar.style.width = Math.max(0, Math.min(100, percent)) + "%";
    });
  });

  function unitChooser(root) {
    var source = root.getAttribute("data-source");
    var value = root.querySelector("[data-chooser-value]");
    var text = root.querySelector("[data-chooser-text]");
    var list = root.querySelector("[data-chooser-matches]");
    var chosen = text.value;
    var timer = null;
    var asked = 0;
    var active = -1;

    function options() { return list.querySelectorAll("[role=option]"); }

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      active = -1;
      text.setAttribute("aria-expanded", "false");
      text.removeAttribute("aria-activedescendant");
    }

    function choose(row) {
      value.value = String(row.id);
      text.value = chosen = row.label;
      close();
    }

    function highlight(index) {
      var items = options();
      if (!items.length) { return; }
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      text.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(results) {
      close();
      results.forEach(function (row, i) {
        var item = document.createElement("li");
        item.id = list.id + "_" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = row.label;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();  // keep the focus in the text field
          choose(row);
        });
        item.chooserRow = row;
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
      text.setAttribute("aria-expanded", results.length ? "true" : "false");
    }

    function ask(query) {
      var number = ++asked;
      fetch(source + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin", headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (body) { if (number === asked) { show(body.results || []); } })
        .catch(function () { close(); });
    }

    text.addEventListener("input", function () {
      clearTimeout(timer);
      var query = text.value.trim();
      // The filter is what the field shows: an edited name is no choice.
      if (text.value !== chosen) { value.value = ""; chosen = ""; }
      if (!query) { asked++; close(); return; }
      timer = setTimeout(function () { ask(query); }, 200);
    });
    text.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" && open) { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp" && open) { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape" && open) { event.preventDefault(); close(); }
      else if (event.key === "Enter" && open) {
        var items = options();
        var pick = active >= 0 ? items[active] : (items.length === 1 ? items[0] : null);
        if (pick) { event.preventDefault(); choose(pick.chooserRow); }
      }
    });
    text.addEventListener("blur", function () { close(); });
  }
})();
