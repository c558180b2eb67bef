"""Review state on the timeline and the map (issue 10, "a mark on the timeline and map"): rings on the
timeline's marks per state with legend entries, rims and popup lines on the map; a place picked by a click
on the map for the edit form comes from the gazetteer, nearest the click."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from events_factory import ANKARA, IDLIB, SARAQIB, event, frame
from timeline import charts, maps
from timeline import review as rv


def _reviewed(states: list[str], lanes_by_actor: bool = False) -> pd.DataFrame:
    """Events in the given review states (a real review log applied), each on its own day."""
    rows = [
        event(t, f"2020-02-{10 + k:02d}", places=[dict(p)])
        for k, (t, p) in enumerate(zip(["offensive", "talks", "ceasefire", "offensive", "talks"], [IDLIB, ANKARA, SARAQIB, SARAQIB, IDLIB], strict=True))
    ][: len(states)]  # fmt: skip
    df = frame(rows)
    acts = []
    for (_, row), state in zip(df.iterrows(), states, strict=True):
        r = row.to_dict()
        if state == "confirmed":
            acts.append(rv.confirm(r, "ana", at=f"2026-01-01T00:00:0{len(acts)}"))
        elif state == "rejected":
            acts.append(rv.reject(r, "ana", "not an event", at=f"2026-01-01T00:00:0{len(acts)}"))
        elif state == "corrected":
            acts.append(rv.edit(r, "status", "failed", "ana", at=f"2026-01-01T00:00:0{len(acts)}"))
    return rv.apply_reviews(df, acts).events


def _points(fig, name: str) -> dict[str, tuple]:  # noqa: ANN001 - go.Figure
    """event id -> (x, y) of every point of the traces called ``name``."""
    out = {}
    for t in fig.data:
        if t.name == name and t.customdata is not None:
            for x, y, cd in zip(t.x, t.y, t.customdata, strict=True):
                out.setdefault(str(cd), []).append((pd.Timestamp(x), float(y)))
    return out


@pytest.mark.parametrize("lanes", ["type", "actor"])
def test_each_review_state_has_its_ring_on_the_events_own_mark(lanes: str) -> None:
    df = _reviewed(["confirmed", "corrected", "rejected", "unreviewed", "unreviewed"])
    fig = charts.add_review_marks(charts.timeline_figure(df, lanes=lanes), df)
    state = dict(zip(df["event_id"], df["review"], strict=True))
    marks: dict[str, list] = {}
    for t in fig.data:
        if t.mode == "markers" and t.customdata is not None and not (t.meta or {}).get("review"):
            for x, y, cd in zip(t.x, t.y, t.customdata, strict=True):
                marks.setdefault(str(cd), []).append((pd.Timestamp(x), float(y)))
    for s in ("confirmed", "corrected", "rejected"):
        rings = _points(fig, charts.REVIEW_LABELS[s])
        (eid,) = [e for e, v in state.items() if v == s]
        assert set(rings) == {eid}  # only that event, and on every one of its marks (one per actor lane)
        assert sorted(rings[eid]) == sorted(marks[eid])
        (trace,) = [t for t in fig.data if t.name == charts.REVIEW_LABELS[s]]
        assert trace.marker.symbol == charts.REVIEW_SYMBOLS[s] and trace.hoverinfo == "skip"
    legend = {t.name for t in fig.data if t.showlegend is not False}
    assert {charts.REVIEW_LABELS[s] for s in rv.STATES} <= legend
    assert len(set(charts.REVIEW_SYMBOLS.values())) == 3  # three states, three shapes


def test_no_review_column_or_no_review_adds_nothing() -> None:
    plain = frame([event("offensive"), event("talks", "2020-02-12")])
    before = len(charts.timeline_figure(plain).data)
    assert len(charts.add_review_marks(charts.timeline_figure(plain), plain).data) == before
    nothing = _reviewed(["unreviewed", "unreviewed"])
    assert len(charts.add_review_marks(charts.timeline_figure(nothing), nothing).data) == before


def test_hover_names_the_review_and_the_reviewer() -> None:
    df = charts.with_hover(_reviewed(["corrected", "unreviewed"]))
    assert "Review: corrected by ana" in df["hover"].iloc[0]
    assert "Review" not in df["hover"].iloc[1]


def test_a_week_of_many_events_gets_no_ring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "MAX_MARKS", 2)  # one mark per lane and week from here on
    df = _reviewed(["confirmed", "confirmed", "unreviewed", "confirmed", "unreviewed"])
    fig = charts.add_review_marks(charts.timeline_figure(df), df)
    rings = _points(fig, charts.REVIEW_LABELS["confirmed"])
    shared = {str(c) for t in fig.data if t.customdata is not None for c in t.customdata if str(c)}
    assert set(rings) <= shared and "" not in rings


def test_map_places_count_reviews_rim_and_popup() -> None:
    df = _reviewed(["confirmed", "unreviewed", "rejected", "corrected", "unreviewed"])
    summary = maps.place_summary(df).set_index("name")
    # Idlib: events 0 (confirmed) and 4; Ankara: event 1; Saraqib: events 2 (rejected) and 3 (corrected)
    assert summary.loc[["Idlib", "Ankara", "Saraqib"], "n_reviewed"].tolist() == [1, 0, 2]
    style = {
        f["properties"]["name"]: f["properties"]["style"] for f in maps.place_features(summary.reset_index())
    }
    assert style["Saraqib"]["color"] == charts.REVIEW_COLOR and "dashArray" not in style["Saraqib"]  # all
    assert style["Idlib"]["color"] == charts.REVIEW_COLOR and style["Idlib"]["dashArray"]  # some
    assert style["Ankara"]["color"] == charts.type_color("talks")  # none: the type's rim
    selected = maps.place_features(summary.reset_index(), selected="Saraqib")
    assert (
        next(f for f in selected if f["properties"]["name"] == "Saraqib")["properties"]["style"]["color"]
        == "#000000"
    )
    popup = maps.popup_html(summary.loc["Saraqib"].to_dict() | {"name": "Saraqib"})
    assert "2 events, 2 reviewed" in popup and "✗ rejected" in popup and "✎ corrected" in popup
    assert "reviewed" not in maps.popup_html(summary.loc["Ankara"].to_dict() | {"name": "Ankara"})
    tip = maps.tooltip_text(summary.loc["Idlib"].to_dict() | {"name": "Idlib"})
    assert tip == "Idlib (2 events, 1 reviewed)"
    assert maps.clicked_place({"last_object_clicked_tooltip": tip}, summary.reset_index()) == "Idlib"


def test_map_without_reviews_is_as_before() -> None:
    summary = maps.place_summary(frame([event("offensive", places=[dict(IDLIB)])]))
    assert summary["n_reviewed"].tolist() == [0]
    (feature,) = maps.place_features(summary)
    assert (
        feature["properties"]["style"]["weight"] == 1.5 and "reviewed" not in feature["properties"]["popup"]
    )


def test_a_place_clicked_on_the_map_comes_from_the_gazetteer_nearest_the_click() -> None:
    from timeline.gazetteer import Gazetteer
    from timeline.review.lookup import place_near

    gaz = Gazetteer.load()
    sarmin = place_near(gaz, "Sarmin", 35.905, 36.724)
    assert sarmin and (sarmin["name"], sarmin["admin1"], sarmin["country"]) == ("Sarmin", "Idlib", "SYR")
    assert place_near(gaz, "سراقب", 35.86, 36.80)["name"] == "Saraqib"  # any spelling
    assert place_near(gaz, "Saraqib", 33.5, 36.3) is None  # no Saraqib near Damascus
    assert np.isclose(place_near(gaz, "Ankara", 39.93, 32.86)["lat"], 39.93, atol=0.1)
