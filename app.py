"""The timeline dashboard: widgets and layout only; figures, maps, filters and exports live in ``timeline``.

Run with ``timeline serve`` (or ``streamlit run app.py -- --events FILE``). The view state (filters and
the linked selections) lives in the URL, so a copied link reproduces the view.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from timeline import aggregate, charts, dedup, exports, maps, review_ui
from timeline import aggregate_charts as ac
from timeline import filters as flt
from timeline.serve import app_config, load_events

st.set_page_config(page_title="timeline: talks, ultimatums, offensives, ceasefires", layout="wide")
CFG = app_config(sys.argv[1:])
ss = st.session_state


@st.cache_data(show_spinner="Reading events (built from the articles on first start)…")
def base_events(cfg: object) -> pd.DataFrame:
    return load_events(cfg)  # type: ignore[arg-type]


@st.cache_resource(max_entries=4, show_spinner="Indexing events…")
def event_index(key: str, _df: pd.DataFrame) -> flt.EventIndex:
    return flt.index_events(charts.with_hover(_df))


@st.cache_resource(max_entries=4, show_spinner="Merging reports of the same event…")
def merged(key: str, _df: pd.DataFrame) -> tuple[pd.DataFrame, dedup.MergeReport]:
    return dedup.merge_duplicates(_df)


@st.cache_data(max_entries=4, show_spinner="Preparing aggregations…")
def prepared(key: str, _df: pd.DataFrame) -> aggregate.Prepared:
    return aggregate.prepare(_df)


@st.cache_resource
def basemap() -> dict:
    return maps.load_basemap()


@st.cache_resource(show_spinner="Checking whether map tiles can be fetched…")
def tiles_online(url: str) -> bool:
    return maps.tiles_reachable(url)  # once per server: offline, the bundled outlines are used


@st.cache_resource(show_spinner="Starting Chromium for image export…")
def image_server() -> bool:
    return exports.start_image_server()


@st.cache_resource(show_spinner="Loading lexicons and gazetteer…")
def extraction_resources() -> object:
    """Lexicons and gazetteer, loaded once per server (read-only, shared by every upload)."""
    from timeline.pipeline import Resources

    return Resources.load()


def ingest() -> None:
    """Button callback: runs before the rerun, so the new events show in the same pass."""
    from timeline.pipeline import extract_uploads

    files = ss.get("upload") or []
    result = extract_uploads([(f.name, f.getvalue()) for f in files], extraction_resources())  # type: ignore[arg-type]
    ss.uploaded = [*ss.get("uploaded", []), result.events]
    ss.upload_report = (result.n_articles, result.n_events, [(e.source, e.reason) for e in result.errors])


def chart_downloads(cols: list, name: str, fig: object, cite: str) -> None:
    """HTML, PNG and SVG of a chart (with the citation) in the first three of ``cols``."""
    cols[0].download_button("Chart HTML", lambda: exports.figure_html(fig, cite), f"{name}.html", "text/html",
                            key=f"dl-{name}-html")  # fmt: skip
    if not exports.chromium_path():
        cols[1].info(exports.INSTALL_HINT)
        return
    for i, fmt in ((1, "png"), (2, "svg")):
        cols[i].download_button(
            f"Chart {fmt.upper()}", lambda fmt=fmt: (image_server(), exports.figure_image(fig, fmt, cite))[1],
            f"{name}.{fmt}", f"image/{'svg+xml' if fmt == 'svg' else fmt}", key=f"dl-{name}-{fmt}",
        )  # fmt: skip


# -- data -------------------------------------------------------------------------------------------------
base = base_events(CFG)
uploads = ss.get("uploaded", [])
data = pd.concat([base, *uploads], ignore_index=True).drop_duplicates("event_id") if uploads else base
key = f"{CFG.label}:{len(data)}:{'|'.join(data['event_id'].tail(3))}"
ss.setdefault("f_merge", True)
merge = st.sidebar.toggle("Merge reports of the same event across articles", key="f_merge")
if merge:
    n_reports = len(data)
    data, merge_report = merged(key, data)
    key += ":merged"
data, review_key = review_ui.reviewed(CFG, data, key)  # the review log applied; review state filter
key += review_key
ix = event_index(key, data)
opts = flt.filter_options(ix)

# -- view state: URL -> widgets (first run), selections from the linked chart and map -------------------
if "view" not in ss:
    ss.view = flt.from_query_params({k: st.query_params.get_all(k) for k in st.query_params})
    ss.gen = 0
view: flt.Filters = ss.view
for name, value, allowed in (
    ("f_types", view.types, opts.types),
    ("f_status", view.statuses, opts.statuses),
    ("f_actors", view.actors, [n for _, n in opts.actors]),
    ("f_places", view.places, opts.places),
    ("f_langs", view.languages, opts.languages),
    ("f_sources", view.sources, opts.sources),
):
    ss.setdefault(name, [v for v in value if v in allowed])  # a stale link must not break the page
ss.setdefault("f_text", view.text)
ss.setdefault("f_lanes", view.lanes)
ss.setdefault("f_dates", (view.start or opts.first_day, view.end or opts.last_day))
ss.f_dates = review_ui.date_range(ss.f_dates, (opts.first_day, opts.last_day), ss.get("f_bounds"))
ss.f_bounds = (opts.first_day, opts.last_day)  # reviews (and uploads) move the events' range

chart_key, map_key = f"timeline-{ss.gen}", f"map-{ss.gen}"
ids, sel_from, sel_to = flt.selection_from_plotly(ss.get(chart_key))
if (ids, sel_from, sel_to) != ss.get("seen_plot", ((), None, None)):
    ss.seen_plot = (ids, sel_from, sel_to)
    view = replace(view, selected_ids=ids, selected_start=sel_from, selected_end=sel_to)


def clear_selection() -> None:
    ss.view = ss.view.clear_selection()
    ss.gen += 1  # new widget keys drop the chart's selection and the map's last click
    ss.pop("seen_plot", None)
    ss.pop("seen_click", None)


# -- sidebar: filters and upload ------------------------------------------------------------------------
with st.sidebar:
    st.header("Filters")
    st.caption(f"{len(data):,} events from {CFG.label}")
    if merge:
        r = merge_report
        plural = "s" * (r.groups != 1)
        st.caption(
            f"{r.merged + r.groups:,} reports merged into {r.groups:,} event{plural} ({n_reports:,} → {len(data):,})"
        )
    dates = st.date_input("Date range", key="f_dates", min_value=opts.first_day, max_value=opts.last_day)
    types = st.multiselect("Event types", opts.types, key="f_types")
    statuses = st.multiselect("Status", opts.statuses, key="f_status")
    sides = {n: s for s, n in opts.actors}
    actors = st.multiselect(
        "Actors (grouped by side)",
        [n for _, n in opts.actors],
        key="f_actors",
        format_func=lambda n: f"{sides.get(n, '')} · {n}",
    )
    places = st.multiselect("Places", opts.places, key="f_places")
    langs = st.multiselect("Language", opts.languages, key="f_langs")
    sources = st.multiselect("Sources", opts.sources, key="f_sources")
    text = st.text_input("Text in the evidence", key="f_text")
    review_ui.sidebar()
    lanes = st.radio("Timeline lanes", ["type", "actor"], key="f_lanes", horizontal=True)
    use_tiles = st.toggle("Online map tiles", value=CFG.tiles is not None, help="Outlines are used offline")
    with st.expander("Add articles"):
        files = st.file_uploader(
            "Articles (txt, html, json, jsonl, csv, rss…)", accept_multiple_files=True, key="upload"
        )
        st.button("Extract events", disabled=not files, on_click=ingest)
    if "upload_report" in ss:
        n_art, n_ev, errors = ss.upload_report
        st.success(f"Read {n_art} articles, found {n_ev} events.")
        for source, reason in errors:
            st.warning(f"{source}: {reason}")

start, end = (tuple(dates) + (None, None))[:2] if isinstance(dates, tuple | list) else (dates, None)
view = replace(
    view, start=start if start != opts.first_day else None, end=end if end != opts.last_day else None,
    types=tuple(types), statuses=tuple(statuses), actors=tuple(actors), places=tuple(places),
    languages=tuple(langs), sources=tuple(sources), text=text, lanes=lanes,
)  # fmt: skip
ss.view = view
st.query_params.from_dict(flt.to_query_params(view))

# -- main: timeline, counts, map with playback, table | aggregations ------------------------------------
shown = flt.apply_filters(ix, view)
cite = exports.citation(
    shown["source"], view.describe(), len(shown), date.today(), review_ui.n_reviewed(shown)
)
st.title("Talks, ultimatums, offensives and ceasefires")
cols = st.columns([4, 1])
cols[0].markdown(f"**{len(shown):,}** of {len(data):,} events · {view.describe()}")
review_ui.header()
if view.has_selection:
    cols[1].button("Clear selection", on_click=clear_selection, type="primary")
tab_main, tab_agg = st.tabs(["Timeline & map", "Aggregates"])

with tab_main:
    timeline_df = flt.apply_filters(ix, view, time_selection=False)
    fig = charts.timeline_figure(timeline_df, lanes=view.lanes)
    st.plotly_chart(
        fig, key=chart_key, on_select="rerun", selection_mode=("points", "box", "lasso"), config=charts.PLOTLY_CONFIG
    )  # fmt: skip
    st.plotly_chart(charts.counts_figure(shown), config=charts.PLOTLY_CONFIG, key="counts")

    map_mask = flt.filter_mask(ix, view, place_selection=False)
    weeks = sorted(charts.weekly_counts(ix.events[map_mask])["week"].dt.date.unique())
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Where")
        if len(weeks) > 1:
            if "next_week" in ss:
                ss.week = ss.pop("next_week")
            if ss.get("week") not in weeks:
                ss.week = weeks[-1]
            c1, c2, c3 = st.columns([4, 2, 1])
            week = c1.select_slider(
                "Map as of week", weeks, key="week", format_func=lambda d: f"{d:%d %b %Y}"
            )
            mode = c2.selectbox(
                "Map shows", list(maps.MAP_MODES), format_func=maps.MAP_MODES.get, key="map_mode"
            )
            n_weeks = c2.number_input("N weeks", 2, 104, 4, key="map_weeks") if mode == "window" else 1
            playing = c3.toggle("▶ Play", key="playing")
            map_mask = map_mask & maps.week_mask(ix.events["day"], week, mode, int(n_weeks))
        else:
            playing = False
        summary = maps.place_summary(ix.events[map_mask], flt.places_of(ix, map_mask))
        tiles = CFG.tiles or maps.OSM_TILES if use_tiles else None
        offline = bool(tiles) and not tiles_online(tiles)
        fmap = maps.build_map(
            summary, tiles=None if offline else tiles, basemap=basemap(), selected=view.selected_place,
            view_key=map_key,
        )  # fmt: skip
        if offline:
            st.caption(maps.OFFLINE_NOTE)
        state = st_folium(
            fmap, key=map_key, height=520, use_container_width=True, returned_objects=["last_object_clicked"]
        )
        click = (state or {}).get("last_object_clicked")
        if click and click != ss.get(
            "seen_click"
        ):  # a new click: filter the timeline and table to that place
            ss.seen_click = click
            ss.view = replace(view, selected_place=maps.clicked_place(state, summary))
            st.rerun()
        st.caption(
            f"{len(summary)} places · circles: regions (~25 km) and governorates (~60 km) · click a place to filter"
        )

    with right:
        st.subheader("Events")
        table = shown[["date_start", "type", "status", "review", "evidence", "source"]].assign(
            actors=shown["actors"].map(lambda xs: ", ".join(a["name"] for a in xs)),
            places=shown["places"].map(lambda xs: ", ".join(p["name"] for p in xs)),
        )
        if "n_sources" in shown.columns:  # merged reports: how many articles, and which
            table = table.assign(n_sources=shown["n_sources"], sources=shown["sources"].map("; ".join))
        picked = st.dataframe(
            table, hide_index=True, height=520, on_select="rerun", selection_mode="single-row", key="table",
            column_config={"source": st.column_config.TextColumn("source"), "evidence": st.column_config.TextColumn(width="large")},
        )  # fmt: skip

    if picked and picked.selection.rows:
        ev = shown.iloc[picked.selection.rows[0]]
        with st.container(border=True):
            head, evidence_html = charts.event_detail(ev.to_dict())
            st.markdown(head)
            st.html(evidence_html)
    review_ui.panel(shown, picked)


with tab_agg:  # the aggregations follow the sidebar filters and the selections, like the table
    prep = ac.subset(prepared(key, ix.events), flt.filter_mask(ix, view))
    c = st.columns(3)
    freq = c[0].radio("Count per", list(ac.FREQS), index=1, horizontal=True, key="agg_freq")
    by = c[1].radio("Stacked by", list(ac.COUNT_KEYS), horizontal=True, key="agg_by")
    mtypes = ac.matrix_types(prep) or ["offensive"]
    if ss.get("agg_type") not in mtypes:
        ss.agg_type = "offensive" if "offensive" in mtypes else mtypes[0]
    mtype = c[2].selectbox("Who with whom, for", mtypes, key="agg_type")
    views = {
        "counts": ac.counts_view(prep, freq, by),
        "actor-matrix": ac.matrix_view(prep, mtype),
        "campaigns": ac.campaigns_view(prep, as_of=charts.latest_published(ix.events)),
        "talk-rounds": ac.rounds_view(prep),
    }
    for name, v in views.items():
        st.plotly_chart(v.figure, config=charts.PLOTLY_CONFIG, key=f"agg-{name}")
        st.markdown("\n".join(f"- {note}" for note in v.notes))
        if name == "talk-rounds":
            st.dataframe(v.table.drop(columns=["a", "b", "event_ids"]), hide_index=True, key="rounds-table")
        d = st.columns([1, 1, 1, 1, 3])
        chart_downloads(d, name, v.figure, cite)
        d[3].download_button(
            "Table CSV", lambda v=v: ac.table_csv(v.table), f"{name}.csv", "text/csv", key=f"dl-{name}-csv"
        )
        d[4].caption(f"{v.caption} · {len(v.table):,} rows" if v.caption else f"{len(v.table):,} rows")

# -- exports --------------------------------------------------------------------------------------------
with st.expander("Export (every file carries a citation)"):
    st.caption(cite)
    c = st.columns(4)
    chart_downloads(c, "timeline", fig, cite)
    c[3].download_button("Map HTML", lambda: exports.map_html(fmap, cite), "map.html", "text/html")
    d = st.columns(5)
    for i, (name, (suffix, mime)) in enumerate(exports.DATA_FORMATS.items()):
        d[i].download_button(
            f"Events {name}", lambda name=name: exports.events_export(shown, name, cite), f"events.{suffix}", mime,
            key=f"dl-{suffix}",
        )  # fmt: skip
    d[4].download_button("Citation (txt)", exports.citation_file(cite), "CITATION.txt", "text/plain")

if playing and len(weeks) > 1:
    time.sleep(0.8)
    ss.next_week = weeks[(weeks.index(ss.week) + 1) % len(weeks)]
    st.rerun()
