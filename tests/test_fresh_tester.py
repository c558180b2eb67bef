"""A fresh tester's findings (issue 9, round 7), each as the kind of fault it is: no dead end after a failed
extraction, exports that show the same events when served again, sources named by outlet, reviews that can
be finished, and links whose ignored values are said."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from events_factory import SARAQIB, event, frame, sample_frame, sample_rows, write_jsonl
from timeline import aggregate_charts as ac
from timeline import charts, exports
from timeline.cli import main
from timeline.dedup import merge_duplicates
from timeline.filters import Filters, from_query_params, index_events, match_sources, to_query_params
from timeline.present import SOURCE_LABEL_CHARS, source_labels
from timeline.readers import read_articles
from timeline.serve import app_config, check_inputs, load_events
from timeline.table import read_events

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


# -- 1. a failed extraction leaves no file the dashboard cannot show; evaluate says one line -------------
@pytest.mark.parametrize("bad", ["missing", "binary"])
def test_extract_that_reads_nothing_writes_no_file(tmp_path: Path, bad: str, capsys) -> None:
    source = tmp_path / "none.txt"
    if bad == "binary":
        source.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    out = tmp_path / "x.jsonl"
    assert main(["extract", str(source), "-o", str(out), "--no-progress"]) == 1
    assert not out.exists()
    assert "not written" in capsys.readouterr().err


def test_extract_that_reads_nothing_keeps_an_earlier_output(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    out.write_text('{"event_id": "kept"}\n', encoding="utf-8")
    main(["extract", str(tmp_path / "none.txt"), "-o", str(out), "--no-progress"])
    assert out.read_text(encoding="utf-8") == '{"event_id": "kept"}\n'


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".json"])
def test_serve_refuses_an_event_file_without_events_in_one_line(tmp_path: Path, suffix: str) -> None:
    empty = tmp_path / f"x{suffix}"
    empty.write_text("" if suffix != ".json" else "[]", encoding="utf-8")
    if suffix == ".csv":
        empty.write_text("event_id,type,date_start\n", encoding="utf-8")
    problem = check_inputs(empty, None, read=True)
    assert problem and "no events" in problem and "\n" not in problem


def test_app_on_an_event_file_without_events_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "x.jsonl"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_EVENTS", str(empty))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("No dated events" in i.value for i in at.info)


def test_evaluate_with_a_missing_gold_file_says_one_line(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", "--gold", str(tmp_path / "nope.jsonl"), "--articles", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("timeline: ") and "nope.jsonl" in err and "\n" not in err
    assert "Traceback" not in err


# -- 2. an exported view, served again, shows the same events ---------------------------------------------
def _chain() -> pd.DataFrame:
    """Three strike reports on Saraqib a day apart, the first and last from one article: one merge joins two
    of them, and the third may not join (a merged event never holds two events of one article)."""
    rows = [
        event(
            "offensive",
            day,
            subtype="airstrike",
            places=[dict(SARAQIB)],
            source=src,
            evidence=f"Strike {day}.",
        )
        for day, src in (("2020-02-10", "a.txt"), ("2020-02-11", "b.txt"), ("2020-02-12", "a.txt"))
    ]
    for r in rows:
        r["article_id"] = r["source"]
        r["date_source"] = "publication"  # dated by their stories: a day apart may be one strike
    return frame(rows)


@pytest.mark.parametrize("table", ["sample", "chain"])
def test_merging_a_merged_table_again_keeps_its_events(table: str) -> None:
    df = sample_frame() if table == "sample" else _chain()
    once, _ = merge_duplicates(df)
    twice, report = merge_duplicates(once)
    assert sorted(twice["event_id"]) == sorted(once["event_id"])
    assert report.merged == 0 and report.groups == 0


@pytest.mark.parametrize("fmt", list(exports.DATA_FORMATS))
@pytest.mark.parametrize("merged", [True, False])
def test_an_exported_view_served_again_shows_the_same_events(tmp_path: Path, fmt: str, merged: bool) -> None:
    """Export each format from a merged and an unmerged view; the app's loader reads it back, and the merge
    toggle (on or off) shows the same event ids."""
    df = pd.concat([sample_frame(), _chain()], ignore_index=True)
    shown = merge_duplicates(df)[0] if merged else df
    assert len(merge_duplicates(df)[0]) < len(df)  # a view where merging changes something
    suffix = exports.DATA_FORMATS[fmt][0]
    path = tmp_path / f"events.{suffix}"
    path.write_bytes(exports.events_export(shown, fmt, "cite"))
    cfg = app_config(["--events", str(path), "--cache", str(tmp_path / "cache")], {})
    back = load_events(cfg)
    assert sorted(back["event_id"]) == sorted(shown["event_id"])
    assert sorted(merge_duplicates(back)[0]["event_id"]) == sorted(shown["event_id"])


# -- 3. sources as a paper cites them: outlet, title, date, URL; no machine's folders --------------------
def _listed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "syria"
    folder.mkdir(parents=True)
    (folder / "sources.csv").write_text(
        "file,outlet,url,licence\nsmart.txt,SMART News Agency,https://smartnews-agency.com/ar/42,\n"
        "posts.jsonl,Al Jazeera,,CC BY 4.0\n",
        encoding="utf-8",
    )
    return folder


def _sourced(folder: Path) -> pd.DataFrame:
    rows = sample_rows()
    for r, name in zip(
        rows, ["smart.txt", "posts.jsonl#p-1", "posts.jsonl#p-2", "other.txt"] * 2, strict=True
    ):
        r["source"] = str(folder / name)
    return frame(rows)


def test_citation_and_references_name_the_outlets_a_source_list_gives(tmp_path: Path) -> None:
    df = _sourced(_listed_folder(tmp_path))
    cite = exports.citation(index_events(df).events, "all events")
    assert "SMART News Agency" in cite and "Al Jazeera" in cite
    refs = exports.references(df)
    assert any(
        r.startswith("SMART News Agency, ") and r.endswith("https://smartnews-agency.com/ar/42") for r in refs
    )
    assert any(r.startswith("Al Jazeera, ") and r.endswith("posts.jsonl#p-1") for r in refs)
    assert any(r.endswith("other.txt") and not r.startswith(("SMART", "Al Jazeera")) for r in refs)
    text = exports.citation_file(cite, refs).decode("utf-8")
    assert str(tmp_path) not in text


@pytest.mark.parametrize("fmt", list(exports.DATA_FORMATS))
def test_event_exports_hold_outlets_and_no_local_folder(tmp_path: Path, fmt: str) -> None:
    df = _sourced(_listed_folder(tmp_path))
    data = exports.events_export(df, fmt, "cite")
    assert str(tmp_path).encode() not in data
    path = tmp_path / f"e.{exports.DATA_FORMATS[fmt][0]}"
    path.write_bytes(data)
    back = read_events(path)
    assert set(back["source"]) == {"smart.txt", "posts.jsonl#p-1", "posts.jsonl#p-2", "other.txt"}
    outlet_of = dict(zip(back["source"], back["outlet"].fillna(""), strict=True))
    assert outlet_of["smart.txt"] == "SMART News Agency" and outlet_of["posts.jsonl#p-2"] == "Al Jazeera"
    assert outlet_of["other.txt"] == ""
    # served again, the outlets stay (the files are no longer beside the export)
    assert "SMART News Agency" in exports.citation(index_events(back).events, "all events")


def test_links_hold_sources_below_their_folder_and_find_them_again(tmp_path: Path) -> None:
    sources = [str(tmp_path / "data" / "a.txt"), str(tmp_path / "data" / "sub" / "b.jsonl#7")]
    params = to_query_params(Filters(sources=tuple(sources)))
    assert params["source"] == ["a.txt", "sub/b.jsonl#7"]
    assert str(tmp_path) not in str(params)
    back = from_query_params(params)
    assert match_sources(back.sources, [*sources, "https://x.org/a.txt"]) == sources
    one = to_query_params(Filters(sources=(sources[1],)))
    assert match_sources(from_query_params(one).sources, sources) == [sources[1]]


def test_sources_filter_labels_say_outlet_title_and_day(tmp_path: Path) -> None:
    folder = _listed_folder(tmp_path)
    sources = [str(folder / "posts.jsonl#asnd-1191315658820276226"), str(folder / "other.txt")]
    details = {
        sources[0]: ("Idlib: a strike on a market in the city", "2019-11-04T11:26:01Z"),
        sources[1]: ("", ""),
    }
    labels, _ = source_labels(sources, details)
    assert labels[sources[0]].startswith("Al Jazeera · 2019-11-04 · Idlib: a strike")
    assert labels[sources[0]].endswith("…") and len(labels[sources[0]]) <= SOURCE_LABEL_CHARS
    assert labels[sources[1]] == "other.txt"


def test_a_folders_source_list_is_no_article(tmp_path: Path) -> None:
    folder = _listed_folder(tmp_path)
    (folder / "smart.txt").write_text(
        "Turkish and Russian delegations met in Ankara on 8 February 2020.", "utf-8"
    )
    arts, errors = read_articles([folder])
    assert [Path(a.source).name for a in arts] == ["smart.txt"] and not errors


# -- 4. the review has no dead end: an upload's text, a reason X says ------------------------------------
UPLOAD = """Fighting around Idlib
Date: 2020-03-11

