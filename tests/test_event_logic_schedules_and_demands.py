"""Meetings told in the present with a weekday are scheduled ("As world powers gather for the Geneva II conference in
Montreux on Wednesday", "Lavrov meets Kerry in Paris on Sunday", "تجتمع القوى الكبرى ... يوم الأربعاء", "يلتقي لافروف
نظيره ... يوم الأحد"): the next such day, planned. The talks' own verb ends what they are about ("talks on a full truce
inside the camp are continuing in Damascus": Damascus is the venue). Demands told in the present, the future or
again ("Japan will ask the Syrian government to", "Russia asks Turkey to", "repeated his demand that Assad step
down"). Texts written for the test in the styles of wire copy, NGO releases and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def _rows(res: Resources, text: str, day: datetime) -> list[dict]:
    lang = "en" if text.isascii() else "ar"
    return article_rows(res, text, day, lang=lang)


MONDAY = datetime(2014, 1, 20, 14)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "As world powers gather for the Geneva II conference in Montreux on Wednesday, access must be on the table.",
            "2014-01-22",
        ),
        ("Lavrov meets Kerry in Paris on Sunday to discuss the Syrian crisis.", "2014-01-26"),
        ("The two delegations convene in Astana on Thursday for a new round.", "2014-01-23"),
        (
            "بينما تجتمع القوى الكبرى في مؤتمر جنيف 2 في مونترو يوم الأربعاء، يجب أن يكون وصول المساعدات على الطاولة.",
            "2014-01-22",
        ),
        ("يلتقي لافروف نظيره الأميركي في باريس يوم الأحد لبحث الأزمة السورية.", "2014-01-26"),
    ],
)
def test_a_meeting_told_in_the_present_with_a_weekday_is_the_next_one(
    res: Resources, text: str, day: str
) -> None:
    talks = [r for r in _rows(res, text, MONDAY) if r["type"] == "talks"]
    assert [(r["date_start"], r["status"]) for r in talks] == [(day, "planned")], talks


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov met Kerry in Paris on Sunday to discuss the Syrian crisis.",
        "The regime never meets the demands of the opposition in Geneva, Erdogan said on Tuesday.",
        "وكان لافروف يلتقي نظيره الأميركي في باريس يوم الأحد.",
    ],
)
def test_a_past_meeting_or_a_demand_met_is_not_scheduled(res: Resources, text: str) -> None:
    assert all(r["status"] != "planned" for r in _rows(res, text, MONDAY)), text


@pytest.mark.parametrize(
    ("text", "venue", "about"),
    [
        (
            "Palestinian officials say talks on a full truce in Yarmouk are continuing in Damascus.",
            "Damascus",
            "al-Yarmuk",
        ),
        ("Talks on the situation in Idlib were held in Moscow on Monday.", "Moscow", "Idlib"),
        ("Negotiations over Afrin resumed in Ankara on Monday.", "Ankara", "Afrin"),
    ],
)
def test_the_talks_own_verb_ends_their_topic(res: Resources, text: str, venue: str, about: str) -> None:
    talks = [r for r in _rows(res, text, MONDAY) if r["type"] == "talks"]
    assert talks and venue in [p["name"] for p in talks[0]["places"]], talks
    assert about in [p["name"] for p in talks[0]["about"]], talks


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Japan will ask the Syrian government to investigate the incident, the minister said on Tuesday.",
            "SYRGOV",
        ),
        ("Russia asks Turkey to stop supporting the militants in Idlib.", "TUR"),
        ("Erdogan, meanwhile, repeated his demand that Assad step down.", "SYRGOV"),
        ("Ankara renewed its call for a withdrawal of Syrian forces from Idlib.", ""),
    ],
)
def test_a_demand_told_in_the_present_the_future_or_again_is_a_demand(
    res: Resources, text: str, target: str
) -> None:
    demands = [r for r in _rows(res, text, MONDAY) if r["type"] == "ultimatum"]
    assert [r["subtype"] for r in demands] == ["demand"], demands
    assert not target or target in [a["code"] for a in demands[0]["actors"]], demands
