"""Plotly figures of the event table: the timeline (lanes by type or actor) and counts per week.

Builders take a DataFrame with the schema's columns and return a ``go.Figure``; they never read files or
Streamlit state, so tests call them on small frames. Marks are WebGL (``scattergl``) when many, so the timeline stays
responsive past 10k events; up to :data:`SVG_MARKS` marks they are SVG (``scatter``): a browser without a
GPU draws a few hundred SVG marks 2-4 times faster than it sets up WebGL. Each point carries its event id as ``customdata``: selections in the app
map back to events through it.
"""

from __future__ import annotations

import html
import textwrap
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.filters import actor_side
from timeline.marks import day_text, grouped, parsed_days
from timeline.model import EVENT_TYPES
from timeline.present import (
    DATED_BY_PUBLICATION,
    DATED_BY_REVISION,
    as_written,
    date_basis,
    period_end,
    season_label,
)
from timeline.source_kinds import reference_rows

#: Okabe-Ito colours (readable by colour-blind readers and in greyscale print).
TYPE_COLORS = {
    "talks": "#0072B2",
    "ultimatum": "#E69F00",
    "offensive": "#D55E00",
    "ceasefire": "#009E73",
}
OTHER_COLOR = "#777777"
#: Planned events are hollow, failed ones crossed, ongoing ones diamonds.
STATUS_SYMBOLS = {"occurred": "circle", "ongoing": "diamond", "planned": "circle-open", "failed": "x"}
#: Above this many events the hover text leaves out the evidence (it would make the page megabytes).
FULL_HOVER_LIMIT = 5000
#: Most lanes shown when lanes are actors; the rest go to one "other actors" lane.
MAX_ACTOR_LANES = 20
_RLE, _PDF = "\u202b", "\u202c"  # right-to-left embedding: Arabic hover lines read right to left


def type_color(event_type: str) -> str:
    return TYPE_COLORS.get(event_type, OTHER_COLOR)


def plotly_text(value: object) -> str:
    """Text Plotly shows verbatim: ``<``, ``>`` and ``&`` escaped, so ``<b>``/``<br>`` in evidence or in a
    name from an event file are shown as written, never as formatting or links (Plotly reads its labels
    as a small HTML dialect and turns entities back into characters)."""
    return html.escape(str(value), quote=False)


def date_label(
    start: object, end: object, precision: object, source: object = None, words: object = None
) -> str:
    """A date as precise as the text allows: "Feb 2020 (month)", "2020-02-10 → 2020-03-05", "summer 2019" (a
    season its words name: :func:`timeline.present.season_label`), with where it
    comes from when the event's words (``words``: its ``date_text``, None: not known) did not state it
    (:func:`timeline.present.date_basis`): "2020-02-10 · dated from context"."""
    s = str(start or "")[:10]
    if not s:
        return "undated"
    prec = str(precision or "day")
    try:
        d = date.fromisoformat(s)
    except ValueError:
        return s
    label = {"month": f"{d:%b %Y} (month)", "year": f"{d.year} (year)", "week": f"week of {s}"}.get(prec, s)
    e = "" if end is None or (not isinstance(end, str) and pd.isna(end)) else str(end)[:10]  # no "→ nan"
    season = season_label(s, e, words) if prec in ("month", "year") else ""
    if season:  # "summer 2019": the season names its months, no end date after it
        label = season
    elif e and e != s and e != period_end(s, prec):  # "Jan 2020 (month)" says its last day
        label += f" → {e}"
    if basis := date_basis(source, words):
        label += f" · {basis}"
    return label


def _names(items: Any, key: str = "name", limit: int = 4) -> str:
    if items is None or isinstance(items, float):
        return ""
    names = [str(x.get(key) or "") for x in items if isinstance(x, dict)]
    names = list(dict.fromkeys(n for n in names if n))
    more = f" +{len(names) - limit}" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def rtl_lines(text: str, width: int = 70) -> str:
    """Wrap Arabic text into right-to-left embedded lines joined by ``<br>`` (for Plotly hover labels);
    the text is escaped (:func:`plotly_text`)."""
    lines = textwrap.wrap(text, width) or [""]
    return "<br>".join(f"{_RLE}{plotly_text(line)}{_PDF}" for line in lines)


def hover_text(row: dict, full: bool = True) -> str:
    """Hover label of one event: type and status, date with its precision, actors, places, evidence.

    Every value from the event is escaped (:func:`plotly_text`); only our own ``<b>``/``<br>`` format it.
    """
    t = plotly_text
    head = f"<b>{t(row.get('type', ''))}</b> · {t(row.get('subtype') or '')} · {t(row.get('status', ''))}"
    when = date_label(
        row.get("date_start"), row.get("date_end"), row.get("date_precision"), row.get("date_source"),
        as_written(row.get("date_text"), row.get("evidence")) if "date_text" in row else None,
    )  # fmt: skip
    if row.get("reference") is True or row.get("reference") is np.True_:  # a reference page's event (indexed)
        when = when.replace(DATED_BY_PUBLICATION, DATED_BY_REVISION)
    lines = [head, t(when)]
    actors, places = _names(row.get("actors")), _names(row.get("places"))
    if actors:
        lines.append(f"Actors: {t(actors)}")
    if places:
        lines.append(f"Places: {t(places)}")
    review = row.get("review")
    if isinstance(review, str) and review not in ("", "unreviewed"):  # a person's review (timeline.review)
        lines.append(
            f"<i>Review: {t(review)}"
            + (f" by {t(row['reviewed_by'])}" if row.get("reviewed_by") else "")
            + "</i>"
        )
    if full:
        evidence = str(row.get("evidence") or "")
        evidence = evidence if len(evidence) <= 280 else evidence[:277] + "…"
        if row.get("language") == "ar":
            lines.append(rtl_lines(evidence))
        else:
            lines.append("<br>".join(t(line) for line in textwrap.wrap(evidence, 70)))
    return "<br>".join(lines)


