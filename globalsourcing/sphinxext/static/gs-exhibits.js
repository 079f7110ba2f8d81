/* Draw every exhibit on the page with the site's own Vega (no server, no other host). */
(function () {
  "use strict";
  function draw(figure) {
    var specNode = figure.querySelector("script.gs-exhibit-spec");
    var view = figure.querySelector(".gs-exhibit-view");
    var controls = figure.querySelector(".gs-exhibit-controls");
    try {
      var spec = JSON.parse(specNode.textContent);
      // The build-time image of the default state stands in until the live chart draws.
      var still = view.querySelector(".gs-exhibit-static");
      if (still) still.remove();
      var v = new vega.View(vega.parse(spec), {
        renderer: "svg",
        container: view,
        bind: controls,
        hover: true,
      });
      capSum(figure, v);
      return v.runAsync().then(function () {
        figure.setAttribute("data-ready", "true");
        figure.setAttribute("data-ready-ms", String(Math.round(performance.now())));
        figure.gsView = v;
        // Vega's inputs carry a visible name; give each an accessible one as well.
        controls.querySelectorAll("input, select").forEach(function (input) {
          if (!input.getAttribute("aria-label")) {
            var name = input.closest(".vega-bind");
            var label = name && name.querySelector(".vega-bind-name");
            if (label) input.setAttribute("aria-label", label.textContent.trim());
          }
        });
      });
    } catch (err) {
      figure.setAttribute("data-ready", "error");
      view.textContent = "This exhibit could not be drawn: " + err.message;
      throw err;
    }
  }
  // Sliders that share a total (data-capped-sum): moving one past the cap lowers the others,
  // and Vega moves their inputs to match, so the chart never opens an invalid setting.
  function capSum(figure, v) {
    if (!figure.dataset.cappedSum) return;
    var rule = JSON.parse(figure.dataset.cappedSum);
    rule.signals.forEach(function (name) {
      v.addSignalListener(name, function () {
        // Listeners run inside Vega's update; the correction waits until it has finished.
        v.runAfter(function () { lowerOthers(v, rule, name); });
      });
    });
  }
  function lowerOthers(v, rule, name) {
    var total = rule.signals.reduce(function (sum, s) { return sum + Number(v.signal(s)); }, 0);
    var others = rule.signals.filter(function (s) { return s !== name; });
    for (var i = others.length - 1; i >= 0 && total > rule.max; i--) {
      var lowered = Math.max(0, Number(v.signal(others[i])) - (total - rule.max));
      total -= Number(v.signal(others[i])) - lowered;
      v.signal(others[i], lowered);
    }
    v.runAsync();
  }
  // A chart's width follows its container on window resizes (Vega's own signal), but the
  // column can change width without one (a theme switch, a sidebar opening): when any
  // exhibit's container changes width, tell the charts as if the window had been resized.
  function followContainers(figures) {
    if (!("ResizeObserver" in window)) return;
    var widths = new Map();
    var pending = false;
    var observer = new ResizeObserver(function (entries) {
      var changed = entries.some(function (entry) {
        var width = Math.round(entry.contentRect.width);
        var before = widths.get(entry.target);
        widths.set(entry.target, width);
        return before !== undefined && before !== width;
      });
      if (!changed || pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        window.dispatchEvent(new Event("resize"));
      });
    });
    figures.forEach(function (figure) { observer.observe(figure); });
  }
  function drawAll() {
    var figures = document.querySelectorAll("figure.gs-exhibit");
    figures.forEach(draw);
    followContainers(figures);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
