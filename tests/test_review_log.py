"""The review log: append-only SQLite in WAL mode, the view with the log applied, re-attachment by
anchor, merge, add, conflicts between two sessions, export/import, gold and precision per type."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pandas as pd
import pytest

from events_factory import ALEPPO, SARAQIB, event, frame, sample_frame
from timeline import review as rv
from timeline.evaluate import score
from timeline.model import stable_hash


@pytest.fixture
def log(tmp_path: Path) -> rv.ReviewLog:
    return rv.ReviewLog.beside(tmp_path / "store")


def _row(df: pd.DataFrame, needle: str) -> dict:
    hits = df[df["evidence"].str.contains(needle, regex=False)]
    assert len(hits) == 1, needle
    return hits.iloc[0].to_dict()


def _view(log: rv.ReviewLog, df: pd.DataFrame) -> rv.ReviewedView:
    return rv.apply_reviews(df, log.reviews())


def test_log_is_sqlite_in_wal_mode_beside_the_store(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    log.add(rv.confirm(_row(events, "captured Saraqib"), "ana"))
    assert log.path == log.path.parent / "_reviews.sqlite" and log.path.parent.name == "store"
    with sqlite3.connect(log.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        ((who, action, field, after),) = con.execute(
            "SELECT who, action, field, after FROM reviews"
        ).fetchall()
    assert (who, action, field, json.loads(after)) == ("ana", "confirm", "review", "confirmed")
    assert rv.ReviewLog.beside(Path("x/events.jsonl")).path.name == "events.jsonl.reviews.sqlite"


def test_apply_confirm_reject_edit(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    cap, air, cf = (_row(events, s) for s in ("captured Saraqib", "Airstrikes", "ceasefire in Idlib"))
    log.add(rv.confirm(cap, "ana"))
    log.add(rv.reject(air, "ana", "about the past"))
    log.append(rv.edits(cf, {"status": "occurred", "places": [dict(SARAQIB)], "subtype": "ceasefire"}, "bo"))
    view = _view(log, events)
    ev = view.events.set_index("event_id")
    assert ev.loc[cap["event_id"], "review"] == "confirmed"
    assert (ev.loc[air["event_id"], "review"], ev.loc[air["event_id"], "review_reason"]) == (
        "rejected",
        "about the past",
    )
    assert ev.loc[cf["event_id"], "review"] == "corrected"
    assert (
        ev.loc[cf["event_id"], "status"] == "occurred"
        and ev.loc[cf["event_id"], "places"][0]["name"] == "Saraqib"
    )
    assert ev.loc[cf["event_id"], "reviewed_by"] == "bo"
    assert rv.review_counts(view.events) == {
        "unreviewed": 5,
        "confirmed": 1,
        "corrected": 1,
        "rejected": 1,
        "added": 0,
    }
    assert view.n_reviewed == 3 and not view.unattached and not view.conflicts
    assert len(view.history[cf["event_id"]]) == 2  # subtype unchanged: no review written for it
    # the extraction itself is untouched
    assert events.set_index("event_id").loc[cf["event_id"], "status"] == "planned"


def test_reset_and_confirm_after_reject(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    cap = _row(events, "captured Saraqib")
    log.add(rv.edit(cap, "status", "failed", "ana", at="2026-01-01T00:00:01"))
    log.add(rv.reject(cap, "ana", "not an event", at="2026-01-01T00:00:02"))
    assert _view(log, events).events.set_index("event_id").loc[cap["event_id"], "review"] == "rejected"
    log.add(rv.confirm(cap, "ana", at="2026-01-01T00:00:03"))
    assert _view(log, events).events.set_index("event_id").loc[cap["event_id"], "review"] == "corrected"
    log.add(rv.reset(cap, "ana", at="2026-01-01T00:00:04"))
    ev = _view(log, events).events.set_index("event_id").loc[cap["event_id"]]
    assert (ev["review"], ev["status"]) == ("unreviewed", "occurred")
    assert len(log) == 4  # append-only: nothing was deleted


def test_reanchor_when_the_event_id_changes(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    """A new extractor dates the same sentence differently: the id changes, the review follows the span."""
    cap = _row(events, "captured Saraqib")
    log.add(rv.edit(cap, "subtype", "clash", "ana"))
    moved = events.copy()
    k = moved.index[moved["event_id"] == cap["event_id"]][0]
    moved.loc[k, "date_start"] = "2020-02-07"
    moved.loc[k, "event_id"] = stable_hash("new id")
    view = _view(log, moved)
    ev = view.events.set_index("event_id").loc[stable_hash("new id")]
    assert (ev["review"], ev["subtype"], ev["date_start"]) == ("corrected", "clash", "2020-02-07")
    assert not view.unattached


def test_reanchor_prefers_the_event_covering_the_span_and_same_type() -> None:
    text_a = "Army shelled Saraqib."
    base = event("offensive", "2020-02-06", evidence=text_a)
    other_type = {**base, "type": "talks", "event_id": "t1"}
    wider = {**base, "event_id": "w1", "evidence_start": 0, "evidence_end": 200}
    exact = {**base, "event_id": "e1"}
    df = frame([other_type, wider, exact])
    r = rv.confirm({**base, "event_id": "gone"}, "ana")
    view = rv.apply_reviews(df, [r])
    assert view.events.set_index("event_id")["review"].to_dict() == {
        "t1": "unreviewed",
        "w1": "unreviewed",
        "e1": "confirmed",
    }


def test_unattachable_reviews_are_listed_not_dropped(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    air = _row(events, "Airstrikes")
    log.add(rv.reject(air, "ana", "not an event"))
    without = events[events["article_id"] != air["article_id"]]
    view = _view(log, without)
    assert [r.anchor.event_id for r in view.unattached] == [air["event_id"]]
    assert view.n_reviewed == 0 and len(log) == 1
    # the article comes back (another extractor run): the review applies again
    assert _view(log, events).events.set_index("event_id").loc[air["event_id"], "review"] == "rejected"


def test_merge_two_events(log: rv.ReviewLog) -> None:
    a = event(
        "offensive", "2020-02-06", places=[dict(SARAQIB)], evidence="The army captured Saraqib on Thursday."
    )
    b = event(
        "offensive", "2020-02-07", places=[dict(ALEPPO)], evidence="Saraqib fell to the army.", source="b.txt"
    )
    b["killed"] = 3
    df = frame([a, b])
    log.add(rv.merge(b, a, "ana"))
    view = _view(log, df)
    ev = view.events.set_index("event_id")
    assert (
        ev.loc[b["event_id"], "review"] == "rejected"
        and ev.loc[b["event_id"], "merged_into"] == a["event_id"]
    )
    kept = ev.loc[a["event_id"]]
    assert kept["review"] == "corrected"
    assert [p["name"] for p in kept["places"]] == ["Saraqib", "Aleppo"]
    assert (kept["date_start"], kept["date_end"], kept["killed"]) == ("2020-02-06", "2020-02-07", 3)
    assert len(view.history[a["event_id"]]) == 1
    with pytest.raises(ValueError, match="itself"):
        rv.merge(a, a, "ana")


def test_add_a_missed_event_from_a_sentence(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    art = _row(events, "captured Saraqib")
    text = "The Syrian army captured Saraqib. Rebels shelled Aleppo overnight."
    (s0, e0, _), (s1, e1, sent) = rv.sentences(text)
    assert sent.startswith("Rebels shelled")
    log.add(rv.add(art, s1, e1, sent, {"type": "offensive", "subtype": "shelling", "status": "occurred",
                                        "date_start": "2020-02-06", "places": [dict(ALEPPO)]}, "ana"))  # fmt: skip
    view = _view(log, events)
    added = view.events[view.events["review_added"]]
    assert len(added) == 1 and len(view.events) == len(events) + 1
    new = added.iloc[0]
    assert (new["review"], new["type"], new["evidence"], new["cameo"]) == (
        "corrected",
        "offensive",
        sent,
        "194",
    )
    assert (new["article_id"], new["evidence_start"]) == (art["article_id"], s1)
    # edits of the added event anchor to it
    log.add(rv.edit(new.to_dict(), "status", "ongoing", "bo"))
    again = _view(log, events)
    assert again.events[again.events["review_added"]].iloc[0]["status"] == "ongoing"
    # a later extractor finds it: the person's fields correct that event, no duplicate row
    found = {**event("offensive", "2020-02-05", evidence=sent), "article_id": art["article_id"],
             "evidence_start": s1, "evidence_end": e1, "event_id": "found"}  # fmt: skip
    later = _view(log, pd.concat([events, frame([found])], ignore_index=True))
    assert len(later.events) == len(events) + 1 and not later.events["review_added"].any()
    row = later.events.set_index("event_id").loc["found"]
    assert (row["date_start"], row["status"], row["review"]) == ("2020-02-06", "ongoing", "corrected")
    with pytest.raises(ValueError, match="type"):
        rv.add(art, s0, e0, "x", {}, "ana")


def test_two_sessions_writing_at_once_lose_nothing(tmp_path: Path, events: pd.DataFrame) -> None:
    rows = events.to_dict("records")
    path = tmp_path / "store" / "_reviews.sqlite"
    errors: list[BaseException] = []

    def session(who: str) -> None:
        own = rv.ReviewLog(path)  # its own connections, like two browser sessions
        try:
            for k in range(40):
                own.add(rv.edit(rows[k % len(rows)], "status", f"{who}-{k}", who))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(w,)) for w in ("ana", "bo")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    all_reviews = rv.ReviewLog(path).reviews()
    assert len(all_reviews) == 80 and {r.who for r in all_reviews} == {"ana", "bo"}


def test_conflicting_edits_are_kept_and_reported(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    cap = _row(events, "captured Saraqib")  # both sessions saw status "occurred"
    log.add(rv.edit(cap, "status", "failed", "ana", at="2026-01-01T10:00:00"))
    log.add(rv.edit(cap, "status", "ongoing", "bo", at="2026-01-01T10:00:01"))
    view = _view(log, events)
    assert view.events.set_index("event_id").loc[cap["event_id"], "status"] == "ongoing"  # the later wins
    (c,) = view.conflicts
    assert (c.field, c.expected, c.found, c.review.who) == ("status", "occurred", "failed", "bo")
    assert len(log) == 2


def test_export_import_round_trip_and_conflicts(tmp_path: Path, events: pd.DataFrame) -> None:
    mine, theirs = rv.ReviewLog(tmp_path / "a.sqlite"), rv.ReviewLog(tmp_path / "b.sqlite")
    cap, air = _row(events, "captured Saraqib"), _row(events, "Airstrikes")
    theirs.add(rv.confirm(cap, "bo", at="2026-01-01T10:00:00"))
    theirs.add(rv.edit(air, "status", "failed", "bo", at="2026-01-01T10:00:01"))
    mine.add(rv.reject(cap, "ana", "not an event", at="2026-01-01T09:00:00"))
    lines = [json.loads(x) for x in theirs.export_lines()]
    assert [x["action"] for x in lines] == ["confirm", "edit"] and lines[0]["anchor"]["article_id"] == cap[
        "article_id"
    ]
    report = mine.import_reviews(lines)
    assert (report.added, report.skipped) == (2, 0)
    assert len(report.conflicts) == 1 and "ana" in report.conflicts[0] and "bo" in report.conflicts[0]
    again = mine.import_reviews(lines)
    assert (again.added, again.skipped, again.conflicts) == (0, 2, ())
    ev = _view(mine, events).events.set_index("event_id")
    assert ev.loc[cap["event_id"], "review"] == "confirmed"  # bo's later confirmation wins
    assert ev.loc[air["event_id"], "status"] == "failed"
    with pytest.raises(ValueError, match="record 2"):
        mine.import_reviews([lines[0], {"who": "x"}])
    assert len(mine) == 3  # the bad batch wrote nothing


def test_gold_from_reviews_scores_the_extractor(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    cap, air, cf = (_row(events, s) for s in ("captured Saraqib", "Airstrikes", "ceasefire in Idlib"))
    log.add(rv.confirm(cap, "ana"))
    log.add(rv.reject(air, "ana", "not an event"))
    log.add(rv.edit(cf, "date_start", "2020-03-07", "ana"))
    view = _view(log, events)
    gold = rv.gold_records(view.events)
    by_id = {g["id"]: g for g in gold}
    assert by_id[f"review-{cap['event_id']}"]["date_ok"] == [["2020-02-06", "2020-02-06"]]
    assert not by_id[f"review-{cap['event_id']}"].get("optional")
    assert by_id[f"review-{air['event_id']}"]["no_event"] is True
    assert by_id[f"review-{cf['event_id']}"]["date_ok"] == [["2020-03-07", "2020-03-07"]]
    # the articles of the reviewed events are in scope; their unreviewed events are optional
    assert all(
        g.get("optional")
        for g in gold
        if g["id"] not in {f"review-{cap['event_id']}", f"review-{cf['event_id']}"}
    )
    res = score(gold, events.to_dict("records"))  # the extractor that made these events
    # capture right; airstrike an extra; the ceasefire's wrong date: a miss and an extra
    assert (res.tp, res.fp, res.fn) == (1, 2, 1)
    assert any("Airstrikes" in x for x in res.extras) and res.misses[0].startswith(f"review-{cf['event_id']}")
    assert rv.gold_records(rv.apply_reviews(events, []).events) == []


def test_precision_per_type_on_reviewed_events(log: rv.ReviewLog, events: pd.DataFrame) -> None:
    cap, air, cf = (_row(events, s) for s in ("captured Saraqib", "Airstrikes", "ceasefire in Idlib"))
    log.add(rv.confirm(cap, "ana"))
    log.add(rv.reject(air, "ana", "not an event"))
    log.add(rv.edit(cf, "type", "talks", "ana"))
    p = rv.precision_by_type(_view(log, events).events).set_index("type")
    assert p.loc["offensive", ["reviewed", "confirmed", "rejected", "precision"]].tolist() == [2, 1, 1, 0.5]
    assert p.loc["ceasefire", ["reviewed", "corrected", "precision"]].tolist() == [1, 1, 0.0]
    assert p.loc["all", "reviewed"] == 3 and p.loc["all", "precision"] == round(1 / 3, 3)
    assert rv.precision_by_type(rv.apply_reviews(events, []).events).empty


def test_edit_rejects_unknown_fields(events: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="cannot be edited"):
        rv.edit(events.iloc[0].to_dict(), "event_id", "x", "ana")
    assert rv.edit(events.iloc[0].to_dict(), "status", events.iloc[0]["status"], "ana") is None


def test_view_is_deterministic(log: rv.ReviewLog) -> None:
    df = sample_frame()
    for k, row in enumerate(df.to_dict("records")[:4]):
        log.add(rv.confirm(row, "ana", at=f"2026-01-01T10:00:0{k}"))
    a, b = _view(log, df).events, _view(log, df).events
    pd.testing.assert_frame_equal(a, b)


def test_an_event_added_over_a_reviewed_events_sentence_is_another_event(
    log: rv.ReviewLog, events: pd.DataFrame
) -> None:
    cap = _row(events, "captured Saraqib")
    log.add(rv.confirm(cap, "ana", at="2026-01-01T00:00:01"))
    s, e = int(cap["evidence_start"]), int(cap["evidence_end"])
    other = {"type": cap["type"], "subtype": "siege", "status": "occurred", "date_start": "2020-01-30"}
    log.add(rv.add(cap, s, e, cap["evidence"], other, "ana", at="2026-01-01T00:00:02"))
    view = _view(log, events).events.set_index("event_id")
    assert view.loc[cap["event_id"], "review"] == "confirmed"  # the judged event keeps its own fields
    assert view.loc[cap["event_id"], "date_start"] == cap["date_start"]
    added = view[view["review_added"]]
    assert len(added) == 1 and added.iloc[0]["date_start"] == "2020-01-30" and len(view) == len(events) + 1
    # a second event added over the same sentence is a third event, not a change of the first added one
    log.add(
        rv.add(
            cap, s, e, cap["evidence"], {**other, "date_start": "2020-02-02"}, "ana", at="2026-01-01T00:00:03"
        )
    )
    again = _view(log, events).events
    assert sorted(again.loc[again["review_added"], "date_start"]) == ["2020-01-30", "2020-02-02"]


def test_the_article_text_of_a_post_in_a_file_of_several(tmp_path: Path) -> None:
    from timeline.readers import read_articles

    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"id": "a", "text": "Rebels shelled Aleppo on Monday.", "published": "2020-02-10"}) + "\n"
        + json.dumps({"id": "b", "text": "Talks began in Ankara on Monday.", "published": "2020-02-10"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    arts, _ = read_articles([posts])
    second = next(a for a in arts if "Ankara" in a.text)
    assert "#" in second.source  # the events' source names the post
    assert rv.article_text(second.source, second.article_id) == second.text
    assert rv.article_text(str(tmp_path / "gone.jsonl#b"), second.article_id) is None


def test_an_added_event_among_merged_reports_has_its_one_source(
    log: rv.ReviewLog, events: pd.DataFrame
) -> None:
    from timeline.dedup import merge_duplicates
    from timeline.present import event_table

    merged, _ = merge_duplicates(events)
    art = _row(events, "captured Saraqib")
    log.add(rv.add(art, 0, 5, "The S", {"type": "talks", "date_start": "2020-02-06"}, "ana"))
    view = _view(log, merged).events
    (new,) = view[view["review_added"]].to_dict("records")
    assert (new["sources"], new["n_sources"], new["merged_ids"]) == ([art["source"]], 1, [new["event_id"]])
    assert len(event_table(view)) == len(view)  # the table of the app shows it
