"""The attack a threat answers is a happening of its own, dated by its own day: "Hezbollah vowed to avenge Mohsen, who
was killed in an Israeli strike near Quneitra on July 20" is a threat (told on the day of publication, unless it has
its own day) and an Israeli strike on July 20; "توعد ... بالرد على مقتل القيادي ... الذي قتل في غارة إسرائيلية".
A strike its maker names ("an Israeli strike", "a coalition strike") is an attack; a labour or hunger strike is not.
Texts written for the test in the styles of Lebanese and Syrian outlets and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2015, 7, 28, 10)  # a Tuesday


def _kinds(res: Resources, text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (r["type"], r["date_start"], ",".join(a["code"][:3] for a in r["actors"] if a["role"] == "initiator"))
        for r in article_rows(res, text, PUB)
    )


@pytest.mark.parametrize(
    ("text", "threat_day", "attack_day"),
    [
        (
            "BEIRUT - Hezbollah vowed to avenge commander Ali Mohsen, who was killed in an Israeli air strike near "
            "Quneitra on July 20.",
            "2015-07-28",
            "2015-07-20",
        ),
        (
            "Hezbollah vowed on Monday to avenge two fighters who were killed in an Israeli strike near Quneitra on "
            "Sunday.",
            "2015-07-27",
            "2015-07-26",
        ),
        (
            "بيروت - توعد حزب الله بالرد على مقتل القيادي علي محسن، الذي قتل في غارة إسرائيلية قرب القنيطرة في "
            "العشرين من تموز الجاري.",
            "2015-07-28",
            "2015-07-20",
        ),
        (
            "وتوعد حزب الله أمس الاثنين بالانتقام لمقتل ثلاثة من عناصره في غارة إسرائيلية قرب القنيطرة يوم الأحد.",
            "2015-07-27",
            "2015-07-26",
        ),
    ],
)
def test_the_attack_a_threat_answers_is_its_own_event_with_its_own_day(
    res: Resources, text: str, threat_day: str, attack_day: str
) -> None:
    kinds = _kinds(res, text)
    assert ("ultimatum", threat_day, "LBN") in kinds, kinds
    assert ("offensive", attack_day, "ISR") in kinds, kinds


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah vowed to respond to any Israeli attack on Lebanon.",
        "وتوعد حزب الله بالرد على أي اعتداء إسرائيلي على لبنان.",
    ],
)
def test_an_attack_only_threatened_or_feared_stays_no_event(res: Resources, text: str) -> None:
    assert [k for k in _kinds(res, text) if k[0] == "offensive"] == []


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Commander Ali Mohsen was killed in an Israeli strike near Quneitra on July 20.", "ISR"),
        ("A Russian strike near Saraqib killed five civilians on Monday.", "RUS"),
        ("A Turkish strike hit a YPG position near Tal Rifaat on Sunday.", "TUR"),
    ],
)
def test_a_strike_its_maker_names_is_an_attack(res: Resources, text: str, attacker: str) -> None:
    attacks = [k for k in _kinds(res, text) if k[0] == "offensive"]
    assert len(attacks) == 1 and attacks[0][2] == attacker, attacks


@pytest.mark.parametrize(
    "text",
    [
        "Teachers held a strike in Damascus on Monday over unpaid wages.",
        "Bakery workers went on strike in Homs on Monday.",
        "A detainee on hunger strike in Aleppo central prison was moved to hospital on Monday.",
        "Shops closed across Daraa on Monday in a general strike called by the local council.",
    ],
)
def test_a_labour_or_hunger_strike_is_no_attack(res: Resources, text: str) -> None:
    assert [k for k in _kinds(res, text) if k[0] == "offensive"] == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "دعا حزب الشعوب الديمقراطي الحكومة إلى العودة إلى المفاوضات، لتنهي وقفاً لإطلاق النار أعلنه أوجلان في "
            "الحادي والعشرين من آذار 2013.",
            "2013-03-21",
        ),
        (
            "The HDP called on the government to return to the ceasefire declared by Ocalan on March 21, 2013.",
            "2013-03-21",
        ),
    ],
)
def test_a_truce_told_with_its_making_is_no_truce_demanded(res: Resources, text: str, day: str) -> None:
    truces = [r for r in article_rows(res, text, PUB) if r["type"] == "ceasefire"]
    assert [r["date_start"] for r in truces] == [day], truces


def test_a_truce_only_demanded_stays_no_truce(res: Resources) -> None:
    text = "The UN called on all sides to agree a ceasefire in Aleppo."
    assert [r for r in article_rows(res, text, PUB) if r["type"] == "ceasefire"] == []
