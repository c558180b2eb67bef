"""The timeline drawn by plotly.js's basic bundle (``timeline.light_chart``): which figures it draws, the
figure as the page gets it, the vendored bundle, and ``st.plotly_chart`` where there is no browser. In
Chromium: ``test_browser_light_chart.py``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from events_factory import sample_frame
from timeline import charts, light_chart
from timeline import filters as flt
from timeline.plotly_theme import TEMPLATE

ROOT = Path(__file__).resolve().parents[1]


def test_a_scatter_or_bar_figure_on_streamlits_template_is_drawn_by_the_basic_bundle() -> None:
    assert light_chart.drawable(go.Figure([go.Scatter(x=[1, 2], y=[1, 2]), go.Bar(x=[1], y=[3])]))


@pytest.mark.parametrize(
    "fig",
    [
        go.Figure(go.Scattergl(x=[1, 2], y=[1, 2])),  # WebGL: not in the bundle
        go.Figure(go.Heatmap(z=[[1, 2], [3, 4]])),
        go.Figure(go.Scatter(x=[1], y=[1]), layout={"template": "plotly_white"}),  # not the theme's template
    ],
)
def test_other_trace_types_or_templates_are_left_to_st_plotly_chart(fig: go.Figure) -> None:
    assert not light_chart.drawable(fig)


def test_an_svg_timeline_is_drawn_by_the_basic_bundle_and_a_webgl_one_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events = sample_frame()
    assert light_chart.drawable(charts.timeline_figure(events))  # a few hundred marks: SVG scatter
    monkeypatch.setattr(charts, "SVG_MARKS", len(events) - 1)  # more marks than SVG draws fast: WebGL
    assert not light_chart.drawable(charts.timeline_figure(events))


def test_the_page_gets_the_themed_template_a_bold_title_and_click_events_when_dragging_selects() -> None:
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], customdata=["a", "b"]))
    fig.update_layout(title="Talks", dragmode="select", height=240)
    spec = json.loads(light_chart.browser_spec(fig))
    assert spec["layout"]["template"] == TEMPLATE  # colours and fonts, not Streamlit's placeholders
    assert "#000001" not in json.dumps(spec)
    assert spec["layout"]["title"]["text"] == "<b>Talks</b>"  # as st.plotly_chart shows a title
    assert spec["layout"]["clickmode"] == "event"  # a click selects through page_scripts.CLICK_SELECTS
    assert spec["layout"]["height"] == 240 and "width" not in spec["layout"]  # the page sets the width
    assert spec["data"][0]["customdata"] == ["a", "b"]


def test_a_chart_without_selections_keeps_plotlys_own_modes_and_loses_the_select_buttons() -> None:
    spec = json.loads(light_chart.browser_spec(go.Figure(go.Scatter(x=[1], y=[1])), select=False))
    assert not {"clickmode", "dragmode", "hovermode"} & set(spec["layout"])
    config = light_chart.browser_config({"toImageButtonOptions": {"format": "svg"}}, select=False)
    assert config["modeBarButtonsToRemove"] == ["lasso2d", "select2d", "sendChartToCloud"]
    assert config["displaylogo"] is False and config["showSendToCloud"] is False
    assert config["toImageButtonOptions"] == {"format": "svg"}


def test_a_selecting_chart_that_drags_to_zoom_selects_by_click_and_pans() -> None:
    spec = json.loads(light_chart.browser_spec(go.Figure(go.Scatter(x=[1], y=[1]))))
    assert (spec["layout"]["clickmode"], spec["layout"]["dragmode"]) == ("event+select", "pan")


def test_the_vendored_bundle_is_the_plotly_js_that_pythons_plotly_writes_figures_for() -> None:
    bundle = ROOT / "static" / light_chart.BUNDLE
    head = bundle.read_text(encoding="utf-8")[:300]
    version = re.search(r"plotly\.js \(basic - minified\) v([\d.]+)", head)
    assert version and version.group(1) == plotly.offline.get_plotlyjs_version()
    assert (ROOT / "static" / "LICENSE.plotly").read_text(encoding="utf-8").startswith("MIT License")


SCRIPT = """
import plotly.graph_objects as go
import streamlit as st
from timeline import light_chart

fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], customdata=["a", "b"]), layout={"dragmode": "select"})
light_chart.show(fig, key="timeline-0", config={"displaylogo": False})
st.session_state.seen = st.session_state.get("timeline-0")
"""


def test_without_a_browser_the_chart_is_st_plotly_chart_and_its_selection_reads_the_same() -> None:
    at = AppTest.from_string(SCRIPT).run()
    assert at.get("plotly_chart") and not at.exception
    at.session_state["timeline-0"] = {
        "selection": {"points": [{"customdata": "b"}], "point_indices": [1], "box": [], "lasso": []}
    }
    at.run()
    assert at.session_state.seen["selection"]["points"] == [{"customdata": "b"}]


BROWSER_SCRIPT = SCRIPT.replace(
    'config={"displaylogo": False})', 'config={"displaylogo": False}, headers={"host": "x"})'
)


def test_in_a_browser_the_chart_is_the_component_and_its_selection_reads_as_st_plotly_charts() -> None:
    at = AppTest.from_string(BROWSER_SCRIPT).run()
    assert not at.get("plotly_chart") and not at.exception
    (element,) = at.get("bidi_component")
    data = json.loads(element.proto.json)
    assert (
        element.proto.component_name == "timeline.light_chart"
        and data["bundle"] == "/app/static/plotly-basic.min.js"
    )
    assert json.loads(data["spec"])["layout"]["template"] == TEMPLATE and data["select"] is True
    assert not flt.selection_from_plotly(at.session_state.seen)[0]  # nothing selected yet
    at.session_state["timeline-0"] = {  # what the page sets on a click (the component's "selection" state)
        "selection": {"points": [{"customdata": "b"}], "point_indices": [1], "box": [], "lasso": []}
    }
    at.run()
    assert flt.selection_from_plotly(at.session_state.seen) == (("b",), None, None)
