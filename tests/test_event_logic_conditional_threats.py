"""Two kinds of statement, as rules on their whole kind in English and Arabic (texts written for the test in the
styles of wire copy and Arabic agency reports):

* a **conditional threat** is an ultimatum: force that "would"/"will" be used unless a side does something ("would
  \"destroy the terror structure\" unless the US removed the YPG", "سيدمر ... ما لم"), while "would strike" with no
  condition and no side stays a hypothesis;
* a **call for a body of the political way to meet** (a constitutional committee, a conference, elections) is an
  appeal on the conflict, like a call for a political solution, not a demand on an adversary.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def rows(res: Resources, text: str, pub: datetime = datetime(2018, 10, 31, 10, 0)) -> list[dict]:
    return article_rows(res, text, pub)


CONDITIONAL_THREATS = [
    'Erdogan said on Tuesday the army would "destroy the terror structure east of the Euphrates" unless the United '
    "States removed the YPG from the region.",
    "The defence minister said on Tuesday that the army would crush the militants in Idlib if they did not withdraw.",
    "A Russian general told faction leaders on Tuesday that his aircraft would strike the town if the factions "
    "refused the terms.",
    "Israel will hit Iranian positions in Syria unless Tehran pulls its forces back, the minister said on Tuesday.",
    "قال أردوغان يوم الثلاثاء إن الجيش سيدمر مواقع الوحدات الكردية شرق الفرات ما لم تسحبها الولايات المتحدة.",
    "وتوعد وزير الدفاع يوم الثلاثاء بأن القوات ستسحق المسلحين في إدلب إذا لم ينسحبوا.",
]


@pytest.mark.parametrize("text", CONDITIONAL_THREATS)
def test_a_conditional_threat_is_an_ultimatum_dated_by_its_statement(res: Resources, text: str) -> None:
    found = rows(res, text)
    threats = [r for r in found if r["type"] == "ultimatum"]
    assert threats, found
    assert threats[0]["date_start"] == "2018-10-30"
    assert not [r for r in found if r["type"] == "offensive" and r["status"] == "occurred"], found


@pytest.mark.parametrize(
    "text",
    [
        "The floods would destroy crops unless farmers moved them, the ministry said on Tuesday.",
        "A new bridge would hit the budget hard unless donors helped, the mayor said on Tuesday.",
    ],
)
def test_would_with_a_condition_but_no_side_is_no_threat(res: Resources, text: str) -> None:
    assert not [r for r in rows(res, text) if r["type"] == "ultimatum"]


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan hosted Putin, Merkel and Macron in Istanbul on Saturday for a summit that called for a Syrian "
        "constitutional committee to convene before the end of the year.",
        "The ministers called for an international conference on Syria's reconstruction on Saturday.",
        "The envoy urged the parties on Saturday to hold elections under UN supervision.",
        "وكانت القمة الرباعية قد دعت يوم السبت إلى تشكيل لجنة دستورية قبل نهاية العام.",
        "دعا الوزير يوم السبت إلى عقد مؤتمر دولي حول سوريا.",
    ],
)
def test_a_call_for_a_committee_conference_or_elections_is_no_demand(res: Resources, text: str) -> None:
    assert not [r for r in rows(res, text) if r["type"] == "ultimatum"], rows(res, text)


@pytest.mark.parametrize(
    "text",
    [
        "Turkey called on Russia on Saturday to withdraw its forces before the conference.",
        "دعت تركيا روسيا يوم السبت إلى وقف القصف على إدلب قبل المؤتمر.",
    ],
)
def test_a_demand_on_a_side_stays_a_demand_whatever_it_names_later(res: Resources, text: str) -> None:
    demands = [r for r in rows(res, text) if r["type"] == "ultimatum"]
    assert demands and demands[0]["subtype"] == "demand"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            'Qassemi said on Tuesday that Washington expected "Iranian forces and Iranian-backed militias" to '
            'withdraw "beyond a certain distance" from the Golan.',
            "IRNMIL",
        ),
        ("The United States wants Turkish troops to leave Manbij, the envoy said on Tuesday.", "TURMIL"),
        (
            "وقال قاسمي الثلاثاء إن واشنطن تتوقع من القوات الإيرانية والميليشيات المدعومة منها الانسحاب من جنوب سوريا.",
            "IRNMIL",
        ),
        ("وأكد المبعوث الثلاثاء أن الولايات المتحدة تريد من تركيا سحب قواتها من منبج.", "TUR"),
    ],
)
def test_what_a_side_expects_another_to_withdraw_from_is_a_demand_on_it(
    res: Resources, text: str, target: str
) -> None:
    demands = [r for r in rows(res, text) if r["type"] == "ultimatum"]
    assert demands and demands[0]["subtype"] == "demand", demands
    assert target in [a["code"] for a in demands[0]["actors"] if a["role"] == "target"]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of civilians are expected to leave the town on Tuesday, the UN said.",
        "ويتوقع من آلاف المدنيين مغادرة البلدة يوم الثلاثاء.",
    ],
)
def test_a_forecast_that_people_will_leave_is_no_demand(res: Resources, text: str) -> None:
    assert not [r for r in rows(res, text) if r["type"] == "ultimatum"]
