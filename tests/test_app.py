"""The Streamlit app under AppTest: it starts on the sample, filters and links change the counts, a URL
restores a view, and an uploaded article is ingested."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
    at = _run(AppTest.from_file(APP, default_timeout=60))
    assert _count(at) == (8, 8)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["name"] for t in spec["data"] if t.get("mode") == "markers"} >= {"talks", "offensive"}
    leaflet = at.get("component_instance")[0].proto.json_args
    assert "/app/static/leaflet.js" in leaflet and "L.map" in leaflet


def test_filters_change_the_counts_and_the_url(app_env: None) -> None:
    at = _run(AppTest.from_file(APP, default_timeout=60))
    at.multiselect(key="f_types").set_value(["talks"])
    _run(at)
    assert _count(at) == (2, 8)
    assert at.query_params["type"] in ("talks", ["talks"])
    at.text_input(key="f_text").set_value("Saraqib")
    _run(at)
    assert _count(at) == (0, 8)


def test_query_params_restore_a_view(app_env: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
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
    at = _run(AppTest.from_file(APP, default_timeout=60))
    assert _count(at) == (2, 8)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sum(len(t["x"]) for t in spec["data"] if t.get("mode") == "markers" and t["x"][0]) == 2
    at.button[0].click()  # "Clear selection"
    _run(at)
    assert _count(at) == (8, 8)


def test_timeline_selection_filters_the_table(app_env: None) -> None:
    at = _run(AppTest.from_file(APP, default_timeout=60))
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
    at = _run(AppTest.from_file(APP, default_timeout=120))
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

    at = _run(AppTest.from_file(APP, default_timeout=60))
    assert at.select_slider(key="week").value == date(2020, 3, 2)  # starts at the latest week
    assert places(at) == 5
    at.select_slider(key="week").set_value(date(2020, 1, 20))  # only the offensive of 24 January so far
    _run(at)
    assert places(at) == 1
    assert _count(at) == (8, 8)  # the timeline and table keep every event
