"""The dashboard's data for one data version and filter state, cached with ``st.cache_resource``.

Every function here is shared by reruns and sessions (treat what they return as read-only): a rerun that
changes no filter (the map's week, a table row, the page) rebuilds nothing. They live in a module, not in
``app.py``: Streamlit makes a cached function's key from its source (``inspect.getsource``) each time the
decorator runs, which in ``app.py`` was every rerun (~26 functions, ~0.01 s per rerun at any size,
cProfile under ``bench/app.py --reruns``); here it runs once per server.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from timeline import (
    aggregate,
    charts,
    dedup,
    event_weeks,
    exports,
    map_widget,
    maps,
    mark_index,
    place_weeks,
)
from timeline import filters as flt
from timeline.frozen_figure import freeze
from timeline.present import SHOWN_AS, TableCells, source_labels
from timeline.serve import load_events

TABLE_ROWS = 5_000  # rows the events table shows (building and sending 100k rows costs seconds)
#: Cache keys of the view state by its repr (all its fields; ~0.01 ms): Streamlit's own hashing of the
#: dataclass takes ~0.5 ms, ~30 times per rerun (0.02 s at 100k events, cProfile under bench/app.py)
BY_REPR = {flt.Filters: repr}


@st.cache_resource(show_spinner="Reading events (built from the articles on first start)…", max_entries=2)
def base_events(cfg: object, uploads: int, gazetteer: str) -> pd.DataFrame:
    """The events (base and uploads); ``uploads`` changes when an upload is stored, ``gazetteer`` when places
    are imported (``timeline gazetteer import``), so they are re-read (and re-extracted with the new places).
    Shared and read-only: ``st.cache_data`` would unpickle a copy on every rerun (1.3 s at 100k events)."""
    return load_events(cfg)  # type: ignore[arg-type]


@st.cache_resource(max_entries=4, show_spinner="Indexing events…")
def event_index(key: str, _df: pd.DataFrame) -> flt.EventIndex:
    """``_df`` indexed for filtering, with its hover texts (once per data version ``key``)."""
    return flt.index_events(charts.with_hover(_df))


@st.cache_resource(max_entries=4)
def filter_options(key: str, _ix: flt.EventIndex) -> flt.FilterOptions:
    """What the sidebar offers for the events of ``_ix`` (once per data version)."""
    return flt.filter_options(_ix)


@st.cache_resource(max_entries=4, show_spinner="Merging reports of the same event…")
def merged(key: str, _df: pd.DataFrame) -> tuple[pd.DataFrame, dedup.MergeReport]:
    """``_df`` with the reports of one event across articles merged, and the merge's report."""
    return dedup.merge_duplicates(_df)


# Figures and the map's places for one filter state, shared by reruns and sessions (treat as read-only):
# a rerun that changes no filter (the map's week, a table row, the page) rebuilds nothing.
def figure_state(view: flt.Filters) -> flt.Filters:
    """The fields of ``view`` that shape the timeline: not the map's week, the tiles, the page, nor its own
    selection (the timeline shows every event and highlights none)."""
    return replace(view, week=None, tiles="", page=flt.PAGES[0], selected_ids=(), selected_start=None,
                   selected_end=None)  # fmt: skip


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_REPR)
def _mask(key: str, f: flt.Filters, place_selection: bool, _ix: flt.EventIndex) -> np.ndarray:
    return flt.filter_mask(_ix, f, place_selection=place_selection)


def event_mask(key: str, f: flt.Filters, _ix: flt.EventIndex, *, place_selection: bool = True) -> np.ndarray:
    """``flt.filter_mask`` once per filter state (read-only): the charts, map, table and counts of a state
    share it (the actor and place look-ups cost 0.01-0.02 s each at 100k events)."""
    return _mask(
        key,
        replace(f, lanes="type", merge=True, week=None, tiles="", page=flt.PAGES[0]),
        place_selection or not f.selected_place,  # no place clicked: the map's mask is the others' mask
        _ix,
    )


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def shown_events(key: str, f: flt.Filters, _ix: flt.EventIndex) -> pd.DataFrame:
    """The events passing ``f`` (read-only: the table's detail, the review panel and the exports read it)."""
    return flt.apply_filters(_ix, f)


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def shown_ids(key: str, f: flt.Filters, _ix: flt.EventIndex) -> pd.DataFrame:
    """``event_id``, ``review`` and :data:`SHOWN_AS` of the events passing ``f``, what every rerun reads (the
    count, the review panel and its source lines): a few columns' rows, not all 30 (taking every column cost
    0.2-0.25 s at 100k events; the two categoricals ~0.01 s)."""
    cols = [c for c in ("event_id", "review", *SHOWN_AS) if c in _ix.events.columns]
    return _ix.events.loc[event_mask(key, f, _ix), cols]


