"""A part of last week is a part of the previous calendar week (Monday to Sunday): "late last week", "أواخر الأسبوع
الماضي" its Thursday to Sunday, "early last week", "مطلع الأسبوع الماضي" its Monday to Wednesday; bare "last week"
stays the seven days before publication."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import find_dates
from timeline.normalize import normalize


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Late last week, a government air strike hit Aleppo.", date(2013, 11, 14), date(2013, 11, 17)),
        ("قصفت طائرات النظام أواخر الأسبوع الماضي مقراً للفصائل.", date(2013, 11, 14), date(2013, 11, 17)),
        ("Early last week, rebels attacked the base.", date(2013, 11, 11), date(2013, 11, 13)),
        ("هاجمت الفصائل مطلع الأسبوع الماضي مقرات النظام.", date(2013, 11, 11), date(2013, 11, 13)),
        ("Last week, rebels attacked the base.", date(2013, 11, 12), date(2013, 11, 18)),
    ],
)
def test_a_part_of_last_week_is_a_part_of_the_previous_calendar_week(
    text: str, start: date, end: date
) -> None:
    found = find_dates(normalize(text).text, date(2013, 11, 19))  # a Tuesday
    assert [(d.date_start, d.date_end) for d in found] == [(start, end)], found
