"""Run extraction over many articles, in this process or on a Dask cluster, with the same results.

The driver (this process) reads the inputs, drops articles it has seen (same content hash) or that the
event store already holds with the current rules, and reports unreadable or unusable ones. Only the
extraction itself, the CPU-heavy part, is shipped: a ``dask.bag`` of articles mapped through
:func:`extract_one`, the very function the Python engine calls in a loop, so both engines give identical
events by construction (a test checks it). Articles go in batches, so memory stays bounded and the store
is written as the run goes; with Dask the next batch is read while the cluster extracts the last.

Resources (lexicons, gazetteer) are loaded once in the driver and broadcast once to every worker
(``Client.scatter(..., broadcast=True)``); tasks refer to them, they are not pickled per task.
Without a scheduler address a ``LocalCluster`` of ``n_workers`` processes (one thread each: the
extractor is pure Python, threads would fight over the GIL) is started and closed; with an address
(``tcp://host:8786``) a ``Client`` connects to an existing cluster; see docs/dask.md.
"""

from __future__ import annotations

import sys
import types
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.model import Article, Event, ReadError
from timeline.store import EventStore
from timeline.table import events_to_frame
from timeline.text import long_sentence_note

ExtractFn = Callable[[Article, Any], list[Event]]
ReadFn = Callable[..., Iterable[Article | ReadError]]
CheckFn = Callable[[Article], ReadError | None]
ENGINES = ("python", "dask")


@dataclass(frozen=True)
class ArticleResult:
    """What extracting one article gave: event rows, or the reason it failed."""

    article_id: str
    rows: list[dict[str, Any]]
    error: ReadError | None = None


def extract_one(article: Article, resources: Any, extract: ExtractFn) -> ArticleResult:
    """Extract one article; an exception becomes a ReadError so one bad article never stops a batch."""
    try:
        rows = [e.to_row() for e in extract(article, resources)]
    except Exception as exc:  # noqa: BLE001 - reported, and the batch goes on
        return ArticleResult(
            article.article_id,
            [],
            ReadError(article.source, f"extraction failed: {type(exc).__name__}: {exc}"),
        )
    return ArticleResult(article.article_id, rows)


@contextmanager
def workers_without_main() -> Iterator[None]:
    """Start worker processes without re-running the caller's ``__main__``.

    Spawned workers import the parent's main module by its file path; when that is a Streamlit
    app run in the same process (``AppTest``, ``streamlit run``) or a notebook, the worker would run
    the whole app. Workers need only the ``timeline`` modules, so an empty ``__main__`` stands in
    while they start. No error of its own; the real module is restored afterwards.
    """
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is not None:
            sys.modules["__main__"] = real


def _extract_partition(articles: list[Article], resources: Any, extract: ExtractFn) -> list[ArticleResult]:
    return [extract_one(a, resources, extract) for a in articles]


@dataclass
class RunStats:
    articles_read: int = 0
    articles_extracted: int = 0
    articles_skipped: int = 0  # already in the store with the same rules, or read twice
    events: int = 0
    errors: int = 0
    batches: int = 0
    written: list[Any] = field(default_factory=list)  # store WriteReports
    #: called after each batch with (articles read, events so far, extraction errors so far)
    progress: Callable[[int, int, int], None] | None = None


def _default_extract() -> ExtractFn:
    from timeline.pipeline import extract_article

    return extract_article


def _default_check() -> CheckFn:
    from timeline.pipeline import check_article

    return check_article


def _default_read() -> ReadFn:
    from timeline.readers import iter_articles

    return iter_articles


