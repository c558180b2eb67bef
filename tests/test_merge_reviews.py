"""Reports of one event merged across articles, with a person's reviews: a review of any report survives the
merge, a rejected report never comes back inside another event, the merged event shows every report it unites,
and the sidebar's merge counts add up. The two articles: an English report that the Turkish and Russian
presidents met in Moscow "on Thursday" (5 March 2020, published the day after) and an Arabic one published on
26 February saying they "will meet in Moscow on Thursday 5 March" (a planned summit, dated explicitly)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_testing import run_clean as _run
from timeline import dedup, filters
from timeline import review as rv
from timeline.pipeline import run
from timeline.present import event_detail, merge_sentence
from timeline.table import write_events

ROOT = Path(__file__).resolve().parents[1]
SUMMIT = """Erdogan and Putin meet in Moscow
Date: 2020-03-06

Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin met in Moscow on Thursday for talks on Idlib.
"""
ANNOUNCED = """قوات النظام تسيطر على بلدة كفرنبل جنوب إدلب
إدلب - شبكة الأخبار | الأربعاء 26 شباط 2020

سيطرت قوات النظام السوري والميليشيات المساندة لها، يوم الثلاثاء، على بلدة كفرنبل في ريف إدلب الجنوبي بعد معارك عنيفة مع فصائل المعارضة، بدعم جوي روسي مكثف.

ومن المقرر أن يلتقي الرئيسان التركي والروسي في موسكو يوم الخميس 5 آذار لبحث وقف إطلاق النار في إدلب.
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "summit.txt").write_text(SUMMIT, encoding="utf-8")
    (folder / "announced.txt").write_text(ANNOUNCED, encoding="utf-8")
    return run([folder / "summit.txt", folder / "announced.txt"]).events


def _talks(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["type"] == "talks"]


def _summit(df: pd.DataFrame) -> dict:
    (row,) = _talks(df).to_dict("records")
    return row


def test_the_two_reports_are_one_summit_with_the_announcement_as_representative(
    reports: pd.DataFrame,
) -> None:
    talks = _talks(reports).set_index("source")
    held, announced = (talks.filter(like=name, axis=0).iloc[0] for name in ("summit", "announced"))
    assert (held["status"], held["date_start"], held["date_source"]) == ("occurred", "2020-03-05", "relative")
    assert (announced["status"], announced["date_start"], announced["date_source"]) == (
        "planned",
        "2020-03-05",
        "explicit",
    )
    merged, _ = dedup.merge_duplicates(reports)
    summit = _summit(merged)
    assert len(summit["merged_ids"]) == 2 and summit["event_id"] == announced["event_id"]  # the explicit date


def test_a_report_that_it_happened_wins_over_the_announcement(reports: pd.DataFrame) -> None:
    merged, _ = dedup.merge_duplicates(reports)
    assert _summit(merged)["status"] == "occurred"  # the announcement's date, the later report's status


def test_a_will_happen_report_alone_or_a_report_before_the_day_keeps_its_status() -> None:
    planned = {"event_id": "a", "status": "planned", "published": "2020-02-26", "date_start": "2020-03-05"}
    early = {"event_id": "b", "status": "occurred", "published": "2020-03-01", "date_start": "2020-03-05"}
    failed = {"event_id": "c", "status": "failed", "published": "2020-03-07", "date_start": "2020-03-05"}
    assert dedup.merged_status([planned, early], "planned") == "planned"
    assert dedup.merged_status([planned, early, failed], "planned") == "failed"


def _held(reports: pd.DataFrame) -> dict:
    return _talks(reports)[_talks(reports)["source"].str.contains("summit")].iloc[0].to_dict()


def _merged_view(reports: pd.DataFrame, reviews: list[rv.Review]) -> rv.ReviewedView:
    merged, _ = dedup.merge_duplicates(reports)
    return rv.merged_view(rv.apply_reviews(reports, reviews), merged)


def test_a_confirmed_report_keeps_its_review_inside_the_merged_event(reports: pd.DataFrame) -> None:
    view = _merged_view(reports, [rv.confirm(_held(reports), "ana", at="2026-11-01T10:00:00")])
    summit = _summit(view.events)
    assert (summit["review"], summit["status"], summit["reviewed_by"]) == ("confirmed", "occurred", "ana")
    assert rv.review_counts(view.events)["confirmed"] == 1
    assert len(view.history[summit["event_id"]]) == 1  # the merged event's history holds the report's review


def test_a_reviewers_places_and_the_other_reports_places_are_united(reports: pd.DataFrame) -> None:
    held = _held(reports)
    edit = rv.edit(held, "places", [], "ana", at="2026-11-01T10:00:00")  # the reviewer removed Moscow
    view = _merged_view(reports, [edit])
    summit = _summit(view.events)
    assert summit["review"] == "corrected"
    assert "Moscow" in [p["name"] for p in summit["places"]]  # the announcement still says Moscow


