"""Timeline and counts figures built from small event tables: traces, lanes, colours, symbols, hover."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

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
from timeline.filters import actor_side


class Marks:
    """The marker traces of one event type taken together (the figure splits them by status and language)."""

    def __init__(self, traces: list) -> None:
        self.traces = traces
        self.x = [x for t in traces for x in t.x]
        self.y = [y for t in traces for y in t.y]
        self.customdata = [c for t in traces for c in t.customdata]
        self.hovertext = [h for t in traces for h in charts.shown_hovers(t)]  # the labels Plotly writes
        self.symbols = [t.marker.symbol for t in traces for _ in t.x]
        self.align = [t.hoverlabel.align for t in traces for _ in t.x]


def _marks(fig) -> dict[str, Marks]:  # noqa: ANN001 - go.Figure
    """Marker traces with data, by event type."""
    out: dict[str, list] = {}
    for t in fig.data:
        if t.mode == "markers" and t.x is not None and len(t.x) and t.x[0] is not None:
            out.setdefault(t.name, []).append(t)
    return {k: Marks(v) for k, v in out.items()}


def test_marks_per_type_coloured_by_type(events: pd.DataFrame) -> None:
    fig = timeline_figure(events)
    marks = _marks(fig)
    assert set(marks) == set(events["type"])
    for name, trace in marks.items():
        assert all(t.marker.color == TYPE_COLORS[name] for t in trace.traces)
        assert not any(t.showlegend for t in trace.traces)
        assert len(trace.x) == (events["type"] == name).sum()
        assert set(trace.customdata) <= set(events["event_id"])  # selections map back through it
    legend = [t for t in fig.data if t.showlegend is not False and t.legendgroup in marks]
    assert sorted(t.name for t in legend) == sorted(marks)  # one legend entry per type, a plain dot
    assert {t.marker.symbol for t in legend} == {"circle"}


def test_few_marks_are_svg_many_are_webgl(events: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    """A browser without a GPU draws a few hundred SVG marks faster than it sets up WebGL (bench/app.py)."""
    assert {t.type for t in timeline_figure(events).data} == {"scatter"}
    monkeypatch.setattr(charts, "SVG_MARKS", len(events) - 1)
    assert {t.type for t in timeline_figure(events).data} == {"scattergl"}  # never both in one figure


def test_marks_carry_short_dates_and_rounded_lanes(events: pd.DataFrame) -> None:
    """Figure JSON stays small: "2020-02-10" rather than a timestamp, lane offsets to 3 decimals."""
    for trace in _marks(timeline_figure(events)).values():
        assert all(isinstance(x, str) and len(x) == 10 for x in trace.x)
        assert all(round(y, 3) == y for y in trace.y)


def test_lanes_by_type_and_by_actor(events: pd.DataFrame) -> None:
    by_type = timeline_figure(events)
    assert sorted(by_type.layout.yaxis.ticktext) == sorted(set(events["type"]))
    by_actor = timeline_figure(events, lanes="actor")
    sides = {actor_side(a["code"]) for xs in events["actors"] for a in xs}  # lanes by the actor's side
    assert set(by_actor.layout.yaxis.ticktext) == sides
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
    head, body = event_detail(event("talks", language="ar", evidence="<b>قصف مدفعي على سراقب</b>"))
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
    hovers = [h for t in marks for h in charts.shown_hovers(t)]
    assert any("events this week" in h for h in hovers)
    # a mark of several events selects nothing by click (a box selects them by date)
    assert "" in {c for t in marks for c in t.customdata}


SIX_SIDES = ["SYRMIL", "TURGOV", "RUSGOV", "IRNGOV", "USAGOV", "ISRGOV"]  # six lanes by actor


def test_when_even_the_weeks_are_too_many_marks_a_timeline_draws_one_per_month(monkeypatch) -> None:  # noqa: ANN001
    """Issue 9.14: lanes by actor at 100k events made 17.7 MB of figure by week; months keep it light."""
    days = pd.date_range("2019-01-01", "2020-12-31", freq="D")
    rows = [
        event(
            "offensive",
            f"{d:%Y-%m-%d}",
            actors=[{"name": f"actor {i % 6}", "code": SIX_SIDES[i % 6], "role": "initiator"}],
        )
        for i, d in enumerate(days)
    ]
    big = frame(rows)
    monkeypatch.setattr(charts, "MAX_MARKS", 200)
    monkeypatch.setattr(charts, "DAILY_MARKS", 100)
    fig = charts.timeline_figure(big, lanes="actor")
    marks = [t for t in fig.data if t.mode == "markers" and t.customdata is not None and len(t.x)]
    hovers = [h for t in marks for h in charts.shown_hovers(t)]
    assert sum(len(t.x) for t in marks) <= 200 < 6 * 105  # six lanes of 105 weeks would be more
    assert all("events this month" in h for h in hovers)
    assert sum(int(h.split("<b>")[1].split(" ")[0]) for h in hovers) == len(big)  # every event counted once


# -- issue 11 item 2: markup from the data is shown as written --------------------------------------------
HOSTILE = "<img src=x onerror=alert(1)><b>bold</b><br>"


def test_hover_and_lane_labels_show_markup_from_events_verbatim() -> None:
    df = frame(
        [
            event(
                "talks",
                "2020-02-08",
                actors=[{**TURKEY, "name": HOSTILE}],
                evidence=f"Talks {HOSTILE} ended.",
            ),
            event("offensive", "2020-02-09", language="ar", evidence=f"قصف {HOSTILE}"),
        ]
    )
    for lanes in ("type", "actor"):
        fig = timeline_figure(df, lanes=lanes)
        hovers = [h for m in _marks(fig).values() for h in m.hovertext]
        assert hovers and all("<b>bold" not in h and "<img" not in h for h in hovers)
        assert any("&lt;b&gt;bold&lt;/b&gt;&lt;br&gt;" in h for h in hovers)
        assert all("<b>" in h for h in hovers)  # our own formatting stays
        assert not any("<" in str(t) for t in fig.layout.yaxis.ticktext)
    odd_type = frame([event("<b>odd</b>%{x}", "2020-02-08")])
    counts = counts_figure(odd_type)
    assert counts.data[0].name == "&lt;b&gt;odd&lt;/b&gt;%{x}"
    assert "odd" not in counts.data[0].hovertemplate  # data never goes into a template


# -- issue 9 item 8: whole-number axes, no mark cut at an edge ----------------------------------------------
def test_count_axes_have_whole_number_ticks() -> None:
    few = frame(
        [event("offensive", "2020-02-03"), event("offensive", "2020-02-04"), event("talks", "2020-03-02")]
    )
    axis = counts_figure(few).layout.yaxis
    assert axis.dtick == 1 and axis.tickformat == ",d" and axis.rangemode == "tozero"
    assert charts.count_axis(500).get("dtick") is None  # plotly picks a step of at least 1 above ten


def _inside(lo: pd.Timestamp, hi: pd.Timestamp, xs: list, margin: float) -> bool:
    pad = (hi - lo) * margin
    return all(lo + pad <= pd.Timestamp(x) <= hi - pad for x in xs)


def test_marks_and_bars_are_never_cut_at_the_plot_edges() -> None:
    df = frame(
        [
            event("offensive", "2011-03-01"),
            event("talks", "2020-03-05", actors=[dict(TURKEY), dict(RUSSIA)]),
            event("offensive", "2019-12-01", date_end="2020-04-30"),  # a bar ending after the last start
            event("ceasefire", "2015-01-01", published="2023-05-01T00:00:00"),  # a late article: no bar
        ]
    )
    fig = timeline_figure(df)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    marks = [x for m in _marks(fig).values() for x in m.x]
    bars = [x for t in fig.data if t.mode == "lines" for x in t.x if x]
    # a 9 px mark on a plot ~900 px wide covers 0.5 % of the axis on each side of its centre
    assert _inside(lo, hi, marks + bars, 0.006)
    assert hi < pd.Timestamp("2021-01-01")  # the axis ends with the events, not with a late article
    counts = counts_figure(df)
    lo, hi = (pd.Timestamp(x) for x in counts.layout.xaxis.range)
    for t in counts.data:  # a bar covers its centre +- half its width
        half = pd.Timedelta(milliseconds=t.width / 2)
        assert _inside(
            lo, hi, [pd.Timestamp(x) - half for x in t.x] + [pd.Timestamp(x) + half for x in t.x], 0
        )


# -- issue 9 item 9: a timeline that reads on a laptop --------------------------------------------------------
def test_legend_is_one_compact_row_and_counts_need_no_second_legend(events: pd.DataFrame) -> None:
    fig = timeline_figure(events)
    legend = [t for t in fig.data if t.showlegend is not False]
    assert len(legend) <= 8  # four types and four status symbols
    assert not any(t.legendgrouptitle.text for t in fig.data)  # a group title breaks the row
    groups = [t.legendgroup for t in legend]
    assert len(set(groups)) == len(groups)  # entries sharing a group stack vertically in a horizontal legend
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.font.size <= 11
    assert fig.layout.height <= 260
    counts = counts_figure(events)
    assert counts.layout.showlegend is False and counts.layout.height <= 180


def test_dense_lanes_get_lighter_smaller_marks_and_daily_marks() -> None:
    rows = [event("offensive", f"2016-{m:02d}-{d:02d}", evidence=f"strike {m} {d} {k}")
            for m in (5, 6, 7) for d in range(1, 29) for k in range(3)]  # fmt: skip
    dense = frame(rows)
    fig = timeline_figure(dense)
    marks = _marks(fig)["offensive"]
    assert all(t.marker.opacity < 0.7 and np.max(t.marker.size) < 9 for t in marks.traces)
    sparse = timeline_figure(frame(rows[::60]))
    assert all(t.marker.opacity >= 0.7 for t in _marks(sparse)["offensive"].traces)
    many = frame(rows * 10)
    many["event_id"] = [f"e{i}" for i in range(len(many))]
    by_day = _marks(timeline_figure(many))["offensive"]
    assert len(by_day.x) == len({r["date_start"] for r in rows})  # one mark per lane and day
    assert all("30 events this day" in h for h in by_day.hovertext)
    assert min(np.min(t.marker.size) for t in by_day.traces) > charts.DENSE_MARK_SIZE  # grows with its count


# -- issue 9 item 5: exported images cut no label ------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_exported_images_cut_no_label() -> None:
    from playwright.sync_api import sync_playwright

    from timeline import aggregate_charts as ac
    from timeline import exports

    long_actor = {"code": "SYRREB", "name": "National Front for Liberation (Turkish-backed factions)"}
    df = frame(
        [
            event("offensive", "2020-01-24", subtype="ground_offensive", status="ongoing",
                  published="2020-02-20T08:00:00"),
            event("talks", "2020-02-08", actors=[dict(TURKEY), {**long_actor, "role": "participant"}]),
            event("ultimatum", "2020-02-05", actors=[{**TURKEY, "role": "initiator"}, {**long_actor, "role": "target"}]),
        ]
    )  # fmt: skip
    cite = (
        "Events extracted with timeline from news articles (3 events; sources: "
        + ", ".join(f"outlet-{i}.example.org/2020/02/a-rather-long-article-name-{i}" for i in range(12))
        + "; filters: all events; accessed 2026-01-02)."
    )
    figures = {
        "timeline by actor": timeline_figure(df, lanes="actor"),
        "timeline by type": timeline_figure(df),
        "campaigns": ac.campaigns_view(df).figure,
        "matrix": ac.matrix_view(df, "ultimatum").figure,
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        for name, fig in figures.items():
            svg = exports.figure_image(fig, "svg", cite, width=900, scale=1).decode()
            page.set_content(f"<body style='margin:0'>{svg}</body>")
            out = page.evaluate(
                """() => { const svg = document.querySelector('svg'); const box = svg.getBoundingClientRect();
                  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
                    const b = t.getBoundingClientRect();
                    return [t.textContent, b.left - box.left, b.right - box.right, b.top - box.top, b.bottom - box.bottom];
                  }).filter(([_, l, r, t, btm]) => l < -1 || r > 1 || t < -1 || btm > 1); }"""
            )
            assert out == [], f"{name}: text cut at the image edge: {out}"
            assert "a-rather-long-article-name-11" in svg.replace("\u200b", "")  # the caption is all there
        browser.close()


def test_review_marks_are_drawn_like_the_marks(events: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rings of reviewed events use the marks' own kind: an SVG timeline stays SVG (no WebGL set up for them)."""
    df = events.assign(review=["confirmed"] + ["unreviewed"] * (len(events) - 1))
    assert {t.type for t in charts.add_review_marks(timeline_figure(df), df).data} == {"scatter"}
    monkeypatch.setattr(charts, "SVG_MARKS", 0)
    assert {t.type for t in charts.add_review_marks(timeline_figure(df), df).data} == {"scattergl"}


