"""The map's places per week from pairs prepared once (``timeline.place_weeks``) are the places
``maps.place_summary`` groups from the week's events, popups included, in every map mode."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from events_factory import ALEPPO, ANKARA, IDLIB, SARAQIB, SOUTH_IDLIB, event, frame
from timeline import filters as flt
from timeline import maps, place_weeks

STATES = ["unreviewed", "confirmed", "corrected", "rejected"]


def _mixed(n: int = 500, seed: int = 7) -> pd.DataFrame:
    """``n`` events over ~20 weeks: every type and status, both languages, one to three places (some
    places many times more than a popup lists, a place twice in one event, another spelling of a place's
    Arabic name, an undated event), ``about`` places and review states."""
    rng = random.Random(seed)
    places = [ALEPPO, ANKARA, IDLIB, SARAQIB, SOUTH_IDLIB, {**IDLIB, "name_ar": "ادلب"}]
    rows = []
    for i in range(n):
        day = date(2020, 1, 6) + timedelta(days=rng.randrange(140))
        picked = [dict(p) for p in rng.sample(places, rng.choice([1, 1, 2, 3]))]
        if i % 17 == 0:
            picked.append(dict(picked[0]))  # the same place twice in one event
        rows.append(
            event(
                rng.choice(["talks", "ultimatum", "offensive", "ceasefire"]),
                day.isoformat(),
                status=rng.choice(["occurred", "ongoing", "planned", "failed"]),
                places=picked,
                language=rng.choice(["en", "ar"]),
                evidence=f"Report {i} <b>&</b> " + "long text " * rng.randrange(30),
            )
        )
    df = frame(rows)
    df.loc[5, "date_start"] = None  # undated: never on a week's map, listed last
    df["about"] = [[dict(ANKARA)] if i % 5 == 0 else [] for i in range(len(df))]
    df["review"] = [rng.choice(STATES) for _ in range(len(df))]
    return df


@pytest.fixture(scope="module")
def indexed() -> flt.EventIndex:
    return flt.index_events(_mixed())


def _reference(ix: flt.EventIndex, mask: np.ndarray) -> pd.DataFrame:
    return maps.with_popups(maps.place_summary(ix.events[mask], flt.places_of(ix, mask)))


@pytest.mark.parametrize(("mode", "n_weeks"), [("cumulative", 1), ("week", 1), ("window", 3)])
def test_every_week_gives_the_places_grouped_from_that_weeks_events(
    indexed: flt.EventIndex, mode: str, n_weeks: int
) -> None:
    pix = place_weeks.index_places(indexed.events, indexed.places)
    days = indexed.events["day"].dropna()
    weeks = pd.date_range(days.min() - pd.Timedelta(days=days.min().day_of_week), days.max(), freq="7D")
    compared, cut = 0, False
    for week in weeks.date:
        mask = maps.week_mask(indexed.events["day"], week, mode, n_weeks)
        fast = place_weeks.summary(pix, place_weeks.week_pairs(pix, week, mode, n_weeks))
        ref = _reference(indexed, mask)
        if not len(ref):
            assert not len(fast)
            continue
        pd.testing.assert_frame_equal(fast, ref, check_dtype=False)
        compared += 1
        cut |= bool((ref["n_events"] > maps.POPUP_EVENTS).any())
    assert compared >= 15
    assert cut  # popups cut to their latest events were compared


def test_all_pairs_without_a_week_are_the_whole_frames_places(indexed: flt.EventIndex) -> None:
    pix = place_weeks.index_places(indexed.events)  # exploded here
    fast = place_weeks.summary(pix)
    ref = _reference(indexed, np.ones(len(indexed.events), dtype=bool))
    pd.testing.assert_frame_equal(fast, ref, check_dtype=False)
    assert fast["n_events"].sum() < sum(len(xs) for xs in indexed.events["places"])  # a place twice: once
    idlib = fast.set_index("name").loc["Idlib"]
    assert idlib["type_counts"] == dict(sorted(idlib["type_counts"].items(), key=lambda kv: (-kv[1], kv[0])))


def test_popup_rows_are_built_once_per_event(
    indexed: flt.EventIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    pix = place_weeks.index_places(indexed.events, indexed.places)
    built: list[str] = []
    real = place_weeks.popup_rows  # the rows new to the index, built column by column

    def counted(fields: dict) -> list[str]:
        built.extend(fields["date"])
        return real(fields)

    monkeypatch.setattr(place_weeks, "popup_rows", counted)
    week = date(2020, 4, 6)
    first = place_weeks.summary(pix, place_weeks.week_pairs(pix, week))
    n = len(built)
    assert n == sum(len(xs) for xs in first["events"]) - _shared(first)
    again = place_weeks.summary(pix, place_weeks.week_pairs(pix, week - timedelta(days=7)))
    assert len(built) < n + sum(len(xs) for xs in again["events"])  # earlier weeks reuse the rows built


def _shared(summary: pd.DataFrame) -> int:
    """Popup entries that are the same event at two places (built once for both)."""
    ids = [id(ev) for xs in summary["events"] for ev in xs]
    return len(ids) - len(set(ids))


def test_a_week_without_events_and_a_frame_without_places_give_no_places(indexed: flt.EventIndex) -> None:
    pix = place_weeks.index_places(indexed.events, indexed.places)
    empty = place_weeks.summary(pix, place_weeks.week_pairs(pix, date(2019, 1, 7), "week"))
    assert not len(empty) and {"popup", "tooltip", "n_events"} <= set(empty.columns)
    none = place_weeks.index_places(frame([event(places=[])]))
    assert not len(place_weeks.summary(none))


@pytest.mark.parametrize("shared_id", [False, True])
def test_a_filter_states_pairs_masked_from_all_events_give_the_places_of_an_index_of_that_state(
    indexed: flt.EventIndex, shared_id: bool
) -> None:
    """Issue 9.14: the app indexes every event's pairs once and masks them per filter state (``subset``);
    the places and popups are those of an index built from the filtered events alone, in every mode. With
    an event id on two rows (an id counts once per place, by its first selected row) it indexes again."""
    ix = indexed
    if shared_id:
        events = ix.events.copy()
        events.loc[3, "event_id"] = events.loc[40, "event_id"]
        events["places"] = [
            events.loc[40, "places"] if i == 3 else ps for i, ps in enumerate(events["places"])
        ]
        ix = flt.index_events(events.drop(columns=["day", "outlet"]))
    pix = place_weeks.index_places(ix.events, ix.places)
    assert pix.ids_unique is not shared_id
    rng = np.random.default_rng(3)
    masks = [
        ix.events["type"].eq("offensive").to_numpy(),
        flt.filter_mask(ix, flt.Filters(places=("Idlib",))),
        flt.filter_mask(ix, flt.Filters(start=date(2020, 2, 1), languages=("ar",))),
        rng.random(len(ix.events)) < 0.3,
        np.arange(len(ix.events)) != 3,  # the shared id's first row left out: its other row counts
    ]
    weeks = [None, date(2020, 3, 2), date(2020, 4, 13)]
    for mask in masks:
        sub, pairs = place_weeks.subset(pix, mask, ix.places)
        assert (sub is pix) is not shared_id
        ref_pix = place_weeks.index_places(ix.events[mask], flt.places_of(ix, mask))
        for week, mode in zip(weeks, ["cumulative", "week", "window"], strict=True):
            fast = place_weeks.summary(sub, pairs & place_weeks.week_pairs(sub, week, mode, 3))
            ref = place_weeks.summary(ref_pix, place_weeks.week_pairs(ref_pix, week, mode, 3))
            assert len(ref)
            pd.testing.assert_frame_equal(fast, ref)
