"""An event told as what another is dated from ("hours after rebels attacked the Kabani hills", "بعد ساعات من هجوم
شنته الفصائل") is a happening of its own, even when both fall on the same day: two attacks, each with its own side
and place, never one merged attack. A rule on the kind (offsets of hours or minutes, after or before), in English and
Arabic; each text is written for the test in the styles of wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2016, 6, 14, 10, 0)


def attacks(res: Resources, text: str) -> list[dict]:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    return [r for r in found if r["type"] == "offensive"]


SAME_DAY_PAIRS = [
    (
        "Russian jets struck villages near Jisr al-Shughur overnight, hours after rebels attacked government "
        "positions in the Kabani hills in northern Latakia.",
        ("RUSMIL", "Jisr al-Shughur"),
        ("SYRREB", "Kabani"),
    ),
    (
        "Government artillery shelled Kafr Nabl on Monday, minutes after rebels fired rockets at Khan Shaykhun.",
        ("SYRMIL", "Kafr Nabl"),
        ("SYRREB", "Khan Sheikhoun"),
    ),
    (
        "وقال ناشطون إن الطائرات الروسية قصفت ليل أمس قرى في ريف جسر الشغور، بعد ساعات من هجوم شنته فصائل المعارضة "
        "على مواقع للنظام في تلال الكبانة بريف اللاذقية الشمالي.",
        ("RUSMIL", "Jisr al-Shughur"),
        ("SYRREB", "Kabani"),
    ),
    (
        "قصفت قوات النظام بلدة كفرنبل أمس الاثنين، بعد دقائق من استهداف فصائل المعارضة مدينة خان شيخون بالصواريخ.",
        ("SYRMIL", "Kafr Nabl"),
        ("SYRREB", "Khan Sheikhoun"),
    ),
]


@pytest.mark.parametrize(("text", "main", "anchor"), SAME_DAY_PAIRS)
def test_an_attack_hours_after_another_is_a_second_attack(
    res: Resources, text: str, main: tuple[str, str], anchor: tuple[str, str]
) -> None:
    found = attacks(res, text)
    assert len(found) == 2, found
    for code, place in (main, anchor):
        assert any(
            code in [a["code"] for a in r["actors"] if a["role"] == "initiator"]
            and place in [p["name"] for p in r["places"]]
            for r in found
        ), (code, place, found)


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets struck Saraqib on Monday, hitting a market and killing 12 civilians.",
        "قصفت الطائرات الروسية مدينة سراقب أمس الاثنين، واستهدفت سوقاً شعبية ما أدى إلى مقتل 12 مدنياً.",
    ],
)
def test_one_attack_told_in_two_clauses_stays_one(res: Resources, text: str) -> None:
    assert len(attacks(res, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish fighters said Tuesday they had driven Islamic State militants from the last districts of Hasakah, "
        "five weeks after the group stormed its southern neighbourhoods on June 25.",
        "Government forces said Tuesday they had recaptured Palmyra, a month after Islamic State fighters stormed the "
        "city on June 25.",
    ],
)
def test_the_date_inside_an_anchor_dates_the_anchor_not_the_event_before_it(
    res: Resources, text: str
) -> None:
    found = article_rows(res, text, datetime(2015, 7, 29, 10), lang="en")
    days = sorted(r["date_start"] for r in found if r["type"] == "offensive")
    assert len(days) == 2 and days[0] == "2015-06-25" and days[1] >= "2015-07-25", found


@pytest.mark.parametrize(
    "text",
    [
        "ويأتي ذلك بعد ثلاثة أيام من غارة نفذتها مقاتلات سورية على منطقة وادي الخيل في جرود عرسال.",
        "This comes three days after Syrian jets struck Wadi al-Kheil in the barrens of Arsal.",
    ],
)
def test_an_attack_after_the_link_word_of_this_comes_is_dated_back_from_today(
    res: Resources, text: str
) -> None:
    lang = "en" if text.isascii() else "ar"
    found = article_rows(res, text, datetime(2013, 3, 21, 10), lang=lang)
    assert [r["date_start"] for r in found if r["type"] == "offensive"] == ["2013-03-18"], found


@pytest.mark.parametrize(
    ("text", "etype", "day"),
    [
        ("قصفت الطائرات مدينة تدمر غداة سيطرة تنظيم داعش عليها.", "offensive", ["2015-05-21", "2015-05-22"]),
        ("وجاء ذلك غداة سيطرة تنظيم داعش على مدينة تدمر الأثرية.", "offensive", ["2015-05-21"]),
        ("وتأتي هذه التطورات عشية اجتماع دولي موسع في فيينا.", "talks", ["2015-05-23"]),
        ("استهدفت غارات روسية بلدة كفرنبل عشية القمة الثلاثية في أنقرة.", "talks", ["2015-05-23"]),
    ],
)
def test_the_day_after_and_the_eve_of_another_event_are_a_day_apart(
    res: Resources, text: str, etype: str, day: list[str]
) -> None:
    found = article_rows(res, text, datetime(2015, 5, 22, 10), lang="ar")
    assert sorted(r["date_start"] for r in found if r["type"] == etype) == day, found