def test_a_rejected_report_stays_rejected_and_apart(reports: pd.DataFrame) -> None:
    view = _merged_view(reports, [rv.reject(_held(reports), "ana", "not an event", at="2026-11-01T10:00:00")])
    talks = _talks(view.events).set_index("review")
    assert sorted(talks.index) == ["rejected", "unreviewed"]
    assert talks.loc["rejected", "source"].endswith("summit.txt")
    assert list(talks.loc["unreviewed", "merged_ids"]) == [talks.loc["unreviewed", "event_id"]]
    assert talks.loc["unreviewed", "status"] == "planned"  # the report that it happened was rejected
    assert rv.review_counts(view.events)["rejected"] == 1


def test_merge_counts_add_up_and_added_events_are_counted_alike(reports: pd.DataFrame) -> None:
    row = _held(reports)
    added = rv.add(row, 0, 10, "Erdogan an", {"type": "talks", "date_start": "2020-03-04"}, "ana",
                   at="2026-11-01T10:00:00")  # fmt: skip
    reviews = [rv.reject(row, "ana", "not an event", at="2026-11-01T09:00:00"), added]
    unmerged = rv.apply_reviews(reports, reviews)
    view = _merged_view(reports, reviews)
    r = view.merge_report
    assert r is not None and r.events_in - (r.merged + r.groups) + r.groups == r.events_out == len(
        view.events
    )
    assert rv.review_counts(view.events)["added"] == rv.review_counts(unmerged.events)["added"] == 1
    full = _merged_view(reports, [])
    said = merge_sentence(full.merge_report)
    assert said == f"2 reports merged into 1 event ({len(reports)} reports → {len(reports) - 1} events)"
    assert merge_sentence(r) == ""  # the rejected report left the only group: nothing merged


def test_the_detail_of_a_merged_event_lists_every_report(reports: pd.DataFrame) -> None:
    merged, _ = dedup.merge_duplicates(reports)
    head, evidence = event_detail(_summit(merged))
    assert "Merged from 2 reports" in head
    assert "summit.txt" in evidence and "announced.txt" in evidence
    assert "met in Moscow on Thursday" in evidence and "يلتقي الرئيسان" in evidence


def test_an_absorbed_report_is_found_by_its_own_words(reports: pd.DataFrame) -> None:
    merged, _ = dedup.merge_duplicates(reports)
    ix = filters.index_events(merged)
    for words in ("met in Moscow on Thursday", "يلتقي الرئيسان التركي"):
        found = filters.apply_filters(ix, filters.Filters(text=words))
        assert found["type"].tolist() == ["talks"], words


# -- the app, merge on (the default) -------------------------------------------------------------------
@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, reports: pd.DataFrame) -> Path:
    events = tmp_path / "events.jsonl"
    write_events(reports, events)
    monkeypatch.setenv("TIMELINE_EVENTS", str(events))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("TIMELINE_REVIEWS", raising=False)
    return events


def _header(at: AppTest) -> dict[str, int]:
    for c in at.caption:
        m = re.search(r"\((\d+) confirmed, (\d+) corrected, (?:(\d+) added, )?(\d+) rejected\)", c.value)
        if m:
            return dict(
                zip(
                    ("confirmed", "corrected", "added", "rejected"),
                    (int(g or 0) for g in m.groups()),
                    strict=True,
                )
            )
    raise AssertionError("no review counts in the header")


def _app(merge: bool = True) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["f_merge"] = merge
    at.session_state["rv_who"] = "ana"
    return _run(at)


def test_app_a_confirmed_report_is_not_downgraded_by_an_announcement(
    store: Path, reports: pd.DataFrame
) -> None:
    rv.ReviewLog.beside(store).append([rv.confirm(_held(reports), "ana")])
    at = _app()
    assert _header(at)["confirmed"] == 1
    _, view = at.session_state["_rv"]
    summit = _summit(view.events)
    assert (summit["review"], summit["status"]) == ("confirmed", "occurred")
    at.session_state["rv_current"] = summit["event_id"]
    _run(at)  # the panel says the announcement came in after the review
    assert any(c.value.startswith("1 of its 2 reports not reviewed yet") for c in at.caption)


def test_app_a_rejected_report_does_not_come_back_through_a_merge(store: Path, reports: pd.DataFrame) -> None:
    rv.ReviewLog.beside(store).append([rv.reject(_held(reports), "ana", "not an event")])
    at = _app()
    assert _header(at)["rejected"] == 1
    _, view = at.session_state["_rv"]
    shown = view.events[view.events["review"] != "rejected"]
    assert not any("met in Moscow" in e for e in _talks(shown)["evidence"])


