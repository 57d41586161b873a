/* Site plan placement: a click on the plan fills in the chosen point's
   position (per cent from the left and the top) and shows a marker there.
   Without the script the numbers are typed. */
(function () {
  "use strict";

  function setup() {
    var svg = document.querySelector("svg[data-plan-placer]");
    var form = document.querySelector("form[data-plan-form]");
    if (!svg || !form) { return; }
    var x = form.querySelector("[data-plan-x]");
    var y = form.querySelector("[data-plan-y]");
    var box = svg.viewBox.baseVal;
    var ns = "http://www.w3.org/2000/svg";
    var marker = document.createElementNS(ns, "circle");
    marker.setAttribute("r", "16");
    marker.setAttribute("class", "plan-marker");
    marker.setAttribute("cx", "-100");
    marker.setAttribute("cy", "-100");
    svg.appendChild(marker);
    svg.classList.add("is-placing");

    function show() {
      var px = parseFloat(x.value), py = parseFloat(y.value);
      var ok = !isNaN(px) && !isNaN(py);
      marker.setAttribute("cx", ok ? px / 100 * box.width : -100);
      marker.setAttribute("cy", ok ? py / 100 * box.height : -100);
    }

    svg.addEventListener("click", function (event) {
      event.preventDefault();  // a click places; it does not open a point
      var point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var local = point.matrixTransform(svg.getScreenCTM().inverse());
      var clamp = function (v) { return Math.min(100, Math.max(0, v)); };
      x.value = clamp(local.x / box.width * 100).toFixed(1);
      y.value = clamp(local.y / box.height * 100).toFixed(1);
      show();
    });
    x.addEventListener("input", show);
    y.addEventListener("input", show);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
