"""Being in contact with the other side is talks by phone: "Lavrov has been in constant contact with Cavusoglu since
Monday", "لافروف على اتصال دائم مع نظيره التركي"; losing contact is not. UNIFIL and UNDOF are the UN. Texts written
for the test in the styles of wire copy and Arabic agencies."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2020, 2, 12, 10)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "Russian Foreign Minister Sergei Lavrov has been in constant contact with his Turkish counterpart Mevlut "
        "Cavusoglu since Monday.",
        "وأكد أن وزير الخارجية الروسي سيرغي لافروف على اتصال دائم مع نظيره التركي مولود جاويش أوغلو منذ يوم الاثنين.",
    ],
)
def test_being_in_contact_is_a_call(res: Resources, text: str) -> None:
    calls = [r for r in article_rows(res, text, PUB) if r["type"] == "talks"]
    assert [(r["subtype"], r["date_start"]) for r in calls] == [("call", "2020-02-10")], calls
    assert {"RUS", "TUR"} <= {a["code"][:3] for a in calls[0]["actors"]}, calls


def test_losing_contact_is_no_call(res: Resources) -> None:
    assert [
        r for r in article_rows(res, "Rebels lost contact with their Turkish backers on Monday.", PUB)
    ] == []


@pytest.mark.parametrize(
    "text",
    [
        "UNIFIL said its commander had met Lebanese and Israeli officers at Ras al-Naqoura on Tuesday.",
        "وقالت اليونيفيل إن قائدها التقى ضباطاً لبنانيين وإسرائيليين في رأس الناقورة يوم الثلاثاء.",
    ],
)
def test_unifil_is_the_un(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "talks"]
    assert rows and "IGO" in {a["code"][:3] for a in rows[0]["actors"]}, rows
