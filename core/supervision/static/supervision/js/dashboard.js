/* Supervision dashboards: ECharts from the json_script figures; no inline script. */
(function () {
  "use strict";
  var COLOURS = { red: "#e02020", orange: "#f08c00", yellow: "#f5d200", blue: "#2266dd" };

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function bar(title, names, values, colour) {
    return {
      title: { text: title, textStyle: { fontSize: 14 } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: names, axisLabel: { width: 110, overflow: "truncate" } },
      series: [{ type: "bar", data: values, itemStyle: { color: colour } }],
    };
  }

  ready(function () {
    var data = document.getElementById("sg-dashboard-figures");
    var words = document.getElementById("sg-dashboard-text");
    if (!data || !words || typeof echarts === "undefined") return;
    var figures = JSON.parse(data.textContent);
    var text = JSON.parse(words.textContent);
    var options = {
      levels: {
        title: { text: text.riskLevels, textStyle: { fontSize: 14 } },
        tooltip: { trigger: "item" },
        legend: { bottom: 0 },
        series: [{
          // Room for the title above and the two-row legend below; a level
          // with no point has no label (they piled up on each other).
          type: "pie", radius: ["28%", "52%"], center: ["50%", "50%"],
          data: figures.risk_levels.map(function (l) {
            var shown = l.count > 0;
            return {
              name: l.label, value: l.count, itemStyle: { color: COLOURS[l.colour] },
              label: { show: shown }, labelLine: { show: shown },
            };
          }),
        }],
      },
      trends: {
        title: { text: text.trends, textStyle: { fontSize: 14 } },
        tooltip: { trigger: "axis" },
        legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 32, containLabel: true },
        xAxis: { type: "category", data: figures.months },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { name: text.reported, type: "line", data: figures.trends.reported },
          { name: text.closed, type: "line", data: figures.trends.closed },
          { name: text.inspectionsDone, type: "bar", data: figures.trends.inspections_done },
        ],
      },
    };
    var r = figures.rankings;
    if (r) {
      options.rankEnterprises = bar(text.rankEnterprises, r.enterprises.map(function (e) { return e.name; }), r.enterprises.map(function (e) { return e.open; }), "#e02020");
      options.rankIndustries = bar(text.rankIndustries, r.industries.map(function (e) { return e.name; }), r.industries.map(function (e) { return e.open; }), "#f08c00");
      options.rankTerritories = bar(text.rankTerritories, r.territories.map(function (e) { return e.name; }), r.territories.map(function (e) { return e.open; }), "#2266dd");
    }
    var charts = [];
    document.querySelectorAll("[data-sg-chart]").forEach(function (node) {
      var option = options[node.getAttribute("data-sg-chart")];
      if (!option) return;
      var chart = echarts.init(node, null, { renderer: "canvas" });
      option.animation = false;
      chart.setOption(option);
      node.setAttribute("data-sg-chart-ready", "1");
      charts.push(chart);
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
