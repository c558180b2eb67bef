"""Places that only locate something else are no places of an event: the point a distance is measured from
("the village, which lies some 40 km north-west of Hama city", "على بعد 40 كم من مدينة حماة") and where
displaced people, evacuees or a retreating force are taken ("bused to Idlib", "باتجاه الشمال السوري", "withdrew towards
the airport"); and a neighbourhood the
gazetteer lacks is in the last city named ("حي الحمدانية" after "أحياء مدينة حلب"), and so is one the gazetteer
places far from it ("حي بني زيد" in Aleppo is not Bani Zayd by Ramallah); a direction before a district noun is
inside the city ("a south Damascus district", "حي القدم جنوبي دمشق"), not its countryside."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources
from timeline.gazetteer import Gazetteer
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
        # a deal's departure with its proclitic, and where a force falls back to
        ("اتفاق يقضي بخروج المسلحين وعائلاتهم إلى جرابلس", ["Jarabulus"]),
        (
            "وانتهت المعركة بانسحاب من تبقى من عناصر النظام باتجاه مطار دير الزور العسكري",
            ["Deir ez-Zor Airport"],
        ),
        ("the remaining government troops withdrew towards Deir ez-Zor airport", ["Deir ez-Zor Airport"]),
        ("the rebels retreated to Maarat al-Numan after losing the village", ["Maarat al-Numan"]),
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
    found = article_rows(res, text, PUB, lang=lang)
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
    found = article_rows(res, text, PUB, lang=lang)
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
    found = article_rows(res, text, PUB, lang=lang)
    shelled = [e for e in found if e["date_start"] == "2020-02-08"]
    assert shelled and [p["name"] for p in shelled[0]["places"]] == ["Aleppo"], found


@pytest.mark.parametrize(
    "text",
    [
        "Government forces shelled Homs on Sunday.\nOn Saturday, the army stormed the neighbourhoods of Inshaat and "
        "Khalidiyah.",
        "Government forces shelled Aleppo city on Sunday.\nOn Saturday, the army stormed the neighbourhood of Bani "
        "Zayd in the north of the city.",
        "قصفت قوات النظام مدينة حمص يوم الأحد.\nوكان الجيش قد اقتحم يوم السبت حيي الإنشاءات والخالدية.",
        "قصفت قوات النظام مدينة حلب يوم الأحد.\nوكانت قوات النظام قد سيطرت يوم السبت على حي بني زيد شمال المدينة.",
    ],
)
def test_a_neighbourhood_named_like_a_far_village_is_in_the_last_city_named(
    res: Resources, text: str
) -> None:
    """Al-Khalidiyah of Mafraq, Bani Zayd by Ramallah: a name after a district noun that the gazetteer
    places more than 30 km from the city the article named last is that city's district."""
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    stormed = [e for e in found if e["date_start"] == "2020-02-08"]
    city = "Homs" if "Homs" in text or "حمص" in text else "Aleppo"
    assert stormed and [p["name"] for p in stormed[0]["places"]] == [city], found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the district named is in a city the article named earlier
        (
            "Government forces shelled Aleppo city on Sunday.\nAircraft struck the neighbourhoods of Sukkari "
            "and Khalidiya on Saturday.",
            None,
        ),
        # a town after "the residential neighbourhoods in" is the town, however far from the last city
        (
            "قصفت قوات النظام مدينة إدلب يوم الأحد.\nوكانت غارات روسية قد استهدفت يوم السبت الأحياء السكنية في "
            "معرة النعمان.",
            "Maarat al-Numan",
        ),
    ],
)
def test_a_town_after_a_neighbourhood_noun_and_a_preposition_stays(
    res: Resources, text: str, name: str | None
) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    struck = [e for e in found if e["date_start"] == "2020-02-08"]
    assert struck, found
    if name:
        assert name in [p["name"] for p in struck[0]["places"]], found


# --- a direction inside a city: its district, not its countryside --------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A car bomb tore through a playground in a south Damascus district", "Damascus"),
        ("shells hit a primary school in the western Aleppo district of al-Furqan", "Aleppo"),
        ("air strikes on eastern Homs neighbourhoods", "Homs"),
        ("قصفت قوات النظام حي القدم جنوبي دمشق", "Damascus"),
        ("غارات على أحياء جنوب دمشق", "Damascus"),
        # the countryside stays the countryside
        ("clashes in the southern Damascus countryside", "southern Damascus countryside"),
        ("fighting raged in western Aleppo", "western Aleppo countryside"),
        ("قصف على بلدة الهبيط جنوبي إدلب", "southern Idlib countryside"),
        ("اشتباكات في ريف دمشق الجنوبي", "southern Damascus countryside"),
    ],
)
def test_a_direction_before_a_district_noun_is_in_the_city(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in [e.name for pm in gaz.find(fold(text)) for e in pm.entries]
