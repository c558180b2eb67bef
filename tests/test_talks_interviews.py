"""A source speaking to the press by phone is no talks: "told Reuters by telephone", "Residents who spoke to IRIN by
phone", "وقال الناشط لـ«عنب بلدي» في اتصال هاتفي", "وأفاد مصدر محلي في اتصال هاتفي مع «الجزيرة نت»". A call between
sides of the war told the same way is a call ("Erdogan told Putin by phone", "أكد أردوغان في اتصال هاتفي مع بوتين").
Texts written for the test in the styles of Syrian opposition sites, IRIN and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2013, 10, 14, 10)  # a Monday


def _calls(res: Resources, text: str) -> list[dict]:
    return [r for r in article_rows(res, text, PUB) if r["type"] == "talks"]


@pytest.mark.parametrize(
    "text",
    [
        "A rebel commander told Reuters by telephone that fighting continued on Sunday.",
        "Residents who spoke to IRIN by phone blamed government forces for the shelling on Sunday.",
        'وقال الناشط أبو محمد لـ"عنب بلدي" في اتصال هاتفي إن القصف استمر طوال ليل الأحد.',
        'وأفاد مصدر محلي في اتصال هاتفي مع "الجزيرة نت" بأن الاشتباكات تجددت أمس.',
    ],
)
def test_a_source_speaking_to_the_press_by_phone_is_no_talks(res: Resources, text: str) -> None:
    assert _calls(res, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan told Putin by phone on Sunday that Turkey would respond.",
        "The Turkish foreign minister told his Russian counterpart by phone on Sunday that the attacks must stop.",
        "وأكد أردوغان في اتصال هاتفي مع بوتين أمس أن تركيا سترد.",
        "وقال أردوغان لبوتين في اتصال هاتفي أمس إن تركيا سترد.",
    ],
)
def test_sides_speaking_by_phone_hold_a_call(res: Resources, text: str) -> None:
    calls = _calls(res, text)
    assert [(r["subtype"], r["date_start"]) for r in calls] == [("call", "2013-10-13")], calls
