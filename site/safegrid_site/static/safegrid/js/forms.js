/* SafeGrid checklists and forms: small progressive enhancements of the
   generated answer forms (portal guided filling and admin preview). Every
   form still submits without this script; the server checks everything.

   - shows a question only when its data-condition holds (hidden questions'
     inputs are disabled, so they send nothing, as the JSON Schema wants);
   - adds and removes entries of repeatable groups (Django formsets);
   - opens a question's evidence (data-evidence: a check item's note and
     photos) when "non-compliant" is chosen;
   - a signature pad (canvas -> PNG data URL in the hidden input);
   - a location picker without map tiles: latitude / longitude inputs and
     "use my position" (navigator.geolocation);
   - a print button and a confirmation before discarding a draft. */
(function () {
  "use strict";

  var texts = {};

  function parse(text) {
    try { return JSON.parse(text); } catch (error) { return null; }
  }

  function text(name, values) {
    var value = texts[name] || "";
    Object.keys(values || {}).forEach(function (key) {
      value = value.replace("%(" + key + ")s", values[key]);
    });
    return value;
  }

  function each(root, selector, callback) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), callback);
  }

  // A new element ``tag`` of the class ``className`` (none when empty)
  // showing the text ``content`` (when given).
  function newElement(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  // A small button that only runs this script (it submits nothing).
  function toolButton(className, label) {
    var button = newElement("button", "button button-small " + className, label);
    button.type = "button";
    return button;
  }

  function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function isManagement(input) {
    return /-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/.test(input.name || "");
  }

  // -- conditions ----------------------------------------------------------------

  /* The answer to question `key` as the page holds it (undefined: none). */
  function answerIn(scope, key) {
    var question = scope.querySelector('[data-key="' + key + '"]');
    if (!question) { return undefined; }
    var suffix = new RegExp("(^|-)" + escapeRegExp(key) + "$");
    var inputs = Array.prototype.filter.call(
      question.querySelectorAll("input, select, textarea"),
      function (input) { return suffix.test(input.name || "") && !input.disabled; }
    );
    if (!inputs.length) { return undefined; }
    var first = inputs[0];
    if (first.type === "radio") {
      var checked = inputs.filter(function (input) { return input.checked; })[0];
      return checked ? checked.value : undefined;
    }
    if (first.type === "checkbox" && inputs.length > 1) {
      return inputs.filter(function (input) { return input.checked; })
        .map(function (input) { return input.value; });
    }
    if (first.type === "checkbox") { return first.checked ? true : undefined; }
    if (first.value === "") { return undefined; }
    return first.type === "number" ? Number(first.value) : first.value;
  }

  /* A condition's test: "is" (value), "is any of" (any), "is not" (not);
     an unanswered question never satisfies it, as in the JSON Schema. */
  function holds(test, value) {
    if (value === undefined || value === null) { return false; }
    if (Array.isArray(value) && !value.length) { return false; } // none chosen: unanswered
    var expected = test.any || [test.value];
    var matched = expected.some(function (one) {
      return matches({ op: test.op, value: one }, value);
    });
    return test.not ? !matched : matched;
  }

  function matches(test, value) {
    if (test.op === "result") {
      var result = typeof value === "object" && !Array.isArray(value) ? value.result : value;
      return result === test.value;
    }
    if (test.op === "contains") {
      return Array.isArray(value) && value.indexOf(test.value) !== -1;
    }
    if (test.op === "equals") {
      if (typeof test.value === "number") {
        return typeof value !== "boolean" && value !== "" && Number(value) === test.value;
      }
      return value === test.value;
    }
    return false;
  }

  function setShown(element, shown) {
    if (element.hidden === !shown) { return; }
    element.hidden = !shown;
    each(element, "input, select, textarea", function (input) {
      if (isManagement(input)) {
        // A hidden group sends no entries; its management form stays.
        if (/-TOTAL_FORMS$/.test(input.name)) {
          if (!shown) { input.dataset.sgTotal = input.value; input.value = "0"; }
          else if (input.dataset.sgTotal !== undefined) {
            input.value = input.dataset.sgTotal; delete input.dataset.sgTotal;
          }
        }
        return;
      }
      if (!shown && !input.disabled) { input.disabled = true; input.dataset.sgHidden = "1"; }
      if (shown && input.dataset.sgHidden) { input.disabled = false; delete input.dataset.sgHidden; }
    });
  }

  function refreshConditions(form, known) {
    // Document order: a question hidden here hides those that depend on it.
    each(form, "[data-condition]", function (element) {
      var condition = parse(element.getAttribute("data-condition"));
      if (!condition || !condition.all) { return; }
      var scope = element.parentElement.closest("[data-entry]") || form;
      var shown = condition.all.every(function (test) {
        var value = answerIn(scope, test.key);
        if (value === undefined && scope === form) { value = known[test.key]; }
        return holds(test, value);
      });
      setShown(element, shown);
    });
    // An evidence rule: the "required" mark shows while it holds.
    each(form, "[data-required-when]", function (mark) {
      var rule = parse(mark.getAttribute("data-required-when"));
      if (!rule || !rule.all) { return; }
      var scope = mark.closest("[data-entry]") || form;
      mark.hidden = !rule.all.every(function (test) {
        var value = answerIn(scope, test.key);
        if (value === undefined && scope === form) { value = known[test.key]; }
        return holds(test, value);
      });
    });
  }

  // -- evidence: a check item's note and photos -------------------------------------

  function enhanceEvidence(evidence) {
    var question = evidence.closest(".sg-question");
    if (!question || evidence.dataset.sgReady) { return; }
    evidence.dataset.sgReady = "1";
    var toggle = toolButton(
      "button-secondary button-quiet sg-evidence-toggle", "+ " + text("addEvidence")
    );
    evidence.parentNode.insertBefore(toggle, evidence);
    function hasContent() {
      var typed = Array.prototype.some.call(
        evidence.querySelectorAll("textarea, input[type=file]"),
        function (input) { return input.value !== ""; }
      );
      return typed || evidence.querySelector(".sg-uploads__list li, .errorlist") !== null;
    }
    function update() {
      var chosen = question.querySelector(".sg-check input:checked");
      var open = question.dataset.sgEvidence === "open" || hasContent() ||
        (chosen && chosen.value === "non_compliant");
      evidence.hidden = !open;
      toggle.hidden = open;
    }
    toggle.addEventListener("click", function () {
      question.dataset.sgEvidence = "open";
      update();
      var field = evidence.querySelector("textarea");
      if (field) { field.focus(); }
    });
    question.addEventListener("change", update);
    update();
  }

  // -- signatures -----------------------------------------------------------------

  function enhanceSignature(input) {
    if (input.dataset.sgReady) { return; }
    input.dataset.sgReady = "1";
    var box = newElement("div", "sg-signature");
    var canvas = newElement("canvas");
    canvas.setAttribute("aria-label", text("signHere"));
    var tools = newElement("div", "sg-signature__tools");
    var clear = toolButton("button-secondary", text("clear"));
    var hint = newElement("span", "help", text("signHere"));
    tools.appendChild(clear);
    tools.appendChild(hint);
    box.appendChild(canvas);
    box.appendChild(tools);
    input.parentNode.insertBefore(box, input.nextSibling);

    var context = canvas.getContext("2d");
    var drawing = false;
    function size() {
      // One canvas pixel per CSS pixel keeps the PNG small (the limit is 400 kB).
      var width = Math.max(200, Math.round(canvas.clientWidth || 320));
      if (canvas.width === width) { return; }
      canvas.width = width;
      canvas.height = 180;
      context.lineWidth = 2.4;
      context.lineCap = "round";
      context.lineJoin = "round";
      context.strokeStyle = "#111827";
      if (input.value.indexOf("data:image/png;base64,") === 0) {
        var image = new Image();
        image.onload = function () { context.drawImage(image, 0, 0); };
        image.src = input.value;
      }
    }
    function point(event) {
      var rect = canvas.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    }
    canvas.addEventListener("pointerdown", function (event) {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      var p = point(event);
      context.beginPath();
      context.moveTo(p.x, p.y);
      context.lineTo(p.x + 0.1, p.y + 0.1);
      context.stroke();
    });
    canvas.addEventListener("pointermove", function (event) {
      if (!drawing) { return; }
      var p = point(event);
      context.lineTo(p.x, p.y);
      context.stroke();
    });
    function finish() {
      if (!drawing) { return; }
      drawing = false;
      input.value = canvas.toDataURL("image/png");
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    canvas.addEventListener("pointerup", finish);
    canvas.addEventListener("pointercancel", finish);
    clear.addEventListener("click", function () {
      context.clearRect(0, 0, canvas.width, canvas.height);
      input.value = "";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    size();
    window.addEventListener("resize", function () {
      if (!input.value) { size(); }
    });
  }

  // -- locations ------------------------------------------------------------------

  function enhanceLocation(widget) {
    if (widget.dataset.sgReady) { return; }
    widget.dataset.sgReady = "1";
    var inputs = widget.querySelectorAll("input");
    if (inputs.length < 2) { return; }
    var tools = newElement("div", "sg-location__tools");
    var button = toolButton("button-secondary", text("usePosition"));
    var status = newElement("span", "sg-location__status");
    status.setAttribute("role", "status");
    tools.appendChild(button);
    tools.appendChild(status);
    widget.appendChild(tools);
    button.addEventListener("click", function () {
      status.classList.remove("is-error");
      if (!navigator.geolocation) {
        status.classList.add("is-error");
        status.textContent = text("noLocation");
        return;
      }
      status.textContent = text("locating");
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        button.disabled = false;
        inputs[0].value = position.coords.latitude.toFixed(6);
        inputs[1].value = position.coords.longitude.toFixed(6);
        inputs[0].dispatchEvent(new Event("change", { bubbles: true }));
        status.textContent = text("located", { metres: Math.round(position.coords.accuracy || 0) });
      }, function () {
        button.disabled = false;
        status.classList.add("is-error");
        status.textContent = text("locationFailed");
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  // -- repeatable groups ------------------------------------------------------------

  function enhanceGroup(group, onChange) {
    if (group.dataset.sgReady) { return; }
    group.dataset.sgReady = "1";
    var prefix = group.getAttribute("data-group");
    var list = group.querySelector("[data-entries]");
    var template = group.querySelector("template[data-empty-entry]");
    var add = group.querySelector("[data-add-entry]");
    var total = group.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var initial = group.querySelector('input[name="' + prefix + '-INITIAL_FORMS"]');
    if (!list || !template || !add || !total) { return; }
    var max = parseInt(group.getAttribute("data-max-entries") || "1000", 10);
    var min = parseInt(group.getAttribute("data-min-entries") || "0", 10);
    var index = new RegExp("(" + escapeRegExp(prefix) + "-)(\\d+|__prefix__)(-)");

    function entries() {
      return Array.prototype.filter.call(list.children, function (child) {
        return child.hasAttribute("data-entry");
      });
    }
    function renumber() {
      entries().forEach(function (entry, position) {
        each(entry, "[name], [id], [for], [aria-labelledby]", function (element) {
          ["name", "id", "for", "aria-labelledby"].forEach(function (attribute) {
            var value = element.getAttribute(attribute);
            if (value) { element.setAttribute(attribute, value.replace(index, "$1" + position + "$3")); }
          });
        });
        var number = entry.querySelector("[data-entry-number]");
        if (number) { number.textContent = String(position + 1); }
      });
      var count = entries().length;
      total.value = String(count);
      if (initial && parseInt(initial.value, 10) > count) { initial.value = String(count); }
      add.hidden = count >= max;
      entries().forEach(function (entry) {
        var remove = entry.querySelector("[data-remove-entry]");
        if (remove) { remove.hidden = count <= min; }
      });
    }
    function wire(entry) {
      var remove = entry.querySelector("[data-remove-entry]");
      if (remove) {
        remove.addEventListener("click", function () {
          entry.parentNode.removeChild(entry);
          renumber();
          onChange();
        });
      }
      enhance(entry, onChange);
    }
    entries().forEach(wire);
    add.addEventListener("click", function () {
      var count = entries().length;
      var html = template.innerHTML
        .replace(/__prefix__/g, String(count))
        .replace(/__number__/g, String(count + 1));
      list.insertAdjacentHTML("beforeend", html);
      var entry = entries()[count];
      wire(entry);
      renumber();
      onChange();
      var first = entry.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    });
    renumber();
  }

  // -- wiring -------------------------------------------------------------------------

  function enhance(root, onChange) {
    each(root, "[data-evidence]", enhanceEvidence);
    each(root, "input[data-signature-pad]", enhanceSignature);
    each(root, "[data-location-widget]", enhanceLocation);
    each(root, "[data-group]", function (group) { enhanceGroup(group, onChange); });
  }

  function enhanceForm(form) {
    var known = parse((document.getElementById("sg-condition-answers") || {}).textContent || "{}") || {};
    var update = function () { refreshConditions(form, known); };
    enhance(form, update);
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    update();
    // A refused step: bring the first marked answer into view on a phone.
    var error = form.querySelector(".sg-field--error, .sg-errors");
    if (error && error.scrollIntoView) { error.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var source = document.getElementById("sg-forms-texts");
    if (source) {
      Object.keys(source.dataset).forEach(function (key) { texts[key] = source.dataset[key]; });
    }
    each(document, ".sg-answer-form", enhanceForm);
    each(document, "[data-print]", function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    each(document, "form[data-confirm]", function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  });
})();
