"""Places as the field writes them (issue 8), texts written for the test in the styles of Lebanese, Iraqi and Turkish
outlets:

* the second part of an Arabic compound name is no place of its own: "عين الرمانة" (a Beirut suburb the gazetteer
  lacks) is not الرمانة, a town in Israel; "كفر الرمانة", "تل الحارة" likewise; known compounds stay ("عين العرب");
* a business named after a town is not that town: "the Reina nightclub in Istanbul", "ملهى رينا";
* governorates and provinces of the neighbours are places of their own ("محافظة ديالى", "Diyala province", "ولاية
  هاتاي", "Mafraq governorate"), and the district towns of Iraq's war (Jalawla, Saadiya, Shirqat, Hawija ...) are in
  the gazetteer.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources
from timeline.gazetteer import Gazetteer
from timeline.normalize import fold


def names(gaz: Gazetteer, text: str) -> list[str]:
    return [e.name for pm in gaz.find(fold(text)) for e in pm.entries]


@pytest.mark.parametrize(
    "text",
    ["أطلق مسلحون النار على حافلة في عين الرمانة", "قرب بلدة كفر الرمانة", "سيطرت الفصائل على تل الحارة"],
)
def test_the_second_part_of_a_compound_name_is_no_place(gaz: Gazetteer, text: str) -> None:
    assert names(gaz, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("في بلدة عين العرب", "Kobani"), ("قصف دير الزور", "Deir ez-Zor"), ("في الرمانة", "Rummana")],
)
def test_known_compounds_and_bare_names_stay(gaz: Gazetteer, text: str, name: str) -> None:
    assert names(gaz, text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "A gunman opened fire at the Reina nightclub in Istanbul early on Sunday, killing 39 people.",
        "هاجم مسلح ملهى رينا في إسطنبول فجر الأحد وقتل 39 شخصاً.",
    ],
)
def test_a_business_named_after_a_town_is_not_the_town(res: Resources, text: str) -> None:
    rows = article_rows(res, text, datetime(2017, 1, 1, 10))
    assert [[p["name"] for p in r["places"]] for r in rows] == [["Istanbul"]], rows


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("في محافظة ديالى", "Diyala Governorate"),
        ("in Diyala province", "Diyala Governorate"),
        ("في محافظة صلاح الدين", "Saladin Governorate"),
        ("in Kirkuk province", "Kirkuk Governorate"),
        ("ولاية هاتاي", "Hatay Province"),
        ("in Sanliurfa province", "Şanlıurfa Province"),
        ("in Mafraq governorate", "Mafraq Governorate"),
        ("في محافظة النبطية", "Nabatieh Governorate"),
    ],
)
def test_governorates_of_the_neighbours(gaz: Gazetteer, text: str, name: str) -> None:
    assert names(gaz, text) == [name]


@pytest.mark.parametrize(("text", "name"), [("in Kirkuk city", "Kirkuk"), ("في مدينة كركوك", "Kirkuk")])
def test_the_city_keeps_its_bare_name(gaz: Gazetteer, text: str, name: str) -> None:
    assert names(gaz, text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("تحرير ناحية جلولاء", "Jalawla"),
        ("fighting in Jalawla", "Jalawla"),
        ("في ناحية السعدية", "Saadiya"),
        ("Iraqi forces entered Shirqat", "Shirqat"),
        ("the Hawija pocket", "Hawija"),
        ("في قضاء الحويجة", "Hawija"),
        ("near Amiriyat al-Fallujah", "Amiriyat al-Fallujah"),
        ("في بلدة بعشيقة", "Bashiqa"),
        ("the town of Rmelan", "Rmelan"),
    ],
)
def test_district_towns_of_the_war(gaz: Gazetteer, text: str, name: str) -> None:
    assert names(gaz, text) == [name]
