"""A capital named by its country's adjective is that capital, as a rule on its whole kind: "the Jordanian
capital", "Syria's capital", "العاصمة الأردنية" -> Amman, Damascus, Amman, for every row of
``data/gazetteer/capitals.csv``, in English and Arabic. Each text is written for the test in the styles of wire
copy and Arabic agency reports."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources
from timeline.gazetteer import Gazetteer
from timeline.normalize import normalize
from timeline.resources import data_dir


def capital_rows() -> list[dict[str, str]]:
    path = data_dir() / "gazetteer" / "capitals.csv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def rows(res: Resources, text: str, pub: datetime = datetime(2020, 2, 13, 10, 0)) -> list[dict]:
    return article_rows(res, text, pub)


def places_found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(e.name, e.country) for m in gaz.find(normalize(text).text) for e in m.entries]


def test_every_listed_capital_is_known_in_its_country(gaz: Gazetteer) -> None:
    assert gaz.add_capital_phrases(capital_rows()) == []
    assert gaz.add_capital_phrases(
        [{"country": "SYR", "capital": "Atlantis", "adjectives_en": "X", "adjectives_ar": ""}]
    ) == ["Atlantis (SYR)"]


@pytest.mark.parametrize("row", capital_rows(), ids=lambda r: r["country"])
def test_each_adjective_names_its_capital_in_both_languages(gaz: Gazetteer, row: dict[str, str]) -> None:
    for adjective in row["adjectives_en"].split("|"):
        found = places_found(gaz, f"The envoys met in the {adjective} capital on Monday.")
        assert any(c == row["country"] for _, c in found), adjective
    for adjective in row["adjectives_ar"].split("|"):
        found = places_found(gaz, f"اجتمع المبعوثون في العاصمة {adjective} يوم الاثنين.")
        assert any(c == row["country"] for _, c in found), adjective


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Putin and Trump held talks in the Finnish capital on Monday.", "Helsinki"),
        (
            "The memorandum was signed in the Jordanian capital on November 8 by the United States, Russia and Jordan.",
            "Amman",
        ),
        (
            "Mortar shells hit several districts of Syria's capital on Tuesday, killing two civilians.",
            "Damascus",
        ),
        (
            "A car bomb exploded in the Syrian capital on Sunday, killing five people, state media said.",
            "Damascus",
        ),
        ("وقّع الجانبان الاتفاق في العاصمة الأردنية يوم الأربعاء.", "Amman"),
        (
            "سقطت قذائف هاون على أحياء في العاصمة السورية أمس الثلاثاء ما أدى إلى مقتل مدنيين اثنين.",
            "Damascus",
        ),
        (
            "عقد وزيرا خارجية روسيا وتركيا اجتماعاً في العاصمة الروسية أمس الاثنين لبحث الوضع في إدلب.",
            "Moscow",
        ),
    ],
)
def test_an_event_in_a_capital_named_by_its_adjective_is_placed_there(
    res: Resources, text: str, place: str
) -> None:
    found = rows(res, text)
    assert found, text
    assert place in [p["name"] for p in found[0]["places"]]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the provincial capital on Tuesday, killing two civilians.",
        "Jordanian troops shelled a smuggling convoy on the border on Tuesday.",
        "قصفت المدفعية الأردنية قافلة للمهربين على الحدود يوم الثلاثاء.",
    ],
)
def test_an_adjective_without_capital_names_no_capital(gaz: Gazetteer, text: str) -> None:
    names = [n for n, _ in places_found(gaz, text)]
    assert not {"Amman", "Damascus", "Ankara"} & set(names), names
