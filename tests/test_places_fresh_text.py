"""Places as fresh news writes them (issue 8; kinds found on the twenty-first blind batch, news21): a feature word
after a village's name keeps it a place ("Qayyarah West Airfield"); a namesake near a strong place of its own
sentence is the one meant ("Dağlıca in Hakkari's Yüksekova district", "صوران قرب أعزاز"); "here" in wire copy is
the dateline town, and the wires' own agencies close datelines ("NEW DELHI, Jun 19 (PTI)"); a capital a locative
shows as a place is no party ("a car bomb exploded in central Ankara", "وسط أنقرة"); the Qandil Mountains and Iraq's
Hit are known. Texts written for the test in the styles of wire copy, Kurdish, Iraqi and Syrian outlets."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.evaluate import km
from timeline.extract import Resources

PUB = datetime(2016, 7, 10, 10)


def _places(res: Resources, text: str, etype: str = "offensive") -> list[list[tuple[str, float, float]]]:
    return [
        [(p["name"], p["lat"], p["lon"]) for p in r["places"]]
        for r in article_rows(res, text, PUB)
        if r["type"] == etype
    ]


def _near(
    places: list[tuple[str, float, float]], lat: float, lon: float, within: float = 15, name: str = ""
) -> bool:
    return any(km(la, lo, lat, lon) <= within for n, la, lo in places if name in ("", n))


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        (
            "Iraqi Security Forces seized Qayyarah West Airfield on Saturday, July 9, coalition officials said.",
            35.8,
            43.2,
        ),
        ("Kurdish fighters captured Tishrin Dam on Saturday after a week of fighting.", 36.38, 38.18),
    ],
)
def test_a_feature_word_after_a_village_name_keeps_it_a_place(
    res: Resources, text: str, lat: float, lon: float
) -> None:
    found = _places(res, text)
    assert found and _near(found[0], lat, lon, 30), found


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        (
            "The raids followed Sunday's attack near Dağlıca in Hakkari's Yüksekova district, where a roadside bomb "
            "hit a military convoy.",
            37.37,
            44.09,
        ),
        ("Rebels seized the village of Suran near Azaz on Friday.", 36.57, 37.21),
        ("سيطرت فصائل الجيش الحر أمس على قرية صوران قرب مدينة أعزاز في ريف حلب الشمالي.", 36.57, 37.21),
    ],
)
def test_a_namesake_near_a_strong_place_of_its_sentence_is_the_one_meant(
    res: Resources, text: str, lat: float, lon: float
) -> None:
    found = _places(res, text)
    assert found and _near(found[0], lat, lon, 5, name=found[0][0][0]), found


def test_a_namesake_stays_where_its_sentence_puts_it(res: Resources) -> None:
    found = _places(res, "سيطرت قوات النظام أمس على مدينة صوران في ريف حماة الشمالي.")
    assert found and _near(found[0], 35.29, 36.75, 5, name="Suran"), (
        found
    )  # Hama's Suran, not the village by Azaz


def test_here_in_wire_copy_is_the_dateline_town(res: Resources) -> None:
    text = (
        "NEW DELHI, Jun 19 (PTI) India today said all 46 Indian nurses in Tikrit were safe.\n\n"
        "External Affairs Minister Sushma Swaraj met Iraqi Ambassador Ahmed Berwari here yesterday."
    )
    talks = _places(res, text, "talks")
    assert talks and _near(talks[0], 28.61, 77.21, 30), talks


@pytest.mark.parametrize(
    "text",
    [
        "NEW DELHI, Jun 19 (PTI) Militants stormed the Baiji refinery on Wednesday.",
        "TOKYO (Kyodo) -- Militants stormed the Baiji refinery on Wednesday.",
    ],
)
def test_a_wire_agency_closes_the_dateline(res: Resources, text: str) -> None:
    found = _places(res, text)
    assert found and not _near(found[0], 28.61, 77.21, 100) and not _near(found[0], 35.69, 139.69, 100), found


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded in Ankara on March 13.",
        "A car bomb exploded in Kizilay square in central Ankara on March 13.",
        "انفجرت سيارة مفخخة في أنقرة في الثالث عشر من آذار.",
        "انفجرت سيارة مفخخة في ساحة كيزلاي وسط أنقرة في الثالث عشر من آذار.",
    ],
)
def test_a_capital_where_something_happens_is_a_place_and_no_party(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert rows and [p["name"] for p in rows[0]["places"]] == ["Ankara"], rows
    assert not any(a["code"] == "TURGOV" for a in rows[0]["actors"]), rows[0]["actors"]


def test_a_capital_that_speaks_is_still_its_government(res: Resources) -> None:
    rows = [r for r in article_rows(res, "Ankara said Turkish jets struck PKK positions on Monday.", PUB)]
    assert rows and not any(p["name"] == "Ankara" for r in rows for p in r["places"]), rows


@pytest.mark.parametrize(
    "text",
    [
        "Turkish warplanes struck PKK positions in the Qandil mountains overnight on Sunday.",
        "قصفت الطائرات التركية ليل الأحد مواقع لحزب العمال الكردستاني في جبال قنديل.",
    ],
)
def test_the_qandil_mountains_are_known(res: Resources, text: str) -> None:
    found = _places(res, text)
    assert found and _near(found[0], 36.54, 45.0, 25), found


def test_hit_is_a_town_only_after_a_locative(res: Resources) -> None:
    assert _near(
        _places(res, "The Islamic State took the town of Hit in early October 2014.")[0], 33.64, 42.83
    )
    rows = article_rows(res, "Israeli jets hit targets near Quneitra on Saturday.", PUB)
    assert not any(p["country"] == "IRQ" for r in rows for p in r["places"]), rows


@pytest.mark.parametrize(
    "text",
    [
        "وقال النقيب علي التكريتي، من قيادة عمليات سامراء، إن القوات حررت صباح اليوم منطقة البوعجيل شرقي تكريت.",
        "Captain Ali al-Tikriti of the Samarra Operations Command said forces retook Albu Ajil east of Tikrit on "
        "Tuesday.",
    ],
)
def test_a_command_named_after_a_town_puts_nothing_there(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert rows and not any(p["name"] == "Samarra" for p in rows[0]["places"]), rows
    assert _near([(p["name"], p["lat"], p["lon"]) for p in rows[0]["places"]], 34.6, 43.68, 20), rows


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("قصفت الدبابات التركية صباح اليوم أحياء في مدينة جزير بولاية شرناخ.", 37.33, 42.19),
        ("وشنّ الجيش التركي فجر الاثنين عملية عسكرية في بلدة سلوبي المجاورة.", 37.24, 42.46),
        ("انفجرت سيارة مفخخة في بلدة جيلان بينار الحدودية مساء الأحد.", 36.85, 40.06),
    ],
)
def test_turkish_border_towns_are_known_in_arabic(res: Resources, text: str, lat: float, lon: float) -> None:
    found = _places(res, text)
    assert found and _near(found[0], lat, lon), found


def test_an_island_is_no_turkish_town(res: Resources) -> None:
    rows = article_rows(res, "قصفت الطائرات الحربية جزيرة في نهر الفرات صباح اليوم.", PUB)
    assert not any(p["country"] == "TUR" for r in rows for p in r["places"]), rows


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("وردّ جيش الاحتلال بقصف أطراف مارون الراس وعيترون ويارون بأكثر من مئة قذيفة.", 33.08, 35.42),
        ("Israeli artillery shelled the outskirts of Maroun al-Ras and Aitaroun on Sunday.", 33.08, 35.42),
        ("قصفت المدفعية الإسرائيلية أطراف بلدة الخيام صباح اليوم.", 33.33, 35.61),
        ("Iraqi forces and militias retook Jurf al-Sakhar on Saturday.", 32.87, 44.21),
    ],
)
def test_border_villages_of_lebanon_and_iraqi_towns_are_known(
    res: Resources, text: str, lat: float, lon: float
) -> None:
    found = _places(res, text)
    assert found and _near(found[0], lat, lon, 5), found


@pytest.mark.parametrize(
    "text",
    [
        "غمرت السيول مئات الخيام في مخيمات أطمة أمس.",
        "وأكد أن القصف لعب الدور الأكبر في تهجير السكان.",
        "واتخذت الحكومة جملة من الإجراءات بعد القصف أمس.",
    ],
)
def test_words_that_name_villages_only_after_a_locative(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert not any(
        p["country"] in ("LBN", "IRQ") or p["name"] == "Jamla" for r in rows for p in r["places"]
    ), rows


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("قصفت الطائرات الروسية بلدة ربيعة في ريف اللاذقية الشمالي أمس.", "SYR"),
        (
            "قصفت الطائرات الروسية بلدة ربيعة أمس. وتقدمت قوات النظام في ريف اللاذقية الشمالي قرب جبل الأكراد.",
            "SYR",
        ),
        ("Kurdish Peshmerga forces retook the border town of Rabia from IS near Mosul on Thursday.", "IRQ"),
    ],
)
def test_rabia_is_the_one_its_article_is_about(res: Resources, text: str, country: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [p["country"] for p in rows[0]["places"] if p["name"] == "Rabia"] == [country], rows
