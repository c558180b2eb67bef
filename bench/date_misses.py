"""Gold events missed only by their date, per developed-on part, and the micro totals over the parts.

usage: python bench/date_misses.py [PART ...] [--totals] [--overlap SHARE]

For each part (``own`` reads ``data/articles``; ``heldout``, ``news`` ... ``news14``, ``cases`` ...
``cases9`` read ``tests/gold/PART``) the articles are extracted and scored as ``timeline evaluate`` does
(:func:`timeline.evaluate.score`). A required gold event counts as **missed by its date** when no system
event matched it but a same-type system event of the same article, left unmatched, tells it: its evidence
holds at least 60% of the gold evidence's words. Each such miss is printed with the gold ranges and, for
each candidate, the system date, ``date_source``, ``date_text`` and evidence, to sort them into kinds
(weekday direction, a date carried from another clause, offsets, numeric dates, anchors, "since" dates,
narrative years, the publication day where the text gives one). The held-out parts (``frozen*``) are never
read. ``--totals`` prints only the per-part and summed tp/fp/fn. ``--overlap`` sets the share of the gold evidence's
words a candidate must hold (default 0.6); ``--overlap 0`` lists every unmatched same-type event of the article, the
wider net that also catches a gold event whose words the system told in another sentence.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from timeline.evaluate import _day, article_of, gold_articles, load_jsonl, score
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
#: Share of the gold evidence's words a system event's evidence must hold to tell the same happening.
OVERLAP = 0.6


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w{3,}", text.lower()))


def _matched(golds: list[dict[str, Any]], syss: list[dict[str, Any]]) -> tuple[set[int], set[str]]:
    """The scorer's greedy matching (required gold first): (used system indexes, matched gold ids)."""
    used: set[int] = set()
    ids: set[str] = set()
    for g in sorted(golds, key=lambda g: bool(g.get("optional"))):
        for i, s in enumerate(syss):
            if i in used or s.get("type") != g["type"]:
                continue
            if any(lo <= _day(s.get("date_start")) <= hi for lo, hi in g["date_ok"]):
                used.add(i)
                ids.add(g["id"])
                break
    return used, ids


def date_misses(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], overlap: float = OVERLAP
) -> list[tuple[dict, list[dict]]]:
    """(gold event, unmatched same-type system events telling it) for each required gold event missed only by
    its date, in article order. ``overlap``: the share of the gold evidence's words a candidate's evidence holds."""
    by_art: dict[str, tuple[list, list]] = {}
    for g in gold:
        by_art.setdefault(g["article"], ([], []))[0].append(g)
    for s in system:
        if article_of(s) in by_art:
            by_art[article_of(s)][1].append(s)
    out = []
    for _, (golds, syss) in sorted(by_art.items()):
        used, ids = _matched(golds, syss)
        for g in golds:
            if g.get("optional") or g["id"] in ids:
                continue
            gw = _words(g.get("evidence", ""))
            cands = [
                s
                for i, s in enumerate(syss)
                if i not in used
                and s.get("type") == g["type"]
                and len(gw & _words(str(s.get("evidence", "")))) >= overlap * max(1, len(gw))
            ]
            if cands:
                out.append((g, cands))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="*", default=PARTS)
    ap.add_argument("--totals", action="store_true", help="only the tp/fp/fn of each part and their sum")
    ap.add_argument(
        "--overlap", type=float, default=OVERLAP, help="share of the gold evidence's words (0 to 1)"
    )
    args = ap.parse_args()
    tp = fp = fn = 0
    for part in args.parts:
        gold = load_jsonl(GOLD / f"{part}.jsonl")
        folder = ROOT / "data" / "articles" if part == "own" else GOLD / part
        system = run(gold_articles(gold, folder)).events.to_dict("records")
        res = score(gold, system)
        tp, fp, fn = tp + res.tp, fp + res.fp, fn + res.fn
        print(f"{part}: tp {res.tp} fp {res.fp} fn {res.fn}")
        if args.totals:
            continue
        for g, cands in date_misses(gold, system, args.overlap):
            print(f"  == {g['id']} {g['type']} ok={g['date_ok']}: {g.get('evidence', '')[:160]}")
            for s in cands:
                print(
                    f"     system {_day(s.get('date_start'))} ({s.get('date_source')}, {s.get('date_text')!r}):"
                    f" {str(s.get('evidence', ''))[:160]}"
                )
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"micro: tp {tp} fp {fp} fn {fn} P {p:.4f} R {r:.4f} F1 {f1:.4f}")


if __name__ == "__main__":
    main()
