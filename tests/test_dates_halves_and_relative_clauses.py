"""Dates as the field writes them (issue 8), texts written for the test in the styles of Syrian and Lebanese sites and
wire copy:

* half a month or a year: "في النصف الثاني من الشهر الجاري", "the second half of March", "النصف الأول من آذار" are days
  16 to the end or 1 to 15 (not the 2nd of the month);
* a relative clause after a trigger and one name dates that trigger: "اشتباكات سراقب التي اندلعت أمس الخميس", "the
  Saraqib clashes, which broke out on Thursday";
* the offset after a verb of coming dates the happening the sentence opens with, not one told after it: "The attack
  came hours after the General Staff said its jets had struck al-Bab on Saturday" (the strike is Saturday's).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extracted import article_rows
from timeline.dates import find_dates
from timeline.extract import Resources
from timeline.normalize import normalize


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("سيصل إلى دمشق في النصف الثاني من الشهر الجاري", date(2012, 10, 16), date(2012, 10, 31)),
        ("في النصف الأول من الشهر المقبل", date(2012, 11, 1), date(2012, 11, 15)),
        ("في النصف الأول من آذار 2013", date(2013, 3, 1), date(2013, 3, 15)),
        ("in the second half of March 2013", date(2013, 3, 16), date(2013, 3, 31)),
        ("during the first half of next month", date(2012, 11, 1), date(2012, 11, 15)),
        ("in the second half of the month", date(2012, 10, 16), date(2012, 10, 31)),
    ],
)
def test_half_a_month_is_its_days(text: str, first: date, last: date) -> None:
    found = find_dates(normalize(text).text, date(2012, 10, 4))
    assert [(d.date_start, d.date_end) for d in found] == [(first, last)], found


def test_the_second_of_the_month_stays_a_day() -> None:
    found = find_dates(normalize("في الثاني من الشهر الجاري").text, date(2012, 10, 4))
    assert [(d.date_start, d.date_end) for d in found] == [(date(2012, 10, 2), None)]


@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت اليوم الجمعة حصيلة اشتباكات سراقب التي اندلعت قبل ظهر أمس الخميس إلى سبعة قتلى.",
        "The Saraqib clashes, which broke out on Thursday morning, left seven dead on Friday.",
    ],
)
def test_a_relative_clause_after_a_trigger_and_a_name_dates_the_trigger(res: Resources, text: str) -> None:
    rows = article_rows(res, text, datetime(2021, 10, 15, 10))
    assert [(r["type"], r["date_start"]) for r in rows] == [("offensive", "2021-10-14")], rows


@pytest.mark.parametrize(
    "text",
    [
        "The attack came hours after the Turkish General Staff said its jets had struck Islamic State targets "
        "around the Syrian town of al-Bab on Saturday.",
        "وجاء الهجوم بعد ساعات من إعلان هيئة الأركان التركية أن مقاتلاتها قصفت مواقع لتنظيم الدولة قرب مدينة "
        "الباب السورية يوم السبت.",
    ],
)
def test_an_offset_after_a_verb_of_coming_does_not_date_what_follows(res: Resources, text: str) -> None:
    rows = article_rows(res, text, datetime(2017, 1, 1, 10))
    strikes = [r for r in rows if r["subtype"] == "airstrike"]
    assert [(r["date_start"], [p["name"] for p in r["places"]]) for r in strikes] == [
        ("2016-12-31", ["al-Bab"])
    ]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("an Iraqi offensive to retake Mosul is planned for April or May", date(2015, 4, 1)),
        ("the next round is scheduled for March", date(2015, 3, 1)),
    ],
)
def test_a_month_a_plan_is_set_for(text: str, month: date) -> None:
    found = find_dates(normalize(text).text, date(2015, 2, 16))
    assert [d.date_start for d in found] == [month], found


def test_without_is_no_anchor(res: Resources) -> None:
    """ "قبل أسبوع من دون أن تتمكن": "من دون" is "without", not "a week before X"; the attack was a week ago."""
    text = (
        "سيطر مقاتلو المعارضة، أمس الجمعة 20 كانون الأول، على مستشفى في مدينة حلب. وكانت الفصائل قد شنّت هجوماً "
        "أول على المبنى قبل أسبوع من دون أن تتمكن من اقتحامه."
    )
    rows = article_rows(res, text, datetime(2013, 12, 21, 10))
    assert sorted(r["date_start"] for r in rows) == ["2013-12-14", "2013-12-20"], rows
