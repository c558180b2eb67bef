"""The Streamlit app under AppTest: it starts on the sample, filters and links change the counts, a URL
restores a view, and an uploaded article is ingested."""

from __future__ import annotations

import base64
import json
import re
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_testing import run_clean as _run
from timeline.present import RTL_MARK

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def _count(at: AppTest) -> tuple[int, int]:
    """(shown, total) from the summary line "**n** of N events"."""
    for md in at.markdown:
        m = re.match(r"\*\*([\d,]+)\*\* of ([\d,]+) events", md.value)
        if m:
            return int(m[1].replace(",", "")), int(m[2].replace(",", ""))
    raise AssertionError("no summary line")


def _app(timeout: int = 60, merge: bool = False) -> AppTest:
    """The app, by default showing every report (merging off)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["f_merge"] = merge
    return at


@pytest.mark.slow
def test_starts_on_the_bundled_sample(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TIMELINE_EVENTS", raising=False)
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = _run(AppTest.from_file(APP, default_timeout=300))
    shown, total = _count(at)
    assert shown == total > 0
    # it opens on one story: the Idlib campaign, Nov 2019 - Mar 2020, in Arabic and English
    assert at.date_input(key="f_dates").value[1] <= date(2020, 3, 31)
    table = at.dataframe(key="table").value
    days = pd.to_datetime(
        table["date"].str[:10], format="ISO8601"
    )  # "2020-02-10", "2020-01" (a month), "2019"
    assert ((days >= "2019-11-01") & (days <= "2020-03-31")).mean() >= 0.9
    assert (
        table["evidence"].str.startswith(RTL_MARK).any()
        and not table["evidence"].str.startswith(RTL_MARK).all()
    )
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
    from timeline import map_widget

    click = {"last_object_clicked": {"lat": 35.8647, "lng": 36.8003}}  # Saraqib
    # like the real component: a new key (after "Clear selection") starts without a click
    monkeypatch.setattr(map_widget, "show", lambda *a, **k: click if k["key"] == "map-0" else {})
    at = _run(_app())
    assert _count(at) == (2, 8)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sum(len(t["x"]) for t in spec["data"] if t.get("mode") == "markers" and t["x"][0]) == 2
    at.button[0].click()  # "Clear selection"
    _run(at)
    assert _count(at) == (8, 8)


def test_a_map_click_selects_its_place_in_the_map_as_drawn(
    app_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 9 item 6 (fresh tester 8): the map's component keeps its key (so the browser keeps the map drawn,
    with its view and the clicked popup) and the selected place goes beside it, as a script."""
    from timeline import map_widget

    sent: list[dict] = []
    click = {"last_object_clicked": {"lat": 35.8647, "lng": 36.8003}}  # Saraqib

    def component(**kwargs: object) -> object:
        sent.append(kwargs)
        return click if len(sent) > 1 else kwargs["default"]  # the user clicks after the first draw

    monkeypatch.setattr(map_widget, "_component_func", component)
    at = _run(_app())
    _run(at)  # a rerun (as the click's): the map returns the click
    assert _count(at) == (2, 8) and at.query_params["sel_place"] in ("Saraqib", ["Saraqib"])
    first, last = sent[0], sent[-1]
    assert last["key"] == first["key"] and last["script"] == first["script"]  # the same map, not drawn again
    assert "Saraqib" not in first["feature_group"] and '"Saraqib"' in last["feature_group"]


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
    assert report and report[0].startswith("Read 1 article,")  # "1 article", never "1 articles"
    found = int(re.search(r"found (\d+) events", report[0])[1])
    assert found > 0
    assert _count(at)[1] == 8 + found
    # a reload (a new session on the same server) still has them: they are in the app's event store
    again = _run(_app(120))
    assert _count(again)[1] == 8 + found
    assert any(f"{8 + found} events from" in c.value for c in again.sidebar.caption)
    # the same article again: nothing new, and the message says so (the count does not grow)
    again.file_uploader[0].set_value((article.name, article.read_bytes(), "text/plain"))
    _run(again)
    next(b for b in again.button if b.label == "Extract events").click()
    _run(again)
    assert "all were already among them" in again.success[0].value
    assert _count(again)[1] == 8 + found


