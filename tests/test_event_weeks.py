"""The weekly counts from week and type codes numbered once per table (``timeline.event_weeks``) are the
counts ``charts.weekly_counts`` groups from the filtered rows (issue 9.14: a new filter counts codes)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pandas as pd

from events_factory import event, frame
from timeline import charts, event_weeks
from timeline import filters as flt


def _events(n: int = 400, seed: int = 11) -> pd.DataFrame:
    """``n`` events over a year and a half, every type and one unknown type, a few undated."""
    rng = random.Random(seed)
    types = ["talks", "ultimatum", "offensive", "ceasefire", "evacuation"]
    rows = [
        event(rng.choice(types), (date(2019, 11, 1) + timedelta(days=rng.randrange(540))).isoformat())
        for _ in range(n)
    ]
    df = frame(rows)
    df.loc[[3, 50, 51], "date_start"] = None
    df.loc[7, "date_start"] = "not a date"
    return df


def test_counts_of_any_mask_are_the_counts_grouped_from_its_rows() -> None:
    ix = flt.index_events(_events())
    wix = event_weeks.index_weeks(ix.events)
    rng = np.random.default_rng(2)
    masks = [
        np.ones(len(ix.events), dtype=bool),
        np.zeros(len(ix.events), dtype=bool),
        ix.events["type"].eq("offensive").to_numpy(),
        flt.filter_mask(ix, flt.Filters(start=date(2020, 3, 1), end=date(2020, 9, 30))),
        rng.random(len(ix.events)) < 0.2,
    ]
    for mask in masks:
        ref = charts.weekly_counts(ix.events[mask])
        pd.testing.assert_frame_equal(event_weeks.weekly_counts(wix, mask), ref)
        assert event_weeks.weeks(wix, mask) == sorted(ref["week"].dt.date.unique())
        figure = charts.counts_figure(counts=event_weeks.weekly_counts(wix, mask))
        assert figure.to_json() == charts.counts_figure(ix.events[mask]).to_json()
    assert "evacuation" in set(event_weeks.weekly_counts(wix, masks[0])["type"])


def test_a_frame_without_an_index_column_day_is_read_from_date_start() -> None:
    df = _events(60)
    wix = event_weeks.index_weeks(df)
    mask = np.ones(len(df), dtype=bool)
    pd.testing.assert_frame_equal(event_weeks.weekly_counts(wix, mask), charts.weekly_counts(df))
    assert all(w.weekday() == 0 for w in event_weeks.weeks(wix, mask))
