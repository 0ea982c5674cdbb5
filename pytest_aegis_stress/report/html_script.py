"""The page's one script of its own: it draws the charts, visible ones first.

Drawing a hundred plotly charts while the page is parsed keeps it blank for many seconds on
a small machine. Each chart's figure is kept as JSON beside an empty ``<div>``; once the page
has loaded, this script draws the charts near the viewport at once and the others one per
idle moment, so the summary table is readable immediately and scrolling never waits.
When every chart is drawn, ``<body data-charts-drawn>`` holds their number (for tests).
"""

from __future__ import annotations

__all__ = ["DRAW_SCRIPT"]

DRAW_SCRIPT = """
(function () {
  "use strict";
  var CONFIG = {displaylogo: false, responsive: true};
  var waiting = Array.prototype.slice.call(
    document.querySelectorAll('script[type="application/json"][data-chart]'));
  var drawn = 0;
  function draw(source) {
    var index = waiting.indexOf(source);
    if (index < 0) { return; }
    waiting.splice(index, 1);
    var figure = JSON.parse(source.textContent);
    var target = document.getElementById(source.getAttribute("data-chart"));
    Plotly.newPlot(target, figure.data, figure.layout, CONFIG).then(function () {
      drawn += 1;
      if (waiting.length === 0) { document.body.setAttribute("data-charts-drawn", drawn); }
    });
  }
  function later(callback) {
    if (window.requestIdleCallback) { window.requestIdleCallback(callback); }
    else { window.setTimeout(callback, 0); }
  }
  function drawNext() {
    if (waiting.length === 0) { return; }
    draw(waiting[0]);
    later(drawNext);
  }
  if (window.IntersectionObserver) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        observer.unobserve(entry.target);
        draw(document.querySelector('script[data-chart="' + entry.target.id + '"]'));
      });
    }, {rootMargin: "600px"});
    waiting.forEach(function (source) {
      observer.observe(document.getElementById(source.getAttribute("data-chart")));
    });
  }
  if (waiting.length === 0) { document.body.setAttribute("data-charts-drawn", 0); }
  later(drawNext);
})();
"""
