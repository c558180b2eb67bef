""" "Will pay a heavy price" is a threat, in any tense of the future and in Arabic after "that" ("Turkish troops would
'pay a heavy price'", "متوعداً بأن يدفع من خطط لهذا الهجوم ثمناً باهظاً"); the price a people pays for a war is none
("ويدفع المدنيون ثمن الحرب"). Texts written for the test in the styles of Turkish radio and Kurdish sites."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2016, 6, 29, 10)


@pytest.mark.parametrize(
    "text",
    [
        'The PKK\'s military wing said in a statement on Tuesday that Turkish troops would "pay a heavy price".',
        "وتوعد رئيس الوزراء التركي بن علي يلدريم ليل أمس بأن يدفع من خطط لهذا الهجوم الجبان ثمناً باهظاً.",
        "وقال قائد في الحشد الشعبي أمس إن القوات الأمريكية ستدفع ثمناً غالياً.",
    ],
)
def test_a_heavy_price_to_pay_is_a_threat(res: Resources, text: str) -> None:
    threats = [r for r in article_rows(res, text, PUB) if r["type"] == "ultimatum"]
    assert [(r["subtype"], r["date_start"]) for r in threats] == [("threat", "2016-06-28")], threats


def test_the_price_a_people_pays_is_no_threat(res: Resources) -> None:
    assert [
        r for r in article_rows(res, "ويدفع المدنيون ثمن الحرب منذ سنوات.", PUB) if r["type"] == "ultimatum"
    ] == []