def _admit(
    items: Iterable[Article | ReadError],
    check: CheckFn,
    errors: list[ReadError],
    stats: RunStats,
    store: EventStore | None,
    fingerprint: str,
) -> Iterator[Article]:
    """Articles worth extracting, in input order; every reason to skip one is counted or reported."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReadError):
            errors.append(item)
            continue
        stats.articles_read += 1
        problem = check(item)
        if problem is not None:
            errors.append(problem)
            continue
        aid = item.article_id
        if aid in seen or (store is not None and not store.needs(aid, fingerprint)):
            stats.articles_skipped += 1
            continue
        seen.add(aid)
        if item.published is None:
            errors.append(
                ReadError(item.source, "no publication date: only events with a date in the text are kept")
            )
        note = long_sentence_note(item.text)
        if note:
            errors.append(ReadError(item.source, note))
        yield item


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in items:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(
    paths: Iterable[str | Path],
    engine: str = "python",
    scheduler: str | None = None,
    n_workers: int = 2,
    resources: Any = None,
    *,
    language: str | None = None,
    store: EventStore | str | Path | None = None,
    fingerprint: str | None = None,
    extract: ExtractFn | None = None,
    read: ReadFn | None = None,
    check: CheckFn | None = None,
    batch_size: int = 2000,
    client: Any = None,
    stats: RunStats | None = None,
    exclude: Iterable[str | Path | None] = (),
) -> tuple[pd.DataFrame, list[ReadError]]:
    """Read every article under ``paths`` (but not ``exclude``, the run's own outputs and store) and
    extract its events with the chosen engine.

    Returns (events of the articles extracted in this run, errors). With ``store`` only articles the
    store lacks (or holds under another lexicon ``fingerprint``) are extracted, and their events are
    written to it batch by batch. ``extract``/``read``/``check`` default to the pipeline's functions;
    ``extract`` must be importable by the workers (a module-level function). ``client``: an existing
    ``distributed.Client`` to use instead of starting one.
    """
    read = read or _default_read()
    exclude = [*exclude, store.path if isinstance(store, EventStore) else store]
    items = read(list(paths), language=language, exclude=exclude)
    return run_articles(
        items,
        engine,
        scheduler,
        n_workers,
        resources,
        store=store,
        fingerprint=fingerprint,
        extract=extract,
        check=check,
        batch_size=batch_size,
        client=client,
        stats=stats,
    )


def run_articles(
    items: Iterable[Article | ReadError],
    engine: str = "python",
    scheduler: str | None = None,
    n_workers: int = 2,
    resources: Any = None,
    *,
    store: EventStore | str | Path | None = None,
    fingerprint: str | None = None,
    extract: ExtractFn | None = None,
    check: CheckFn | None = None,
    batch_size: int = 2000,
    client: Any = None,
    stats: RunStats | None = None,
) -> tuple[pd.DataFrame, list[ReadError]]:
    """:func:`run` over articles already read (e.g. from an upload, or a replicated corpus in a bench)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    extract = extract or _default_extract()
    check = check or _default_check()
    if resources is None:
        from timeline.pipeline import Resources

        resources = Resources.load()
    if store is not None and not isinstance(store, EventStore):
        store = EventStore(store)
    if store is not None and fingerprint is None:
        from timeline.pipeline import lexicon_fingerprint

        fingerprint = lexicon_fingerprint()
    stats = stats if stats is not None else RunStats()
    errors: list[ReadError] = []  # reading and checking, in input order
    failed: list[ReadError] = []  # extraction, in article order (the same for both engines)
    batches = _batches(_admit(items, check, errors, stats, store, fingerprint or ""), batch_size)
    if engine == "python":
        frames = [
            _finish(b, _extract_partition(b, resources, extract), store, fingerprint, failed, stats)
            for b in batches
        ]
    else:
        frames = _run_dask(
            batches, resources, extract, scheduler, n_workers, client, store, fingerprint, failed, stats
        )
    frames = [f for f in frames if len(f)]
    events = pd.concat(frames, ignore_index=True) if frames else events_to_frame([])
    errors += failed
    stats.events = len(events)
    stats.errors = len(errors)
    return events, errors


def _run_dask(
    batches: Iterator[list[Article]],
    resources: Any,
    extract: ExtractFn,
    scheduler: str | None,
    n_workers: int,
    client: Any,
    store: EventStore | None,
    fingerprint: str | None,
    errors: list[ReadError],
    stats: RunStats,
) -> list[pd.DataFrame]:
    import dask.bag as db
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if client is None:
            if scheduler:
                client = stack.enter_context(Client(scheduler))
            else:
                with workers_without_main():
                    cluster = LocalCluster(
                        n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                    )
                stack.enter_context(cluster)
                client = stack.enter_context(Client(cluster))
        shared = client.scatter(resources, broadcast=True)
        slots = max(sum(client.nthreads().values()), 1)
        frames: list[pd.DataFrame] = []
        in_flight: deque[tuple[list[Article], Any]] = deque()
        for batch in batches:  # reading the next batch overlaps extracting this one
            bag = db.from_sequence(batch, npartitions=min(len(batch), slots * 4))
            job = bag.map_partitions(_extract_partition, resources=shared, extract=extract)
            in_flight.append((batch, client.compute(job)))
            if len(in_flight) > 1:
                done, fut = in_flight.popleft()
                frames.append(_finish(done, fut.result(), store, fingerprint, errors, stats))
        while in_flight:
            done, fut = in_flight.popleft()
            frames.append(_finish(done, fut.result(), store, fingerprint, errors, stats))
        return frames


def _finish(
    batch: list[Article],
    results: list[ArticleResult],
    store: EventStore | None,
    fingerprint: str | None,
    errors: list[ReadError],
    stats: RunStats,
) -> pd.DataFrame:
    """Collect one batch: its events as a table, its errors, and (with a store) write it."""
    rows = [row for r in results for row in r.rows]
    errors.extend(r.error for r in results if r.error is not None)
    frame = events_to_frame(rows)
    done = {r.article_id: fingerprint or "" for r in results if r.error is None}
    stats.articles_extracted += len(done)
    stats.batches += 1
    stats.events += len(frame)
    if stats.progress is not None:
        stats.progress(stats.articles_read, stats.events, len(errors))
    if store is not None and done:
        stats.written.append(store.write(frame, done))
    return frame


def run_to_store(
    paths: Iterable[str | Path],
    store: EventStore | str | Path | None = None,
    engine: str = "python",
    scheduler: str | None = None,
    n_workers: int = 2,
    language: str | None = None,
    resources: Any = None,
    on_progress: Callable[[int, int, int], None] | None = None,
    exclude: Iterable[str | Path | None] = (),
) -> Any:
    """:func:`run` for the command line: returns the pipeline's ``RunResult`` (events, errors, n_articles).

    ``n_articles`` counts every article read, including those the store already held.
    """
    from timeline.pipeline import RunResult

    stats = RunStats(progress=on_progress)
    events, errors = run(
        paths,
        engine,
        scheduler,
        n_workers,
        resources,
        language=language,
        store=store,
        stats=stats,
        exclude=exclude,
    )
    return RunResult(events, errors, stats.articles_read)
