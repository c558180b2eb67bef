"""Places 16 (issue 8): Lebanon's Palestinian camps, Beirut's southern suburbs and the villages of the southern border
strip are in the gazetteer, with the coordinates of their Wikipedia articles; their names that are also words ("معركة"
a battle, "خلدة" a given name, "الوزاني" a surname) are places only after a locative."""

from __future__ import annotations

import pytest

from timeline.gazetteer import Gazetteer
from timeline.normalize import fold


def names(gaz: Gazetteer, text: str) -> list[str]:
    return [e.name for pm in gaz.find(fold(text)) for e in pm.entries]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("اشتباكات في مخيم عين الحلوة", "Ain al-Hilweh"),
        ("clashes in the Ain al-Hilweh camp", "Ain al-Hilweh"),
        ("في مخيم نهر البارد", "Nahr al-Bared"),
        ("the Burj al-Barajneh camp", "Burj al-Barajneh"),
        ("a bomb in Haret Hreik", "Haret Hreik"),
        ("غارة على الضاحية الجنوبية لبيروت", "Dahieh"),
        ("in Beirut's southern suburbs", "Dahieh"),
        ("قصف أطراف بلدة معركة", "Maarakeh"),
        ("في بلدة الوزاني", "Wazzani"),
        ("shells fell near Blida", "Blida"),
    ],
)
def test_camps_suburbs_and_border_villages(gaz: Gazetteer, text: str, name: str) -> None:
    assert names(gaz, text) == [name]


@pytest.mark.parametrize(
    "text",
    ["وقعت معركة عنيفة قرب الحدود", "قال خلدة إن الوضع هادئ", "وقال محمد الوزاني إن القصف توقف"],
)
def test_names_that_are_words_need_a_locative(gaz: Gazetteer, text: str) -> None:
    assert names(gaz, text) == []
