"""Timeline and counts figures built from small event tables: traces, lanes, colours, symbols, hover."""

from __future__ import annotations

import pandas as pd

from events_factory import RUSSIA, TURKEY, event, frame
from timeline import charts
from timeline.charts import (
    STATUS_SYMBOLS,
    TYPE_COLORS,
    counts_figure,
    date_label,
    event_detail,
    timeline_figure,
    weekly_counts,
)


class Marks:
    """The marker traces of one event type taken together (the figure splits them by status and language)."""

    def __init__(self, traces: list) -> None:
        self.traces = traces
        self.x = [x for t in traces for x in t.x]
        self.y = [y for t in traces for y in t.y]
        self.customdata = [c for t in traces for c in t.customdata]
        self.hovertext = [h for t in traces for h in t.hovertext]
        self.symbols = [t.marker.symbol for t in traces for _ in t.x]
        self.align = [t.hoverlabel.align for t in traces for _ in t.x]


def _marks(fig) -> dict[str, Marks]:  # noqa: ANN001 - go.Figure
    """Marker traces with data, by event type."""
    out: dict[str, list] = {}
    for t in fig.data:
        if t.mode == "markers" and t.x is not None and len(t.x) and t.x[0] is not None:
            out.setdefault(t.name, []).append(t)
    return {k: Marks(v) for k, v in out.items()}


def test_one_webgl_trace_per_type_coloured_by_type(events: pd.DataFrame) -> None:
    fig = timeline_figure(events)
    marks = _marks(fig)
    assert set(marks) == set(events["type"])
    for name, trace in marks.items():
        assert all(t.type == "scattergl" and t.marker.color == TYPE_COLORS[name] for t in trace.traces)
        assert not any(t.showlegend for t in trace.traces)
        assert len(trace.x) == (events["type"] == name).sum()
        assert set(trace.customdata) <= set(events["event_id"])  # selections map back through it
    legend = [t for t in fig.data if t.showlegend is not False and t.legendgroup in marks]
    assert sorted(t.name for t in legend) == sorted(marks)  # one legend entry per type, a plain dot
    assert {t.marker.symbol for t in legend} == {"circle"}


def test_lanes_by_type_and_by_actor(events: pd.DataFrame) -> None:
    by_type = timeline_figure(events)
    assert sorted(by_type.layout.yaxis.ticktext) == sorted(set(events["type"]))
    by_actor = timeline_figure(events, lanes="actor")
    names = {a["name"] for xs in events["actors"] for a in xs}
    assert set(by_actor.layout.yaxis.ticktext) == names
    talks = _marks(by_actor)["talks"]  # each talk sits in the lanes of both Turkey and Russia
    assert len(talks.x) == 2 * (events["type"] == "talks").sum()


def test_marks_sit_in_their_lane(events: pd.DataFrame) -> None:
    fig = timeline_figure(events)
    lane = {name: i for i, name in enumerate(fig.layout.yaxis.ticktext)}
    for name, trace in _marks(fig).items():
        assert all(abs(y - lane[name]) < 0.5 for y in trace.y)


def test_status_symbols_planned_hollow_failed_crossed() -> None:
    df = frame(
        [event("talks", "2020-02-08", status="failed"), event("talks", "2020-02-09", status="planned")]
    )
    trace = _marks(timeline_figure(df))["talks"]
    assert sorted(trace.symbols) == sorted([STATUS_SYMBOLS["failed"], STATUS_SYMBOLS["planned"]])
    assert STATUS_SYMBOLS["planned"].endswith("-open") and STATUS_SYMBOLS["failed"] == "x"


def test_campaigns_are_bars_ongoing_ones_up_to_their_report() -> None:
    df = frame(
        [
            event("offensive", "2020-01-24", date_end="2020-03-05"),
            event("offensive", "2020-02-20", status="ongoing", published="2020-02-27T08:00:00"),
            event("talks", "2020-03-10", published="2020-03-10T08:00:00"),
            event("offensive", "2020-02-01"),  # a single day: no bar
        ]
    )
    bars = [t for t in timeline_figure(df).data if t.mode == "lines"]
    assert len(bars) == 1
    xs = [pd.Timestamp(x) for x in bars[0].x if x]
    assert (pd.Timestamp("2020-01-24"), pd.Timestamp("2020-03-05")) == (xs[0], xs[1])
    # ongoing up to the report that says so (27 Feb), not to the newest article (10 Mar)
    assert (pd.Timestamp("2020-02-20"), pd.Timestamp("2020-02-27")) == (xs[2], xs[3])


def test_hover_shows_date_precision_actors_places_and_rtl_arabic() -> None:
    df = frame(
        [
            event("talks", "2020-02-01", date_precision="month", actors=[dict(TURKEY), dict(RUSSIA)]),
            event("talks", "2020-02-10", language="ar", evidence="بدء الجولة الثانية من المباحثات"),
        ]
    )
    trace = _marks(timeline_figure(df))["talks"]
    texts = dict(zip(trace.align, trace.hovertext, strict=True))
    month, arabic = texts["left"], texts["right"]
    assert "Feb 2020 (month)" in month and "Turkey, Russia" in month and "Idlib" in month
    assert "\u202bبدء الجولة الثانية من المباحثات\u202c" in arabic


def test_date_label() -> None:
    assert date_label("2020-02-10", None, "day") == "2020-02-10"
    assert date_label("2020-02-10", "2020-03-01", "week") == "week of 2020-02-10 → 2020-03-01"
    assert date_label("2020-01-01", None, "year", "publication") == "2020 (year) · dated by publication"
    assert date_label(None, None, "day") == "undated"


def test_weekly_counts_stack_by_type(events: pd.DataFrame) -> None:
    counts = weekly_counts(events)
    assert counts["n"].sum() == len(events)
    assert (pd.to_datetime(counts["week"]).dt.day_of_week == 0).all()  # weeks start on Monday
    fig = counts_figure(events)
    assert fig.layout.barmode == "stack"
    assert {t.name for t in fig.data} == set(events["type"])
    assert all(t.marker.color == TYPE_COLORS[t.name] for t in fig.data)


def test_event_detail_escapes_and_sets_direction() -> None:
    head, body = event_detail(event("talks", language="ar", evidence="<b>نص</b>"))
    assert "talks" in head and "Turkey" not in head
    assert 'dir="rtl"' in body and "&lt;b&gt;" in body


def test_empty_table_gives_an_empty_figure() -> None:
    empty = frame([])
    assert _marks(timeline_figure(empty)) == {}
    assert len(counts_figure(empty).data) == 0


def test_a_big_timeline_draws_one_mark_per_week_and_lane(events: pd.DataFrame, monkeypatch) -> None:
    big = pd.concat([events] * 30, ignore_index=True)
    big["event_id"] = [f"e{i}" for i in range(len(big))]
    monkeypatch.setattr(charts, "MAX_MARKS", 50)
    fig = charts.timeline_figure(big)
    marks = [
        t for t in fig.data if t.mode == "markers" and t.x is not None and len(t.x) and t.x[0] is not None
    ]
    n_marks = sum(len(t.x) for t in marks)
    assert n_marks < len(big)
    hovers = [h for t in marks for h in t.hovertext]
    assert any("events this week" in h for h in hovers)
    # a mark of several events selects nothing by click (a box selects them by date)
    assert "" in {c for t in marks for c in t.customdata}
