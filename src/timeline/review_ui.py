"""The dashboard's review controls (Streamlit widgets only; the work is in :mod:`timeline.review`).

``app.py`` calls five functions: :func:`reviewed` (the events with the review log applied and the review
state filter, before the app indexes them), :func:`sidebar` (the state filter and the reviewer's name),
:func:`header` (``312 events, 120 reviewed``), :func:`place_clicked` (with "Pick places on the map" on, a
click on a place of the map adds it to the places of the event under review instead of filtering to it) and
:func:`panel` (confirm / reject / edit / merge / add for the event picked in the table or reached with
"next unreviewed", its history, the article text, and the extractor's precision on the reviewed events).
The review state is drawn on the timeline (:func:`timeline.charts.add_review_marks`) and the map
(:func:`timeline.maps.review_rim`).

Keyboard: ``N`` goes to the next unreviewed event of the table, ``Y`` confirms it, ``X`` rejects it with
the chosen reason; both (and "Save corrections") then go on to the next unreviewed event (unless "then next"
is off).
"""

from __future__ import annotations

import html
import os
import weakref
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from timeline import review as rv
from timeline.model import DATE_PRECISIONS, EVENT_TYPES, STATUSES, SUBTYPES
from timeline.present import SHOWN_AS, event_detail, md, unattached_note
from timeline.review import lookup
from timeline.review.apply import added_event, json_value
from timeline.review.files import log_for

DEFAULT_STATES = ["unreviewed", "confirmed", "corrected"]  # rejected events are hidden until asked for
ss = st.session_state
_memo: dict[tuple[int, str], tuple[weakref.ref, Any]] = {}


def _per_frame(df: pd.DataFrame, what: str, count: Callable[[pd.DataFrame], Any]) -> Any:
    """``count(df)``, kept while ``df`` lives: the app's frames (the reviewed view, the shown events) are
    cached and shared between reruns, and counting them again on every rerun cost 0.03-0.05 s at 100k
    events. A review makes a new view (and new frames), so nothing kept goes stale."""
    k = (id(df), what)
    hit = _memo.get(k)
    if hit is not None and hit[0]() is df:
        return hit[1]
    out = count(df)
    if len(_memo) > 64:
        _memo.clear()
    _memo[k] = (weakref.ref(df), out)
    return out


@st.cache_resource(max_entries=8, show_spinner="Applying reviews…")
def _view(key: str, version: tuple[int, int], _data: pd.DataFrame, _log: rv.ReviewLog) -> rv.ReviewedView:
    return rv.apply_reviews(_data, _log.reviews())


@st.cache_resource(max_entries=8, show_spinner=False)
def _merged_view(
    key: str, version: tuple[int, int], _view: rv.ReviewedView, _merged: pd.DataFrame
) -> rv.ReviewedView:
    return rv.merged_view(_view, _merged)


@st.cache_resource(show_spinner="Loading the gazetteer and the actor lexicon…", max_entries=2)
def _choices_for(gazetteer: str) -> tuple[Any, dict[str, dict[str, str]]]:
    from timeline.actors import ActorLexicon
    from timeline.gazetteer import Gazetteer

    return Gazetteer.load(), lookup.actor_choices(ActorLexicon.load())


def _choices() -> tuple[Any, dict[str, dict[str, str]]]:
    """The gazetteer and actor choices, loaded again after a gazetteer import (the user file's version)."""
    from timeline.gazetteer.user import user_gazetteer_version

    return _choices_for(user_gazetteer_version())