@pytest.mark.parametrize("n", [40, 2_500, 25_000])  # SVG marks; WebGL by day; WebGL by week
def test_the_timeline_built_without_validation_is_the_validated_figure(n: int) -> None:
    """Issue 9.14: the timeline's traces are plain values made into one figure without plotly's validation
    (and its deep copies); validating that figure again changes nothing (same JSON), so no property was
    misnamed or mistyped (the layout is validated as ever)."""
    import json

    import plotly.graph_objects as go

    rng = np.random.default_rng(n)
    days = pd.Timestamp("2019-06-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    rows = [
        event(
            str(rng.choice(["talks", "ultimatum", "offensive", "ceasefire"])),
            day.strftime("%Y-%m-%d"),
            status=str(rng.choice(list(STATUS_SYMBOLS))),
            language=str(rng.choice(["en", "ar"])),
            actors=[dict(TURKEY)] if i % 3 else [dict(RUSSIA), dict(TURKEY)],
            evidence=f"report {i}",
        )
        for i, day in enumerate(days)
    ]
    df = frame(rows)
    for lanes in ("type", "actor"):
        fig = timeline_figure(df, lanes=lanes)
        validated = go.Figure(data=fig.to_dict()["data"])  # validated on construction

        def canonical(f: go.Figure) -> str:
            return json.dumps(json.loads(f.to_json())["data"], sort_keys=True)

        assert canonical(validated) == canonical(fig)
        assert {t.type for t in fig.data} == {"scatter" if n < 1_500 else "scattergl"}


