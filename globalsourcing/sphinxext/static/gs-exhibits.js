/* Draw every exhibit on the page with the site's own Vega (no server, no other host). */
(function () {
  "use strict";
  function draw(figure) {
    var specNode = figure.querySelector("script.gs-exhibit-spec");
    var view = figure.querySelector(".gs-exhibit-view");
    var controls = figure.querySelector(".gs-exhibit-controls");
    try {
      var spec = JSON.parse(specNode.textContent);
      var v = new vega.View(vega.parse(spec), {
        renderer: "svg",
        container: view,
        bind: controls,
        hover: true,
      });
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
  function drawAll() {
    document.querySelectorAll("figure.gs-exhibit").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
