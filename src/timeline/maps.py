"""The Folium map: one marker per place (not per event), offline-first.

A place's marker is sized by its number of events and coloured by its dominant type; a region or
governorate is drawn as a circle of a default radius, because the event table does not carry
``Place.radius_km``: :data:`DEFAULT_RADIUS_KM` (region 25 km, admin1 60 km). Popups list at most
:data:`POPUP_EVENTS` events per place, so the page size depends on the number of places, not events.

Offline: Leaflet, jQuery and markercluster load from the app's own static files (see :func:`localize`),
never from a CDN, and a bundled layer of country outlines (``data/basemap``) sits under the optional tile
layer. Whether tiles can be fetched is checked once (:func:`tiles_reachable`); if the browser still fails
to get one, the map drops the tile layer and says so in one line, instead of failing tile after tile.

Every text from the events (place names, evidence) is escaped before it goes into Leaflet's HTML: popups
and tooltips are set with ``innerHTML``. Clicks: a cluster zooms into its places (it never selects one);
the map keeps its view across reruns (per ``view_key``, in the tab's ``sessionStorage``) and reopens the
selected place's popup (see :class:`timeline.map_behaviour.MapBehaviour`).
"""

from __future__ import annotations

import html
import json
import math
import threading
import urllib.request
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
from folium.plugins import MarkerCluster

from timeline.charts import OTHER_COLOR, REVIEW_COLOR, TYPE_COLORS, type_color
from timeline.filters import explode_list
from timeline.map_behaviour import MAX_ZOOM, MapBehaviour
from timeline.resources import data_dir

#: Radius (km) drawn for places whose extent the event table does not give.
DEFAULT_RADIUS_KM = {"region": 25.0, "admin1": 60.0}
#: Events listed in a place's popup (most recent first); the rest are counted.
POPUP_EVENTS = 12
#: Cluster the markers when more places than this are shown.
CLUSTER_ABOVE = 60
#: Where Streamlit serves ``static/`` (``server.enableStaticServing``).
STATIC_URL = "/app/static"
STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "&copy; OpenStreetMap contributors"
_TRANSPARENT_PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
_PLACE_FIELDS = ("name", "name_ar", "lat", "lon", "country", "admin1", "precision")
#: What the map shows for the week picked on the slider (label for the app's selector).
MAP_MODES = {
    "cumulative": "up to the week",
    "week": "that week only",
    "window": "N weeks to it",
}  # short: the selector is a narrow column beside the week slider (1366 px laptop)
#: The one line shown when the tiles cannot be fetched.
OFFLINE_NOTE = "Map tiles unreachable (offline): showing the bundled country outlines."


def tiles_reachable(url: str, timeout: float = 2.0) -> bool:
    """True when the tile server answers for tile 0/0/0 within ``timeout`` seconds (DNS included).

    ``url`` is a tile template (``https://tile.openstreetmap.org/{z}/{x}/{y}.png``). Call it once per
    server (the app caches it): offline, the map then uses the bundled outlines and says so.
    """
    probe = url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
    probe = probe.replace("{r}", "")
    result: list[bool] = []

    def run() -> None:
        try:
            req = urllib.request.Request(probe, headers={"User-Agent": "timeline-dashboard (tile check)"})
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) tile URL
                result.append(200 <= resp.status < 400)
        except (OSError, ValueError):
            result.append(False)

    worker = threading.Thread(target=run, daemon=True)  # getaddrinfo ignores socket timeouts
    worker.start()
    worker.join(timeout + 0.5)
    return bool(result and result[0])


def week_mask(days: pd.Series, week: date, mode: str = "cumulative", n_weeks: int = 4) -> np.ndarray:
    """Which events the map shows for the week starting ``week`` (a Monday).

    ``days``: the events' start days (datetime64). ``mode``: ``cumulative`` (every event up to the end of
    that week), ``week`` (that week only) or ``window`` (the ``n_weeks`` weeks ending with it).
    Raises ``ValueError`` for another mode. Undated events are never shown by week.
    """
    if mode not in MAP_MODES:
        raise ValueError(f"unknown map mode {mode!r}: use one of {', '.join(MAP_MODES)}")
    d = pd.to_datetime(pd.Series(days), errors="coerce").to_numpy("datetime64[D]")
    start = np.datetime64(pd.Timestamp(week).date(), "D")
    end = start + np.timedelta64(7, "D")
    first = {"week": start, "window": end - np.timedelta64(7 * max(int(n_weeks), 1), "D")}.get(mode)
    out = ~np.isnat(d) & (d < end)
    if first is not None:
        out &= d >= first
    return out


