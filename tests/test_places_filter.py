"""What is not an event place: datelines in their common forms, people named like villages, common
nouns, far-away villages without a strong signal; and transliteration variants that are one place."""

from __future__ import annotations

import pytest

from timeline.actors import ActorLexicon
from timeline.gazetteer import Gazetteer
from timeline.gazetteer.names import (
    article_variants,
    ascii_name,
    generic_variants,
    name_key,
    spelling_variants,
)
from timeline.normalize import fold, normalize
from timeline.places import article_places, is_dateline


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(user=False)


def _names(gaz: Gazetteer, text: str) -> set[str]:
    """The names of the places the gazetteer finds in ``text``."""
    return {e.name for m in gaz.find(fold(text)) for e in m.entries}


@pytest.fixture(scope="module")
def actors() -> ActorLexicon:
    return ActorLexicon.load()


def kept(gaz: Gazetteer, text: str) -> list[tuple[str, bool]]:
    folded = fold(text)
    return [(folded[m.start : m.end], is_dateline(folded, m)) for m in gaz.find(folded)]


def places_of(gaz: Gazetteer, actors: ActorLexicon, *sentences: str) -> list[list[str]]:
    found = article_places([normalize(s) for s in sentences], gaz, actors)
    return [[e.name for pm in ms for e in pm.entries] for ms in found]


# --- datelines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("ANKARA, Turkey (AP) — Turkish troops shelled Saraqib on Monday.", {"ankara", "turkey"}),
        ("BEIRUT (Reuters) - Syrian forces took Saraqib.", {"beirut"}),
        ("موسكو - وكالات: قصفت الطائرات الروسية سراقب.", {"موسكو"}),
        ("إدلب - سمارت", {"ادلب"}),
        ("Moscow, March 5 (TASS) Russia and Turkey agreed on a ceasefire in Idlib.", {"moscow"}),
        ("موسكو، 5 آذار (تاس) اتفقت روسيا وتركيا على وقف إطلاق النار في إدلب", {"موسكو"}),
        ("دمشق/ سانا: قصف على سراقب", {"دمشق"}),
        # a dateline of two cities
        ("BEIRUT/ANKARA (Reuters) - A ceasefire in Idlib largely held on Friday.", {"beirut", "ankara"}),
        ("بيروت/أنقرة (رويترز) - صمد وقف إطلاق النار في إدلب يوم الجمعة.", {"بيروت", "انقره"}),
    ],
)
def test_datelines_are_not_event_places(gaz: Gazetteer, text: str, dateline: set[str]) -> None:
    hits = kept(gaz, text)
    assert {name for name, is_dl in hits if is_dl} == dateline
    assert all(not is_dl for name, is_dl in hits if name not in dateline)  # the body's places stay


@pytest.mark.parametrize(
    "text",
    [
        "Saraqib (Idlib) was shelled on Monday.",
        "Idlib, Saraqib and Ariha were shelled.",
        "Ankara and Moscow agreed to a ceasefire.",
        "قصفت الطائرات سراقب - وفق ناشطين - صباح اليوم",
    ],
)
def test_places_opening_a_sentence_are_not_datelines(gaz: Gazetteer, text: str) -> None:
    assert not any(is_dl for _, is_dl in kept(gaz, text))


# --- people and common nouns --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "AKP spokesman Omer Celik said the talks would go on.",
        "قال العميد عمر إن الهجوم بدأ",
        "أصيب الطفل أمير بجروح",
    ],
)
def test_names_after_a_person_title_are_not_places(gaz: Gazetteer, text: str) -> None:
    assert all(name in {"ادلب"} for name, _ in kept(gaz, text))


def test_common_noun_is_a_place_only_after_a_locative(gaz: Gazetteer) -> None:
    assert not kept(gaz, "سيطرت الفصائل على المزرعة بعد اشتباكات")
    assert [n for n, _ in kept(gaz, "سيطرت الفصائل على قرية المزرعة")] == ["المزرعه"]


def test_surnames_by_capitalisation(gaz: Gazetteer, actors: ActorLexicon) -> None:
    got = places_of(
        gaz,
        actors,
        "Turkish troops shelled Saraqib on Monday.",
        "Mehmet Aksoy and Omer Celik spoke to reporters in Idlib.",
    )
    assert got == [["Saraqib"], ["Idlib"]]


def test_a_far_village_needs_a_strong_signal(gaz: Gazetteer, actors: ActorLexicon) -> None:
    # Omer is a village in Israel, 600 km from an article about Idlib
    far = places_of(gaz, actors, "Syrian forces shelled Saraqib.", "Clashes near Omer left two dead.")
    assert far == [["Saraqib"], []]
    strong = places_of(gaz, actors, "Syrian forces shelled Saraqib.", "Clashes near the village of Omer.")
    assert strong == [["Saraqib"], ["Omer"]]
    alone = places_of(gaz, actors, "Clashes near Omer left two dead.")  # no area to compare with
    assert alone == [["Omer"]]