def with_hover(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` plus a ``hover`` column and ``actor_lanes`` (each event's distinct actors' sides, the lanes
    by actor); compute once per table and cache: it is the slow part of a figure at 100k events."""
    full = len(df) <= FULL_HOVER_LIMIT
    out = df.copy()
    hovers = [hover_text(r, full) for r in df.to_dict("records")]
    out["hover"] = pd.Series(hovers, index=out.index, dtype=object)  # not Arrow: taking 70k rows 20x faster
    out["actor_lanes"] = _actor_lanes(df["actors"])
    return out


def _actor_lanes(actors: pd.Series) -> pd.Series:
    """Each event's distinct actors' sides (a list, [""] without actors): lanes by actor group an actor's
    names by its code's side (:func:`timeline.filters.actor_side`: "President of Turkey", "Recep Tayyip
    Erdogan" and "Turkish government" are all ``TURGOV``, one lane "Turkey"); an actor without a code keeps
    its name."""
    side: dict[str, str] = {}  # code -> side, once per code

    def sides(xs: Any) -> list[str]:
        if xs is None or isinstance(xs, float):
            return [""]
        found = [side.get(c) or side.setdefault(c, actor_side(c)) if (c := str(a.get("code") or "")) else
                 str(a.get("name") or "") for a in xs if isinstance(a, dict)]  # fmt: skip
        return list(dict.fromkeys(n for n in found if n)) or [""]

    return actors.map(sides)


def _day(frame: pd.DataFrame) -> pd.Series:
    """``date_start`` as datetime64 (NaT when missing): the ``day`` column of an indexed table when there
    (see :func:`timeline.filters.index_events`), else parsed."""
    if "day" in frame.columns:
        return frame["day"]
    return pd.to_datetime(frame["date_start"], format="%Y-%m-%d", errors="coerce")


def _jitter(ids: pd.Series, spread: float = 0.6) -> np.ndarray:
    """A stable vertical offset per event, so marks on the same day do not hide each other."""
    ids = pd.Series(ids, dtype=object)
    # categorizing first (pandas' default) makes an Arrow string index of the ids, 4x slower; it hashes
    # the ids the same, except a missing one
    h = pd.util.hash_pandas_object(ids, index=False, categorize=bool(ids.isna().any())).to_numpy()
    return (h % 1000) / 1000.0 * spread - spread / 2


def _lanes(df: pd.DataFrame, lanes: str) -> tuple[pd.DataFrame, list[str]]:
    """One row per mark with its lane label in ``lane``; lanes by type repeat no rows."""
    if lanes == "actor":
        names = df["actor_lanes"] if "actor_lanes" in df.columns else _actor_lanes(df["actors"])
        long = df.assign(lane=names).explode("lane")
        long["lane"] = long["lane"].replace("", None).fillna("(no actor)")
        top = long["lane"].value_counts()
        keep = list(top.index[:MAX_ACTOR_LANES])
        long.loc[~long["lane"].isin(keep), "lane"] = "other actors"
        order = sorted(keep, key=lambda n: (-top[n], n))
        if (long["lane"] == "other actors").any():
            order.append("other actors")
        return long, order[::-1]
    present = [t for t in EVENT_TYPES if (df["type"] == t).any()]
    present += sorted(set(df["type"].dropna().unique()) - set(EVENT_TYPES))
    return df.assign(lane=df["type"]), present[::-1]


#: Above this many marks the timeline draws one mark per lane, type, status, language and week (its hover
#: says how many events it holds; select them with a box), or per month when the weeks are still more than
#: this: the page stays light past 100k events (lanes by actor at 100k: 17.7 MB of figure by week).
MAX_MARKS = 20_000
#: Above this many marks (and up to MAX_MARKS) it draws one mark per lane, type, status, language and day.
DAILY_MARKS = 2_000
#: Marks of one lane closer than this share of the x axis overlap (a 9 px mark on a ~900 px wide plot).
_MARK_SHARE = 1 / 100
#: Up to this many marks the timeline is SVG, above it WebGL (measured in headless Chromium without a GPU:
#: 500 marks draw in ~0.45 s as SVG and ~0.7 s as WebGL, 2,000 in ~0.6 s either way, 20,000 in 1.5 s vs 0.7 s).
SVG_MARKS = 1_500
#: Mark size (px) alone and when the lanes are crowded; marks of several events grow with their count.
MARK_SIZE, DENSE_MARK_SIZE = 9, 7


def _crowded(long: pd.DataFrame) -> bool:
    """True when some lane holds more than two marks within one mark's width: the jitter (0.6 of a lane,
    about 22 px) has room for two marks, more smear into one blot."""
    day = _day(long)
    if day.isna().all():
        return False
    lo, hi = day.min(), day.max()
    width = max((hi - lo) * _MARK_SHARE, pd.Timedelta(days=1))
    bucket = ((day - lo) / width).fillna(-1).astype(int)
    return bool(long.assign(b=bucket).groupby(["lane", "b"], observed=True).size().max() > 2)


def _binned(long: pd.DataFrame, freq: str = "W") -> pd.DataFrame:
    """One row per (lane, type, status, language, week, day or month: ``freq`` "W", "D" or "M"); a week's
    mark sits mid-week, a month's mid-month. The hover of
    its first event is prefixed with the count (column ``n``). A mark of several events carries no id, so
    a click on it selects nothing (a box selects them by date)."""
    day = _day(long)
    if freq == "W":
        when = (day - pd.to_timedelta(day.dt.day_of_week, unit="D")).dt.normalize() + pd.Timedelta(days=3)
    elif freq == "M":  # mid-month
        when = day.dt.to_period("M").dt.start_time + pd.Timedelta(days=14)
    else:
        when = day
    read = ["lane", "type", "status", "language", "event_id", "hover"]  # not the actors' lists: no copy
    keyed = long[read].assign(date_start=day_text(when)).fillna({"status": "", "language": ""})
    keys = ["lane", "type", "status", "language", "date_start"]
    keyed["first_day"] = long["date_start"]
    for col in ("date_end", "published"):  # as days: a max over dates is fast, over Arrow strings it is not
        keyed[col] = parsed_days(long[col].astype(str).str[:10], format="%Y-%m-%d")
    return finish_bins(grouped(keyed, keys), freq)


def finish_bins(out: pd.DataFrame, freq: str) -> pd.DataFrame:
    """The marks of :func:`_binned` from its groups (:func:`timeline.marks.grouped`'s frame): a lone
    event keeps its own day and id, a mark of several events gets no id; its hover (the first event's)
    is prefixed with their count by :func:`marks_figure` (column ``period``: "this week", "this day"...)."""
    many = out["n"] > 1
    out.loc[~many, "date_start"] = out.loc[~many, "first_day"]  # a lone event keeps its own day
    out.loc[many, "event_id"] = ""
    out["period"] = PERIODS.get(freq, "this day")
    out["actors"] = None
    return out


#: How a mark of several events names its span, by the marks' ``freq`` (:func:`_binned`).
PERIODS = {"D": "this day", "W": "this week", "M": "this month"}


def many_head(n: int | str, period: str) -> str:
    """The first line of the hover of a mark of ``n`` events (``period``: :data:`PERIODS`' words), before the
    hover of its first event."""
    return f"<b>{n} events {period}</b> (drag a box to select them), e.g.<br>"


def hover_head(event_type: str) -> str:
    """The start of an event's hover (:func:`hover_text`): its type in bold."""
    return f"<b>{plotly_text(event_type)}</b> · "


def _hover_fields(
    hovers: np.ndarray,
    n: np.ndarray,
    event_type: str,
    period: str,
    rest: np.ndarray | None = None,
    shared: bool = True,
) -> dict[str, Any]:
    """The hover of marks of one trace (one type; ``hovers``: each mark's first event's :func:`hover_text`,
    ``n``: events per mark, all one or all more) as Plotly shows it, in fewer bytes: what all the marks'
    labels share (the type's bold name, a mark of several events' count line) is the trace's
    ``hovertemplate`` and each mark sends only the rest (``hovertext``; the count as ``text``). At 100k
    events that is a third less of the timeline's JSON (its ``<``, ``>`` and ``/`` are sent as six-byte
    escapes), written again on every rerun. Hovers that do not start with the type's name (or a name
    holding ``%{``, which Plotly would read as a field) are sent whole (``hoverinfo="text"``), and so are
    all when not ``shared`` (an SVG timeline: a few hundred marks, a few KB of hovers). ``rest``: each hover
    without its type's head, when known (:mod:`timeline.mark_index` cuts every event's once)."""
    head = hover_head(event_type)
    many = bool(len(n)) and bool(n[0] > 1)
    whole = (
        not shared
        or "%{" in head
        or (rest is None and not all(isinstance(h, str) and h.startswith(head) for h in hovers.tolist()))
    )
    if whole:
        if many:
            hovers = np.array(
                [f"{many_head(k, period)}{h}" for k, h in zip(n.tolist(), hovers.tolist(), strict=True)],
                dtype=object,
            )
        return {"hovertext": _texts(hovers), "hoverinfo": "text"}
    if rest is None:
        rest = np.array([h[len(head) :] for h in hovers.tolist()], dtype=object)
    fields: dict[str, Any] = {"hovertext": _texts(rest)}
    if many:
        fields["text"] = _texts(np.array([str(k) for k in n.tolist()], dtype=object))
    fields["hovertemplate"] = (
        (many_head("%{text}", period) if many else "") + head + "%{hovertext}<extra></extra>"
    )
    return fields


def shown_hovers(trace: Any) -> list[str]:
    """The hover label of each point of a timeline trace as Plotly writes it (its ``hovertemplate`` filled
    with the point's ``text`` and ``hovertext``, or its ``hovertext`` alone), for whatever reads the labels
    (the tests; ``test_charts.py`` checks Plotly writes the same in Chromium)."""
    get = trace.get if isinstance(trace, dict) else lambda k: getattr(trace, k, None)
    texts = list(get("hovertext") if get("hovertext") is not None else [])
    template = get("hovertemplate")
    if not template:
        return [str(h) for h in texts]
    counts = list(get("text")) if get("text") is not None else [""] * len(texts)
    body = template.removesuffix("<extra></extra>")
    return [
        body.replace("%{text}", str(k)).replace("%{hovertext}", str(h))
        for k, h in zip(counts, texts, strict=True)
    ]


def _days_text(values: pd.Series) -> np.ndarray:
    """``values.astype(str).str[:10]`` as a NumPy ``U10`` array (NumPy cuts each text at 10 characters),
    without pandas' Arrow strings there and back (~5 ms per 15k marks); datetimes as their day ("NaT")."""
    if pd.api.types.is_datetime64_dtype(values.dtype):  # naive datetimes: no Timestamp objects made
        return np.datetime_as_string(values.to_numpy().astype("datetime64[D]")).astype("U10")
    return np.asarray(values.to_numpy(dtype=object), dtype="U10")


class _Texts(np.ndarray):
    """An object array of strings whose deep copy is a plain copy: plotly deep-copies every trace's
    properties when it builds a figure and again in ``to_dict``, one ``copy.deepcopy`` call per hover text
    (0.02-0.03 s per 10k marks); strings cannot change, so the copy's items may be the same objects."""

    def __deepcopy__(self, memo: dict[int, Any]) -> np.ndarray:
        return np.array(self, dtype=object, copy=True).view(_Texts)


def _texts(values: np.ndarray) -> np.ndarray:
    """``values`` (an object array of strings) as a :class:`_Texts` view."""
    return np.asarray(values, dtype=object).view(_Texts)


def _periods(d: pd.DataFrame, as_of: pd.Timestamp | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which rows of ``d`` are drawn as a period, and each such row's start and end day ("2020-02-10").

    A period is a date_end after date_start, or ``ongoing`` with no end: drawn up to the day of the
    report that says so (its ``published`` day; never past ``as_of``), not to the newest article.
    """
    start = _day(d)
    end = parsed_days(d["date_end"])
    ongoing = (d["status"] == "ongoing").to_numpy() & end.isna().to_numpy()
    if ongoing.any():
        published = d["published"]
        if pd.api.types.is_datetime64_dtype(published.dtype):  # days already (binned marks): no text parsed
            reported = published.dt.floor("D")  # ~15 ms less per 15k marks
        else:
            reported = pd.to_datetime(_days_text(published), format="%Y-%m-%d", errors="coerce")
            reported = pd.Series(reported, index=d.index)
        if as_of is not None:
            reported = reported.clip(upper=as_of)
        end = end.where(~ongoing, reported)
    has = (end > start).to_numpy() & start.notna().to_numpy()
    return has, _days_text(start[has]), _days_text(end[has])  # as strftime("%Y-%m-%d"), without Python


def _bar_segments(starts: np.ndarray, ends: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x (ISO dates, "" between segments) and y (NaN between) of one line segment per period (``starts``,
    ``ends``: :func:`_periods`' days; ``y``: their marks' heights). NumPy arrays, not lists: Plotly
    validates lists element by element, which is slow at 100k points."""
    k = len(starts)
    xs = np.full(3 * k, "", dtype="U10")
    ys = np.full(3 * k, np.nan)
    xs[0::3] = starts
    xs[1::3] = ends
    ys[0::3] = ys[1::3] = y
    return xs, ys


def latest_published(df: pd.DataFrame) -> pd.Timestamp | None:
    """The latest publication date of a report (a reference page's revision is none: :func:`report_days`):
    ongoing campaigns are drawn up to it."""
    pub = report_days(df).max()
    return None if pd.isna(pub) else pub


def report_days(df: pd.DataFrame) -> pd.Series:
    """The day each event was reported (``published``), NaT for an event from a reference page, whose date
    is its last revision (:mod:`timeline.source_kinds`): an ongoing event's bar never runs to it."""
    days = pd.to_datetime(df["published"].astype(str).str[:10], format="%Y-%m-%d", errors="coerce")
    return days.mask(reference_rows(df))


def own_dated(df: pd.DataFrame) -> np.ndarray:
    """Per event, False when it is dated only by the revision of the reference page it comes from
    (``date_source`` "publication": its text gives no date): such a day must not stretch the timeline's
    range (the mark is drawn; zoom out to see it)."""
    if "date_source" not in df.columns:
        return np.ones(len(df), dtype=bool)
    return ~((df["date_source"] == "publication").to_numpy(dtype=bool) & reference_rows(df))


def padded_range(days: pd.Series, min_days: int = 30, edge: float = 0.03) -> list[pd.Timestamp] | None:
    """An x range of at least ``min_days`` (so one event does not zoom the axis to milliseconds), with a
    margin of ``edge`` of the span (at least 3 days) on each side, so no mark is cut in half at an edge.
    Give every x a mark covers (a bar's both ends), not only its centre."""
    days = pd.to_datetime(pd.Series(days), errors="coerce").dropna()
    if not len(days):
        return None
    lo, hi = days.min(), days.max()
    pad = max(pd.Timedelta(days=min_days) - (hi - lo), pd.Timedelta(0)) / 2
    span = (hi - lo) + 2 * pad
    pad += max(span * edge, pd.Timedelta(days=3))
    return [lo - pad, hi + pad]


def shared_range(days: pd.Series, starts: pd.Series | None = None) -> list[pd.Timestamp] | None:
    """The x range of the timeline and of the weekly counts of the same events, computed once and given to
    both figures, so one date sits at one horizontal position in both (:func:`padded_range` of ``days``,
    every day a mark or a period covers, and of the whole week, Monday to Monday, of each of ``starts``,
    the counts' bars; ``starts`` defaults to ``days``). Only the extremes matter: pass them alone if known.
    None when there is no day."""
    days = pd.to_datetime(pd.Series(days), errors="coerce").dropna()
    starts = days if starts is None else pd.to_datetime(pd.Series(starts), errors="coerce").dropna()
    if not len(days) and not len(starts):
        return None
    first, last = starts.min(), starts.max()
    weeks = [] if pd.isna(first) else [monday(first), monday(last) + pd.Timedelta(days=7)]
    return padded_range(pd.concat([days, pd.Series(weeks, dtype=days.dtype)], ignore_index=True))


def monday(day: pd.Timestamp) -> pd.Timestamp:
    """The Monday (midnight) of ``day``'s week: the weekly counts' weeks start on Monday."""
    return (day - pd.Timedelta(days=day.day_of_week)).normalize()


#: Vertical room a count axis' tick label needs (12 px text and a gap): labels closer than this overlap.
TICK_ROOM_PX = 18


def count_axis(max_count: float, title: str | None = None, plot_px: int | None = None) -> dict[str, Any]:
    """A y axis of counts: whole numbers only (no 0.2 ticks), from zero, labels never clipped. With the
    plot's height ``plot_px``, the step (1, 2, 5, 10, 20, 50 ...) leaves :data:`TICK_ROOM_PX` between
    labels (a 96 px strip counting to 9 gets 0, 2, 4, 6, 8, not ten overlapping digits)."""
    axis: dict[str, Any] = {"rangemode": "tozero", "tickformat": ",d", "automargin": True}
    room = max(2, plot_px // TICK_ROOM_PX) if plot_px else 10  # labels that fit
    if max_count <= room:
        axis["dtick"] = 1
    elif plot_px:
        steps = (m * 10**k for k in range(12) for m in (1, 2, 5))
        axis["dtick"] = next(s for s in steps if max_count / s <= room)
    if title:
        axis["title"] = title
    return axis


#: Plotly's toolbar upright in the plots' right margin (:data:`MODEBAR_ROOM` px wide), so it never covers the
#: legend's entries above the plot (the legend wraps within the plot's width).
MODEBAR = {"orientation": "v"}
MODEBAR_ROOM = 36


def left_margin(labels: list[str] | tuple[str, ...] = ()) -> int:
    """The left margin (px) that holds the longest of ``labels`` (the timeline's lanes, 12 px text, ~7.5 px
    a character) and a count axis' ticks and title. The timeline and the counts under it get the same one
    (and the same right margin, :data:`MODEBAR_ROOM`), so their plots start and end at the same x: with
    :func:`shared_range`, one date sits at one horizontal position in both."""
    longest = max((len(str(x)) for x in labels), default=0)
    return int(max(64, 16 + 7.5 * longest))


#: The top margin (px) that holds the timeline's legend in one row above the plot, and the bottom margin that
#: holds one line of date ticks, in Streamlit's theme (Source Sans, 11 and 12 px), as Plotly's automargin
#: makes them in Chromium (``_fullLayout._size``: t 41, b 37 on a laptop's 1366 px). Given up front, Plotly
#: draws the chart once: with less room it draws it, finds its legend and ticks pushing out and draws it
#: all again (about half of the chart's draw time, on the first view's critical path). Every timeline has
#: a legend row and a line of ticks, so this is never more room than it needs; a legend wrapping into two
#: rows (a narrow window) or two-line ticks (a span of days) still get theirs from automargin.
LEGEND_ROW_ROOM = 41
DATE_TICKS_ROOM = 37

#: Legend of the timeline and the counts: one compact row above the plot.
LEGEND_ROW = {
    "orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "xanchor": "left",
    "font": {"size": 11}, "itemwidth": 30, "tracegroupgap": 0, "itemclick": "toggle",
}  # fmt: skip


def timeline_figure(
    df: pd.DataFrame,
    lanes: str = "type",
    as_of: date | None = None,
    x_range: list[pd.Timestamp] | None = None,
) -> go.Figure:
    """Each event a mark on a date axis in lanes by ``type`` or ``actor``, coloured by type.

    Campaigns (a date_end, or ``ongoing`` up to the day of the report saying so, never past ``as_of``)
    are bars; planned events are hollow, failed ones crosses. Drag selects a date range (``dragmode="select"``).
    The x axis spans ``x_range`` when given (the counts' range: :func:`shared_range`), else the events' own.
    """
    d = df if "hover" in df.columns else with_hover(df)
    cols = [
        "event_id",
        "type",
        "status",
        "language",
        "date_start",
        "date_end",
        "published",
        "actors",
        "hover",
    ]
    cols += [c for c in ("day", "actor_lanes", "source", "reference", "date_source") if c in d.columns]
    dated = d["date_start"].notna()
    d = d[cols] if dated.all() else d.loc[dated, cols]  # no copy of every row when all are dated
    if reference_rows(d).any():  # a revision date ends no bar
        d = d.assign(published=d["published"].astype(object).where(report_days(d).notna(), None))
    long, order = _lanes(d, lanes)
    if len(long) > MAX_MARKS:  # by week, or by month when even the weeks are too many (actor lanes at 100k)
        weekly = _binned(long, "W")
        long = weekly if len(weekly) <= MAX_MARKS else _binned(long, "M")
    elif len(long) > DAILY_MARKS:
        long = _binned(long, "D")
    ends = parsed_days(d["date_end"])
    ongoing = (d["status"] == "ongoing") & ends.isna()
    if ongoing.any():  # ongoing bars end at their report's day
        reported = report_days(d.loc[ongoing])
        ends = pd.concat([ends, reported.clip(upper=pd.Timestamp(as_of)) if as_of else reported])
    if x_range is None:
        starts = parsed_days(d["date_start"])[own_dated(d)]  # a reference page's revision stretches nothing
        x_range = shared_range(pd.concat([starts, ends]), starts)
    return marks_figure(long, order, lanes, x_range, as_of)


def marks_figure(
    long: pd.DataFrame, order: list[str], lanes: str, x_range: list[pd.Timestamp] | None, as_of: date | None
) -> go.Figure:
    """The figure of :func:`timeline_figure` from its marks: ``long`` (one row per mark, binned or not),
    the lanes bottom to top (``order``) and the x axis' range (:func:`padded_range`)."""
    traces: list[dict[str, Any]] = []  # dicts, one Figure at the end: a third of the time of add_trace
    if "n" not in long.columns:
        long = long.assign(n=1)
    kind = "scatter" if len(long) <= SVG_MARKS else "scattergl"  # one kind per figure: no mixed layers

    def scatter(**trace: Any) -> dict[str, Any]:
        return {"type": kind, **trace}

    crowded = _crowded(long) if len(long) > 1 else False
    size = DENSE_MARK_SIZE if crowded else MARK_SIZE
    lane_no = {name: i for i, name in enumerate(order)}
    # the offsets of the marks' ids, hashed once per data version when given (timeline.mark_index)
    jitter = long["jitter"].to_numpy(dtype=float) if "jitter" in long.columns else _jitter(long["event_id"])
    y_all = long["lane"].map(lane_no).to_numpy(dtype=float) + jitter
    until = pd.Timestamp(as_of) if as_of else None
    # every column once as a NumPy array, then each trace's rows by position (no frame taken per trace)
    type_of = long["type"].to_numpy(dtype=object)
    present = set(pd.unique(type_of))  # (not a comparison of every mark per type: 3 ms per 15k marks)
    types = [t for t in EVENT_TYPES if t in present]
    types += sorted({t for t in present if not pd.isna(t)} - set(EVENT_TYPES))
    status_of = long["status"].fillna("").to_numpy(dtype=object)
    lang_of = long["language"].fillna("").to_numpy(dtype=object)
    x_of = _days_text(long["date_start"])  # a third of a timestamp's bytes
    id_of = long["event_id"].to_numpy(dtype=str)
    hover_of = long["hover"].to_numpy()
    n_of = long["n"].to_numpy()
    # each hover without its type's head, when cut once per data version (timeline.mark_index)
    rest_of = long["hover_rest"].to_numpy(dtype=object) if "hover_rest" in long.columns else None
    period_words = str(long["period"].iloc[0]) if "period" in long.columns and len(long) else "this day"
    period, period_start, period_end = _periods(long, until)
    period_at = np.cumsum(period) - 1  # a row's position among the periods
    # types, statuses and languages as numbers: a trace's rows by comparing integers, not every mark's text
    # (~10 ms per 15k marks)
    type_code, type_names = pd.factorize(type_of)  # a missing type: -1, in no trace
    type_no = {name: i for i, name in enumerate(type_names.tolist())}
    status_code, status_names = pd.factorize(status_of)
    lang_code, lang_names = pd.factorize(lang_of)
    n_lang = max(len(lang_names), 1)
    combo_of = status_code * n_lang + lang_code  # (status, language) of each mark as one number
    for t in types:
        sel = type_code == type_no[t]
        bars = sel & period
        if bars.any():
            at = period_at[bars]
            xs, ys = _bar_segments(period_start[at], period_end[at], y_all[bars])
            traces.append(
                scatter(
                    x=xs, y=ys, mode="lines", name=f"{plotly_text(t)} (period)", legendgroup=t,
                    line={"color": type_color(t), "width": 3 if crowded else 6}, opacity=0.4,
                    hoverinfo="skip", showlegend=False,
                )
            )  # fmt: skip
        traces.append(  # the legend entry of the type: a plain dot, whatever the statuses of its events
            scatter(
                x=[None], y=[None], mode="markers", name=plotly_text(t), legendgroup=t,
                marker={"color": type_color(t), "symbol": "circle", "size": MARK_SIZE},
            )
        )  # fmt: skip
        # one trace per (status, language), in their sorted order: scalar symbol and alignment keep 100k
        # points fast to build
        rows = np.flatnonzero(sel)
        combos = combo_of[rows]
        found = np.unique(combos).tolist()
        for status, lang, combo in sorted(
            (status_names[c // n_lang], lang_names[c % n_lang], c) for c in found
        ):
            at = rows[combos == combo]
            # lone events and marks of several events apart: each trace's hovers share one template
            for pos in (at[n_of[at] == 1], at[n_of[at] > 1]):
                if not len(pos):
                    continue
                n = n_of[pos]
                sizes = size + np.minimum(2.0 * np.sqrt(n - 1), 10.0) if n[0] > 1 else size
                traces.append(
                    scatter(
                        x=x_of[pos],
                        y=y_all[pos].round(3),
                        mode="markers",
                        name=plotly_text(t),
                        legendgroup=t,
                        showlegend=False,
                        customdata=id_of[pos],
                        **_hover_fields(
                            hover_of[pos],
                            n,
                            str(t),
                            period_words,
                            None if rest_of is None else rest_of[pos],
                            shared=kind == "scattergl",
                        ),  # fmt: skip
                        hoverlabel={"align": "right" if lang == "ar" else "left"},
                        marker={
                            "color": type_color(t),
                            "symbol": STATUS_SYMBOLS.get(str(status), "circle"),
                            "size": sizes,
                            "opacity": 0.55 if crowded else 0.8,  # overlapping marks show as darker
                            "line": {"width": 1.5, "color": type_color(t)},
                        },
                        meta={"type": t, "status": status, "language": lang},
                    )
                )
    # the symbols, in the same legend row as the types (entries of one legendgroup would stack vertically)
    for status, symbol in STATUS_SYMBOLS.items():
        traces.append(
            scatter(
                x=[None], y=[None], mode="markers", name=status, legendgroup=f"status:{status}",
                marker={"symbol": symbol, "color": "#444", "size": MARK_SIZE},
            )
        )  # fmt: skip
    layout = dict(
        height=max(240, 80 + 36 * len(order)),
        margin={"l": left_margin(order), "r": MODEBAR_ROOM, "t": LEGEND_ROW_ROOM, "b": DATE_TICKS_ROOM},
        modebar=MODEBAR,
        dragmode="select",
        selectdirection="h",
        hovermode="closest",
        legend=LEGEND_ROW,
        xaxis={
            "type": "date",
            "title": None,
            "automargin": True,
            "range": x_range,
        },
        yaxis={
            "tickvals": list(range(len(order))),
            "ticktext": [plotly_text(name) for name in order],
            # room for the jitter (±0.3 of a lane) and a review ring (17 px) of the outer lanes' marks:
            # the top lane's never reach the legend row above the plot, the bottom's the date axis
            "range": [-0.8, len(order) - 0.2],
            "zeroline": False,
            "fixedrange": True,
            "automargin": True,
        },
        meta={"lanes": lanes, "lane_order": order},
    )
    # not validated again: these traces are plain values built here (validation and its deep copies of
    # every hover text cost 0.03-0.06 s at 20k marks); the same figure (its JSON) as validated
    return plain_figure(traces, layout)


def plain_figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """A figure of ``traces`` and ``layout`` (plain values built here, property names as plotly's) without
    plotly's validation: validating a layout walks its property paths one by one (a few ms per figure),
    twice per new filter state (the timeline and the counts). The same figure as ``update_layout``
    makes it (``tests/test_charts.py`` compares their JSON): an axis title given as None or as text is
    written as validation writes it (``{}``, ``{"text": ...}``: plotly.js 3 reads no title given as text),
    and a tuple (an axis range read from another figure) as a list, as validation stores it (plotly reads
    its own lists back by assigning to them)."""
    layout = _lists(layout)
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict) and "title" in axis:
            title = axis["title"]
            if title is None or isinstance(title, str):
                axis["title"] = {} if title is None else {"text": title}
    return go.Figure(data=traces, layout=layout, _validate=False)


def _lists(value: Any) -> Any:
    """``value`` with every dict copied and every tuple a list, all the way down (a layout: a few dozen
    values)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_lists(v) for v in value]
    return value


def weekly_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Events per week (weeks start on Monday) and type: columns week, type, n."""
    day = _day(df)
    ok = day.notna()
    week = (day[ok] - pd.to_timedelta(day[ok].dt.day_of_week, unit="D")).dt.normalize()
    out = pd.DataFrame({"week": week, "type": df.loc[ok, "type"].to_numpy()})
    return out.groupby(["week", "type"], observed=True).size().rename("n").reset_index()


def counts_figure(
    df: pd.DataFrame | None = None,
    *,
    counts: pd.DataFrame | None = None,
    x_range: list[pd.Timestamp] | None = None,
    left: int | None = None,
) -> go.Figure:
    """Counts per week, stacked by type, in the timeline's colours: of ``df``'s events, or ``counts`` when
    already counted (:func:`weekly_counts` or :func:`timeline.event_weeks.weekly_counts`). Each bar carries
    its week's first and last day as ``customdata`` (``["2020-02-03", "2020-02-09"]``) and a drag selects
    dates, as on the timeline: a selection of bars or a box is a date range. The x axis spans
    ``x_range`` when given (the timeline's: :func:`shared_range`), else the weeks' own; the plot starts
    ``left`` px from the figure's edge (the timeline's :func:`left_margin`)."""
    if counts is None:
        counts = weekly_counts(df if df is not None else pd.DataFrame({"date_start": [], "type": []}))
    types = [t for t in EVENT_TYPES if (counts["type"] == t).any()]
    types += sorted(set(counts["type"].unique()) - set(EVENT_TYPES))
    traces = []
    type_of = counts["type"].to_numpy(dtype=object)
    for t in types:
        part = counts[type_of == t]
        traces.append(
            {
                # texts copied as one array when plotly deep-copies the traces (see _Texts)
                "type": "bar", "x": _texts(_mid_weeks(part["week"])), "y": part["n"].to_numpy(),
                "name": plotly_text(t), "marker": {"color": type_color(t)}, "width": 6 * 86_400_000,
                # each bar's days (Monday, Sunday): a click on it selects them (filters.selection_from_plotly)
                "customdata": _texts(np.column_stack([_days_text(part["week"]),
                                                      _days_text(part["week"] + pd.Timedelta(days=6))])),
                "hovertemplate": "week of %{customdata[0]}: %{y} %{fullData.name}<extra></extra>",
            }
        )  # fmt: skip
    top = counts.groupby("week")["n"].sum().max() if len(counts) else 0
    height, margin = 130, {"l": left or left_margin(), "r": MODEBAR_ROOM, "t": 10, "b": 24}
    span = x_range or shared_range(counts["week"])
    layout = dict(
        barmode="stack",
        dragmode="select",  # as the timeline's: a drag selects dates, a click a week (page_scripts.CLICK_SELECTS)
        height=height,  # a strip under the timeline: the map starts on a laptop's first screen
        margin=margin,
        modebar=MODEBAR,
        showlegend=False,  # the same colours as the timeline's legend just above
        xaxis={"type": "date", "title": None, "range": span, "automargin": True, **week_ticks(span)},
        yaxis=count_axis(top, "per week", plot_px=height - margin["t"] - margin["b"]),
    )
    # plain values built here, not validated again (as the timeline's): the validated figure's JSON
    return plain_figure(traces, layout)


def _mid_weeks(weeks: pd.Series) -> np.ndarray:
    """Each week's middle (Thursday noon) as plotly's validator stores a date column: ISO texts
    (``strftime("%Y-%m-%dT%H:%M:%S")``, written by NumPy: no Python call per week)."""
    mid = (weeks + pd.Timedelta(days=3.5)).to_numpy().astype("datetime64[s]")
    return np.datetime_as_string(mid, unit="s").astype(object)


#: Up to this many days on the axis, the weekly counts get a tick per week, dated by day (Plotly's own
#: ticks on a month read "12:00 Jan 30, 2020": hours on a chart of weeks).
WEEK_TICK_DAYS = 63


def week_ticks(span: Any) -> dict[str, Any]:
    """Tick settings for a date axis of weeks spanning ``span`` (two dates): a tick each Monday, labelled
    "03 Feb 2020", when the span is at most :data:`WEEK_TICK_DAYS` days; else Plotly's own ({})."""
    try:
        first, last = (pd.Timestamp(x) for x in span)
    except (TypeError, ValueError):
        return {}
    if pd.isna(first) or pd.isna(last) or (last - first).days > WEEK_TICK_DAYS:
        return {}
    monday = (first - pd.Timedelta(days=first.weekday())).normalize()
    return {"tick0": monday.strftime("%Y-%m-%d"), "dtick": 7 * 86_400_000, "tickformat": "%d %b %Y"}


def event_detail(row: dict) -> tuple[str, str]:
    """The detail view of one event: :func:`timeline.present.event_detail` (kept here for older callers; the
    dashboard's detail view and review panel both use that one, so they read alike)."""
    from timeline.present import event_detail as detail

    return detail(row)


#: Plotly config for ``st.plotly_chart``: the modebar's camera saves SVG.
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "svg", "filename": "timeline"},
}


#: Review state on the timeline (:mod:`timeline.review`): a ring around the mark of a confirmed event, a
#: square around a corrected one, a crossed circle over a rejected one (shown when the "Review state" filter
#: asks for rejected events); an unreviewed event has no ring. One colour, not one of the types'.
REVIEW_SYMBOLS = {"confirmed": "circle-open", "corrected": "square-open", "rejected": "circle-x-open"}
REVIEW_COLOR = "#6A3D9A"
REVIEW_LABELS = {"confirmed": "reviewed: confirmed", "corrected": "reviewed: corrected",
                 "rejected": "reviewed: rejected", "unreviewed": "unreviewed (no ring)"}  # fmt: skip


def add_review_marks(fig: go.Figure, df: pd.DataFrame) -> go.Figure:
    """Mark the review state of ``df``'s events (column ``review``) on a :func:`timeline_figure` of them.

    The marks sit on the figure's own points (found by their event id in ``customdata``), so they follow
    the lanes and the jitter whatever they are; a mark of several events (a binned week) gets none. One
    trace per state present (:data:`REVIEW_SYMBOLS`, legend :data:`REVIEW_LABELS`, click to hide), plus a
    legend entry for the unreviewed ones; no hover of their own (the event's mark keeps its hover). Returns
    ``fig`` (changed in place); unchanged when ``df`` has no ``review`` column or no reviewed event.
    """
    if "review" not in df.columns or not len(df):
        return fig
    if not df["review"].isin(list(REVIEW_SYMBOLS)).any():  # no reviewed event: no 70k-id index to build
        return fig
    state = pd.Series(df["review"].astype(str).to_numpy(), index=df["event_id"].astype(str).to_numpy())
    state = state[~state.index.duplicated()]
    if not state.isin(list(REVIEW_SYMBOLS)).any():
        return fig
    xs: dict[str, list[np.ndarray]] = {s: [] for s in REVIEW_SYMBOLS}
    ys: dict[str, list[np.ndarray]] = {s: [] for s in REVIEW_SYMBOLS}
    ids: dict[str, list[np.ndarray]] = {s: [] for s in REVIEW_SYMBOLS}
    for tr in fig.data:
        if tr.mode != "markers" or tr.customdata is None or (tr.meta or {}).get("review"):
            continue
        cd = np.asarray(tr.customdata, dtype=str)
        of = state.reindex(cd).to_numpy()
        for s in REVIEW_SYMBOLS:
            hit = of == s
            if hit.any():
                xs[s].append(np.asarray(tr.x)[hit])
                ys[s].append(np.asarray(tr.y, dtype=float)[hit])
                ids[s].append(cd[hit])
    scatter = go.Scatter if all(t.type == "scatter" for t in fig.data) else go.Scattergl  # as the marks
    for s, symbol in REVIEW_SYMBOLS.items():
        if not xs[s]:
            continue
        fig.add_trace(
            scatter(
                x=np.concatenate(xs[s]), y=np.concatenate(ys[s]), customdata=np.concatenate(ids[s]),
                mode="markers", name=REVIEW_LABELS[s], legendgroup=f"review:{s}", hoverinfo="skip",
                marker={"symbol": symbol, "color": REVIEW_COLOR, "size": MARK_SIZE + 8,
                        "line": {"width": 2, "color": REVIEW_COLOR}},
                meta={"review": s},
            )
        )  # fmt: skip
    if (state == "unreviewed").any():
        fig.add_trace(
            scatter(
                x=[None], y=[None], mode="markers", name=REVIEW_LABELS["unreviewed"], hoverinfo="skip",
                legendgroup="review:unreviewed", marker={"symbol": "circle", "color": "#bbbbbb", "size": MARK_SIZE},
                meta={"review": "unreviewed"},
            )
        )  # fmt: skip
    return fig
