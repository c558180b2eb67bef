"""Fire returned is an attack back ("The IDF returned tank fire at Syrian army positions", "ردّت وحدات الجيش على
مصادر النيران"); two shells in the nominative dual are shelling ("سقطت قذيفتان ... قرب الرمثا"); Russia's "regime of
calm" (режим тишины, also "regime of silence") is a truce. Texts written for the test in the styles of Israeli think
tanks, Lebanese and Jordanian agencies and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def _rows(res: Resources, text: str) -> list[dict]:
    lang = "en" if text.isascii() else "ar"
    return article_rows(res, text, datetime(2015, 2, 11, 10), lang=lang)


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("The IDF returned tank fire at Syrian army positions near Quneitra within hours.", "clash"),
        ("Turkish troops returned fire after shells landed in Akcakale on Tuesday.", "clash"),
        ("وقال الجيش إن وحداته ردّت على مصادر النيران في طرابلس شمال لبنان ليل أمس.", "clash"),
        ("سقطت صباح اليوم قذيفتان مصدرهما الأراضي السورية في أرض زراعية قرب مدينة الرمثا.", "shelling"),
    ],
)
def test_fire_returned_and_two_shells_are_attacks(res: Resources, text: str, subtype: str) -> None:
    assert subtype in [r["subtype"] for r in _rows(res, text) if r["type"] == "offensive"], text


@pytest.mark.parametrize(
    "text",
    [
        'The United States and Russia announced a 48-hour "regime of calm" for the city of Aleppo on Wednesday.',
        "Moscow declared a regime of silence in Eastern Ghouta on Tuesday.",
    ],
)
def test_a_regime_of_calm_is_a_truce(res: Resources, text: str) -> None:
    assert [r["type"] for r in _rows(res, text)] == ["ceasefire"], text


def test_fire_not_returned_is_no_attack(res: Resources) -> None:
    assert (
        _rows(res, "Refugees returned to Saraqib on Tuesday after the fire in the market was put out.") == []
    )
