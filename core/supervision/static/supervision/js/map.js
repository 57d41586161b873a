/* The four-colour risk map (core.supervision): territories as the offline
   base layer, enterprises as points coloured by their highest risk level.
   Configuration comes from the json_script "sg-map-config"; no inline script. */
(function () {
  "use strict";

  // Leaflet writes a string tooltip as HTML: names typed by enterprises go in
  // as a text node, never as markup.
  function asText(value) {
    var node = document.createElement("span");
    node.textContent = value == null ? "" : String(value);
    return node;
  }
  var COLOURS = { red: "#e02020", orange: "#f08c00", yellow: "#f5d200", blue: "#2266dd" };
  var NONE = "#9aa0a6";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  ready(function () {
    var holder = document.querySelector("[data-sg-map]");
    var source = document.getElementById("sg-map-config");
    if (!holder || !source || typeof L === "undefined") return;
    var config = JSON.parse(source.textContent);
    var status = document.querySelector("[data-sg-map-status]");
    var form = document.querySelector("[data-sg-map-filters]");
    var colourOf = {}, rankOf = {}, labelOf = {};
    config.levels.forEach(function (level, index) {
      colourOf[level.key] = COLOURS[level.colour] || NONE;
      rankOf[level.key] = config.levels.length - index;
      labelOf[level.key] = level.label;
    });

    var map = L.map(holder, { zoomSnap: 0.25, preferCanvas: false });
    map.setView([35, 105], 4);
    if (config.tiles) {
      L.tileLayer(config.tiles, { attribution: config.tileAttribution || "", maxZoom: 18 }).addTo(map);
    }
    // Territories in their own pane below the enterprises, so redrawing them
    // never covers a point (overlayPane is 400).
    map.createPane("sg-territories").style.zIndex = 350;
    var territoryLayer = L.layerGroup().addTo(map);
    var enterpriseLayer = L.layerGroup().addTo(map);
    // Zoomed in on enterprises: their risk points on their site plans.
    map.createPane("sg-risk-points").style.zIndex = 450;
    var riskPointLayer = L.layerGroup().addTo(map);
    var riskPointsCache = {};
    var riskPointsRound = 0;
    var territories = null;
    var fitted = false;

    function link(template, id) { return template.replace("{id}", encodeURIComponent(id)); }

    function popup(feature) {
      var p = feature.properties;
      var box = el("div", null, { class: "sg-map-popup" });
      box.appendChild(el("h3", p.name));
      box.appendChild(el("p", p.level ? labelOf[p.level] : config.text.noLevel));
      var dl = el("dl");
      function row(label, value) { dl.appendChild(el("dt", label)); dl.appendChild(el("dd", value)); }
      if (p.industry) row(config.text.industry, p.industry);
      row(config.text.points, p.points.join(" / "));
      row(config.text.open, p.open);
      row(config.text.major, p.major);
      row(config.text.overdue, p.overdue);
      box.appendChild(dl);
      var links = el("p", null, { class: "sg-map-links" });
      Object.keys(config.links).forEach(function (key) {
        links.appendChild(el("a", config.text[key] || key, { href: link(config.links[key], feature.id) }));
      });
      box.appendChild(links);
      return box;
    }

    function shadeTerritories(features) {
      if (!territories) return;
      territoryLayer.clearLayers();
      var deepest = 0;
      territories.features.forEach(function (t) { deepest = Math.max(deepest, t.properties.depth); });
      territories.features.forEach(function (t) {
        var top = "", count = 0;
        features.forEach(function (f) {
          if (f.properties.path.indexOf(t.properties.path) === 0) {
            count += 1;
            if ((rankOf[f.properties.level] || 0) > (rankOf[top] || 0)) top = f.properties.level;
          }
        });
        var depth = t.properties.depth;
        var leaf = depth === deepest;
        var layer = L.geoJSON(t, {
          pane: "sg-territories",
          style: {
            color: depth === 1 ? "#222" : "#555",
            weight: depth === 1 ? 3 : (leaf ? 1 : 2),
            dashArray: leaf ? "4 4" : null,
            fillColor: top ? colourOf[top] : NONE,
            fillOpacity: leaf && count ? 0.18 : (depth === 1 ? 0 : 0.06),
          },
        });
        if (!leaf && depth > 1) {
          layer.bindTooltip(asText(t.properties.name), { permanent: true, direction: "center", className: "sg-map-territory-label" });
        } else {
          layer.bindTooltip(asText(t.properties.name + " (" + count + ")"));
        }
        territoryLayer.addLayer(layer);
      });
    }

    function query() {
      var params = new URLSearchParams();
      if (form) {
        new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
      }
      return params.toString();
    }

    function loadEnterprises() {
      var q = query();
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : ""));
      }
      return fetch(config.enterprises + (q ? "?" + q : ""), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          enterpriseLayer.clearLayers();
          var located = [];
          data.features.forEach(function (f) {
            if (!f.geometry) return;
            var c = f.geometry.coordinates;
            var marker = L.circleMarker([c[1], c[0]], {
              radius: f.properties.major ? 9 : 7,
              color: f.properties.overdue ? "#000" : "#fff",
              weight: f.properties.overdue ? 3 : 1.5,
              fillColor: colourOf[f.properties.level] || NONE,
              fillOpacity: 0.95,
            });
            marker.bindPopup(function () { return popup(f); }, { maxWidth: 280 });
            marker.bindTooltip(asText(f.properties.name));
            marker.feature = f;
            enterpriseLayer.addLayer(marker);
            located.push([c[1], c[0]]);
          });
          shadeTerritories(data.features);
          if (status) {
            var text = config.text.shown + ": " + located.length;
            var missing = data.features.length - located.length;
            if (missing) text += " (" + missing + " " + config.text.unlocated + ")";
            status.textContent = text;
          }
          if (!fitted) {
            var bounds = territoryBounds();
            if (!bounds && located.length) bounds = L.latLngBounds(located);
            if (bounds) { map.fitBounds(bounds, { padding: [12, 12] }); fitted = true; }
          }
          holder.setAttribute("data-sg-map-count", String(located.length));
          riskPointsCache = {};
          loadRiskPoints();
        })
        .catch(function () { if (status) status.textContent = config.text.failed; });
    }

    function drawRiskPoints(data) {
      data.features.forEach(function (f) {
        if (!f.geometry) return;
        var c = f.geometry.coordinates, p = f.properties;
        var marker = L.circleMarker([c[1], c[0]], {
          pane: "sg-risk-points",
          radius: p.alarms ? 8 : 5,
          color: p.alarms ? "#b00020" : "#333",
          weight: p.alarms ? 3 : 1,
          dashArray: p.placed ? null : "2 2",
          fillColor: colourOf[p.level] || NONE,
          fillOpacity: 0.9,
          className: p.alarms ? "sg-map-risk-point sg-map-in-alarm" : "sg-map-risk-point",
        });
        var label = p.name + " · " + (p.level ? labelOf[p.level] : config.text.noLevel);
        if (p.alarms) label += " · " + p.alarms + " " + config.text.inAlarm;
        if (!p.placed) label += " (" + config.text.unplaced + ")";
        marker.bindTooltip(asText(label));
        riskPointLayer.addLayer(marker);
      });
    }

    function loadRiskPoints() {
      // Zoom and move both fire: only the latest round draws.
      var round = ++riskPointsRound;
      riskPointLayer.clearLayers();
      holder.removeAttribute("data-sg-map-risk-points");
      if (!config.riskPointsOf || map.getZoom() < config.riskPointsZoom) return;
      var bounds = map.getBounds(), centre = map.getCenter(), shown = [];
      enterpriseLayer.eachLayer(function (marker) {
        if (bounds.contains(marker.getLatLng())) shown.push(marker);
      });
      // The few enterprises nearest the centre (bounded requests).
      shown.sort(function (a, b) { return centre.distanceTo(a.getLatLng()) - centre.distanceTo(b.getLatLng()); });
      var count = 0;
      var loads = shown.slice(0, 3).map(function (marker) {
        var id = marker.feature.id;
        var cached = riskPointsCache[id];
        var got = cached ? Promise.resolve(cached) : fetch(link(config.riskPointsOf, id), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
          .then(function (data) { riskPointsCache[id] = data; return data; });
        return got.then(function (data) {
          if (round !== riskPointsRound) return;
          drawRiskPoints(data);
          count += data.features.length;
        });
      });
      Promise.all(loads).then(function () {
        if (round !== riskPointsRound) return;
        holder.setAttribute("data-sg-map-risk-points", String(count));
      }).catch(function () { if (status) status.textContent = config.text.failed; });
    }
    map.on("zoomend moveend", loadRiskPoints);

    function territoryBounds() {
      if (!territories || !territories.features.length) return null;
      return L.geoJSON(territories).getBounds();
    }

    fetch(config.territories, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { features: [] }; })
      .catch(function () { return { features: [] }; })
      .then(function (data) { territories = data; return loadEnterprises(); });

    if (form) {
      form.addEventListener("change", function () { loadEnterprises(); });
      form.addEventListener("submit", function (event) { event.preventDefault(); loadEnterprises(); });
    }
  });
})();
