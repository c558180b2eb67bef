"""The timeline from marks numbered once per table (``timeline.mark_index``) is the figure
``charts.timeline_figure`` builds from the filtered rows (issue 9.14: a new filter at 100k events costs
the marks' numbers, not the rows' text again)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from events_factory import RUSSIA, TURKEY, event, frame
from timeline import charts, mark_index
from timeline import filters as flt

STATUSES = ["occurred", "ongoing", "planned", "failed"]


def _events(n: int, seed: int) -> pd.DataFrame:
    """``n`` events over two years: every type and one unknown type, every status, both languages,
    periods and ongoing campaigns, a few undated, one date that is no date, missing statuses and ends."""
    rng = random.Random(seed)
    types = ["talks", "ultimatum", "offensive", "ceasefire", "evacuation"]
    rows = []
    for i in range(n):
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(720))
        end = (start + timedelta(days=rng.randrange(1, 60))).isoformat() if rng.random() < 0.15 else None
        rows.append(
            event(
                rng.choice(types),
                start.isoformat(),
                status=rng.choice(STATUSES),
                date_end=end,
                language=rng.choice(["en", "ar"]),
                actors=[dict(TURKEY)] if i % 3 else [dict(RUSSIA), dict(TURKEY)],
                evidence=f"report {i} of the events",
            )
        )
    df = frame(rows)
    df.loc[[3, 50, 51], "date_start"] = None
    df.loc[7, "date_start"] = "not a date"
    df.loc[[9, 11], "status"] = None
    # a reference page (its date a revision, years later): some events dated by it, some ongoing
    wiki = np.arange(len(df)) % 7 == 0
    df.loc[wiki, "source"] = "data/sample/wiki_timeline.md"
    df.loc[wiki, "published"] = "2023-08-20T12:08:00"
    df.loc[wiki & (np.arange(len(df)) % 2 == 0), "date_source"] = "publication"
    return df


def _canonical(fig: object) -> str:
    return json.dumps(json.loads(fig.to_json()), sort_keys=True)  # type: ignore[attr-defined]


@pytest.fixture
def small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Marks by day above 40 events, by week above 300 (as 2,000 and 20,000 do at 100k events)."""
    monkeypatch.setattr(charts, "DAILY_MARKS", 40)
    monkeypatch.setattr(charts, "MAX_MARKS", 300)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_timeline_of_any_mask_is_the_timeline_of_its_rows(small_thresholds: None, seed: int) -> None:
    ix = flt.index_events(charts.with_hover(_events(900, seed)))
    mix = mark_index.index_marks(ix.events)
    rng = np.random.default_rng(seed)
    n = len(ix.events)
    masks = {
        "all (by month: the weeks are too many)": np.ones(n, dtype=bool),
        "one type (by week)": ix.events["type"].eq("offensive").to_numpy(),
        "a date range": flt.filter_mask(ix, flt.Filters(start=date(2019, 6, 1), end=date(2020, 3, 31))),
        "a random fifth (by day)": rng.random(n) < 0.2,
        "a few (one mark per event)": rng.random(n) < 0.03,
        "none": np.zeros(n, dtype=bool),
    }
    kinds = set()
    for name, mask in masks.items():
        plain = charts.timeline_figure(ix.events.loc[mask, mark_index.COLUMNS[:-1]])
        fast = mark_index.timeline_figure(mix, mask)
        assert _canonical(fast) == _canonical(plain), name
        kinds.add(max((len(t.x) for t in fast.data if t.x is not None), default=0))
    assert len(kinds) > 3  # the masks gave marks of several sizes (month, week, day, event)


def test_lanes_by_actor_and_a_date_as_of_take_the_plain_path(small_thresholds: None) -> None:
    ix = flt.index_events(charts.with_hover(_events(400, 3)))
    mix = mark_index.index_marks(ix.events)
    mask = ix.events["type"].ne("talks").to_numpy()
    rows = ix.events.loc[mask, mark_index.COLUMNS[:-1]]
    assert _canonical(mark_index.timeline_figure(mix, mask, lanes="actor")) == _canonical(
        charts.timeline_figure(rows, lanes="actor")
    )
    as_of = date(2019, 9, 1)
    assert _canonical(mark_index.timeline_figure(mix, mask, as_of=as_of)) == _canonical(
        charts.timeline_figure(rows, as_of=as_of)
    )


def test_marks_of_several_events_say_how_many(small_thresholds: None) -> None:
    """The binned marks keep their meaning: counts add up to the events shown, a mark of several events
    has no id (a click selects nothing) and says how many it holds."""
    ix = flt.index_events(charts.with_hover(_events(600, 4)))
    mix = mark_index.index_marks(ix.events)
    mask = ix.events["day"].notna().to_numpy()
    fig = mark_index.timeline_figure(mix, mask)
    marks = [t for t in fig.data if t.mode == "markers" and t.customdata is not None]
    ids = np.concatenate([np.asarray(t.customdata, dtype=str) for t in marks])
    hovers = np.concatenate([np.asarray(charts.shown_hovers(t), dtype=object) for t in marks])
    several = ids == ""
    assert several.any() and (~several).any()
    counts = [int(h.split(" events", 1)[0].removeprefix("<b>")) for h in hovers[several]]
    assert sum(counts) + int((~several).sum()) == int(mask.sum())
