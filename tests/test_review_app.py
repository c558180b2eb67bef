"""The review controls in the app under AppTest: next unreviewed, confirm, reject (hidden by default),
edit with a place from the gazetteer, merge, add from a sentence, header counts, precision, exports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_testing import run_clean as _run
from timeline import exports
from timeline import review as rv
from timeline.pipeline import run
from timeline.table import write_events

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """Fighting around Idlib
Date: 2020-03-11

Government forces shelled Saraqib on Monday, killing 4 civilians.
Turkish and Russian officials held talks in Ankara on Tuesday about a truce in Idlib.
Rebels attacked an army post near Idlib on 8 March.
Russian jets bombed Maarat al-Numan overnight, residents said.
Two villages changed hands near Kafr Nabl on Wednesday.
"""


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Events of one real article (its text readable again for "add"), the app pointed at them."""
    article = tmp_path / "idlib.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    events = tmp_path / "events.jsonl"
    write_events(run([article]).events, events)
    monkeypatch.setenv("TIMELINE_EVENTS", str(events))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("TIMELINE_REVIEWS", raising=False)
    return events


def _click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    return _run(at)


def _app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["f_merge"] = False
    at.session_state["rv_who"] = "ana"
    return _run(at)


def _header(at: AppTest) -> tuple[int, int, int, int, int]:
    for c in at.caption:
        m = re.match(
            r"([\d,]+) events, ([\d,]+) reviewed \((\d+) confirmed, (\d+) corrected, (?:\d+ added, )?(\d+) rejected\)",
            c.value,
        )
        if m:
            return tuple(int(g.replace(",", "")) for g in m.groups())  # type: ignore[return-value]
    raise AssertionError("no review counts in the header")


def _shown(at: AppTest) -> int:
    for md in at.markdown:
        m = re.match(r"\*\*([\d,]+)\*\* of", md.value)
        if m:
            return int(m[1])
    raise AssertionError("no summary line")


def _current(at: AppTest) -> str:
    for md in at.markdown:
        m = re.match(r"Event `([0-9a-f]+)` · review: \*\*(\w+)\*\*", md.value)
        if m:
            return m[1]
    raise AssertionError("no event under review")


def test_keyboard_flow_confirm_reject_and_counts(store: Path) -> None:
    at = _app()
    n = _header(at)[0]
    assert n >= 4 and _header(at)[1:] == (0, 0, 0, 0) and _shown(at) == n
    assert at.button(key="rv_next").proto.shortcut.upper() == "N"
    _click(at, "rv_next")
    first = _current(at)
    assert at.button(key="rv_confirm").proto.shortcut.upper() == "Y"
    _click(at, "rv_confirm")
    assert _header(at)[1:] == (1, 1, 0, 0)
    second = _current(at)
    assert second != first  # "then next": on to the next unreviewed event
    at.selectbox(key="rv_reason").set_value("about the past")
    _click(at, "rv_reject")
    assert _header(at)[1:] == (2, 1, 0, 1)
    assert _shown(at) == n - 1  # rejected events are hidden by default
    at.multiselect(key="f_review").set_value(list(rv.STATES))
    _run(at)
    assert _shown(at) == n
    states = {r.anchor.event_id: (r.action, r.who, r.note) for r in rv.ReviewLog.beside(store).reviews()}
    assert states == {first: ("confirm", "ana", ""), second: ("reject", "ana", "about the past")}
    assert any("precision" in e.label for e in at.expander)
    (precision,) = [d.value for d in at.dataframe if "precision" in d.value.columns]
    assert precision.set_index("type").loc["all", ["reviewed", "rejected"]].tolist() == [2, 1]


