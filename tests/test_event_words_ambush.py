"""An ambush and a security operation are fighting ("تعرضت دورية من الجيش لكمين نصبه مسلحون", "an army patrol was ambushed"), and bombs dropped
in pairs are an air strike ("ألقت مروحيات ... قنبلتين", "helicopters dropped two bombs"). Texts written for the test in
the styles of Lebanese party sites and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2013, 2, 2, 10)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "قتل جنديان ظهر أمس الجمعة عندما تعرضت دورية من الجيش لكمين نصبه مسلحون في خراج بلدة عرسال.",
        "Two soldiers were killed on Friday when an army patrol was ambushed by gunmen outside the town of Arsal.",
    ],
)
def test_an_ambush_is_fighting(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [(r["subtype"], r["date_start"]) for r in rows] == [("clash", "2013-02-01")], rows


@pytest.mark.parametrize(
    "text",
    [
        "وكانت مروحيات سورية قد ألقت في العشرين من الشهر الماضي قنبلتين على أطراف بلدة عرسال.",
        "Syrian helicopters dropped two bombs on the outskirts of Arsal on January 20.",
    ],
)
def test_two_bombs_dropped_are_an_air_strike(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [r["date_start"] for r in rows] == ["2013-01-20"], rows


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "أعلنت دائرة المخابرات العامة صباح اليوم انتهاء عملية أمنية بدأت مساء أمس الجمعة في مدينة إربد، أسفرت "
            "عن مقتل سبعة من عناصر خلية مرتبطة بتنظيم داعش.",
            "2013-02-01",
        ),
        (
            "Jordanian forces ended a security operation in Irbid on Saturday that killed seven IS militants.",
            "2013-02-02",
        ),
    ],
)
def test_a_security_operation_is_fighting(res: Resources, text: str, day: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [(r["subtype"], r["date_start"]) for r in rows] == [("clash", day)], rows


def test_security_operations_discussed_are_no_fighting(res: Resources) -> None:
    text = "The ministry discussed security operations at airports with EU officials on Saturday."
    assert [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"] == []
