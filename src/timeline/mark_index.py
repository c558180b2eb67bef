"""The timeline of any filter state from numbers prepared once per data version.

:func:`timeline.charts.timeline_figure` takes the filtered events' rows (Arrow text columns) and groups
them into marks (more than :data:`~timeline.charts.DAILY_MARKS` events: one mark per lane, type, status,
language and day or week): at 100k synthetic events 0.1-0.2 s per new filter state, most of it taking,
parsing and factorizing the same rows' text again for every state (``bench/app.py --reruns``; cProfile).
Here each event's mark key (type, status, language), its day, week and month, its parsed end and report
days and the x range's days are numbered once (:func:`index_marks`, cached by the app per data version);
a filter state's marks (:func:`timeline_figure`) are then an integer factorization of the events it keeps,
and the figure is built from those marks by the same code (:func:`timeline.charts.marks_figure`).

Same figure as ``charts.timeline_figure(events[mask], lanes)`` (``tests/test_mark_index.py`` compares
their JSON on random frames and masks); lanes by actor, a date ``as_of``, and up to
:data:`~timeline.charts.DAILY_MARKS` events (one mark per event) take that plain path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline import charts
from timeline.marks import day_text, parsed_days
from timeline.model import EVENT_TYPES

#: The columns :func:`timeline.charts.timeline_figure` reads (``review`` for the review marks).
COLUMNS = ["event_id", "type", "status", "language", "date_start", "date_end", "published", "actors",
           "hover", "day", "actor_lanes", "source", "reference", "date_source", "review"]  # fmt: skip
_NAT = np.iinfo(np.int64).min  # NaT as int64


@dataclass(frozen=True)
class MarkIndex:
    """Per event row of ``events`` (a :func:`timeline.charts.with_hover` frame with ``day``; read-only,
    shared between reruns): ``dated`` (has a ``date_start``); ``key`` (number of its type, status and
    language, ``keys`` holding them, status and language "" when missing); ``when[freq]`` /
    ``when_text[freq]`` / ``when_day[freq]`` (number, text and datetime64 of its mark's day for ``freq``
    "D", "W" (mid-week) or "M" (mid-month), as ``charts._binned`` places it); ``end``/``published``
    (``date_end``/``published`` as days: int64 ticks of their unit, :data:`_NAT` when missing; ``day_dtypes`` their dtypes); ``lo``/``hi``
    (the days the x range must cover: start, and end or report day of an ongoing event); ``types`` (type
    per row); ``first_day``, ``event_id``, ``hover`` (object arrays); ``plain`` True when the plain path
    must be taken whatever the mask (an event without id or hover: pandas' group-by skips those);
    ``jitter``, ``jitter_many``: a mark's vertical offset (:func:`timeline.charts._jitter` of its id, hashed
    once per data version: ~9 ms less per 15k marks)."""

    events: pd.DataFrame
    dated: np.ndarray
    key: np.ndarray
    keys: pd.DataFrame
    when: dict[str, np.ndarray]
    when_text: dict[str, np.ndarray]
    when_day: dict[str, np.ndarray]
    end: np.ndarray
    published: np.ndarray
    day_dtypes: dict[str, np.dtype]
    lo: np.ndarray
    hi: np.ndarray
    lo_dtype: np.dtype
    types: np.ndarray
    first_day: np.ndarray
    event_id: np.ndarray
    hover: np.ndarray
    plain: bool
    #: each event's vertical offset (``charts._jitter`` of its id) and a mark of several events' (no id)
    jitter: np.ndarray | None = None
    jitter_many: float = 0.0
    #: each event's hover without its type's head (``charts.hover_head``), None when some hover lacks it
    hover_rest: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.events)


def _ticks(days: pd.Series) -> np.ndarray:
    """Datetimes as int64 ticks of their unit (NaT: :data:`_NAT`)."""
    return days.to_numpy().view(np.int64)


def index_marks(events: pd.DataFrame) -> MarkIndex:
    """Number ``events``' marks once (``events``: :func:`timeline.charts.with_hover` of the schema's table,
    with the ``day`` column of :func:`timeline.filters.index_events`)."""
    ev = events
    status = ev["status"].fillna("")
    language = ev["language"].fillna("")
    key = np.zeros(len(ev), dtype=np.int64)
    for values in (ev["type"], status, language):
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        key = pd.factorize(key * max(len(uniques), 1) + codes)[0]
    first = np.unique(key, return_index=True)[1]
    keys = pd.DataFrame(
        {
            "type": ev["type"].to_numpy(dtype=object)[first],
            "status": status.to_numpy(dtype=object)[first],
            "language": language.to_numpy(dtype=object)[first],
        },
        dtype=object,  # kept as Python strings: see _binned
    )
    day = charts._day(ev)
    whens = {
        "W": (day - pd.to_timedelta(day.dt.day_of_week, unit="D")).dt.normalize() + pd.Timedelta(days=3),
        "M": day.dt.to_period("M").dt.start_time + pd.Timedelta(days=14),
        "D": day,
    }
    when, when_text, when_day = {}, {}, {}
    for freq, days in whens.items():
        when[freq] = np.asarray(pd.factorize(days, use_na_sentinel=False)[0], dtype=np.int64)
        when_text[freq] = day_text(days).to_numpy(dtype=object)
        when_day[freq] = days.to_numpy()
    end = parsed_days(ev["date_end"].astype(str).str[:10], format="%Y-%m-%d")
    reported_day = charts.report_days(ev)  # NaT for a reference page: its revision date ends no bar
    published = parsed_days(ev["published"].astype(str).str[:10], format="%Y-%m-%d")
    published = published.where(reported_day.notna().to_numpy())
    # the x range (as timeline_figure takes it): starts, ends, and an ongoing event's report day
    lo = parsed_days(ev["date_start"]).where(charts.own_dated(ev))  # no revision date stretches it
    hi = parsed_days(ev["date_end"])
    if hi.dtype != lo.dtype:  # one unit for the range's days (whole days: no loss)
        hi = hi.astype(lo.dtype)
    ongoing = ((ev["status"] == "ongoing") & hi.isna()).to_numpy(dtype=bool)
    reported = reported_day
    hi_ticks = _ticks(hi).copy()
    if ongoing.any():
        if reported.dtype != hi.dtype:  # one unit for both (the days are whole: no loss)
            reported = reported.astype(hi.dtype)
        hi_ticks[ongoing] = _ticks(reported)[ongoing]
    hover = ev["hover"].to_numpy(dtype=object)
    event_id = ev["event_id"].to_numpy(dtype=object)
    return MarkIndex(
        events=ev,
        dated=ev["date_start"].notna().to_numpy(dtype=bool),
        key=np.asarray(key, dtype=np.int64),
        keys=keys,
        when=when,
        when_text=when_text,
        when_day=when_day,
        end=_ticks(end),
        published=_ticks(published),
        day_dtypes={"date_end": end.dtype, "published": published.dtype},
        lo=_ticks(lo),
        hi=hi_ticks,
        lo_dtype=lo.dtype,
        types=ev["type"].to_numpy(dtype=object),
        first_day=ev["date_start"].to_numpy(dtype=object),
        event_id=event_id,
        hover=hover,
        plain=bool(pd.isna(event_id).any() or pd.isna(hover).any()),
        jitter=charts._jitter(pd.Series(event_id, dtype=object)),
        jitter_many=float(charts._jitter(pd.Series([""], dtype=object))[0]),
        hover_rest=_hover_rest(hover, ev["type"].to_numpy(dtype=object)),
    )


def _hover_rest(hover: np.ndarray, types: np.ndarray) -> np.ndarray | None:
    """Each hover without its type's head (:func:`timeline.charts.hover_head`), cut once per data version
    (~5 ms less per 15k marks), or None when a hover does not start with it (the figure then checks each
    mark's, :func:`timeline.charts._hover_fields`)."""
    heads = {t: charts.hover_head(str(t)) for t in pd.unique(types)}
    rest = np.empty(len(hover), dtype=object)
    for i, (h, t) in enumerate(zip(hover.tolist(), types.tolist(), strict=True)):
        head = heads.get(t) or charts.hover_head(str(t))  # (a missing type: NaN is no dict key)
        if not (isinstance(h, str) and h.startswith(head)):
            return None
        rest[i] = h[len(head) :]
    return rest


def timeline_figure(
    mix: MarkIndex,
    mask: np.ndarray,
    lanes: str = "type",
    as_of: date | None = None,
    x_range: list[pd.Timestamp] | None = None,
) -> go.Figure:
    """``charts.timeline_figure(mix.events[mask][COLUMNS], lanes, as_of, x_range)`` (``mask``: bool per
    event row)."""
    rows = np.flatnonzero(mask & mix.dated)
    if lanes != "type" or as_of is not None or mix.plain or len(rows) <= charts.DAILY_MARKS:
        cols = [c for c in COLUMNS if c in mix.events.columns]
        return charts.timeline_figure(mix.events.loc[mask, cols], lanes=lanes, as_of=as_of, x_range=x_range)
    if len(rows) > charts.MAX_MARKS:  # by week, or by month when even the weeks are too many
        long = _binned(mix, rows, "W")
        if len(long) > charts.MAX_MARKS:
            long = _binned(mix, rows, "M")
    else:
        long = _binned(mix, rows, "D")
    types = pd.unique(mix.types[rows])
    present = [t for t in EVENT_TYPES if t in set(types)]
    present += sorted({t for t in types if not pd.isna(t)} - set(EVENT_TYPES))
    return charts.marks_figure(long, present[::-1], lanes, x_range or _x_range(mix, rows), as_of)


def _binned(mix: MarkIndex, rows: np.ndarray, freq: str) -> pd.DataFrame:
    """``charts._binned`` of the events at ``rows`` (dated, in frame order) from their numbers."""
    n_when = int(mix.when[freq].max()) + 1 if len(mix.when[freq]) else 1
    local, _ = pd.factorize(mix.key[rows] * n_when + mix.when[freq][rows])  # groups by first appearance
    n_groups = int(local.max()) + 1
    first = rows[np.unique(local, return_index=True)[1]]
    latest = {}
    for name, ticks in (("date_end", mix.end), ("published", mix.published)):
        top = np.full(n_groups, _NAT, dtype=np.int64)
        np.maximum.at(top, local, ticks[rows])  # NaT is the smallest tick: the latest day, NaT if none
        latest[name] = top.view(mix.day_dtypes[name])
    keys = mix.keys.to_numpy()[mix.key[first]]  # columns type, status, language
    # text columns as Python objects, as they are read again: pandas' default Arrow strings would convert
    # each ~15k-mark column there and back (0.02-0.04 s per new filter state at 100k events)
    texts = {
        "lane": keys[:, 0],
        "type": keys[:, 0],
        "status": keys[:, 1],
        "language": keys[:, 2],
        "date_start": mix.when_text[freq][first],
        "first_day": mix.first_day[first],
        "event_id": mix.event_id[first],
        "hover": mix.hover[first],
    }
    out = pd.DataFrame({name: pd.Series(values, dtype=object, copy=False) for name, values in texts.items()})
    out["date_end"] = latest["date_end"]
    out["published"] = latest["published"]
    out["n"] = np.bincount(local, minlength=n_groups).astype(np.int64)
    # each mark's day as its date_start text parses (the group's day; a lone event's own): not parsed again
    many = out["n"].to_numpy() > 1
    out["day"] = np.where(many, mix.when_day[freq][first], mix.when_day["D"][first])
    if mix.jitter is not None:  # each mark's offset as charts._jitter gives it (its id; "" for several)
        out["jitter"] = np.where(many, mix.jitter_many, mix.jitter[first])
    if mix.hover_rest is not None:  # the first event's hover without its type's head
        out["hover_rest"] = pd.Series(mix.hover_rest[first], dtype=object, copy=False)
    return charts.finish_bins(out, freq)


def x_range(mix: MarkIndex, mask: np.ndarray) -> list[pd.Timestamp] | None:
    """The x range of the timeline of the events of ``mask`` (bool per event row), for it and for the
    weekly counts of the same events (:func:`timeline.charts.shared_range`)."""
    return _x_range(mix, np.flatnonzero(mask & mix.dated))


def _x_range(mix: MarkIndex, rows: np.ndarray) -> list[pd.Timestamp] | None:
    """``charts.shared_range`` of the days of ``rows`` (their starts and ends), from their extremes."""
    ticks = np.concatenate([mix.lo[rows], mix.hi[rows]])
    ticks = ticks[ticks != _NAT]
    if not len(ticks):
        return None
    starts = mix.lo[rows]
    starts = starts[starts != _NAT]
    extremes = [starts.min(), starts.max()] if len(starts) else []
    days = pd.Series(np.array([ticks.min(), ticks.max()]).view(mix.lo_dtype))
    return charts.shared_range(days, pd.Series(np.array(extremes, dtype=np.int64).view(mix.lo_dtype)))