def test_upload_where_every_file_failed_is_an_error(app_env: None) -> None:
    at = _run(_app(120))
    at.file_uploader[0].set_value(
        [("broken.pdf", b"%PDF-1.4", "application/pdf"), ("empty.txt", b"", "text/plain")]
    )
    _run(at)
    next(b for b in at.button if b.label == "Extract events").click()
    _run(at)
    assert not at.success  # no green "Read 0 articles"
    errors = [e.value for e in at.error]
    assert errors[0].startswith("No article could be read: 2 files failed")
    assert any("broken" in e and "pdf" in e for e in errors[1:]) and any("empty" in e for e in errors[1:])
    assert _count(at) == (8, 8)


@pytest.mark.parametrize("bad", ["missing.parquet", "events.xlsx"])
def test_bad_event_file_is_one_line_error(bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / bad
    if bad.endswith(".xlsx"):
        path.write_bytes(b"PK\x03\x04")
    monkeypatch.setenv("TIMELINE_EVENTS", str(path))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = _run(_app())  # no exception (traceback) in the page
    assert len(at.error) == 1 and "Cannot open the events" in at.error[0].value
    assert bad.replace(".", "\\.") in at.error[0].value or bad in at.error[0].value
    assert "\n" not in at.error[0].value and not at.get("plotly_chart")


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
        return int(next(c.value for c in at.caption if re.match(r"\d+ places? ·", c.value)).split()[0])

    at = _run(_app())
    assert at.select_slider(key="week-0").value == date(2020, 3, 2)  # starts at the latest week
    assert places(at) == 5
    at.select_slider(key="week-0").set_value(date(2020, 1, 20))  # only the offensive of 24 January so far
    _run(at)
    assert places(at) == 1
    assert any(c.value.startswith("1 place ·") for c in at.caption)  # not "1 places"
    assert _count(at) == (8, 8)  # the timeline and table keep every event


def test_a_rerun_rebuilds_only_what_its_change_touches(
    app_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Figures and the map's places are cached on the filter state: moving the map's week rebuilds the map's
    places only, going back to a week seen before rebuilds nothing, a filter rebuilds the timeline."""
    from timeline import charts, mark_index, place_weeks

    calls = {"timeline": 0, "counts": 0, "places": 0}

    def counted(name: str, fn: object) -> object:
        def wrapper(*args: object, **kwargs: object) -> object:
            calls[name] += 1
            return fn(*args, **kwargs)  # type: ignore[operator]

        return wrapper

    monkeypatch.setattr(mark_index, "timeline_figure", counted("timeline", mark_index.timeline_figure))
    monkeypatch.setattr(charts, "counts_figure", counted("counts", charts.counts_figure))
    monkeypatch.setattr(place_weeks, "summary", counted("places", place_weeks.summary))
    at = _run(_app())
    assert calls == {"timeline": 1, "counts": 1, "places": 1}
    at.select_slider(key="week-0").set_value(date(2020, 1, 20))
    _run(at)
    assert calls == {"timeline": 1, "counts": 1, "places": 2}
    at.select_slider(key="week-0").set_value(date(2020, 3, 2))
    _run(at)
    assert calls == {"timeline": 1, "counts": 1, "places": 2}
    at.multiselect(key="f_types").set_value(["talks"])
    _run(at)
    assert calls["timeline"] == calls["counts"] == 2 and calls["places"] == 3


def test_review_counts_are_not_redone_on_every_rerun(app_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review header and panel count the cached frames once (issue 9.14: every rerun counted all
    rows)."""
    from timeline import review as rv

    calls = {"counts": 0, "precision": 0}

    def counted(name: str, fn: object) -> object:
        def wrapper(*args: object, **kwargs: object) -> object:
            calls[name] += 1
            return fn(*args, **kwargs)  # type: ignore[operator]

        return wrapper

    monkeypatch.setattr(rv, "review_counts", counted("counts", rv.review_counts))
    monkeypatch.setattr(rv, "precision_by_type", counted("precision", rv.precision_by_type))
    at = _run(_app())
    first = dict(calls)
    assert first["counts"] >= 1 and first["precision"] >= 1
    _run(at)
    _run(at)
    assert calls == first


def test_the_events_are_shared_between_reruns_not_copied(
    app_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rerun must not unpickle a copy of the whole event table (1.3 s at 100k events)."""
    from timeline import review_ui

    seen: list[tuple[int, int]] = []
    real = review_ui.reviewed

    def spy(cfg: object, data: pd.DataFrame, key: str, merged: pd.DataFrame | None = None) -> object:
        seen.append((id(data), id(merged)))  # the reports and their merge (merging on by default)
        return real(cfg, data, key, merged)

    monkeypatch.setattr(review_ui, "reviewed", spy)
    at = _run(_app())
    at.multiselect(key="f_types").set_value(["talks"])
    _run(at)
    assert len(seen) == 2 and seen[0] == seen[1]


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


def test_aggregates_are_built_on_demand(app_env: None) -> None:
    at = _run(_app())
    charts = [c.proto.id for c in at.get("plotly_chart")]
    assert len(charts) == 2 and not any("agg-" in c for c in charts)  # only the timeline and the counts
    assert at.get("component_instance")  # and the map
    at.radio(key="f_page").set_value("aggregates")
    _run(at)
    charts = [c.proto.id for c in at.get("plotly_chart")]
    assert sum("agg-" in c for c in charts) == 4 and not at.get("component_instance")
    assert at.query_params["view"] in ("aggregates", ["aggregates"])


def test_aggregates_render_and_follow_the_filters(app_env: None) -> None:
    at = _app()
    at.query_params["view"] = "aggregates"
    _run(at)
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


def test_merge_toggle_merges_reports_and_shows_sources(
    app_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from events_factory import ANKARA, RUSSIA, TURKEY, event, frame, sample_rows, write_jsonl
    from timeline.dedup import merge_duplicates

    # the factory's second round of talks (smart.txt, 10 Feb) told again by a wire the same day
    again = event("talks", "2020-02-10", subtype="negotiation", status="occurred", source="data/articles/wire.txt",
                  actors=[dict(RUSSIA), dict(TURKEY)], places=[dict(ANKARA)],
                  evidence="The second round of Turkish-Russian talks on Idlib began in Ankara on Monday.")  # fmt: skip
    rows = [*sample_rows(), again]
    monkeypatch.setenv("TIMELINE_EVENTS", str(write_jsonl(rows, tmp_path / "events2.jsonl")))
    events = frame(rows)
    expected, report = merge_duplicates(events)
    assert report.merged > 0  # the two reports of the second round count as one event
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


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed article extracted by ``timeline extract`` into every format it writes."""
    from timeline.cli import main

    out = tmp_path_factory.mktemp("written")
    article = ROOT / "data" / "articles" / "000_0dba28c0c5621694.txt"
    files = {}
    for suffix in (".jsonl", ".json", ".parquet", ".csv", ".geojson"):
        files[suffix] = out / f"ev{suffix}"
        assert main(["extract", str(article), "-o", str(files[suffix]), "--no-progress"]) == 0
    return files


@pytest.mark.parametrize("suffix", [".json", ".parquet", ".csv", ".geojson"])
def test_every_file_extract_writes_is_servable(extracted: dict[str, Path], suffix: str) -> None:
    from timeline.serve import app_config, check_inputs, load_events

    reference = load_events(app_config(["--events", str(extracted[".jsonl"])], {}))
    assert check_inputs(extracted[suffix], None) is None
    got = load_events(app_config(["--events", str(extracted[suffix])], {}))
    assert sorted(got["event_id"]) == sorted(reference["event_id"]) and len(got) > 0
    by_id = got.set_index("event_id")
    for ev in reference.to_dict("records"):
        mine = by_id.loc[ev["event_id"]]
        assert [p["name"] for p in mine["places"]] == [p["name"] for p in ev["places"]]
        for p, q in zip(mine["places"], ev["places"], strict=True):  # coordinates back, also from CSV
            assert p["lat"] is not None and abs(float(p["lat"]) - q["lat"]) < 0.5
        assert [a["code"] for a in mine["actors"]] == [a["code"] for a in ev["actors"]]
        assert mine["evidence"] == ev["evidence"]


def test_bad_inputs_are_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.cli import main

    article = ROOT / "data" / "articles" / "000_0dba28c0c5621694.txt"
    assert main(["extract", str(article), "-o", str(tmp_path / "x.xlsx"), "--no-progress"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "'.xlsx'" in err and "articles read" not in err  # refused at once
    assert not (tmp_path / "x.xlsx").exists()
    assert main(["serve", "--events", str(tmp_path / "nope.parquet")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no such event file" in err and "Traceback" not in err
    (tmp_path / "ev.txt").write_text("x", encoding="utf-8")
    assert main(["serve", "--events", str(tmp_path / "ev.txt")]) == 2
    assert "cannot read events from ev.txt" in capsys.readouterr().err


def _markdown_sinks(at: AppTest) -> list[str]:
    """Every text the app passed to a Markdown sink (main area and sidebar)."""
    kinds = ("markdown", "caption", "success", "info", "warning", "error")
    return [e.value for k in kinds for e in getattr(at, k)] + [
        e.value for k in kinds for e in getattr(at.sidebar, k)
    ]


def test_untrusted_text_reaches_markdown_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Titles, sources, names from an event file and a filter value from a shared link are shown as text:
    no remote image, no link, no code span (issue 11.1)."""
    from events_factory import event, write_jsonl

    hostile = "![x](http://host/p.png) [Verified](https://evil.example) `tick"
    place = {"name": hostile, "lat": 35.9, "lon": 36.6, "precision": "point", "country": "SYR", "admin1": ""}
    rows = [
        event("talks", "2020-02-10", source=f"{hostile}.txt", places=[place])
        | {"title": hostile, "actors": [{"code": "TURGOV", "name": hostile, "role": "participant"}]},
        event(
            "talks",
            "2020-02-17",
            source="b.txt",
            actors=[{"code": "RUSGOV", "name": hostile, "role": "participant"}],
        ),
    ]
    monkeypatch.setenv("TIMELINE_EVENTS", str(write_jsonl(rows, tmp_path / "![f](http:x.png) `f.jsonl")))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = _app()
    at.query_params["q"] = "![q](http://host/q.png)"
    at.query_params["place"] = hostile
    _run(at)
    assert _count(at)[0] == 0  # the hostile search text filters (and is shown escaped)
    at.text_input(key="f_text").set_value("")
    _run(at)
    assert _count(at)[0] == 1  # the hostile place filter matched the event
    active = re.compile(r"(?<!\\)(!\[|\]\(|`)")
    # the texts that carry the hostile strings (the app's own notes may use Markdown: "`apt-get install chromium`")
    carried = re.compile(r"Verified|evil\.example|tick|host/|http:x")
    texts = [t for t in _markdown_sinks(at) if carried.search(t)]
    assert any("Verified" in t for t in texts)  # the hostile text is shown ...
    assert not [t for t in texts if active.search(t)]  # ... as text
    at.radio(key="f_page").set_value("aggregates")
    _run(at)
    texts = [t for t in _markdown_sinks(at) if carried.search(t)]
    assert not [t for t in texts if active.search(t)]


def test_default_sample_is_the_idlib_campaign_with_attribution() -> None:
    from timeline.serve import app_config

    cfg = app_config([], {})
    assert cfg.articles == ROOT / "data" / "sample" and cfg.events is None
    files = sorted(p.name for p in cfg.articles.iterdir() if p.name != "ATTRIBUTION.md")
    attribution = (cfg.articles / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert files and all(f"`{name}`" in attribution for name in files)
    assert (ROOT / "data" / "articles" / "000_0dba28c0c5621694.txt").exists()  # the older sample stays


CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = ROOT.parents[1] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.exists(), reason="needs the shared corpus beside the checkout")
def test_committed_sample_is_what_the_script_builds(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "scripts" / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in module.build(CORPUS, tmp_path):
        assert path.read_bytes() == (ROOT / "data" / "sample" / path.name).read_bytes(), path.name


def test_count_axis_has_whole_number_ticks(app_env: None) -> None:
    at = _run(_app())
    counts = next(c for c in at.get("plotly_chart") if "counts" in c.proto.id)
    yaxis = json.loads(counts.proto.spec)["layout"]["yaxis"]
    assert yaxis["tickformat"] == ",d" and yaxis["dtick"] == 1  # few events: one tick per event, no 0.5


def test_extract_summary_counts_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.cli import main

    article = ROOT / "data" / "articles" / "000_0dba28c0c5621694.txt"
    assert main(["extract", str(article), "-o", str(tmp_path / "ev.jsonl"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "timeline: 1 article read," in err and "0 problems" in err  # not "1 articles"


def test_many_sources_are_listed_in_part_and_typed_in(app_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over ``MAX_LISTED_SOURCES`` sources the filter lists the first ones (100k options cost every rerun);
    another source can be typed in and filters as a listed one would, an unknown one is refused."""
    from timeline import filters as flt

    monkeypatch.setattr(flt, "MAX_LISTED_SOURCES", 1)
    at = _run(_app())
    assert at.multiselect(key="f_sources").options == ["sample.txt"]  # its name, not the shared folder
    at.multiselect(key="f_sources").set_value(["data/articles/smart2.txt"])  # typed: not listed
    _run(at)
    assert _count(at) == (1, 8)
    assert at.query_params["source"] in ("smart2.txt", ["smart2.txt"])  # no folder in a link
    assert "smart2.txt" in at.multiselect(key="f_sources").options  # a selected one stays listed
    at.multiselect(key="f_sources").set_value(["data/articles/smart2.txt", "nope.txt"])
    _run(at)
    assert _count(at) == (1, 8)
    assert any("No events from nope" in w.value for w in at.warning)


def test_playback_steps_and_stops_when_a_single_week_is_left(app_env: None) -> None:
    """Play moves the map a week per run (a fragment on a timer in a browser); when the filters leave one
    week or none it stops, so no timer keeps rerunning the map."""
    at = _run(_app())
    first = at.select_slider(key="week-0").value
    at.toggle(key="playing").set_value(True)
    _run(at)
    assert at.session_state["playing"] is True
    assert at.select_slider(key="week-0").value != first
    at.text_input(key="f_text").set_value("مستمر")  # one event: one week
    _run(at)
    assert _count(at) == (1, 8)
    assert at.session_state["playing"] is False and at.session_state["was_playing"] is False


def test_stopping_playback_leaves_the_slider_the_map_and_the_link_on_the_week_drawn_last(
    app_env: None,
) -> None:
    """Issue 9 (fresh tester 8): the stop click can leave the browser before the last step's week reached it,
    so it sends the week before; the map, the slider and the link all stay on the week the map drew last
    (the link trailed the slider by a week)."""
    at = _run(_app())
    at.toggle(key="playing").set_value(True)
    _run(at)
    _run(at)  # a step of the timer
    drawn = at.session_state["map_now"]["week"]
    weeks = at.select_slider(key="week-0").options
    before = weeks[weeks.index(drawn.strftime("%d %b %Y")) - 1]
    at.select_slider(key="week-0").set_value(
        datetime.strptime(before, "%d %b %Y").date()
    )  # as the browser has it
    at.toggle(key="playing").set_value(False)
    _run(at)
    assert at.session_state["playing"] is False
    assert at.select_slider(key="week-0").value == drawn == at.session_state["map_now"]["week"]
    assert at.query_params["week"] in (drawn.isoformat(), [drawn.isoformat()])


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("bad.csv", "a,b\n1,2\n", "holds no events"),
        ("bad.jsonl", '{"event_id": "x", "type": "talks"\n', "JSONDecodeError"),
    ],
)
def test_serve_refuses_a_file_without_events_before_starting(
    name: str, text: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from timeline.cli import main

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["serve", "--events", str(path)]) == 2  # refused before Streamlit starts
    err = capsys.readouterr().err.strip()
    assert reason in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_uploads_stay_with_the_events_they_were_added_to(tmp_path: Path) -> None:
    from timeline.serve import app_config

    cache = {"TIMELINE_CACHE": str(tmp_path / "c")}
    sample = app_config([], cache)
    one, other = tmp_path / "a" / "ev.csv", tmp_path / "b" / "ev.csv"
    stores = {
        sample.upload_store,
        app_config(["--events", str(one)], cache).upload_store,
        app_config(["--events", str(other)], cache).upload_store,
    }
    assert (
        len(stores) == 3
    )  # serving ev.csv never shows what was uploaded beside the sample or another ev.csv
    assert sample.upload_store == tmp_path / "c" / "uploads"  # where uploads beside the sample always were
    assert (
        app_config(["--events", str(one)], cache).upload_store
        == app_config(["--events", str(one)], cache).upload_store
    )


def test_a_map_at_the_latest_week_stays_at_the_latest_when_a_filter_is_cleared(app_env: None) -> None:
    from datetime import date

    at = _run(_app())
    latest = at.select_slider(key="week-0").value
    at.multiselect(key="f_types").set_value(["offensive"])
    _run(at)
    assert at.select_slider(key="week-0").value < latest  # the offensives' latest week is an earlier one
    at.multiselect(key="f_types").set_value([])
    _run(at)
    assert at.select_slider(key="week-0").value == latest  # not left at the narrowed filter's latest week
    at.select_slider(key="week-0").set_value(date(2020, 1, 20))  # a week picked by hand stays as picked
    _run(at)
    at.multiselect(key="f_types").set_value(["talks", "offensive"])
    _run(at)
    assert at.select_slider(key="week-0").value == date(2020, 1, 20)