Government forces shelled Saraqib on Monday, killing 4 civilians.
Russian jets bombed Maarat al-Numan overnight, residents said.
"""


def _review_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["f_merge"] = False
    at.session_state["rv_who"] = "ana"
    return _ok(at)


def _ok(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_uploaded_articles_text_is_there_to_add_a_missed_event(app_env: None) -> None:
    at = _review_app()
    at.file_uploader[0].set_value(("fighting.txt", UPLOAD.encode("utf-8"), "text/plain"))
    _ok(at)
    next(b for b in at.button if b.label == "Extract events").click()
    _ok(at)
    at.text_input(key="f_text").set_value("Maarat")  # the uploaded article's events only
    _ok(at)
    at.button(key="rv_next").click()
    _ok(at)
    assert not any("not available" in c.value for c in at.caption)
    sentences = at.selectbox(key="rv_add_sentence").options
    assert any("Maarat al-Numan" in s for s in sentences)


def test_the_reject_key_says_the_reason_it_rejects_with(app_env: None) -> None:
    at = _review_app()
    at.button(key="rv_next").click()
    _ok(at)
    assert at.button(key="rv_reject").label == "Reject (X): not an event"
    assert at.button(key="rv_reject").proto.shortcut.upper() == "X"
    at.selectbox(key="rv_reason").set_value("duplicate")
    _ok(at)
    assert at.button(key="rv_reject").label == "Reject (X): duplicate"
    at.text_input(key="rv_reason_text").set_value("a *forecast*")
    _ok(at)
    assert at.button(key="rv_reject").label == "Reject (X): a \\*forecast\\*"  # as text, not Markdown


# -- 7. wording and behaviour -------------------------------------------------------------------------------
def _linked(params: dict[str, str | list[str]], merge: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["f_merge"] = merge
    for k, v in params.items():
        at.query_params[k] = v
    return _ok(at)


def _warnings(at: AppTest) -> list[str]:
    """The warnings as a reader sees them (Markdown escapes taken off)."""
    return [w.value.replace("\\", "") for w in at.warning]


def _summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**"))


def test_a_stale_selected_id_is_said_and_ignored(app_env: None) -> None:
    at = _linked({"sel_id": "doesnotexist"})
    assert _summary(at).startswith("**8** of 8 events")
    assert "selected ids" not in _summary(at)
    assert any("sel_id=doesnotexist" in w and "no such event" in w for w in _warnings(at))


def test_one_selected_event_is_one_event() -> None:
    assert Filters(selected_ids=("a",)).describe() == "selected ids: 1 event"
    assert Filters(selected_ids=("a", "b")).describe() == "selected ids: 2 events"


def test_bad_link_values_are_named_in_one_warning(app_env: None) -> None:
    at = _linked({"type": ["nonsense", "talks"], "from": "2030-01-01", "lanes": "sideways", "zz": "1"})
    (warning,) = [w for w in _warnings(at) if "link" in w]
    assert "type=nonsense" in warning and "from=2030-01-01" in warning and "2020-03-06 used" in warning
    assert "lanes=sideways" in warning and "zz" in warning and "\n" not in warning
    assert at.multiselect(key="f_types").value == ["talks"]  # the rest of the link is shown
    at.multiselect(key="f_types").set_value(["offensive"])
    _ok(at)
    assert not [w for w in at.warning if "link" in w.value]  # said until the view changes


def test_a_good_link_gives_no_warning(app_env: None) -> None:
    at = _linked({"type": "talks", "from": "2020-02-01"})
    assert not [w for w in at.warning if "link" in w.value]


def test_nothing_merged_says_nothing(app_env: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    apart = write_jsonl(sample_rows()[2:5], tmp_path / "apart.jsonl")  # an ultimatum and two offensives
    monkeypatch.setenv("TIMELINE_EVENTS", str(apart))
    at = _linked({}, merge=True)
    assert at.toggle(key="f_merge").value
    captions = [c.value for c in at.sidebar.caption]
    assert any(c.startswith("3 events from") for c in captions)
    assert not any("reports merged" in c for c in captions), captions


def test_evidence_search_folds_alef_and_hamza(app_env: None) -> None:
    """The factory's Arabic evidence writes إدلب (alef with hamza below); a search for ادلب finds it."""
    counts = []
    for q in ("إدلب", "ادلب", "ادلبب"):
        at = _linked({})
        at.text_input(key="f_text").set_value(q)
        _ok(at)
        counts.append(int(_summary(at)[2:].split("**")[0]))
    assert counts[0] == counts[1] > 0 and counts[2] == 0


