"""Rounds and sessions of negotiation as Arabic local news writes them ("جولة تفاوض", "جولة تفاوضية", "جلسة
تفاوض"), and a civic building that is only where talks were held ("عقدت في مبنى مجلس المدينة", "at the city council
building"): the talks are events, the council is no party of civic life keeping them out of the war (issue 7).
Each text is written for the test in the styles of Arabic local pages and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.extract import Resources, extract_article
from timeline.model import Article

PUB = datetime(2021, 8, 12, 11, 0)  # a Thursday


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def talks(res: Resources, text: str) -> list[tuple[str, str]]:
    lang = "en" if text[:30].isascii() else "ar"
    found = [e.to_row() for e in extract_article(Article("t.txt", text, "", PUB, lang), res)]
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
