"""Kinds of the eighteenth blind batch's developed-on part (issue 7), each as a rule on its whole kind, in Arabic and
English (texts written for the test in the styles of Arabic agency and wire reports, published Wednesday 17 April 2019):

* "بحث X مع Y" with long names for X (a title, then a full name) is talks, and a venue and a day right after the names
  ("في دمشق أمس الثلاثاء") are the venue and day, not the topic;
* the city of the next leg of a trip ("before heading to Ankara, where he will meet ...", "قبل أن يتوجه ... إلى أنقرة
  حيث يلتقي") is the venue of the meeting there, not of the talks told before it;
* "إن على X مغادرة / الانسحاب" is a demand on X, also when X is quoted;
* the armed opposition as state media names it ("المجموعات الإرهابية", "terrorist groups") is a side, and the army's
  answer to its attack is an attack of its own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2019, 4, 17, 10, 0)


def rows(res: Resources, text: str) -> list[dict]:
    return article_rows(res, text, PUB)


def names(places: list[dict]) -> list[str]:
    return [p["name"] for p in places]


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        (
            "بحث وزير الخارجية الإيراني محمد جواد ظريف مع الرئيس السوري بشار الأسد في دمشق أمس الثلاثاء التطورات "
            "الميدانية والسياسية.",
            "Damascus",
            "2019-04-16",
        ),
        (
            "بحث الرئيس التركي رجب طيب أردوغان مع نظيره الروسي فلاديمير بوتين في سوتشي اليوم الأوضاع في إدلب.",
            "Sochi",
            "2019-04-17",
        ),
        ("ناقش وزيرا خارجية روسيا وتركيا أمس الثلاثاء في أنقرة الوضع في إدلب.", "Ankara", "2019-04-16"),
    ],
)
def test_discussed_with_names_a_venue_and_a_day_before_the_topic(
    res: Resources, text: str, venue: str, day: str
) -> None:
    talks = [r for r in rows(res, text) if r["type"] == "talks"]
    assert talks, text
    assert names(talks[0]["places"]) == [venue]
    assert venue not in names(talks[0]["about"])
    assert talks[0]["date_start"] == day


@pytest.mark.parametrize(
    "text",
    [
        "وكان ظريف قد أجرى محادثات مع نظيره السوري وليد المعلم، قبل أن يتوجه اليوم الأربعاء إلى أنقرة حيث يلتقي نظيره "
        "التركي مولود جاويش أوغلو.",
        "Zarif held talks with his Syrian counterpart Walid al-Muallem on Tuesday before heading to Ankara, where he "
        "will meet Turkish Foreign Minister Mevlut Cavusoglu on Wednesday.",
    ],
)
def test_the_next_legs_city_is_the_venue_of_the_meeting_there_only(res: Resources, text: str) -> None:
    talks = [r for r in rows(res, text) if r["type"] == "talks"]
    assert len(talks) == 2, talks
    first, second = talks
    assert "Ankara" not in names(first["places"])
    assert names(second["places"]) == ["Ankara"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ('وقال ظريف إن على "القوات الأمريكية المحتلة" مغادرة الأراضي السورية "فورا ومن دون شروط".', "USAMIL"),
        ("وأكد الوزير أن على القوات التركية الانسحاب من الأراضي السورية.", "TURMIL"),
    ],
)
def test_what_a_side_must_do_after_that_is_a_demand(res: Resources, text: str, target: str) -> None:
    demands = [r for r in rows(res, text) if r["type"] == "ultimatum"]
    assert demands and demands[0]["subtype"] == "demand"
    assert target in [a["code"] for a in demands[0]["actors"] if a["role"] == "target"]


@pytest.mark.parametrize(
    "text",
    [
        "ميدانيا، استهدفت المجموعات الإرهابية أمس بالقذائف الصاروخية مدينة السقيلبية في ريف حماة الشمالي الغربي، ما أدى "
        "إلى استشهاد مدنيين اثنين، فيما رد الجيش السوري باستهداف مواقع الإرهابيين في ريف إدلب الجنوبي.",
        "Terrorist groups fired rockets at the town of Suqaylabiyah in northwestern Hama countryside on Tuesday, "
        "killing two civilians, while the Syrian army responded by shelling their positions in southern Idlib "
        "countryside.",
    ],
)
def test_state_media_terrorist_groups_attack_and_the_armys_answer_are_two_attacks(
    res: Resources, text: str
) -> None:
    attacks = [r for r in rows(res, text) if r["type"] == "offensive"]
    initiators = sorted(a["code"] for r in attacks for a in r["actors"] if a["role"] == "initiator")
    assert len(attacks) == 2 and initiators == ["SYRMIL", "SYRREB"], attacks


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("وعقد وجهاء كناكر اليوم الأربعاء اجتماعا مع اللجنة الأمنية بحضور ضابط روسي في بلدة سعسع.", "Sasa"),
        ("عقد وجهاء البلدة اليوم الأربعاء اجتماعا مع ضباط روس في قرية سعسع.", "Sasa"),
        ("Local notables met Russian officers on Wednesday in the village of Sasa.", "Sasa"),
        ("Elders held talks with a Russian delegation on Wednesday in the town of Kanaker.", "Kanaker"),
    ],
)
def test_a_meeting_in_a_town_or_village_is_held_there(res: Resources, text: str, venue: str) -> None:
    talks = [r for r in rows(res, text) if r["type"] == "talks"]
    assert talks and names(talks[0]["places"]) == [venue], talks
