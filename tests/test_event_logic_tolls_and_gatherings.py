"""Three kinds of words around an attack or a call that change what they tell (texts written for the test in the styles of
Lebanese radio bulletins, Syrian sites and wire copy):

* the ل of a toll or an aftermath is "of", no aim: "حصيلة ثقيلة لاشتباكات سراقب" tells the clashes (as "the toll of the
  clashes" does), while "حملة للسيطرة على" stays an aim;
* a call for a protest organised it: "تظاهرة دعا إليها حزب الله", "a protest that Hezbollah had called for" is no demand;
* retaking a memory, calm or momentum takes no ground: "ويستعيد كثيرون ذكرى ...", "regained momentum" is no capture.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2021, 10, 15, 10)  # a Friday


@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت اليوم الجمعة حصيلة ثقيلة لاشتباكات سراقب إلى سبعة قتلى.",
        "ارتفع عدد ضحايا للقصف على سراقب إلى سبعة قتلى اليوم الجمعة.",
        "The toll of the clashes in Saraqib rose to seven dead on Friday.",
    ],
)
def test_the_toll_of_an_attack_tells_the_attack(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["type"], [p["name"] for p in r["places"]]) for r in rows] == [("offensive", ["Saraqib"])], rows


def test_an_aim_stays_an_aim(res: Resources) -> None:
    rows = article_rows(res, "حشدت قوات النظام تعزيزات اليوم الجمعة لاقتحام سراقب.", PUB)
    assert [r for r in rows if r["type"] == "offensive" and r["status"] == "occurred"] == [], rows


@pytest.mark.parametrize(
    "text",
    [
        "خرجت اليوم الجمعة في بيروت تظاهرة دعا إليها حزب الله وحركة أمل.",
        "Thousands marched in Beirut on Friday in a protest that Hezbollah and Amal had called for.",
        "A sit-in called for by the unions was held in Beirut on Friday.",
    ],
)
def test_a_call_for_a_protest_is_no_demand(res: Resources, text: str) -> None:
    assert [r for r in article_rows(res, text, PUB) if r["type"] == "ultimatum"] == []


def test_a_call_on_a_side_stays_a_demand(res: Resources) -> None:
    rows = article_rows(res, "دعا حزب الله اليوم الجمعة إلى انسحاب القوات الإسرائيلية من مزارع شبعا.", PUB)
    assert [(r["type"], r["subtype"]) for r in rows] == [("ultimatum", "demand")], rows


@pytest.mark.parametrize(
    "text",
    [
        "ويستعيد كثيرون في سراقب اليوم الجمعة ذكرى المجزرة.",
        "واستعادت مدينة سراقب هدوءها اليوم الجمعة بعد أيام من القصف.",
        "Government forces regained momentum near Saraqib on Friday, the army said.",
    ],
)
def test_retaking_a_memory_or_a_state_is_no_capture(res: Resources, text: str) -> None:
    assert [r for r in article_rows(res, text, PUB) if r["subtype"] == "capture"] == []


def test_retaking_a_town_stays_a_capture(res: Resources) -> None:
    rows = article_rows(res, "واستعادت قوات النظام اليوم الجمعة السيطرة على مدينة سراقب.", PUB)
    assert [(r["subtype"], r["date_start"]) for r in rows] == [("capture", "2021-10-15")], rows