def test_edit_fields_with_a_place_from_the_gazetteer(store: Path) -> None:
    at = _app()
    _click(at, "rv_next")
    eid = _current(at)
    # a bad date is one clear message, nothing written, the same event kept
    at.text_input(key=f"rv_start_{eid}").set_value("7 March")
    _click(at, "rv_save")
    log, _ = at.session_state["_rv"]
    assert any("YYYY-MM-DD" in e.value for e in at.error) and len(log) == 0 and _current(at) == eid
    at.selectbox(key=f"rv_status_{eid}").set_value("failed")
    at.text_input(key=f"rv_start_{eid}").set_value("2020-03-07")
    at.text_input(key="rv_place_q").set_value("سرمين")
    _run(at)
    assert at.selectbox(key="rv_place_pick").options == ["Sarmin (Idlib, SYR)"]
    _click(at, "rv_place_add")
    assert "Sarmin (Idlib, SYR)" in at.multiselect(key=f"rv_places_{eid}").value
    _click(at, "rv_save")
    assert _header(at)[1:] == (1, 0, 1, 0)
    log, view = at.session_state["_rv"]
    row = view.events.set_index("event_id").loc[eid]
    assert (row["status"], row["date_start"], row["review"]) == ("failed", "2020-03-07", "corrected")
    assert "Sarmin" in [p["name"] for p in row["places"]]
    assert {r.field for r in log.reviews()} >= {"status", "date_start", "places"}
    assert _current(at) != eid  # "then next" on: saved, on to the next unreviewed event


def test_merge_and_add_from_a_sentence(store: Path) -> None:
    at = _app()
    _click(at, "rv_next")
    eid = _current(at)
    into = at.selectbox(key="rv_merge_into").options[0]
    _click(at, "rv_merge")
    log, view = at.session_state["_rv"]
    ev = view.events.set_index("event_id")
    assert ev.loc[eid, "review"] == "rejected" and ev.loc[eid, "merged_into"] != ""
    assert any("<mark" in h.proto.body for h in at.get("html"))  # the article, evidence highlighted
    sentences = at.selectbox(key="rv_add_sentence")
    k = next(i for i, o in enumerate(sentences.options) if "Kafr Nabl" in o)
    assert not view.events["evidence"].str.contains("Kafr Nabl").any()  # the extractor misses it
    sentences.set_value(k)
    at.selectbox(key="rv_add_type").set_value("offensive")
    _run(at)
    at.selectbox(key="rv_add_subtype").set_value("capture")
    at.text_input(key="rv_add_date").set_value("2020-03-10")
    n_before = len(view.events)
    _click(at, "rv_add")
    log, view = at.session_state["_rv"]
    (added,) = view.events[view.events["review_added"]].to_dict("records")
    assert len(view.events) == n_before + 1
    assert (added["type"], added["subtype"], added["date_start"], added["review"]) == (
        "offensive", "capture", "2020-03-10", "corrected")  # fmt: skip
    assert added["evidence"].startswith("Two villages changed hands")
    assert at.session_state["rv_current"] == added["event_id"]  # the new event is the one under review
    assert [r.action for r in log.reviews()] == ["merge", "add"] and into


def test_exports_carry_the_review_state_and_the_citation_counts_reviews(store: Path) -> None:
    import pandas as pd

    from timeline.table import read_events

    df = read_events(store)
    log = rv.ReviewLog.beside(store)
    log.add(rv.confirm(df.iloc[0].to_dict(), "ana"))
    view = rv.apply_reviews(df, log.reviews()).events
    cite = exports.citation(view, "", None, int((view["review"] != "unreviewed").sum()))
    assert f"{len(view)} events, 1 reviewed by a person" in cite
    csv = pd.read_csv(__import__("io").BytesIO(exports.events_csv(view, cite)), encoding="utf-8-sig")
    assert csv.set_index("event_id").loc[df.iloc[0]["event_id"], "review"] == "confirmed"
    assert '"review": "unreviewed"' in exports.events_json(view, cite).decode()


