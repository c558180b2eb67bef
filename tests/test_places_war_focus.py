"""An attack that names no place of its own is not put at a venue of talks abroad: when an article is about a
round in Geneva, Astana or Sochi, the place of the war's region (Syria and its neighbours) that the article names
most stands in for it, while the talks keep their venue. A rule on the whole kind, in English and Arabic; each
text is written for the test in the styles of wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def rows(res: Resources, text: str, pub: datetime = datetime(2020, 2, 13, 10, 0)) -> list[dict]:
    return article_rows(res, text, pub)


def places_by_type(found: list[dict], etype: str) -> list[list[str]]:
    return [[p["name"] for p in r["places"]] for r in found if r["type"] == etype]


TALKS_ABROAD = [
    (
        "GENEVA — The second round of talks between the government and the opposition opened in Geneva on Monday. "
        "Delegates in Geneva said the talks would last a week. Geneva hosted the first round in January. "
        "Meanwhile government helicopters dropped barrel bombs on eastern districts on Sunday, killing at least "
        "40 people, activists in Aleppo said.",
        "Geneva",
        "Aleppo",
    ),
    (
        "أستانا - وكالات: اختتمت اليوم في أستانا الجولة الثالثة من محادثات أستانا بمشاركة وفود روسيا وتركيا "
        "وإيران. وقال رئيس الوفد الروسي في أستانا إن الجولة المقبلة ستعقد في أستانا أيضاً. وكانت فصائل المعارضة "
        "قد سيطرت على حواجز في ريف حماة الشمالي أمس. وشنت طائرات حربية غارات على قرى في المنطقة أمس.",
        "Astana",
        "northern Hama countryside",
    ),
    (
        "Putin and Erdogan met in Sochi on Tuesday. The leaders in Sochi agreed to keep talking. Sochi has hosted "
        "several such meetings. Jets struck a market on Monday, killing 12 civilians, rescuers in Idlib said.",
        "Sochi",
        "Idlib",
    ),
]


@pytest.mark.parametrize(("text", "venue", "war_place"), TALKS_ABROAD)
def test_an_unplaced_attack_takes_the_war_region_not_the_venue(
    res: Resources, text: str, venue: str, war_place: str
) -> None:
    found = rows(res, text)
    attacks = places_by_type(found, "offensive")
    assert attacks, found
    assert all(venue not in names for names in attacks), attacks
    assert any(war_place in names for names in attacks), attacks
    assert any(venue in names for names in places_by_type(found, "talks")), found


def test_an_attack_in_an_article_on_the_region_keeps_the_articles_focus(res: Resources) -> None:
    text = (
        "Government forces pressed their offensive around Saraqib on Monday. Saraqib has been shelled for weeks. "
        "Jets struck a market on Tuesday, killing 12 civilians, rescuers said."
    )
    attacks = places_by_type(rows(res, text), "offensive")
    assert attacks and all("Saraqib" in names for names in attacks), attacks
