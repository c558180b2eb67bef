"""Micro totals over every gold part: the figures the README's "Measured" table and the issue notes quote.

usage: python bench/gold_totals.py [dev|held|PART ...] [--misses]

Each part is a ``tests/gold/PART.jsonl`` with its articles in ``tests/gold/PART/`` (``own`` reads ``data/articles``).
The articles are extracted (:func:`timeline.pipeline.run`) and scored as ``timeline evaluate`` does
(:func:`timeline.evaluate.score`); a part with a ``PART.noevent`` file is a batch of field cases, and its articles
that come out exactly right are counted as ``bench/cases.py`` counts them (:func:`timeline.evaluate.articles_right`).
Parts are grouped into the developed-on ones (``own``, ``heldout``, ``news*``, ``cases*``) and the held-out ones
(``frozen*``), and each group's tp, fp and fn are summed (micro totals), with place, actor and status accuracy on
the matched events. ``--misses`` lists the missed and extra events of the developed-on parts; the held-out parts
only ever print their counts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timeline.evaluate import Score, articles_right, load_jsonl, score
from timeline.pipeline import run

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
_COUNTS = ("tp", "fp", "fn", "place_ok", "place_n", "actor_ok", "actor_n", "status_ok")


def parts() -> dict[str, tuple[Path, Path]]:
    """Part name -> (gold JSONL, articles folder), in a stable order: own, heldout, news*, cases*, frozen*."""
    found = {"own": (GOLD / "own.jsonl", ROOT / "data" / "articles")}
    for gold in GOLD.glob("*.jsonl"):
        if (GOLD / gold.stem).is_dir():
            found[gold.stem] = (gold, GOLD / gold.stem)

    def key(name: str) -> tuple[int, int, str]:
        prefix = name.rstrip("0123456789")
        rank = ["own", "heldout", "news", "cases", "frozen", "frozen_cases"].index(prefix)
        number = name[len(prefix) :]
        return rank, int(number) if number else 1, name

    return {name: found[name] for name in sorted(found, key=key)}


def held_out(name: str) -> bool:
    """Is the part held out from tuning (``frozen*``)?"""
    return name.startswith("frozen")


def measure(gold_path: Path, folder: Path) -> tuple[Score, tuple[int, int] | None]:
    """(score, (articles right, articles) or None when the part has no ``.noevent`` file) of one part."""
    gold = load_jsonl(gold_path)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    events = run(files).events.to_dict("records")
    noevent = gold_path.with_suffix(".noevent")
    cases = None
    if noevent.exists():
        verdicts = articles_right(gold, events, [p.name for p in files], noevent.read_text().split())
        cases = (sum(verdicts.values()), len(verdicts))
    return score(gold, events), cases


def line(name: str, s: Score, cases: tuple[int, int] | None) -> str:
    """One part's or group's figures on one line."""
    right = f" cases {cases[0]}/{cases[1]}" if cases else ""
    return (
        f"{name:16s} {s.tp}/{s.fp}/{s.fn} F1 {s.f1:.3f} (P {s.precision:.3f} R {s.recall:.3f}) "
        f"place {s.place_ok}/{s.place_n} actor {s.actor_ok}/{s.actor_n} status {s.status_ok}/{s.tp}{right}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("select", nargs="*", help="dev, held or part names (default: dev and held)")
    ap.add_argument("--misses", action="store_true", help="list the misses and extras of developed-on parts")
    args = ap.parse_args()
    known = parts()
    groups = {
        "dev": [n for n in known if not held_out(n)],
        "held": [n for n in known if held_out(n)],
    }
    for choice in args.select or ["dev", "held"]:
        names = groups.get(choice) or [choice]
        total, right, articles = Score(), 0, 0
        for name in names:
            if name not in known:
                ap.error(f"no gold part {name!r} (known: {', '.join(known)})")
            s, cases = measure(*known[name])
            print(line(name, s, cases), flush=True)
            if args.misses and not held_out(name):
                for m in s.misses:
                    print("    MISS", m)
                for e in s.extras:
                    print("    EXTRA", e)
            for f in _COUNTS:
                setattr(total, f, getattr(total, f) + getattr(s, f))
            if cases:
                right, articles = right + cases[0], articles + cases[1]
        if len(names) > 1:
            print(line(f"== {choice}", total, (right, articles) if articles else None), flush=True)


if __name__ == "__main__":
    main()
