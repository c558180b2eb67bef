"""The timeline dashboard: widgets and layout only; figures, maps, filters and exports live in ``timeline``.

Run with ``timeline serve`` (or ``streamlit run app.py -- --events FILE``). The view state (filters and
the linked selections) lives in the URL, so a copied link reproduces the view.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from timeline import aggregate_charts as ac
from timeline import (
    charts,
    exports,
    light_chart,
    link_check,
    map_widget,
    maps,
    page_scripts,
    review_ui,
    staged,
    table_pick,
)
from timeline import filters as flt
from timeline.gazetteer.user import user_gazetteer_version
from timeline.present import (
    COMPACT_CSS,
    event_detail,
    md,
    merge_sentence,
    plural,
    timeline_title,
    upload_messages,
)
from timeline.serve import app_config, store_uploads, uploads_version
from timeline.views import (
    TABLE_ROWS,
    base_events,
    counts_fig,
    event_index,
    extraction_resources,
    figure_state,
    filter_options,
    image_server,
    map_figure,
    map_payload,
    map_places,
    map_weeks,
    merged,
    prepared,
    shown_events,
    shown_ids,
    sources_listed,
    table_rows,
    tiles_online,
    timeline_fig,
)

st.set_page_config(page_title="timeline: talks, ultimatums, offensives, ceasefires", layout="wide")
st.html(COMPACT_CSS)  # the map and the table start on a laptop's first screen
CFG = app_config(sys.argv[1:])
ss = st.session_state


def ingest() -> None:
    """Button callback: stores the uploads' events with the app's events (they survive a reload), then empties
    the uploader (a new key): the next batch is the files added then, not again the ones read (or failed)."""
    files = ss.get(f"upload-{ss.get('upload_gen', 0)}") or []
    resources = extraction_resources(user_gazetteer_version())
    shown = base_events(CFG, uploads_version(CFG), user_gazetteer_version())  # the events before this upload
    rep = store_uploads(CFG, [(f.name, f.getvalue()) for f in files], resources)  # type: ignore[arg-type]
    known = int(shown["event_id"].astype(str).isin(rep.event_ids).sum()) if rep.event_ids else 0
    ss.upload_report = upload_messages(rep.n_articles, rep.n_events, rep.errors, known)
    ss.upload_gen = ss.get("upload_gen", 0) + 1


def download(col: object, label: str, data: object, file_name: str, mime: str, key: str) -> None:
    """A download that never reruns the page (a rerun drops the other buttons' pending files)."""
    col.download_button(label, data, file_name, mime, key=key, on_click="ignore")  # type: ignore[attr-defined]


def chart_downloads(cols: list, name: str, fig: object, cite: str, title: str | None = None) -> None:
    """HTML, PNG and SVG of a chart (with its title, ``title`` when it has none, and the citation) in the
    first three of ``cols``."""
    download(
        cols[0],
        "Chart HTML",
        lambda: exports.figure_html(fig, cite, title),
        f"{name}.html",
        "text/html",
        f"dl-{name}-html",
    )
    if not exports.chromium_path():
        cols[1].info(exports.INSTALL_HINT)
        return
    for i, fmt in ((1, "png"), (2, "svg")):
        download(
            cols[i], f"Chart {fmt.upper()}", lambda fmt=fmt: (image_server(), exports.figure_image(fig, fmt, cite, title=title))[1],
            f"{name}.{fmt}", f"image/{'svg+xml' if fmt == 'svg' else fmt}", f"dl-{name}-{fmt}",
        )  # fmt: skip


def write_url(view: flt.Filters) -> None:
    """Put ``view`` in the URL, with the map's mode and window (kept in the session, out of the figures'
    keys); the link written is kept, so a URL the browser changes (Back, Forward) is told apart."""
    mode, n = ss.get("map_mode", "cumulative"), ss.get("map_weeks", 4)
    params = flt.to_query_params(replace(view, map_mode=mode, map_weeks=int(n) if mode == "window" else 4))
    st.query_params.from_dict(params)
    ss.url_written = flt.normal_params(params)


# -- data -------------------------------------------------------------------------------------------------
try:
    data = base_events(CFG, uploads_version(CFG), user_gazetteer_version())
except ValueError as exc:  # a bad --events path or file: one line, no traceback
    st.error(f"Cannot open the events: {md(exc)}")
    st.stop()
if not len(data) or data["date_start"].isna().all():  # nothing to draw (and no date range to filter)
    st.info(f"No dated events in {md(CFG.label)}: nothing to show. Extract events from articles first.")
    st.stop()
n_uploaded = data.attrs.get("n_uploaded", 0)  # events of uploaded articles, among the events
key = f"{CFG.label}:{len(data)}:{'|'.join(data['event_id'].tail(3))}:{user_gazetteer_version()}"
#: The widgets that hold the view: set from the URL on a first run, and again when Back or Forward changes it
VIEW_WIDGETS = ("f_dates", "f_types", "f_status", "f_actors", "f_places", "f_langs", "f_sources", "f_text",
                "f_review", "f_lanes", "f_tiles", "f_page", "f_merge", "map_mode", "map_weeks", "table",
                "table_pick")  # fmt: skip
asked = {k: st.query_params.get_all(k) for k in st.query_params}
if "view" not in ss:
    ss.view = flt.from_query_params(asked)
    ss.gen = 0
elif link_check.history_navigation() and flt.normal_params(asked) != ss.get("url_written"):  # Back, Forward:
    ss.view = flt.from_query_params(asked)  # the view follows the URL (every filter, the week, the page)
    for name in (*VIEW_WIDGETS, f"week-{ss.gen}"):
        ss.pop(name, None)
ss.setdefault("f_merge", ss.view.merge)
merge = st.sidebar.toggle("Merge reports of the same event across articles", key="f_merge")
# the review log applied to each report, then reports of one event merged; the review state filter
data, review_key = review_ui.reviewed(CFG, data, key, merged(key, data)[0] if merge else None)
key += (":merged" if merge else "") + review_key
ix = event_index(key, data)
opts = filter_options(key, ix)

# -- view state: URL -> widgets (first run), selections from the linked chart and map -------------------
if "link_notes" not in ss:  # a link's values the events cannot show: said in one line, and left out
    ss.link_notes = link_check.link_notes({k: st.query_params.get_all(k) for k in st.query_params}, ss.view,
                                          opts, set(data["event_id"].astype(str)))  # fmt: skip
    known_ids = set(data["event_id"].astype(str))
    ss.view = replace(ss.view, selected_ids=tuple(i for i in ss.view.selected_ids if i in known_ids))
view: flt.Filters = ss.view
for name, value, allowed in (
    ("f_types", view.types, opts.types),
    ("f_status", view.statuses, opts.statuses),
    ("f_actors", view.actors, [n for _, n in opts.actors]),
    ("f_places", view.places, opts.places),
    ("f_langs", view.languages, opts.languages),
    ("f_sources", flt.match_sources(view.sources, opts.sources), opts.sources),  # a link's are relative
):
    ss.setdefault(name, [v for v in value if v in allowed])  # a stale link must not break the page
ss.setdefault("f_text", view.text)
ss.setdefault("f_lanes", view.lanes)
TILES_DEFAULT = CFG.tiles is not None and tiles_online(CFG.tiles)  # offline (detected once): outlines
ss.setdefault("f_tiles", view.tiles == "on" or (view.tiles == "" and TILES_DEFAULT))
ss.setdefault("f_page", view.page)
# the map's mode and window: in the URL, kept out of the figures' keys
ss.setdefault("map_mode", view.map_mode)
ss.setdefault("map_weeks", view.map_weeks)
ss.setdefault("f_dates", (view.start or opts.first_day, view.end or opts.last_day))
ss.f_dates = review_ui.date_range(ss.f_dates, (opts.first_day, opts.last_day), ss.get("f_bounds"))
ss.f_bounds = (opts.first_day, opts.last_day)  # reviews (and uploads) move the events' range

map_key = f"map-{ss.gen}"
seen_plot = ss.setdefault("seen_plot", {})
redrawn = ss.setdefault("plots_redrawn", {"timeline": 0, "counts": 0})  # a chart's box dropped: a new key


def plot_key(name: str) -> str:
    """The widget key of the chart ``name`` (``timeline``, ``counts``): new after "Clear selection", and
    when a selection made on the other chart leaves its box stale."""
    return f"{name}-{ss.gen}" + (f"-{redrawn[name]}" if redrawn[name] else "")


for name in redrawn:  # the timeline's marks or dates, the weekly counts' weeks: the newest selection
    ids, sel_from, sel_to = flt.selection_from_plotly(ss.get(plot := plot_key(name)))
    if (ids, sel_from, sel_to) != seen_plot.get(plot, ((), None, None)):
        seen_plot[plot] = (ids, sel_from, sel_to)
        view = replace(view, selected_ids=ids, selected_start=sel_from, selected_end=sel_to)
        for other in redrawn.keys() - {name}:  # the other chart's box no longer says what is selected:
            if flt.selection_from_plotly(ss.get(plot_key(other))) != ((), None, None):  # drawn again without
                ss.pop(plot_key(other), None)
                redrawn[other] += 1
chart_key, counts_key = plot_key("timeline"), plot_key("counts")


def clear_selection() -> None:
    ss.view = ss.view.clear_selection()
    ss.gen += 1  # new widget keys drop the chart's selection and the map's last click
    for name in ("seen_plot", "seen_click", "was_playing"):  # the week slider gets a new key: latest week
        ss.pop(name, None)
    ss.playing = False


# -- sidebar: filters and upload ------------------------------------------------------------------------
if ss.f_page == "timeline" and staged.first_view(ss):  # a browser's first run: the filters come with the map
    dates, types, statuses, actors, places, langs, text, lanes, use_tiles = (
        ss[k] for k in staged.FILTER_KEYS
    )
    sources = [s for s in ss.f_sources if s in set(opts.sources)]
    st.sidebar.caption("Loading the filters…")
else:
    with st.sidebar:
        st.header("Filters")
        uploaded = f" and uploaded articles ({plural(n_uploaded, 'event')})" if n_uploaded else ""
        st.caption(f"{plural(len(data), 'event')} from {md(CFG.label)}{uploaded}")
        if merge and (said := merge_sentence(review_ui.merge_report())):  # nothing merged: nothing to say
            st.caption(said)
        dates = st.date_input("Date range", key="f_dates", min_value=opts.first_day, max_value=opts.last_day,
                              help="Type the dates and press Enter (or Tab), or pick them in the calendar")  # fmt: skip
        types = st.multiselect("Event types", opts.types, key="f_types")
        statuses = st.multiselect("Status", opts.statuses, key="f_status")
        sides = {n: s for s, n in opts.actors}
        actors = st.multiselect(
            "Actors (grouped by side)",
            [n for _, n in opts.actors],
            key="f_actors",
            format_func=lambda n: f"{sides.get(n, '')} · {n}",
            filter_mode="contains",  # typed text matches within the label shown, never scattered letters
            help="Each actor is shown with its side. Type a side (Turkey, Russia …) and press Enter to pick "
            "every actor whose label holds it: a whole side at once.",
        )
        places = st.multiselect("Places", opts.places, key="f_places", filter_mode="contains")
        langs = st.multiselect("Language", opts.languages, key="f_langs")
        listed, cut, labels, folder = sources_listed(key, tuple(ss.f_sources), opts, ix)
        sources = st.multiselect(
            "Sources", listed, key="f_sources", accept_new_options=cut, format_func=lambda s: labels.get(s, s),
            filter_mode="contains",
            help=" ".join(([f"Files under {md(folder)}."] if folder else [])
                          + ([f"{len(listed):,} of {len(opts.sources):,} sources listed: type a source to add it"]
                             if cut else [])) or None,
        )  # fmt: skip
        if unknown := flt.unknown_sources(sources, opts.sources):
            st.warning(f"No events from {md(', '.join(unknown))}: left out of the filter.")
            sources = [s for s in sources if s not in unknown]
        text = st.text_input("Text in the evidence", key="f_text",
                             help="Searches the sentences that state the events, not the articles' titles")  # fmt: skip
        review_ui.sidebar()
        lanes = st.radio("Timeline lanes", ["type", "actor"], key="f_lanes", horizontal=True,
                         format_func={"type": "type", "actor": "actor's side"}.get)  # fmt: skip
        use_tiles = st.toggle("Online map tiles", key="f_tiles", help="Outlines are used offline")
        with st.expander("Add articles"):
            files = st.file_uploader(
                "Articles (txt, html, json, jsonl, csv, rss…)",
                accept_multiple_files=True,
                key=f"upload-{ss.get('upload_gen', 0)}",
            )
            st.button("Extract events", disabled=not files, on_click=ingest)
        for level, message in ss.get("upload_report", []):
            getattr(st, level)(message)
        st.html(page_scripts.ENTER_APPLIES_DATES, unsafe_allow_javascript=True)  # Enter applies typed dates

start, end = (tuple(dates) + (None, None))[:2] if isinstance(dates, tuple | list) else (dates, None)
view = replace(
    view, start=start if start != opts.first_day else None, end=end if end != opts.last_day else None,
    types=tuple(types), statuses=tuple(statuses), actors=tuple(actors), places=tuple(places),
    languages=tuple(langs), sources=tuple(sources), text=text, lanes=lanes, merge=merge, map_mode="cumulative", map_weeks=4,
    tiles="" if use_tiles == TILES_DEFAULT else ("on" if use_tiles else "off"), review=review_ui.url_states(),
    page=ss.f_page,  # the page radio's value (drawn below): a new page is in the URL before it is built
)  # fmt: skip
shown_state = replace(view, week=None, tiles="", page=flt.PAGES[0], row="")
shown = shown_ids(key, shown_state, ix)  # event_id and review; every column: shown_all()


def table_row(view: flt.Filters) -> str:
    """The event picked in the table (its widget state, before the table is drawn), kept in ``ss.table_pick``:
    the selection follows the event picked, not the row number, when a filter changes the rows; a link's (or
    Back's) row is picked in a session's first table."""
    ids = shown["event_id"]
    if (rows := table_pick.followed_rows(ss.get("table"), ss.get("table_pick"), ids, TABLE_ROWS)) is not None:
        ss["table"] = {"selection": {"rows": rows, "columns": []}}
    elif view.row and "table_pick" not in ss:
        ss["table"] = {"selection": {"rows": table_pick.rows_of(view.row, ids, TABLE_ROWS), "columns": []}}
    ss.table_pick = table_pick.remember(ss.get("table"), ids)
    return ss.table_pick[0] if ss.table_pick else ""


row_known = ss.f_page == "timeline" and bool(ss.get(staged.DRAWN))  # the table is drawn in this run
if row_known:
    view = replace(view, row=table_row(view))
ss.view = view
# the whole view (the table's pick too) at once, before the page is built (the aggregates take seconds, the
# charts, map and table a second or more): a slow run, or one cut short by the next click, leaves no URL a
# step behind the page; the map's week is written as its slider shows it
write_url(view)

# -- main: timeline, counts, map with playback, table | aggregations ------------------------------------
described = view.describe()  # the filters as they are now, for the citation of the exports below


def shown_all() -> pd.DataFrame:
    """The shown events with every column (an event's detail, the exports): taken when one is asked for."""
    return shown_events(key, shown_state, ix)


def citation() -> str:
    """The exports' citation (built only when an export is shown: 0.05-0.1 s at 100k events)."""
    return exports.citation(shown_all(), described, date.today(), review_ui.n_reviewed(shown))


st.title("Talks, ultimatums, offensives and ceasefires")
cols = st.columns([5, 3, 2], vertical_alignment="center")  # one row: counts, page, clear selection
cols[0].markdown(f"**{len(shown):,}** of {len(data):,} events · {md(view.describe())}")
PAGE_LABELS = {"timeline": "Timeline & map", "aggregates": "Aggregates"}
page = cols[1].radio("Show", flt.PAGES, key="f_page", horizontal=True, format_func=PAGE_LABELS.get,
                     label_visibility="collapsed")  # fmt: skip
if view.has_selection:
    cols[2].button("Clear selection", on_click=clear_selection, type="primary")
review_ui.header()
if ss.link_notes and ss.setdefault("link_view", view.describe()) == view.describe():  # until a filter changes
    st.warning(f"Not shown as the link asks: {'; '.join(md(n) for n in ss.link_notes)}.")
view = replace(view, page=page)
week, weeks = None, []

if page == "timeline":  # only the page shown is built: the aggregates' six charts wait until asked for
    fig = timeline_fig(key, figure_state(view), ix)
    light_chart.show(fig, key=chart_key, config=charts.PLOTLY_CONFIG)  # plotly.js's basic bundle in a browser
    st.html(page_scripts.CLICK_SELECTS, unsafe_allow_javascript=True)  # a click on a mark selects its event
    if staged.rest_waits(ss):  # a browser's first view: the counts, map, table and review once it is drawn
        st.caption("Drawing the weekly counts, the map and the events table…")

PLAY_SECONDS = 0.8  # one week of playback


def map_panel(
    view: flt.Filters, map_state: flt.Filters, weeks: list[date], tiles: str | None, offline: bool
) -> None:
    """The map with its week slider, mode and playback (run as a fragment: their changes rerun this alone).
    Keeps the map as drawn (week, places, tiles) in ``ss.map_now`` and the week in the URL."""
    mode, n_weeks, week = "cumulative", 1, None
    st.subheader("Where")
    if len(weeks) > 1:
        wk = f"week-{ss.gen}"  # a new key after "Clear selection": no stale week from the browser
        if wk not in ss and view.week in weeks:  # a shared link's week
            ss[wk] = view.week
        before = ss.get("map_weeks_before")
        if ss.get(wk) not in weeks:
            ss[wk] = weeks[-1]
        elif before and before != weeks and ss.get(wk) == before[-1]:
            # the map showed the latest week: a filter changed or cleared keeps it at the latest
            ss[wk] = weeks[-1]
        elif ss.get("playing") and ss.get("was_playing"):  # playback: the next week on every run
            ss[wk] = weeks[(weeks.index(ss[wk]) + 1) % len(weeks)]
        elif ss.get("was_playing") and ss.map_now.get("week") in weeks:  # stopped: on the week drawn last
            ss[wk] = ss.map_now["week"]  # (the stop click may bring the week before, the browser's then)
        ss.map_weeks_before = weeks
        c1, c2, c3 = st.columns([5, 3, 2])  # room for "that week only" and "▶ Play" on a laptop
        week = c1.select_slider("Map as of week", weeks, key=wk, format_func=lambda d: f"{d:%d %b %Y}")
        mode = c2.selectbox("Map shows", list(maps.MAP_MODES), format_func=maps.MAP_MODES.get, key="map_mode")
        n_weeks = c2.number_input("N weeks", 2, 104, key="map_weeks") if mode == "window" else 1
        playing = c3.toggle("▶ Play", key="playing")
        if playing != ss.get("was_playing", False):  # started or stopped: the whole page sets the timer
            ss.was_playing = playing
            st.rerun()
    elif ss.get("was_playing"):  # a week or none left to show: playback stops (and its timer)
        ss.playing = ss.was_playing = False
        st.rerun()
    # the view with the map's week (None: the latest) in the URL as soon as the slider shows it (a run cut
    # short by the next click or playback step then leaves no URL a week behind the slider)
    ss.view = replace(ss.view, week=week if weeks and week != weeks[-1] else None)
    write_url(ss.view)
    summary = map_places(key, replace(map_state, week=week), mode, int(n_weeks), len(weeks), ix)
    if offline:
        st.caption(maps.OFFLINE_NOTE)
    # the selected place is drawn by a script beside the map, not in it: a click keeps the map drawn (its key)
    script = maps.selection_script(view.selected_place)
    if ss.get("playing") and ss.get("was_playing"):  # playback: one map of every week's places stays drawn,
        payload = map_payload(
            key, replace(map_state, week=None), "cumulative", 1, len(weeks), tiles, map_key, ix
        )
        script = maps.places_script(summary, view.selected_place)  # and the week's places are drawn in it
    else:
        payload = map_payload(key, replace(map_state, week=week), mode, int(n_weeks), len(weeks), tiles, map_key,
                              ix)  # fmt: skip
    ss.map_now.update(week=week, summary=summary, tiles=tiles)
    state = map_widget.show(payload, key=map_key, height=520, returned_objects=["last_object_clicked"],
                            script=script)  # fmt: skip
    click = (state or {}).get("last_object_clicked")
    if click and click != ss.get("seen_click"):  # a new click: filter the timeline and table to that place,
        ss.seen_click = click  # or, when picking places for a review, add it to the event's places
        clicked = maps.clicked_place(state, summary)
        if not review_ui.place_clicked(clicked, click):
            ss.view = replace(view, selected_place=clicked)
        st.rerun()  # the whole page: the timeline, the table or the review form change
    reviewed_places = " · " + maps.REVIEW_NOTE if len(summary) and summary["n_reviewed"].any() else ""
    st.caption(
        f"{plural(len(summary), 'place')} · circles: regions (~25 km) and governorates (~60 km) · "
        f"{review_ui.map_caption()}{reviewed_places}"
    )


if page == "timeline" and ss.get(staged.DRAWN):
    # like the timeline, drawn without the selections (its own among them: a bar or a drag selects dates, and
    # a figure redrawn on its own selection drops it at once)
    light_chart.show(counts_fig(key, figure_state(view), ix), config=charts.PLOTLY_CONFIG, key=counts_key)
    map_state = replace(view, week=None, tiles="", page=flt.PAGES[0], selected_place="")
    weeks = map_weeks(key, map_state, ix)
    map_now = ss.setdefault("map_now", {})  # the map as drawn now (its week, places): the export reads it
    left, right = st.columns([3, 2])
    with left:
        tiles = CFG.tiles or maps.OSM_TILES if use_tiles else None
        tiles = None if tiles and not tiles_online(tiles) else tiles
        # a fragment: moving the week, the mode or playing reruns the map alone (not the charts and table)
        st.fragment(map_panel, run_every=PLAY_SECONDS if ss.get("playing") else None)(
            view,
            map_state,
            weeks,
            tiles,
            offline=not tiles and (use_tiles or CFG.tiles is not None) and not TILES_DEFAULT,
        )
        week = map_now.get("week")

    with right:
        st.subheader("Events")
        if not row_known:  # the page's first table: its pick (a link's row) now
            view = replace(view, row=table_row(view))
        picked = st.dataframe(
            table_rows(key, replace(view, week=None, tiles="", page=flt.PAGES[0]), ix), hide_index=True, height=520, on_select="rerun", selection_mode="single-row",
            key="table", column_config={
                "date": st.column_config.TextColumn("date", width="small"),
                # no alignment: the table right-aligns each Arabic cell (present.RTL_MARK), left-aligns English;
                # medium: the column's right edge stays in a laptop's table (an Arabic sentence starts there)
                "evidence": st.column_config.TextColumn("evidence", width="medium"),
            },
        )  # fmt: skip
        more = (
            f"First {TABLE_ROWS:,} of {len(shown):,} events (the exports hold them all). "
            if len(shown) > TABLE_ROWS
            else ""
        )
        st.caption(f"{more}Select a row for the whole evidence and the source.")
        ss.table_pick = table_pick.remember(picked, shown["event_id"])
        view = replace(view, row=ss.table_pick[0] if ss.table_pick else "")  # the picked row in the URL

    one = len(view.selected_ids) == 1 and len(shown) == 1  # one event clicked on the timeline: its detail
    if (picked and picked.selection.rows) or one:
        ev = shown_all().iloc[picked.selection.rows[0] if picked and picked.selection.rows else 0]
        with st.container(border=True):
            head, evidence_html = event_detail(ev.to_dict())
            st.markdown(head)
            st.html(evidence_html)
    review_ui.panel(shown, picked)

    # -- exports --------------------------------------------------------------------------------------
    # built only when opened (a rerun): nine buttons less to draw on every page load
    export = st.expander("Export (every file carries a citation)", key="export", on_change="rerun")
    if export.open:  # a closed expander holds nothing: its files are built when it opens
        cite = citation()
        with export:
            st.caption(md(cite))
            c = st.columns(4)
            chart_downloads(c, "timeline", fig, cite, timeline_title(view.lanes))
            map_cite = exports.map_citation(
                cite, map_now.get("week"), ss.get("map_mode", "cumulative"), int(ss.get("map_weeks", 4))
            )  # the week the map shows
            download(c[3], "Map HTML", lambda: exports.map_html(map_figure(map_now["summary"], map_now["tiles"],
                     view.selected_place, map_key), map_cite, exports.map_legend(map_now["summary"])), "map.html",
                     "text/html", "dl-map-html")  # fmt: skip
            d = st.columns(5)
            for i, (name, (suffix, mime)) in enumerate(exports.DATA_FORMATS.items()):
                download(d[i], f"Events {name}", lambda name=name: exports.events_export(shown_all(), name, cite),
                         f"events.{suffix}", mime, f"dl-{suffix}")  # fmt: skip
            download(d[4], "Citation (txt)", lambda: exports.citation_file(cite, exports.references(shown_all())),
                     "CITATION.txt", "text/plain", "dl-citation")  # fmt: skip

elif page != "timeline":  # the aggregations follow the sidebar filters and the selections, like the table
    prep = ac.subset(prepared(key, ix.events), flt.filter_mask(ix, view))
    cite = citation()
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
        st.markdown("\n".join(f"- {md(note)}" for note in v.notes))
        if name == "talk-rounds":
            st.dataframe(v.table.drop(columns=["a", "b", "event_ids"]), hide_index=True, key="rounds-table")
        d = st.columns([1, 1, 1, 1, 3])
        chart_downloads(d, name, v.figure, cite)
        download(d[3], "Table CSV", lambda v=v: exports.aggregate_csv(ac.table_csv(v.table), cite), f"{name}.csv",
                 "text/csv", f"dl-{name}-csv")  # fmt: skip
        rows = plural(len(v.table), "row")
        d[4].caption(f"{md(v.caption)} · {rows}" if v.caption else rows)

# the view, with the map's week (None: the latest), in the URL: a copied link shows the same view
if weeks:
    view = replace(view, week=week if week != weeks[-1] else None)
ss.view = view
write_url(view)
