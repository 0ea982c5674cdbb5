"""The page's one script of its own: it draws the charts, visible ones first.

Drawing a hundred plotly charts while the page is parsed keeps it blank for many seconds on
a small machine. Each chart's figure is kept as JSON beside an empty ``<div>``; once the page
has loaded, this script draws the charts near the viewport at once and the others one per
idle moment, so the summary table is readable immediately and scrolling never waits.
When every chart has been tried, ``<body data-charts-drawn>`` holds their number (for
tests); a chart that cannot be drawn says why on the console.
"""

from __future__ import annotations

__all__ = ["DRAW_SCRIPT"]

DRAW_SCRIPT = """
(function () {
  "use strict";
  var CONFIG = {displaylogo: false, responsive: true};
  var waiting = Array.prototype.slice.call(
    document.querySelectorAll('script[type="application/json"][data-chart]'));
  var total = waiting.length;
  var settled = 0;
  function done() {
    settled += 1;
    if (settled === total) { document.body.setAttribute("data-charts-drawn", total); }
  }
  function draw(source) {
    var index = waiting.indexOf(source);
    if (index < 0) { return; }
    waiting.splice(index, 1);
    var id = source.getAttribute("data-chart");
    try {
      var figure = JSON.parse(source.textContent);
      Plotly.newPlot(document.getElementById(id), figure.data, figure.layout, CONFIG)
        .then(done, function (error) { console.error(id + ": " + error); done(); });
    } catch (error) {
      console.error(id + ": " + error);
      done();
    }
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
  if (total === 0) { document.body.setAttribute("data-charts-drawn", 0); }
  later(drawNext);
})();
"""
