"""Rounds and sessions of negotiation as Arabic local news writes them ("جولة تفاوض", "جولة تفاوضية", "جلسة
تفاوض"), and a civic building that is only where talks were held ("عقدت في مبنى مجلس المدينة", "at the city council
building"): the talks are events, the council is no party of civic life keeping them out of the war (issue 7).
Each text is written for the test in the styles of Arabic local pages and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources, extract_article
from timeline.model import Article

PUB = datetime(2021, 8, 12, 11, 0)  # a Thursday


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def talks(res: Resources, text: str) -> list[tuple[str, str]]:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    return [(r["date_start"], r["status"]) for r in found if r["type"] == "talks"]


ROUNDS = [
    ("عقدت اللجنة المركزية جلسة تفاوض مع الضباط الروس يوم الأربعاء في درعا المحطة.", "occurred"),
    ("انتهت جولة تفاوضية جديدة بين وجهاء درعا والضباط الروس يوم الأربعاء دون اتفاق.", "failed"),
    ("انهارت جولة تفاوض جديدة عقدت الأربعاء في درعا المحطة.", "failed"),
]


@pytest.mark.parametrize(("text", "status"), ROUNDS)
def test_a_round_or_session_of_negotiation_is_talks(res, text, status):
    assert talks(res, text) == [("2021-08-11", status)]


AT_THE_COUNCIL = [
    "قصفت قوات الفرقة الرابعة، فجر الخميس، أحياء درعا البلد، وذلك بعد ساعات من انهيار جولة تفاوض جديدة عقدت "
    "الأربعاء في مبنى مجلس المدينة في درعا المحطة.",
    "Local notables and Russian officers held a new round of talks on Wednesday at the city council building in "
    "Daraa.",
]


@pytest.mark.parametrize("text", AT_THE_COUNCIL)
def test_talks_held_at_a_civic_building_are_talks_of_the_war(res, text):
    assert [day for day, _ in talks(res, text)] == ["2021-08-11"]


def test_a_councils_own_deadline_to_vendors_is_still_no_event(res):
    text = "أمهل مجلس مدينة حلب أصحاب البسطات في الأسواق أسبوعاً لإزالتها، بحسب بيان يوم الأربعاء."
    lang = "ar"
    assert not list(extract_article(Article("t.txt", text, "", PUB, lang), res))


# --- how long a round lasted is no day before it ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "اختتمت أمس الأربعاء في نور سلطان الجولة السادسة عشرة من محادثات أستانا، بعد يومين من المشاورات.",
        "انتهت يوم الأربعاء في جنيف جولة المفاوضات السورية بعد ثلاثة أيام من المحادثات.",
    ],
)
def test_after_days_of_talks_after_an_ending_verb_is_how_long_they_lasted(res, text):
    # the round ended on Wednesday; no second round two or three days before it
    assert [day for day, _ in talks(res, text)] == ["2021-08-11"]


def test_days_after_other_talks_still_count_back(res):
    text = "Turkish jets struck Tal Rifaat on Wednesday, two days after the talks in Ankara."
    assert ("2021-08-09", "occurred") in talks(res, text)


# --- the next round ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "واتفقت روسيا وتركيا وإيران يوم الأربعاء على عقد الجولة المقبلة في نور سلطان قبل نهاية العام.",
    ],
)
def test_the_next_round_agreed_on_is_planned_talks(res, text):
    assert [status for _, status in talks(res, text)] == ["planned"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال المبعوث الأممي يوم الأربعاء إنه لا يستطيع تحديد موعد للجولة المقبلة من المحادثات في جنيف.",
        "ولم يحدد موعد للجولة المقبلة من المفاوضات بين الحكومة والمعارضة في جنيف.",
        "No date has been set for the next round of talks in Geneva, the UN envoy said on Wednesday.",
        "The UN envoy said on Wednesday he could not set a date for the next round of talks in Geneva.",
    ],
)
def test_a_round_with_no_date_set_is_no_talks(res, text):
    assert talks(res, text) == []


def test_a_round_with_its_date_set_is_planned(res):
    text = "The next round of talks in Geneva will open on August 20, the UN envoy said on Wednesday."
    assert talks(res, text) == [("2021-08-20", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "Peskov said on Wednesday there were no plans for a telephone conversation between Putin and Erdogan.",
        "The Kremlin said on Wednesday that Putin has no plans to attend the summit in Istanbul.",
        "وأعلن الكرملين يوم الأربعاء أن لا خطط لدى بوتين حاليًا للمشاركة في قمة مع أردوغان.",
        "وقال الكرملين يوم الأربعاء إن بوتين ليس لديه خطط لحضور القمة في إسطنبول.",
    ],
)
def test_talks_with_no_plans_for_them_are_no_talks(res, text):
    assert talks(res, text) == []


def test_talks_someone_plans_are_planned(res):
    text = "The Kremlin said on Wednesday that Putin plans to meet Erdogan in Moscow on Friday."
    assert talks(res, text) == [("2021-08-13", "planned")]
