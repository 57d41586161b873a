/* A sensor's history chart (ECharts 6.1.0, vendored): the value, or the
   min/max band and mean of aggregated buckets, with the four limits as
   lines; the range buttons reload the data. */
(function () {
  "use strict";
  var box = document.getElementById("history-chart");
  if (!box || !window.echarts) { return; }
  var chart = window.echarts.init(box);
  var labels = {
    value: box.getAttribute("data-label-value"),
    min: box.getAttribute("data-label-min"),
    max: box.getAttribute("data-label-max")
  };

  function limitLines(limits) {
    var names = { low_low: "LL", low: "L", high: "H", high_high: "HH" };
    return Object.keys(names).filter(function (k) { return limits[k] !== null; })
      .map(function (k) { return { name: names[k], yAxis: limits[k] }; });
  }

  function draw(data) {
    var series;
    if (data.interval) {
      series = [
        { name: labels.min, type: "line", showSymbol: false,
          data: data.points.map(function (p) { return [p.ts, p.min]; }) },
        { name: labels.value, type: "line", showSymbol: false,
          data: data.points.map(function (p) { return [p.ts, p.mean]; }),
          markLine: { symbol: "none", data: limitLines(data.limits) } },
        { name: labels.max, type: "line", showSymbol: false,
          data: data.points.map(function (p) { return [p.ts, p.max]; }) }
      ];
    } else {
      series = [{ name: labels.value, type: "line", showSymbol: false,
        data: data.points.map(function (p) { return [p.ts, p.value]; }),
        markLine: { symbol: "none", data: limitLines(data.limits) } }];
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: {},
      xAxis: { type: "time" },
      yAxis: { type: "value", name: data.unit, scale: true },
      series: series
    }, true);
    box.setAttribute("data-points", String(data.points.length));
  }

  function load(range) {
    fetch(box.getAttribute("data-url") + "?range=" + encodeURIComponent(range),
      { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(draw);
  }

  document.querySelectorAll("#history-ranges [data-range]").forEach(function (b) {
    b.addEventListener("click", function () { load(b.getAttribute("data-range")); });
  });
  window.addEventListener("resize", function () { chart.resize(); });
  load("24h");
})();
