"""A happening counted in days in a row is going on, dated by the day it is told on ("pressed their offensive on
Saraqib for a third straight day on Tuesday": Tuesday, ongoing; "واصل الجيش، لليوم الثاني على التوالي، عملية ...": the
day of the story, ongoing). A day counted inside talks is no such count. Texts written for
the test in the styles of Lebanese radio, Syrian sites and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2017, 8, 22, 10)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Syrian government forces pressed their offensive on Saraqib for a third straight day on Tuesday.",
            "2017-08-22",
        ),
        ("For the second day running, Russian jets pounded Maarat al-Numan on Monday.", "2017-08-21"),
        ("Turkish artillery shelled Tal Rifaat for a 4th consecutive day on Tuesday.", "2017-08-22"),
        (
            "واصل الجيش اللبناني، لليوم الثاني على التوالي، عملية فجر الجرود ضد مسلحي تنظيم داعش في جرود رأس بعلبك.",
            "2017-08-22",
        ),
        ("وقصفت الطائرات الروسية أمس، لليوم الثالث على التوالي، بلدة سراقب.", "2017-08-21"),
    ],
)
def test_days_in_a_row_are_a_happening_going_on(res: Resources, text: str, start: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [(r["date_start"], r["status"]) for r in rows] == [(start, "ongoing")], rows


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets pounded Maarat al-Numan on Tuesday, the second day of the talks in Astana.",
        "قصفت الطائرات الروسية بلدة سراقب اليوم الثلاثاء، في اليوم الثاني من محادثات أستانا.",
    ],
)
def test_a_day_of_talks_counts_no_attack(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [(r["date_start"], r["status"]) for r in rows] == [("2017-08-22", "occurred")], rows
