"""The places the war's news names that GeoNames cities500 lacks or lacks in Arabic (issue 8, places 10).

Rows of ``villages.csv`` and ``aliases.csv`` for Damascus and Ghouta districts, air bases, crossings, camps and
towns of the newest fronts: well formed and sourced, found behind the proclitics and locatives the news writes,
and the Arabic names that are also common words are places only after a locative noun.
"""

from __future__ import annotations

import csv

import pytest

from timeline.gazetteer import Gazetteer, PlaceMention
from timeline.normalize import fold
from timeline.resources import data_dir

#: Syria's bounding box (GeoNames' country extent, rounded outwards; the occupied Golan and the Shebaa Farms
#: lie inside it)
SYRIA_BOX = (32.3, 37.4, 35.6, 42.4)

#: the rows this pass added to villages.csv
NEW_VILLAGES = {
    "Jobar", "Qaboun", "Barzeh", "Mezzeh", "Kafr Sousa", "Zamalka", "Saqba", "Yalda", "Sayyidah Zaynab",
    "Moadamiyat al-Sham", "Damascus International Airport", "al-Tanf", "Tiyas airbase (T4)", "Shayrat airbase",
    "Baba Amr", "Krak des Chevaliers", "Kuweires airbase", "Menagh airbase", "Aleppo International Airport",
    "Bab al-Salameh", "Qarqur", "al-Qubair", "Resafa", "Tabqa Dam", "Baghuz", "Deir ez-Zor Airport",
    "Shebaa Farms", "Taftanaz airbase", "Jirah airbase", "Hama Military Airport", "Kabani", "Sheikh Najjar",
    "Beit Jinn", "Adra", "Ithriya",
}  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(user=False)


