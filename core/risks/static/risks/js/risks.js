/* Risk pages: small enhancements; every page works without them.
   - an assessment form shows the fields of the chosen method only;
   - the value and level are previewed by the server's scoring API;
   - a click on the site plan fills in the position of a risk point;
   - discarding a draft asks first. */
(function () {
  "use strict";

  function csrfToken(element) {
    var form = element.closest("form");
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setupAssessment(box) {
    var select = box.querySelector("select[name$='method']");
    if (!select) { return; }
    var fieldsets = box.querySelectorAll("[data-method]");
    var shared = box.querySelector("[data-method-shared]");
    var preview = box.querySelector("[data-preview]");
    var badges = box.querySelector("template[data-level-badges]");
    var timer = null;

    function chosen() { return select.value; }
    function isMethod(value) { return value && value !== "skip"; }

    function inputs() {
      var method = chosen();
      var data = {};
      box.querySelectorAll("[data-method='" + method + "'] [name]").forEach(function (field) {
        var name = field.name.split("__").pop();
        if (field.value === "") { return; }
        var number = Number(field.value);
        data[name] = field.value.trim() !== "" && !isNaN(number) ? number : field.value;
      });
      if (shared) {
        var conditions = [];
        shared.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
          conditions.push(box.value);
        });
        if (conditions.length) { data.direct_conditions = conditions; }
      }
      return data;
    }

    function showPreview(result) {
      if (!preview || !badges) { return; }
      preview.innerHTML = "";
      var badge = badges.content.querySelector("[data-level='" + result.level + "']");
      if (!badge) { preview.hidden = true; return; }
      preview.appendChild(badge.cloneNode(true));
      if (result.value !== null && result.value !== undefined) {
        var value = document.createElement("strong");
        value.className = "mono";
        value.textContent = (result.details && result.details.formula ? result.details.formula + " = " : "") + result.value;
        preview.appendChild(value);
      }
      preview.hidden = false;
    }

    function evaluate() {
      var method = chosen();
      if (!preview || !isMethod(method) || !box.dataset.evaluateUrl) {
        if (preview) { preview.hidden = true; }
        return;
      }
      var url = box.dataset.evaluateUrl.replace("/method_key/", "/" + encodeURIComponent(method) + "/");
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(box) },
        body: JSON.stringify(inputs())
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (result) {
        if (result) { showPreview(result); } else { preview.hidden = true; }
      }).catch(function () { preview.hidden = true; });
    }

    function update() {
      var method = chosen();
      fieldsets.forEach(function (fieldset) {
        fieldset.hidden = fieldset.getAttribute("data-method") !== method;
      });
      if (shared) { shared.hidden = !isMethod(method); }
      window.clearTimeout(timer);
      timer = window.setTimeout(evaluate, 250);
    }

    select.addEventListener("change", update);
    box.addEventListener("change", function (event) {
      if (event.target !== select) {
        window.clearTimeout(timer);
        timer = window.setTimeout(evaluate, 250);
      }
    });
    update();
  }

  function setupPicker(picker) {
    var plan = picker.querySelector("[data-picker-plan]");
    var marker = picker.querySelector("[data-picker-marker]");
    var x = picker.querySelector("input[name$='position_x']");
    var y = picker.querySelector("input[name$='position_y']");
    if (!plan || !marker || !x || !y) { return; }
    var box = plan.viewBox.baseVal;

    function place() {
      var px = parseFloat(x.value), py = parseFloat(y.value);
      var ok = !isNaN(px) && !isNaN(py);
      marker.setAttribute("cx", ok ? px / 100 * box.width : -100);
      marker.setAttribute("cy", ok ? py / 100 * box.height : -100);
    }
    plan.addEventListener("click", function (event) {
      var point = plan.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var local = point.matrixTransform(plan.getScreenCTM().inverse());
      var clamp = function (v) { return Math.min(100, Math.max(0, v)); };
      x.value = clamp(local.x / box.width * 100).toFixed(1);
      y.value = clamp(local.y / box.height * 100).toFixed(1);
      place();
    });
    x.addEventListener("input", place);
    y.addEventListener("input", place);
    place();
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Destructive forms ask first (without JavaScript they simply submit).
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
    document.querySelectorAll("[data-assessment]").forEach(setupAssessment);
    document.querySelectorAll("[data-position-picker]").forEach(setupPicker);
  });
})();