def local_assets(base_url: str = STATIC_URL) -> dict[str, list[tuple[str, str]]]:
    """Folium asset lists pointing at our static files (only what circle markers and popups need)."""
    return {
        "map_js": [("leaflet", f"{base_url}/leaflet.js"), ("jquery", f"{base_url}/jquery.min.js")],
        "map_css": [("leaflet_css", f"{base_url}/leaflet.css")],
        "cluster_js": [("markerclusterjs", f"{base_url}/leaflet.markercluster.js")],
        "cluster_css": [
            ("markerclustercss", f"{base_url}/MarkerCluster.css"),
            ("markerclusterdefaultcss", f"{base_url}/MarkerCluster.Default.css"),
        ],
    }


def localize(m: folium.Map, base_url: str = STATIC_URL) -> folium.Map:
    """Point this map's (and its clusters') assets at ``base_url`` (instance attributes: no global change)."""
    assets = local_assets(base_url)
    m.default_js = assets["map_js"]
    m.default_css = assets["map_css"]
    for child in _walk(m):
        if isinstance(child, MarkerCluster):
            child.default_js = assets["cluster_js"]
            child.default_css = assets["cluster_css"]
    return m


def _walk(el: Any):  # noqa: ANN202 - yields every descendant element
    for child in getattr(el, "_children", {}).values():
        yield child
        yield from _walk(child)


@lru_cache(maxsize=4)
def _basemap_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_basemap(path: Path | None = None) -> dict[str, Any]:
    """The bundled country and Syrian governorate outlines (GeoJSON, from ``scripts/build_basemap.py``)."""
    path = path or data_dir() / "basemap" / "countries.geojson"
    return json.loads(_basemap_text(str(path)))


#: The columns of the events :func:`place_summary` reads (``about`` and ``review`` when present; ``places``
#: only when no exploded place table is given): a caller may pass just these.
SUMMARY_COLUMNS = (
    "event_id",
    "type",
    "date_start",
    "status",
    "evidence",
    "language",
    "about",
    "review",
    "places",
)


#: The columns of :func:`place_summary`.
SUMMARY_OUTPUT = (
    "name",
    "name_ar",
    "lat",
    "lon",
    "precision",
    "n_events",
    "n_reviewed",
    "dominant_type",
    "type_counts",
    "events",
)


