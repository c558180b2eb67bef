"""The store with several writers, readers during writes, and crashes (kill -9) at every step of a write.

Issue 11, items 7 and 8: nothing lost, nothing counted twice, no stray file, whatever comes next.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from timeline.model import Article, Event
from timeline.store import LOCK, EventStore, StoreBusy
from timeline.table import events_to_frame

FORK = multiprocessing.get_context("fork")


def articles(prefix: str, n: int) -> list[Article]:
    return [
        Article(f"{prefix}{i}.txt", f"{prefix} story number {i} about Idlib.", language="en")
        for i in range(n)
    ]


def batch(
    arts: list[Article], fingerprint: str = "fp1", per_article: int = 3
) -> tuple[pd.DataFrame, dict[str, str]]:
    """``per_article`` events per article over a few months (so a write touches several partitions)."""
    events = []
    for k, art in enumerate(arts):
        for j in range(per_article):
            day = date(2020, 1, 1) + timedelta(days=23 * ((k + j) % 5))
            events.append(
                Event(art.article_id, art.source, art.text, day.isoformat(), "en", "offensive", "shelling",
                      "occurred", day, None, "day", "explicit", day.isoformat(), f"{art.text} {fingerprint}",
                      10 * j, 10 * j + 5)
            )  # fmt: skip
    return events_to_frame(events), {a.article_id: fingerprint for a in arts}


def at_rest(path: Path) -> pd.DataFrame:
    """What any tool reading the folder sees (pandas/pyarrow, no store logic, no deduplication)."""
    return pq.read_table(path).to_pandas()


def assert_clean(path: Path) -> None:
    rows = at_rest(path)
    assert not rows["event_id"].duplicated().any(), "duplicate rows at rest"
    assert not [p for p in path.rglob("*.tmp")], "stray temporary files"
    assert not (path / "_journal.json").exists()
    known = set(EventStore(path).known_articles())
    assert set(rows["article_id"]) <= known, "rows of articles the manifest does not know"


def _writer(path: str, prefix: str, n: int, shared: int) -> None:
    store = EventStore(path)
    for i in range(0, n, 5):  # small batches, so the writers interleave
        store.write(*batch([*articles(prefix, n)[i : i + 5], *articles("shared", shared)]))


def test_two_writers_at_once_lose_nothing_and_count_nothing_twice(tmp_path: Path) -> None:
    procs = [FORK.Process(target=_writer, args=(str(tmp_path), p, 20, 4)) for p in ("a", "b", "c")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    expected = {a.article_id for p in "abc" for a in articles(p, 20)} | {
        a.article_id for a in articles("shared", 4)
    }
    assert set(EventStore(tmp_path).known_articles()) == expected  # the manifest kept every writer's articles
    rows = at_rest(tmp_path)
    assert len(rows) == 3 * len(expected) and rows["event_id"].is_unique
    assert_clean(tmp_path)


def _rewriter(path: str, rounds: int) -> None:
    store = EventStore(path)
    for r in range(rounds):  # every round replaces the rows of all articles (a lexicon change)
        store.write(*batch(articles("x", 30), fingerprint=f"fp{r}"))


def test_readers_never_see_half_a_write(tmp_path: Path) -> None:
    store = EventStore(tmp_path)
    store.write(*batch(articles("x", 30), fingerprint="fp-start"))
    writer = FORK.Process(target=_rewriter, args=(str(tmp_path), 6))
    writer.start()
    seen = []
    while writer.is_alive():
        table = EventStore(tmp_path).read_arrow(["event_id", "evidence"])
        seen.append(table.num_rows)
        time.sleep(
            0.02
        )  # a dashboard reads now and then; a reader spinning on the lock would starve the writer
        assert len({e.rsplit(" ", 1)[1] for e in table.column("evidence").to_pylist()}) == 1  # one round only
    writer.join()
    assert writer.exitcode == 0 and seen and set(seen) == {90}


class _Crash:
    """Count the store's file operations; on the k-th, die like kill -9 (no cleanup, no finally)."""

    def __init__(self, k: int) -> None:
        self.k, self.n = k, 0

    def step(self) -> None:
        self.n += 1
        if self.n == self.k:
            os._exit(9)


def _crashing_write(path: str, k: int, prefix: str, fingerprint: str) -> None:
    import timeline.store as store_module

    crash = _Crash(k)
    real_replace, real_unlink, real_write = os.replace, Path.unlink, store_module.pq.write_table

    def replace(a, b):  # noqa: ANN001, ANN202
        crash.step()
        real_replace(a, b)

    def unlink(self, missing_ok=False):  # noqa: ANN001, ANN202
        crash.step()
        real_unlink(self, missing_ok=missing_ok)

    def write_table(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        crash.step()
        real_write(*args, **kw)

    store_module.os.replace = replace  # type: ignore[assignment]
    Path.unlink = unlink  # type: ignore[method-assign]
    store_module.pq.write_table = write_table
    EventStore(path).write(*batch(articles(prefix, 10), fingerprint=fingerprint, per_article=4))
    os._exit(0)


@pytest.mark.parametrize(
    ("prefix", "fingerprint"), [("new", "fp1"), ("old", "fp2")], ids=["append", "re-extract"]
)
def test_a_crash_at_any_step_leaves_the_store_as_before_or_after(
    tmp_path: Path, prefix: str, fingerprint: str
) -> None:
    crashed_ids = {a.article_id for a in articles(prefix, 10)}
    for k in range(1, 80):
        path = tmp_path / f"crash{k}"
        EventStore(path).write(*batch(articles("old", 10)))  # the store before the crashed batch
        child = FORK.Process(target=_crashing_write, args=(str(path), k, prefix, fingerprint))
        child.start()
        child.join(60)
        # the next run brings other articles (500 in the issue): recovery must not depend on them
        after = EventStore(path)
        after.write(*batch(articles("more", 5)))
        assert_clean(path)
        rows, known = at_rest(path), after.known_articles()
        done = {known.get(a) == fingerprint for a in crashed_ids}
        assert len(done) == 1, "part of the batch is in the manifest"  # all of it, or none of it
        n_rows = len(rows[rows["article_id"].isin(crashed_ids)])
        if done == {True}:
            assert n_rows == 40  # the crashed batch's rows, once
        else:
            assert n_rows == (30 if prefix == "old" else 0)  # the rows from before, untouched
        assert len(rows) == n_rows + 15 + (30 if prefix == "new" else 0)
        if child.exitcode == 0:
            assert done == {True}
            return  # k passed the last step of a write: every crash point was tried
    raise AssertionError("the write never finished")


def _hold_lock(path: str, ready, release) -> None:  # noqa: ANN001
    store = EventStore(path)
    with store.locked():
        ready.set()
        release.wait(30)


def test_a_second_writer_waits_and_says_why_when_it_gives_up(tmp_path: Path) -> None:
    ready, release = FORK.Event(), FORK.Event()
    holder = FORK.Process(target=_hold_lock, args=(str(tmp_path), ready, release))
    holder.start()
    assert ready.wait(30)
    with pytest.raises(StoreBusy, match="being written by another process"):
        EventStore(tmp_path, lock_timeout=0.3).write(*batch(articles("a", 2)))
    release.set()
    holder.join(30)
    EventStore(tmp_path, lock_timeout=5).write(*batch(articles("a", 2)))  # free again
    assert len(EventStore(tmp_path)) == 6 and (tmp_path / LOCK).exists()
