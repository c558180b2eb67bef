"""The Streamlit app under AppTest: it starts on the sample, filters and links change the counts, a URL
restores a view, and an uploaded article is ingested."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, events_file: Path, tmp_path: Path) -> None:
    """The app on the eight factory events, offline, with its own cache folder."""
    monkeypatch.setenv("TIMELINE_EVENTS", str(events_file))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))


def _count(at: AppTest) -> tuple[int, int]:
    """(shown, total) from the summary line "**n** of N events"."""
    for md in at.markdown:
        m = re.match(r"\*\*([\d,]+)\*\* of ([\d,]+) events", md.value)
        if m:
            return int(m[1].replace(",", "")), int(m[2].replace(",", ""))
    raise AssertionError("no summary line")


def _app(timeout: int = 60, merge: bool = False) -> AppTest:
    """The app, by default showing every report (the factory's two talks reports would merge into one)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["f_merge"] = merge
    return at


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.slow
def test_starts_on_the_bundled_sample(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TIMELINE_EVENTS", raising=False)
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = _run(AppTest.from_file(APP, default_timeout=300))
    shown, total = _count(at)
    assert shown == total > 0
    assert at.get("plotly_chart") and at.get("component_instance")
    assert list((tmp_path / "cache").glob("*.parquet"))  # events cached on disk for the next start


def test_starts_with_chart_map_and_table(app_env: None) -> None:
    at = _run(_app())
    assert _count(at) == (8, 8)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["name"] for t in spec["data"] if t.get("mode") == "markers"} >= {"talks", "offensive"}
    leaflet = at.get("component_instance")[0].proto.json_args
    assert "/app/static/leaflet.js" in leaflet and "L.map" in leaflet


def test_filters_change_the_counts_and_the_url(app_env: None) -> None:
    at = _run(_app())
    at.multiselect(key="f_types").set_value(["talks"])
    _run(at)
    assert _count(at) == (2, 8)
    assert at.query_params["type"] in ("talks", ["talks"])
    at.text_input(key="f_text").set_value("Saraqib")
    _run(at)
    assert _count(at) == (0, 8)


def test_query_params_restore_a_view(app_env: None) -> None:
    at = _app()
    at.query_params["type"] = ["offensive"]
    at.query_params["lang"] = "ar"
    _run(at)
    assert _count(at) == (1, 8)
    assert at.multiselect(key="f_types").value == ["offensive"]


def test_map_click_filters_timeline_and_table(app_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit_folium

    click = {"last_object_clicked": {"lat": 35.8647, "lng": 36.8003}}  # Saraqib
    # like the real component: a new key (after "Clear selection") starts without a click
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *a, **k: click if k["key"] == "map-0" else {})
    at = _run(_app())
    assert _count(at) == (2, 8)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sum(len(t["x"]) for t in spec["data"] if t.get("mode") == "markers" and t["x"][0]) == 2
    at.button[0].click()  # "Clear selection"
    _run(at)
    assert _count(at) == (8, 8)


def test_timeline_selection_filters_the_table(app_env: None) -> None:
    at = _run(_app())
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    first = next(t for t in spec["data"] if t.get("mode") == "markers" and t.get("customdata"))
    picked = first["customdata"][0]
    at.session_state["timeline-0"] = {
        "selection": {"points": [{"customdata": [picked]}], "box": [], "lasso": []}
    }
    _run(at)
    assert _count(at) == (1, 8)


def test_upload_ingests_an_article(app_env: None) -> None:
    article = ROOT / "data" / "articles" / "000_0dba28c0c5621694.txt"
    at = _run(_app(120))
    at.file_uploader[0].set_value((article.name, article.read_bytes(), "text/plain"))
    _run(at)
    next(b for b in at.button if b.label == "Extract events").click()
    _run(at)
    report = [s.value for s in at.success]
    assert report and report[0].startswith("Read 1 articles")
    found = int(re.search(r"found (\d+) events", report[0])[1])
    assert found > 0
    assert _count(at)[1] > 8
    bad = _run(at)
    bad.file_uploader[0].set_value(("broken.pdf", b"%PDF-1.4", "application/pdf"))
    _run(bad)
    next(b for b in bad.button if b.label == "Extract events").click()
    _run(bad)
    assert any("broken.pdf" in w.value for w in bad.warning)


def test_serve_command_line_and_app_config(tmp_path: Path) -> None:
    from timeline.serve import app_config, streamlit_argv

    argv = streamlit_argv(events=tmp_path / "e.jsonl", port=8600, extra_args=["--server.headless", "true"])
    assert argv[:3] == ["streamlit", "run", APP]
    assert argv[argv.index("--server.port") + 1] == "8600" and "--server.enableStaticServing" in argv
    assert argv[argv.index("--") + 1 :] == ["--events", str((tmp_path / "e.jsonl").resolve())]
    cfg = app_config(argv[argv.index("--") + 1 :], {"TIMELINE_TILES": "none"})
    assert cfg.events == (tmp_path / "e.jsonl").resolve() and cfg.tiles is None
    env = app_config([], {"TIMELINE_ARTICLES": str(tmp_path), "TIMELINE_CACHE": str(tmp_path / "c")})
    assert env.events is None and env.articles == tmp_path and env.cache_dir == tmp_path / "c"
    assert env.tiles and env.tiles.startswith("https://tile.openstreetmap.org")


def test_playback_shows_the_map_as_of_a_week(app_env: None) -> None:
    from datetime import date

    def places(at: AppTest) -> int:
        return int(next(c.value for c in at.caption if "places" in c.value).split()[0])

    at = _run(_app())
    assert at.select_slider(key="week").value == date(2020, 3, 2)  # starts at the latest week
    assert places(at) == 5
    at.select_slider(key="week").set_value(date(2020, 1, 20))  # only the offensive of 24 January so far
    _run(at)
    assert places(at) == 1
    assert _count(at) == (8, 8)  # the timeline and table keep every event


def _decoded(v: object) -> object:
    """Plotly's typed arrays ({"dtype", "bdata"}) as lists, recursively."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    if isinstance(v, dict):
        return {k: _decoded(x) for k, x in v.items()}
    return [_decoded(x) for x in v] if isinstance(v, list) else v


def _agg_spec(at: AppTest, name: str) -> dict:
    """The figure of an aggregate chart as plain JSON."""
    chart = next(c for c in at.get("plotly_chart") if f"agg-{name}" in c.proto.id)
    return _decoded(json.loads(chart.proto.spec))


def test_aggregates_render_and_follow_the_filters(app_env: None) -> None:
    at = _run(_app())
    counts = _agg_spec(at, "counts")
    assert {t["name"] for t in counts["data"]} >= {"talks", "offensive", "ceasefire", "ultimatum"}
    assert sum(sum(t["y"]) for t in counts["data"]) == _count(at)[0]  # by type: each event once
    heat = _agg_spec(at, "actor-matrix")["data"][0]
    assert heat["type"] == "heatmap" and at.selectbox(key="agg_type").value == "offensive"
    gantt = _agg_spec(at, "campaigns")["data"]
    assert gantt and all(t["orientation"] == "h" for t in gantt)
    rounds = next(d.value for d in at.dataframe if "round" in d.value.columns)
    assert list(rounds["round"]) == [1, 2] and list(rounds["status"]) == ["failed", "occurred"]
    assert any("first round failed on 8 Feb 2020" in md.value for md in at.markdown)
    at.radio(key="agg_freq").set_value("month")
    at.radio(key="agg_by").set_value("actor")
    at.selectbox(key="agg_type").set_value("talks")
    at.multiselect(key="f_types").set_value(["talks"])
    _run(at)
    counts = _agg_spec(at, "counts")
    assert {t["name"] for t in counts["data"]} == {"Turkey", "Russia"}
    assert all(d.endswith("-01") for t in counts["data"] for d in t["customdata"])  # months start on the 1st
    heat = _agg_spec(at, "actor-matrix")["data"][0]
    assert heat["x"] == heat["y"] == ["Russia", "Turkey"]
    assert not _agg_spec(at, "campaigns")["data"]  # no offensive passes the filter


def test_merge_toggle_merges_reports_and_shows_sources(app_env: None, events: pd.DataFrame) -> None:
    from timeline.dedup import merge_duplicates

    expected, report = merge_duplicates(events)
    assert report.merged > 0  # the factory's two talks reports 2 days apart count as one event
    at = _run(_app(merge=True))
    assert _count(at) == (len(expected), len(expected))
    assert any(
        f"{report.merged + report.groups} reports merged into {report.groups}" in c.value for c in at.caption
    )
    table = at.dataframe(key="table").value
    assert table["n_sources"].max() == expected["n_sources"].max() > 1
    assert "smart.txt" in "".join(table["sources"])
    at.toggle(key="f_merge").set_value(False)
    _run(at)
    assert _count(at) == (len(events), len(events))
    assert "n_sources" not in at.dataframe(key="table").value.columns


def test_serves_an_event_store_folder(
    events: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.serve import app_config, load_events
    from timeline.store import MANIFEST, EventStore

    store = tmp_path / "store"
    EventStore(store).write(events, {a: "v1" for a in events["article_id"]})
    assert (store / MANIFEST).exists() and len(list(store.glob("month=*"))) > 1
    loaded = load_events(app_config(["--events", str(store)], {}))
    assert sorted(loaded["event_id"]) == sorted(events["event_id"])  # the manifest is not read as events
    assert (
        loaded["actors"].map(len).tolist()
        == loaded["event_id"]
        .map(dict(zip(events["event_id"], events["actors"].map(len), strict=True)))
        .tolist()
    )
    monkeypatch.setenv("TIMELINE_EVENTS", str(store))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = _run(_app())
    assert _count(at) == (len(events), len(events))
