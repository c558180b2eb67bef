"""A town named after a settlement noun ("in the Damascus suburbs of Qudsaya", "in the suburb of Qudsaya", "في
ضاحية قدسيا", "في بلدة قدسيا") is where it is, even when the town's name is then the subject of a verb that a
government's capital would speak with ("Qudsaya agreed", "قدسيا وافقت"): a rule on the kind, in English and Arabic,
with texts written for the test in the styles of wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


@pytest.mark.parametrize(
    "text",
    [
        "Rebels in the Damascus suburbs of Qudsaya and al-Hameh agreed on Thursday to surrender their weapons.",
        "Rebels in the suburb of Qudsaya agreed on Thursday to a ceasefire.",
        "Fighters in the neighbourhood of Qudsaya agreed on Thursday to a ceasefire.",
        "وافق المسلحون في ضاحية قدسيا يوم الخميس على اتفاق تسوية يقضي بتسليم السلاح.",
        "وافق المسلحون في بلدة قدسيا يوم الخميس على اتفاق تسوية يقضي بتسليم السلاح.",
    ],
)
def test_a_town_after_a_settlement_noun_is_the_place_of_its_truce(res: Resources, text: str) -> None:
    lang = "en" if text.isascii() else "ar"
    found = article_rows(res, text, datetime(2016, 10, 14, 10), lang=lang)
    truces = [r for r in found if r["type"] == "ceasefire"]
    assert truces and "Qudsaya" in [p["name"] for p in truces[0]["places"]], found