def test_marks_grouped_by_numbered_keys_are_the_groups_of_pandas() -> None:
    """Issue 9.14: the timeline's binned marks are grouped with integer group numbers (``marks.grouped``);
    they are the groups pandas' group-by gives (``grouped_by_pandas``): order, keys (a missing key is a
    group of its own), first event, latest dates and counts."""
    from timeline.marks import grouped, grouped_by_pandas

    rng = np.random.default_rng(4)
    n = 3_000
    days = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 90, n), unit="D")
    keyed = pd.DataFrame(
        {
            "lane": rng.choice(["Turkey", "Russia", "(no actor)"], n),
            "type": rng.choice(["talks", "offensive", "ceasefire"], n),
            "status": pd.Series(rng.choice(["occurred", "planned", None], n), dtype="str"),
            "language": rng.choice(["en", "ar"], n),
            "date_start": (days - pd.to_timedelta(days.day_of_week, unit="D")).strftime("%Y-%m-%d"),
            "first_day": days.strftime("%Y-%m-%d"),
            "event_id": [f"ev{i}" for i in range(n)],
            "hover": pd.Series([f"hover {i}" for i in range(n)], dtype=object),
            "date_end": pd.Series(days + pd.Timedelta(days=3)).where(rng.random(n) < 0.2),
            "published": pd.Series(days + pd.Timedelta(days=1)),
        }
    )
    keys = ["lane", "type", "status", "language", "date_start"]
    fast = grouped(keyed, keys)
    pd.testing.assert_frame_equal(fast, grouped_by_pandas(keyed, keys))
    assert fast["status"].isna().any() and fast["date_end"].isna().any() and fast["n"].sum() == n
    gap = keyed.assign(event_id=keyed["event_id"].where(rng.random(n) < 0.9))  # "first" skips gaps
    pd.testing.assert_frame_equal(grouped(gap, keys), grouped_by_pandas(gap, keys))


