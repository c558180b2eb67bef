"""The Parquet event store: month partitions, idempotent appends, rebuild of changed articles only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline.model import EVENT_COLUMNS, Actor, Article, Event, Place
from timeline.store import MANIFEST, MAX_FILES, EventStore
from timeline.table import events_to_frame

KHAN = Place("Khan Shaykhun", "خان شيخون", 35.4417, 36.6511, "SYR", "Idlib", "point")


def article(text: str) -> Article:
    return Article(source=f"{text[:10]}.txt", text=text, title=text[:20], language="en")


def event(art: Article, day: date, etype: str = "offensive", start: int = 0, **kw: object) -> Event:
    base = dict(
        article_id=art.article_id,
        source=art.source,
        title=art.title,
        published=day.isoformat(),
        language="en",
        type=etype,
        subtype="airstrike" if etype == "offensive" else "meeting",
        status="occurred",
        date_start=day,
        date_end=None,
        date_precision="day",
        date_source="explicit",
        date_text=day.isoformat(),
        evidence=f"sentence at {start}",
        evidence_start=start,
        evidence_end=start + 10,
        actors=[Actor("SYRMIL", "Syrian army", "initiator"), Actor("SYRREB", "rebels", "target")],
        places=[KHAN],
        killed=70,
    )
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


A1 = article("Air strikes on Khan Shaykhun in April.")
A2 = article("Talks in Astana in May, and a strike in June.")


def batch() -> tuple[pd.DataFrame, dict[str, str]]:
    events = [
        event(A1, date(2017, 4, 4)),
        event(A1, date(2017, 4, 5), start=40, places=[]),
        event(A2, date(2017, 5, 3), "talks", actors=[Actor("RUSGOV", "Russia"), Actor("TURGOV", "Turkey")]),
        event(A2, date(2017, 6, 1), start=50, killed=None),
    ]
    return events_to_frame(events), {A1.article_id: "fp1", A2.article_id: "fp1"}


def test_write_partitions_by_month_and_reads_back_as_one_table(tmp_path: Path) -> None:
    df, fps = batch()
    report = EventStore(tmp_path).write(df, fps)
    assert report.partitions == ("2017-04", "2017-05", "2017-06")
    assert sorted(p.name for p in tmp_path.glob("month=*")) == [
        "month=2017-04",
        "month=2017-05",
        "month=2017-06",
    ]
    plain = pd.read_parquet(tmp_path)  # the store is an ordinary hive-partitioned dataset
    assert len(plain) == 4
    assert set(plain["month"].astype(str)) == {"2017-04", "2017-05", "2017-06"}


def test_lists_and_nulls_round_trip(tmp_path: Path) -> None:
    df, fps = batch()
    store = EventStore(tmp_path)
    store.write(df, fps)
    back = store.read().set_index("event_id").loc[df["event_id"]].reset_index()
    assert list(back.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    assert back["actors"].tolist() == df["actors"].tolist()
    assert back["places"].tolist() == df["places"].tolist()
    assert back["places"].iloc[1] == []
    assert back["killed"].iloc[3] is pd.NA and back["killed"].iloc[0] == 70
    assert back["date_end"].isna().all()


def test_same_articles_again_add_nothing(tmp_path: Path) -> None:
    df, fps = batch()
    store = EventStore(tmp_path)
    store.write(df, fps)
    first = {p: p.read_bytes() for p in tmp_path.rglob("*.parquet")}
    assert not any(store.needs(a, "fp1") for a in fps)
    store.write(df, fps)  # even a forced rewrite leaves the same files (deterministic)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.parquet")} == first
    assert len(EventStore(tmp_path)) == 4


def test_input_order_does_not_change_the_files(tmp_path: Path) -> None:
    df, fps = batch()
    EventStore(tmp_path / "a").write(df, fps)
    EventStore(tmp_path / "b").write(df.iloc[::-1], dict(reversed(list(fps.items()))))
    for f in (tmp_path / "a").rglob("*.parquet"):
        assert f.read_bytes() == (tmp_path / "b" / f.relative_to(tmp_path / "a")).read_bytes()
    assert (tmp_path / "a" / MANIFEST).read_bytes() == (tmp_path / "b" / MANIFEST).read_bytes()


def test_changed_fingerprint_replaces_only_that_articles_rows(tmp_path: Path) -> None:
    df, fps = batch()
    store = EventStore(tmp_path)
    store.write(df, fps)
    assert store.needs(A1.article_id, "fp2") and store.needs("never-seen", "fp1")
    (june_file,) = (tmp_path / "month=2017-06").glob("*.parquet")
    june = june_file.read_bytes()
    # new rules: A1 now yields one event, moved to March
    redo = events_to_frame([event(A1, date(2017, 3, 30), start=7)])
    report = store.write(redo, {A1.article_id: "fp2"})
    assert report.replaced_articles == 1
    assert set(report.partitions) == {"2017-03", "2017-04"}
    assert not (tmp_path / "month=2017-04").exists()  # emptied partition removed
    assert june_file.read_bytes() == june  # untouched
    table = store.read()
    assert sorted(table.loc[table.article_id == A1.article_id, "date_start"]) == ["2017-03-30"]
    assert (table.article_id == A2.article_id).sum() == 2
    assert EventStore(tmp_path).known_articles() == {A1.article_id: "fp2", A2.article_id: "fp1"}


def test_article_without_events_is_remembered(tmp_path: Path) -> None:
    store = EventStore(tmp_path)
    store.write(events_to_frame([]), {"empty-article": "fp1"})
    assert not EventStore(tmp_path).needs("empty-article", "fp1")
    assert store.read().empty


def test_rows_of_unlisted_articles_are_refused(tmp_path: Path) -> None:
    df, _ = batch()
    with pytest.raises(ValueError, match="not in article_fingerprints"):
        EventStore(tmp_path).write(df, {A1.article_id: "fp1"})


def test_read_with_columns_and_filters(tmp_path: Path) -> None:
    df, fps = batch()
    store = EventStore(tmp_path)
    store.write(df, fps)
    talks = store.read(columns=["event_id", "type"], filters=[("type", "==", "talks")])
    assert list(talks.columns) == ["event_id", "type"]
    assert talks["type"].tolist() == ["talks"]
    assert len(store.read(months=["2017-04"])) == 2


def test_undated_events_get_their_own_partition(tmp_path: Path) -> None:
    df, fps = batch()
    df.loc[0, "date_start"] = None
    store = EventStore(tmp_path)
    store.write(df, fps)
    assert "undated" in store.partitions()
    assert len(store.read()) == 4


def test_appends_add_files_and_compaction_makes_them_canonical(tmp_path: Path) -> None:
    arts = [article(f"Strike number {i} on Khan Shaykhun.") for i in range(MAX_FILES + 2)]
    one_by_one = EventStore(tmp_path / "a")
    for i, art in enumerate(arts):  # each append is a new file in April, until MAX_FILES forces a compaction
        one_by_one.write(events_to_frame([event(art, date(2017, 4, 1 + i))]), {art.article_id: "fp1"})
        assert len(list((tmp_path / "a" / "month=2017-04").glob("*.parquet"))) <= MAX_FILES
    at_once = EventStore(tmp_path / "b")
    at_once.write(
        events_to_frame([event(a, date(2017, 4, 1 + i)) for i, a in enumerate(arts)]),
        dict.fromkeys([a.article_id for a in arts], "fp1"),
    )
    pd.testing.assert_frame_equal(one_by_one.read(), at_once.read())  # same table however it was filled
    one_by_one.compact()
    (fa,) = (tmp_path / "a" / "month=2017-04").glob("*.parquet")
    (fb,) = (tmp_path / "b" / "month=2017-04").glob("*.parquet")
    assert fa.name == fb.name and fa.read_bytes() == fb.read_bytes()


def test_the_cache_fingerprint_covers_every_module_the_extractor_reads():
    """An edit to any module the extractor imports must refresh cached events: every ``timeline.*`` module
    imported by the extraction step (extract, mentions, places, scope, participants ...) is hashed."""
    import ast
    from pathlib import Path

    from timeline import pipeline

    pkg = Path(pipeline.__file__).parent
    hashed = {p.split(".")[0].split("/")[0] for p in pipeline._RULE_MODULES}
    seen, todo = set(), ["extract"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = pkg / name
        files = sorted(path.glob("*.py")) if path.is_dir() else [pkg / f"{name}.py"]
        for f in files:
            for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("timeline."):
                    todo.append(node.module.split(".")[1])
    # the gazetteer and the user gazetteer are hashed on their own; resources only finds the data folder
    assert seen - hashed - {"gazetteer", "resources"} == set(), seen - hashed
