"""Each event's week and type as integer codes, once per table, so the weekly counts of any filter state are
a ``bincount`` of the events it keeps instead of a group-by of their rows.

:func:`timeline.charts.weekly_counts` groups a frame's events by (week, type): at 100k synthetic events
0.03-0.05 s per filter state, and the app asks twice (the counts strip and the map's weeks). Here the weeks
and types are numbered once per data version (:func:`index_weeks`, cached by the app), and
:func:`weekly_counts` / :func:`weeks` of a boolean mask give the same frame / list as grouping
``df[mask]`` (``tests/test_event_weeks.py`` compares them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from timeline.charts import _day


@dataclass(frozen=True)
class WeekIndex:
    """Per event row: ``week_code`` (position in ``weeks``; -1 undated) and ``type_code`` (position in
    ``types``; -1 without a type); ``weeks``: the distinct Mondays (sorted, the frame's datetime unit);
    ``types``: the distinct types (sorted, the frame's dtype). Read-only, shared between reruns."""

    week_code: np.ndarray
    type_code: np.ndarray
    weeks: pd.DatetimeIndex
    types: pd.Index

    def __len__(self) -> int:
        return len(self.week_code)


def index_weeks(df: pd.DataFrame) -> WeekIndex:
    """Number the weeks (Monday of ``day``, or of ``date_start`` parsed) and types of ``df``'s rows."""
    day = _day(df)
    monday = (day - pd.to_timedelta(day.dt.day_of_week, unit="D")).dt.normalize()
    week_code, weeks = pd.factorize(monday, sort=True)
    type_code, types = pd.factorize(df["type"], sort=True)
    return WeekIndex(np.asarray(week_code), np.asarray(type_code), pd.DatetimeIndex(weeks), types)


def weekly_counts(wix: WeekIndex, mask: np.ndarray) -> pd.DataFrame:
    """``charts.weekly_counts(df[mask])``: events per week and type (columns week, type, n), by week then
    type; rows without a day or a type are not counted."""
    ok = mask & (wix.week_code >= 0) & (wix.type_code >= 0)
    n_types = max(len(wix.types), 1)
    n = np.bincount(wix.week_code[ok] * n_types + wix.type_code[ok], minlength=len(wix.weeks) * n_types)
    cells = np.flatnonzero(n)
    return pd.DataFrame(
        {
            "week": wix.weeks.take(cells // n_types),
            "type": np.asarray(wix.types, dtype=object)[cells % n_types],
            "n": n[cells].astype(np.int64),
        }
    )


def weeks(wix: WeekIndex, mask: np.ndarray) -> list[date]:
    """The weeks (Mondays, sorted) of the events of ``mask`` that have a day and a type (as
    ``charts.weekly_counts(df[mask])["week"]`` lists them)."""
    ok = mask & (wix.week_code >= 0) & (wix.type_code >= 0)
    return [d.date() for d in wix.weeks.take(np.unique(wix.week_code[ok]))]