def reviewed(
    cfg: Any, data: pd.DataFrame, key: str, merged: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, str]:
    """The events with the log beside ``cfg``'s store applied, only the review states chosen in the sidebar
    (on a first run the ones the URL asks for, the app's ``ss.view.review``, else :data:`DEFAULT_STATES`);
    and a suffix for the app's cache key (it changes with every review and with the state filter).

    With ``merged`` (``data``'s reports of one event merged, :func:`timeline.dedup.merge_duplicates`), the log
    is applied to each report and the reviewed reports are merged as ``merged`` merged them
    (:func:`timeline.review.merged_view`): a review of any report survives a merge, a rejected report never
    comes back inside another event."""
    linked = getattr(ss.get("view"), "review", ()) or ()
    log = log_for(cfg.events, cfg.articles)
    if hasattr(cfg, "upload_store"):  # uploaded articles' texts, for "Article text · add a missed event"
        from timeline.serve import upload_articles

        ss["_rv_uploads"] = str(upload_articles(cfg))
    version = log.version()
    view = _view(key, version, data, log)
    if merged is not None:
        view = _merged_view(key, version, view, merged)
    ss["_rv"] = (log, view)
    ss.setdefault("f_review", [s for s in linked if s in rv.STATES] or list(DEFAULT_STATES))
    states = [s for s in ss["f_review"] if s in rv.STATES] or list(rv.STATES)
    keep = view.events["review"].isin(states).to_numpy(dtype=bool)
    # every state shown (the default): the view itself, not a copy of its 30 columns on every rerun
    plain = keep.all() and view.events.index.equals(pd.RangeIndex(len(view.events)))
    shown = view.events if plain else view.events[keep].reset_index(drop=True)
    return shown, f":rv{version[1]}:{','.join(states)}"


def merge_report() -> Any:
    """The last :func:`reviewed` call's :class:`timeline.dedup.MergeReport` (None with merging off)."""
    return ss["_rv"][1].merge_report


def date_range(value: Any, bounds: tuple[date, date], old: tuple[date, date] | None) -> tuple[date, ...]:
    """The date filter once the events' range moved from ``old`` to ``bounds`` (a review changed a date, or
    hid the last event): an end that sat on the old bound follows the new one, the rest is clamped into it."""
    days = tuple(value) if isinstance(value, tuple | list) else (value,)
    if old is not None:
        days = tuple(bounds[k] if len(days) > k and days[k] == old[k] else d for k, d in enumerate(days))
    return tuple(min(max(d, bounds[0]), bounds[1]) for d in days)


def url_states() -> tuple[str, ...]:
    """The "Review state" filter as a link holds it: ``()`` for the default states, else the states shown
    (every state when none is chosen, as the filter then shows them all)."""
    chosen = [s for s in ss.get("f_review", DEFAULT_STATES) if s in rv.STATES] or list(rv.STATES)
    return () if set(chosen) == set(DEFAULT_STATES) else tuple(s for s in rv.STATES if s in chosen)


def n_reviewed(df: pd.DataFrame) -> int:
    """Events reviewed by a person among ``df`` (for the citation)."""
    return int((df["review"] != "unreviewed").sum()) if "review" in df.columns else 0


def sidebar() -> None:
    """The review state filter and the reviewer's name (call inside the sidebar)."""
    st.multiselect(
        "Review state", list(rv.STATES), key="f_review", help="Rejected events are hidden by default"
    )
    ss.setdefault("rv_who", os.environ.get("USER") or "reviewer")
    st.text_input("Reviewer (recorded with each review)", key="rv_who")


def header() -> None:
    """``312 events, 120 reviewed (…)`` over all events, whatever the filters; events a person added are
    counted as added, not corrected; and the events the Review state filter hides, which the page's count
    ("**300** of 300 events") leaves out."""
    _, view = ss["_rv"]
    c = _per_frame(view.events, "counts", rv.review_counts)
    added = f"{c['added']:,} added, " if c["added"] else ""
    chosen = [s for s in ss.get("f_review", DEFAULT_STATES) if s in rv.STATES] or list(rv.STATES)
    in_state = c | {"corrected": c["corrected"] + c["added"]}  # an added event's state is "corrected"
    hidden = {s: in_state[s] for s in rv.STATES if s not in chosen and in_state[s]}
    note = (
        f" · {' and '.join(f'{n:,} {s}' for s, n in hidden.items())} hidden by the Review state filter: "
        f"not in the count of {len(view.events) - sum(hidden.values()):,} events above"
        if hidden
        else ""
    )
    st.caption(
        f"{len(view.events):,} events, {view.n_reviewed:,} reviewed ({c['confirmed']:,} confirmed, "
        f"{c['corrected']:,} corrected, {added}{c['rejected']:,} rejected){note}"
    )


