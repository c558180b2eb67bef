"""One happening, told with the words around it (texts written for the test in the styles of Arab dailies, Iraqi
sites and wire copy):

* a round of talks with a day of its own is planned talks even when its sides are named only as "the guarantor
  states": "اتفقت الدول الضامنة على عقد الجولة المقبلة في الثالث والرابع من أيار", "agreed to hold the next round on
  May 3-4" (a round with neither side nor day stays nothing);
* a verb of hitting whose subject is an attack word just before it tells what that attack did: 'the explosion
  "targeted an empty building"', "الانفجار استهدف" is the bombing already told, not a second attack;
* a capital after a verb of announcing, with a pronoun's preposition between, is its government: "وهذه أول مرة تعلن
  فيها بغداد عن ضربات داخل سوريا" is the strike told before, not a strike in Baghdad.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


@pytest.mark.parametrize(
    "text",
    [
        "وقال رئيس الوفد إن الدول الضامنة اتفقت على عقد الجولة المقبلة في الثالث والرابع من أيار.",
        "The head of the delegation said the guarantor states agreed to hold the next round on May 3-4.",
    ],
)
def test_a_dated_round_is_planned_talks(res: Resources, text: str) -> None:
    rows = article_rows(res, text, datetime(2017, 3, 15, 10))
    assert [(r["type"], r["status"], r["date_start"]) for r in rows] == [
        ("talks", "planned", "2017-05-03")
    ], rows


@pytest.mark.parametrize(
    "text",
    ["The head of the delegation said the next round would follow.", "وقال إن الجولة المقبلة مهمة للجميع."],
)
def test_a_round_with_neither_side_nor_day_is_nothing(res: Resources, text: str) -> None:
    assert article_rows(res, text, datetime(2017, 3, 15, 10)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels detonated explosives beneath the Carlton Hotel in Aleppo on Thursday. The Islamic Front said dozens "
        'of soldiers were killed; state television said the explosion "targeted an empty building".',
        "فجّر مقاتلو المعارضة عبوات ناسفة تحت فندق الكارلتون في حلب يوم الخميس. وقال التلفزيون الرسمي إن الانفجار استهدف "
        "مبنى خالياً.",
    ],
)
def test_what_an_attack_hit_is_the_same_attack(res: Resources, text: str) -> None:
    rows = article_rows(res, text, datetime(2014, 5, 9, 10))
    assert [(r["type"], r["date_start"]) for r in rows] == [("offensive", "2014-05-08")], rows


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت خلية الإعلام الحربي أن طائرات عراقية نفذت اليوم الجمعة ضربات جوية على مواقع لتنظيم داعش في مدينة "
        "البوكمال داخل الأراضي السورية. وهذه أول مرة تعلن فيها بغداد عن ضربات داخل سوريا.",
        "Iraqi F-16 jets struck Islamic State positions in Albu Kamal inside Syria on Friday, the military said. It is "
        "the first time Baghdad has announced strikes inside Syria.",
    ],
)
def test_a_capital_announcing_is_no_second_strike(res: Resources, text: str) -> None:
    rows = article_rows(res, text, datetime(2017, 2, 24, 18))
    assert [[p["name"] for p in r["places"]] for r in rows] == [["Albu Kamal"]], rows
