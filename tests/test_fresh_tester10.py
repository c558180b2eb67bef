"""A fresh tester's findings (fresh tester 10, dashboard), each as a kind: a date the event's words did not state
says where it comes from; a month's round of talks is never shown as its first day; each side of a round has
one name, whatever order the events come in; no machine's folder in a detail, an export or ``extract``'s
output; campaigns say what they leave out."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from app_testing import APP, app_without_merge, run_clean
from events_factory import ARMY, IDLIB, RUSSIA, TURKEY, event, frame
from timeline import aggregate as ag
from timeline import aggregate_charts as ac
from timeline import exports
from timeline import filters as flt
from timeline.charts import hover_text
from timeline.cli import main
from timeline.outlets import portable_sources
from timeline.present import date_text, event_detail

IRAN = {"code": "IRNGOV", "name": "Iran", "role": "participant"}
ERDOGAN = {"code": "TURGOV", "name": "Recep Tayyip Erdogan", "role": "participant"}
TURKISH_GOV = {"code": "TURGOV", "name": "Turkish government", "role": "participant"}


# -- item 3: honest dates -----------------------------------------------------------------------------------
def _dated(source: str, words: str, precision: str = "day") -> dict:
    row = event("ultimatum", "2020-02-08", subtype="ultimatum", date_precision=precision,
                actors=[{**TURKEY, "role": "initiator"}, {**ARMY, "role": "target"}], places=[dict(IDLIB)],
                evidence="As he had given the regime a deadline before, Erdogan repeated his threat.")  # fmt: skip
    return {**row, "date_source": source, "date_text": words}


def test_a_date_from_the_sentences_around_says_so_in_the_hover_and_the_detail() -> None:
    """The seed's Erdogan ultimatum ("كما سبق أن أمهل ...") had an empty ``date_text``: "08 Feb 2020" as if
    its sentence said so."""
    row = _dated("explicit", "")
    assert "2020-02-08 · dated from context" in hover_text(row)
    assert "08 Feb 2020 · dated from context" in event_detail(row)[0]


def test_a_relative_date_names_the_words_it_was_resolved_from() -> None:
    row = _dated("relative", "yesterday")
    assert "dated from “yesterday”" in hover_text(row)
    assert "08 Feb 2020 · dated from “yesterday”" in event_detail(row)[0]


def test_a_relative_date_with_no_words_is_from_context() -> None:
    """The Çavuşoğlu threat and "talks · failed": ``date_source`` relative, ``date_text`` empty."""
    assert date_text("2020-02-10", None, "day", "relative", "") == "10 Feb 2020 · dated from context"


def test_dates_the_words_state_and_tables_without_date_text_say_nothing_more() -> None:
    assert "·" not in hover_text(_dated("explicit", "8 February")).split("<br>")[1]
    assert date_text("2020-02-10", None, "day", "explicit", "10 February") == "10 Feb 2020"
    assert date_text("2020-02-10", None, "day", "explicit") == "10 Feb 2020"  # no date_text column: unknown
    assert (
        date_text("2020-03-01", None, "month", "publication", "") == "Mar 2020 (month) · dated by publication"
    )


# -- items 3 and 5: rounds of talks ---------------------------------------------------------------------------
def _talks(day: str, actors: list[dict], precision: str = "day", status: str = "occurred") -> dict:
    return event("talks", day, subtype="meeting", status=status, date_precision=precision,
                 actors=[dict(a) for a in actors], evidence=f"Talks on {day} between {actors[0]['name']} and Iran.")  # fmt: skip


def test_a_round_planned_for_a_month_is_said_as_the_month() -> None:
    """ "first round planned for 1 Mar 2020" for talks the text put in March (month precision)."""
    rows = [
        _talks("2020-02-10", [TURKISH_GOV, IRAN]),
        _talks("2020-03-01", [TURKISH_GOV, IRAN], "month", "planned"),
    ]
    said = ag.describe_rounds(ag.talk_rounds(frame(rows)))
    assert said == {("IRN", "TUR"): "first round held on 10 Feb 2020, second round planned for March 2020"}


def test_each_side_of_a_round_keeps_one_name_whatever_the_order_of_the_events() -> None:
    """ "Iran – Recep Tayyip Erdogan" before an upload, "Iran – Turkish government" after: the side's name was
    the first one reported. It is its state's name (a round is between states, fresh tester 11), in any order of
    the events."""
    talks = [
        _talks("2020-02-10", [TURKISH_GOV, IRAN]),
        _talks("2020-03-01", [TURKISH_GOV, IRAN], "month", "planned"),
    ]
    threat = event(
        "ultimatum", "2020-02-05", subtype="threat", actors=[{**ERDOGAN, "role": "initiator"}, dict(ARMY)]
    )
    lines = set()
    for rows in (talks + [threat], [threat] + talks, [threat, threat] + talks):
        view = ac.rounds_view(frame(rows))
        lines.add(view.notes[0].split(":")[0])
        assert set(view.table["pair"]) == {"Iran – Turkey"}
    assert lines == {"Iran – Turkey"}


def test_actor_labels_are_the_most_reported_name_of_each_code() -> None:
    rows = [
        event("offensive", "2020-02-0" + str(i), actors=[{**ERDOGAN, "role": "initiator"}]) for i in (1, 2)
    ]
    rows += [event("offensive", "2020-02-03", actors=[{**TURKISH_GOV, "role": "initiator"}])]
    for order in (rows, rows[::-1]):
        assert ac.actor_labels(ag.prepare(frame(order)))["TURGOV"] == "Recep Tayyip Erdogan"


def test_rounds_table_keeps_each_rounds_precision() -> None:
    rows = [_talks("2020-03-01", [TURKEY, RUSSIA], "month", "planned")]
    assert list(ag.talk_rounds(frame(rows))["precision"]) == ["month"]
    assert isinstance(ac.rounds_view(frame(rows)).table, pd.DataFrame)


# -- item 4: no machine's folder ------------------------------------------------------------------------------
def _merged(tmp_path: Path) -> pd.DataFrame:
    """A merged event of two reports in a corpus folder of this machine, as the dashboard's merge makes it."""
    folder = tmp_path / "machine" / "data" / "sample"
    wiki, post = f"{folder}/wiki_idlib.md", f"{folder}/posts.jsonl#post-3"
    one = event("offensive", "2020-02-06", source=wiki, evidence="The army captured Saraqib on 6 February.")
    two = event("offensive", "2020-02-06", source=post, evidence="Regime forces took Saraqib.")
    df = frame([one, two])
    df["sources"] = [[wiki, post], [post]]
    df["n_sources"] = [2, 1]
    df["merged_ids"] = [[one["event_id"], two["event_id"]], [two["event_id"]]]
    df["evidences"] = [[one["evidence"], two["evidence"]], [two["evidence"]]]
    df["merge_why"] = [f"same capture at Saraqib within a day; date from {wiki}", ""]
    return df


