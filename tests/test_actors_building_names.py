"""A nationality that names a building or a street is no actor (texts written for the test in the styles of agency
copy): "مستشفى الكندي" is al-Kindi hospital, not "the Canadian"; "the Turkish hospital in Azaz" takes no Turkish side;
the same word outside a name ("Turkish jets") stays the side it names."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2013, 12, 21, 10)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("سيطر مقاتلو المعارضة، أمس الجمعة، على مستشفى الكندي في مدينة حلب.", "CAN"),
        ("Russian jets struck the Turkish hospital in Azaz on Friday.", "TUR"),
        ("قصف الطيران الحربي أمس الجمعة محيط المشفى الروسي في مدينة حلب.", "RUS"),
    ],
)
def test_a_building_named_by_a_nationality_takes_no_side(res: Resources, text: str, absent: str) -> None:
    rows = article_rows(res, text, PUB)
    assert rows, rows
    assert absent not in {a["code"][:3] for r in rows for a in r["actors"]}, rows


def test_the_nationality_outside_a_name_stays_a_side(res: Resources) -> None:
    rows = article_rows(res, "Turkish jets struck Afrin on Friday.", PUB)
    assert [a["code"] for a in rows[0]["actors"]] == ["TURMIL"], rows