@st.cache_resource(max_entries=4, show_spinner=False)
def marks_index(key: str, _ix: flt.EventIndex) -> mark_index.MarkIndex:
    """The timeline's marks numbered once per data version: a filter's timeline groups numbers, not rows."""
    return mark_index.index_marks(_ix.events)


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def timeline_fig(key: str, f: flt.Filters, _ix: flt.EventIndex) -> object:
    """The timeline of the events passing ``f`` (all of them, whatever it selects), with review marks."""
    mask = event_mask(key, f, _ix)  # f selects no time
    fig = mark_index.timeline_figure(marks_index(key, _ix), mask, lanes=f.lanes, x_range=x_range(key, f, _ix))
    if (reviewed_rows(key, _ix) & mask).any():  # else no ring to draw (and no rows to take)
        fig = charts.add_review_marks(fig, _ix.events.loc[mask, ["event_id", "review"]])
    return freeze(fig)


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def x_range(key: str, f: flt.Filters, _ix: flt.EventIndex) -> list | None:
    """The dates the timeline and the weekly counts both span (one date, one horizontal position in both):
    the events of the timeline's state ``figure_state(f)``, computed once per filter state."""
    return mark_index.x_range(marks_index(key, _ix), event_mask(key, figure_state(f), _ix))


@st.cache_resource(max_entries=4, show_spinner=False)
def reviewed_rows(key: str, _ix: flt.EventIndex) -> np.ndarray:
    """Which events have a review state the timeline rings (once per data version)."""
    return _ix.events["review"].isin(list(charts.REVIEW_SYMBOLS)).to_numpy(dtype=bool)


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def counts_fig(key: str, f: flt.Filters, _ix: flt.EventIndex) -> object:
    """The weekly counts of the events passing ``f``."""
    counts = event_weeks.weekly_counts(week_index(key, _ix), event_mask(key, f, _ix))
    left = timeline_fig(key, figure_state(f), _ix).layout.margin.l  # the timeline's plot area and dates
    return freeze(charts.counts_figure(counts=counts, x_range=x_range(key, f, _ix), left=left))


@st.cache_resource(max_entries=4, show_spinner=False)
def week_index(key: str, _ix: flt.EventIndex) -> event_weeks.WeekIndex:
    """Each event's week and type as numbers (once per data version): counts of a filter are a bincount."""
    return event_weeks.index_weeks(_ix.events)


@st.cache_resource(max_entries=4, show_spinner=False)
def place_index(key: str, _ix: flt.EventIndex) -> place_weeks.PlaceIndex:
    """The map's (event, place) pairs of every event, ready to be counted for any filter and week (once per
    data version; its popup rows are shared by every filter state)."""
    needed = [c for c in (*maps.SUMMARY_COLUMNS, "day") if c in _ix.events.columns]  # not all 30 columns
    return place_weeks.index_places(_ix.events[needed], _ix.places)


@st.cache_resource(max_entries=4, show_spinner=False, hash_funcs=BY_REPR)
def place_pairs(key: str, f: flt.Filters, _ix: flt.EventIndex) -> tuple[place_weeks.PlaceIndex, np.ndarray]:
    """The map's pairs for every filter but its own click and week (a mask over :func:`place_index`)."""
    mask = event_mask(key, f, _ix, place_selection=False)
    return place_weeks.subset(place_index(key, _ix), mask, _ix.places)


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def map_places(
    key: str, f: flt.Filters, mode: str, n_weeks: int, weeks: int, _ix: flt.EventIndex
) -> pd.DataFrame:
    """The map's places, with their popups: every filter but its own click, up to (or in) the week ``f.week``."""
    pix, pairs = place_pairs(key, replace(f, week=None), _ix)
    week = place_weeks.week_pairs(pix, f.week if weeks > 1 else None, mode, n_weeks)
    return place_weeks.summary(pix, pairs & week)


