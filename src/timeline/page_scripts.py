"""Small scripts the dashboard runs in the browser's page (``st.html(..., unsafe_allow_javascript=True)``).

Constant code of ours: no value from the events or the URL is ever put into it.

:data:`CLICK_SELECTS` — a single click on a timeline mark selects its event. The timeline drags to select
dates (``dragmode="select"``); in that mode Streamlit's ``plotly_chart`` turns plotly's click selection off
(``clickmode="event"``) and passes on only box and lasso selections, so a click did nothing. The script
listens for plotly's ``plotly_click`` on the timeline (the chart whose widget key starts ``timeline-``), and on
the weekly counts (``counts-``: a bar carries its week's days, so a click selects that week), and
hands the clicked point to Streamlit as the selection of that one point (the ``plotly_selected`` event
Streamlit listens to), which the app reads like any selection (:func:`timeline.filters.selection_from_plotly`).
A mark of several events carries no event id (:func:`timeline.charts.finish_bins`): a click on it selects
nothing, a box selects them by date.

:data:`ENTER_APPLIES_DATES` — Enter in a date box applies the dates typed there. Streamlit's ``date_input``
(1.67) sends typed dates when the focus leaves the widget (Tab, a click elsewhere) or on Escape (which also
closes its calendar); Enter in a date field does nothing (it only moves between the fields). The script
answers Enter in a field of a ``date_input`` with that Escape, after the field's own Enter; the calendar's
keys (Enter picks a day there) are left alone.
"""

from __future__ import annotations

#: The widget key prefix of the timeline chart (``app.py``: ``timeline-<generation>``).
TIMELINE_KEY = "timeline-"
#: The widget key prefix of the weekly counts (``app.py``: ``counts-<generation>``): a bar's click selects its week.
COUNTS_KEY = "counts-"

CLICK_SELECTS = (
    """<script>
(function () {
  if (window.__timelineClickSelects) return;
  window.__timelineClickSelects = true;
  function hook(gd) {
    if (gd.__timelineClick || !gd.on) return;
    gd.__timelineClick = true;
    gd.on("plotly_click", function (ev) {
      var p = ev && ev.points && ev.points[0];
      if (!p || !p.customdata || !gd._fullLayout || gd._fullLayout.dragmode !== "select") return;
      var point = {curveNumber: p.curveNumber, pointNumber: p.pointNumber, pointIndex: p.pointIndex,
                   x: p.x, y: p.y, customdata: p.customdata};
      setTimeout(function () { gd.emit("plotly_selected", {points: [point], selections: []}); }, 0);
    });
  }
  function scan() {
    document.querySelectorAll('[class*="st-key-"""
    + TIMELINE_KEY
    + """"] .js-plotly-plot, [class*="st-key-"""
    + COUNTS_KEY
    + """"] .js-plotly-plot').forEach(hook);
  }
  new MutationObserver(scan).observe(document.body, {childList: true, subtree: true});
  scan();
})();
</script>"""
)

ENTER_APPLIES_DATES = """<script>
(function () {
  if (window.__timelineEnterApplies) return;
  window.__timelineEnterApplies = true;
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.key !== "Enter" || !t || !t.closest || t.getAttribute("role") !== "spinbutton") return;
    if (!t.closest('[data-testid="stDateInput"]')) return;
    setTimeout(function () {  // after the field's own Enter
      t.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true, cancelable: true}));
    }, 0);
  }, true);
})();
</script>"""