def place_summary(df: pd.DataFrame, places: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per place: where, how many events, the dominant type and the popup's events.

    ``places`` is the exploded place table of ``df`` (``row`` = position in ``df``), e.g. a slice of
    :class:`timeline.filters.EventIndex`; it is built here when not given.
    Columns: name, name_ar, lat, lon, precision, n_events, n_reviewed (events a person reviewed, column
    ``review`` of :mod:`timeline.review`; 0 without it), dominant_type, type_counts (dict), events
    (list of dicts: date, type, status, evidence, language, about, review; most recent first, at most
    POPUP_EVENTS). ``about`` names the places an event concerns (column ``about``, when present); the
    map draws ``places`` only.
    """
    cols = list(SUMMARY_OUTPUT)
    if places is None:
        places = explode_list(df["places"], _PLACE_FIELDS)
    places = places.dropna(subset=["lat", "lon"])
    if not len(places) or not len(df):
        return pd.DataFrame(columns=cols)
    rows = places["row"].to_numpy()
    states = _review_states(df)  # one per event row
    review = states[rows]

    def obj(values: Any) -> pd.Series:  # plain object columns: no conversion to Arrow strings and back
        return pd.Series(np.asarray(values, dtype=object), dtype=object)

    long = pd.DataFrame(
        {
            "name": obj(places["name"].astype(str)),
            "name_ar": obj(places["name_ar"].fillna("").astype(str)),
            "lat": places["lat"].astype(float).round(4).to_numpy(),
            "lon": places["lon"].astype(float).round(4).to_numpy(),
            "precision": obj(places["precision"].fillna("point").astype(str)),
            "admin1": obj(places["admin1"].fillna("").astype(str)),
            "event_id": obj(df["event_id"].take(rows)),
            "type": obj(df["type"].take(rows)),
            "date": obj(df["date_start"].take(rows)),
            "row": rows,
            "reviewed": review != "unreviewed",
        }
    )
    # one place = one name in one governorate: gazetteers and reports disagree on coordinates by a km or so
    key = ["name", "admin1", "precision"]
    long = long.drop_duplicates([*key, "event_id"])
    base = long.groupby(key, sort=False).agg(
        name_ar=("name_ar", "first"),
        lat=("lat", "median"),
        lon=("lon", "median"),
        n_events=("event_id", "size"),
        n_reviewed=("reviewed", "sum"),
    )
    by_type = long.groupby([*key, "type"], sort=False).size().rename("n").reset_index()
    by_type = by_type.sort_values(["n", "type"], ascending=[False, True])
    dominant = by_type.drop_duplicates(key).set_index(key)["type"].rename("dominant_type")
    counts: dict[tuple, dict[str, int]] = {}
    for *k, t, n in by_type.itertuples(index=False):  # a few rows per place: plain Python is fastest
        counts.setdefault(tuple(k), {})[t] = int(n)
    recent = (
        long.sort_values("date", ascending=False, na_position="last", kind="stable")
        .groupby(key, sort=False)
        .head(POPUP_EVENTS)
    )
    at = recent["row"].to_numpy()  # the popups' rows only: their text is looked up for them alone
    recent = recent.assign(
        about=_about_names(df.iloc[at]),
        status=df["status"].to_numpy(dtype=object)[at],
        evidence=df["evidence"].take(at).to_numpy(dtype=object),
        language=df["language"].to_numpy(dtype=object)[at],
        review=states[at],
    )
    listed: dict[tuple, list[dict[str, Any]]] = {}
    fields = ["date", "type", "status", "evidence", "language", "about", "review"]
    columns = [recent[c].to_numpy(dtype=object) for c in key + fields]  # plain values: no Arrow scalars
    for values in zip(*columns, strict=True):
        listed.setdefault(values[: len(key)], []).append(dict(zip(fields, values[len(key) :], strict=True)))
    out = base.join(dominant).reset_index()
    keys = list(zip(*(out[k] for k in key), strict=True))
    out["type_counts"] = [counts.get(k, {}) for k in keys]
    out["events"] = [listed.get(k, []) for k in keys]
    return out.sort_values(["n_events", "name"], ascending=[False, True], ignore_index=True)[cols]


def _review_states(df: pd.DataFrame) -> np.ndarray:
    """Per event, its review state (``unreviewed`` when ``df`` has no ``review`` column)."""
    if "review" not in df.columns:
        return np.full(len(df), "unreviewed", dtype=object)
    return df["review"].fillna("unreviewed").astype(str).to_numpy(dtype=object)


def _about_names(df: pd.DataFrame) -> np.ndarray:
    """Per event, the names of its ``about`` places joined by ", " ("" when none or no such column)."""
    if "about" not in df.columns:
        return np.full(len(df), "", dtype=object)

    def names(xs: Any) -> str:
        if not isinstance(xs, list | tuple | np.ndarray):
            return ""
        return ", ".join(
            dict.fromkeys(str(x.get("name")) for x in xs if isinstance(x, dict) and x.get("name"))
        )

    return np.asarray([names(xs) for xs in df["about"].tolist()], dtype=object)


def marker_radius(n_events: int) -> float:
    """Pixel radius of a point marker: area grows with the count, capped so cities do not cover the map."""
    return float(min(28.0, 5.0 + 3.0 * math.sqrt(max(n_events, 1))))


#: The popups' look, once per map page (the rows carry classes, not inline styles: a map of 600 places
#: sends half the bytes). A type's class is its name (``t-offensive``) in the timeline's colour; other
#: types are grey, as :func:`timeline.charts.type_color` draws them.
POPUP_CSS = (
    ".tlp{font-size:12px;max-height:260px;overflow:auto}.tlp td:first-child{white-space:nowrap}"
    f".tlp td[dir=rtl]{{text-align:right}}.tlp .on{{color:#555}}"
    f".tlp td:nth-child(2){{font-weight:bold;color:{OTHER_COLOR}}}"
    f".tlp .rv{{color:{REVIEW_COLOR};font-weight:normal}}"
    + "".join(f".tlp .t-{name}{{color:{color}}}" for name, color in TYPE_COLORS.items())
)


#: Leaflet's popup options (folium's names): at most 300 px wide (Leaflet's default), so a popup and the
#: margin kept clear of the top-left controls fit a laptop's map (536 px at 1366 px; 460 px popups were cut
#: at the map's right edge: fresh tester 11); opened, it pans into view 10 px from the edges, and stays in
#: view while the map is moved (``keepInView``).
POPUP_OPTIONS: dict[str, Any] = {
    "max_width": 300,
    "auto_pan": True,
    "auto_pan_padding": [10, 10],
    "keep_in_view": True,
}


@lru_cache(maxsize=256)  # a few types, thousands of popup rows
def _css_name(event_type: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in event_type)


def html_text(value: object) -> str:
    """``value`` as HTML text that shows as written: ``< > & " '`` escaped, and ``{`` ``}`` as character
    references, so no ``{{``, ``{%`` or ``{#`` reaches folium's page: branca compiles each rendered script
    as a Jinja template (the whole-map export), and a Jinja mark from an article's evidence would run there
    or crash it."""
    return html.escape(str(value)).replace("{", "&#123;").replace("}", "&#125;")


def template_safe(value: object) -> str:
    """``value`` with a zero-width space after each ``{``: a text that is data, not HTML (a place's name in
    the map's GeoJSON), then holds no Jinja mark (see :func:`html_text`). Unchanged without a ``{``."""
    text = str(value)
    return text.replace("{", "{\u200b") if "{" in text else text


def selection_script(selected: str) -> str:
    """The script that draws ``selected`` (a place's name; "" for none) as the selected place in a map
    :func:`build_map` drew already, its popup open, with no new map: the app sends it beside the map
    (``timeline.map_widget.show``), so a click's rerun keeps the map as it is (see ``MapBehaviour``)."""
    name = json.dumps(template_safe(selected) if selected else "")
    return f"window.timelineSelect && window.timelineSelect({name});\n"


def places_script(summary: pd.DataFrame, selected: str = "") -> str:
    """The script that draws the places of ``summary`` (:func:`place_summary` of another week) in a map
    :func:`build_map` drew already, as :func:`build_map` would (popups, tooltips, styles), then ``selected``
    as :func:`selection_script` does: sent beside the map (``timeline.map_widget.show``), so playback moves
    the map's places week by week in one map, which stays drawn. Every kind of place (point, area) the
    script holds must have a layer in that map (draw it from all the weeks' places)."""
    features = json.dumps(place_features(summary, selected), ensure_ascii=False).replace("</", "<\\/")
    return f"window.timelinePlaces && window.timelinePlaces({features});\n" + selection_script(selected)


def popup_row(ev: dict[str, Any]) -> str:
    """One event of a popup as a table row (Arabic evidence right to left, cut at 160 characters); every
    text escaped; the event's ``about`` places listed as "on: …"."""
    text = str(ev.get("evidence") or "")
    text = html_text(text if len(text) <= 160 else text[:157] + "…")
    rtl = ' dir="rtl"' if ev.get("language") == "ar" else ""
    etype = str(ev.get("type"))
    about = f"<div class=on>on: {html_text(ev['about'])}</div>" if ev.get("about") else ""
    return (
        f"<tr><td>{html_text(ev.get('date') or '')}<td class=t-{_css_name(etype)}>"
        f"{html_text(etype)}{review_tag(ev.get('review'))}<td{rtl}>{text}{about}</tr>"
    )


def popup_html(place: dict[str, Any], rows: list[str] | None = None) -> str:
    """The place's events as a small table (:func:`popup_row` each, or ``rows`` when given: the same rows
    built before). An event's ``about`` places (what talks or a ceasefire concern) are listed as "on: …".
    Styled by :data:`POPUP_CSS` (classes, so each row is short)."""
    title = html_text(place["name"])
    if place.get("name_ar"):
        title += f' <span dir="rtl">{html_text(place["name_ar"])}</span>'
    events = place.get("events") or []
    if rows is None:
        rows = [popup_row(ev) for ev in events]
    more = int(place["n_events"]) - len(events)
    tail = f"<div>… and {more} more</div>" if more > 0 else ""
    n = int(place["n_events"])
    return (
        f"<div class=tlp><b>{title}</b> · {n} event{'s' * (n != 1)}{reviewed_note(place)}"
        f"<table>{''.join(rows)}</table>{tail}</div>"
    )


def with_popups(summary: pd.DataFrame) -> pd.DataFrame:
    """``summary`` (:func:`place_summary`) plus its ``popup`` and ``tooltip`` HTML, so a map drawn again
    on the same places (another selected place, a rerun) does not build them again (the app caches it)."""
    records = summary.to_dict("records")
    return summary.assign(popup=[popup_html(p) for p in records], tooltip=[tooltip_text(p) for p in records])


def tooltip_text(place: dict[str, Any]) -> str:
    """The tooltip as HTML (Leaflet inserts it with ``innerHTML``): the escaped name and the count."""
    n = int(place["n_events"])
    return f"{html_text(place['name'])} ({n} event{'s' * (n != 1)}{reviewed_note(place)})"


def build_map(
    summary: pd.DataFrame,
    *,
    tiles: str | None = None,
    basemap: dict[str, Any] | None = None,
    selected: str = "",
    base_url: str = STATIC_URL,
    cluster: bool | None = None,
    view_key: str = "",
) -> folium.Map:
    """A Leaflet map of :func:`place_summary`: circles per place, outlines below, tiles when given.

    ``tiles`` is a tile URL (e.g. :data:`OSM_TILES`) or None for the outlines only; should a tile fail to
    load, the tile layer is dropped with a one-line note and the outlines show. ``view_key`` names the
    view the map keeps across reruns (a new key opens on the places again); ``selected`` is the place
    drawn with a black rim whose popup opens. See :class:`MapBehaviour`.
    """
    m = folium.Map(
        location=[35.0, 38.5], zoom_start=6, tiles=None, max_zoom=MAX_ZOOM, min_zoom=3,
        prefer_canvas=False, control_scale=True,
    )  # fmt: skip
    m.options.update(max_zoom=MAX_ZOOM, min_zoom=3)  # folium sets them on a tile layer; clusters need them
    background = folium.Element(f"<style>.leaflet-container{{background:#dfe9f0}}{POPUP_CSS}</style>")
    m.get_root().header.add_child(background)  # type: ignore[attr-defined]  # the root is a Figure
    folium.map.CustomPane("basemap", z_index=150).add_to(m)  # under the tiles (200) and the markers
    if basemap is not None:
        _Outlines(
            basemap,
            name="country outlines",
            pane="basemap",
            interactive=False,
            style_function=_outline_style,
        ).add_to(m)
    tile_layer = None
    if tiles:
        tile_layer = folium.TileLayer(
            tiles, attr=OSM_ATTRIBUTION if "openstreetmap" in tiles else "tiles", name="tiles",
            max_zoom=MAX_ZOOM, errorTileUrl=_TRANSPARENT_PNG,
        ).add_to(m)  # fmt: skip
    use_cluster = len(summary) > CLUSTER_ABOVE if cluster is None else cluster
    layer: folium.FeatureGroup | MarkerCluster
    layer = MarkerCluster(name="places") if use_cluster else folium.FeatureGroup(name="places")
    layer.add_to(m)
    features = place_features(summary, selected)
    # two GeoJSON layers (points, and regions drawn as circles in metres), not one object per place:
    # building and sending the map stays fast with hundreds of places
    groups: list[str] = []
    kinds: list[str] = []
    for marker, kind in ((folium.CircleMarker(), "point"), (folium.Circle(), "area")):
        part = [f for f in features if f["properties"]["kind"] == kind]
        if part:
            group = folium.GeoJson(
                {"type": "FeatureCollection", "features": part},
                name=f"places ({kind})",
                marker=marker,
                style_function=_feature_style,
                popup=folium.GeoJsonPopup(fields=["popup"], labels=False, **POPUP_OPTIONS),
                # not sticky: a sticky tooltip follows the mouse through ``layer._map``, which a cluster's
                # zoom animation takes away mid-move (Leaflet's "reading 'mouseEventToContainerPoint'")
                tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=False),
            ).add_to(layer)
            groups.append(group.get_name())
            kinds.append(kind)
    bounds = opening_bounds(summary) if len(summary) else None
    tiles_name = tile_layer.get_name() if tile_layer is not None else ""
    picked = template_safe(selected) if selected else ""
    MapBehaviour(view_key, picked, groups, tiles_name, bounds, kinds).add_to(m)  # last: after the layers
    return localize(m, base_url)


class _Outlines(folium.GeoJson):
    """The basemap layer: it does not set the map's extent (the places do), so its bounds are not computed
    (folium walks every coordinate of every outline for them: 0.1 s per rerun in ``st_folium``). Its data
    is the bundled basemap, read once and never changed: ``timeline.map_widget`` encodes it once."""

    static_data = True

    def _get_self_bounds(self) -> list[list[float | None]]:
        return [[None, None], [None, None]]


def _outline_style(feature: dict[str, Any]) -> dict[str, Any]:
    """Countries filled and outlined; governorates (``kind`` admin1) as thin dashed lines on top."""
    if feature.get("properties", {}).get("kind") == "admin1":
        return {"color": "#a0a0a0", "weight": 0.8, "dashArray": "3 3", "fillOpacity": 0}
    return {"color": "#8a8a8a", "weight": 1, "fillColor": "#f6f5f0", "fillOpacity": 1}


#: The map opens on the places within this distance of the busiest one (the bulk of the events)...
BULK_KM = 250.0
#: ...or on more of them, nearest first, until they hold this share of the events (far venues of talks).
BULK_SHARE = 0.8


def opening_bounds(
    summary: pd.DataFrame, reach_km: float = BULK_KM, share: float = BULK_SHARE
) -> list[list[float]]:
    """The box ``[[south, west], [north, east]]`` the map opens on (and "⤢ whole view" goes back to): the bulk
    of the events, not every venue. Around the place with the most events within ``reach_km`` (the busy
    area), every place within ``reach_km`` of it, then the next nearest places until the chosen ones hold
    ``share`` of the events: a campaign in Idlib opens on Idlib, not on a round of talks in Moscow; talks
    held in Ankara and Moscow open on both. The box holds each chosen place whole: an area's circle
    (:data:`DEFAULT_RADIUS_KM`) and a margin of 0.3° round a point (the map adds the markers' pixel radius
    as padding, ``MapBehaviour``). Far places stay on the map, a zoom out away."""
    lat = summary["lat"].astype(float).to_numpy()
    lon = summary["lon"].astype(float).to_numpy()
    weight = summary["n_events"].clip(lower=1).astype(float).to_numpy()
    prec = (
        summary["precision"].astype(str) if "precision" in summary.columns else pd.Series([""] * len(summary))
    )
    radius = prec.map(lambda p: DEFAULT_RADIUS_KM.get(p) or 0.0).astype(float).to_numpy()
    la, lo = np.radians(lat), np.radians(lon)
    top = np.argsort(-weight, kind="stable")[:2000]  # candidates for the centre (a map has ~600 places)
    a = (
        np.sin((la[top, None] - la[None, :]) / 2) ** 2
        + np.cos(la[top, None]) * np.cos(la[None, :]) * np.sin((lo[top, None] - lo[None, :]) / 2) ** 2
    )
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    near = (km <= reach_km) @ weight
    centre = int(np.argmax(near))  # the first of the busiest: ties go to the place with most events
    dist = km[centre]
    order = np.argsort(dist, kind="stable")
    held = np.cumsum(weight[order]) / weight.sum()
    n = max(int((dist <= reach_km).sum()), int(np.searchsorted(held, share - 1e-9)) + 1)
    chosen = order[:n]
    pad_lat = np.maximum(radius[chosen] / 111.0, 0.3)
    pad_lon = pad_lat / np.maximum(np.cos(la[chosen]), 0.2)
    return [
        [float((lat[chosen] - pad_lat).min()), float((lon[chosen] - pad_lon).min())],
        [float((lat[chosen] + pad_lat).max()), float((lon[chosen] + pad_lon).max())],
    ]


#: What :func:`place_features` reads of a place whose popup and tooltip are built.
_FEATURE_COLUMNS = (
    "name",
    "lat",
    "lon",
    "precision",
    "n_events",
    "n_reviewed",
    "dominant_type",
    "popup",
    "tooltip",
)


def place_features(summary: pd.DataFrame, selected: str = "") -> list[dict[str, Any]]:
    """One GeoJSON point per place; ``kind`` "area" for regions (radius in metres), "point" otherwise."""
    out = []
    columns = list(summary.columns)
    built = {"popup", "tooltip"} <= set(columns) and all(
        summary[c].astype(bool).all() for c in ("popup", "tooltip")
    )
    if built:  # popups and tooltips built already: not the events' lists (to_dict("records"): 0.01 s)
        columns = [c for c in columns if c in _FEATURE_COLUMNS]
    values = [summary[c].tolist() for c in columns]
    for row in zip(*values, strict=True):
        place = dict(zip(columns, row, strict=True))
        color = type_color(str(place["dominant_type"]))
        radius_km = DEFAULT_RADIUS_KM.get(str(place["precision"]))
        is_selected = place["name"] == selected
        style = {
            "color": "#000000" if is_selected else color,
            "weight": 3 if is_selected else 1.5,
            **({} if is_selected else review_rim(place)),
            "fill": True,  # folium's bare CircleMarker() has no fill: only its rim would take clicks
            "fillColor": color,
            "fillOpacity": 0.55,
            "radius": radius_km * 1000 if radius_km else marker_radius(int(place["n_events"])),
        }
        out.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(place["lon"]), float(place["lat"])]},
                "properties": {
                    "name": template_safe(place["name"]),
                    "selected": is_selected,
                    "kind": "area" if radius_km else "point",
                    "n_events": int(place["n_events"]),
                    "dominant_type": place["dominant_type"],
                    "tooltip": place.get("tooltip") or tooltip_text(place),
                    "popup": place.get("popup") or popup_html(place),
                    "style": style,
                },
            }
        )
    return out


def _feature_style(feature: dict[str, Any]) -> dict[str, Any]:
    return feature["properties"]["style"]


def place_at(summary: pd.DataFrame, lat: float, lon: float, max_km: float = 80.0) -> str:
    """The name of the place nearest to a clicked point (empty when none is within ``max_km``)."""
    if not len(summary) or lat is None or lon is None:
        return ""
    la = np.radians(summary["lat"].astype(float).to_numpy())
    lo = np.radians(summary["lon"].astype(float).to_numpy())
    p, q = math.radians(lat), math.radians(lon)
    a = np.sin((la - p) / 2) ** 2 + np.cos(la) * math.cos(p) * np.sin((lo - q) / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(a))
    i = int(np.argmin(km))
    return str(summary["name"].iloc[i]) if km[i] <= max_km else ""


def clicked_place(state: dict[str, Any] | None, summary: pd.DataFrame) -> str:
    """The place a ``st_folium`` return value points at: by tooltip when present, else nearest."""
    if not state:
        return ""
    tip = state.get("last_object_clicked_tooltip")
    if tip:
        name = str(tip).rsplit(" (", 1)[0].strip()
        if name in set(summary["name"]):
            return name
    obj = state.get("last_object_clicked") or {}
    if obj.get("lat") is None:
        return ""
    return place_at(summary, float(obj["lat"]), float(obj["lng"]))


#: Places whose events a person reviewed (:mod:`timeline.review`) get a rim in the timeline's review colour:
#: solid when every event shown there is reviewed, dashed when some are. Popups mark each event's state.
REVIEW_TAGS = {"confirmed": "✓ confirmed", "corrected": "✎ corrected", "rejected": "✗ rejected"}
#: The line under the map that explains the rims.
REVIEW_NOTE = "purple rim: every event there reviewed by a person, dashed: some"


def review_rim(place: dict[str, Any]) -> dict[str, Any]:
    """Leaflet style keys for a place's rim by how many of its events were reviewed (``n_reviewed`` of
    ``n_events``): none (empty: the type's rim stays), some (dashed), all (solid)."""
    done, n = int(place.get("n_reviewed") or 0), int(place["n_events"])
    if done <= 0:
        return {}
    return {"color": REVIEW_COLOR, "weight": 3} | ({} if done >= n else {"dashArray": "4 3"})


def reviewed_note(place: dict[str, Any]) -> str:
    """The note ``, 2 reviewed`` for a popup or tooltip (empty when none of the place's events was reviewed)."""
    done = int(place.get("n_reviewed") or 0)
    return f", {done} reviewed" if done > 0 else ""


def review_tag(state: Any) -> str:
    """An event's review state in a popup row (empty when unreviewed)."""
    tag = REVIEW_TAGS.get(str(state))
    return f"<div class=rv>{tag}</div>" if tag else ""