def map_figure(summary: pd.DataFrame, tiles: str | None, selected: str, view_key: str) -> object:
    """The folium map of ``summary`` (built again for each export: rendering spends it)."""
    return maps.build_map(summary, tiles=tiles, basemap=basemap(), selected=selected, view_key=view_key)


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def map_payload(
    key: str,
    f: flt.Filters,
    mode: str,
    n_weeks: int,
    weeks: int,
    tiles: str | None,
    view_key: str,
    _ix: flt.EventIndex,
) -> map_widget.MapPayload:
    """The map as the browser gets it, rendered once per map state (0.3-0.4 s at ~640 places)."""
    summary = map_places(key, replace(f, selected_place=""), mode, n_weeks, weeks, _ix)
    return map_widget.map_payload(map_figure(summary, tiles, f.selected_place, view_key))  # type: ignore[arg-type]


@st.cache_resource(max_entries=4, show_spinner=False)
def table_cells(key: str, _ix: flt.EventIndex) -> TableCells:
    """The table's cells per event row, built when first shown and kept (once per data version)."""
    return TableCells(_ix.events)


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def table_rows(key: str, f: flt.Filters, _ix: flt.EventIndex) -> pd.DataFrame:
    """The first ``TABLE_ROWS`` events passing ``f`` as the table shows them."""
    return table_cells(key, _ix).table(
        np.flatnonzero(event_mask(key, f, _ix))[:TABLE_ROWS]
    )  # those rows only


@st.cache_resource(max_entries=8, show_spinner=False, hash_funcs=BY_REPR)
def map_weeks(key: str, f: flt.Filters, _ix: flt.EventIndex) -> list[date]:
    """The weeks (Mondays) of the events passing ``f`` but the map's own click: the map's week slider."""
    return event_weeks.weeks(week_index(key, _ix), event_mask(key, f, _ix, place_selection=False))


@st.cache_resource(max_entries=4, show_spinner="Preparing aggregations…")  # read-only, shared
def prepared(key: str, _df: pd.DataFrame) -> aggregate.Prepared:
    """The aggregates' prepared tables of ``_df`` (once per data version, built when that page is shown)."""
    return aggregate.prepare(_df)


@st.cache_resource(max_entries=8, show_spinner=False)
def sources_listed(
    key: str, selected: tuple[str, ...], _opts: flt.FilterOptions, _ix: flt.EventIndex
) -> tuple[list[str], bool, dict[str, str], str]:
    """The Sources filter's options (``flt.listed_sources``), each one's label (outlet, day, title) and the
    folder they share (``source_labels``), once per data version and selection (5,000 labels: ~0.02 s)."""
    listed, cut = flt.listed_sources(_opts.sources, selected)
    arts = _ix.events[["source", "title", "published"]].drop_duplicates("source")
    arts = arts[arts["source"].isin(listed)]
    details = dict(zip(arts["source"], zip(arts["title"], arts["published"], strict=True), strict=True))
    return (listed, cut, *source_labels(listed, details))


@st.cache_resource
def basemap() -> dict:
    """The bundled country and governorate outlines (GeoJSON), read once per server."""
    return maps.load_basemap()


@st.cache_resource(show_spinner="Checking whether map tiles can be fetched…")
def tiles_online(url: str) -> bool:
    """Whether map tiles can be fetched from ``url`` (checked once per server)."""
    return maps.tiles_reachable(url)  # once per server: offline, the bundled outlines are used


@st.cache_resource(show_spinner="Starting Chromium for image export…")
def image_server() -> bool:
    """Chromium for the PNG and SVG exports, started once per server (True when it runs)."""
    return exports.start_image_server()


@st.cache_resource(show_spinner="Loading lexicons and gazetteer…")
def extraction_resources(gazetteer: str) -> object:
    """Lexicons and gazetteer, loaded once per server and again after a gazetteer import (read-only, shared
    by every upload)."""
    from timeline.pipeline import Resources

    return Resources.load()
