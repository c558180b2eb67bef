"""What a side leaves open or what is said to a meeting is no event, as rules on their kind in English and Arabic
(texts written for the test in the styles of wire copy and Arabic agency reports):

* a possibility left open ("would not rule out raising the matter at the Security Council", "لم تستبعد اللجوء إلى
  مجلس الأمن", "did not rule out a new offensive") is neither talks nor an attack;
* the passive of "meet" is a reception or a response, no meeting ("would be met by its air-defence systems", "the
  attack was met with anger in Ankara"), while "Putin met Erdogan", "met with", "the ministers met" stay talks.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def rows(res: Resources, text: str) -> list[dict]:
    lang = "en" if text[:30].isascii() else "ar"
    return article_rows(res, text, datetime(2016, 10, 7, 10), lang=lang)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            "The United States said on Thursday it would not rule out raising the matter at the UN Security Council.",
            "talks",
        ),
        (
            'Washington said on Thursday it was "deeply concerned" and would "not rule out" a Security Council session.',
            "talks",
        ),
        ("وقالت الخارجية الأمريكية يوم الخميس إنها لم تستبعد اللجوء إلى مجلس الأمن الدولي.", "talks"),
        ("The minister said on Thursday he did not rule out a new offensive on Idlib.", "offensive"),
        ("وقال الوزير يوم الخميس إنه لا يستبعد شن هجوم جديد على إدلب.", "offensive"),
    ],
)
def test_a_possibility_left_open_is_no_event(res: Resources, text: str, etype: str) -> None:
    assert not [r for r in rows(res, text) if r["type"] == etype]


@pytest.mark.parametrize(
    "text",
    [
        "Russia's defence ministry warned Washington on Thursday that any US strike would be met by its air-defence "
        "systems.",
        "The attack was met with anger in Ankara on Thursday.",
        "The proposal was met with scepticism in Geneva on Thursday.",
    ],
)
def test_the_passive_of_meet_is_no_meeting(res: Resources, text: str) -> None:
    assert not [r for r in rows(res, text) if r["type"] == "talks"]


@pytest.mark.parametrize(
    "text",
    [
        "Putin met Erdogan in Sochi on Thursday.",
        "Lavrov met with Kerry in Geneva on Thursday.",
        "The Russian and Turkish foreign ministers met on Thursday in Moscow.",
    ],
)
def test_met_stays_talks(res: Resources, text: str) -> None:
    assert [r for r in rows(res, text) if r["type"] == "talks"]


@pytest.mark.parametrize(
    "text",
    [
        'Syria\'s foreign ministry said on Thursday the attack on the camp "will not deter" the army, but stopped short '
        "of threatening a response.",
        "The statement stopped short of threatening military action against Turkey.",
    ],
)
def test_what_a_side_stopped_short_of_is_not_done(res: Resources, text: str) -> None:
    assert not [r for r in rows(res, text) if r["type"] == "ultimatum"]


@pytest.mark.parametrize(
    "text",
    [
        'Syria\'s foreign ministry said on Thursday the attack on the camp "will not deter" the army.',
        "وقالت الخارجية السورية يوم الخميس إن الهجوم على المخيم سيزيد الجيش إصراراً.",
    ],
)
def test_the_day_a_statement_was_made_is_not_moved_to_the_next_week(res: Resources, text: str) -> None:
    found = rows(res, text)
    assert found and all(r["date_start"] == "2016-10-06" for r in found), found
