"""The map in the page: rendered to Leaflet once per map state, sent as it is on every rerun.

``st_folium`` renders its folium map to the Leaflet script it sends on every call: at 100k synthetic
events (~640 places, their popups) that took ~0.4 s of every rerun of the dashboard, whatever the rerun
changed (``bench/app.py``). This module splits it in two: :func:`map_payload` renders the map to the
strings ``st_folium`` sends (pure; the app caches it by map state with ``st.cache_resource``) and
:func:`show` sends them, with ``st_folium``'s own component, key and defaults, so the browser gets the
same message as from ``st_folium`` (``tests/test_map_widget.py`` checks it against ``st_folium`` itself).

It uses helpers of ``streamlit_folium`` (0.27) that are not public; if a later version lacks them,
:data:`FAST` is False and :func:`show` calls ``st_folium`` on the map instead (slower, same page).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import folium
import streamlit as st
import streamlit_folium as sf
from jinja2.utils import htmlsafe_json_dumps

try:  # st_folium's own steps (streamlit-folium 0.27)
    from streamlit_folium import (
        _component_func,
        _get_header,
        _get_html,
        _get_map_string,
        generate_js_hash,
        get_full_id,
    )

    FAST = True
except ImportError:  # pragma: no cover - another streamlit-folium: st_folium on every rerun
    FAST = False


@dataclass(frozen=True)
class MapPayload:
    """What ``st_folium`` sends to the browser for one map (strings and plain values, read-only)."""

    script: str  # the Leaflet script
    header: str
    html: str
    id: str
    bounds: dict[str, dict[str, float | None]]
    zoom: Any
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    fmap: folium.Map | None = None  # only when FAST is False: rendered by st_folium on every call
    #: st_folium's widget key of this script per caller's key (two regular expressions and a SHA-256 over
    #: the ~1.6 MB script: ~5-10 ms), kept with the payload, which the app caches per map state
    hashes: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


def _links(fmap: folium.Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """CSS and JS links of ``fmap``'s elements, in order, without repeats (as ``st_folium`` lists them)."""
    css: list[str] = []
    js: list[str] = []
    for elem in _elements(fmap):
        if isinstance(elem, folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(elem, "default_css", []))
            js.extend(src for _, src in getattr(elem, "default_js", []))
    return tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js))


def _render_without_layer_scripts(fmap: folium.Map) -> None:
    """``fmap.render()``, as ``st_folium(render=False)`` does it, without the GeoJSON layers' scripts.

    ``st_folium`` sends the map's header and html from that render, and renders every script again
    (``_get_map_string``); the render's scripts are dropped, but branca compiles each one as a Jinja
    template first: ~0.3 s for ~640 places' popups and the outlines. So during the render the layers
    offer no script macro (their other macros and their ``render``, which maps their styles, stay)."""
    layers = [e for e in _elements(fmap) if isinstance(e, folium.GeoJson)]
    saved = [e.__dict__.get("_template") for e in layers]
    for layer in layers:
        macros = {k: v for k, v in vars(layer._template.module).items() if k in ("header", "html")}
        layer._template = SimpleNamespace(module=SimpleNamespace(**macros))  # type: ignore[assignment]
    try:
        fmap.render()
    finally:
        for layer, template in zip(layers, saved, strict=True):
            if template is None:
                del layer._template  # the class's template again
            else:
                layer._template = template


def _map_string(fmap: folium.Map) -> str:
    """``_get_map_string(fmap)`` (st_folium's script), with each GeoJSON layer's data put in at the end.

    ``st_folium`` passes the whole script, the layers' data included (~1.9 MB at ~640 places with their
    popups and the outlines), through ``dedent`` and two regular expressions that rename folium's variables:
    ~0.05 s per map state at 100k events. The data (one JSON line per layer, ``tojson`` as folium's template
    writes it) holds none of those variables, so each layer renders a short token in its place and the
    data replaces the token afterwards: the same script (``tests/test_map_widget.py`` checks it against
    ``st_folium``'s own). A token that does not come out once, as rendered, falls back to the whole path."""
    layers = [e for e in _elements(fmap) if isinstance(e, folium.GeoJson) and getattr(e, "embed", False)]
    data = [layer.data for layer in layers]
    tokens = [f"TIMELINEGEOJSONDATA{i}X{id(fmap)}" for i in range(len(layers))]  # no "_": never renamed
    for layer, token in zip(layers, tokens, strict=True):
        layer.data = token
    try:
        script = _get_map_string(fmap)
    finally:
        for layer, values in zip(layers, data, strict=True):
            layer.data = values
    for layer, token, values in zip(layers, tokens, data, strict=True):
        quoted = json.dumps(token)
        if script.count(quoted) != 1:  # pragma: no cover - another folium template
            return _get_map_string(fmap)
        script = script.replace(quoted, _tojson(layer, values), 1)
    return script