def test_days_parsed_and_formatted_once_per_value_are_pandas_own() -> None:
    """Issue 9.14: ``marks.parsed_days`` / ``marks.day_text`` give ``pd.to_datetime`` / ``dt.strftime``'s
    values, dtype and index (gaps, text that is no date, and a date with a time included)."""
    from timeline.marks import day_text, parsed_days

    text = pd.Series(
        ["2020-02-10", None, "2020-02-10", "soon", "2019-12-31", "2020-02-10T08:00:00"] * 50,
        index=np.arange(300) * 2,
        dtype="str",
        name="date_end",
    )
    pd.testing.assert_series_equal(parsed_days(text), pd.to_datetime(text, errors="coerce"))
    plain = text.str[:10]
    pd.testing.assert_series_equal(
        parsed_days(plain, format="%Y-%m-%d"), pd.to_datetime(plain, format="%Y-%m-%d", errors="coerce")
    )
    days = pd.to_datetime(plain, format="%Y-%m-%d", errors="coerce")
    pd.testing.assert_series_equal(day_text(days), days.dt.strftime("%Y-%m-%d"))
    pd.testing.assert_series_equal(day_text(days[days.isna()]), days[days.isna()].dt.strftime("%Y-%m-%d"))


def test_hover_texts_are_copied_without_a_deep_copy_per_text(events: pd.DataFrame) -> None:
    """Issue 9.14: plotly deep-copies a figure's traces when it builds the figure and in ``to_dict``; the
    hover texts are copied as one array (strings cannot change), still a copy, with the same texts."""
    import copy

    fig = timeline_figure(events)
    hovers = [t.hovertext for t in fig.data if t.hovertext is not None]
    assert hovers and all(isinstance(h, charts._Texts) for h in hovers)
    again = copy.deepcopy(hovers[0])
    assert again is not hovers[0] and list(again) == list(hovers[0]) and isinstance(again, charts._Texts)
    again[0] = "changed"
    assert hovers[0][0] != "changed"
    import json

    sent = [t["hovertext"] for t in json.loads(fig.to_json())["data"] if "hovertext" in t]
    assert sent == [list(h) for h in hovers]  # what the browser gets: the texts, as plain strings


