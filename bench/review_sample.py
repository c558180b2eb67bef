"""The blind review of the bundled sample as a reviews file that ships with the project.

    python bench/review_sample.py [VERDICTS_DIR] [-o data/reviews/sample.jsonl]   # from the repo root

``VERDICTS_DIR`` holds ``verdicts.jsonl`` and ``missed.jsonl`` (format: :mod:`timeline.review.verdicts`),
written by a reviewer who judged the events the extractor gave on ``data/sample/`` (listed in
``events.csv`` there) against the articles without reading the code. The shipped file was made on the
extraction the reviewer saw (its anchors are those events' spans); on a later extractor a verdict whose
event changed id is matched by article, type and evidence, and one that matches nothing is reported. The script extracts ``data/sample/`` again, turns each verdict into reviews of
the public review API (confirm, reject, edit, add) by the reviewer ``blind-reviewer-1`` at fixed times, and
writes them in the format of ``timeline review export``; problems (a verdict whose event is gone, a place
it cannot locate) are printed, one line each. Re-running on the same files writes the same file. Then:

    timeline extract data/sample --store S
    timeline review import data/reviews/sample.jsonl --store S
    timeline review gold --store S -o gold.jsonl        # also prints the precision per type
    timeline evaluate --gold gold.jsonl --articles data/sample
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WHO = "blind-reviewer-1"
START = "2026-11-29T23:00:00+00:00"  # when the verdicts were handed over (every review is this + k µs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("verdicts", nargs="?", type=Path, default=ROOT.parent / "sample-review")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "data" / "reviews" / "sample.jsonl")
    parser.add_argument("--articles", type=Path, default=ROOT / "data" / "sample")
    parser.add_argument("--who", default=WHO)
    parser.add_argument("--start", default=START, help="time of the first review (ISO 8601)")
    args = parser.parse_args(argv)

    import pandas as pd

    from timeline.actors import ActorLexicon
    from timeline.gazetteer import Gazetteer
    from timeline.pipeline import run
    from timeline.readers import read_articles
    from timeline.review import ReviewLog
    from timeline.review.verdicts import article_index, missed_reviews, verdict_reviews

    def lines(name: str) -> list[dict]:
        path = args.verdicts / name
        if not path.exists():
            return []
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]

    verdicts, missed = lines("verdicts.jsonl"), lines("missed.jsonl")
    if not verdicts:
        print(f"review_sample: no verdicts in {args.verdicts / 'verdicts.jsonl'}", file=sys.stderr)
        return 2
    # the sources as the events name them ("data/sample/…"): the folder relative to the repo root
    os.chdir(ROOT)
    articles = [
        args.articles.resolve().relative_to(ROOT)
        if args.articles.resolve().is_relative_to(ROOT)
        else args.articles
    ]
    gaz, lexicon = Gazetteer.load(), ActorLexicon.load()
    names = {e.code: e.name for e in lexicon.entries()}
    events = run(articles).events
    listed = args.verdicts / "events.csv"  # the events as the reviewer saw them (ids may have changed since)
    judged = pd.read_csv(listed, dtype=str, keep_default_na=False) if listed.exists() else None
    done = verdict_reviews(events, verdicts, args.who, args.start, gaz, names, judged)
    read, _ = read_articles(articles)
    added = missed_reviews(article_index(read), missed, args.who, done.reviews[-1].at if done.reviews else args.start,
                           gaz, names)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        log = ReviewLog(Path(tmp) / "reviews.sqlite")
        log.append(done.reviews + added.reviews)
        text = "".join(log.export_lines())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    for p in done.problems + added.problems:
        print(f"  {p}", file=sys.stderr)
    print(f"review_sample: {len(verdicts)} verdicts and {len(missed)} missed events -> "
          f"{len(done.reviews) + len(added.reviews)} reviews in {args.output}", file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
