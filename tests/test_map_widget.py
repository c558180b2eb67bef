"""The map sent from a cached payload is the map st_folium sends (``timeline.map_widget``)."""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import pytest
import streamlit_folium

from events_factory import IDLIB, SARAQIB, event, frame
from timeline import map_widget, maps


def _sent(monkeypatch: pytest.MonkeyPatch, module: Any, call: Any) -> dict[str, Any]:
    """The keyword arguments ``call`` gives the st_folium component (``on_change`` left out)."""
    seen: dict[str, Any] = {}

    def record(**kwargs: Any) -> dict[str, Any]:
        seen.update(kwargs)
        return kwargs["default"]

    monkeypatch.setattr(module, "_component_func", record)
    call()
    seen.pop("on_change")
    return seen


@pytest.mark.parametrize("n_places", [2, maps.CLUSTER_ABOVE + 5])  # a few circles; many, in clusters
@pytest.mark.parametrize("tiles", [None, maps.OSM_TILES])
def test_the_payload_sends_what_st_folium_sends(
    monkeypatch: pytest.MonkeyPatch, n_places: int, tiles: str | None
) -> None:
    assert map_widget.FAST  # the installed streamlit-folium has the steps this module reuses
    places = [dict(IDLIB, lat=35.0 + i / 10, lon=36.0 + i / 10, name=f"p{i}") for i in range(n_places - 2)]
    df = frame([event("offensive", "2020-02-01", places=[p]) for p in [IDLIB, SARAQIB, *places]])
    summary = maps.with_popups(maps.place_summary(df))
    fmap = maps.build_map(
        summary, tiles=tiles, basemap=maps.load_basemap(), selected="Saraqib", view_key="map-0"
    )
    other = copy.deepcopy(fmap)
    expected = _sent(
        monkeypatch, streamlit_folium,
        lambda: streamlit_folium.st_folium(fmap, key="map-0", height=520, use_container_width=True,
                                           returned_objects=["last_object_clicked"], render=False),
    )  # fmt: skip
    payload = map_widget.map_payload(other)
    got = _sent(
        monkeypatch,
        map_widget,
        lambda: map_widget.show(payload, key="map-0", height=520, returned_objects=["last_object_clicked"]),
    )
    assert got.keys() == expected.keys()
    for name in expected:
        assert got[name] == expected[name], name
    assert "Saraqib" in got["script"] and len(got["script"]) > 1000


def test_the_payload_is_reusable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sent twice (two reruns), one payload gives the same message and the same component key."""
    df = frame([event("offensive", "2020-02-01", places=[SARAQIB])])
    payload = map_widget.map_payload(maps.build_map(maps.place_summary(df), view_key="map-1"))
    first = _sent(monkeypatch, map_widget, lambda: map_widget.show(payload, key="map-1", height=300))
    again = _sent(monkeypatch, map_widget, lambda: map_widget.show(payload, key="map-1", height=300))
    assert first == again and first["key"] != "map-1"  # st_folium's key: a hash of the script and key
    other = _sent(monkeypatch, map_widget, lambda: map_widget.show(payload, key="map-2", height=300))
    assert other["key"] != first["key"]
    assert pd.notna(first["default"]["bounds"]["_southWest"]["lat"])


def test_the_layers_data_put_in_last_is_the_script_st_folium_sends(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9.14: the GeoJSON layers' data is written into the script after st_folium's renaming and
    dedent (a token in its place until then); with popups holding quotes, markup, backslashes, line breaks,
    indentation, Arabic and folium-like names, the script is still st_folium's own, byte for byte."""
    hostile = [
        'it\'s "quoted" & <b>bold</b> <script>alert(1)</script>',
        "back\\slash\n    indented line\n\ttab { 'geo_json_0' } map_div_1 _abc123",
        "قصف على سراقب\u202b والنيرب",
    ]
    df = frame(
        [
            event("offensive", f"2020-02-0{i + 1}", places=[place], evidence=text)
            for i, (place, text) in enumerate(zip([IDLIB, SARAQIB, IDLIB], hostile, strict=True))
        ]
    )
    summary = maps.with_popups(maps.place_summary(df))
    fmap = maps.build_map(summary, basemap=maps.load_basemap(), selected="Idlib", view_key="map-0")
    other = copy.deepcopy(fmap)
    expected = _sent(
        monkeypatch, streamlit_folium,
        lambda: streamlit_folium.st_folium(fmap, key="map-0", height=520, use_container_width=True, render=False),
    )  # fmt: skip
    payload = map_widget.map_payload(other)
    got = _sent(monkeypatch, map_widget, lambda: map_widget.show(payload, key="map-0", height=520))
    assert got["script"] == expected["script"]
    assert "TIMELINEGEOJSONDATA" not in got["script"] and "alert(1)" in got["script"]


def test_the_outlines_are_encoded_once_and_sent_as_st_folium_sends(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9.14: the basemap's outlines (the same data on every map state) are encoded to JSON once, not
    on every new map state; the script sent is still st_folium's (element ids aside: two maps built)."""
    import re

    basemap = maps.load_basemap()
    summary = maps.with_popups(maps.place_summary(frame([event("offensive", "2020-02-01", places=[IDLIB])])))
    map_widget.map_payload(maps.build_map(summary, basemap=basemap, view_key="map-0"))  # encodes the outlines
    encoded: list[str] = []
    real = map_widget._encode
    monkeypatch.setattr(
        map_widget, "_encode", lambda layer, v: encoded.append(type(layer).__name__) or real(layer, v)
    )
    payload = map_widget.map_payload(
        maps.build_map(summary, basemap=basemap, selected="Idlib", view_key="map-0")
    )
    assert encoded and "_Outlines" not in encoded  # the places' layer only
    fmap = maps.build_map(summary, basemap=basemap, selected="Idlib", view_key="map-0")
    expected = _sent(
        monkeypatch, streamlit_folium,
        lambda: streamlit_folium.st_folium(fmap, key="map-0", height=520, use_container_width=True, render=False),
    )  # fmt: skip
    got = _sent(monkeypatch, map_widget, lambda: map_widget.show(payload, key="map-0", height=520))
    ids = re.compile(r"_[0-9a-f]{32}")
    assert ids.sub("_", got["script"]) == ids.sub("_", expected["script"])


def test_the_widget_key_of_a_payload_is_st_folium_s_and_computed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 9.14: st_folium's key of the map (regular expressions and a hash over the whole script) is kept
    with the cached payload: a rerun that draws the same map does not compute it again."""
    summary = maps.with_popups(maps.place_summary(frame([event("offensive", "2020-02-01", places=[IDLIB])])))
    payload = map_widget.map_payload(maps.build_map(summary, view_key="map-0"))
    calls: list[str] = []
    real = map_widget.generate_js_hash
    monkeypatch.setattr(map_widget, "generate_js_hash", lambda *a: calls.append(a[1]) or real(*a))
    sent = [
        _sent(monkeypatch, map_widget, lambda k=k: map_widget.show(payload, key=k, height=520)) for k in "aab"
    ]
    assert calls == ["a", "b"]
    assert [s["key"] for s in sent] == [real(payload.script, k, False) for k in "aab"]