def test_day_texts_and_jitter_made_without_arrow_strings_are_pandas_own() -> None:
    """The marks' day texts and vertical jitter are taken on NumPy objects (no Arrow strings there and back);
    they are what pandas gives: ``astype(str).str[:10]`` (a missing day parses to NaT either way) and the
    categorized hash of the ids."""
    texts = pd.Series(
        ["2020-01-02", "2020-03-04T10:00:00", pd.Timestamp("2019-05-06 07:00"), "2021-07"], dtype=object
    )
    days = pd.Series(pd.to_datetime(["2020-01-02", None, "2021-03-04 10:00"], format="ISO8601"))
    for values in (texts, texts.astype("str"), days):
        got = charts._days_text(values)
        want = values.astype(str).str[:10]
        parse = {"errors": "coerce", "format": "mixed"}
        assert pd.to_datetime(pd.Series(got), **parse).equals(pd.to_datetime(want, **parse))
        assert [g for g, w in zip(got, want, strict=True) if isinstance(w, str)] == want.dropna().tolist()
    for ids in (["a", "b", "a", "", "c"] * 50, ["a", None, "b", "a"]):
        h = pd.util.hash_pandas_object(pd.Series(ids, dtype=object), index=False).to_numpy()
        assert np.array_equal(charts._jitter(pd.Series(ids, dtype=object)), (h % 1000) / 1000.0 * 0.6 - 0.3)


