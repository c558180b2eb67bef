"""A fresh tester's findings (issue 9, round 7), each as the kind of fault it is: no dead end after a failed
extraction, exports that show the same events when served again, sources named by outlet, reviews that can
be finished, and links whose ignored values are said."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from events_factory import SARAQIB, event, frame, sample_frame
from timeline import exports
from timeline.cli import main
from timeline.dedup import merge_duplicates
from timeline.serve import app_config, check_inputs, load_events

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
