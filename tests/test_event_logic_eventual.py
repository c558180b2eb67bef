"""A battle only foreseen is no battle: "trained volunteers for an eventual battle for Mosul", "لمعركة محتملة في
الموصل". A battle told as having happened in the end still is ("eventually captured"). Texts written for the test
in the styles of a wire and an Iraqi site."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2015, 12, 7, 10)


@pytest.mark.parametrize(
    "text",
    [
        "Turkey says its instructors have trained Sunni volunteers at the camp since March for an eventual battle "
        "for Mosul.",
        "وتقول أنقرة إن مدربيها يدربون متطوعين في المعسكر منذ آذار استعداداً لمعركة محتملة في الموصل.",
    ],
)
def test_a_battle_only_foreseen_is_no_event(res: Resources, text: str) -> None:
    assert [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"] == []


def test_a_town_eventually_captured_is(res: Resources) -> None:
    rows = article_rows(res, "Government forces eventually captured the town of Saraqib on Monday.", PUB)
    assert [(r["type"], r["date_start"]) for r in rows] == [("offensive", "2015-12-07")], rows
