"""Two happenings joined by a bare "و" and a verb of fighting ("شن الطيران الحربي غارات على دوما ودارت اشتباكات عنيفة
على أطراف زملكا") are two events, each with its place, and a day that ends the sentence dates both, while one attack on
two towns ("قصفت الطائرات دوما وحرستا") stays one. A rule on the kind (Arabic; English joins clauses with ", and" or
"while", which other rules read); texts written for the test in the style of Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def attacks(res: Resources, text: str) -> list[dict]:
    found = article_rows(res, text, datetime(2013, 12, 12, 10), lang="ar")
    return [r for r in found if r["type"] == "offensive"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "شن الطيران الحربي غارات على دوما ودارت اشتباكات عنيفة على أطراف بلدة زملكا فجر الأربعاء.",
            "Douma",
            "Zamalka",
        ),
        (
            "استهدفت قوات النظام بلدة زملكا بالمدفعية أمس الأربعاء وشن الطيران الحربي غارات على مدينة دوما.",
            "Zamalka",
            "Douma",
        ),
        (
            "سقطت قذائف هاون على أحياء مدينة حرستا وشن الطيران الحربي غارات على بلدة زملكا أمس الأربعاء.",
            "Harasta",
            "Zamalka",
        ),
    ],
)
def test_two_happenings_joined_by_waw_are_two_events_of_the_same_day(
    res: Resources, text: str, first: str, second: str
) -> None:
    found = attacks(res, text)
    assert len(found) == 2, found
    assert [first in [p["name"] for p in r["places"]] for r in found] == [True, False]
    assert second in [p["name"] for p in found[1]["places"]]
    assert {r["date_start"] for r in found} == {"2013-12-11"}


@pytest.mark.parametrize(
    "text",
    [
        "قصفت الطائرات الحربية مدينتي دوما وحرستا أمس الأربعاء.",
        "شن الطيران الحربي غارات على دوما وحرستا أمس الأربعاء.",
    ],
)
def test_one_attack_on_two_towns_stays_one(res: Resources, text: str) -> None:
    assert len(attacks(res, text)) == 1
