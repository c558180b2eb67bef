"""Time the aggregations on a large synthetic event table (goal: <= 0.5 s each on 1M events).

    python bench/aggregate.py [--n 1000000] [--dedup-n 100000] [--repeat 3]

Preparing (parsing dates, exploding actors/places) is timed apart: it is done once per table, and
every aggregation after it reuses the prepared table. Two ways in are timed: from a pandas frame with
lists of dicts, and straight from the Parquet store through Arrow. The duplicate merger is timed on a
smaller table (it is meant for the events of one run, not a whole archive at once).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from typing import Any

from synthetic import synthetic_events

from timeline import aggregate as ag
from timeline.dedup import merge_duplicates
from timeline.store import EventStore


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--dedup-n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    t = time.perf_counter()
    df = synthetic_events(args.n)
    print(f"synthetic table: {len(df):,} events in {time.perf_counter() - t:.1f} s")

    secs, prepared = best_of(lambda: ag.prepare(df), 1)
    print(f"prepare (from pandas lists)      {secs:6.3f} s  once per table")
    with tempfile.TemporaryDirectory() as tmp:
        store = EventStore(tmp)
        t = time.perf_counter()
        store.write(df, dict.fromkeys(df["article_id"], "bench"))
        print(
            f"store write (month partitions)   {time.perf_counter() - t:6.3f} s  ({len(store.partitions())} partitions)"
        )
        secs, table = best_of(store.read_arrow, args.repeat)
        print(f"store read_arrow                 {secs:6.3f} s")
        secs, _ = best_of(lambda: ag.prepare_arrow(table), args.repeat)
        print(f"prepare_arrow (from the store)   {secs:6.3f} s  once per table")

    print(f"\naggregations on {len(prepared):,} prepared events (best of {args.repeat}):")
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("counts W by type", lambda: ag.counts(prepared, "W", "type")),
        ("counts D total", lambda: ag.counts(prepared, "D", None)),
        ("counts M by status", lambda: ag.counts(prepared, "M", "status")),
        ("counts W by actor", lambda: ag.counts(prepared, "W", "actor")),
        ("counts M by country", lambda: ag.counts(prepared, "M", "country")),
        ("counts W by place", lambda: ag.counts(prepared, "W", "place")),
        ("counts M by admin1", lambda: ag.counts(prepared, "M", "admin1")),
        ("actor_matrix", lambda: ag.actor_matrix(prepared)),
        ("campaigns", lambda: ag.campaigns(prepared, as_of="2021-01-01")),
        ("talk_rounds", lambda: ag.talk_rounds(prepared)),
    ]
    worst = 0.0
    for name, fn in cases:
        secs, out = best_of(fn, args.repeat)
        worst = max(worst, secs)
        print(f"  {name:24s} {secs:6.3f} s  -> {len(out):,} rows")
    print(f"  slowest: {worst:.3f} s ({'meets' if worst <= 0.5 else 'misses'} the 0.5 s goal)")
    secs, _ = best_of(lambda: ag.counts(df.head(100_000), "W", "type"), 1)
    print(f"  (unprepared 100k frame, counts W by type incl. prepare: {secs:.3f} s)")

    small = df.head(args.dedup_n)
    secs, (merged, report) = best_of(lambda: merge_duplicates(small), 1)
    print(f"\nmerge_duplicates on {len(small):,} events: {secs:.2f} s; {report}")


if __name__ == "__main__":
    main()