#: ``_tojson`` of the layers whose data never changes (``layer.static_data``: the basemap's outlines, the
#: same dict on every map state), by the data's id, with the data itself (so that id is not reused).
_STATIC_JSON: dict[int, tuple[Any, str]] = {}


def _tojson(layer: folium.GeoJson, values: Any) -> str:
    """``values|tojson`` as ``layer``'s template renders it (its environment's JSON policies); once per
    data for a layer marked ``static_data`` (the outlines: 0.3 MB, ~0.02 s per map state)."""
    if getattr(layer, "static_data", False):
        kept = _STATIC_JSON.get(id(values))
        if kept is None or kept[0] is not values:
            if len(_STATIC_JSON) >= 4:
                _STATIC_JSON.clear()
            kept = _STATIC_JSON[id(values)] = (values, _encode(layer, values))
        return kept[1]
    return _encode(layer, values)


def _encode(layer: folium.GeoJson, values: Any) -> str:
    policies = layer._template.environment.policies
    dumps, kwargs = policies["json.dumps_function"], policies["json.dumps_kwargs"]
    return str(htmlsafe_json_dumps(values, dumps=dumps, **kwargs))


def _elements(root: Any) -> list[Any]:
    """``root`` and its descendants, depth first (the order ``st_folium`` walks them)."""
    out: list[Any] = []
    todo: list[Any] = [root]
    while todo:
        elem = todo.pop(0)
        out.append(elem)
        todo[:0] = list(getattr(elem, "_children", {}).values())
    return out


def map_payload(fmap: folium.Map) -> MapPayload:
    """Render ``fmap`` (a ``folium.Map``, not a Figure or DualMap) to what ``st_folium`` sends.

    Takes ~0.3 s for ~640 places with popups; ``fmap`` is spent (its element ids are renamed),
    build another one to export it."""
    if not FAST:  # pragma: no cover
        return MapPayload("", "", "", "", {}, None, (), (), fmap=fmap)
    _render_without_layer_scripts(fmap)
    html, header = _get_html(fmap), _get_header(fmap)  # before _get_map_string, which renames ids
    script = _map_string(fmap)
    css, js = _links(fmap)
    try:
        (s, w), (n, e) = fmap.get_bounds()
    except AttributeError:  # pragma: no cover - as st_folium
        (s, w), (n, e) = (None, None), (None, None)
    bounds = {"_southWest": {"lat": s, "lng": w}, "_northEast": {"lat": n, "lng": e}}
    return MapPayload(script, header, html, get_full_id(fmap), bounds, fmap.options.get("zoom"), css, js)


#: The values ``st_folium`` returns before the first interaction (its ``_defaults``).
_DEFAULTS = (
    "last_clicked",
    "last_object_clicked",
    "last_object_clicked_count",
    "last_object_clicked_tooltip",
    "last_object_clicked_popup",
    "all_drawings",
    "last_active_drawing",
    "bounds",
    "zoom",
    "last_circle_radius",
    "last_circle_polygon",
    "selected_layers",
    "selected_tags",
    "last_geocoder_result",
)


def show(
    payload: MapPayload,
    key: str,
    height: int,
    returned_objects: Iterable[str] | None = None,
    on_change: Callable[[], None] | None = None,
    script: str | None = None,
) -> dict[str, Any] | None:
    """Draw ``payload`` as ``st_folium(fmap, key=key, height=height, use_container_width=True,
    returned_objects=returned_objects, on_change=on_change)`` would, and return what the map returned
    (the last click etc., ``None`` keys until the first interaction).

    ``script``: JavaScript run in the map's page after the map is drawn and again whenever it changes,
    with no new map (sent as ``st_folium``'s ``feature_group``, which its page evaluates on the map as
    drawn): what changes more often than the map (the selected place) goes there, so the map's own script,
    and with it the component's key, stays the same and the browser keeps the map drawn."""
    if payload.fmap is not None or not FAST:  # pragma: no cover
        return sf.st_folium(
            payload.fmap, key=key, height=height, use_container_width=True,
            returned_objects=returned_objects, on_change=on_change,
        )  # fmt: skip
    wanted = None if returned_objects is None else list(returned_objects)
    start = {"bounds": payload.bounds, "zoom": payload.zoom}
    defaults = {k: start.get(k) for k in _DEFAULTS if wanted is None or k in wanted}
    hash_key = payload.hashes.get(key)
    if hash_key is None:
        hash_key = payload.hashes[key] = generate_js_hash(payload.script, key, False)

    def changed() -> None:  # as st_folium: the value is also kept under the caller's key
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    return _component_func(
        script=payload.script, header=payload.header, html=payload.html, id=payload.id, key=hash_key,
        height=height, width=None, returned_objects=wanted, default=defaults, zoom=None, center=None,
        feature_group=script, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(payload.css_links), js_links=list(payload.js_links), on_change=changed,
        wrap_longitude=False,
    )  # fmt: skip
