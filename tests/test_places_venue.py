"""Where talks met when their sentence names no venue: the venue of the talks or deal told last ("agreed in
Ankara ... The deal followed four hours of talks"), else the town the article was filed from when it is far
from what the article is about or in a side's country ("GENEVA —"), never a news bureau near the story
("BEIRUT (Reuters) -") nor for a phone call; talks "in the town" met in the town named
last."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources
from timeline.gazetteer import Gazetteer
from timeline.normalize import normalize
from timeline.places import article_dateline

PUB = datetime(2020, 2, 10, 13, 38)  # Monday


def _talks(res: Resources, text: str) -> list[dict]:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    talks = [e for e in found if e["type"] == "talks"]
    assert talks, found
    return talks


@pytest.mark.parametrize(
    ("sentences", "town"),
    [
        (["Talks end without progress", "GENEVA — The talks ended on Monday."], "Geneva"),
        (["HAMBURG, Germany — Putin and Trump met on Friday."], "Hamburg"),
        (["جنيف - وكالات: اختتمت الجولة الثامنة من المحادثات"], "Geneva"),
        # no dateline: a place that opens a sentence without a dash or an agency
        (["Geneva hosted the talks on Monday."], None),
    ],
)
def test_the_dateline_town_of_an_article(sentences: list[str], town: str | None) -> None:
    found = article_dateline([normalize(s) for s in sentences], Gazetteer.load(user=False))
    assert (found.name if found is not None else None) == town


@pytest.mark.parametrize(
    "text",
    [
        "GENEVA — The eighth round of UN-sponsored peace talks on Syria ended on Monday without any progress, "
        "the envoy said. Government forces have besieged Eastern Ghouta for months.",
        "جنيف - وكالات: اختتمت يوم الاثنين الجولة الثامنة من محادثات السلام السورية برعاية الأمم المتحدة من دون "
        "تحقيق أي تقدم. وتحاصر قوات النظام الغوطة الشرقية منذ أشهر.",
    ],
)
def test_talks_with_no_venue_were_held_in_a_far_dateline_town(res: Resources, text: str) -> None:
    talks = _talks(res, text)
    assert [p["name"] for p in talks[0]["places"]] == ["Geneva"], talks


@pytest.mark.parametrize(
    "text",
    [
        "BEIRUT (Reuters) - Russian and Turkish delegations held talks on the fighting in Idlib on Monday.",
        "بيروت - وكالات: عقد وفدان روسي وتركي يوم الاثنين محادثات حول المعارك في إدلب.",
    ],
)
def test_a_news_bureau_near_the_story_is_no_venue(res: Resources, text: str) -> None:
    talks = _talks(res, text)
    assert all(p["name"] != "Beirut" for e in talks for p in e["places"]), talks


@pytest.mark.parametrize(
    "text",
    [
        "GENEVA — Putin and Erdogan discussed the situation in Idlib in a phone call on Monday.",
        "جنيف - وكالات: بحث بوتين وأردوغان في اتصال هاتفي يوم الاثنين الوضع في إدلب.",
    ],
)
def test_a_phone_call_takes_no_dateline_town(res: Resources, text: str) -> None:
    talks = _talks(res, text)
    assert all(p["name"] != "Geneva" for e in talks for p in e["places"]), talks


@pytest.mark.parametrize(
    "text",
    [
        "ERBIL (Kurdistan 24) – Fighting went on in Ras al-Ain on Monday.\n"
        "Pence and Erdogan agreed in Ankara on Sunday to a ceasefire in northeast Syria. "
        "The deal followed more than four hours of talks at the presidential palace.",
        "أربيل - وكالات: تواصلت المعارك في رأس العين يوم الاثنين.\n"
        "واتفق بنس وأردوغان في أنقرة يوم الأحد على وقف لإطلاق النار في شمال شرقي سوريا. "
        "وجاء الاتفاق بعد محادثات استمرت أكثر من أربع ساعات في القصر الرئاسي.",
    ],
)
def test_talks_told_after_a_deal_met_where_it_was_made(res: Resources, text: str) -> None:
    talks = _talks(res, text)
    assert all([p["name"] for p in e["places"]] == ["Ankara"] for e in talks), talks


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Russian Foreign Minister Sergei Lavrov has canceled a visit to Turkey that was planned for Wednesday.",
            "Turkey",
        ),
        ("ألغى وزير الخارجية الروسي سيرغي لافروف زيارة إلى تركيا كانت مقررة الأربعاء.", "Turkey"),
        (
            "Pedersen is expected to visit Moscow next month for consultations with Russian officials.",
            "Moscow",
        ),
        # Arabic puts the visitor between the verb and the place
        ("يُنتظر أن يزور بيدرسن موسكو الشهر المقبل للتشاور مع المسؤولين الروس.", "Moscow"),
        # where a delegation came from is no venue
        ("وصل وفد من أنقرة إلى موسكو يوم الاثنين لإجراء محادثات.", "Moscow"),
    ],
)
def test_a_place_visited_is_the_venue_of_the_visit(res: Resources, text: str, venue: str) -> None:
    talks = _talks(res, text)
    assert [p["name"] for p in talks[0]["places"]] == [venue], talks


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov described the Russian-Turkish talks on Syria in Moscow as useful on Monday.",
        "Russian and Turkish officials held talks on Syria in Moscow on Monday.",
        "وصف لافروف المباحثات الروسية التركية بشأن سوريا في موسكو بالمفيدة يوم الاثنين.",
        "عقد مسؤولون روس وأتراك يوم الاثنين مباحثات بشأن #سوريا في موسكو.",
    ],
)
def test_a_town_after_the_country_the_talks_are_on_is_their_venue(res: Resources, text: str) -> None:
    """The country named as the topic ("on Syria", "بشأن سوريا") is left out of the places as a side of the
    talks, yet it still tells that a town of another country after a locative is where they met."""
    assert [p["name"] for p in _talks(res, text)[0]["places"]] == ["Moscow"]


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Erdogan discussed the situation in Idlib in a phone call on Monday.",
        "بحث بوتين وأردوغان في اتصال هاتفي يوم الاثنين الوضع في إدلب.",
    ],
)
def test_a_place_inside_the_topic_stays_what_the_talks_are_about(res: Resources, text: str) -> None:
    talks = _talks(res, text)[0]
    assert talks["places"] == [] and [p["name"] for p in talks["about"]] == ["Idlib"]


@pytest.mark.parametrize(
    "text",
    [
        "التقى أردوغان أوباما في البيت الأبيض يوم الاثنين وبحثا الحرب في سوريا.",
        "عقد الرئيسان محادثات في البيت الأبيض يوم الاثنين.",
    ],
)
def test_the_white_house_is_a_venue_in_washington(res: Resources, text: str) -> None:
    """As الكرملين is Moscow, البيت الأبيض is Washington: a meeting there met in Washington. (The English
    "white house" stays a common phrase: "the white house in the old city".)"""
    assert "Washington" in [p["name"] for p in _talks(res, text)[0]["places"]]


@pytest.mark.parametrize(
    "text",
    [
        "قصفت طائرات النظام سراقب يوم الأحد، بحسب البيت الأبيض.",
        "قصفت طائرات النظام سراقب يوم الأحد، وأدان البيت الأبيض القصف.",
    ],
)
def test_the_white_house_as_a_source_is_no_place(res: Resources, text: str) -> None:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    assert found and all("Washington" not in [p["name"] for p in e["places"]] for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out in al-Sanamayn on Monday. The fighting ended the same evening when local notables "
        "and Russian military police officers met in the town and agreed on a deal.",
        "اندلعت اشتباكات في مدينة الصنمين يوم الاثنين. وانتهت الاشتباكات مساء اليوم نفسه بعد أن اجتمع وجهاء "
        "محليون وضباط من الشرطة العسكرية الروسية في المدينة واتفقوا على تسوية.",
    ],
)
def test_talks_held_in_the_town_met_in_the_town_named_before(res: Resources, text: str) -> None:
    """ "met in the town", "اجتمع ... في المدينة": the anaphor is the venue, the town the article named last."""
    assert [p["name"] for p in _talks(res, text)[0]["places"]] == ["As Sanamayn"]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes broke out in al-Sanamayn on Monday. Russian and Turkish officials discussed the situation in "
        "the town by phone.",
        "اندلعت اشتباكات في مدينة الصنمين يوم الاثنين. وبحث مسؤولون روس وأتراك هاتفيا الوضع في المدينة.",
    ],
)
def test_the_town_talks_are_about_is_no_venue(res: Resources, text: str) -> None:
    assert _talks(res, text)[0]["places"] == []
