"""Event logic met in the blind field cases of Dec 2026, each as a rule on its whole kind: a sports report's
figurative attacks and truces, the holder of a town and the backer
of a side are no attackers, coordinated sides share their role, a Security Council resolution named with the day
it was adopted, an attack kept up, a truce that unravelled, a verb of naming, and the day a statement was made.
Each text is written for the test in the styles of wire copy, Arabic agency reports and sports pages."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources
from timeline.extract.article import is_sports_report
from timeline.normalize import normalize


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def rows(
    res: Resources, text: str, pub: datetime = datetime(2016, 8, 25, 10, 0), title: str = ""
) -> list[dict]:
    return article_rows(res, text, pub, title)


def roles(row: dict) -> dict[str, str]:
    return {a["code"]: a["role"] for a in row["actors"]}


# --- sports reports ------------------------------------------------------------------------------------------

SPORTS = [
    (
        "Late goal ends Syria's cup run",
        "DOHA - Syria's coach blamed the players for a slow attack after the national team lost 2-1 in the Asian "
        "championship on Tuesday. Talks with a new goalkeeper went on overnight, the federation said, and the fans "
        "called for a truce with the referee.",
    ),
    (
        "«هجوم» متأخر يمنح الجيش لقب الدوري",
        "دمشق - حسم نادي الجيش لقب الدوري السوري لكرة القدم أمس الجمعة بعد «هجوم» متأخر في الدقيقة التسعين. "
        "وقال المدرب إن المفاوضات مع اللاعبين الجدد ستبدأ الأسبوع المقبل، فيما منح الاتحاد الأندية «مهلة» حتى "
        "نهاية الشهر.",
    ),
    (
        "Chess: a king's attack decides the coastal open",
        "LATAKIA - A sharp attack on the king's side won the coastal chess championship for a 17-year-old on "
        "Saturday. The two leading players had agreed a truce in round seven, and the tournament's talks with "
        "sponsors go on.",
    ),
]


@pytest.mark.parametrize(("title", "text"), SPORTS)
def test_a_sports_report_tells_no_event_of_the_war(res, title, text):
    assert is_sports_report(normalize(f"{title}\n{text}").text)
    assert rows(res, text, title=title) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets struck the football stadium in Maarat al-Numan on Tuesday, where players of the local league "
        "had trained for the championship.",
        "قصفت الطائرات الحربية الروسية الملعب البلدي في معرة النعمان يوم الثلاثاء، حيث كان لاعبو المنتخب المحلي "
        "يتدربون قبل البطولة.",
    ],
)
def test_an_armed_force_in_a_sports_report_still_attacks(res, text):
    assert [r["type"] for r in rows(res, text)] == ["offensive"]


@pytest.mark.parametrize(
    "text",
    [
        "Government forces shelled Saraqib on Tuesday as talks in Moscow went on.",
        "قصفت قوات النظام مدينة سراقب يوم الثلاثاء، بينما تواصلت المحادثات في موسكو.",
    ],
)
def test_war_news_is_no_sports_report(text):
    assert not is_sports_report(normalize(text).text)


# --- a town taken, and who took it ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Turkish troops and Syrian rebels took the Islamic State-held border town of Jarablus on Wednesday.",
        "Turkish troops and Syrian rebels captured the Islamic State-held town of Jarablus on Wednesday.",
        "سيطرت القوات التركية وفصائل المعارضة على مدينة جرابلس الخاضعة لسيطرة تنظيم الدولة يوم الأربعاء.",
    ],
)
def test_who_held_a_town_lost_it_and_the_sides_that_took_it_took_it_together(res, text):
    (capture,) = [r for r in rows(res, text) if r["subtype"] == "capture"]
    assert roles(capture) == {"TURMIL": "initiator", "SYRREB": "initiator", "SYRISI": "target"}


@pytest.mark.parametrize(
    ("text", "backer"),
    [
        ("Syrian rebels backed by Turkish jets took the town of al-Rai on Wednesday.", "TURMIL"),
        (
            "Regime troops backed by Russian warplanes captured the town of Kafr Nabudah on Wednesday.",
            "RUSMIL",
        ),
    ],
)
def test_the_backer_of_a_side_is_no_attacker_before_the_verb(res, text, backer):
    (row,) = rows(res, text)
    assert roles(row)[backer] == "participant"
    assert "initiator" in roles(row).values()


@pytest.mark.parametrize(
    "text",
    [
        "Syrian and Russian warplanes pounded Kafr Nabl on Monday.",
        "شنت الطائرات الحربية السورية والروسية غارات على كفرنبل يوم الاثنين.",
    ],
)
def test_coordinated_sides_before_the_verb_attack_together(res, text):
    (row,) = rows(res, text)
    assert roles(row) == {"SYRMIL": "initiator", "RUSMIL": "initiator"}


# --- Security Council resolutions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Aid groups urged the Security Council to enforce its Resolution 2139, adopted on 22 February 2014.",
            "2014-02-22",
        ),
        (
            "A 30-day ceasefire demanded by the UN Security Council in Resolution 2401, adopted unanimously on "
            "February 24, has not been observed.",
            "2018-02-24",
        ),
        (
            "وتطالب المنظمات بتطبيق قرار مجلس الأمن الدولي رقم 2401 الذي تبناه المجلس بالإجماع يوم 24 شباط.",
            "2018-02-24",
        ),
        ("وفي 24 شباط، أقر مجلس الأمن بالإجماع قراراً يطالب بهدنة في الغوطة.", "2018-02-24"),
    ],
)
def test_a_resolution_adopted_on_a_day_is_the_council_meeting_of_that_day(res, text, day):
    meetings = [r for r in rows(res, text, pub=datetime(2018, 3, 1, 9, 0)) if r["type"] == "talks"]
    assert [(r["subtype"], r["date_start"], r["status"]) for r in meetings] == [("meeting", day, "occurred")]


# --- status words, naming verbs, statement days ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Government forces kept up their bombardment of Eastern Ghouta on Monday.",
        "Turkish forces pressed on with their offensive in Afrin on Sunday.",
        "Fighting raged around Saraqib on Monday.",
    ],
)
def test_an_attack_kept_up_is_ongoing(res, text):
    (row,) = rows(res, text)
    assert row["status"] == "ongoing"


def test_a_truce_that_unravelled_failed(res):
    (row,) = rows(
        res,
        "The ceasefire of 12 April had unravelled within weeks, the envoy said.",
        pub=datetime(2012, 8, 2),
    )
    assert (row["type"], row["status"]) == ("ceasefire", "failed")


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon said a leader of the cell Washington calls the Khorasan Group, was killed on July 8 when a US "
        "drone struck his car near Sarmada.",
        "A commander of the group the regime calls the terrorists, was killed on July 8 when Russian jets struck "
        "his car near Sarmada.",
    ],
)
def test_a_name_given_by_a_verb_of_naming_ends_at_its_comma(res, text):
    found = rows(res, text, pub=datetime(2015, 7, 22))
    assert [(r["type"], r["date_start"]) for r in found] == [("offensive", "2015-07-08")]


def test_what_a_naming_verb_names_is_still_a_topic(res):
    assert rows(res, "Turkey called the attack a massacre.", pub=datetime(2020, 2, 28)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters stormed the village of Mabujeh at dawn on Tuesday, the Observatory said on "
        "Wednesday. Government troops retook the village hours later.",
        "Rebels stormed the town of Morek on Tuesday, activists said on Wednesday. Government troops retook the "
        "town hours later, state media said.",
    ],
)
def test_hours_later_counts_from_the_day_told_not_the_day_it_was_said(res, text):
    found = rows(res, text, pub=datetime(2015, 4, 1, 16, 0))
    assert {r["date_start"] for r in found} == {"2015-03-31"}
