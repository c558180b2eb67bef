"""The aggregation figures: each builder on a small table whose answers are known by construction."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from events_factory import ANKARA, ARMY, IDLIB, REBELS, RUSSIA, SARAQIB, TURKEY, event, frame
from timeline import aggregate_charts as ac
from timeline.aggregate import prepare
from timeline.charts import TYPE_COLORS

IRAN = {"code": "IRNGOV", "name": "Iran", "role": "participant"}


def _bars(view: ac.View) -> dict[str, float]:
    """Trace name -> total height."""
    return {t.name: float(np.sum(t.y)) for t in view.figure.data}


def test_counts_stack_by_type_per_week_and_month() -> None:
    df = frame(
        [
            event("offensive", "2020-02-03"),  # Monday
            event("offensive", "2020-02-09", evidence="Sunday strike."),  # same week
            event("talks", "2020-02-10", actors=[dict(TURKEY), dict(RUSSIA)]),  # next week
            event("ceasefire", "2020-03-05"),
        ]
    )
    week = ac.counts_view(df, "week", "type")
    assert [t.name for t in week.figure.data] == ["talks", "offensive", "ceasefire"]  # the schema's order
    assert _bars(week) == {"talks": 1, "offensive": 2, "ceasefire": 1}
    assert [t.marker.color for t in week.figure.data] == [
        TYPE_COLORS[t] for t in ("talks", "offensive", "ceasefire")
    ]
    assert week.figure.layout.barmode == "stack"
    off = week.table[week.table["type"] == "offensive"]
    assert off["period"].tolist() == [pd.Timestamp("2020-02-03")] and off["count"].tolist() == [2]
    month = ac.counts_view(prepare(df), "month", "type")
    assert sorted(month.table["period"].dt.strftime("%Y-%m-%d").unique()) == ["2020-02-01", "2020-03-01"]
    assert month.table["count"].sum() == len(df)
    day = ac.counts_view(df, "day", "status")
    assert len(day.table) == 4 and set(day.table["status"]) == {"occurred"}


def test_counts_by_actor_use_names_and_count_each_event_once_per_actor() -> None:
    df = frame(
        [
            event("talks", "2020-02-10", actors=[dict(TURKEY), dict(RUSSIA)]),
            event("talks", "2020-02-11", actors=[dict(TURKEY), dict(IRAN), dict(TURKEY)], evidence="again"),
        ]
    )
    view = ac.counts_view(df, "month", "actor")
    assert _bars(view) == {"Turkey": 2, "Russia": 1, "Iran": 1}
    assert [t.name for t in view.figure.data][0] == "Turkey"  # the largest series first
    places = ac.counts_view(frame([event(places=[dict(IDLIB), dict(SARAQIB)])]), "week", "place")
    assert _bars(places) == {"Idlib": 1, "Saraqib": 1}


def test_counts_beyond_the_largest_series_go_to_other() -> None:
    rows = [
        event("offensive", "2020-02-10", actors=[{"code": f"X{i:02d}", "name": f"group {i}", "role": "initiator"}],
              evidence=f"strike {i}")
        for i in range(ac.MAX_SERIES + 3)
    ]  # fmt: skip
    view = ac.counts_view(frame(rows), "week", "actor")
    assert len(view.figure.data) == ac.MAX_SERIES + 1
    assert _bars(view)["other"] == 3 and sum(_bars(view).values()) == len(rows)


def test_matrix_cells_directed_and_undirected() -> None:
    df = frame(
        [
            event("offensive", "2020-02-06"),  # army -> rebels
            event("offensive", "2020-02-07", evidence="second"),
            event(
                "offensive",
                "2020-02-08",
                actors=[{**REBELS, "role": "initiator"}, {**ARMY, "role": "target"}],
            ),
            event("talks", "2020-02-10", actors=[dict(TURKEY), dict(RUSSIA)], places=[dict(ANKARA)]),
            event(
                "ultimatum",
                "2020-02-05",
                actors=[{**TURKEY, "role": "initiator"}, {**ARMY, "role": "target"}],
            ),
        ]
    )
    assert ac.matrix_types(df) == ["talks", "ultimatum", "offensive"]
    off = ac.matrix_view(df, "offensive")
    heat = off.figure.data[0]
    assert list(heat.x) == list(heat.y) == ["Syria", "opposition factions"]  # the army's state (SYRMIL: SYR)
    z = np.asarray(heat.z, dtype=float)
    assert z[0, 1] == 2 and z[1, 0] == 1 and np.isnan(z[0, 0])  # rows act on columns
    assert off.table["events"].sum() == 3
    talks = np.asarray(ac.matrix_view(df, "talks").figure.data[0].z, dtype=float)
    assert talks[0, 1] == talks[1, 0] == 1  # no direction: both cells
    ult = ac.matrix_view(df, "ultimatum").figure.data[0]
    assert list(ult.y) == ["Syria", "Turkey"] and np.asarray(ult.z, dtype=float)[1, 0] == 1
    empty = ac.matrix_view(df, "ceasefire")
    assert empty.table.empty and len(empty.figure.data[0].x) == 0


def test_campaign_bars_span_start_to_end_and_ongoing_to_the_last_report() -> None:
    df = frame(
        [
            event("offensive", "2020-01-24", subtype="ground_offensive", date_end="2020-02-02", places=[dict(SARAQIB)]),
            event("offensive", "2020-03-01", subtype="ground_offensive", status="ongoing",
                  actors=[{**TURKEY, "role": "initiator"}], places=[dict(ANKARA)], evidence="Turkish push",
                  published="2020-03-06T10:00:00"),
        ]
    )  # fmt: skip
    view = ac.campaigns_view(df, as_of="2020-03-10")
    ended, ongoing = view.figure.data
    assert ended.name == "ended" and ongoing.name.startswith("ongoing")
    assert list(ended.base) == ["2020-01-24"] and list(ended.x) == [10 * 86_400_000]  # 24 Jan..2 Feb
    assert list(ongoing.base) == ["2020-03-01"] and list(ongoing.x) == [6 * 86_400_000]  # to its report
    assert list(ended.y) == ["Syrian army · Idlib"] and list(ongoing.y) == ["Turkey · Ankara"]
    assert view.table["days"].tolist() == [10, 6] and view.table["ongoing"].tolist() == [False, True]
    csv = ac.table_csv(view.table).decode()
    assert "2020-01-24,2020-02-02" in csv
    assert ac.campaigns_view(frame([event("talks", actors=[dict(TURKEY), dict(RUSSIA)])])).table.empty


def test_rounds_are_numbered_per_pair_with_status_symbols() -> None:
    df = frame(
        [
            event(
                "talks", "2020-02-08", status="failed", actors=[dict(TURKEY), dict(RUSSIA)], evidence="one"
            ),
            event(
                "talks", "2020-02-10", status="ongoing", actors=[dict(RUSSIA), dict(TURKEY)], evidence="two"
            ),
            event("talks", "2020-02-20", actors=[dict(TURKEY), dict(IRAN)], evidence="three"),
        ]
    )
    view = ac.rounds_view(df)
    assert view.table[["pair", "round", "status"]].values.tolist() == [
        ["Iran – Turkey", 1, "occurred"],
        ["Russia – Turkey", 1, "failed"],
        ["Russia – Turkey", 2, "ongoing"],
    ]
    trace = next(t for t in view.figure.data if t.name == "Russia – Turkey")
    assert list(trace.text) == ["1", "2"] and list(trace.marker.symbol) == ["x", "diamond"]
    assert (
        "Russia – Turkey: first round failed on 8 Feb 2020, second round began on 10 Feb 2020" in view.notes
    )
    assert ";" not in ac.table_csv(view.table).decode().splitlines()[1]  # one report per round here


def test_subset_keeps_what_the_filter_keeps() -> None:
    df = frame(
        [
            event("offensive", "2020-02-06"),
            event("talks", "2020-02-10", actors=[dict(TURKEY), dict(RUSSIA)]),
            event("talks", "2020-02-12", actors=[dict(TURKEY), dict(IRAN)], evidence="other talks"),
        ]
    )
    p = prepare(df)
    sub = ac.subset(p, (df["type"] == "talks").to_numpy())
    assert len(sub) == 2 and sub.events["row"].tolist() == [0, 1]
    assert sorted(sub.actors["row"].unique()) == [0, 1]
    assert ac.rounds_view(sub).table.equals(ac.rounds_view(df[df["type"] == "talks"]).table)
    assert _bars(ac.counts_view(sub, "week", "type")) == {"talks": 2}
    none = ac.subset(p, np.zeros(len(df), dtype=bool))
    for view in (ac.counts_view(none), ac.matrix_view(none), ac.campaigns_view(none), ac.rounds_view(none)):
        assert view.table.empty


def test_charts_draw_the_busiest_rows_and_the_tables_keep_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ac, "MAX_ACTORS", 2)
    monkeypatch.setattr(ac, "MAX_PAIRS", 1)
    df = frame(
        [
            event("talks", "2020-02-08", actors=[dict(TURKEY), dict(RUSSIA)], evidence="one"),
            event("talks", "2020-02-18", actors=[dict(TURKEY), dict(RUSSIA)], evidence="two"),
            event("talks", "2020-02-20", actors=[dict(TURKEY), dict(IRAN)], evidence="three"),
        ]
    )
    matrix = ac.matrix_view(df, "talks")
    assert list(matrix.figure.data[0].x) == ["Russia", "Turkey"] and len(matrix.table) == 2
    assert "2 of 3 actors" in matrix.caption
    rounds = ac.rounds_view(df)
    assert [t.name for t in rounds.figure.data if t.showlegend is False] == ["Russia – Turkey"]
    assert len(rounds.table) == 3 and "1 of 2 pairs" in rounds.caption


def test_toolbar_upright_beside_the_plots_and_matrix_names_under_it(events: pd.DataFrame) -> None:
    """Issue 9, fresh tester 5: Plotly's toolbar sits upright in the right margin (never over a legend), and
    the matrix's turned names go under the plot (they ran into its title above it)."""
    from timeline.charts import MODEBAR_ROOM, counts_figure, timeline_figure

    views = [ac.counts_view(events, "week", "type"), ac.matrix_view(events, "offensive"),
             ac.campaigns_view(events), ac.rounds_view(events)]  # fmt: skip
    figures = [v.figure for v in views] + [timeline_figure(events), counts_figure(events)]
    for fig in figures:
        assert fig.layout.modebar.orientation == "v" and fig.layout.margin.r >= MODEBAR_ROOM
    assert views[1].figure.layout.xaxis.side == "bottom"


