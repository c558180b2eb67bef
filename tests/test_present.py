"""What the dashboard shows as text: escaped Markdown, plurals, the event table and the detail view."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from events_factory import ALEPPO, IDLIB, event, frame, sample_rows
from timeline import present
from timeline.present import (
    LRI,
    PDI,
    RTL_MARK,
    TableCells,
    date_text,
    event_detail,
    event_table,
    md,
    plural,
    upload_messages,
)

HOSTILE = "![x](http://host/p.png) [Verified](https://evil.example) `code` **b** <img src=x> :red[x] $x$"
#: Markdown that would render as an image, a link, a code span, emphasis, HTML, a directive or LaTeX
_ACTIVE = re.compile(r"(?<!\\)(!\[|\]\(|`|\*\*|<img|:red\[|\$)")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@given(st.text())
def test_md_escapes_every_markdown_character_and_keeps_the_text(text: str) -> None:
    out = md(text)
    assert "\n" not in out and "\r" not in out
    assert _unescape(out) == re.sub(
        r"[\x00-\x08\x0b-\x1f\x7f]", " ", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    )
    assert not _ACTIVE.search(out)


def test_md_on_hostile_text() -> None:
    out = md(HOSTILE)
    assert not _ACTIVE.search(out) and "http\\://host/p\\.png" in out


def test_plurals() -> None:
    assert [plural(n, "place") for n in (0, 1, 2, 1204)] == [
        "0 places",
        "1 place",
        "2 places",
        "1,204 places",
    ]
    assert plural(1, "article") == "1 article" and plural(3, "reply", "replies") == "3 replies"


def test_upload_messages_say_failure_in_red() -> None:
    msgs = upload_messages(0, 0, [("a.pdf", "not an article"), ("b.txt", "empty")])
    assert [lvl for lvl, _ in msgs] == ["error", "error", "error"]
    assert msgs[0][1] == "No article could be read: 2 files failed."
    msgs = upload_messages(1, 1, [("![x](http://h/p.png)", "bad")])
    assert msgs[0] == ("success", "Read 1 article, found 1 event (saved with the events).")
    assert msgs[1][0] == "warning" and not _ACTIVE.search(msgs[1][1])


def test_an_upload_of_events_already_shown_says_so() -> None:
    assert upload_messages(1, 9, [], n_known=9)[0][1] == (
        "Read 1 article, found 9 events (saved with the events; all were already among them)."
    )
    assert "2 of them were already among them" in upload_messages(2, 5, [], n_known=2)[0][1]


def test_dates_have_no_nan_and_keep_their_order() -> None:
    assert date_text("2020-02-10", float("nan"), "day", "explicit") == "10 Feb 2020"
    assert date_text("2020-02-10", None, "day", None) == "10 Feb 2020"
    assert date_text("2020-03-03", "2020-03-05", "day", None) == "03 Mar 2020 – 05 Mar 2020"
    assert date_text("2020-02-01", pd.NA, "month", "publication") == "Feb 2020 (month) · dated by publication"
    ev = event("talks", "2018-10-03", language="ar", evidence="بدأت المحادثات في أنقرة") | {
        "date_end": float("nan"),
        "title": "بدء الجولة الثانية",
        "published": "2018-10-03T09:00:00",
    }
    head, _ = event_detail(ev)
    assert "nan" not in head and "→" not in head
    # the publication date sits in a left-to-right isolate: bidi cannot turn it into "(03-10-2018)"
    assert f"{LRI}2018\\-10\\-03{PDI}" in head


def test_detail_escapes_untrusted_fields() -> None:
    ev = event("offensive", places=[dict(IDLIB, name=HOSTILE)], source=HOSTILE) | {"title": HOSTILE}
    ev["actors"] = [{"code": "SYRMIL", "name": HOSTILE, "role": "initiator"}]
    head, body = event_detail(ev | {"evidence": "<script>alert(1)</script>"})
    assert HOSTILE not in head and head.count(md(HOSTILE)) == 4  # title, source, actor, place: all escaped
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_event_table_shows_the_start_of_the_evidence_and_marks_arabic() -> None:
    """One evidence column next to the date (issue 9 item 8, fresh tester 8): each Arabic cell opens with an
    Arabic letter mark, which the table reads as right to left (right-aligned, its start at the right edge),
    also when the sentence opens with Latin letters."""
    arabic = "قصفت قوات النظام مدينة سراقب شرقي إدلب " * 8
    english = "Government forces shelled Saraqib east of Idlib, " * 8
    tweet = "RT @AJABreaking: عاجل | قصفت قوات النظام مدينة سراقب شرقي إدلب"
    rows = [
        event("offensive", evidence=arabic, language="ar"),
        event("offensive", evidence=english, places=[dict(ALEPPO)]),
        event("offensive", evidence=tweet, language="ar"),
    ]
    table = event_table(frame(rows))
    assert list(table.columns[:4]) == ["date", "evidence", "type", "status"]
    ar, en, mixed = table["evidence"]
    assert ar.startswith(RTL_MARK + arabic[:20]) and ar.endswith("…")
    assert en.startswith(english[:40]) and en.endswith("…")
    assert mixed == RTL_MARK + tweet
    # the table's own test for a right-to-left cell (Streamlit's dataframe, glide-data-grid's direction()):
    # no left-to-right letter before the first right-to-left one; a right-to-left mark (U+200F) is neither
    first_strong_rtl = re.compile("^[^A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8\u0300-\u0590\u0800-\u1fff"
                                  "\u200e\u2c00-\ufb1c\ufe00-\ufe6f\ufefd-\uffff]*[\u0591-\u07ff\ufb1d-\ufdfd\ufe70-\ufefc]")  # fmt: skip
    assert first_strong_rtl.match(ar) and first_strong_rtl.match(mixed) and not first_strong_rtl.match(en)
    assert table["places"].tolist() == ["Idlib", "Aleppo", "Idlib"]


@pytest.mark.parametrize("merged", [False, True])
def test_table_cells_kept_per_row_give_the_table_built_from_the_rows(
    merged: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 9.14: the app keeps the table's cells per event row (``TableCells``) so that a new filter
    builds only rows no table showed yet; every table equals ``event_table`` of those rows, column types
    and order included, whichever rows were built before."""
    rows = sample_rows() + [
        event("offensive", None, evidence="قصفت قوات النظام مدينة سراقب " * 9, language="ar", actors=[]),
        event("ceasefire", "2020-03-05", evidence="A truce. " * 40, places=[dict(ALEPPO), dict(IDLIB)]),
    ]
    df = frame(rows * 3)
    if merged:
        df["n_sources"] = np.arange(len(df)) % 3 + 1
        df["sources"] = [[f"a{i}.txt", f"b{i}.txt"][: i % 3] for i in range(len(df))]
    built: list[int] = []
    real = present.row_cells
    monkeypatch.setattr(present, "row_cells", lambda shown: built.append(len(shown)) or real(shown))
    cells = TableCells(df)
    rng = np.random.default_rng(5)
    picks = [
        np.arange(5),
        np.arange(len(df)),
        rng.permutation(len(df))[:7],
        np.array([1, 1, 4]),
        np.array([], int),
    ]
    for pick in picks:
        fast = cells.table(pick)
        pd.testing.assert_frame_equal(fast, present.event_table(df.iloc[pick]))
    n = len(df)  # (each pick: the rows TableCells builds, if any, then the plain table's)
    assert built == [5, 5, n - 5, n, 7, 3, 0, 0]  # rows built before are never built again


