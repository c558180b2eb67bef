"""The map popups' rows built column by column are :func:`timeline.maps.popup_row`'s, on hostile text."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import maps
from timeline.popup_rows import popup_rows

FIELDS = ("date", "type", "status", "evidence", "language", "about", "review")
HOSTILE = [
    "",
    "plain",
    "<b>bold</b> & 'quoted' \"double\"",
    "{{ config }} {% if %} {# c #}",
    "قصفت الطائرات الحربية مدينة إدلب" * 9,  # Arabic, longer than a popup row's 160 characters
    "x" * 160,
    "y" * 161,
    "é" * 158 + "<",
    "emoji 🙂" * 30,
]


def _events() -> list[dict]:
    evs = []
    for i, text in enumerate(HOSTILE):
        evs.append(
            {
                "date": [None, "2020-02-03", math.nan, "", "2019-12"][i % 5],
                "type": ["offensive", "talks", "a b/c<d>", None, "ceasefire"][i % 5],
                "status": "ongoing",
                "evidence": [text, None, math.nan][0 if i % 4 else (i // 4) % 3],
                "language": ["ar", "en", None][i % 3],
                "about": ["", "Idlib, {Saraqib}", "<Aleppo> & co"][i % 3],
                "review": ["unreviewed", "confirmed", "corrected", "rejected", None][i % 5],
            }
        )
    return evs


def _columns(evs: list[dict]) -> dict[str, list]:
    return {f: [ev[f] for ev in evs] for f in FIELDS}


def test_rows_built_by_column_are_the_rows_built_one_by_one() -> None:
    evs = _events()
    assert popup_rows(_columns(evs)) == [maps.popup_row(ev) for ev in evs]
    assert popup_rows(_columns([])) == []


def test_a_text_arrow_cannot_hold_falls_back_to_the_same_rows() -> None:
    evs = _events()
    evs[1]["evidence"] = "lone \ud800 surrogate"
    assert popup_rows(_columns(evs)) == [maps.popup_row(ev) for ev in evs]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({f: st.one_of(st.none(), st.text(max_size=200)) for f in FIELDS}), max_size=8
    )
)
def test_any_text_gives_the_rows_built_one_by_one(evs: list[dict]) -> None:
    assert popup_rows(_columns(evs)) == [maps.popup_row(ev) for ev in evs]