def test_a_village_named_like_a_foreign_city_is_not_that_city(gaz: Gazetteer, actors: ActorLexicon) -> None:
    # Daraa's Saida is not Sidon (Lebanon, 160,000 people): a big foreign city after a village noun, in an
    # article about Syria, is a village the gazetteer lacks; no place is better than a wrong one
    ar = places_of(gaz, actors, "تقدمت قوات النظام في ريف درعا", "غارات روسية على بلدات صيدا والنعيمة")
    assert ar == [["Daraa countryside"], []]
    en = places_of(
        gaz, actors, "Government forces pressed on in Daraa.", "The army entered the village of Saida."
    )
    assert en == [["Daraa"], []]
    # named as a city it stays the city; so does a foreign town said to be foreign
    assert places_of(gaz, actors, "تقدمت قوات النظام في ريف درعا", "وصل الوفد إلى مدينة صيدا")[1] == ["Sidon"]
    kilis = places_of(gaz, actors, "قصف على عفرين", "سقطت صواريخ على بلدتي كلس والريحانية التركيتين")
    assert kilis[1] == ["Kilis", "Reyhanli"]
    assert places_of(gaz, actors, "Shelling hit Afrin.", "Rockets hit the Turkish town of Kilis.")[1] == [
        "Kilis"
    ]


def test_countryside_regions_keep_working(gaz: Gazetteer, actors: ActorLexicon) -> None:
    got = places_of(
        gaz, actors, "قصف مدفعي على ريف إدلب الجنوبي", "Shelling hit the southern Idlib countryside."
    )
    assert got == [["southern Idlib countryside"], ["southern Idlib countryside"]]


# --- transliteration -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["Maarat al-Numan", "Maʿarrat an-Nuʿmān", "Ma'arat Al-Noman", "Maarat Al-Noman", "Maarat el-Numan"],
)
def test_transliterations_of_maarat_al_numan(gaz: Gazetteer, spelling: str) -> None:
    hits = gaz.find(fold(f"Airstrikes hit {spelling} on Monday."))
    assert [e.name for m in hits for e in m.entries] == ["Maarat al-Numan"]


@pytest.mark.parametrize("spelling", ["Sarāqib", "SARAQIB", "Saraqib", "Sarâqib"])
def test_latin_diacritics_fold(gaz: Gazetteer, spelling: str) -> None:
    assert [e.name for m in gaz.find(fold(f"in {spelling} today")) for e in m.entries] == ["Saraqib"]


def test_offsets_hold_after_folding(gaz: Gazetteer) -> None:
    text = fold("Shelling on Maʿarrat an-Nuʿmān.")
    (m,) = gaz.find(text)
    assert text[m.start : m.end] == "maʿarrat an-nuʿmān"


def test_name_helpers() -> None:
    assert ascii_name("Maʿarrat an-Nuʿmān") == "Maarrat an-Numan"
    assert name_key("Ma'arat Al-Noman") == "maarat al noman"
    assert article_variants("Jisr al-Shughur") == ["Jisr el-Shughur", "Jisr ash-Shughur"]
    assert article_variants("Maarat an-Numan") == ["Maarat al-Numan", "Maarat el-Numan"]
    assert article_variants("Saraqib") == []


# --- hand-kept villages ------------------------------------------------------------------------------


def test_hand_kept_villages_have_a_source_and_lie_in_their_governorate(gaz: Gazetteer) -> None:
    import csv

    from timeline.gazetteer import distance_km
    from timeline.resources import data_dir

    path = data_dir() / "gazetteer" / "villages.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) >= 10
    for row in rows:
        assert row["source"].strip(), row["name"]
        # governorates are hand-kept regions (Syria's, Iraq's, Lebanon's, Jordan's, Turkey's border provinces); a
        # row also passes when its nearest GeoNames town of that country lies in the same governorate (Wadi
        # Khaled's nearest town is Syrian: it lies on the border)
        governorates = [
            e
            for e in gaz.lookup(f"{row['admin1']} Governorate") + gaz.lookup(f"{row['admin1']} Province")
            if e.precision == "admin1" and e.country == row["country"]
        ]
        near = gaz.nearest(float(row["lat"]), float(row["lon"]), max_km=25.0, country=row["country"])
        in_country = False
        if row["country"] != "SYR" and near is None:
            # cities500 holds few villages of the neighbours (none within 25 km of the al-Waleed crossing):
            # such a row has to lie within its country's hand-kept region
            names = {"LBN": "Lebanon", "IRQ": "Iraq", "JOR": "Jordan", "TUR": "Turkey"}
            country = [e for e in gaz.lookup(names[row["country"]]) if e.precision == "country"][0]
            in_country = distance_km((float(row["lat"]), float(row["lon"])), country) < country.radius_km
        # a governorate's centre is rough (Krak des Chevaliers lies 148 km west of Homs governorate's):
        # the nearest GeoNames town in the same governorate also places the row in it
        in_governorate = bool(governorates) and distance_km(
            (float(row["lat"]), float(row["lon"])), governorates[0]
        ) < max(90.0, governorates[0].radius_km)  # Homs governorate reaches 140 km into the desert
        assert in_country or in_governorate or (near is not None and near.admin1 == row["admin1"]), row[
            "name"
        ]
        in_village = fold("قرية " + row["name_ar"])  # بليون is also "billion": a place after a locative
        assert [e.name for m in gaz.find(in_village) for e in m.entries] == [row["name"]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("حصار بلدتي الفوعة وكفريا", "al-Fu'ah"),
        ("the siege of al-Fouaa", "al-Fu'ah"),
        ("قصف على تلمنس", "Talmenes"),
    ],
)
def test_villages_the_news_names(gaz: Gazetteer, text: str, name: str) -> None:
    assert [e.name for m in gaz.find(fold(text)) for e in m.entries][0] == name


