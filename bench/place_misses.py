"""Place misses of the developed-on gold parts, with the scorer's matching, sorted for reading.

usage: python bench/place_misses.py [PART ...] [--totals] [--dump DIR]

For each part (``own`` reads ``data/articles``; ``heldout``, ``news`` ... ``news14``, ``cases`` ...
``cases9`` read ``tests/gold/PART``) the articles are extracted and scored as ``timeline evaluate`` does
(:func:`timeline.evaluate.score`: same type, ``date_start`` in a ``date_ok`` range, greedy in file order,
required gold first). A required gold event with places whose matched system event has no place within
the radius of a gold place is a **place miss**. It is a **matching effect** when another system event of
the same article and type, whose date also lies in the gold's ranges, has a right place (the greedy order
gave the gold the wrong one of two). The held-out parts (``frozen*``) are never read. ``--totals`` prints
only the per-part and summed tp/fp/fn, place accuracy and the miss counts; ``--dump DIR`` also writes each
part's system events as JSONL there.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from timeline.evaluate import _day, _points, article_of, gold_articles, km, load_jsonl, score
from timeline.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
PARTS = [
    "own",
    "heldout",
    "news",
    *(f"news{i}" for i in range(2, 15)),
    "cases",
    *(f"cases{i}" for i in range(2, 10)),
]


def _right(s: dict[str, Any], g: dict[str, Any]) -> bool:
    return any(km(la, lo, p["lat"], p["lon"]) <= p["km"] for la, lo in _points(s) for p in g["places"])


def _in_range(s: dict[str, Any], g: dict[str, Any]) -> bool:
    return s.get("type") == g["type"] and any(
        lo <= _day(s.get("date_start")) <= hi for lo, hi in g["date_ok"]
    )


def place_misses(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> list[tuple[str, dict, dict]]:
    """(kind, gold event, matched system event) for each required gold event with places whose match has
    none of them; kind is ``matching`` (another same-type system event in its date range has a right
    place) or ``place``. In article order."""
    by_art: dict[str, tuple[list, list]] = {}
    for g in gold:
        by_art.setdefault(g["article"], ([], []))[0].append(g)
    for s in system:
        if article_of(s) in by_art:
            by_art[article_of(s)][1].append(s)
    out = []
    for _, (golds, syss) in sorted(by_art.items()):
        used: set[int] = set()
        matched: dict[str, dict[str, Any]] = {}
        for g in sorted(golds, key=lambda g: bool(g.get("optional"))):
            for i, s in enumerate(syss):
                if i not in used and _in_range(s, g):
                    used.add(i)
                    matched[g["id"]] = s
                    break
        for g in golds:
            s = matched.get(g["id"])
            if g.get("optional") or s is None or not g.get("places") or _right(s, g):
                continue
            other = any(t is not s and _in_range(t, g) and _right(t, g) for t in syss)
            out.append(("matching" if other else "place", g, s))
    return out


def _names(s: dict[str, Any]) -> str:
    return "; ".join(
        f"{p.get('name')} ({p.get('precision')} {p.get('lat')},{p.get('lon')})" for p in s.get("places") or []
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="*", default=PARTS)
    ap.add_argument("--totals", action="store_true", help="only the figures of each part and their sum")
    ap.add_argument("--dump", type=Path, help="write each part's system events to DIR/PART.jsonl")
    args = ap.parse_args()
    tp = fp = fn = ok = n = 0
    kinds = {"matching": 0, "place": 0}
    for part in args.parts:
        gold = load_jsonl(GOLD / f"{part}.jsonl")
        folder = ROOT / "data" / "articles" if part == "own" else GOLD / part
        system = run(gold_articles(gold, folder)).events.to_dict("records")
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            with open(args.dump / f"{part}.jsonl", "w", encoding="utf-8") as fh:
                for s in system:
                    fh.write(json.dumps(s, ensure_ascii=False, default=str) + "\n")
        res = score(gold, system)
        tp, fp, fn = tp + res.tp, fp + res.fp, fn + res.fn
        ok, n = ok + res.place_ok, n + res.place_n
        misses = place_misses(gold, system)
        counts = {k: sum(1 for m in misses if m[0] == k) for k in kinds}
        for k in kinds:
            kinds[k] += counts[k]
        acc = res.place_ok / res.place_n if res.place_n else 0.0
        print(
            f"{part}: tp {res.tp} fp {res.fp} fn {res.fn} place {res.place_ok}/{res.place_n} {acc:.3f}"
            f" (misses: matching {counts['matching']}, place {counts['place']})"
        )
        if args.totals:
            continue
        for kind, g, s in misses:
            gp = "; ".join(f"{p['name']} ({p['km']} km)" for p in g["places"])
            print(f"  == [{kind}] {g['article']} {g['id']} {g['type']}: gold {gp}")
            print(f"     gold: {g.get('evidence', '')[:220]}")
            print(f"     system: {_names(s)}")
            print(f"     system: {str(s.get('evidence', ''))[:220]}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(
        f"micro: tp {tp} fp {fp} fn {fn} P {p:.4f} R {r:.4f} F1 {f1:.4f};"
        f" place {ok}/{n} {ok / n if n else 0:.4f}; misses: matching {kinds['matching']}, place {kinds['place']}"
    )


if __name__ == "__main__":
    main()
