"""The Python and Dask engines give identical events and errors; the store is filled incrementally."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline.engine import RunStats, run, run_articles, workers_without_main
from timeline.model import Actor, Article, Event, ReadError
from timeline.resources import data_dir
from timeline.store import EventStore

distributed = pytest.importorskip("distributed")

SAMPLE = data_dir() / "articles"  # the shipped sample corpus: txt, md, json, jsonl, csv


def fake_extract(article: Article, resources: object) -> list[Event]:
    """A stand-in extractor: one event per sentence with an attack word; 'BOOM' makes it fail."""
    if "BOOM" in article.text:
        raise RuntimeError("extractor crashed")
    events = []
    day = article.published_date or date(2020, 1, 1)
    for m in re.finditer(r"[^.!?\n]*\b(strike|attack|shell|قصف|غارة)[^.!?\n]*", article.text, re.IGNORECASE):
        events.append(
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
                actors=[Actor("SYRMIL", str(resources), "initiator")],
            )
        )
    return events


def accept(article: Article) -> ReadError | None:
    return None if article.text.strip() else ReadError(article.source, "empty article text")


def articles(n: int = 12) -> list[Article | ReadError]:
    out: list[Article | ReadError] = [
        Article(f"a{i}.txt", f"Report {i}. An air strike hit town {i}. Talks went on.", published=None)
        for i in range(n)
    ]
    out[3] = Article("boom.txt", "BOOM an attack", language="en")
    out[5] = ReadError("broken.pdf", "not a text file")
    out.append(out[0])  # read twice: extracted once
    out.append(Article("empty.txt", "   "))
    return out


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with workers_without_main():  # an AppTest run earlier in this process may still hold __main__
        cl = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
    with cl, distributed.Client(cl) as c:
        yield c


def canonical(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values("event_id", ignore_index=True)


def test_python_and_dask_give_the_same_events_and_errors(client: object) -> None:
    opts = dict(resources="lexicons-v1", extract=fake_extract, check=accept, batch_size=5)
    py_events, py_errors = run_articles(articles(), "python", **opts)
    dk_events, dk_errors = run_articles(articles(), "dask", client=client, **opts)
    assert len(py_events) == 10  # 12 articles, one replaced by a crash, one by a read error
    pd.testing.assert_frame_equal(canonical(py_events), canonical(dk_events))
    assert py_errors == dk_errors
    reasons = [e.reason for e in py_errors]
    assert "not a text file" in reasons and "empty article text" in reasons
    assert any("extraction failed: RuntimeError" in r for r in reasons)
    assert set(py_events["actors"].map(lambda a: a[0]["name"])) == {"lexicons-v1"}  # resources reached


def test_engines_agree_on_the_sample_corpus(client: object) -> None:
    opts = dict(resources="r", extract=fake_extract, check=accept)
    py_events, py_errors = run([SAMPLE], "python", **opts)
    dk_events, dk_errors = run([SAMPLE], "dask", client=client, **opts)
    assert len(py_events) > 0
    pd.testing.assert_frame_equal(canonical(py_events), canonical(dk_events))
    assert py_errors == dk_errors


def test_dask_starts_its_own_local_cluster() -> None:
    opts = dict(resources="r", extract=fake_extract, check=accept)
    events, errors = run_articles(articles(), "dask", n_workers=1, **opts)
    expected, expected_errors = run_articles(articles(), "python", **opts)
    pd.testing.assert_frame_equal(events, expected)  # same order too: batches and partitions keep it
    assert errors == expected_errors


def test_store_is_filled_once_and_rebuilt_on_new_rules(tmp_path: Path, client: object) -> None:
    opts = dict(resources="r", extract=fake_extract, check=accept, store=tmp_path / "py", batch_size=4)
    stats = RunStats()
    first, _ = run_articles(articles(), "python", fingerprint="v1", stats=stats, **opts)
    assert stats.articles_extracted == 11 - 1 and stats.batches == 3  # the crash is retried next time
    again = RunStats()
    events, errors = run_articles(articles(), "python", fingerprint="v1", stats=again, **opts)
    assert events.empty and again.articles_extracted == 0
    assert again.articles_skipped == 11  # 10 in the store, and the copy of article 0
    assert any("extraction failed" in e.reason for e in errors)  # only the crashed one was tried again
    store = EventStore(tmp_path / "py")
    assert len(store) == len(first)
    rebuilt = RunStats()
    run_articles(articles(), "python", fingerprint="v2", stats=rebuilt, **opts)
    assert rebuilt.articles_extracted == 10 and len(store) == len(first)
    assert set(store.known_articles().values()) == {"v2"}
    # the Dask engine writes the same store
    run_articles(articles(), "dask", client=client, fingerprint="v2", **{**opts, "store": tmp_path / "dk"})
    pd.testing.assert_frame_equal(store.read(), EventStore(tmp_path / "dk").read())


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        run_articles([], "spark", resources="r", extract=fake_extract, check=accept)


def _real_pipeline() -> object:
    try:
        from timeline import pipeline

        pipeline.Resources.load()
    except Exception as exc:  # noqa: BLE001 - not there yet: skip, do not fail
        pytest.skip(f"the real extractor is not available: {exc}")
    return pipeline


def test_real_extractor_gives_the_same_events_on_both_engines(client: object) -> None:
    pipeline = _real_pipeline()
    resources = pipeline.Resources.load()  # type: ignore[attr-defined]
    py_events, py_errors = run([SAMPLE], "python", resources=resources)
    dk_events, dk_errors = run([SAMPLE], "dask", client=client, resources=resources)
    assert len(py_events) > 0
    pd.testing.assert_frame_equal(canonical(py_events), canonical(dk_events))
    assert py_errors == dk_errors
    # and the same as the pipeline's own run
    ref = pipeline.run([SAMPLE], resources=resources)  # type: ignore[attr-defined]
    assert sorted(ref.events["event_id"]) == sorted(py_events["event_id"])


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus not available")
def test_real_extractor_same_events_on_the_whole_shared_corpus(client: object) -> None:
    pipeline = _real_pipeline()
    resources = pipeline.Resources.load()  # type: ignore[attr-defined]
    py_events, py_errors = run([CORPUS], "python", resources=resources)
    dk_events, dk_errors = run([CORPUS], "dask", client=client, resources=resources)
    assert len(py_events) > 1000
    pd.testing.assert_frame_equal(canonical(py_events), canonical(dk_events))
    assert py_errors == dk_errors


def test_workers_start_without_the_callers_main_module(tmp_path: Path) -> None:
    """A main module that would fail when re-run (a Streamlit app in the same process) does not reach the
    workers: they start, and the real module is back afterwards."""
    import sys
    import types

    trap = types.ModuleType("__main__")
    trap.__file__ = str(tmp_path / "app.py")
    (tmp_path / "app.py").write_text("raise SystemExit('a worker ran the caller main module')\n")
    real = sys.modules["__main__"]
    sys.modules["__main__"] = trap
    try:
        with workers_without_main():
            cl = distributed.LocalCluster(
                n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
        with cl, distributed.Client(cl) as c:
            assert c.submit(sum, [1, 2]).result(timeout=60) == 3
        assert sys.modules["__main__"] is trap
    finally:
        sys.modules["__main__"] = real
