"""Places that locate who speaks, not what they tell, as a rule on its whole kind: officials, diplomats or
sources "in" a place before their verb of saying ("Defence officials in Canberra said", "قال مسؤولون في أنقرة إن");
and a statement's content after "told reporters that" is no place where it was said. Each text is written for
the test in the styles of wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def rows(res: Resources, text: str, pub: datetime = datetime(2020, 2, 13, 10, 0)) -> list[dict]:
    return article_rows(res, text, pub)


def attack_places(found: list[dict]) -> list[list[str]]:
    return [[p["name"] for p in r["places"]] for r in found if r["type"] == "offensive"]


# --- where the speakers are ----------------------------------------------------------------------------------

SPEAKERS_ELSEWHERE = [
    (
        "An Australian F/A-18 Hornet struck an Islamic State vehicle near Deir ez-Zor on Wednesday, Defence "
        "officials in Canberra said.",
        "Canberra",
    ),
    (
        "Turkish drones struck a regime convoy near Saraqib on Wednesday, officials in Ankara told reporters.",
        "Ankara",
    ),
    (
        "قال مسؤولون في أنقرة إن طائرات تركية قصفت مواقع لقوات النظام في ريف إدلب الجنوبي يوم الأربعاء.",
        "Ankara",
    ),
    ("أفادت مصادر دبلوماسية في موسكو بأن طائرات روسية قصفت بلدة سراقب يوم الأربعاء.", "Moscow"),
]


@pytest.mark.parametrize(("text", "where_said"), SPEAKERS_ELSEWHERE)
def test_where_officials_speak_is_no_place_of_what_they_tell(res, text, where_said):
    places = attack_places(rows(res, text))
    assert places
    assert all(where_said not in names for names in places)
    assert all(names for names in places)  # the place the sentence gives is kept


def test_where_witnesses_speak_may_be_the_site(res):
    found = rows(
        res, "Russian jets struck Saraqib on Wednesday, killing 10 civilians, activists in Saraqib said."
    )
    assert attack_places(found) == [["Saraqib"]]


def test_a_place_in_what_was_told_is_no_place_where_it_was_said(res):
    found = rows(res, "A rebel commander told AFP on Monday that shelling in Saraqib killed five civilians.")
    assert attack_places(found) == [["Saraqib"]]
