"""What a shared link asked for that the dashboard could not show: one warning line instead of silence.

:func:`timeline.filters.from_query_params` never raises on a bad link: it drops what it cannot read. This
module names what was dropped or changed, so the page can say it in one line ("type=nonsense ignored (no
such value); from=2030-01-01 after the last event, 2020-03-31 used"), and the view shows what the link's
other values ask for.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from timeline.filters import (
    _PARAMS,
    MAP_MODE_NAMES,
    MAP_WEEKS_RANGE,
    PAGES,
    FilterOptions,
    Filters,
    match_sources,
)

_CHOICES = {"lanes": ("type", "actor"), "tiles": ("on", "off"), "page": PAGES, "map_mode": MAP_MODE_NAMES}
_BOOLS = ("0", "1", "true", "false", "yes", "no", "on", "off")


def link_notes(
    params: Mapping[str, Sequence[str]], view: Filters, opts: FilterOptions, event_ids: Collection[str]
) -> list[str]:
    """Each value of the link ``params`` (name -> values, as ``st.query_params.get_all`` gives them) that
    ``view`` (read from it) leaves out or changes for these events, in words; ``[]`` when the link is
    shown as it is. ``opts``: the sidebar's options; ``event_ids``: the ids of the events."""
    notes: list[str] = []
    known = set(_PARAMS.values())
    for name in params:
        if name not in known:
            notes.append(f"{name} (not a setting of this dashboard)")
    allowed = {
        "type": opts.types,
        "status": opts.statuses,
        "actor": [n for _, n in opts.actors],
        "place": opts.places,
        "lang": opts.languages,
    }
    for key, values in allowed.items():
        for v in params.get(key, ()):
            if v and v not in values:
                notes.append(f"{key}={v} (no such value in these events)")
    from timeline.review.log import STATES

    for v in params.get("review", ()):
        if v and v not in STATES:
            notes.append(f"review={v} (not one of {', '.join(STATES)})")
    for v in params.get("source", ()):
        if v and not match_sources([v], opts.sources):
            notes.append(f"source={v} (no events from it)")
    for v in params.get("sel_id", ()):
        if v and v not in event_ids:
            notes.append(f"sel_id={v} (no such event; the selection is ignored)")
    for v in params.get("row", ()):
        if v and v not in event_ids:
            notes.append(f"row={v} (no such event; no row is selected)")
    for field, key in (("start", "from"), ("end", "to"), ("selected_start", "sel_from"), ("selected_end", "sel_to"), ("week", "week")):  # fmt: skip
        raw = next((v for v in params.get(key, ()) if v), None)
        if raw is None:
            continue
        day = getattr(view, field)
        if day is None:
            notes.append(f"{key}={raw} (not a date)")
        elif (
            field in ("start", "end")
            and opts.first_day
            and opts.last_day
            and not opts.first_day <= day <= opts.last_day
        ):
            used = min(max(day, opts.first_day), opts.last_day)
            notes.append(f"{key}={raw} (outside the events' dates: {_iso(used)} used)")
    for field, key in (("lanes", "lanes"), ("tiles", "tiles"), ("page", "view"), ("map_mode", "map")):
        raw = next((v for v in params.get(key, ()) if v), None)
        if raw is not None and raw not in _CHOICES[field]:
            notes.append(f"{key}={raw} (not one of {', '.join(_CHOICES[field])})")
    raw = next((v for v in params.get("n_weeks", ()) if v), None)
    if raw is not None and str(view.map_weeks) != raw:
        notes.append(f"n_weeks={raw} (not a whole number from {MAP_WEEKS_RANGE[0]} to {MAP_WEEKS_RANGE[1]})")
    raw = next((v for v in params.get("merge", ()) if v), None)
    if raw is not None and raw.lower() not in _BOOLS:
        notes.append(f"merge={raw} (not 0 or 1)")
    return notes


def _iso(day: date) -> str:
    return day.isoformat()


def history_navigation() -> bool:
    """Whether this run comes from the browser's Back or Forward button (Streamlit reruns the page with the
    URL navigated to): the dashboard then shows the view that URL holds. Read from Streamlit's run context
    (not public API: False when a Streamlit version lacks it, or outside a browser session)."""
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
    except ImportError:  # pragma: no cover - another Streamlit
        return False
    return bool(getattr(ctx, "is_history_navigation", False))
