"""A battle named with its place or its date is fighting ("منذ معركة عرسال في الثاني من آب", "the battle of Arsal on
August 2", "المعركة التي أطلقتها الفصائل أواخر تموز في ريف حماة"); a battle of politics, courts, elections, corruption
or a disease is none. An infiltration, or an attempt at one, is fighting too ("thwarted a Hezbollah infiltration
attempt on the slopes of Mount Dov", "أحبط الجيش محاولة تسلل"). Rules on the kind, both languages, with texts
written for the test in the styles of Lebanese and Syrian outlets and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def _rows(res: Resources, text: str, day: datetime) -> list[dict]:
    lang = "en" if text.isascii() else "ar"
    return article_rows(res, text, day, lang=lang)


@pytest.mark.parametrize(
    ("text", "day", "place"),
    [
        (
            "أعدمت جبهة النصرة مساء أمس الجمعة الجندي علي البزال، أحد العسكريين المخطوفين لديها منذ معركة عرسال في "
            "الثاني من آب الماضي.",
            "2014-08-02",
            "Aarsal",
        ),
        (
            "Nusra executed soldier Ali al-Bazzal on Friday, one of the servicemen it has held since the battle of "
            "Arsal on August 2.",
            "2014-08-02",
            "Aarsal",
        ),
        (
            "وكانت الحركة من أبرز الفصائل المشاركة في المعركة التي أطلقتها الفصائل أواخر تموز الماضي في ريف حماة "
            "الشمالي.",
            "2014-07-21",
            "northern Hama countryside",
        ),
        (
            "Rebels said the battle for Morek began on Tuesday with an assault on the army's checkpoints.",
            "2014-12-02",
            "Murak",
        ),
    ],
)
def test_a_battle_with_its_place_and_date_is_fighting(
    res: Resources, text: str, day: str, place: str
) -> None:
    found = [r for r in _rows(res, text, datetime(2014, 12, 6, 10)) if r["type"] == "offensive"]
    assert any(r["date_start"] == day and place in [p["name"] for p in r["places"]] for r in found), found


@pytest.mark.parametrize(
    "text",
    [
        "He said the battle against corruption in Damascus would go on.",
        "The Kurdish party in Qamishli faces a legal battle on Monday.",
        "The president said the political battle in Beirut was far from over.",
        "قال إن معركة مكافحة الفساد في دمشق مستمرة.",
        "خاض الحزب معركة انتخابية شرسة في بيروت أمس.",
        "ووصف أحد الباعة في حلب ما يجري بأنه معركة على لقمة العيش.",
    ],
)
def test_a_battle_of_politics_courts_or_bread_is_no_fighting(res: Resources, text: str) -> None:
    assert [r for r in _rows(res, text, datetime(2014, 12, 6, 10)) if r["type"] == "offensive"] == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Last week the IDF said it had thwarted a Hezbollah infiltration attempt on the slopes of Mount Dov.",
            "LBNHEZ",
        ),
        ("Militants infiltrated the village of Mahin in early November, the army said.", ""),
        ("وأحبط الجيش الأردني فجر اليوم محاولة تسلل من الأراضي السورية قرب الرمثا.", "JOR"),
        ("وكان مسلحو داعش قد تسللوا إلى قرية مهين مطلع الشهر الجاري.", "SYRISI"),
    ],
)
def test_an_infiltration_or_an_attempt_at_one_is_fighting(res: Resources, text: str, actor: str) -> None:
    found = [r for r in _rows(res, text, datetime(2015, 11, 24, 10)) if r["type"] == "offensive"]
    assert found, text
    assert not actor or actor in [a["code"] for r in found for a in r["actors"]], found


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian army captured Maarat al-Numan on 28 January 2020, the first time it had held the city since the "
        "battle of 2012.",
        "سيطرت قوات النظام على معرة النعمان يوم 28 كانون الثاني 2020، وهي المرة الأولى التي تسيطر فيها على المدينة "
        "منذ معركة عام 2012.",
    ],
)
def test_a_battle_a_record_is_measured_from_is_no_event_and_dates_nothing(res: Resources, text: str) -> None:
    found = _rows(res, text, datetime(2020, 1, 29, 10))
    assert [(r["subtype"], r["date_start"]) for r in found] == [("capture", "2020-01-28")], found


@pytest.mark.parametrize(
    "text",
    [
        "Israeli officials believe Hezbollah seeks to open a front on the Golan.",
    ],
)
def test_what_a_side_seeks_to_do_is_no_event(res: Resources, text: str) -> None:
    assert [r for r in _rows(res, text, datetime(2014, 6, 25, 10)) if r["type"] == "offensive"] == []