def test_generic_words_are_indexed_in_each_common_spelling():
    assert generic_variants("Tall Tamr") == ["Tal Tamr", "Tel Tamr", "Tell Tamr"]
    assert "Kfar Nabudah" in generic_variants("Kafr Nabudah")
    assert "Deir Hafir" in spelling_variants("Dayr Hafir")
    assert "Ein al-Arab" in spelling_variants("Ayn al-Arab") and "Ein el-Arab" in spelling_variants(
        "Ayn al-Arab"
    )
    assert generic_variants("Saraqib") == [] and generic_variants("Tal") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Turkish-backed fighters shelled Tal Tamr on Monday.", "Tal Tamr"),
        ("Turkish-backed fighters shelled Tel Tamer on Monday.", "Tal Tamr"),
        ("Regime forces shelled Kfar Nabudah on Monday.", "Kafr Nabudah"),
    ],
)
def test_a_generic_word_spelled_another_way_still_finds_the_place(gaz: Gazetteer, text, place):
    assert place in _names(gaz, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("قصفت المدفعية التركية مدينة سري كانيه فجر اليوم", "Ras al-Ain"),
        ("Turkish drones struck a convoy near Serêkaniyê on Sunday", "Ras al-Ain"),
        ("اشتباكات عنيفة في محيط بلدة كري سبي", "Tal Abyad"),
        ("a Turkish drone struck an SDF vehicle near the town of Derbasiyah", "Darbasiyah"),
        ("وقصفت القوات التركية قرى في ريف ديرك", "Malikiyah"),
    ],
)
def test_kurdish_names_of_north_east_syria_find_their_town(gaz: Gazetteer, text, place):
    assert place in _names(gaz, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("government forces captured the town of Busra al-Jadida", set()),  # not Busra ash-Sham + Jadida
        ("government forces captured the town of Busra al-Harir", {"Busra al-Harir"}),  # a hand-kept village
        ("air strikes hit Maarat al-Numan today", {"Maarat al-Numan"}),
        ("clashes in Idlib, al-Nusra said", {"Idlib"}),
    ],
)
def test_a_name_an_article_phrase_continues_is_no_shorter_place(gaz: Gazetteer, found, text):
    assert _names(gaz, text) == found


@pytest.mark.parametrize(
    "text",
    [
        "At least 33 soldiers were killed in Idlib, Hatay Governor Rahmi Dogan announced.",
        "At least 33 soldiers were killed in Idlib, the governor of Turkey's Hatay province said.",
        "Local notables and the Central Committee of Daraa met Russian officers in the town.",
        "قتل 33 جندياً في إدلب، بحسب ما أعلن محافظ كلس.",
        "وقال رئيس بلدية غازي عنتاب إن 33 جندياً قتلوا في إدلب.",
    ],
)
def test_a_place_naming_an_office_or_body_is_no_place(gaz: Gazetteer, text: str) -> None:
    from timeline.extract.placing import _not_names

    folded = fold(text)
    kept_names = {e.name for pm in _not_names(gaz.find(folded), folded) for e in pm.entries}
    assert not kept_names & {"Antakya", "Kilis", "Gaziantep", "Daraa", "Turkey"}, kept_names


def test_and_to_is_no_vali(gaz: Gazetteer) -> None:
    from timeline.extract.placing import _not_names

    folded = fold("نزح الآلاف من حلب وإلى إدلب")  # folded, وإلى is والي
    assert {e.name for pm in _not_names(gaz.find(folded), folded) for e in pm.entries} == {"Aleppo", "Idlib"}
    assert {
        e.name
        for pm in _not_names(
            gaz.find(fold("Shells fell in Hatay province.")), fold("Shells fell in Hatay province.")
        )
        for e in pm.entries
    } == {"Hatay Province"}