def _rows(name: str) -> list[dict[str, str]]:
    with (data_dir() / "gazetteer" / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def names(gaz: Gazetteer, text: str) -> list[str]:
    found: list[PlaceMention] = gaz.find(fold(text))
    return [m.entries[0].name for m in found]


def test_new_rows_are_well_formed_sourced_and_in_syria() -> None:
    rows = {r["name"]: r for r in _rows("villages.csv")}
    assert set(rows) >= NEW_VILLAGES
    south, north, west, east = SYRIA_BOX
    for name in NEW_VILLAGES:
        row = rows[name]
        assert row["name_ar"] and row["variants"], name
        assert row["source"].startswith("Wikipedia ("), name  # the article the coordinates were read from
        assert "°" in row["source"] and '"' in row["source"], name
        assert row["precision"] in ("point", "region") and 2 <= float(row["radius_km"]) <= 10, name
        assert (
            row["country"] == "SYR" and south < float(row["lat"]) < north and west < float(row["lon"]) < east
        )


def test_every_alias_names_a_place_once_and_no_name_twice() -> None:
    rows = _rows("aliases.csv")
    assert len({r["geonameid"] for r in rows}) == len(rows)
    for row in rows:
        spellings = row["variants"].split("|")
        assert len(spellings) == len(set(spellings)), row["geonameid"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Damascus and the Ghouta, behind the proclitics and locatives of the news
        (
            "قصفت قوات النظام حي جوبر والقابون وزملكا وعربين وسقبا",
            ["Jobar", "Qaboun", "Zamalka", "Arbin", "Saqba"],
        ),
        (
            "Airstrikes hit Jobar, Qaboun, Zamalka, Arbin and Saqba",
            ["Jobar", "Qaboun", "Zamalka", "Arbin", "Saqba"],
        ),
        ("دخلت قوافل المساعدات إلى معضمية الشام وبالمعضمية", ["Moadamiyat al-Sham", "Moadamiyat al-Sham"]),
        ("the siege of Moadamiyeh ended", ["Moadamiyat al-Sham"]),
        ("انفجار في حي المزة وكفرسوسة بدمشق", ["Mezzeh", "Kafr Sousa", "Damascus"]),
        ("a car bomb in Sayyida Zeinab", ["Sayyidah Zaynab"]),
        ("Israeli missiles hit Damascus International Airport", ["Damascus International Airport"]),
        # air bases
        ("استهدف العدوان مطار التيفور العسكري", ["Tiyas airbase (T4)"]),
        (
            "Israeli jets struck the T4 airbase and the Shayrat air base",
            ["Tiyas airbase (T4)", "Shayrat airbase"],
        ),
        ("Tomahawk missiles hit Shayrat airfield", ["Shayrat airbase"]),
        ("the army broke the siege of the Kuweires airbase", ["Kuweires airbase"]),
        ("وصلت القوات إلى مطار كويرس", ["Kuweires airbase"]),
        ("YPG fighters took the Menagh air base", ["Menagh airbase"]),
        ("Turkish troops set up a post at the Taftanaz airbase", ["Taftanaz airbase"]),
        ("انفجارات في مطار حماة العسكري", ["Hama Military Airport"]),
        ("the army retook the Jirah air base", ["Jirah airbase"]),
        ("قطع طريق أثريا خناصر", ["Ithriya", "Khanasir"]),
        ("Rebels stormed Adra industrial city", ["Adra"]),
        ("هجوم على الكبانة في جبل الأكراد", ["Kabani", "Jabal al-Akrad"]),
        # the desert, the Euphrates and the borders
        ("the US garrison at al-Tanf", ["al-Tanf"]),
        ("قوات التحالف في قاعدة التنف", ["al-Tanf"]),
        ("SDF fighters captured Baghouz, the last IS pocket", ["Baghuz"]),
        ("معارك في الباغوز فوقاني", ["Baghuz"]),
        ("US strikes near Khasham", ["Khasham"]),
        ("the SDF took the Tabqa Dam", ["Tabqa Dam"]),
        ("Hezbollah fired at the Shebaa Farms", ["Shebaa Farms"]),
        ("قصف على مزارع شبعا", ["Shebaa Farms"]),
        ("trucks crossed at Bab al-Salameh", ["Bab al-Salameh"]),
        # GeoNames places under the name and spelling of the news (aliases.csv)
        ("عائلات مخيم الهول", ["al-Hol"]),
        ("the al-Hol camp", ["al-Hol"]),
        ("the village of Taldou", ["Taldou"]),
        ("clashes in Daraa al-Balad", ["Daraa"]),
        ("اتفاق التسوية في درعا البلد", ["Daraa"]),
        ("the army took Abu al-Duhur airbase", ["Abu al-Duhur"]),
        ("Rebels advanced on Kinsabba", ["Kinsabba"]),
    ],
)
def test_war_places_are_found_in_sentences(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert names(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اشتباكات في بلدة كسب", ["Kassab"]),  # كسب is also "to win"
        ("دخلت القوات مدينة الطبقة", ["al-Tabqa"]),  # الطبقة is also "the class"
        ("the town of Yalda", ["Yalda"]),  # Yalda is also a given name
        ("غارات على بلدة الحراك", ["al-Hirak"]),  # الحراك is also "the movement"
        ("مطار الشعيرات", ["Shayrat airbase"]),  # الشعيرات alone is also "the capillaries"
    ],
)
def test_a_war_place_that_is_a_common_word_is_a_place_after_a_locative(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert names(gaz, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "يسعى الرئيس إلى كسب الوقت",
        "تراجع دخل الطبقة الوسطى",
        "دعم الحراك الشعبي السلمي",
        "تضرر الشعيرات الدموية",
        "قنوات التواصل بين الطرفين",
        "خلال الزيارة الرسمية",
        "نحن بصدد إعداد تقرير",
        "فقدان الضمير العالمي",
        "أكبر مدن القارة الأفريقية",
        "تمثال أبو الهول",
        "قانون التبني",
        "Yalda Hakim reported on Monday",
    ],
)
def test_common_words_are_no_new_places(gaz: Gazetteer, text: str) -> None:
    assert names(gaz, text) == []


def test_geonames_places_without_arabic_get_the_name_of_the_news(gaz: Gazetteer) -> None:
    for arabic, english in [
        ("الهول", "al-Hol"),
        ("كسب", "Kassab"),
        ("الضمير", "al-Dumayr"),
        ("التريمسة", "Tremseh"),
    ]:
        entries = gaz.lookup(arabic)
        assert entries and entries[0].name == english, arabic
        assert entries[0].geonameid, arabic  # the GeoNames point, not a new hand-kept one


