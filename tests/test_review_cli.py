"""Reviews on a real store: re-extraction with a changed lexicon folder keeps every review, and
``timeline review export / import / gold`` share reviews and score the extractor on them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import review as rv
from timeline.cli import main
from timeline.evaluate import score
from timeline.store import EventStore

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """Fighting around Idlib
Date: 2020-03-11

Government forces shelled Saraqib on Monday, killing 4 civilians.
Turkish and Russian officials held talks in Ankara on Tuesday about a truce in Idlib.
Rebels attacked an army post near Idlib on 8 March.
"""


def _extract(article: Path, store: Path, data: Path) -> None:
    """``timeline extract --store`` in a fresh process reading its lexicons from ``data``."""
    env = {**os.environ, "TIMELINE_DATA": str(data)}
    cmd = [
        sys.executable,
        "-m",
        "timeline.cli",
        "extract",
        str(article),
        "--store",
        str(store),
        "--no-progress",
    ]
    subprocess.run(cmd, env=env, check=True, capture_output=True)


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Path, Path, Path, dict[str, dict]]:
    """A store of one article, three of its four events reviewed: (article, store, data folder, rows)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "lexicons", data / "lexicons")
    (data / "gazetteer").symlink_to(ROOT / "data" / "gazetteer")
    article = tmp_path / "idlib.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    _extract(article, store, data)
    events = EventStore(store).read()
    rows = {r["type"] + ":" + r["evidence"][:10]: r for r in events.to_dict("records")}
    assert {"offensive:Government", "talks:Turkish an", "offensive:Rebels att"} <= set(rows)
    log = rv.ReviewLog.beside(store)
    log.add(rv.confirm(rows["offensive:Government"], "ana"))
    log.add(rv.reject(rows["talks:Turkish an"], "ana", "not an event"))
    log.add(rv.edit(rows["offensive:Rebels att"], "subtype", "clash", "ana"))
    return article, store, data, rows


def test_reextraction_with_a_changed_lexicon_keeps_the_reviews(reviewed) -> None:
    article, store, data, rows = reviewed
    # a new extractor: "March" read as the second month (the attack is dated otherwise: its id changes),
    # and "talks" no longer a trigger (the rejected talks are not extracted any more)
    months = data / "lexicons" / "months.csv"
    months.write_text(months.read_text().replace("3,march,en", "2,march,en"))
    triggers = data / "lexicons" / "triggers.csv"
    triggers.write_text(
        "".join(
            x
            for x in triggers.read_text().splitlines(True)
            if not x.startswith(("en,talks,", "en,held talks,"))
        )
    )
    _extract(article, store, data)
    events = EventStore(store).read()
    attack = rows["offensive:Rebels att"]
    assert attack["event_id"] not in set(events["event_id"])
    assert not (events["type"] == "talks").any()
    view = rv.apply_reviews(events, rv.ReviewLog.beside(store).reviews())
    ev = view.events.set_index("evidence_start")
    assert ev.loc[attack["evidence_start"], "review"] == "corrected"
    assert ev.loc[attack["evidence_start"], "subtype"] == "clash"  # the correction followed the new id
    assert ev.loc[rows["offensive:Government"]["evidence_start"], "review"] == "confirmed"
    (gone,) = view.unattached  # the rejection of the vanished talks: listed, kept in the log
    assert (gone.action, gone.anchor.type, gone.note) == ("reject", "talks", "not an event")
    assert len(rv.ReviewLog.beside(store)) == 3


def test_review_export_import_gold_commands(reviewed, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    article, store, _, rows = reviewed
    out = tmp_path / "reviews.jsonl"
    assert main(["review", "export", "--store", str(store), "-o", str(out)]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["action"] for x in lines] == ["confirm", "reject", "edit"]

    colleague = tmp_path / "colleague"
    shutil.copytree(store, colleague, ignore=shutil.ignore_patterns("_reviews.sqlite*"))
    rv.ReviewLog.beside(colleague).add(rv.confirm(rows["talks:Turkish an"], "bo"))
    capsys.readouterr()
    assert main(["review", "import", str(out), "--store", str(colleague)]) == 0
    err = capsys.readouterr().err
    assert "3 reviews added, 0 already present, 1 conflicts" in err and "conflict:" in err
    assert main(["review", "import", str(out), "--store", str(colleague)]) == 0
    assert "0 reviews added, 3 already present" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"who": "x"}\nnot json\n', encoding="utf-8")
    assert main(["review", "import", str(bad), "--store", str(colleague)]) == 2
    assert "cannot import" in capsys.readouterr().err and len(rv.ReviewLog.beside(colleague)) == 4

    gold_file = tmp_path / "gold.jsonl"
    assert main(["review", "gold", "--store", str(store), "-o", str(gold_file)]) == 0
    assert "precision" in capsys.readouterr().err
    gold = [json.loads(x) for x in gold_file.read_text(encoding="utf-8").splitlines()]
    assert sum(not g.get("optional") for g in gold) == 2 and sum(bool(g.get("no_event")) for g in gold) == 1
    # `timeline evaluate` scores the extractor on the reviewed events: the rejected talks are its one extra
    assert main(["evaluate", "--gold", str(gold_file), "--articles", str(article.parent), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert (res["tp"], res["fp"], res["fn"]) == (2, 1, 0)
    assert res["extras"][0].startswith("idlib.txt talks")
    assert score(gold, []).fn == 2