def test_the_counts_built_without_validation_are_the_validated_figure(events: pd.DataFrame) -> None:
    """Issue 9.14: the weekly counts' bars are plain values too (0.025 s less per new filter state at 100k
    events): validating them again changes nothing, and each bar sits mid-week (Thursday noon) with its
    week's Monday in the hover."""
    import json

    import plotly.graph_objects as go

    fig = counts_figure(events)
    validated = go.Figure(data=fig.to_dict()["data"])
    assert json.loads(validated.to_json())["data"] == json.loads(fig.to_json())["data"]
    counts = weekly_counts(events)
    for trace in fig.data:
        part = counts[counts["type"] == trace.name]
        assert list(pd.to_datetime(list(trace.x))) == list(part["week"] + pd.Timedelta(days=3.5))
        assert [list(d) for d in trace.customdata] == [  # each week's Monday and Sunday: a click selects them
            [m, s] for m, s in zip(part["week"].dt.strftime("%Y-%m-%d"),
                                   (part["week"] + pd.Timedelta(days=6)).dt.strftime("%Y-%m-%d"), strict=True)
        ]  # fmt: skip
        assert list(trace.y) == part["n"].tolist()


@pytest.mark.parametrize("lanes", ["type", "actor"])
def test_the_layouts_built_without_validation_are_the_validated_layouts(
    events: pd.DataFrame, lanes: str
) -> None:
    """Issue 9.14: the timeline's and the counts' layouts are plain values too (validating a layout walks its
    property paths: ~0.015 s per figure, two per new filter state at 100k events): the figure is the same
    JSON (as data) as ``update_layout`` (which validates every value) makes of that layout, an empty x-axis
    title included."""
    import json

    import plotly.graph_objects as go

    shown = json.loads(timeline_figure(events, lanes=lanes).to_json())
    assert shown["layout"]["xaxis"]["title"] == {}  # no axis title, as validation writes it
    for fig in (timeline_figure(events, lanes=lanes), counts_figure(events)):
        sent = json.loads(fig.to_json())
        layout = {k: v for k, v in fig.to_dict()["layout"].items() if k != "template"}
        layout["xaxis"] = {**layout["xaxis"], "title": None}  # as the figures were laid out before
        by_update = go.Figure(data=fig.to_dict()["data"]).update_layout(**layout)
        assert json.loads(by_update.to_json()) == sent
    plain = charts.plain_figure([], {"xaxis": {"title": None}, "yaxis2": {"title": "per week"}})
    assert plain.to_dict()["layout"] == {
        "xaxis": {"title": {}}, "yaxis2": {"title": {"text": "per week"}},
        "template": go.Figure().to_dict()["layout"]["template"],
    }  # fmt: skip
    # an axis range read from another figure (plotly hands it out as a tuple) is read back as validated
    shown = timeline_figure(events, lanes=lanes)
    counts = counts_figure(events, x_range=shown.layout.xaxis.range)
    assert list(counts.layout.xaxis.range) == list(shown.layout.xaxis.range)
    validated = go.Figure().update_layout(xaxis={"range": shown.layout.xaxis.range})
    assert (
        json.loads(counts.to_json())["layout"]["xaxis"]["range"]
        == json.loads(validated.to_json())["layout"]["xaxis"]["range"]
    )


def test_periods_of_marks_with_report_days_are_those_of_report_texts() -> None:
    """Issue 9.14: binned marks carry their latest report day as a datetime; an ongoing mark's bar then ends
    on that day without parsing text again (~15 ms less per 15k marks): the same bars, ends and days
    (``strftime("%Y-%m-%d")``) as from the reports' texts, an ``as_of`` cut included."""
    rng = np.random.default_rng(3)
    n = 400
    start = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 300, n), unit="D")
    published = pd.Series(start + pd.to_timedelta(rng.integers(0, 40, n), unit="D") + pd.Timedelta(hours=9))
    published[rng.random(n) < 0.1] = pd.NaT
    end = pd.Series(start + pd.to_timedelta(rng.integers(-2, 30, n), unit="D")).where(rng.random(n) < 0.3)
    marks = pd.DataFrame(
        {
            "day": start,
            "date_end": end,
            "status": rng.choice(["ongoing", "occurred", "planned"], n),
            "published": published,
        }
    )
    as_text = marks.assign(published=published.dt.strftime("%Y-%m-%dT%H:%M:%S").astype(object))
    for as_of in (None, pd.Timestamp("2020-06-01")):
        got, want = charts._periods(marks, as_of), charts._periods(as_text, as_of)
        assert got[0].any() and (marks["status"][got[0]] == "ongoing").any()
        for g, w in zip(got, want, strict=True):
            assert np.array_equal(g, w)
        starts = marks["day"][got[0]].dt.strftime("%Y-%m-%d").tolist()
        assert got[1].tolist() == starts  # the days as strftime writes them


