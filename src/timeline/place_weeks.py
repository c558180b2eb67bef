"""The map's places for any week of one filter state, without grouping the events again for each week.

:func:`timeline.maps.place_summary` groups a frame's (event, place) pairs by place: at 100k synthetic
events ~0.3-0.45 s, paid again for every week the map is moved to (``bench/app.py``). Here the pairs of one
filter state are prepared once (:func:`index_places`: place numbers, type codes, the date order; the app
caches it per filter state), and a week's summary (:func:`summary`) only counts the pairs of that week
with NumPy (``bincount``) and takes each place's latest events from the pairs already in date order.
Popup rows are built once per event and kept (:attr:`PlaceIndex.rows_html`), so a week's popups only join
them; the rows new to a filter state are built together, column by column (:mod:`timeline.popup_rows`). The app indexes the pairs of all events once per data version and takes a filter state's pairs with
:func:`subset` (a boolean mask over the pairs, no new index; popup rows shared by every filter state): a new
filter then costs the week's counting only, not 0.1-0.15 s of indexing and 0.1-0.2 s of popup rows at 100k
events.

:func:`summary` gives the frame :func:`timeline.maps.place_summary` gives for the events of that week,
plus the ``popup`` and ``tooltip`` of :func:`timeline.maps.with_popups` (``tests/test_place_weeks.py``
compares them on random weeks and modes). One difference by design: an event listed twice at one place
(two rows of one ``event_id``) counts once, by its first row in the whole filtered frame, not in the week.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from timeline import maps
from timeline.filters import explode_list
from timeline.popup_rows import popup_rows

_KEY = ["name", "admin1", "precision"]
_FIELDS = ["date", "type", "status", "evidence", "language", "about", "review"]
#: The columns :func:`_popup_fields` reads.
_POPUP_COLUMNS = ["date_start", "type", "status", "evidence", "language", "about", "review"]


@dataclass(frozen=True)
class PlaceIndex:
    """The (event, place) pairs of one filtered frame, ready to be summed for any week; read-only, except
    :attr:`rows_html` (per event row, its popup fields and row), a cache that only grows (shared between
    reruns).

    ``places``: one row per place (name, admin1, precision), numbered by first appearance; per pair (in
    the frame's order): ``place`` (its number), ``name_ar`` (as that pair gives it), ``day`` (datetime64[D], NaT when undated),
    ``type_code`` (position in ``types``, sorted by name), ``reviewed`` (bool), ``lat``/``lon`` (degrees,
    rounded to 4 places), ``row`` (position in ``events``); ``by_date``: the pairs, latest day first
    (undated last, ties in frame order); ``events``: the frame (its popup fields are read per week);
    ``ids_unique``: no ``event_id`` is on two rows of the frame (:func:`subset` can then mask pairs).
    """

    places: pd.DataFrame
    place: np.ndarray
    name_ar: np.ndarray
    day: np.ndarray
    type_code: np.ndarray
    types: list[str]
    reviewed: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    row: np.ndarray
    by_date: np.ndarray
    events: pd.DataFrame
    ids_unique: bool = True
    rows_html: dict[int, tuple[dict, str]] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.place)


def index_places(df: pd.DataFrame, places: pd.DataFrame | None = None) -> PlaceIndex:
    """Prepare ``df``'s pairs (columns as :func:`timeline.maps.place_summary` reads them, and ``day`` when
    there: see :func:`timeline.filters.index_events`; ``places``: its exploded place table, ``row`` =
    position in ``df``, built when not given). Places without coordinates are left out, as on the map."""
    if places is None:
        places = explode_list(df["places"], maps._PLACE_FIELDS)
    places = places.dropna(subset=["lat", "lon"])
    rows = places["row"].to_numpy(dtype=np.int64)

    def text(column: str, default: str) -> np.ndarray:
        return places[column].fillna(default).astype(str).to_numpy(dtype=object)

    key = [text("name", ""), text("admin1", ""), text("precision", "point")]
    codes = np.zeros(len(rows), dtype=np.int64)
    for values in key:  # one number per (name, admin1, precision), in order of first appearance
        c, u = pd.factorize(values)
        codes = pd.factorize(codes * max(len(u), 1) + c)[0]
    event_codes, event_ids = pd.factorize(df["event_id"].to_numpy(dtype=object)) if len(df) else (rows, [])
    event = event_codes[rows] if len(df) else rows
    _, keep = np.unique(codes * (len(df) + 1) + event, return_index=True)  # an event once per place
    keep = np.sort(keep)
    rows, codes = rows[keep], codes[keep]
    place = pd.factorize(codes)[0]
    first_pair = keep[np.unique(place, return_index=True)[1]]
    table = pd.DataFrame({k: values[first_pair] for k, values in zip(_KEY, key, strict=True)})
    day_all = (
        df["day"]
        if "day" in df.columns
        else pd.to_datetime(df["date_start"], format="%Y-%m-%d", errors="coerce")
    )
    day = day_all.to_numpy("datetime64[D]")[rows]
    stamp = day.astype(np.int64)
    undated = np.isnat(day)
    by_date = np.lexsort((np.where(undated, 0, -stamp), undated))  # latest first, undated last; stable
    type_all = df["type"].to_numpy(dtype=object)
    type_code, types = pd.factorize(type_all[rows], sort=True)
    return PlaceIndex(
        places=table,
        place=np.asarray(place, dtype=np.int64),
        name_ar=text("name_ar", "")[keep],
        day=day,
        type_code=np.asarray(type_code, dtype=np.int64),
        types=[str(t) for t in types],
        reviewed=maps._review_states(df)[rows] != "unreviewed",
        lat=places["lat"].astype(float).round(4).to_numpy()[keep],
        lon=places["lon"].astype(float).round(4).to_numpy()[keep],
        row=rows,
        by_date=by_date,
        events=df,
        ids_unique=len(event_ids) == len(df),
    )


def subset(pix: PlaceIndex, mask: np.ndarray, places: pd.DataFrame) -> tuple[PlaceIndex, np.ndarray]:
    """The pairs of the events ``mask`` selects (bool per row of ``pix.events``; ``places``: the exploded
    place table ``pix`` was built from, ``row`` = position in ``pix.events``), as an index and a mask over
    its pairs: ``summary(*subset(pix, mask, places))`` equals ``summary(index_places(events[mask], …))``.
    ``pix`` itself and ``mask[pix.row]`` when every event id is on one row (an event at a place counts
    once: with unique ids that is once per row, whatever the mask); else a new index of those events (an
    id on several rows counts by its first row among the selected ones)."""
    if pix.ids_unique:
        return pix, mask[pix.row]
    keep = mask[places["row"].to_numpy()]
    part = places[keep].copy()
    part["row"] = (np.cumsum(mask) - 1)[part["row"].to_numpy()]
    sub = index_places(pix.events.iloc[np.flatnonzero(mask)], part)
    return sub, np.ones(len(sub), dtype=bool)


def _popup_fields(df: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per event row of ``df``, the fields a popup lists (plain object columns)."""

    def col(name: str) -> np.ndarray:
        if name not in df.columns:
            return np.full(len(df), "", dtype=object)
        return df[name].to_numpy(dtype=object)

    return {
        "date": col("date_start"),
        "type": col("type"),
        "status": col("status"),
        "evidence": col("evidence"),
        "language": col("language"),
        "about": maps._about_names(df),
        "review": maps._review_states(df),
    }


