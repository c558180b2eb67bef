"""Discussed with a named partner is a meeting, at the venue the sentence gives, even when the lexicon does not know
the partner ("بحث وزير الخارجية الأميركي جون كيري مع المالكي في بغداد يوم الاثنين سبل مواجهة تقدم التنظيم":
Baghdad is the venue, not the topic); told in a call, it is a call. Texts written for the test in the styles of Iraqi
and Syrian agencies and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.extract import Resources, extract_article
from timeline.model import Article


def _talks(res: Resources, text: str) -> list[dict]:
    lang = "en" if text.isascii() else "ar"
    found = extract_article(Article("t.txt", text, "", datetime(2014, 6, 25, 9), lang), res)
    return [r for r in (e.to_row() for e in found) if r["type"] == "talks"]


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        (
            "إلى ذلك، بحث وزير الخارجية الأميركي جون كيري مع المالكي في بغداد يوم الاثنين سبل مواجهة تقدم التنظيم.",
            "Baghdad",
            "2014-06-23",
        ),
        ("وناقش لافروف مع جاويش أوغلو في موسكو يوم الاثنين التطورات في إدلب.", "Moscow", "2014-06-23"),
        ("Lavrov discussed Idlib with Cavusoglu in Moscow on Monday.", "Moscow", "2014-06-23"),
    ],
)
def test_discussed_with_a_partner_is_a_meeting_at_its_venue(
    res: Resources, text: str, venue: str, day: str
) -> None:
    talks = _talks(res, text)
    assert [(r["subtype"], r["date_start"]) for r in talks] == [("meeting", day)], talks
    assert venue in [p["name"] for p in talks[0]["places"]], talks


@pytest.mark.parametrize(
    "text",
    [
        "بحث بوتين مع أردوغان في اتصال هاتفي يوم الاثنين الوضع في إدلب.",
        "Putin discussed Idlib with Erdogan in a phone call on Monday.",
    ],
)
def test_discussed_with_a_partner_in_a_call_is_a_call(res: Resources, text: str) -> None:
    assert [r["subtype"] for r in _talks(res, text)] == ["call"], text


def test_discussed_in_a_call_with_partners_is_a_call(res: Resources) -> None:
    text = "Later on Monday, Erdogan also discussed the situation in a three-way call with Merkel and Macron."
    assert [r["subtype"] for r in _talks(res, text)] == ["call"], text
