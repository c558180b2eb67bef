"""Time the dashboard's aggregation views (figure + table) on a large synthetic table.

    python bench/aggregate_charts.py [--n 1000000] [--repeat 3]

Preparing is timed apart (the app caches it per table); each view then starts from the prepared
table, filtered with :func:`timeline.aggregate_charts.subset` (what a change of the sidebar filters costs).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from synthetic import synthetic_events

from timeline import aggregate_charts as ac
from timeline.aggregate import prepare


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    df = synthetic_events(args.n)
    t = time.perf_counter()
    p = prepare(df)
    print(f"prepare {len(df):,} events: {time.perf_counter() - t:.2f} s")
    mask = (df["type"] != "ceasefire").to_numpy()
    cases: dict[str, Callable[[], Any]] = {
        "subset (filter)": lambda: ac.subset(p, mask),
        "counts week x type": lambda: ac.counts_view(p, "week", "type"),
        "counts day x actor": lambda: ac.counts_view(p, "day", "actor"),
        "counts month x place": lambda: ac.counts_view(p, "month", "place"),
        "matrix types": lambda: ac.matrix_types(p),
        "matrix offensive": lambda: ac.matrix_view(p, "offensive"),
        "campaigns": lambda: ac.campaigns_view(p),
        "rounds of talks": lambda: ac.rounds_view(p),
    }
    for name, fn in cases.items():
        print(f"{name:22s} {best_of(fn, args.repeat):.3f} s")
    for name, view in (("campaigns", ac.campaigns_view(p)), ("rounds", ac.rounds_view(p))):
        print(f"{name}: {len(view.table):,} rows, figure JSON {len(view.figure.to_json()) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
