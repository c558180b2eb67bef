""" "At the same time" / "في الوقت نفسه" dates what it opens by the day told just before ("launched an offensive at dawn
on Saturday. At the same time, Hezbollah announced an attack ..." = Saturday), as "the same day" does. Texts written
for the test in the styles of Lebanese radio and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2017, 8, 20, 10)  # a Sunday


@pytest.mark.parametrize(
    "text",
    [
        "وكان الجيش اللبناني قد أطلق عملية فجر الجرود ضد تنظيم داعش في جرود رأس بعلبك عند الخامسة من فجر أمس السبت. "
        "وفي الوقت نفسه أعلن حزب الله والجيش السوري بدء هجوم على مواقع داعش في القلمون الغربي.",
        "Lebanese troops launched an offensive against IS in the Ras Baalbek barrens at dawn on Saturday. At the same "
        "time, Hezbollah and the Syrian army announced an attack on IS positions in the western Qalamoun.",
    ],
)
def test_at_the_same_time_is_the_day_told_before(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert len(rows) == 2 and {r["date_start"] for r in rows} == {"2017-08-19"}, rows


def test_at_the_same_time_with_no_day_before_is_the_story_day(res: Resources) -> None:
    text = "At the same time, Hezbollah announced an attack on IS positions in the western Qalamoun."
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [r["date_start"] for r in rows] == ["2017-08-20"], rows
