/* Level threshold form: choosing a preset fills the cut-offs in visibly.
   Values already typed that differ from the preset are only replaced after
   the user confirms; without the script, the server fills empty fields and
   refuses to replace typed ones. */
(function () {
  "use strict";

  function setup() {
    var preset = document.querySelector("select[name='preset']");
    if (!preset) { return; }
    var form = preset.form;
    var levels = ["major", "significant", "general"];

    function field(name) { return form.querySelector("[name='" + name + "']"); }

    function differs(cuts) {
      return levels.some(function (level) {
        var input = field(level + "_from");
        var box = field(level + "_inclusive");
        if (!input || input.value.trim() === "") { return false; }
        return Number(input.value) !== cuts[level + "_from"] ||
          (box && box.checked !== cuts[level + "_inclusive"]);
      });
    }

    preset.addEventListener("change", function () {
      var option = preset.options[preset.selectedIndex];
      var cuts = option && option.dataset.cuts ? JSON.parse(option.dataset.cuts) : null;
      if (!cuts) { return; }
      var method = field("method");
      if (method && !method.disabled && method.value !== cuts.method) {
        method.value = cuts.method;
        method.dispatchEvent(new Event("change", { bubbles: true }));
      }
      if (differs(cuts) && !window.confirm(preset.dataset.confirm)) {
        preset.value = "";
        return;
      }
      levels.forEach(function (level) {
        var input = field(level + "_from");
        var box = field(level + "_inclusive");
        if (input) {
          input.value = cuts[level + "_from"];
          input.classList.add("threshold-filled");
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
        if (box) { box.checked = cuts[level + "_inclusive"]; }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
