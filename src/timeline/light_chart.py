"""A Plotly chart drawn by plotly.js's basic bundle (scatter, bar, pie) instead of ``st.plotly_chart``.

Why: in headless Chromium on 2 cores, ``st.plotly_chart`` makes the page fetch Streamlit's Plotly chunk
(4.6 MB, every trace type: maps, 3-D, geo ...) when the chart's element arrives, parse it and evaluate it on
the main thread (0.65-1.2 s of a warm first chart, 35-40% of it registering trace types the dashboard never
draws; ``bench/app.py --trace``). The timeline draws ``scatter`` traces only (``scattergl`` above
``timeline.charts.SVG_MARKS`` marks) and the weekly counts ``bar`` ones, so :func:`chart` draws them with
``plotly-basic.min.js`` (1.2 MB, the npm package ``plotly.js-basic-dist-min``, the plotly.js version Python's
``plotly`` writes figures for; served from ``static/``, see ``static/README.md``) in a ``st.components.v2``
component (no iframe; plotly.js's CSS reaches it because its styles are not isolated).

What it keeps of ``st.plotly_chart(fig, key=..., on_select="rerun", config=...)``:

* the figure as Plotly draws it from ``st.plotly_chart``: Streamlit's theme template for the app's
  ``.streamlit/config.toml`` (:data:`timeline.plotly_theme.TEMPLATE`, read from a real page by
  ``scripts/plotly_theme.py``) in place of
  the placeholder template of Streamlit's Python side, the container's width, the figure's height, a bold title;
* the config (modebar, SVG export; no share button; without selections no box or lasso buttons);
  Streamlit's full-screen button is left out;
* the selection, as ``st.session_state[key]`` and as the return value, in ``st.plotly_chart``'s shape:
  ``{"selection": {"points": [...], "point_indices": [...], "box": [...], "lasso": [...]}}`` (each point with
  ``curve_number``, ``point_number``, ``point_index``, ``x``, ``y``, ``customdata``, ``legendgroup``; each
  box or lasso with ``xref``, ``yref``, ``x``, ``y``), so :func:`timeline.filters.selection_from_plotly`
  reads both. Plotly's own click selection is off when the figure drags to select (``clickmode="event"``, as
  ``st.plotly_chart`` sets it): :data:`timeline.page_scripts.CLICK_SELECTS` turns a click into a selection
  for both.

:func:`drawable` says which figures it can draw (basic trace types, Streamlit's default template); the app
falls back to ``st.plotly_chart`` for the others and where there is no browser (``AppTest``: its tests read
``st.plotly_chart``'s element).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from timeline.maps import STATIC_URL
from timeline.plotly_theme import TEMPLATE

#: The plotly.js bundle's file under ``static/`` and the trace types it draws (its README).
BUNDLE = "plotly-basic.min.js"
TRACE_TYPES = frozenset({"scatter", "bar", "pie"})
#: The selection ``st.plotly_chart`` reports before any (and after a double click clears it).
EMPTY_SELECTION: dict[str, list] = {"points": [], "point_indices": [], "box": [], "lasso": []}

JS = """
const loads = {};
function plotly(url) {  // one <script> per page; window.Plotly once it ran
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loads[url]) {
    loads[url] = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = url;
      s.onload = () => resolve(window.Plotly);
      s.onerror = () => reject(new Error("plotly.js did not load from " + url));
      document.head.appendChild(s);
    });
  }
  return loads[url];
}
const empty = () => ({points: [], point_indices: [], box: [], lasso: []});
function selection(ev) {  // st.plotly_chart's selection state from plotly's plotly_selected event
  const sel = empty(), seen = new Set();
  for (const p of (ev && ev.points) || []) {
    const group = p.data && p.data.legendgroup;
    sel.points.push({curve_number: p.curveNumber, point_number: p.pointNumber, point_index: p.pointIndex,
                     x: p.x, y: p.y, customdata: p.customdata, legendgroup: group || undefined});
    if (Number.isInteger(p.pointIndex)) seen.add(p.pointIndex);
  }
  sel.point_indices = Array.from(seen);
  for (const s of (ev && ev.selections) || []) {
    if (s.type === "rect") sel.box.push({xref: s.xref, yref: s.yref, x: [s.x0, s.x1], y: [s.y0, s.y1]});
    if (s.type === "path" && s.path) {
      const xy = s.path.replace("M", "").replace("Z", "").split("L").map((q) => q.split(",").map(Number));
      sel.lasso.push({xref: s.xref, yref: s.yref, x: xy.map((q) => q[0]), y: xy.map((q) => q[1])});
    }
  }
  return sel;
}
export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let gd = parentElement.querySelector(".timeline-light-chart");
  if (!gd) {
    gd = document.createElement("div");
    gd.className = "timeline-light-chart";
    parentElement.appendChild(gd);
  }
  gd.__report = (sel) => setStateValue("selection", sel);  // the latest run's setter
  let live = true;
  let resize = null;
  plotly(data.bundle).then((Plotly) => {
    if (!live) return;
    const width = () => Math.max(gd.parentElement.clientWidth, 100);
    if (gd.__spec !== data.spec) {
      const fig = JSON.parse(data.spec);
      fig.layout.width = width();
      gd.__spec = data.spec;
      Plotly.react(gd, fig.data, fig.layout, data.config);
    }
    if (data.select && !gd.__hooked) {
      gd.__hooked = true;
      gd.on("plotly_selected", (ev) => { if (ev) gd.__report(selection(ev)); });
      gd.on("plotly_deselect", () => gd.__report(empty()));
    }
    resize = new ResizeObserver(() => {
      if (gd._fullLayout && Math.abs(gd._fullLayout.width - width()) > 1) Plotly.relayout(gd, {width: width()});
    });
    resize.observe(gd.parentElement);
  }).catch((err) => { gd.textContent = String(err); });  // e.g. static/ not served: said in the page
  return () => { live = false; if (resize) resize.disconnect(); };
}
"""
_component = st.components.v2.component("timeline.light_chart", js=JS, isolate_styles=False)


def drawable(fig: go.Figure) -> bool:
    """True when :func:`chart` draws ``fig`` as ``st.plotly_chart`` would: every trace of a type the
    bundle has (:data:`TRACE_TYPES`) and the figure on Streamlit's default Plotly template (the one the
    browser side themes: :data:`timeline.plotly_theme.TEMPLATE` stands in for it)."""
    spec = fig.to_dict()
    if any(trace.get("type", "scatter") not in TRACE_TYPES for trace in spec.get("data", [])):
        return False
    return spec.get("layout", {}).get("template") == pio.templates[pio.templates.default].to_plotly_json()


def browser_spec(fig: go.Figure, select: bool = True) -> str:
    """The figure's JSON as plotly.js gets it from ``st.plotly_chart`` (theme "streamlit", light; no width:
    the page sets it): the themed template and a bold title; with ``select`` (``on_select="rerun"``, every
    selection mode) what Streamlit 1.67's browser side sets for selections where the figure sets none:
    ``hovermode`` "closest", and ``clickmode`` "event" when dragging selects (a click selects through
    :data:`timeline.page_scripts.CLICK_SELECTS`), else ``clickmode`` "event+select" and ``dragmode`` "pan".
    Arrays as plotly's JSON writes them (typed arrays, which plotly.js 3+ reads)."""
    spec = fig.to_dict()
    layout = {**spec.get("layout", {}), "template": TEMPLATE}
    title = layout.get("title")
    if isinstance(title, Mapping) and title.get("text"):
        layout["title"] = {**title, "text": f"<b>{title['text']}</b>"}
    elif isinstance(title, str) and title:
        layout["title"] = {"text": f"<b>{title}</b>"}
    if select:
        layout.setdefault("hovermode", "closest")
        if layout.get("dragmode") in ("select", "lasso"):
            layout["clickmode"] = "event"
        else:
            layout.setdefault("clickmode", "event+select")
            layout.setdefault("dragmode", "pan")
    return pio.to_json({"data": spec.get("data", []), "layout": layout}, validate=False)


