"""A paragraph that opens a new front of the story ("ميدانياً،", "وعلى الصعيد الميداني،", "On the ground,", "On the
diplomatic front,") and gives no day tells the day's news of that front, not the day an earlier paragraph told
(issue 8, relative dates). A day given in the same paragraph still carries. Each text is written for the test in
the styles of Arabic agency reports and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2018, 2, 28, 14, 0)  # a Wednesday


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def attack_days(res: Resources, text: str) -> list[str]:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    return [r["date_start"] for r in found if r["type"] == "offensive"]


NEW_FRONT = [
    "وقال وزير الخارجية الروسي في مؤتمر صحفي بموسكو يوم الاثنين إن الحل في الغوطة سياسي.\n\n"
    "ميدانياً، تقدمت وحدات الجيش السوري على محور حوش الضواهرة في الغوطة الشرقية.",
    "وقال وزير الخارجية الروسي في مؤتمر صحفي بموسكو يوم الاثنين إن الحل في الغوطة سياسي.\n\n"
    "وعلى الصعيد الميداني، قصفت قوات النظام بلدة دوما في الغوطة الشرقية.",
    "Russia's foreign minister told a news conference in Moscow on Monday that Ghouta needed a political deal.\n\n"
    "On the ground, Syrian troops advanced on Hawsh al-Dawahira in Eastern Ghouta, a military source said.",
]


@pytest.mark.parametrize("text", NEW_FRONT)
def test_a_new_front_with_no_day_is_the_days_news(res, text):
    assert attack_days(res, text) == ["2018-02-28"]


def test_a_day_of_the_same_paragraph_still_carries(res):
    text = (
        "قصفت قوات النظام بلدة حرستا يوم الاثنين. ميدانياً، تقدمت وحدات الجيش السوري على محور حوش الضواهرة في "
        "الغوطة الشرقية."
    )
    assert attack_days(res, text) == ["2018-02-26", "2018-02-26"]


def test_a_paragraph_with_no_front_word_still_goes_on_with_the_story_day(res):
    text = (
        "Syrian troops shelled Harasta on Monday, a monitor said.\n\n"
        "Russian jets struck the advancing columns in Eastern Ghouta, the monitor said."
    )
    assert attack_days(res, text) == ["2018-02-26", "2018-02-26"]
