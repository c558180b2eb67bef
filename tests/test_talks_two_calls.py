"""One caller's calls to two partners, told one after the other, are two calls ("phoned Pompeo, then called Macron's
adviser Bonne", "أجرى الحريري اتصالاً هاتفياً ببومبيو، ثم اتصالاً ببون"); one call told twice stays one ("spoke with
Putin by phone, and the two leaders discussed Idlib"). Texts written for the test in the styles of Lebanese radio and
wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2019, 9, 2, 10)  # a Monday


def _calls(res: Resources, text: str) -> list[set[str]]:
    return [
        {a["code"][:3] for a in r["actors"]}
        for r in article_rows(res, text, PUB)
        if r["type"] == "talks" and r["subtype"] == "call"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Lebanese Prime Minister Saad Hariri phoned US Secretary of State Mike Pompeo on Sunday evening, then called "
        "French President Emmanuel Macron's adviser Emmanuel Bonne.",
        "ومساء أمس، أجرى رئيس الحكومة سعد الحريري اتصالاً هاتفياً بوزير الخارجية الأمريكي مايك بومبيو، ثم اتصالاً "
        "بمستشار الرئيس الفرنسي إيمانويل بون.",
    ],
)
def test_calls_to_two_partners_are_two_calls(res: Resources, text: str) -> None:
    calls = _calls(res, text)
    assert len(calls) == 2 and "USA" in calls[0] and "LBN" in calls[0] and "FRA" in calls[1], calls


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan spoke with Putin by phone on Sunday, and the two leaders discussed the situation in Idlib.",
        "أجرى أردوغان اتصالاً هاتفياً مع بوتين أمس، ثم بحث الزعيمان الوضع في إدلب.",
    ],
)
def test_one_call_told_twice_is_one(res: Resources, text: str) -> None:
    assert len(_calls(res, text)) == 1, _calls(res, text)
