"""Event words of the eighteenth blind batch's developed-on part (issues 7, 8), each tested on its kind in Arabic and
English (texts written for the test in the styles of Lebanese, Syrian and wire reports):

* a suicide attack told by its bomber ("فجروا أنفسهم", "فجّر انتحاري نفسه", "blew himself up", "detonated his explosive
  vest", "هجوم انتحاري", "حزام ناسف") is a bombing;
* a leader who receives or hosts another ("is due to receive coalition leader Moaz al-Khatib in Ankara") holds talks;
* a missile "fired by Assad's forces slammed into" a district is an attack, the words between notwithstanding;
* a campaign launched, told with its possessive ("أطلق الجيش عملياته في حوض اليرموك", "بدأت القوات حملتها") is an
  offensive, and the Yarmouk Basin is a region of Daraa, not Damascus' Yarmouk camp.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2018, 7, 26, 10, 0)


def rows(res: Resources, text: str) -> list[dict]:
    return article_rows(res, text, PUB)


@pytest.mark.parametrize(
    "text",
    [
        "وكان أربعة انتحاريين قد فجروا أنفسهم فجر أمس الأربعاء في محيط منزل عند أطراف بلدة القاع.",
        "فجّر انتحاري نفسه أمس الأربعاء عند حاجز للشرطة في مدينة السويداء.",
        "قتل خمسة أشخاص في هجوم انتحاري استهدف حاجزا في مدينة السويداء أمس الأربعاء.",
        "A suicide attacker blew himself up at a checkpoint in Sweida on Wednesday, killing five people.",
        "A militant detonated his explosive vest near a church in al-Qaa on Wednesday.",
    ],
)
def test_a_suicide_attack_told_by_its_bomber_is_a_bombing(res: Resources, text: str) -> None:
    bombings = [r for r in rows(res, text) if r["type"] == "offensive"]
    assert bombings and bombings[0]["subtype"] == "bombing", bombings
    assert bombings[0]["date_start"] == "2018-07-25"


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Recep Tayyip Erdogan is due to receive Russian President Vladimir Putin in Ankara on Friday.",
        "President Hassan Rouhani hosted the Syrian prime minister in Tehran on Wednesday.",
    ],
)
def test_a_leader_who_receives_another_holds_talks(res: Resources, text: str) -> None:
    talks = [r for r in rows(res, text) if r["type"] == "talks"]
    assert talks and talks[0]["places"], talks


@pytest.mark.parametrize(
    "text",
    [
        "Late last night a Scud-type missile fired by Assad's forces slammed into the Bustan al-Qasr district of Aleppo.",
        "Two rockets launched from rebel-held areas overnight landed in the Mezzeh district, state media said.",
    ],
)
def test_a_missile_that_slammed_into_a_place_is_an_attack(res: Resources, text: str) -> None:
    assert [r for r in rows(res, text) if r["type"] == "offensive"]


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        ("وكان الجيش قد أطلق عملياته في حوض اليرموك يوم الخميس الماضي.", "Yarmouk Basin", "2018-07-19"),
        (
            "وكانت القوات قد بدأت حملتها على ريف درعا الغربي يوم الخميس الماضي.",
            "western Daraa countryside",
            "2018-07-19",
        ),
        (
            "Syrian and Russian warplanes pounded the Yarmuk valley pocket on Wednesday.",
            "Yarmouk Basin",
            "2018-07-25",
        ),
    ],
)
def test_a_campaign_launched_with_its_possessive_is_an_offensive_in_its_region(
    res: Resources, text: str, place: str, day: str
) -> None:
    attacks = [r for r in rows(res, text) if r["type"] == "offensive"]
    assert attacks and attacks[0]["date_start"] == day, attacks
    assert place in [p["name"] for p in attacks[0]["places"]]


@pytest.mark.parametrize(
    "text",
    [
        "اتفق الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان، خلال قمة جمعتهما أمس في منتجع سوتشي على "
        "البحر الأسود، على إقامة منطقة منزوعة السلاح في إدلب.",
        "Putin and Erdogan agreed at a summit in Sochi on Wednesday to set up a demilitarised zone in Idlib.",
        "Turkey and the United States agreed on Wednesday to establish a buffer zone along the border.",
    ],
)
def test_an_agreement_to_set_up_a_demilitarised_zone_is_a_ceasefire_agreement(
    res: Resources, text: str
) -> None:
    deals = [r for r in rows(res, text) if r["type"] == "ceasefire"]
    assert deals and deals[0]["subtype"] == "agreement" and deals[0]["date_start"] == "2018-07-25", deals


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell inside the demilitarised zone on Wednesday, killing two civilians.",
        "سقطت قذائف داخل المنطقة منزوعة السلاح يوم الأربعاء ما أدى إلى مقتل مدنيين اثنين.",
    ],
)
def test_a_demilitarised_zone_named_alone_is_no_agreement(res: Resources, text: str) -> None:
    assert not [r for r in rows(res, text) if r["type"] == "ceasefire"]
