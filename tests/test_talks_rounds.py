"""Rounds of talks that are paused, adjourned or set to resume: the round told as suspended failed, and the
round it is to resume with is planned talks on its own day. Each text is written for the test in the styles of
wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2016, 2, 4, 10, 0)


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def talks(res: Resources, text: str) -> list[tuple[date, str]]:
    """(day, status) of each talks event of ``text``, in day order."""
    lang = "en" if text[:30].isascii() else "ar"
    rows = article_rows(res, text, PUB, lang=lang)
    return sorted((date.fromisoformat(r["date_start"]), r["status"]) for r in rows if r["type"] == "talks")


@pytest.mark.parametrize(
    "text",
    [
        "GENEVA - UN envoy Staffan de Mistura on Wednesday announced a temporary pause in the Syria peace talks "
        "until February 25.",
        "The UN envoy has suspended the Geneva talks until 25 February, his office said.",
        "أعلن المبعوث الأممي ستيفان دي ميستورا مساء أمس الأربعاء «توقفاً مؤقتاً» لمحادثات جنيف حتى الخامس "
        "والعشرين من شباط.",
        "وفي جنيف، أعلن المبعوث الأممي تعليق المحادثات السورية حتى 25 شباط.",
    ],
)
def test_talks_paused_until_a_day_are_failed_and_the_round_of_that_day_planned(res, text):
    found = talks(res, text)
    assert found[0][1] == "failed" and found[1:] == [(date(2016, 2, 25), "planned")], found


@pytest.mark.parametrize(
    "text",
    [
        "Washington suspended its bilateral talks with Moscow on Wednesday.",
        "أعلنت واشنطن يوم الأربعاء تعليق محادثاتها الثنائية مع موسكو.",
    ],
)
def test_talks_paused_with_no_day_to_resume_are_one_failed_round(res, text):
    found = talks(res, text)
    assert [status for _, status in found] == ["failed"], found


@pytest.mark.parametrize(
    "text",
    [
        "The talks were adjourned on Wednesday and will resume on February 25, the envoy said.",
        "انتهت جولة المحادثات في جنيف يوم الأربعاء 3 شباط وستُستأنف يوم 25 شباط، بحسب المبعوث الأممي.",
    ],
)
def test_a_later_day_of_the_same_talks_word_is_a_round_still_to_come(res, text):
    """One talks word with two days: the day after publication is planned, whatever the first day's status."""
    found = talks(res, text)
    assert found[-1] == (date(2016, 2, 25), "planned") and found[0][1] != "planned", found
