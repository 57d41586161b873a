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

    // Bars sized from data-bar-percent: set through the DOM, since the
    // Content-Security-Policy refuses style attributes in the markup.
    document.querySelectorAll("[data-bar-percent]").forEach(function (bar) {
      var percent = parseFloat(bar.getAttribute("data-bar-percent")) || 0;
      bar.style.width = Math.max(0, Math.min(100, percent)) + "%";
    });
  });
})();