def test_a_merged_events_detail_names_its_reports_below_the_corpus_folder(tmp_path: Path) -> None:
    """ "Report 1 · /work/main/data/sample/wiki_….md" and "(… date from /work/main/data/sample/…)"."""
    row = flt.index_events(_merged(tmp_path)).events.to_dict("records")[0]
    head, reports = event_detail(row)
    assert str(tmp_path) not in head.replace("\\", "") + reports
    assert "Report 1 · wiki_idlib.md" in reports and "Report 2 · posts.jsonl#post-3" in reports
    assert "date from wiki_idlib.md" in head.replace("\\", "")


def test_the_events_csv_merge_why_names_no_machines_folder(tmp_path: Path) -> None:
    df = flt.index_events(_merged(tmp_path)).events
    text = exports.events_export(df, "CSV", "cite").decode("utf-8-sig")
    assert str(tmp_path) not in text
    assert "date from wiki_idlib.md" in text


def test_extract_writes_each_source_as_found_from_where_it_runs(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """`timeline extract /abs/corpus -o ev.jsonl` wrote `source` as the absolute path."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Talks in Ankara\n\nTurkish and Russian delegations met in Ankara on 10 February 2020 to discuss Idlib.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(corpus), "-o", str(tmp_path / "ev.jsonl"), "--no-progress"]) == 0
    rows = [json.loads(line) for line in (tmp_path / "ev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and {r["source"] for r in rows} == {"corpus/a.txt"}


def test_portable_sources_below_the_folder_else_below_the_shared_folder() -> None:
    listed = ["/home/me/work/data/a.txt", "https://x.org/a", "b.txt", "/srv/c/d.jsonl#4", "/srv/c/e.txt"]
    got = portable_sources(listed, "/home/me/work")
    assert got == {"/home/me/work/data/a.txt": "data/a.txt", "https://x.org/a": "https://x.org/a", "b.txt": "b.txt",
                   "/srv/c/d.jsonl#4": "d.jsonl#4", "/srv/c/e.txt": "e.txt"}  # fmt: skip


# -- item 5: campaigns ------------------------------------------------------------------------------------------
def _offensive(day: str, subtype: str = "ground_offensive", **kw) -> dict:  # noqa: ANN003
    return event("offensive", day, subtype=subtype, actors=[dict(ARMY)], places=[dict(IDLIB)],
                 evidence=f"The army's {subtype} in Idlib on {day}.", **kw)  # fmt: skip


def test_one_initiators_campaigns_in_one_area_never_overlap() -> None:
    """ "Syrian government forces · Idlib" had a row 2019-11-25 → 2020-02-10 (one report that the offensive goes
    on, published 10 Feb) and an overlapping one on 20 Dec: the report reaches to the day it was published, so
    the December reports are the same campaign."""
    going = {**_offensive("2019-11-25", status="ongoing"), "published": "2020-02-10T09:00:00"}
    rows = [going, _offensive("2019-12-19"), _offensive("2019-12-20"), _offensive("2020-03-20")]
    c = ag.campaigns(frame(rows))
    assert list(zip(c["start"].astype(str), c["end"].astype(str), c["n_events"], strict=True)) == [
        ("2019-11-25", "2020-02-10", 3),
        ("2020-03-20", "2020-03-20", 1),
    ]
    for _, g in c.groupby(["initiator", "area"]):
        assert (g["start"].iloc[1:].to_numpy() > g["end"].iloc[:-1].to_numpy()).all()


def test_the_campaigns_say_how_many_offensives_they_leave_out_and_why() -> None:
    """The chart covered 26 of 41 offensives with nothing explaining the rest."""
    rows = [_offensive("2020-02-01"), _offensive("2020-02-03", "capture"), _offensive("2020-02-04", "shelling"),
            _offensive("2020-02-05", "shelling"), _offensive("2020-02-06", "airstrike")]  # fmt: skip
    notes = ac.campaigns_view(frame(rows)).notes
    assert notes == [
        "2 of 5 offensives are in a campaign; the other 3 are single attacks (shelling 2, airstrike 1): a strike, "
        "shelling, bombing or clash is part of a campaign only when the text gives it an end or says it goes on"
    ]


# -- minor: the table's picked row is in the URL -------------------------------------------------------------
def test_a_picked_table_row_is_in_the_url_and_a_link_opens_on_it(app_env: None) -> None:
    """Selecting a table row (its detail shown) was not in the URL: a copied link lost it."""
    at = app_without_merge()
    at.session_state["table"] = {"selection": {"rows": [2], "columns": []}}
    run_clean(at)
    picked = at.session_state["table_pick"][0]
    assert at.query_params["row"] == [picked] or at.query_params["row"] == picked
    again = AppTest.from_file(APP, default_timeout=60)
    for k in at.query_params:
        again.query_params[k] = at.query_params[k]
    run_clean(again)
    assert again.session_state["table_pick"][0] == picked  # the same row picked, its detail shown
    assert any("Source:" in m.value for m in again.markdown)
    at.session_state["table"] = {"selection": {"rows": [], "columns": []}}
    run_clean(at)
    assert "row" not in at.query_params  # no row picked: none in the URL


def test_the_date_range_ends_with_the_last_events_period() -> None:
    """ "Date range" ended on 6 March while the talks planned for March ran to 31 March on the timeline."""
    rows = [_offensive("2020-03-06"), {**_talks("2020-03-01", [TURKEY, RUSSIA], "month", "planned"),
                                       "date_end": "2020-03-31"}]  # fmt: skip
    opts = flt.filter_options(flt.index_events(frame(rows)))
    assert (opts.first_day.isoformat(), opts.last_day.isoformat()) == ("2020-03-01", "2020-03-31")
