"""The scorer follows DESIGN.md's rules and agrees with the reference scorer."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.evaluate import score

SHARED = Path(__file__).resolve().parents[2] / "shared"
REFERENCE = SHARED / "gold" / "score.py"

GOLD = [
    {
        "article": "a.txt",
        "id": "g1",
        "type": "talks",
        "date_ok": [["2020-02-10", "2020-02-10"]],
        "status": "occurred",
        "actors": ["TUR", "RUS"],
        "places": [{"name": "Ankara", "lat": 39.93, "lon": 32.86, "km": 30}],
    },
    {
        "article": "a.txt",
        "id": "g2",
        "type": "offensive",
        "date_ok": [["2019-11-25", "2019-11-25"]],
        "status": "ongoing",
        "actors": ["SYR"],
        "places": [],
    },
    {
        "article": "a.txt",
        "id": "g3",
        "type": "talks",
        "optional": True,
        "date_ok": [["2020-02-10", "2020-12-31"]],
        "status": "planned",
        "actors": [],
        "places": [],
    },
    {
        "article": "b.txt",
        "id": "g4",
        "type": "ceasefire",
        "date_ok": [["2020-03-05", "2020-03-06"]],
        "status": "occurred",
        "actors": ["TUR"],
        "places": [],
    },
]
SYSTEM = [
    {
        "source": "data/a.txt",
        "type": "talks",
        "date_start": "2020-02-10",
        "status": "occurred",
        "actors": [{"code": "TURGOV"}],
        "places": [{"lat": 39.95, "lon": 32.85}],
        "evidence": "talks",
    },
    {
        "source": "data/a.txt",
        "type": "talks",
        "date_start": "2020-03-01",
        "status": "planned",
        "actors": [],
        "places": [],
    },
    {
        "source": "data/a.txt",
        "type": "offensive",
        "date_start": "2019-11-26",
        "status": "ongoing",
        "actors": [],
        "places": [],
    },
    {
        "source": "data/b.txt",
        "type": "ceasefire",
        "date_start": "2020-03-05",
        "status": "planned",
        "actors": [{"code": "RUSGOV"}],
        "places": [],
    },
    {"source": "data/c.txt", "type": "talks", "date_start": "2020-03-05"},  # an article without gold: ignored
]


def test_counts_and_accuracies():
    res = score(GOLD, SYSTEM).as_dict()
    assert (res["tp"], res["fp"], res["fn"]) == (2, 1, 1)  # g2 missed by a day; the offensive is an extra
    assert res["place_acc"] == 1.0
    assert res["actor_acc"] == 0.5
    assert res["status_acc"] == 0.5
    assert res["misses"] == ["g2 offensive 2019-11-25"]
    assert res["f1"] == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 3)


def test_optional_gold_never_misses_and_absorbs_one_event():
    res = score(GOLD[2:3], SYSTEM[:2]).as_dict()
    assert res["fn"] == 0
    assert res["fp"] == 1


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/gold/score.py not available")
def test_same_figures_as_the_reference_scorer(tmp_path):
    gold = tmp_path / "gold.jsonl"
    system = tmp_path / "system.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD), encoding="utf-8")
    system.write_text("\n".join(json.dumps(s) for s in SYSTEM), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold), str(system)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == score(GOLD, SYSTEM).summary()


def test_an_article_is_right_only_with_no_miss_no_extra_and_nothing_from_a_no_event_text():
    from timeline.evaluate import articles_right

    gold = [
        {"article": "a.txt", "id": "a1", "type": "talks", "date_ok": [["2020-02-10", "2020-02-10"]]},
        {
            "article": "a.txt",
            "id": "a2",
            "type": "ultimatum",
            "date_ok": [["2020-02-10", "2020-02-10"]],
            "optional": True,
        },
        {"article": "b.txt", "id": "b1", "type": "offensive", "date_ok": [["2020-02-09", "2020-02-09"]]},
    ]
    system = [
        {"source": "/x/a.txt", "type": "talks", "date_start": "2020-02-10"},
        {"source": "/x/a.txt", "type": "ultimatum", "date_start": "2020-02-10"},  # the optional line
        {"source": "/x/b.txt", "type": "offensive", "date_start": "2020-02-09"},
        {"source": "/x/b.txt", "type": "talks", "date_start": "2020-02-09"},  # an extra
        {"source": "/x/d.txt", "type": "talks", "date_start": "2020-02-09"},  # from a no-event text
    ]
    verdicts = articles_right(gold, system, ["a.txt", "b.txt", "c.txt", "d.txt"], no_event=["c.txt", "d.txt"])
    assert verdicts == {"a.txt": True, "b.txt": False, "c.txt": True, "d.txt": False}
    assert articles_right(gold, system[:1], ["a.txt"]) == {"a.txt": True}  # optional lines may be missed
    assert articles_right(gold, system[2:3], ["b.txt"]) == {"b.txt": True}
    assert articles_right(gold, [], ["b.txt"]) == {"b.txt": False}