def test_source_labels_name_what_tells_sources_apart() -> None:
    """Issue 9, fresh tester 5: the Sources filter showed long identical folder prefixes, cut in the sidebar."""
    from timeline.present import source_labels

    folder = "/home/researcher/projects/syria/data/sample/"
    sources = [f"{folder}seed.txt", f"{folder}asnd.jsonl#asnd-119", f"{folder}wiki/idlib.md",
               "https://www.example.org/2020/02/10/talks-in-ankara?ref=rss"]  # fmt: skip
    labels, shared = source_labels(sources)
    assert shared == folder
    assert [labels[s] for s in sources] == ["seed.txt", "asnd.jsonl › asnd-119", "wiki/idlib.md",
                                            "example.org › talks-in-ankara"]  # fmt: skip
    assert source_labels(["a.txt", "b.txt"]) == ({"a.txt": "a.txt", "b.txt": "b.txt"}, "")


def test_table_cells_take_only_the_columns_they_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9.14: new rows of the table take the columns their cells read, not every column of the events
    (their ~30 columns' rows cost 8 ms per 3,000 rows at 100k events); the cells are the same."""
    df = frame(sample_rows() * 2)
    read: list[set[str]] = []
    real = present.row_cells
    monkeypatch.setattr(present, "row_cells", lambda shown: read.append(set(shown.columns)) or real(shown))
    table = TableCells(df).table(np.arange(len(df)))
    assert read == [{"date_start", "date_precision", "evidence", "actors", "places"}]
    monkeypatch.setattr(present, "row_cells", real)
    pd.testing.assert_frame_equal(table, present.event_table(df))


@pytest.mark.parametrize(
    ("start", "end", "precision", "words", "shown"),
    [
        ("2019-06-01", "2019-08-31", "year", "the summer of 2019", "summer 2019"),
        ("2020-03-01", "2020-05-31", "year", "spring 2020", "spring 2020"),
        ("2019-06-01", "2019-08-31", "year", "في صيف 2019", "summer 2019"),
        ("2019-09-01", "2019-11-30", "month", "خلال الخريف الماضي", "autumn 2019"),
        ("2019-12-01", "2020-02-29", "year", "شتاء 2019", "winter 2019"),
        ("2018-12-01", "2019-02-28", "year", "in winter 2019", "winter 2019"),  # the year the words give
    ],
)
def test_a_season_is_shown_as_the_season_and_its_year(
    start: str, end: str, precision: str, words: str, shown: str
) -> None:
    """Fresh tester 11: "spring 2020" was shown as "2020 (year) → 2020-05-31". An event whose period is one
    season's months and whose words name that season is dated by the season, in the hover and the detail."""
    from timeline.charts import date_label, hover_text

    assert date_text(start, end, precision, "explicit", words) == shown
    assert date_label(start, end, precision, "explicit", words) == shown
    row = {"type": "offensive", "status": "occurred", "date_start": start, "date_end": end,
           "date_precision": precision, "date_source": "explicit", "date_text": words}  # fmt: skip
    assert shown in hover_text(row)
    assert shown in event_detail(row)[0]


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2020-03-01", "2020-05-31", "2020"),  # no season named: the months are no season
        ("2020-03-01", "2020-04-30", "spring 2020"),  # not the season's three months
        ("2020-06-01", "2020-08-31", "spring 2020"),  # another season's months
        ("2019-09-01", "2019-11-30", "the fallen soldiers"),  # "fall" inside a word
    ],
)
def test_a_period_not_named_as_its_season_keeps_its_precision(start: str, end: str, words: str) -> None:
    assert date_text(start, end, "year", "explicit", words).startswith(start[:4] + " (year)")