def test_pick_a_place_for_the_event_by_clicking_the_map(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import map_widget

    state: dict = {}
    monkeypatch.setattr(map_widget, "show", lambda *a, **k: dict(state))
    at = _app()
    n = _shown(at)
    _click(at, "rv_next")
    eid = _current(at)
    _, view = at.session_state["_rv"]
    mine = {p["name"] for p in view.events.set_index("event_id").loc[eid, "places"]}
    other = next(
        p for ps in view.events["places"] for p in ps if p["name"] not in mine
    )  # a marker on the map
    assert "add it to the event" not in " ".join(c.value for c in at.caption)
    at.toggle(key="rv_map_pick").set_value(True)
    _run(at)
    assert any("click a place to add it to the event under review" in c.value for c in at.caption)
    state.update(last_object_clicked={"lat": other["lat"] + 0.001, "lng": other["lon"]},
                 last_object_clicked_tooltip=f"{other['name']} (1 event)")  # fmt: skip
    _run(at)
    assert _shown(at) == n  # the click picked a place: it did not filter the page to it
    label = next(lb for lb in at.multiselect(key=f"rv_places_{eid}").value if lb.startswith(other["name"]))
    assert any("picked on the map" in i.value for i in at.info)
    assert len(rv.ReviewLog.beside(store)) == 0  # proposed, not yet recorded
    _click(at, "rv_save")
    assert _header(at)[1:] == (1, 0, 1, 0)
    log, view = at.session_state["_rv"]
    places = view.events.set_index("event_id").loc[eid, "places"]
    assert other["name"] in [p["name"] for p in places] and label
    (edit,) = log.reviews()
    assert edit.field == "places" and {p["name"] for p in edit.after} == mine | {other["name"]}
    # with picking off, a click filters the page to the place, as before
    at.toggle(key="rv_map_pick").set_value(False)
    _run(at)
    state.update(last_object_clicked={"lat": other["lat"], "lng": other["lon"] + 0.001})
    _run(at)
    assert _shown(at) < n


def test_the_review_state_is_marked_on_the_timeline_and_the_map(store: Path) -> None:
    import json

    at = _app()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert not any(str(t.get("name", "")).startswith("reviewed:") for t in spec["data"])
    assert not any("purple rim" in c.value for c in at.caption)
    _click(at, "rv_next")
    first = _current(at)
    _click(at, "rv_confirm")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    (ring,) = [t for t in spec["data"] if t.get("name") == "reviewed: confirmed"]
    assert ring["customdata"] == [first] and ring["marker"]["symbol"] == "circle-open"
    assert any(t.get("name") == "unreviewed (no ring)" for t in spec["data"])
    assert any("purple rim" in c.value for c in at.caption)  # the map's legend line


def _review_line(at: AppTest) -> str:
    return next(c.value for c in at.caption if re.match(r"[\d,]+ events, [\d,]+ reviewed", c.value))


def test_the_header_says_which_events_the_review_filter_hides_from_the_count(store: Path) -> None:
    """A fresh tester read "57 of 57 events" beside "58 events, 3 reviewed": the difference is the
    rejected events, hidden by default; the review line says so."""
    at = _app()
    n = _header(at)[0]
    assert "hidden" not in _review_line(at)
    _click(at, "rv_next")
    _click(at, "rv_reject")
    assert _shown(at) == n - 1 and _header(at)[0] == n
    assert _review_line(at).endswith(
        f" · 1 rejected hidden by the Review state filter: not in the count of {n - 1} events above"
    )
    at.multiselect(key="f_review").set_value(list(rv.STATES))
    _run(at)
    assert "hidden" not in _review_line(at) and _shown(at) == n


def test_an_event_a_person_added_is_counted_as_added_not_corrected(store: Path) -> None:
    at = _app()
    _click(at, "rv_next")
    sentences = at.selectbox(key="rv_add_sentence")
    sentences.set_value(next(i for i, o in enumerate(sentences.options) if "Kafr Nabl" in o))
    at.text_input(key="rv_add_date").set_value("2020-03-10")
    _click(at, "rv_add")
    assert "(0 confirmed, 0 corrected, 1 added, 0 rejected)" in _review_line(at)
    assert _header(at)[1:] == (1, 0, 0, 0)
