"""Articles per second for the Python engine and for Dask with 1 and 2 local workers.

    python bench/scale.py [--corpus /work/shared/corpus] [--replicate 3] [--engines python,dask1,dask2]
                          [--fake] [--store DIR]

The corpus is read once (reading is timed apart: it happens in the driver for every engine), then each
engine extracts the same articles. ``--replicate K`` makes K copies of every article with a marker
appended, so each copy is a new article (new content hash) and the work grows K-fold. ``--fake`` uses a
regex stand-in for the extractor (to measure the engine's overhead, or before the real one exists).
Cluster start-up is timed apart from extraction. Each engine's events are checked to be identical.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.engine import RunStats, run_articles
from timeline.model import Actor, Article, Event, ReadError

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_ATTACK = re.compile(r"[^.!?\n]*\b(strike|attack|shell|offensive|قصف|غارة|هجوم)[^.!?\n]*", re.IGNORECASE)


def fake_extract(article: Article, resources: Any) -> list[Event]:
    """One event per sentence with an attack word (the engines' overhead without the real extractor)."""
    day = article.published_date or date(2020, 1, 1)
    return [
        Event(
            article_id=article.article_id,
            source=article.source,
            title=article.title,
            published=article.published.isoformat() if article.published else "",
            language=article.language,
            type="offensive",
            subtype="airstrike",
            status="occurred",
            date_start=day,
            date_end=None,
            date_precision="day",
            date_source="publication",
            date_text="",
            evidence=m.group(0).strip(),
            evidence_start=m.start(),
            evidence_end=m.end(),
            actors=[Actor("SYRMIL", "army", "initiator")],
        )
        for m in _ATTACK.finditer(article.text)
    ]


def accept_all(article: Article) -> ReadError | None:
    return None if article.text.strip() else ReadError(article.source, "empty article text")


def replicate(items: list[Article | ReadError], k: int) -> list[Article | ReadError]:
    if k <= 1:
        return items
    out: list[Article | ReadError] = []
    for copy in range(k):
        for a in items:
            out.append(
                a if isinstance(a, ReadError) or copy == 0 else replace(a, text=f"{a.text}\n[copy {copy}]")
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--replicate", type=int, default=1)
    ap.add_argument("--engines", default="python,dask1,dask2")
    ap.add_argument("--fake", action="store_true", help="regex stand-in instead of the real extractor")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--store", action="store_true", help="also write a Parquet store (timed with the run)")
    args = ap.parse_args()

    from timeline.readers import iter_articles

    t = time.perf_counter()
    items = list(iter_articles([args.corpus]))
    read_s = time.perf_counter() - t
    if args.limit:
        items = items[: args.limit]
    items = replicate(items, args.replicate)
    n_articles = sum(isinstance(a, Article) for a in items)
    print(f"read {n_articles:,} articles (x{args.replicate}) from {args.corpus} in {read_s:.1f} s")

    if args.fake:
        extract, check, resources = fake_extract, accept_all, "fake"
    else:
        from timeline.pipeline import Resources, check_article, extract_article

        t = time.perf_counter()
        resources = Resources.load()
        print(f"resources loaded in {time.perf_counter() - t:.2f} s")
        extract, check = extract_article, check_article

    reference: pd.DataFrame | None = None
    for name in args.engines.split(","):
        engine, workers = ("python", 0) if name == "python" else ("dask", int(name.removeprefix("dask") or 2))
        stats = RunStats()
        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "store" if args.store else None
            client, cluster, start_s = None, None, 0.0
            if engine == "dask":
                from distributed import Client, LocalCluster

                t = time.perf_counter()
                cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                )
                client = Client(cluster)
                start_s = time.perf_counter() - t
            try:
                t = time.perf_counter()
                events, errors = run_articles(
                    items,
                    engine,
                    resources=resources,
                    extract=extract,
                    check=check,
                    client=client,
                    store=store,
                    fingerprint="bench",
                    stats=stats,
                )
                secs = time.perf_counter() - t
            finally:
                if client is not None:
                    client.close()
                    cluster.close()
        rate = stats.articles_extracted / secs if secs else float("nan")
        extra = f" (+{start_s:.1f} s cluster start)" if engine == "dask" else ""
        print(
            f"{name:8s} {stats.articles_extracted:7,} articles  {len(events):8,} events  {len(errors):5,} errors"
            f"  {secs:7.2f} s  {rate:8.1f} articles/s{extra}"
        )
        canon = events.sort_values("event_id", ignore_index=True)
        if reference is None:
            reference = canon
        else:
            pd.testing.assert_frame_equal(reference, canon)
    print("all engines gave identical events")


if __name__ == "__main__":
    main()
