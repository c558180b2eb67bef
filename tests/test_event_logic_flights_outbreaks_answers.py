"""Three kinds of attack words that tell less, or more, than their word (texts written for the test in the styles of
Kurdish and Lebanese sites and wire copy):

* aircraft told as flying over or circling are seen, not striking: "طائرات مسيّرة حلقت فوق المقر", "drones flew over
  Koya" is no air strike (a strike told with them still is: "flew over Saraqib and struck a market");
* fighting told as breaking out is a happening of its own even when its sides and site are unknown to the lexicons:
  "The clashes broke out on Friday afternoon when Badr's gunmen opened fire ...", "اندلعت اشتباكات عنيفة مساء الجمعة";
* the attack an answer answers, named without a day of its own ("إن القصف جاء رداً على الغارات الإسرائيلية", "in
  response to the Israeli strikes"), is the one the article tells elsewhere, not a new attack on the answer's day.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2021, 8, 7, 10)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "ويقول سكان في كويه إن طائرات مسيّرة حلقت فوق المقر منذ مساء الجمعة.",
        "Residents said drones flew over Koya on Friday evening.",
        "Israeli helicopters were circling over Kfarchouba on Friday, residents said.",
    ],
)
def test_aircraft_flying_over_are_no_strike(res: Resources, text: str) -> None:
    assert article_rows(res, text, PUB) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets flew over Saraqib and struck a market on Friday.",
        "قصفت طائرات روسية سوق سراقب يوم الجمعة.",
    ],
)
def test_aircraft_striking_stay_a_strike(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["type"], r["date_start"]) for r in rows] == [("offensive", "2021-08-06")], rows


@pytest.mark.parametrize(
    "text",
    [
        "The clashes broke out on Friday afternoon when Badr's gunmen opened fire on members of the new force.",
        "اندلعت اشتباكات عنيفة مساء الجمعة بين مسلحين في المخيم.",
        "Heavy fighting erupted on Friday between rival gunmen in the camp.",
    ],
)
def test_fighting_that_broke_out_is_an_event(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["type"], r["date_start"]) for r in rows] == [("offensive", "2021-08-06")], rows


@pytest.mark.parametrize(
    "text",
    [
        "وكان الطيران الإسرائيلي قد شن فجر الخميس غارتين على منطقة مفتوحة قرب كفرشوبا. وأطلق حزب الله أمس الجمعة 19 "
        "صاروخاً باتجاه مزارع شبعا، وقال الحزب في بيان إن القصف جاء رداً على الغارات الإسرائيلية على الجنوب.",
        "Israeli jets struck near Kfarchouba on Thursday. Hezbollah fired 19 rockets at the Shebaa Farms on Friday, "
        "and the group said the barrage came in response to the Israeli strikes.",
    ],
)
def test_the_attack_answered_is_not_told_again(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert sorted((r["date_start"], r["type"]) for r in rows) == [
        ("2021-08-05", "offensive"),
        ("2021-08-06", "offensive"),
    ], rows


def test_an_answered_attack_with_its_own_day_stays(res: Resources) -> None:
    text = "Hezbollah fired rockets at the Shebaa Farms on Friday in retaliation for an Israeli strike on Thursday."
    rows = article_rows(res, text, PUB)
    assert sorted(r["date_start"] for r in rows if r["type"] == "offensive") == [
        "2021-08-05",
        "2021-08-06",
    ], rows
