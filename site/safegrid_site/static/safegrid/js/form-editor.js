/* SafeGrid form editor: conditions and checks across questions are chosen,
   not typed.

   The blocks keep storing keys and values (the definition format); this
   script hides those inputs (marked data-sg-picker) and shows pickers that
   list the questions before the block by their label and their answers by
   their label, reading the editor's current state (labels, options, order)
   each time a picker opens. Without the script the inputs stay usable.

   - condition-question: an earlier check item, choice or number question
     (inside a repeatable group: an earlier question of the same entry);
   - condition-value: one of that question's answers, several for "is any
     of" (stored comma-separated), a number for a number question;
   - the same two pickers for an evidence rule ("required only when") of a
     text or upload question;
   - expression: questions (numbers and calculated values) added up, or a
     number, stored as "a + b + c";
   - calculation (a calculated value): an operation (sum, difference,
     product, ratio, average, smallest, largest) over earlier numbers chosen
     by label, stored as the expression ("a * b", "max(a, b)"); one typed in
     another shape is kept as typed.

   What each question type is (may a condition depend on it, is it a
   number, does it hold other questions, how its answers are picked) comes
   from the server's registry of types, in the inputs' data-sg-types
   (core/forms/questions/parts.py, picker_types): no type is named here. */
(function () {
  "use strict";

  /* The registered question types: {name: {condition, numeric, container,
     values}}. */
  var kinds = null;

  function typeOf(block) {
    if (kinds === null) {
      var source = document.querySelector("input[data-sg-types]");
      try { kinds = source ? JSON.parse(source.getAttribute("data-sg-types")) || {} : {}; }
      catch (error) { kinds = {}; }
    }
    return kinds[block.type] || null;
  }

  function conditionSource(block) { return typeOf(block).condition; }
  function numeric(block) { return typeOf(block).numeric; }
  var KEY = /^[a-z][a-z0-9_]{0,39}$/;
  var NUMBER = /^-?\d+(\.\d+)?$/;

  function texts(input) {
    try { return JSON.parse(input.getAttribute("data-sg-texts")) || {}; }
    catch (error) { return {}; }
  }

  function byName(form, name) {
    return form.querySelector('[name="' + name.replace(/"/g, '\\"') + '"]');
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* The block prefix of a picker input: "body-2-value-questions-0" for
     "body-2-value-questions-0-value-condition-question". */
  function ownerPrefix(input) {
    var name = input.name;
    var found = name.match(/^(.*)-value-(condition|required_when)-(question|operator|value)$/);
    if (found) { return found[1]; }
    return name.replace(/-value-(left|right|expression)$/, "");
  }

  /* Every question block of the body in document order:
     {prefix, type, label, keyInput, idInput, group, element}. */
  function questionBlocks(form) {
    var found = [];
    Array.prototype.forEach.call(form.querySelectorAll('input[name$="-type"]'), function (typeInput) {
      var prefix = typeInput.name.slice(0, -"-type".length);
      if (!/^body-/.test(prefix)) { return; }
      var type = typeInput.value;
      // A section, a rule or a group is no question a picker names.
      var kind = typeOf({ type: type });
      if (!kind || kind.container) { return; }
      var labelInput = byName(form, prefix + "-value-label");
      var groupMatch = prefix.match(/^(.*)-value-fields-[^-]+$/);
      found.push({
        prefix: prefix,
        type: type,
        label: labelInput ? labelInput.value.trim() : "",
        keyInput: byName(form, prefix + "-value-key"),
        idInput: byName(form, prefix + "-id"),
        group: groupMatch ? groupMatch[1] : null,
        element: typeInput
      });
    });
    return found;
  }

  function keyOf(block) {
    return block.keyInput ? block.keyInput.value.trim() : "";
  }

  /* A question chosen without a key gets the key the server would give it
     (from its block id), so the reference is stored. */
  function ensureKey(block, blocks) {
    var key = keyOf(block);
    if (key || !block.keyInput) { return key; }
    var id = block.idInput ? block.idInput.value.toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 8) : "";
    var base = id ? "q_" + id : "q_1";
    var used = {};
    blocks.forEach(function (other) { used[keyOf(other)] = true; });
    key = base;
    var counter = 0;
    while (used[key]) { counter += 1; key = base + "_" + counter; }
    block.keyInput.value = key;
    block.keyInput.dispatchEvent(new Event("change", { bubbles: true }));
    return key;
  }

  /* Questions before the picker's block that it may refer to (those of a
     type `fits`). */
  function candidates(input, fits) {
    var form = input.form;
    var blocks = questionBlocks(form);
    var prefix = ownerPrefix(input);
    var groupMatch = prefix.match(/^(.*)-value-fields-[^-]+$/);
    var group = groupMatch ? groupMatch[1] : null;
    var list = blocks.filter(function (block) {
      if (block.prefix === prefix || !fits(block)) { return false; }
      if (block.group !== group) { return false; }
      // eslint-disable-next-line no-bitwise
      return (block.element.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    return { all: blocks, list: list };
  }

  function optionsOf(form, block, words) {
    var values = typeOf(block).values;
    if (values === "results") {
      var allowNa = byName(form, block.prefix + "-value-allow_not_applicable");
      var results = ["compliant", "non_compliant"];
      if (!allowNa || allowNa.checked) { results.push("not_applicable"); }
      return results.map(function (value) { return { value: value, label: words[value] || value }; });
    }
    if (values === "options") {
      var options = [];
      var pattern = new RegExp("^" + block.prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "-value-options-([^-]+)-value-value$");
      Array.prototype.forEach.call(form.querySelectorAll('input[name^="' + block.prefix + '-value-options-"]'), function (valueInput) {
        if (!pattern.test(valueInput.name)) { return; }
        var labelInput = byName(form, valueInput.name.replace(/-value-value$/, "-value-label"));
        var value = valueInput.value.trim();
        if (value) { options.push({ value: value, label: (labelInput && labelInput.value.trim()) || value }); }
      });
      var listInput = byName(form, block.prefix + "-value-option_list");
      if (listInput && listInput.value) {
        var lists = optionLists();
        ((lists[listInput.value] || {}).options || []).forEach(function (option) { options.push(option); });
      }
      return options;
    }
    return null; // typed (a number, a text)
  }

  function optionLists() {
    var script = document.getElementById("sg-option-lists");
    if (!script) { return {}; }
    try { return JSON.parse(script.textContent) || {}; } catch (error) { return {}; }
  }

  function describe(block) {
    return block.label || keyOf(block) || "?";
  }

  function fillSelect(select, entries, current, words) {
    select.innerHTML = "";
    select.appendChild(el("option", { value: "" }, words.choose || "—"));
    var found = false;
    entries.forEach(function (entry) {
      var option = el("option", { value: entry.value }, entry.label);
      if (entry.value === current) { option.selected = true; found = true; }
      select.appendChild(option);
    });
    if (current && !found) {
      select.appendChild(el("option", { value: current, selected: "selected" }, current + " " + (words.notFound || "")));
    }
  }

  // -- condition: the question ----------------------------------------------------

  function questionEntries(input, found) {
    return found.list.map(function (block, index) {
      return { value: keyOf(block) || "__block_" + index, label: describe(block), block: block };
    });
  }

  function enhanceConditionQuestion(input) {
    var words = texts(input);
    var select = el("select", { "class": "sg-picker", "data-sg-picker-for": input.name });
    input.type = "hidden";
    input.parentNode.insertBefore(select, input.nextSibling);
    function refresh() {
      var found = candidates(input, conditionSource);
      fillSelect(select, questionEntries(input, found), input.value, words);
    }
    refresh();
    select.addEventListener("focus", refresh);
    select.addEventListener("mousedown", refresh);
    select.addEventListener("change", function () {
      var found = candidates(input, conditionSource);
      var entry = questionEntries(input, found).filter(function (e) { return e.value === select.value; })[0];
      input.value = entry ? ensureKey(entry.block, found.all) : select.value;
      refresh();
      var valueInput = byName(input.form, input.name.replace(/-question$/, "-value"));
      if (valueInput) { valueInput.value = ""; if (valueInput.sgRefresh) { valueInput.sgRefresh(); } }
    });
  }

  // -- condition: the answer(s) ------------------------------------------------------

  function enhanceConditionValue(input) {
    var words = texts(input);
    var form = input.form;
    var questionInput = byName(form, input.name.replace(/-value$/, "-question"));
    var operatorInput = byName(form, input.name.replace(/-value$/, "-operator"));
    var box = el("div", { "class": "sg-picker-values" });
    input.parentNode.insertBefore(box, input.nextSibling);
    function source() {
      var key = questionInput ? questionInput.value : "";
      if (!key) { return null; }
      return candidates(input, conditionSource).list.filter(function (block) { return keyOf(block) === key; })[0] || null;
    }
    function refresh() {
      box.innerHTML = "";
      var block = source();
      var options = block ? optionsOf(form, block, words) : null;
      if (!options) {
        // A number question (or nothing chosen yet): the value is typed.
        input.type = block && typeOf(block).values === "number" ? "number" : "text";
        input.hidden = !block;
        return;
      }
      input.type = "hidden";
      var many = operatorInput && operatorInput.value === "any_of";
      var chosen = input.value.split(",").map(function (v) { return v.trim(); }).filter(Boolean);
      if (!many) {
        var select = el("select", { "class": "sg-picker" });
        fillSelect(select, options, chosen[0] || "", words);
        select.addEventListener("change", function () { input.value = select.value; });
        box.appendChild(select);
        return;
      }
      options.forEach(function (option) {
        var label = el("label", { "class": "sg-picker-choice" });
        var box_ = el("input", { type: "checkbox", value: option.value });
        box_.checked = chosen.indexOf(option.value) !== -1;
        box_.addEventListener("change", function () {
          input.value = Array.prototype.filter.call(box.querySelectorAll("input:checked"), function () { return true; })
            .map(function (checkbox) { return checkbox.value; }).join(",");
        });
        label.appendChild(box_);
        label.appendChild(document.createTextNode(" " + option.label));
        box.appendChild(label);
      });
    }
    input.sgRefresh = refresh;
    refresh();
    if (operatorInput) { operatorInput.addEventListener("change", refresh); }
    box.addEventListener("focusin", function (event) {
      if (event.target.tagName === "SELECT") {
        var current = event.target.value;
        var block = source();
        var options = block ? optionsOf(form, block, words) : null;
        if (options) { fillSelect(event.target, options, current, words); }
      }
    });
  }

  // -- a sum of questions or a number ---------------------------------------------

  function terms(text) {
    var parts = text.split("+").map(function (part) { return part.trim(); });
    if (!text.trim()) { return []; }
    var plain = parts.every(function (part) { return KEY.test(part) || NUMBER.test(part); });
    return plain ? parts : null;
  }

  /* A calculated value: an operation over questions (or numbers), stored as
     the expression the server evaluates. */
  var OPERATIONS = {
    sum: { join: " + " },
    difference: { join: " - " },
    product: { join: " * " },
    ratio: { join: " / " },
    average: { wrap: function (t) { return "(" + t.join(" + ") + ") / " + t.length; } },
    min: { wrap: function (t) { return "min(" + t.join(", ") + ")"; } },
    max: { wrap: function (t) { return "max(" + t.join(", ") + ")"; } }
  };

  function writeCalculation(operation, list) {
    var parts = list.filter(function (term) { return term !== ""; });
    if (!parts.length) { return ""; }
    var how = OPERATIONS[operation] || OPERATIONS.sum;
    if (how.wrap) { return parts.length > 1 || operation !== "average" ? how.wrap(parts) : parts[0]; }
    return parts.join(how.join);
  }

  function plainTerms(parts) {
    var clean = parts.map(function (part) { return part.trim(); });
    return clean.every(function (part) { return KEY.test(part) || NUMBER.test(part); }) ? clean : null;
  }

  /* {operation, list} of a stored calculation, or null when it was typed in
     another shape (kept as typed). */
  function readCalculation(text) {
    var source = text.trim();
    if (!source) { return { operation: "sum", list: [] }; }
    var call = source.match(/^(min|max)\((.*)\)$/);
    if (call) {
      var inner = plainTerms(call[2].split(","));
      return inner ? { operation: call[1], list: inner } : null;
    }
    var average = source.match(/^\((.*)\)\s*\/\s*(\d+)$/);
    if (average) {
      var summed = plainTerms(average[1].split("+"));
      return summed && summed.length === Number(average[2]) ? { operation: "average", list: summed } : null;
    }
    var found = null;
    [["+", "sum"], ["-", "difference"], ["*", "product"], ["/", "ratio"]].forEach(function (pair) {
      if (found) { return; }
      var parts = source.split(pair[0]);
      var others = "+-*/".replace(pair[0], "");
      var other = new RegExp("[" + others.replace("-", "\\-") + "()]");
      // A negative number's sign is not an operation.
      if (parts.some(function (part) { return other.test(part.trim().replace(/^-/, "")); })) { return; }
      var list = plainTerms(parts);
      if (list) { found = { operation: pair[1], list: list }; }
    });
    return found;
  }

  function enhanceExpression(input, withOperation) {
    var words = texts(input);
    var box = el("div", { "class": "sg-picker-sum" });
    input.parentNode.insertBefore(box, input.nextSibling);
    var read = withOperation ? readCalculation(input.value) : null;
    var list = withOperation ? (read && read.list) : terms(input.value);
    var operation = read ? read.operation : "sum";
    var numberTerms = [];
    if (list === null) {
      // Written as a calculation (e.g. by a pack): kept as typed.
      var note = el("p", { "class": "help" }, words.typed || "");
      var again = el("button", { type: "button", "class": "button button-small button-secondary" }, words.chooseAgain || "");
      again.addEventListener("click", function () { input.value = ""; box.innerHTML = ""; list = []; build(); });
      box.appendChild(note);
      box.appendChild(again);
      return;
    }
    input.type = "hidden";
    function save() {
      input.value = withOperation ? writeCalculation(operation, list)
        : list.filter(function (term) { return term !== ""; }).join(" + ");
    }
    function build() {
      input.type = "hidden";
      box.innerHTML = "";
      if (!list.length) { list.push(""); }
      if (withOperation) {
        var opRow = el("div", { "class": "sg-picker-term" });
        opRow.appendChild(el("span", { "class": "sg-picker-plus" }, words.operation || ""));
        var opSelect = el("select", { "class": "sg-picker", "data-sg-operation": "1" });
        Object.keys(OPERATIONS).forEach(function (key) {
          var option = el("option", { value: key }, (words.operations || {})[key] || key);
          if (key === operation) { option.selected = true; }
          opSelect.appendChild(option);
        });
        opSelect.addEventListener("change", function () { operation = opSelect.value; save(); build(); });
        opRow.appendChild(opSelect);
        box.appendChild(opRow);
      }
      var sign = withOperation ? ((words.signs || {})[operation] || "") : (words.plus || "+");
      list.forEach(function (term, index) {
        var row = el("div", { "class": "sg-picker-term" });
        if (index > 0) { row.appendChild(el("span", { "class": "sg-picker-plus" }, sign)); }
        var select = el("select", { "class": "sg-picker" });
        var numberInput = el("input", { type: "number", step: "any", "class": "sg-picker-number" });
        function fill() {
          var found = candidates(input, numeric);
          var entries = questionEntries(input, found);
          entries.push({ value: "__number", label: words.number || "#" });
          var current = numberTerms[index] || NUMBER.test(list[index]) ? "__number" : list[index];
          fillSelect(select, entries, current, words);
          numberInput.hidden = select.value !== "__number";
          if (!numberInput.hidden && NUMBER.test(list[index])) { numberInput.value = list[index]; }
          return { found: found, entries: entries };
        }
        fill();
        select.addEventListener("focus", fill);
        select.addEventListener("mousedown", fill);
        select.addEventListener("change", function () {
          var chosen = select.value;
          var found = candidates(input, numeric);
          var state = { found: found, entries: questionEntries(input, found) };
          numberTerms[index] = chosen === "__number";
          if (chosen === "__number") {
            list[index] = numberInput.value || "";
            numberInput.hidden = false;
          } else {
            var entry = state.entries.filter(function (e) { return e.value === chosen; })[0];
            list[index] = entry && entry.block ? ensureKey(entry.block, state.found.all) : chosen;
            numberInput.hidden = true;
          }
          save();
          fill();
        });
        numberInput.addEventListener("input", function () {
          list[index] = NUMBER.test(numberInput.value) ? numberInput.value : "";
          save();
        });
        row.appendChild(select);
        row.appendChild(numberInput);
        if (list.length > 1) {
          var remove = el("button", { type: "button", "class": "button button-small button-secondary button-quiet" }, words.remove || "×");
          remove.addEventListener("click", function () {
            list.splice(index, 1);
            numberTerms.splice(index, 1);
            save();
            build();
          });
          row.appendChild(remove);
        }
        box.appendChild(row);
      });
      var add = el("button", { type: "button", "class": "button button-small button-secondary sg-picker-add" }, words.add || "+");
      add.addEventListener("click", function () { list.push(""); build(); });
      box.appendChild(add);
    }
    build();
  }

  // -- an option list of the department ------------------------------------------

  function enhanceOptionList(input) {
    var words = texts(input);
    var lists = optionLists();
    var select = el("select", { "class": "sg-picker", "data-sg-picker-for": input.name });
    input.type = "hidden";
    input.parentNode.insertBefore(select, input.nextSibling);
    var entries = Object.keys(lists).map(function (id) {
      var names = lists[id].options.map(function (option) { return option.label; }).join(" / ");
      return { value: id, label: lists[id].name + " (" + names + ")" };
    });
    fillSelect(select, entries, input.value, words);
    select.addEventListener("change", function () { input.value = select.value; });
  }

  // -- wiring -----------------------------------------------------------------------

  var enhancers = {
    "condition-question": enhanceConditionQuestion,
    "condition-value": enhanceConditionValue,
    "expression": function (input) { enhanceExpression(input, false); },
    "calculation": function (input) { enhanceExpression(input, true); },
    "option-list": enhanceOptionList
  };

  function enhance(root) {
    // Questions before values: a value picker reads the chosen question.
    ["option-list", "condition-question", "condition-value", "expression", "calculation"].forEach(function (kind) {
      Array.prototype.forEach.call(root.querySelectorAll('input[data-sg-picker="' + kind + '"]'), function (input) {
        if (input.dataset.sgPickerReady || !input.form || /__NAME__|__PREFIX__/.test(input.name)) { return; }
        input.dataset.sgPickerReady = "1";
        enhancers[kind](input);
      });
    });
  }

  function start() {
    enhance(document);
    var pending = false;
    new MutationObserver(function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; enhance(document); });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