def week_pairs(pix: PlaceIndex, week: date | None, mode: str = "cumulative", n_weeks: int = 4) -> np.ndarray:
    """Which pairs the map shows for ``week`` (see :func:`timeline.maps.week_mask`; ``None``: all)."""
    if week is None:
        return np.ones(len(pix), dtype=bool)
    return maps.week_mask(pd.Series(pix.day), week, mode, n_weeks)


def summary(pix: PlaceIndex, mask: np.ndarray | None = None) -> pd.DataFrame:
    """The places of the pairs in ``mask`` (all when ``None``): the columns of
    :func:`timeline.maps.place_summary` (most events first, then by name) plus ``popup`` and ``tooltip``."""
    cols = [*maps.SUMMARY_OUTPUT, "popup", "tooltip"]
    if mask is None:
        mask = np.ones(len(pix), dtype=bool)
    at = np.flatnonzero(mask)
    if not len(at):
        return pd.DataFrame(columns=cols)
    p = pix.place[at]
    n_places, n_types = len(pix.places), len(pix.types)
    first = np.full(n_places, len(at))  # each place's first pair in frame order (no sort: np.unique's)
    np.minimum.at(first, p, np.arange(len(at)))
    shown = np.flatnonzero(first < len(at))  # places of the week
    first_at = first[shown]
    n_events = np.bincount(p, minlength=n_places)
    n_reviewed = np.bincount(p, weights=pix.reviewed[at], minlength=n_places).astype(np.int64)
    by_type = np.bincount(p * n_types + pix.type_code[at], minlength=n_places * n_types)
    by_type = by_type.reshape(n_places, n_types)
    medians = pd.DataFrame({"lat": pix.lat[at], "lon": pix.lon[at]}).groupby(p).median()
    # each place's latest events: the week's pairs in date order, grouped by place (stable), the first few
    dated = pix.by_date[mask[pix.by_date]]
    small = np.int16 if n_places < 2**15 else np.int64  # stable sort of 16-bit numbers: a radix sort
    grouped = dated[np.argsort(pix.place[dated].astype(small), kind="stable")]
    gp = pix.place[grouped]
    starts = np.r_[0, np.flatnonzero(np.diff(gp)) + 1]
    rank = np.arange(len(gp)) - np.repeat(starts, np.diff(np.r_[starts, len(gp)]))
    listed = grouped[rank < maps.POPUP_EVENTS]
    listed_rows = _listed(pix, pix.row[listed])
    per_place: dict[int, list[tuple[dict, str]]] = {}
    for place, row in zip(pix.place[listed].tolist(), listed_rows, strict=True):
        per_place.setdefault(place, []).append(pix.rows_html[row])
    order = shown[np.argsort(first_at, kind="stable")]  # as a group-by in the week's frame order
    name = pix.places["name"].to_numpy()[order]
    name_ar = pix.name_ar[at[np.sort(first_at)]]  # the week's first pair of each place
    counts = by_type[order]
    events = [[ev for ev, _ in per_place[p]] for p in order]
    places = [
        {"name": a, "name_ar": b, "n_events": c, "n_reviewed": d, "events": e}
        for a, b, c, d, e in zip(name, name_ar, n_events[order].tolist(), n_reviewed[order].tolist(), events, strict=True)
    ]  # fmt: skip

    def texts(values: object) -> pd.Series:  # Python strings, as read again (no Arrow there and back)
        return pd.Series(values, dtype=object)

    out = pd.DataFrame(
        {
            "name": texts(name),
            "name_ar": texts(name_ar),
            "lat": medians["lat"].reindex(order).to_numpy(),
            "lon": medians["lon"].reindex(order).to_numpy(),
            "precision": texts(pix.places["precision"].to_numpy(dtype=object)[order]),
            "n_events": n_events[order],
            "n_reviewed": n_reviewed[order],
            "dominant_type": texts(
                np.asarray(pix.types, dtype=object)[counts.argmax(axis=1)]
            ),  # ties: by name
            "type_counts": pd.Series([_type_counts(c, pix.types) for c in counts], dtype=object),
            "events": pd.Series(events, dtype=object),
            "popup": texts(
                [
                    maps.popup_html(pl, [h for _, h in per_place[p]])
                    for p, pl in zip(order, places, strict=True)
                ]
            ),
            "tooltip": texts([maps.tooltip_text(pl) for pl in places]),
        }
    )
    out = out.sort_values(["n_events", "name"], ascending=[False, True], ignore_index=True)
    return out[cols]


def _type_counts(counts: np.ndarray, types: list[str]) -> dict[str, int]:
    """``{type: n}`` of one place, most events first, then by name (as ``place_summary`` orders them)."""
    nonzero = [(-int(n), t) for n, t in zip(counts, types, strict=True) if n]
    return {t: -n for n, t in sorted(nonzero)}


def _listed(pix: PlaceIndex, rows: np.ndarray) -> list[int]:
    """``rows`` (event rows) as a list, each with its popup entry in ``pix.rows_html`` (the event's fields
    and its popup row, built once per event row: only the rows new to this index are read)."""
    cache = pix.rows_html
    rows_list = rows.tolist()
    new = np.asarray(sorted({r for r in rows_list if r not in cache}), dtype=np.int64)
    if len(new):
        read = [c for c in _POPUP_COLUMNS if c in pix.events.columns]  # not the places' lists
        fields = _popup_fields(pix.events[read].iloc[new])
        html_rows = popup_rows(fields)  # maps.popup_row of each, built column by column
        for row, values, html in zip(
            new.tolist(), zip(*(fields[c] for c in _FIELDS), strict=True), html_rows, strict=True
        ):
            cache[row] = (dict(zip(_FIELDS, values, strict=True)), html)
    return rows_list