# -- callbacks: they run before the rerun, so the view shows the review at once ------------------------
def _who() -> str:
    return (ss.get("rv_who") or "").strip() or "reviewer"


def _next_unreviewed(order: list[str], states: dict[str, str], after: str | None) -> str | None:
    """The first unreviewed event in table order after ``after`` (wrapping round), or None."""
    k = order.index(after) if after in order else -1
    for eid in order[k + 1 :] + order[: k + 1]:
        if states.get(eid) == "unreviewed" and eid != after:
            return eid
    return None


def _current_row() -> dict | None:
    """The event under review as the server knows it now (callbacks read it here rather than from their
    arguments, which may come from an earlier run when keys are pressed quickly)."""
    _, view = ss["_rv"]
    current = ss.get("rv_current")
    hit = view.events[view.events["event_id"] == current]
    if not len(hit) and current and view.reports is not None:  # a report now merged into another event
        hit = view.events[view.events["merged_ids"].map(lambda ids: current in list(ids), na_action="ignore")
                          .fillna(False).astype(bool)]  # fmt: skip
    return hit.iloc[0].to_dict() if len(hit) else None


def _members(row: dict) -> list[dict]:
    """The reports the event under review stands for: a review of a merged event covers all it shows."""
    return ss["_rv"][1].members(row)


def _table_order() -> tuple[list[str], dict[str, str]]:
    """The events of the table in its order and their review states (built when a key asks for them, not
    on every rerun: 0.2 s at 100k events), with the reviews made since the table was drawn."""
    shown = ss.get("_rv_shown")
    if shown is None:
        return [], {}
    order = shown["event_id"].astype(str).tolist()
    return order, dict(zip(order, shown["review"], strict=True)) | ss.get("_rv_done", {})


def _go_next() -> None:
    order, states = _table_order()
    nxt = _next_unreviewed(order, states, ss.get("rv_current"))
    ss["rv_note"] = "" if nxt else "No unreviewed event left in the table."
    if nxt:
        ss["rv_current"] = nxt


def _record(reviews: list[rv.Review], advance: bool = False) -> None:
    log, _ = ss["_rv"]
    log.append(reviews)
    if advance and ss.get("rv_advance", True):
        ss["_rv_done"] = {**ss.get("_rv_done", {}), ss.get("rv_current"): "reviewed"}
        _go_next()


def _confirm() -> None:
    if (row := _current_row()) is not None:
        _record([rv.confirm(m, _who()) for m in _members(row)], advance=True)


def _reject() -> None:
    reason = ss.get("rv_reason_text") or ss.get("rv_reason") or "not an event"
    if (row := _current_row()) is not None:
        _record([rv.reject(m, _who(), reason) for m in _members(row)], advance=True)


def _reset() -> None:
    if (row := _current_row()) is not None:
        _record([rv.reset(m, _who()) for m in _members(row)])


def _save_edits() -> None:
    row = _current_row()
    if row is None:
        return
    eid = row["event_id"]
    try:
        values = {
            "type": ss[f"rv_type_{eid}"],
            "subtype": ss[f"rv_subtype_{eid}"],
            "status": ss[f"rv_status_{eid}"],
            "date_start": _iso(ss[f"rv_start_{eid}"], "first day"),
            "date_end": _iso(ss[f"rv_end_{eid}"], "last day") if ss[f"rv_end_{eid}"].strip() else None,
            "date_precision": ss[f"rv_precision_{eid}"],
        }
    except ValueError as exc:
        ss["rv_error"] = str(exc)
        return
    _, choices = _choices()
    values["actors"] = lookup.with_actors(list(row.get("actors") or []), ss[f"rv_actors_{eid}"], choices)
    known = {**ss.get("rv_found", {}), **{lookup.place_label(p): p for p in row.get("places") or []}}
    values["places"] = [dict(known[lb]) for lb in ss[f"rv_places_{eid}"] if lb in known]
    ss["rv_error"] = ""
    reviews = [r for m in _members(row) for r in rv.edits(m, values, _who())]  # each report shows them
    if reviews:  # "then next" on: on to the next one, as Confirm and Reject
        _record(reviews, advance=True)