def test_the_matrix_pairs_parties_one_row_and_one_name_per_state() -> None:
    """Fresh tester 11: "Syrian government" and "Syrian Arab Army" (both Syria's) were two rows of the matrix,
    each with half of the state's attacks. A state's government, forces and leaders are one row, named as the
    actor lexicon names the state, as the rounds of talks pair them; an event naming two of them counts once."""
    government = {"code": "SYRGOV", "name": "Syrian government", "role": "initiator"}
    army = {"code": "SYRMIL", "name": "Syrian Arab Army", "role": "initiator"}
    russia = {"code": "RUSMIL", "name": "Russian air force", "role": "initiator"}
    df = frame(
        [
            event("offensive", "2020-02-01", actors=[government, dict(REBELS)]),
            event("offensive", "2020-02-02", actors=[army, dict(REBELS)]),
            event("offensive", "2020-02-03", actors=[government, army, dict(REBELS)]),  # one attack
            event("offensive", "2020-02-04", actors=[russia, dict(REBELS)]),
        ]
    )
    view = ac.matrix_view(df, "offensive")
    heat = view.figure.data[0]
    assert list(heat.y) == ["Russia", "Syria", "opposition factions"]
    z = np.asarray(heat.z, dtype=float)
    assert z[1, 2] == 3 and z[0, 2] == 1
    assert set(zip(view.table["source"], view.table["target"], strict=True)) == {
        ("Syria", "opposition factions"),
        ("Russia", "opposition factions"),
    }
    shuffled = ac.matrix_view(df.iloc[::-1].reset_index(drop=True), "offensive").figure.data[0]
    assert list(shuffled.y) == list(heat.y)  # the same names whatever the events' order


def test_a_chart_with_nothing_to_draw_says_so_instead_of_empty_axes() -> None:
    """Fresh tester 12: under the talks filter, "Campaigns (offensives)" drew an empty chart with a Jan 2000 -
    Jan 2001 axis and a y axis from -1 to 4. Each aggregate with 0 rows says what there is none of."""
    talks_only = frame([event(type="talks", subtype="negotiation", date_start="2020-02-10")])
    for view, what in (
        (ac.campaigns_view(talks_only), "No campaigns (offensives) among the events shown"),
        (ac.matrix_view(talks_only, "offensive"), "No offensive between two actors among the events shown"),
        (ac.rounds_view(frame([event(type="offensive", subtype="airstrike")])), "No rounds of talks"),
    ):
        layout = view.figure.layout
        assert [a.text for a in layout.annotations if a.text.startswith(what)], what
        assert layout.xaxis.visible is False and layout.yaxis.visible is False
    drawn = ac.campaigns_view(frame([event(type="offensive", subtype="ground_offensive", status="ongoing")]))
    assert not drawn.figure.layout.annotations or drawn.figure.layout.xaxis.visible is not False