def test_after_an_upload_the_sidebar_says_uploads_are_included(app_env: None) -> None:
    at = _review_app()
    at.file_uploader[0].set_value(("fighting.txt", UPLOAD.encode("utf-8"), "text/plain"))
    _ok(at)
    next(b for b in at.button if b.label == "Extract events").click()
    _ok(at)
    total = int(_summary(at).split(" of ")[1].split()[0])
    assert total > 8
    captions = [c.value.replace("\\", "") for c in at.sidebar.caption]
    assert any(
        c.startswith(f"{total} events from") and f"uploaded articles ({total - 8} event" in c
        for c in captions
    )


def test_online_tiles_are_off_by_default_when_they_cannot_be_fetched(
    app_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit_server import free_port

    monkeypatch.setenv("TIMELINE_TILES", f"http://127.0.0.1:{free_port()}/{{z}}/{{x}}/{{y}}.png")  # refused
    at = _linked({})
    assert at.toggle(key="f_tiles").value is False
    assert "tiles" not in at.query_params  # the default: a link says nothing
    assert any(c.value.startswith("Map tiles unreachable") for c in at.caption)


def test_the_map_mode_is_in_the_link(app_env: None) -> None:
    at = _linked({})
    assert "map" not in at.query_params  # the default: a clean link
    at.selectbox(key="map_mode").set_value("week")
    _ok(at)
    assert at.query_params["map"] == "week"
    shared = _linked({"map": "window", "n_weeks": "6"})
    assert shared.selectbox(key="map_mode").value == "window"
    assert shared.number_input(key="map_weeks").value == 6
    assert shared.query_params["map"] == "window" and shared.query_params["n_weeks"] == "6"
    assert not [w for w in _warnings(shared) if "link" in w]
    bad = _linked({"map": "sideways", "n_weeks": "1000"})
    (warning,) = [w for w in _warnings(bad) if "link" in w]
    assert "map=sideways" in warning and "n_weeks=1000" in warning


# -- 6. legibility ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("top", [1, 4, 5, 9, 12, 25, 49, 60])
def test_weekly_counts_tick_labels_stay_apart(top: int) -> None:
    weeks = pd.date_range("2020-01-06", periods=4, freq="7D")
    counts = pd.DataFrame({"week": weeks, "type": "offensive", "n": [top, 1, 2, 1]})
    fig = charts.counts_figure(counts=counts)
    plot_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    dtick = fig.layout.yaxis.dtick
    assert dtick is not None and float(dtick).is_integer()  # whole numbers, a step from the range
    assert plot_px * float(dtick) / top >= charts.TICK_ROOM_PX or top < float(dtick)


def test_weekly_counts_of_a_month_are_dated_by_day() -> None:
    weeks = pd.date_range("2020-01-27", periods=5, freq="7D")
    counts = pd.DataFrame({"week": weeks, "type": "talks", "n": 1})
    axis = charts.counts_figure(counts=counts, x_range=["2020-01-25", "2020-02-29"]).layout.xaxis
    assert axis.tickformat and "%H" not in axis.tickformat and "%d" in axis.tickformat
    assert axis.dtick == 7 * 86_400_000 and pd.Timestamp(axis.tick0).weekday() == 0
    wide = charts.counts_figure(counts=counts, x_range=["2019-01-01", "2020-12-31"]).layout.xaxis
    assert wide.dtick is None  # a long span keeps Plotly's own ticks


def _many_actors() -> pd.DataFrame:
    """Twelve actors of twelve parties (the matrix pairs parties: ``TURGOV`` would join ``TURMIL``)."""
    codes = ["SYRMIL", "TURMIL", "RUSMIL", "SYRREB", "IRNMIL", "USAMIL", "ISRMIL", "IRQMIL", "LBNHEZ", "SAUGOV", "JORGOV", "QATGOV"]  # fmt: skip
    rows = [
        event("offensive", f"2020-02-{1 + i % 27:02d}", evidence=f"Strike {i}.", source=f"s{i}.txt",
              actors=[{"code": a, "name": a, "role": "initiator"}, {"code": b, "name": b, "role": "target"}])
        for i, (a, b) in enumerate(zip(codes, codes[1:] + codes[:1], strict=True))
    ]  # fmt: skip
    return frame(rows)


def test_a_tall_matrix_names_its_columns_above_too_and_its_colour_bar_leaves_the_toolbar_room() -> None:
    fig = ac.matrix_view(_many_actors(), "offensive").figure
    assert fig.layout.xaxis2.side == "top" and fig.layout.xaxis2.overlaying == "x"
    top = [t for t in fig.data if t.xaxis == "x2"]
    assert top and list(top[0].x) == list(fig.data[0].x)  # the same columns, above the plot
    bar = fig.data[0].colorbar
    assert bar.y == 0 and bar.yanchor == "bottom" and bar.len <= 0.6  # the top right is the toolbar's
    assert fig.layout.title.yref == "container"  # the title above the repeated names, not among them


def test_a_tall_campaign_chart_dates_its_top_with_the_same_ticks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ac, "TOP_AXIS_ROWS", 0)  # the factory's one campaign stands for many
    fig = ac.campaigns_view(sample_frame()).figure
    x, x2 = fig.layout.xaxis, fig.layout.xaxis2
    assert x2.side == "top" and x2.matches == "x" and x2.type == "date"
    assert (x2.dtick, x2.tick0, x2.tickformat) == (x.dtick, x.tick0, x.tickformat) and x.dtick is not None
    assert fig.layout.legend.yref == "container" and fig.layout.margin.t >= 80
    monkeypatch.setattr(ac, "TOP_AXIS_ROWS", 10)
    assert (
        "xaxis2" not in ac.campaigns_view(sample_frame()).figure.layout.to_plotly_json()
    )  # short: below only