def browser_config(config: Mapping[str, Any], select: bool = True) -> dict[str, Any]:
    """Plotly's config as ``st.plotly_chart`` hands it on: no logo unless asked, the "send to cloud" button
    off, and without ``select`` no box or lasso buttons (Streamlit's full-screen button is left out)."""
    out = {"displaylogo": False, "showSendToCloud": False, **config}
    remove = list(out.get("modeBarButtonsToRemove") or [])
    for button in (() if select else ("lasso2d", "select2d")) + ("sendChartToCloud",):
        if button not in remove:
            remove.append(button)
    return {**out, "modeBarButtonsToRemove": remove}


def show(
    fig: go.Figure, *, key: str, config: Mapping[str, Any], select: bool = True, headers: Any = None
) -> None:
    """A chart in the page: :func:`chart` in a browser when it can draw ``fig`` (:func:`drawable`), else
    ``st.plotly_chart`` (with ``select``: selections on, points, box and lasso, rerunning the script).
    ``headers``: the page's (``st.context.headers`` when None; empty under ``AppTest``). Either way a
    selection is read from ``st.session_state[key]`` in the same shape."""
    browser = st.context.headers if headers is None else headers
    if browser and drawable(fig):
        chart(fig, key=key, config=config, select=select)
    elif select:
        st.plotly_chart(
            fig, key=key, on_select="rerun", selection_mode=("points", "box", "lasso"), config=config
        )
    else:
        st.plotly_chart(fig, key=key, config=config)


def chart(fig: go.Figure, *, key: str, config: Mapping[str, Any], select: bool = True) -> dict[str, Any]:
    """Draw ``fig`` (:func:`drawable` ones) in the page and return its selection in ``st.plotly_chart``'s
    shape (``{"selection": {...}}``, also in ``st.session_state[key]``; :data:`EMPTY_SELECTION` before any).
    With ``select`` a selection reruns the script, like ``on_select="rerun"``; without, none is reported
    (like ``st.plotly_chart``'s default ``on_select="ignore"``). ``config`` is plotly's (JSON-able)."""
    data = {
        "spec": browser_spec(fig, select),
        "config": browser_config(config, select),
        "bundle": f"{STATIC_URL}/{BUNDLE}",
        "select": select,
    }
    callbacks = {"on_selection_change": lambda: None} if select else {}
    result = _component(key=key, data=data, height="content", **callbacks)
    sel = result.get("selection") if result else None
    return {"selection": sel if isinstance(sel, Mapping) else dict(EMPTY_SELECTION)}
