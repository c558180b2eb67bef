"""Fresh tester 12's dashboard findings a run of the app shows (AppTest on the factory events; the browser's
side is in ``test_browser_tester12.py``)."""

from __future__ import annotations

import json

import pytest
import streamlit as st

from app_testing import app_without_merge, run_clean
from timeline import light_chart


@pytest.fixture
def url_when_drawn(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, list[str]]]:
    """The URL's query (each run) as it stands when the timeline, the first figure, is drawn."""
    seen: list[dict[str, list[str]]] = []
    show = light_chart.show

    def recording(fig, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if str(kwargs.get("key", "")).startswith("timeline-"):
            seen.append({k: st.query_params.get_all(k) for k in st.query_params})
        return show(fig, **kwargs)

    monkeypatch.setattr(light_chart, "show", recording)
    return seen


# -- 1. the URL lags behind the view ------------------------------------------------------------------------
def test_a_picked_row_is_in_the_url_before_the_page_is_drawn(app_env: None, url_when_drawn: list) -> None:
    """The tester picked a table row after a click on a week: the URL kept only ``sel_from/sel_to`` for 30 s
    (``row=`` came with a reload). The row was written at the very end of the run, after the charts, the map
    and the table: a slow run, or one cut short by the next click, left the URL a pick behind the page. The
    whole view, the picked row included, is in the URL before the first figure is drawn."""
    at = app_without_merge()
    at.session_state["table"] = {"selection": {"rows": [2], "columns": []}}
    run_clean(at)
    picked = at.session_state["table_pick"][0]
    assert url_when_drawn[-1].get("row") == [picked]
    at.session_state["table"] = {"selection": {"rows": [], "columns": []}}
    run_clean(at)
    assert "row" not in url_when_drawn[-1]  # unpicked: out of the URL as early


# -- 9. a stale box on the weekly counts --------------------------------------------------------------------
def test_a_selection_on_the_timeline_drops_the_weekly_counts_stale_box(app_env: None) -> None:
    """After a drag over the weekly counts, a click on a timeline mark selected one event ("selected ids: 1
    event") while the counts kept their dashed box over the dragged weeks. The selection made on one chart
    draws the other one again without its box (a new widget key, as "Clear selection" does); the selection
    made stays."""
    at = app_without_merge()
    at.session_state["counts-0"] = {"selection": {"points": [], "box": [{"x": ["2020-01-06", "2020-02-09"]}]}}
    run_clean(at)
    assert at.query_params["sel_from"] in ("2020-01-06", ["2020-01-06"])
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    first = next(t for t in spec["data"] if t.get("mode") == "markers" and t.get("customdata"))
    at.session_state["timeline-0"] = {"selection": {"points": [{"customdata": [first["customdata"][0]]}]}}
    run_clean(at)
    assert "sel_from" not in at.query_params and at.query_params["sel_id"] in (
        first["customdata"][0],
        [first["customdata"][0]],
    )
    assert "counts-0" not in at.session_state  # the counts' dragged box is gone with its old key
    run_clean(at)  # and the next run keeps the timeline's selection
    assert at.query_params["sel_id"] in (first["customdata"][0], [first["customdata"][0]])