def _iso(text: str, what: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValueError(f"The {what} must be a date as YYYY-MM-DD, not {text!r}.") from None


def place_clicked(name: str, click: dict[str, Any] | None) -> bool:
    """A place clicked on the map (its name, and ``st_folium``'s ``last_object_clicked``: lat, lng): with
    "Pick places on the map" on and an event under review, the place (from the gazetteer, nearest the click;
    else the events' own record of it) is added to the edit form's places, to be saved with "Save
    corrections", and True is returned (the click does not filter the page). False otherwise."""
    row = _current_row() if ss.get("rv_map_pick") and "_rv" in ss else None
    if row is None or not name:
        return False
    gaz, _ = _choices()
    place = None
    if click and click.get("lat") is not None and click.get("lng") is not None:
        place = lookup.place_near(gaz, name, float(click["lat"]), float(click["lng"]))
    if place is None:
        place = _place_in_events(name)
    if place is None:
        ss["rv_map_note"] = f"{name} is not in the gazetteer: find it by name instead."
        return True
    label = lookup.place_label(place)
    eid = row["event_id"]
    ss["rv_found"] = {**ss.get("rv_found", {}), label: place}
    current = ss.get(f"rv_places_{eid}", [lookup.place_label(p) for p in row.get("places") or []])
    ss[f"rv_places_{eid}"] = list(dict.fromkeys([*current, label]))
    ss["rv_map_note"] = f"{label}, picked on the map, is among the places below: Save corrections records it."
    return True


def _place_in_events(name: str) -> dict[str, Any] | None:
    """The first place record named ``name`` among the events (a place the gazetteer lacks)."""
    _, view = ss["_rv"]
    for places in view.events["places"]:
        for p in places if isinstance(places, list | tuple) else []:
            if isinstance(p, dict) and p.get("name") == name and p.get("lat") is not None:
                return {
                    k: json_value(p.get(k))
                    for k in ("name", "name_ar", "lat", "lon", "country", "admin1", "precision")
                }
    return None


def map_caption() -> str:
    """What a click on the map does now (for the line under the map)."""
    if ss.get("rv_map_pick") and ss.get("rv_current"):
        return "click a place to add it to the event under review"
    return "click a place to filter"


def _add_place() -> None:
    eid = ss.get("rv_current")
    label = ss.get("rv_place_pick")
    if label in ss.get("rv_found", {}):
        ss[f"rv_places_{eid}"] = [*ss.get(f"rv_places_{eid}", []), label]


def _merge() -> None:
    _, view = ss["_rv"]
    target = view.events[view.events["event_id"] == ss.get("rv_merge_into")]
    if len(target) and (row := _current_row()) is not None:
        _record([rv.merge(m, target.iloc[0].to_dict(), _who()) for m in _members(row)])
        ss["rv_current"] = str(target.iloc[0]["event_id"])  # the merged event, in view (the other is not)


def _add() -> None:
    row, spans = _current_row(), ss.get("_rv_sentences", [])
    k = ss.get("rv_add_sentence")
    if row is None:
        return
    if k is None or not 0 <= k < len(spans):
        return
    s, e, text = spans[k]
    etype = ss.get("rv_add_type") or "offensive"
    try:
        day = _iso(ss.get("rv_add_date") or "", "date")
    except ValueError as exc:
        ss["rv_error"] = str(exc)
        return
    fields = {"type": etype, "subtype": ss.get("rv_add_subtype") or "", "status": ss.get("rv_add_status"),
              "date_start": day, "date_precision": "day", "actors": [], "places": []}  # fmt: skip
    review = rv.add(row, s, e, text, fields, _who())
    _record([review])
    ss["rv_current"] = added_event(review)["event_id"]


# -- the panel ---------------------------------------------------------------------------------------
def panel(shown: pd.DataFrame, picked: Any) -> None:
    """Review the event picked in the table (or reached with "next unreviewed"), while it is among the events
    ``shown``: an event the filters take out of view leaves the panel (no key reviews an event not seen)."""
    log, view = ss["_rv"]
    rows = list(picked.selection.rows) if picked and picked.selection else []
    pick = str(shown.iloc[rows[0]]["event_id"]) if rows and rows[0] < len(shown) else None
    if pick != ss.get("rv_seen_pick"):
        ss["rv_seen_pick"] = pick
        if pick:
            ss["rv_current"] = pick
    ss["_rv_shown"], ss["_rv_done"] = shown, {}  # the table's order, read by the N key (_table_order)
    left = _per_frame(
        shown,
        "left",
        lambda d: d.loc[d["review"] == "unreviewed", "event_id"].nunique(),  # no astype: 10 ms
    )
    st.subheader("Review")
    top = st.columns([2, 2, 3])
    top[0].button(f"Next unreviewed ({left:,})", on_click=_go_next, shortcut="N",
                  key="rv_next", type="primary")  # fmt: skip
    top[1].toggle(
        "then next",
        value=True,
        key="rv_advance",
        help="after Confirm, Reject or Save corrections, go on to the next unreviewed one",
    )
    if ss.get("rv_note"):
        top[2].info(ss["rv_note"])
    if ss.get("rv_error"):
        st.error(ss["rv_error"])
    picked_id = ss.get("rv_current")  # none picked: no comparison over every event id
    if picked_id and _current_row() is not None:
        # filtered out (the event, or every report it stands for): Y and X review no unseen event
        cur_id = str(_current_row()["event_id"])
        if not (shown["event_id"] == cur_id).any():
            ss.pop("rv_current", None)
            picked_id = None
    current = _current_row() if picked_id else None  # (a report merged into another event: that event)
    if current is None:
        st.caption("Pick an event in the table, or press N for the next unreviewed one.")
    else:
        row = {k: json_value(v) for k, v in current.items()}  # NaN -> None
        here = (shown["event_id"] == str(current["event_id"])).to_numpy()
        # the source lines as the detail view draws them: the URL or the path below the corpus (each merged
        # report's too, and the merge's reason naming them), the outlet
        if here.any():
            row |= {k: shown.loc[here, k].iloc[0] for k in SHOWN_AS if k in shown.columns}
        _event_panel(row, view)
    _summary(view)


def _event_panel(row: dict, view: rv.ReviewedView) -> None:

    eid = row["event_id"]
    with st.container(border=True):
        who = (
            f" by {row['reviewed_by']} ({str(row['reviewed_at'])[:16].replace('T', ' ')})"
            if row["reviewed_by"]
            else ""
        )
        reason = f": {row['review_reason']}" if row.get("review_reason") else ""
        st.markdown(f"Event `{eid}` · review: **{row['review']}**{who}{reason}")
        if len(members := view.members(row)) > 1:  # a review of some reports: the others came in later
            fresh = sum(m.get("review") == "unreviewed" for m in members)
            if fresh and fresh < len(members):
                st.caption(f"{fresh} of its {len(members)} reports not reviewed yet (merged after the review): "
                           "Confirm, Reject or Save corrections records the review on every report.")  # fmt: skip
        head, evidence_html = event_detail(row)  # as the detail view: the title isolated from its bidi
        st.markdown(head)
        st.html(evidence_html)
        c = st.columns([1, 2, 2, 3])  # the reject button says its whole reason (up to 40 characters)
        c[0].button("Confirm (Y)", on_click=_confirm, shortcut="Y", key="rv_confirm")
        c[1].selectbox("Reason", rv.REJECT_REASONS, key="rv_reason", label_visibility="collapsed")
        c[2].text_input("Other reason", key="rv_reason_text", placeholder="other reason, e.g. duplicate of …",
                        label_visibility="collapsed")  # fmt: skip
        reason = ss.get("rv_reason_text") or ss.get("rv_reason") or rv.REJECT_REASONS[0]
        c[3].button(f"Reject (X): {md(reason[:40])}", on_click=_reject, shortcut="X", key="rv_reject",
                    help="X rejects with the reason shown: choose another in the list or type one first")  # fmt: skip
        with st.expander("Edit fields"):
            _edit_form(row)
        with st.expander("Merge with another event"):
            _merge_form(row, view.events)
        with st.expander("Article text · add a missed event"):
            _article(row, view.events if view.reports is None else view.reports)  # each report's span
        history = view.history.get(eid, [])
        with st.expander(f"History ({len(history)})"):
            for r in reversed(history):
                what = r.field if r.action == "edit" else ""
                change = f" {what}: {r.before!r} → {r.after!r}" if r.action == "edit" else ""
                st.markdown(f"- {r.at[:19].replace('T', ' ')} · {r.who} · **{r.action}**{change}"
                            + (f" ({r.note})" if r.note else ""))  # fmt: skip
            if history:
                st.button("Back to the extraction", on_click=_reset, key="rv_reset")


def _edit_form(row: dict) -> None:
    eid = row["event_id"]
    gaz, choices = _choices()
    c = st.columns(3)
    etype = c[0].selectbox("Type", EVENT_TYPES, index=_ix(EVENT_TYPES, row["type"]), key=f"rv_type_{eid}")
    subs = ("", *SUBTYPES.get(etype, ()))
    c[1].selectbox("Subtype", subs, index=_ix(subs, row.get("subtype")), key=f"rv_subtype_{eid}")
    c[2].selectbox("Status", STATUSES, index=_ix(STATUSES, row.get("status")), key=f"rv_status_{eid}")
    d = st.columns(3)
    d[0].text_input("First day", value=str(row.get("date_start") or ""), key=f"rv_start_{eid}")
    d[1].text_input("Last day (optional)", value=str(row.get("date_end") or ""), key=f"rv_end_{eid}")
    d[2].selectbox("Date precision", DATE_PRECISIONS, index=_ix(DATE_PRECISIONS, row.get("date_precision")),
                   key=f"rv_precision_{eid}")  # fmt: skip
    current = [lookup.actor_label(a) for a in row.get("actors") or []]
    st.multiselect("Actors (from the actor lexicon)", list(dict.fromkeys([*current, *choices])), default=current,
                   key=f"rv_actors_{eid}")  # fmt: skip
    q = st.columns([2, 3, 1])
    query = q[0].text_input("Find a place in the gazetteer", key="rv_place_q", placeholder="Saraqib, سراقب …")
    results = lookup.search_places(gaz, query) if query else []
    hits = [lookup.place_label(p) for p in results]
    ss["rv_found"] = {**ss.get("rv_found", {}), **dict(zip(hits, results, strict=True))}
    if ss.get("rv_place_pick") not in hits:  # a new search: its best place is picked
        ss["rv_place_pick"] = hits[0] if hits else None
    q[1].selectbox("Place found", hits, key="rv_place_pick", disabled=not hits)
    q[2].button("Add place", on_click=_add_place, disabled=not hits, key="rv_place_add")
    st.toggle("Pick places on the map", key="rv_map_pick",
              help="while on, a click on a place of the map adds it to this event's places (instead of filtering)")  # fmt: skip
    if ss.get("rv_map_note"):
        st.info(ss.pop("rv_map_note"))
    places = [lookup.place_label(p) for p in row.get("places") or []]
    options = list(dict.fromkeys([*places, *ss.get(f"rv_places_{eid}", []), *ss["rv_found"]]))
    ss.setdefault(f"rv_places_{eid}", places)
    st.multiselect("Places", options, key=f"rv_places_{eid}")
    st.button("Save corrections", on_click=_save_edits, key="rv_save", type="primary")


def _ix(options: tuple | list, value: Any) -> int:
    return list(options).index(value) if value in options else 0


def _merge_form(row: dict, events: pd.DataFrame) -> None:
    day = pd.to_datetime(events["date_start"], errors="coerce")
    here = pd.to_datetime(row.get("date_start"), errors="coerce")
    near = (day - here).abs() <= pd.Timedelta(days=30) if pd.notna(here) else day.notna()
    cands = events[near & (events["event_id"] != row["event_id"]) & (events["review"] != "rejected")]
    cands = cands.assign(_same=cands["type"] != row["type"]).sort_values(["_same", "date_start"]).head(200)
    labels = {e: f"{d} · {t} · {str(x)[:70]}" for e, d, t, x in
              zip(cands["event_id"], cands["date_start"], cands["type"], cands["evidence"], strict=True)}  # fmt: skip
    st.selectbox("The same event as", list(labels), format_func=labels.get, key="rv_merge_into",
                 help="events within 30 days, same type first")  # fmt: skip
    st.button("Merge this event into it", on_click=_merge, disabled=not labels, key="rv_merge")


def _article(row: dict, events: pd.DataFrame) -> None:
    source = str(row.get("source") or "")
    text = rv.article_text(source, str(row["article_id"]))
    if text is None and ss.get("_rv_uploads") and source and "/" not in source:  # an uploaded file, kept
        text = rv.article_text(os.path.join(ss["_rv_uploads"], source), str(row["article_id"]))
    if text is None:
        st.caption(f"The article's text is not available (read from {row.get('source')!r}).")
        return
    mine = events[events["article_id"] == row["article_id"]]
    spans = sorted({(int(s), int(e)) for s, e in zip(mine["evidence_start"], mine["evidence_end"], strict=True)
                    if pd.notna(s) and pd.notna(e)})  # fmt: skip
    st.html(
        highlighted(
            text, spans, (row.get("evidence_start"), row.get("evidence_end")), row.get("language") == "ar"
        )
    )
    sents = ss["_rv_sentences"] = rv.sentences(text)
    c = st.columns([4, 1, 1, 1, 1])
    c[0].selectbox("Sentence stating a missed event", range(len(sents)), key="rv_add_sentence",
                   format_func=lambda k: f"{k + 1}. {sents[k][2][:100]}")  # fmt: skip
    etype = c[1].selectbox("Type", EVENT_TYPES, key="rv_add_type")
    c[2].selectbox("Subtype", ("", *SUBTYPES[etype]), key="rv_add_subtype")
    c[3].selectbox("Status", STATUSES, key="rv_add_status")
    ss.setdefault("rv_add_date", str(row.get("date_start") or str(row.get("published") or "")[:10]))
    c[4].text_input("Day", key="rv_add_date")
    st.button("Add event", on_click=_add, key="rv_add")


def highlighted(text: str, spans: list[tuple[int, int]], current: tuple[Any, Any], rtl: bool = False) -> str:
    """The article as HTML: every event's evidence marked, the current one in a stronger colour."""
    cur = tuple(int(x) if pd.notna(x) else -1 for x in current)
    out, pos = [], 0
    for s, e in spans:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        colour = "#ffd54f" if (s, e) == cur else "#fff3c4"
        out.append(f'<mark style="background:{colour}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    direction = ' dir="rtl" style="text-align:right;' if rtl else ' style="'
    return f'<div{direction}white-space:pre-wrap;max-height:22em;overflow:auto;font-size:0.95em">{"".join(out)}</div>'


def _summary(view: rv.ReviewedView) -> None:
    with st.expander(f"Extractor precision on the {view.n_reviewed:,} reviewed events"):
        p = _per_frame(view.events, "precision", rv.precision_by_type)
        if p.empty:
            st.caption("No event reviewed yet.")
        else:
            st.dataframe(p, hide_index=True, key="rv_precision")
            st.caption("precision: not rejected and type kept; exact: confirmed as extracted; "
                       "events people added are not counted.")  # fmt: skip
            if note := unattached_note([r.action for r in view.unattached]):  # said where the figure is
                st.warning(note)
        if view.unattached:
            st.warning(f"{len(view.unattached)} reviews could not be re-attached (their event is gone):")
            for r in view.unattached:
                a = r.anchor
                st.markdown(f"- {r.action} by {r.who} ({r.at[:10]}): {a.type} in article `{a.article_id}` "
                            f"at {a.start}–{a.end}" + (f" ({r.note})" if r.note else ""))  # fmt: skip
        if view.conflicts:
            st.info(f"{len(view.conflicts)} edits were made over a change their author had not seen "
                    "(both kept; the later shows).")  # fmt: skip
