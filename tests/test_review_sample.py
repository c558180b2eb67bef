"""A blind reviewer's verdicts as a reviews file (bench/review_sample.py, timeline.review.verdicts), and the
shipped review of the sample (data/reviews/sample.jsonl) measuring the extractor through the public commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from timeline import review as rv
from timeline.actors import ActorLexicon
from timeline.gazetteer import Gazetteer
from timeline.pipeline import run
from timeline.readers import read_articles
from timeline.review.verdicts import article_index, missed_reviews, verdict_reviews

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """Fighting around Idlib
Date: 2020-03-11

Government forces shelled Saraqib on Monday, killing 4 civilians.
Turkish and Russian officials held talks in Ankara on Tuesday about a truce in Idlib.
Rebels attacked an army post near Idlib on 8 March.
Russian jets bombed Maarat al-Numan overnight, residents said. Two villages changed hands near Kafr Nabl on Wednesday.
"""


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "idlib.txt").write_text(ARTICLE, encoding="utf-8")
    return folder, run([folder]).events


def _by(events: pd.DataFrame, needle: str) -> str:
    (eid,) = events.loc[events["evidence"].str.contains(needle), "event_id"]
    return eid


def _verdicts(events: pd.DataFrame) -> list[dict]:
    return [
        {"event_id": _by(events, "shelled Saraqib"), "verdict": "confirm", "reason": "", "fields": {}, "note": "ok"},
        {"event_id": _by(events, "army post"), "verdict": "reject", "reason": "about the past", "fields": {}},
        {"event_id": _by(events, "talks in Ankara"), "verdict": "correct", "reason": "", "note": "venue only",
         "fields": {"actors": [{"code": "TUR", "role": "participant"}, {"code": "RUS", "role": "participant"}],
                    "places": ["Ankara", {"name": "Sarmin", "lat": 35.9, "lon": 36.72}], "date_start": "2020-03-10"}},
        {"event_id": _by(events, "Maarat"), "verdict": "correct", "fields": {"actors": list(reversed(
            [{"code": a["code"], "role": a["role"]} for a in events.set_index("evidence").filter(like="Maarat", axis=0)
             .iloc[0]["actors"]]))}},
        {"event_id": "0000000000000000", "verdict": "confirm", "fields": {}},
    ]  # fmt: skip


def test_verdicts_become_reviews_of_the_events_they_judge(extracted: tuple[Path, pd.DataFrame]) -> None:
    folder, events = extracted
    gaz, names = Gazetteer.load(), {e.code: e.name for e in ActorLexicon.load().entries()}
    start = "2026-01-01T00:00:00+00:00"
    done = verdict_reviews(events, _verdicts(events), "blind", start, gaz, names)
    assert [p.split(":")[0] for p in done.problems] == ["verdict 4", "verdict 5"]  # no change; no such event
    assert "changes nothing" in done.problems[0] and "no event" in done.problems[1]
    again = verdict_reviews(events, _verdicts(events), "blind", start, gaz, names)
    assert [r.uid for r in again.reviews] == [r.uid for r in done.reviews]  # the same files, the same reviews
    assert [r.at for r in done.reviews] == sorted(r.at for r in done.reviews)
    art = read_articles([folder])[0]
    text = art[0].text
    missed = [{"article": art[0].source, "type": "offensive", "subtype": "capture", "status": "occurred",
               "date_start": "2020-03-11", "actor_roles": [{"code": "SYRMIL", "role": "initiator"}],
               "places": [{"name": "Kafr Nabl", "lat": 35.61, "lon": 36.56, "km": 15}],
               "evidence": "Two villages changed hands near Kafr Nabl on Wednesday."},
              {"article": art[0].source, "type": "talks", "evidence": "not in the article"}]  # fmt: skip
    added = missed_reviews(article_index(art), missed, "blind", done.reviews[-1].at, gaz, names)
    assert len(added.reviews) == 1 and "not in the text" in added.problems[0]
    view = rv.apply_reviews(events, done.reviews + added.reviews).events.set_index("event_id")
    states = view["review"].to_dict()
    assert states[_by(events, "shelled Saraqib")] == "confirmed"
    assert states[_by(events, "Maarat")] == "confirmed"  # actors only reordered: not a correction
    assert (states[_by(events, "army post")], view.loc[_by(events, "army post"), "review_reason"]) == (
        "rejected", "about the past")  # fmt: skip
    talks = view.loc[_by(events, "talks in Ankara")]
    assert talks["review"] == "corrected" and talks["date_start"] == "2020-03-10"
    assert [(a["code"], a["name"]) for a in talks["actors"]] == [("TUR", names["TUR"]), ("RUS", names["RUS"])]
    assert [(p["name"], p["admin1"]) for p in talks["places"]] == [("Ankara", "Ankara"), ("Sarmin", "Idlib")]
    (new,) = view[view["review_added"]].to_dict("records")
    s = int(new["evidence_start"])
    assert text[s : int(new["evidence_end"])] == new["evidence"] and new["actors"][0]["role"] == "initiator"
    assert rv.precision_by_type(view.reset_index()).set_index("type").loc["all", "precision"] == 0.75


def test_the_script_writes_an_export_that_imports_once(
    extracted: tuple[Path, pd.DataFrame], tmp_path: Path
) -> None:
    folder, events = extracted
    (tmp_path / "v").mkdir()
    (tmp_path / "v" / "verdicts.jsonl").write_text(
        "".join(json.dumps(v) + "\n" for v in _verdicts(events)), encoding="utf-8"
    )
    out = tmp_path / "reviews.jsonl"
    cmd = [sys.executable, str(ROOT / "bench" / "review_sample.py"), str(tmp_path / "v"), "-o", str(out),
           "--articles", str(folder)]  # fmt: skip
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert "no event '0000000000000000'" in res.stderr
    first = out.read_bytes()
    subprocess.run(cmd, capture_output=True, check=True)
    assert out.read_bytes() == first  # re-running writes the same file
    lines = [json.loads(x) for x in first.decode().splitlines()]
    assert {x["who"] for x in lines} == {"blind-reviewer-1"}
    log = rv.ReviewLog(tmp_path / "log.sqlite")
    assert log.import_reviews(lines).added == len(lines) and log.import_reviews(lines).added == 0


def test_the_shipped_review_of_the_sample_measures_the_extractor(tmp_path: Path) -> None:
    """data/reviews/sample.jsonl through the documented commands: import, gold, evaluate."""
    store, gold = tmp_path / "store", tmp_path / "gold.jsonl"

    def timeline(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "timeline.cli", *args], cwd=ROOT, capture_output=True,
                              text=True, check=True)  # fmt: skip

    timeline("extract", "data/sample", "--store", str(store), "--no-progress")
    shipped = (ROOT / "data" / "reviews" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    assert (
        "0 conflicts"
        in timeline("review", "import", "data/reviews/sample.jsonl", "--store", str(store)).stderr
    )
    out = timeline("review", "gold", "--store", str(store), "-o", str(gold)).stderr
    assert out.count("not attached") <= len(shipped) // 10  # re-attached after changes of the extractor
    assert "precision" in out and "\n      all " in out
    lines = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    assert any(g.get("no_event") for g in lines) and any(not g.get("optional") for g in lines)
    res = json.loads(timeline("evaluate", "--gold", str(gold), "--articles", "data/sample", "--json").stdout)
    required = sum(1 for g in lines if not g.get("optional"))
    assert res["tp"] + res["fn"] == required and 0 < res["precision"] <= 1


def test_a_verdict_on_an_event_whose_id_changed_finds_it_by_article_type_and_evidence(
    extracted: tuple[Path, pd.DataFrame],
) -> None:
    _, events = extracted
    row = events[events["evidence"].str.contains("shelled Saraqib")].iloc[0]
    judged = pd.DataFrame([{"event_id": "old-id", "source": row["source"], "type": row["type"],
                            "evidence": row["evidence"] + " … and more the extractor now leaves out"}])  # fmt: skip
    verdict = [{"event_id": "old-id", "verdict": "reject", "reason": "not an event"}]
    gaz, names = Gazetteer.load(), {}
    assert verdict_reviews(events, verdict, "b", "2026-01-01T00:00:00+00:00", gaz, names).problems
    done = verdict_reviews(events, verdict, "b", "2026-01-01T00:00:00+00:00", gaz, names, judged)
    assert not done.problems and [r.anchor.event_id for r in done.reviews] == [row["event_id"]]
    other = judged.assign(type="talks")  # another type: not that event
    assert verdict_reviews(events, verdict, "b", "2026-01-01T00:00:00+00:00", gaz, names, other).problems
