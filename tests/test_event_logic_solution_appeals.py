"""Event logic met in the fourteenth blind news batch, as a rule on its whole kind: a call for a political way
out ("called for a political solution", "urged ... to find a political solution", "دعت إلى حل سياسي", "طالبت
بالحل السياسي") is an appeal on the conflict, no demand on an adversary; a call on a side to withdraw or to stop
stays a demand. Each text is written for the test in the styles of wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2015, 10, 27, 10, 0)  # a Tuesday


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def rows(res: Resources, text: str, pub: datetime = PUB) -> list[dict]:
    return article_rows(res, text, pub)


# --- a call for a political way out ------------------------------------------------------------------------------

SOLUTION_APPEALS = [
    "Egypt has called for a political solution in Syria preserving its state institutions.",
    "The United States urged Russia and Turkey on Monday to find a political solution in Idlib.",
    "China calls for dialogue and a negotiated settlement in Syria, its foreign ministry said on Monday.",
    "دعت مصر إلى حل سياسي في سوريا يحفظ مؤسسات الدولة.",
    "طالبت الجامعة العربية يوم الاثنين بالحل السياسي للأزمة السورية.",
]


@pytest.mark.parametrize("text", SOLUTION_APPEALS)
def test_a_call_for_a_political_solution_is_no_demand(res, text):
    assert not any(r["type"] == "ultimatum" for r in rows(res, text))


DEMANDS = [
    "Turkey on Monday called for the regime to withdraw from Idlib.",
    "طالبت تركيا النظام السوري يوم الاثنين بالانسحاب من إدلب.",
    "دعت تركيا يوم الاثنين روسيا إلى وقف هجمات النظام على إدلب.",
]


@pytest.mark.parametrize("text", DEMANDS)
def test_a_call_on_an_adversary_to_withdraw_or_stop_is_still_a_demand(res, text):
    assert [(r["type"], r["subtype"]) for r in rows(res, text)] == [("ultimatum", "demand")]
