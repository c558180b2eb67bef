"""The map: one marker per place, sized and coloured, region circles, popups, local assets, basemap."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import folium
import pandas as pd
import pytest
from folium.plugins import MarkerCluster

from events_factory import ANKARA, IDLIB, SARAQIB, event, frame
from timeline.charts import TYPE_COLORS
from timeline.map_behaviour import MAX_ZOOM, RESET_LABEL
from timeline.maps import (
    DEFAULT_RADIUS_KM,
    POPUP_EVENTS,
    build_map,
    clicked_place,
    load_basemap,
    marker_radius,
    place_at,
    place_features,
    place_summary,
    popup_html,
    selection_script,
    tiles_reachable,
    week_mask,
)


def _layers(m: folium.Map, kind: type) -> list:
    out = []

    def walk(el) -> None:  # noqa: ANN001
        for child in el._children.values():
            if isinstance(child, kind):
                out.append(child)
            walk(child)

    walk(m)
    return out


def test_one_row_per_place_with_counts_and_dominant_type(events: pd.DataFrame) -> None:
    s = place_summary(events).set_index("name")
    names = {p["name"] for xs in events["places"] for p in xs}
    assert set(s.index) == names
    saraqib = s.loc["Saraqib"]
    assert saraqib["n_events"] == 2 and saraqib["dominant_type"] == "offensive"
    assert saraqib["type_counts"] == {"offensive": 2}
    assert s["n_events"].sum() == sum(len(xs) for xs in events["places"])


def test_markers_one_per_place_sized_and_coloured(events: pd.DataFrame) -> None:
    s = place_summary(events)
    layers = _layers(build_map(s), folium.GeoJson)
    features = {f["properties"]["name"]: f for g in layers for f in g.data["features"]}
    assert set(features) == set(s["name"])  # one marker per place, not per event
    kinds = {g.marker._name for g in layers}
    assert {k.lower() for k in kinds} == {
        "circlemarker",
        "circle",
    }  # points, and the region as a circle in metres
    region = features["southern Idlib countryside"]["properties"]
    assert region["kind"] == "area" and region["style"]["radius"] == DEFAULT_RADIUS_KM["region"] * 1000
    assert region["style"]["fill"] is True  # a filled circle takes clicks anywhere inside it
    idlib = features["Idlib"]["properties"]
    assert idlib["style"]["radius"] == marker_radius(3) > marker_radius(1)
    assert idlib["style"]["fillColor"] == TYPE_COLORS[s.set_index("name").loc["Idlib", "dominant_type"]]
    assert idlib["tooltip"] == "Idlib (3 events)" and "<table>" in idlib["popup"]


def test_selected_place_is_outlined(events: pd.DataFrame) -> None:
    layers = _layers(build_map(place_summary(events), selected="Saraqib"), folium.GeoJson)
    styles = {f["properties"]["name"]: f["properties"]["style"] for g in layers for f in g.data["features"]}
    assert styles["Saraqib"]["color"] == "#000000" and styles["Idlib"]["color"] != "#000000"


def test_popup_lists_the_place_events_rtl_for_arabic() -> None:
    df = frame(
        [
            event("offensive", "2020-02-06", places=[dict(SARAQIB)], evidence="The army captured Saraqib."),
            event("offensive", "2020-02-20", places=[dict(SARAQIB)], language="ar", evidence="قصف على سراقب"),
        ]
    )
    place = place_summary(df).iloc[0].to_dict()
    html = popup_html(place)
    assert "2020-02-20" in html and "The army captured Saraqib." in html
    assert html.index("2020-02-20") < html.index("2020-02-06")  # most recent first
    assert 'dir="rtl"' in html and "قصف على سراقب" in html


def test_popup_size_does_not_grow_with_events() -> None:
    rows = [
        event("offensive", f"2020-02-{d:02d}", places=[dict(IDLIB)], evidence=f"Strike {d}.")
        for d in range(1, 29)
    ]
    place = place_summary(frame(rows)).iloc[0].to_dict()
    assert len(place["events"]) == POPUP_EVENTS
    assert f"and {28 - POPUP_EVENTS} more" in popup_html(place)


def test_assets_are_local_and_clusters_used_when_many_places(events: pd.DataFrame) -> None:
    s = place_summary(events)
    page = build_map(s, cluster=True).get_root().render()
    assert "/app/static/leaflet.js" in page and "/app/static/jquery.min.js" in page
    assert "cdn" not in page.lower() and "https://" not in page.split("<body>")[0]
    assert "/app/static/leaflet.markercluster.js" in page
    assert f'"maxZoom": {MAX_ZOOM}' in page  # clusters need it on the map
    assert not _layers(build_map(s), MarkerCluster)


def test_basemap_below_tiles_and_tiles_optional(events: pd.DataFrame) -> None:
    basemap = load_basemap()
    assert any(f["properties"]["name"] == "Syria" for f in basemap["features"])
    s = place_summary(events)
    offline = build_map(s, basemap=basemap).get_root().render()
    assert '"pane": "basemap"' in offline and "tile.openstreetmap.org" not in offline
    online = (
        build_map(s, basemap=basemap, tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        .get_root()
        .render()
    )
    assert "tile.openstreetmap.org" in online and "errorTileUrl" in online


def test_click_resolves_to_the_nearest_place(events: pd.DataFrame) -> None:
    s = place_summary(events)
    assert place_at(s, 35.865, 36.801) == "Saraqib"
    assert place_at(s, 10.0, 10.0) == ""
    assert clicked_place({"last_object_clicked": {"lat": 36.2, "lng": 37.13}}, s) == "Aleppo"
    assert clicked_place({"last_object_clicked_tooltip": "Idlib (3 events)"}, s) == "Idlib"
    assert clicked_place(None, s) == ""


def test_empty_table_gives_an_empty_map() -> None:
    s = place_summary(frame([]))
    assert len(s) == 0
    assert isinstance(build_map(s), folium.Map)


def test_the_map_opens_on_the_busy_places_not_on_a_far_venue():
    import pandas as pd

    from timeline.maps import opening_bounds as _core_bounds

    summary = pd.DataFrame(
        {
            "name": ["Idlib", "Aleppo", "Moscow"],
            "lat": [35.9, 36.2, 55.7],
            "lon": [36.6, 37.1, 37.6],
            "n_events": [40, 30, 1],
        }
    )
    (south, west), (north, east) = _core_bounds(summary)
    assert south < 35.9 and north < 40 and west < 36.6 < east


def test_the_offline_basemap_has_countries_and_syrian_governorates():
    from timeline.maps import _outline_style, load_basemap

    features = load_basemap()["features"]
    kinds = {f["properties"]["kind"] for f in features}
    assert kinds == {"country", "admin1"}
    governorates = {f["properties"]["name"] for f in features if f["properties"]["kind"] == "admin1"}
    assert {"Idlib", "Aleppo", "Damascus", "Rif Dimashq"} <= governorates
    admin1 = next(f for f in features if f["properties"]["kind"] == "admin1")
    assert _outline_style(admin1)["fillOpacity"] == 0


# -- issue 11 item 2: no script from an event file in the map ---------------------------------------------
HOSTILE = "<img src=x onerror=alert(1)>"


def test_names_and_evidence_are_escaped_in_tooltips_popups_and_the_page() -> None:
    bad = {**SARAQIB, "name": f"Saraqib{HOSTILE}", "name_ar": HOSTILE}
    df = frame([event("offensive", "2020-02-06", places=[bad], evidence=f"Shelling {HOSTILE}<b>x</b>")])
    s = place_summary(df)
    props = place_features(s)[0]["properties"]
    assert HOSTILE not in props["tooltip"] and "&lt;img src=x onerror=alert(1)&gt;" in props["tooltip"]
    assert HOSTILE not in props["popup"] and "<b>x</b>" not in props["popup"]
    page = build_map(s, selected=bad["name"]).get_root().render()
    assert "<img src=x" not in page  # GeoJSON and our script embed text as JSON with < escaped
    assert clicked_place({"last_object_clicked_tooltip": f"Saraqib{HOSTILE} (1 event)"}, s) == bad["name"]


# -- issue 9 (fresh tester) item 6: Jinja marks in evidence or names render literally, the export never crashes
JINJA = ["{{ 'x' }} said", "{% raw %} and {# note", "{{ 7*7 }}", "<script>alert(1)</script>"]


def _exported_places(page: str) -> list[dict]:
    """The place features of an exported map page (folium writes each layer as ``<name>_add({...});``)."""
    layers = [json.loads(m) for m in re.findall(r"_add\((\{.*?\})\);\n", page)]
    return [f["properties"] for layer in layers for f in layer["features"]]


@pytest.mark.parametrize("text", JINJA)
def test_jinja_marks_in_evidence_and_names_show_as_written_in_the_exported_map(text: str) -> None:
    from timeline import exports, map_widget

    place = {**SARAQIB, "name": f"Saraqib {text}"}
    df = frame([event("offensive", "2020-02-06", places=[place], evidence=f"Shelling {text} went on.")])
    s = place_summary(df)
    page = exports.map_html(build_map(s, selected=place["name"]), f"cite {text}").decode("utf-8")
    (props,) = _exported_places(page)
    assert f"Shelling {text} went on." in html.unescape(props["popup"])  # the popup shows it as written
    assert f"Saraqib {text} (1 event)" == html.unescape(props["tooltip"])
    assert props["selected"] and "49" not in html.unescape(props["popup"])  # nothing evaluated
    assert html.escape(f"cite {text}") in page  # the citation caption, as written
    map_widget.map_payload(build_map(s, selected=place["name"]))  # the app's path renders it too


def test_popup_lists_what_an_event_is_about() -> None:
    df = frame([event("talks", "2020-02-08", places=[dict(ANKARA)], actors=[])])
    df["about"] = [[dict(IDLIB), dict(SARAQIB)]]
    place = place_summary(df).iloc[0].to_dict()
    assert place["name"] == "Ankara"  # the map draws places, not about
    assert "on: Idlib, Saraqib" in popup_html(place)


# -- issue 9 item 6: map modes --------------------------------------------------------------------------------
def test_map_modes_cumulative_that_week_or_a_window_of_weeks() -> None:
    days = pd.Series(
        pd.to_datetime(["2020-01-06", "2020-01-20", "2020-02-03", "2020-02-09", "2020-02-10", None])
    )
    week = date(2020, 2, 3)  # a Monday: that week runs to 9 Feb
    assert week_mask(days, week, "cumulative").tolist() == [True, True, True, True, False, False]
    assert week_mask(days, week, "week").tolist() == [False, False, True, True, False, False]
    assert week_mask(days, week, "window", 3).tolist() == [False, True, True, True, False, False]
    with pytest.raises(ValueError, match="map mode"):
        week_mask(days, week, "month")


def test_the_map_keeps_its_view_reopens_the_selected_popup_and_lets_clusters_zoom(
    events: pd.DataFrame,
) -> None:
    s = place_summary(events)
    page = build_map(s, selected="Saraqib", view_key="map-0", cluster=True).get_root().render()
    assert '"map-0"' in page and "sessionStorage" in page  # the view is kept per key
    assert 'select("Saraqib")' not in page and "if (selected) select(selected)" in page  # the name is data
    assert 'selected = "Saraqib"' in page and "map.openPopup(popup" in page  # its popup opens, with no click
    assert selection_script("Saraqib") == 'window.timelineSelect && window.timelineSelect("Saraqib");\n'
    assert "{\\u200b" in selection_script("{{ x }}")  # a name holds no Jinja mark, as in the map's data
    assert 'instanceof L.MarkerCluster) layer.off("click")' in page  # a cluster click only zooms


# -- issue 9 (fresh tester) item 4: a cluster click zooms in, within bounds, with a way back ----------------------
def test_zoom_is_bounded_tooltips_do_not_follow_the_mouse_and_a_button_goes_back(
    events: pd.DataFrame,
) -> None:
    s = place_summary(events)
    m = build_map(s, cluster=True, tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    page = m.get_root().render()
    assert 8 <= MAX_ZOOM <= 14 and m.options["max_zoom"] == MAX_ZOOM  # a town at most, never a street
    assert f'"maxZoom": {MAX_ZOOM}' in page and '"maxZoom": 18' not in page  # map and tiles alike
    assert (
        '"sticky": false' in page and '"sticky": true' not in page
    )  # no tooltip reads a removed layer's map
    assert json.dumps(RESET_LABEL) in page and "timeline-reset-view" in page  # back to the opening view


# -- issue 9 item 7: tiles checked once, offline said in one line ------------------------------------------------
def test_tiles_reachable_asks_for_one_tile_and_fails_fast_when_offline(tmp_path) -> None:  # noqa: ANN001
    import http.server
    import socket
    import threading
    import time

    asked: list[str] = []

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"png")

        def log_message(self, *args) -> None:  # noqa: ANN002
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert tiles_reachable(f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png")
        assert asked == ["/0/0/0.png"]
    finally:
        server.shutdown()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    t = time.perf_counter()
    assert not tiles_reachable(f"http://127.0.0.1:{closed}/{{z}}/{{x}}/{{y}}.png", timeout=1.0)
    assert time.perf_counter() - t < 2.0
    assert not tiles_reachable("not a url")


def test_a_failing_tile_drops_the_tile_layer_with_a_note(events: pd.DataFrame) -> None:
    s = place_summary(events)
    online = build_map(s, tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png").get_root().render()
    assert 'once("tileerror"' in online and "Map tiles unreachable" in online
    assert "tileerror" not in build_map(s).get_root().render()


def test_the_summary_reads_only_its_listed_columns(events: pd.DataFrame) -> None:
    """The app passes only ``SUMMARY_COLUMNS`` (taking every column's rows costs 0.03-0.2 s at 100k events)."""
    from timeline.maps import SUMMARY_COLUMNS

    only = events[[c for c in SUMMARY_COLUMNS if c in events.columns]]
    assert len(only.columns) < len(events.columns)
    pd.testing.assert_frame_equal(place_summary(only), place_summary(events))


def test_features_of_places_with_built_popups_are_those_built_from_every_column() -> None:
    """Issue 9.14: a summary whose popups and tooltips are built gives its features from a few columns
    (not every place's event lists): the same features as a summary that has them built from its events."""
    from timeline.maps import with_popups

    df = frame(
        [
            event("offensive", f"2020-02-{d:02d}", places=[IDLIB], evidence=f"<b>{d}</b> {{x}}")
            for d in range(1, 9)
        ]
        + [event("talks", "2020-03-01", places=[SARAQIB, IDLIB], language="ar", evidence="محادثات")]
    )
    summary = place_summary(df)
    plain = place_features(summary, selected="Saraqib")
    assert place_features(with_popups(summary), selected="Saraqib") == plain
    assert len(plain) == 2 and all(f["properties"]["popup"].startswith("<div class=tlp>") for f in plain)
