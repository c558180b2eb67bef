"""Places that only locate something else are no places of an event: the point a distance is measured from
("the village, which lies some 40 km north-west of Hama city", "على بعد 40 كم من مدينة حماة") and where
displaced people or evacuees are taken ("bused to Idlib", "باتجاه الشمال السوري"); and a neighbourhood the
gazetteer lacks is in the last city named ("حي الحمدانية" after "أحياء مدينة حلب")."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.extract import Resources, extract_article
from timeline.gazetteer import Gazetteer
from timeline.model import Article
from timeline.normalize import fold
from timeline.places import locating_only

PUB = datetime(2020, 2, 10, 13, 38)  # Monday


def _locating(gaz: Gazetteer, text: str) -> list[str]:
    folded = fold(text)
    return [e.name for pm in locating_only(folded, gaz.find(folded)) for e in pm.entries]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("the village, which lies some 30 km north-west of Hama city", ["Hama"]),
        ("the town of Maarat al-Numan about 30 km (20 miles) south of Idlib", ["Idlib"]),
        ("قصف على مواقعهم قرب مدينة سراقب (16 كم شرق مدينة إدلب)", ["Idlib"]),
        ("القرية الواقعة على بعد 40 كم من مدينة حماة", ["Hama"]),
        ("the last rebels and their families were bused to Idlib and Jarabulus", ["Idlib", "Jarabulus"]),
        ("بعد خروج آخر دفعة من المسلحين وعائلاتهم باتجاه الشمال السوري", ["Northern Syria"]),
        # where an attack or an advance goes is its place
        ("a Turkish military convoy headed towards Saraqib was struck", []),
        ("تقدمت قوات النظام باتجاه سراقب", []),
        ("Government forces shelled Hama on Monday", []),
    ],
)
def test_places_that_only_locate_something_else(gaz: Gazetteer, text: str, names: list[str]) -> None:
    assert _locating(gaz, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the village of Kafr Nabudah on Sunday.\n"
        "By Monday afternoon, government forces had retaken the village, which lies some 40 km north-west of "
        "Hama city.",
        "قصف مسلحون بلدة كفرنبودة يوم الأحد.\n"
        "واستعادت قوات النظام يوم الاثنين السيطرة على القرية الواقعة على بعد 40 كم من مدينة حماة.",
    ],
)
def test_the_village_a_distance_locates_is_the_place_not_the_city(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = [e.to_row() for e in extract_article(Article("t.txt", text, "", PUB, lang), res)]
    retaken = [e for e in found if e["date_start"] == "2020-02-10"]
    assert retaken and [p["name"] for p in retaken[0]["places"]] == ["Kafr Nabudah"], found


@pytest.mark.parametrize(
    "text",
    [
        "Government forces entered Harasta on Saturday. Under the deal announced on Wednesday, the last rebels "
        "and their families were bused to Idlib.",
        "دخلت قوات النظام مدينة حرستا يوم السبت، بعد خروج آخر دفعة من المسلحين وعائلاتهم باتجاه الشمال السوري، "
        "تنفيذاً للاتفاق الذي أعلن يوم الأربعاء.",
    ],
)
def test_where_evacuees_are_taken_is_no_place_of_the_deal(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = [e.to_row() for e in extract_article(Article("t.txt", text, "", PUB, lang), res)]
    deals = [e for e in found if e["type"] == "ceasefire"]
    assert deals and [p["name"] for p in deals[0]["places"]] == ["Harasta"], found


# --- neighbourhoods: parts of a city ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Government forces pressed their offensive in the western Aleppo countryside on Sunday, taking the towns "
        "of Kafr Naha and Khan al-Asal.\n"
        "The army said the advance pushed the rockets away from the neighbourhoods of Aleppo city.\n"
        "On Saturday, rebels shelled the neighbourhood of Hamdaniya with rockets.",
        "واصلت قوات النظام عملياتها في ريف حلب الغربي يوم الأحد وسيطرت على بلدتي كفرناها وخان العسل.\n"
        "وقالت القيادة إن العمليات أبعدت خطر القذائف عن أحياء مدينة حلب.\n"
        "وكان مسلحون قد استهدفوا يوم السبت حي الحمدانية بعدة قذائف.",
    ],
)
def test_a_neighbourhood_the_gazetteer_lacks_is_in_the_last_city_named(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = [e.to_row() for e in extract_article(Article("t.txt", text, "", PUB, lang), res)]
    shelled = [e for e in found if e["date_start"] == "2020-02-08"]
    assert shelled and [p["name"] for p in shelled[0]["places"]] == ["Aleppo"], found
