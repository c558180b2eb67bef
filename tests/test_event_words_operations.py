"""A named or new operation launched is an offensive ('launched "Operation Ashura"', 'أطلق الجيش العراقي عملية
"عاشوراء"', 'أعلن الجيش بدء معركة تحرير الموصل'); a peace, political or evacuation process launched is none.
Iraq's leaders and militias are known to the actor lexicon ("Haider al-Abadi met ...", "هدد هادي العامري ...").
Texts written for the test in the styles of think-tank notes, Iraqi agencies and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2014, 10, 28, 10)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        'On Friday, October 24, Iraqi army units and Shia militias launched "Operation Ashura" to retake Jurf al-Sakhar.',
        "Iraqi forces kicked off a new operation against the Islamic State near Baiji on Friday.",
        'أطلق الجيش العراقي وفصائل الحشد الشعبي يوم الجمعة عملية "عاشوراء" لاستعادة جرف الصخر.',
        "أعلن الجيش العراقي يوم الجمعة بدء معركة تحرير بيجي.",
    ],
)
def test_an_operation_launched_is_an_offensive_on_its_day(res: Resources, text: str) -> None:
    offensives = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [r["date_start"] for r in offensives] == ["2014-10-24"], offensives


@pytest.mark.parametrize(
    "text",
    [
        "The government launched a political process with the tribes on Friday.",
        "أطلقت الحكومة العراقية يوم الجمعة عملية سياسية جديدة مع العشائر.",
        "أطلقت الأمم المتحدة يوم الجمعة عملية إجلاء للمدنيين من بيجي.",
    ],
)
def test_a_process_launched_is_no_offensive(res: Resources, text: str) -> None:
    assert [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Prime Minister Haider al-Abadi met Anbar tribal leaders in Baghdad last Thursday.", "IRQ"),
        ("التقى رئيس الوزراء العراقي حيدر العبادي شيوخ عشائر الأنبار في بغداد يوم الخميس الماضي.", "IRQ"),
        (
            "On Sunday, Badr Organization leader Hadi al-Amiri warned that the militias would strike back.",
            "IRQ",
        ),
        ("وهدد الأمين العام لمنظمة بدر هادي العامري يوم الأحد بالرد على أي هجوم.", "IRQ"),
    ],
)
def test_iraqi_leaders_and_militias_are_parties(res: Resources, text: str, code: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] in ("talks", "ultimatum")]
    assert rows and code in {a["code"][:3] for a in rows[0]["actors"]}, rows


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi commanders declared Jurf al-Sakhar fully liberated on Saturday.",
        "The Joint Operations Command declared the town of Jurf al-Sakhar cleared on Saturday.",
        "أعلنت قيادة العمليات المشتركة يوم السبت تحرير جرف الصخر بالكامل.",
        "أعلنت القوات العراقية يوم السبت استعادة بلدة جرف الصخر.",
    ],
)
def test_a_town_declared_liberated_is_a_capture(res: Resources, text: str) -> None:
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [(r["subtype"], r["date_start"]) for r in rows] == [("capture", "2014-10-25")], rows


def test_the_start_of_a_battle_of_liberation_is_no_capture(res: Resources) -> None:
    rows = article_rows(res, "أعلن الجيش العراقي يوم الجمعة بدء معركة تحرير بيجي.", PUB)
    assert "capture" not in [r["subtype"] for r in rows], rows


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن رئيس الوزراء أحمد داود أوغلو تفاصيل العملية في مؤتمر صحافي صباح اليوم.",
        "Prime Minister Ahmet Davutoglu announced the details of the operation at a news conference on Tuesday.",
    ],
)
def test_details_of_an_operation_announced_are_no_new_operation(res: Resources, text: str) -> None:
    assert [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"] == []