def test_marks_share_their_hover_head_in_a_template_and_plotly_writes_the_same_labels(monkeypatch) -> None:  # noqa: ANN001
    """Issue 9.14: a timeline mark's hover label is what it was (the event's hover; a mark of several events
    says how many first), but what a trace's labels share (the type's bold name, the count line's words) is
    sent once as the trace's ``hovertemplate``: a third less JSON at 100k events, written on every rerun."""
    rows = [event(t, f"2020-{m:02d}-{d:02d}", status=s, evidence=f"report {m} {d} {t}")
            for t in ("talks", "offensive") for s in ("occurred", "failed") for m in (1, 2) for d in (3, 9, 9, 20)]  # fmt: skip
    df = charts.with_hover(frame(rows * 3))
    df["event_id"] = [f"e{i}" for i in range(len(df))]
    own = dict(zip(df["event_id"], df["hover"], strict=True))
    monkeypatch.setattr(charts, "DAILY_MARKS", 10)  # one mark per lane, type, status, language and day
    monkeypatch.setattr(charts, "SVG_MARKS", 0)  # WebGL, as at 100k events (an SVG timeline sends them whole)
    fig = timeline_figure(df)
    marks = [t for t in fig.data if t.mode == "markers" and t.customdata is not None and len(t.x) and t.x[0]]
    assert {bool(t.hovertemplate) for t in marks} == {True}
    several = 0
    for t in marks:
        assert t.hovertemplate.endswith("<extra></extra>") and f"<b>{t.name}</b> · " in t.hovertemplate
        for eid, label, sent in zip(t.customdata, charts.shown_hovers(t), t.hovertext, strict=True):
            assert not sent.startswith("<b>")  # the bold type is the template's
            if eid:
                assert label == own[eid]
            else:
                several += 1
                n = int(label.removeprefix("<b>").split(" ")[0])
                head = f"<b>{n} events this day</b> (drag a box to select them), e.g.<br><b>{t.name}</b> · "
                assert n > 1 and label.startswith(head) and label.removeprefix(head) == sent
    assert several


