"""Where an event happens when its sentence names no place of it: the article's focus (the province the
article names most, then its place named most), "the town" / "البلدة" (the last town named, not a city named
since), and places a claim is only sourced to."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources, extract_article
from timeline.gazetteer import Gazetteer
from timeline.model import Article
from timeline.normalize import fold
from timeline.places import focus_place

PUB = datetime(2020, 2, 10, 13, 38)  # Monday


def _focus(gaz: Gazetteer, *sentences: str) -> str:
    found = focus_place([gaz.find(fold(s)) for s in sentences])
    assert found is not None
    return found.name


@pytest.mark.parametrize(
    "sentences",
    [
        (
            "استأنفت الطائرات غاراتها على ريف إدلب الجنوبي",
            "طالت الغارات مدينة خان شيخون وبلدتي التمانعة وسراقب",
            "بدأ في أنقرة اجتماع لبحث إقامة منطقة آمنة شرق الفرات",
            "وقال أردوغان إن بلاده ستدخل إلى شرق الفرات قريباً",
        ),
        (
            "Warplanes resumed their strikes on the southern Idlib countryside.",
            "The strikes hit Khan Sheikhoun, al-Tamanah and Saraqib.",
            "Turkish and US officers met in Ankara on a safe zone east of the Euphrates.",
            "Erdogan said Turkey would enter the area east of the Euphrates very soon.",
        ),
    ],
)
def test_the_focus_is_in_the_province_named_most(gaz: Gazetteer, sentences: tuple[str, ...]) -> None:
    # four places of Idlib province outweigh one region of another front named twice in a closing paragraph
    assert _focus(gaz, *sentences) == "southern Idlib countryside"


def test_within_the_province_the_place_named_most_is_the_focus(gaz: Gazetteer) -> None:
    assert _focus(gaz, "قصف على سراقب", "اشتباكات في سراقب", "غارة على خان شيخون") == "Saraqib"


@pytest.mark.parametrize(
    "text",
    [
        "Turkish drones hit dozens of Syrian tanks in Idlib province.\n"
        "Turkish artillery has also hit Syrian air-defence systems since Friday, according to Ankara.",
        "ضربت المسيّرات التركية عشرات الدبابات السورية في محافظة إدلب.\n"
        "وقصفت المدفعية التركية منظومات دفاع جوي سورية منذ الجمعة، بحسب أنقرة.",
    ],
)
def test_a_capital_a_claim_is_sourced_to_is_no_place_of_the_event(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    strikes = [e for e in found if e["type"] == "offensive"]
    assert strikes, found
    assert all(p["name"] != "Ankara" for e in strikes for p in e["places"]), strikes


@pytest.mark.parametrize(
    "text",
    [
        "Government forces shelled Saraqib on Sunday.\n"
        "It sits where the M5, the artery linking Aleppo to Damascus, meets the M4, which runs west to Latakia.\n"
        "The town first fell to government forces on Feb. 8 after a weeklong assault.",
        "قصفت قوات النظام مدينة سراقب يوم الأحد.\n"
        "ونزح معظم سكانها إلى حلب واللاذقية ودمشق خلال الأسابيع الماضية.\n"
        "وكانت قوات النظام قد سيطرت على البلدة في الثامن من شباط بعد هجوم استمر أسبوعاً.",
    ],
)
def test_the_town_refers_back_to_the_last_town_not_a_city_named_since(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    fell = [e for e in found if e["date_start"] == "2020-02-08"]
    assert fell, found
    assert [p["name"] for p in fell[0]["places"]] == ["Saraqib"], fell


@pytest.mark.parametrize(
    "text",
    [
        "Russia and the regime resumed their offensive on Idlib on Monday after a ceasefire announced at the "
        "Astana talks in Nur-Sultan, Kazakhstan had failed.",
        "استأنفت قوات النظام هجومها على إدلب يوم الاثنين بعد انهيار هدنة أعلنت خلال محادثات أستانا في نور سلطان.",
    ],
)
def test_where_talks_met_is_no_place_of_the_fighting(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    attacks = [e for e in found if e["type"] == "offensive"]
    assert attacks, found
    assert all(p["country"] == "SYR" for e in attacks for p in e["places"]), attacks


@pytest.mark.parametrize(
    "text",
    [
        "On Monday it was announced that Putin would meet Erdogan in Iran to discuss Idlib.",
        "أعلن الكرملين يوم الاثنين أن بوتين سيلتقي أردوغان في إيران لبحث الوضع في إدلب.",
    ],
)
def test_a_country_after_in_is_the_venue_of_talks_even_when_it_is_a_side(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    talks = [
        e.to_row() for e in extract_article(Article("t.txt", text, "", PUB, lang), res) if e.type == "talks"
    ]
    assert talks and [p["name"] for p in talks[0]["places"]] == ["Iran"], talks


def test_observers_from_a_country_make_it_no_venue(res: Resources) -> None:
    text = "The talks in Nur-Sultan were attended for the first time by observers from Iraq and Lebanon on Friday."
    talks = [
        e.to_row() for e in extract_article(Article("t.txt", text, "", PUB, "en"), res) if e.type == "talks"
    ]
    assert talks and {p["name"] for p in talks[0]["places"]} <= {"Astana"}, talks


@pytest.mark.parametrize(
    "text",
    [
        "Turkish troops have reinforced their posts around Saraqib.\n"
        "Syrian artillery shelled Saraqib on Sunday.\n"
        "Damascus demanded on Monday that Turkey withdraw all its forces from Syria.",
        "عززت القوات التركية نقاطها حول سراقب.\n"
        "وقصفت مدفعية النظام سراقب يوم الأحد.\n"
        "وطالبت دمشق يوم الاثنين تركيا بالانسحاب الكامل من الأراضي السورية.",
    ],
)
def test_the_country_alone_gives_way_to_the_articles_place_in_it(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    demands = [e for e in found if e["type"] == "ultimatum"]
    assert demands, found
    assert [p["name"] for p in demands[0]["places"]] == ["Saraqib"], demands