# --- second pass (issue 8, places 11) ----------------------------------------------------------------

#: the rows the second pass added to villages.csv, with the box of their country (Syria's, or Jordan's
#: north for the Zaatari camp: GeoNames' extent of Mafraq governorate, rounded outwards)
NEW_VILLAGES_2 = {
    "Tishrin Dam": SYRIA_BOX,
    "Beit Sawa": SYRIA_BOX,
    "Zaatari camp": (31.5, 32.8, 35.8, 39.4),
}


def test_second_pass_rows_are_well_formed_sourced_and_in_their_country() -> None:
    rows = {r["name"]: r for r in _rows("villages.csv")}
    assert set(rows) >= set(NEW_VILLAGES_2)
    for name, (south, north, west, east) in NEW_VILLAGES_2.items():
        row = rows[name]
        assert row["name_ar"] and row["variants"], name
        assert row["source"].startswith("Wikipedia ("), name
        assert "°" in row["source"] and '"' in row["source"], name
        assert row["precision"] == "point" and 2 <= float(row["radius_km"]) <= 10, name
        assert south < float(row["lat"]) < north and west < float(row["lon"]) < east, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # new hand-kept places
        ("SDF fighters took the Tishreen Dam on the Euphrates", ["Tishrin Dam"]),
        ("اشتباكات في محيط سد تشرين", ["Tishrin Dam"]),
        ("a massacre in Beit Sawa in the Eastern Ghouta", ["Beit Sawa", "Eastern Ghouta"]),
        ("غارات على بلدة بيت سوى", ["Beit Sawa"]),
        ("Syrian refugees returned from the Zaatari camp", ["Zaatari camp"]),
        ("عائلات في مخيم الزعتري", ["Zaatari camp"]),
        # GeoNames places under the spelling of the news (aliases.csv, villages.csv variants)
        ("an arms depot in Qatifah, north-east of Damascus", ["Al Qutayfah", "Damascus"]),
        ("قصف على مدينة السقيلبية", ["As Suqaylibiyah"]),
        ("shelling of al-Suqaylabiyah", ["As Suqaylibiyah"]),
        ("raids on Heish and Maar Shamsheh", ["Hish", "Maar Shamshah"]),
        ("the army entered al-Tamanaah", ["al-Tamanah"]),
        ("rebels shelled Foah and Kefraya", ["al-Fu'ah", "Kafriya"]),
        ("أعلن الحوثيون استهداف مطار أبها الدولي", ["Abha"]),
    ],
)
def test_second_pass_places_are_found_in_sentences(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert names(gaz, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zaatari said the talks had failed",  # a surname: the camp needs "camp" or a locative
        "قال النائب عبد الله الزعتري إن",  # الزعتري alone is a surname
        "سرت الهدنة منتصف الليل",  # سرت is "took effect", not Sirte: no Arabic name added for it
        "أبها",  # a stopname alone; only "مطار أبها" is the airport
    ],
)
def test_second_pass_common_words_and_surnames_are_no_places(gaz: Gazetteer, text: str) -> None:
    assert names(gaz, text) == []


# --- third pass (places 12): venues of talks in the spelling of the Arabic news, a Daraa town -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يلتقي الرئيس الروسي اليوم في سانت بطرسبورغ نظيره التركي", ["Saint Petersburg"]),
        ("Putin will meet Erdogan in St Petersburg on Tuesday", ["Saint Petersburg"]),
        ('بيان مشترك على هامش قمة "آبيك" في دانانغ الفيتنامية', ["Da Nang"]),
        ("a joint statement on the sidelines of the APEC summit in Danang", ["Da Nang"]),
        # a Daraa town the news names, with its Arabic Wikipedia article's coordinates (villages.csv)
        ("أخرج الأهالي في بلدتي إبطع وداعل المسلحين", ["Ibta", "Dail"]),
        ("residents of the towns of Ibta and Dael expelled the gunmen", ["Ibta", "Dail"]),
    ],
)
def test_third_pass_venues_are_found_in_their_news_spelling(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert names(gaz, text) == expected