@pytest.mark.parametrize(
    "where", [{"source": "https://en.wikipedia.org/wiki/Idlib"}, {"source": "p.html", "reference": True}]
)
def test_a_reference_pages_date_is_labelled_as_its_revision_in_the_detail(where: dict) -> None:
    """Fresh tester 11: an event from a Wikipedia page showed "Source: “Idlib” 2023-08-20", the page's last
    revision read as the day of a report (the exports' references already said "reference page, revised").
    The detail says so too, and an event its text did not date is dated by that revision, not "by publication"."""
    row = {"type": "offensive", "status": "occurred", "date_start": "2023-08-20", "date_precision": "day",
           "date_source": "publication", "date_text": "", "title": "Idlib", "published": "2023-08-20T12:08:00",
           **where}  # fmt: skip
    head = event_detail(row)[0]
    assert "reference page, revised 2023\\-08\\-20" in head
    assert "dated by the page's last revision" in head and "dated by publication" not in head
    if "reference" in where:  # an indexed table's row: the hover says it too
        from timeline.charts import hover_text

        assert "dated by the page's last revision" in hover_text(row)
    news = event_detail({**row, "source": "https://www.reuters.com/x", "reference": False})[0]
    assert "reference page" not in news and "dated by publication" in news


def test_the_words_that_dated_an_event_are_quoted_as_its_sentence_writes_them() -> None:
    """Fresh tester 12: 'dated from “on friday”' while the sentence says "on Friday". The extractor keeps its
    words lower-cased (``date_text``); the detail and the hover quote the sentence's own."""
    from timeline.charts import hover_text

    row = event(
        type="ultimatum",
        date_start="2020-02-07",
        evidence="Ankara gave Damascus until the end of the month, officials said on Friday.",
    ) | {"date_source": "relative", "date_text": "on friday"}
    head, _ = present.event_detail(row)
    assert "dated from “on Friday”" in head
    assert "dated from “on Friday”" in hover_text(row)
    assert (
        present.as_written("on friday", "no such words here") == "on friday"
    )  # not in the sentence: as kept


def test_the_tables_date_is_no_more_precise_than_the_events() -> None:
    """Fresh tester 12: the table showed "2020-01-01" for "agreed in January" (a month). The cell says the
    date at its precision and still sorts in date order."""
    rows = frame(
        [
            event(date_start="2020-01-01") | {"date_precision": "month", "date_end": "2020-01-31"},
            event(date_start="2019-01-01") | {"date_precision": "year", "date_end": "2019-12-31"},
            event(date_start="2020-02-03") | {"date_precision": "week", "date_end": "2020-02-09"},
            event(date_start="2020-02-10"),
        ]
    )
    dates = present.event_table(rows)["date"].tolist()
    assert dates == ["2020-01", "2019", "2020-02-03 (week)", "2020-02-10"]
    assert sorted(dates) == ["2019", "2020-01", "2020-02-03 (week)", "2020-02-10"]


def test_a_month_or_year_date_is_not_followed_by_its_own_last_day() -> None:
    """Fresh tester 12: the detail read "Jan 2020 (month) – 31 Jan 2020" for "agreed in January", as if the
    end were a day the text gave. A month (or year) running to its own last day is said once; an end past it
    stays."""
    from timeline.charts import date_label

    assert date_text("2020-01-01", "2020-01-31", "month", "explicit", "in january") == "Jan 2020 (month)"
    assert date_text("2019-01-01", "2019-12-31", "year", "explicit", "in 2019") == "2019 (year)"
    assert date_label("2020-01-01", "2020-01-31", "month", "explicit", "in january") == "Jan 2020 (month)"
    assert (
        date_text("2020-01-01", "2020-02-15", "month", "explicit", "january")
        == "Jan 2020 (month) – 15 Feb 2020"
    )