def test_hovers_not_starting_with_their_type_are_sent_whole() -> None:
    """A hover of the events' own (not :func:`charts.hover_text`'s) and a type whose name Plotly would read as a
    template field (``%{x}``) keep their whole text per mark and no template."""
    df = charts.with_hover(frame([event("talks", "2020-02-08"), event("%{x}", "2020-02-09")]))
    df.loc[0, "hover"] = "a hover of my own"
    fig = timeline_figure(df)
    marks = [t for t in fig.data if t.mode == "markers" and t.customdata is not None and len(t.x) and t.x[0]]
    assert len(marks) == 2 and all(t.hovertemplate is None and t.hoverinfo == "text" for t in marks)
    assert sorted(h for t in marks for h in charts.shown_hovers(t)) == sorted(df["hover"])


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_plotly_shows_the_same_hover_labels_from_templates_as_from_whole_texts(monkeypatch) -> None:  # noqa: ANN001
    """In Chromium, Plotly writes each mark's label from its trace's template and its own fields exactly as it
    writes the whole text: markup from the data shown as written, Arabic lines, a count line."""
    import json

    import plotly
    from playwright.sync_api import sync_playwright

    rows = [event("talks", "2020-02-08", actors=[{**TURKEY, "name": HOSTILE}], evidence=f"Talks {HOSTILE}.")] * 3 + [
        event("offensive", "2020-02-09", language="ar", evidence=f"قصف {HOSTILE}"),
        event("offensive", "2020-02-12", status="failed", evidence="An attack & a 100% failure %{x}."),
    ]  # fmt: skip
    df = frame(rows)
    df["event_id"] = [f"e{i}" for i in range(len(df))]
    monkeypatch.setattr(charts, "DAILY_MARKS", 2)  # the three talks: one mark of several events
    monkeypatch.setattr(charts, "SVG_MARKS", 0)  # WebGL, as at 100k events: hovers by template
    fig = json.loads(timeline_figure(df).to_json())
    for t in fig["data"]:  # drawn as SVG: headless Chromium without a GPU draws no WebGL hover
        t["type"] = "scatter"
    whole = json.loads(json.dumps(fig))
    for t in whole["data"]:
        if t.get("hovertemplate"):
            t["hovertext"] = charts.shown_hovers(t)
            t["hoverinfo"] = "text"
            for k in ("hovertemplate", "text"):
                t.pop(k, None)
    points = [(i, k) for i, t in enumerate(fig["data"]) if t.get("hovertemplate") for k in range(len(t["x"]))]
    assert len(points) == 3
    page_html = (
        f"<html><head><script>{plotly.offline.get_plotlyjs()}</script></head><body>"
        '<div id="a" style="width:900px;height:400px"></div><div id="b" style="width:900px;height:400px"></div>'
        f"<script>Plotly.newPlot('a', {json.dumps(fig)});Plotly.newPlot('b', {json.dumps(whole)});</script>"
        "</body></html>"
    )
    # the label's lines and styled runs as drawn (text and style, not positions)
    label = """([id, c, p]) => { const gd = document.getElementById(id);
        Plotly.Fx.unhover(gd); Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: p}]);
        const box = gd.querySelector('.hoverlayer .hovertext text');
        return box ? [...box.querySelectorAll('tspan')].map(t =>
            [t.getAttribute('class'), t.getAttribute('style'), t.textContent]) : null; }"""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.set_content(page_html)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length == 2")
        seen: list[str] = []
        for c, p in points:
            shown = page.evaluate(label, ["a", c, p])
            assert shown and shown == page.evaluate(label, ["b", c, p])
            seen.append(" ".join(text for _, _, text in shown))
        browser.close()
    assert any("3 events this day" in t and "<img src=x" in t for t in seen)  # markup shown as written
    assert any("100% failure %{x}" in t for t in seen) and any("قصف" in t for t in seen)


def test_weeks_middles_written_by_numpy_are_strftimes() -> None:
    """The counts' bars sit mid-week; the ISO texts of their x come from NumPy (no Python call per week) and
    are ``strftime("%Y-%m-%dT%H:%M:%S")``'s, across years, leap days and microsecond units."""
    weeks = pd.Series(pd.to_datetime(["2020-01-06", "1999-12-27", "2024-02-26", "2016-02-29"]).as_unit("us"))
    want = (weeks + pd.Timedelta(days=3.5)).dt.strftime("%Y-%m-%dT%H:%M:%S").tolist()
    assert charts._mid_weeks(weeks).tolist() == want
    assert charts._mid_weeks(weeks.astype("datetime64[ns]")).tolist() == want


def test_an_svg_timeline_sends_its_hovers_whole(events: pd.DataFrame) -> None:
    """A timeline of a few hundred SVG marks (the bundled sample: 62 events) keeps one whole hover text per
    mark, as Plotly drew it before templates (a few KB; the first chart of a browser's first view)."""
    fig = timeline_figure(events)
    marks = [t for t in fig.data if t.mode == "markers" and t.customdata is not None and len(t.x) and t.x[0]]
    assert marks and {t.type for t in marks} == {"scatter"}
    assert all(t.hovertemplate is None and t.hoverinfo == "text" for t in marks)
    own = dict(zip(events["event_id"], charts.with_hover(events)["hover"], strict=True))
    assert all(h == own[i] for t in marks for i, h in zip(t.customdata, t.hovertext, strict=True))