def test_app_merge_sentence_adds_up(store: Path, reports: pd.DataFrame) -> None:
    at = _app()
    said = [c.value for c in at.sidebar.caption if "merged into" in c.value]
    assert said, [c.value for c in at.sidebar.caption]
    m = re.match(r"(\d+) reports merged into (\d+) events? \((\d+) reports → (\d+) events\)", said[0])
    assert m, said
    merged, groups, before, after = (int(g) for g in m.groups())
    assert before - merged + groups == after


def test_app_confirming_a_merged_event_confirms_every_report(store: Path, reports: pd.DataFrame) -> None:
    at = _app()
    summit = _summit(at.session_state["_rv"][1].events)
    at.session_state["rv_current"] = summit["event_id"]
    _run(at)
    assert any("Merged from 2 reports" in m.value for m in at.markdown)
    at.button(key="rv_confirm").click()
    _run(at)
    log = rv.ReviewLog.beside(store)
    assert sorted(r.anchor.event_id for r in log.reviews()) == sorted(summit["merged_ids"])
    assert _header(at)["confirmed"] == 1
    at = _app(merge=False)
    assert _header(at)["confirmed"] == 2  # each report is confirmed


def test_without_reviews_the_merged_view_is_the_merge(reports: pd.DataFrame) -> None:
    merged, report = dedup.merge_duplicates(reports)
    view = rv.merged_view(rv.apply_reviews(reports, []), merged)
    assert view.events["review"].eq("unreviewed").all()
    cols = ["event_id", "status", "merged_ids", "evidences", "n_sources"]
    assert view.events[cols].to_dict("records") == merged[cols].to_dict("records")
    assert (view.merge_report.events_out, view.merge_report.groups) == (report.events_out, report.groups)


def test_app_the_event_under_review_stays_when_its_representative_changes(
    store: Path, reports: pd.DataFrame
) -> None:
    held = _held(reports)
    rv.ReviewLog.beside(store).append([rv.confirm(held, "ana")])  # the confirmed report stands for the summit
    at = _app()
    assert _summit(at.session_state["_rv"][1].events)["event_id"] == held["event_id"]
    at.session_state["rv_current"] = held["event_id"]
    at.session_state["rv_advance"] = False
    _run(at)
    at.button(key="rv_confirm").click()
    _run(at)  # both reports confirmed: the one with the explicit date stands for it now
    summit = _summit(at.session_state["_rv"][1].events)
    assert summit["event_id"] != held["event_id"] and summit["review"] == "confirmed"
    assert any(
        m.value.startswith(f"Event `{summit['event_id']}` · review: **confirmed**") for m in at.markdown
    )


def test_app_the_review_panel_of_a_merged_event_shows_no_absolute_path(
    store: Path, reports: pd.DataFrame
) -> None:
    """Fresh tester 12: the detail box listed "Report 1 · wiki_….md" but the review panel under it listed
    "Report 1 · /work/main/data/sample/wiki_….md". Every report's source (and the merge's reason, which names
    them) is shown below the articles' shared folder in the review panel too, as in the detail view."""
    folder = str(Path(_held(reports)["source"]).parent)
    at = _app()
    summit = _summit(at.session_state["_rv"][1].events)
    at.session_state["rv_current"] = summit["event_id"]
    _run(at)
    panel = [h.proto.body for h in at.get("html") if "Report 1 · " in h.proto.body]
    assert panel, "no merged event's reports in the review panel"
    assert all(folder not in body and "summit.txt" in body for body in panel), panel
    assert not [m.value for m in at.markdown if folder in m.value]


def test_a_merged_events_detail_says_its_places_and_actors_are_every_reports() -> None:
    """Fresh tester 12: the merge's reason said "places Saraqib" while the Places line said "Saraqib,
    Damascus, Aleppo", and the actors read "Turkey (target), Turkey (participant)". A merged event's lines
    say they hold every report's places and actors (the reason names what the reports share), and an actor
    is named once with each of its roles."""
    turkey = {"name": "Turkey", "code": "TUR", "role": "target"}
    row = {
        "type": "offensive", "status": "occurred", "date_start": "2020-02-27", "date_precision": "day",
        "date_source": "explicit", "evidence": "one", "evidences": ["one", "two"], "sources": ["a.txt", "b.txt"],
        "merge_why": "same day, places Saraqib",
        "actors": [turkey, turkey | {"role": "participant"}, turkey | {"role": "target"}],
        "places": [{"name": "Saraqib"}, {"name": "Damascus"}],
    }  # fmt: skip
    head, _ = event_detail(row)
    assert "Actors (every report's): Turkey (target, participant)  \n" in head
    assert "Places (every report's): Saraqib, Damascus" in head
    single, _ = event_detail(row | {"evidences": ["one"], "sources": ["a.txt"]})
    assert "Actors: Turkey (target, participant)" in single and "Places: Saraqib" in single
