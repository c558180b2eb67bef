"""What a review costs with "Merge reports of the same event across articles" on: the log applied to each
report (``review.apply_reviews``), then the reviewed reports merged as the extraction's merge grouped them
(``review.merged_view``), against merging again (``dedup.merge_duplicates``), on synthetic events.

    python bench/review_merge.py [N] [REVIEWS]   # from the repo root; N events (100,000), REVIEWS (200)

A quarter of the reviews reject a report, the rest confirm one. Prints the best of three runs of each step
(the first ``merged_view`` also builds what it keeps per merged frame).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_events  # noqa: E402

from timeline import dedup  # noqa: E402
from timeline import review as rv  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("reviews", nargs="?", type=int, default=200)
    args = ap.parse_args()
    df = synthetic_events(args.n)
    t = time.perf_counter()
    merged, report = dedup.merge_duplicates(df)
    print(f"merge_duplicates: {time.perf_counter() - t:.2f} s ({report})")
    rows = df.sample(min(args.reviews, len(df)), random_state=1).to_dict("records")
    k = len(rows) * 3 // 4
    reviews = [
        rv.confirm(r, "bench", at=f"2026-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}")
        for i, r in enumerate(rows[:k])
    ]
    reviews += [rv.reject(r, "bench", "not an event", at="2026-01-02T00:00:00") for r in rows[k:]]
    applied, combined = [], []
    for _ in range(3):
        t = time.perf_counter()
        view = rv.apply_reviews(df, reviews)
        applied.append(time.perf_counter() - t)
        t = time.perf_counter()
        out = rv.merged_view(view, merged)
        combined.append(time.perf_counter() - t)
    print(f"apply_reviews: {min(applied):.3f} s; merged_view: {min(combined):.3f} s (runs: "
          f"{', '.join(f'{x:.2f}' for x in combined)}); {out.merge_report}")  # fmt: skip


if __name__ == "__main__":
    main()
