"""Field cases: how many short articles come out exactly right.

usage: python bench/cases.py [GOLD_JSONL ARTICLES_DIR NOEVENT_FILE] [--show]

The field cases (``tests/gold/CASES.md``) are short articles, each built around one kind of difficulty
event coders are known to get wrong (talks about fighting, one happening told three times, negations,
threats, statuses, actors, datelines, dates, places, casualty words, texts with no event at all). An
article **comes out right** when every required gold event of it is matched (same type, a date in an
accepted range: the reference scorer's rule) and every extracted event is matched to a gold line,
required or optional. An article listed in the no-event file is right only if nothing is extracted from
it (the reference scorer skips articles without gold, so those would cost nothing there).

Without arguments it reports the eleven batches (``tests/gold/CASES.md``, ``CASES2.md`` ... ``CASES11.md``):
``cases``, ``cases2`` ... ``cases11`` (developed against) and ``frozen_cases``, ``frozen_cases2`` ...
``frozen_cases10`` (held out: only their counts are
printed, never which cases fail).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timeline.evaluate import articles_right, load_jsonl
from timeline.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"


def right_articles(gold_path: Path, folder: Path, noevent_path: Path) -> tuple[int, int, list[str]]:
    """(right, total, names of the articles that are not right) for one part of the field cases."""
    files = sorted(p for p in folder.iterdir() if p.is_file())
    no_event = noevent_path.read_text(encoding="utf-8").split()
    events = run(files).events.to_dict("records")
    verdicts = articles_right(load_jsonl(gold_path), events, [p.name for p in files], no_event)
    wrong = [name for name, ok in verdicts.items() if not ok]
    return len(files) - len(wrong), len(files), wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("parts", nargs="*", help="GOLD_JSONL ARTICLES_DIR NOEVENT_FILE (repeatable)")
    ap.add_argument("--show", action="store_true", help="name the wrong articles (never for a held-out part)")
    args = ap.parse_args()
    if args.parts:
        if len(args.parts) % 3:
            ap.error("give GOLD_JSONL ARTICLES_DIR NOEVENT_FILE triples")
        parts = [
            (Path(args.parts[i]).stem, *map(Path, args.parts[i : i + 3]), args.show)
            for i in range(0, len(args.parts), 3)
        ]
    else:
        parts = [
            ("cases (dev)", GOLD / "cases.jsonl", GOLD / "cases", GOLD / "cases.noevent", args.show),
            (
                "frozen_cases (held out)",
                GOLD / "frozen_cases.jsonl",
                GOLD / "frozen_cases",
                GOLD / "frozen_cases.noevent",
                False,
            ),
            ("cases2 (dev)", GOLD / "cases2.jsonl", GOLD / "cases2", GOLD / "cases2.noevent", args.show),
            (
                "frozen_cases2 (held out)",
                GOLD / "frozen_cases2.jsonl",
                GOLD / "frozen_cases2",
                GOLD / "frozen_cases2.noevent",
                False,
            ),
            ("cases3 (dev)", GOLD / "cases3.jsonl", GOLD / "cases3", GOLD / "cases3.noevent", args.show),
            ("cases4 (dev)", GOLD / "cases4.jsonl", GOLD / "cases4", GOLD / "cases4.noevent", args.show),
            (
                "frozen_cases3 (held out)",
                GOLD / "frozen_cases3.jsonl",
                GOLD / "frozen_cases3",
                GOLD / "frozen_cases3.noevent",
                False,
            ),
            ("cases5 (dev)", GOLD / "cases5.jsonl", GOLD / "cases5", GOLD / "cases5.noevent", args.show),
            (
                "frozen_cases4 (held out)",
                GOLD / "frozen_cases4.jsonl",
                GOLD / "frozen_cases4",
                GOLD / "frozen_cases4.noevent",
                False,
            ),
            ("cases6 (dev)", GOLD / "cases6.jsonl", GOLD / "cases6", GOLD / "cases6.noevent", args.show),
            (
                "frozen_cases5 (held out)",
                GOLD / "frozen_cases5.jsonl",
                GOLD / "frozen_cases5",
                GOLD / "frozen_cases5.noevent",
                False,
            ),
            ("cases7 (dev)", GOLD / "cases7.jsonl", GOLD / "cases7", GOLD / "cases7.noevent", args.show),
            (
                "frozen_cases6 (held out)",
                GOLD / "frozen_cases6.jsonl",
                GOLD / "frozen_cases6",
                GOLD / "frozen_cases6.noevent",
                False,
            ),
            ("cases8 (dev)", GOLD / "cases8.jsonl", GOLD / "cases8", GOLD / "cases8.noevent", args.show),
            (
                "frozen_cases7 (held out)",
                GOLD / "frozen_cases7.jsonl",
                GOLD / "frozen_cases7",
                GOLD / "frozen_cases7.noevent",
                False,
            ),
            ("cases9 (dev)", GOLD / "cases9.jsonl", GOLD / "cases9", GOLD / "cases9.noevent", args.show),
            (
                "frozen_cases8 (held out)",
                GOLD / "frozen_cases8.jsonl",
                GOLD / "frozen_cases8",
                GOLD / "frozen_cases8.noevent",
                False,
            ),
            ("cases10 (dev)", GOLD / "cases10.jsonl", GOLD / "cases10", GOLD / "cases10.noevent", args.show),
            (
                "frozen_cases9 (held out)",
                GOLD / "frozen_cases9.jsonl",
                GOLD / "frozen_cases9",
                GOLD / "frozen_cases9.noevent",
                False,
            ),
            ("cases11 (dev)", GOLD / "cases11.jsonl", GOLD / "cases11", GOLD / "cases11.noevent", args.show),
            (
                "frozen_cases10 (held out)",
                GOLD / "frozen_cases10.jsonl",
                GOLD / "frozen_cases10",
                GOLD / "frozen_cases10.noevent",
                False,
            ),
        ]
    total_right = total = 0
    for name, gold_path, folder, noevent, show in parts:
        right, n, wrong = right_articles(gold_path, folder, noevent)
        total_right += right
        total += n
        print(f"{name}: {right} of {n} articles right")
        if show:
            for w in wrong:
                print(f"  wrong: {w}")
    if len(parts) > 1:
        print(f"all: {total_right} of {total} articles right")


if __name__ == "__main__":
    main()
