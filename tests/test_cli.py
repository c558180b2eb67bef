"""The command line: extract writes every format, reports failures, is idempotent; evaluate and docs."""

import json
from pathlib import Path

import pandas as pd
import pytest

from timeline.cli import build_parser, main
from timeline.model import EVENT_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_0dba28c0c5621694.txt"


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".csv", ".geojson", ".json"])
def test_extract_writes_each_format(tmp_path, suffix):
    out = tmp_path / f"events{suffix}"
    assert main(["extract", str(SEED), "-o", str(out), "--no-progress"]) == 0
    assert out.exists() and out.stat().st_size > 0
    if suffix == ".parquet":
        df = pd.read_parquet(out)
        assert list(df.columns) == list(EVENT_COLUMNS)
        assert len(df) >= 5
    if suffix == ".geojson":
        fc = json.loads(out.read_text(encoding="utf-8"))
        assert fc["type"] == "FeatureCollection" and fc["features"]
    if suffix == ".csv":
        df = pd.read_csv(out)
        assert df["actors"].str.contains(";").any()


def test_extract_to_stdout_is_jsonl_and_ids_are_stable(capsys):
    main(["extract", str(SEED), "--no-progress"])
    first = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    main(["extract", str(SEED), "--no-progress"])
    second = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert first == second
    assert all(set(EVENT_COLUMNS) == set(e) for e in first)
    assert len({e["event_id"] for e in first}) == len(first)


def test_same_article_twice_gives_its_events_once(tmp_path):
    out = tmp_path / "ev.jsonl"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    main(["extract", str(SEED), str(copy), "-o", str(out), "--no-progress"])
    once = tmp_path / "once.jsonl"
    main(["extract", str(SEED), "-o", str(once), "--no-progress"])
    assert len(read_jsonl(out)) == len(read_jsonl(once))


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "ev.jsonl"
    code = main(
        [
            "extract",
            str(SEED),
            str(empty),
            str(tmp_path / "missing.txt"),
            "-o",
            str(out),
            "--errors",
            str(errors),
            "--no-progress",
        ]
    )
    assert code == 1
    reported = read_jsonl(errors)
    assert {Path(e["source"]).name for e in reported} >= {"empty.txt", "missing.txt"}
    assert all(e["reason"] for e in reported)
    assert len(read_jsonl(out)) >= 5  # the good article kept all its events
    assert "problems" in capsys.readouterr().err


def test_evaluate_prints_the_scores(tmp_path, capsys):
    gold = ROOT / "tests" / "gold" / "own.jsonl"
    assert (
        main(["evaluate", "--gold", str(gold), "--articles", str(ROOT / "data" / "articles"), "--json"]) == 0
    )
    res = json.loads(capsys.readouterr().out)
    assert 0 < res["f1"] <= 1


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"timeline {name}" in readme


def test_merge_duplicates_keeps_every_source(tmp_path, capsys):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(
        "Strikes on Saraqib\n\nPublished: 2020-02-04\n\n"
        "Russian airstrikes hit the town of Saraqib on Monday, killing 9 civilians.",
        encoding="utf-8",
    )
    b.write_text(
        "Saraqib bombed\n\nPublished: 2020-02-04\n\n"
        "Russian warplanes bombed Saraqib in Idlib province on Monday, killing nine civilians, rescuers said.",
        encoding="utf-8",
    )
    out = tmp_path / "ev.jsonl"
    main(["extract", str(a), str(b), "--merge-duplicates", "-o", str(out), "--no-progress"])
    rows = read_jsonl(out)
    assert len(rows) == 1
    assert rows[0]["n_sources"] == 2
    assert sorted(Path(s).name for s in rows[0]["sources"]) == ["a.txt", "b.txt"]
    assert "merged into 1 events" in capsys.readouterr().err


def test_store_twice_adds_nothing(tmp_path, capsys):
    store = tmp_path / "store"
    main(["extract", str(SEED), "--store", str(store), "--no-progress"])
    first = pd.read_parquet(store)
    main(["extract", str(SEED), "--store", str(store), "--no-progress"])
    second = pd.read_parquet(store)
    assert len(first) >= 5
    assert sorted(first["event_id"]) == sorted(second["event_id"])


def test_output_piped_into_a_reader_that_stops_early_ends_quietly() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        f'"{sys.executable}" -m timeline.cli extract "{SEED}" --no-progress | head -c 50',
        shell=True,
        capture_output=True,
        env=env,
        check=False,
    )
    assert len(proc.stdout) == 50
    assert b"Traceback" not in proc.stderr and b"BrokenPipeError" not in proc.stderr, proc.stderr


def test_python_dash_m_timeline_runs_the_command_line() -> None:
    """``python -m timeline`` is the ``timeline`` command (a helper found it missing)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "timeline", "evaluate", "--help"], capture_output=True, env=env, check=False
    )
    assert proc.returncode == 0 and b"--gold" in proc.stdout, proc.stderr
