"""Number words (data/lexicons/numbers.csv): cardinals for figures, ordinals for day numbers."""

import re

import pytest

from timeline.normalize import fold
from timeline.number_words import load_number_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("اثنين", 2),
        ("خمسة عشر", 15),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("خمسة وعشرين", 25),
        ("واحد وثلاثون", 31),
        ("مئتين", 200),
        ("ثلاثمئة", 300),
        ("twelve", 12),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("two hundred", 200),
    ],
)
def test_cardinals(text, value):
    nums = load_number_words()
    folded = fold(text)
    assert re.fullmatch(nums.cardinal, folded), folded
    assert nums.value(folded) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الأول", 1),
        ("العاشر", 10),
        ("الحادي عشر", 11),
        ("الثاني عشر", 12),
        ("السابع والعشرين", 27),
        ("الحادي والثلاثين", 31),
        ("العشرين", 20),
        ("first", 1),
        ("twelfth", 12),
        ("twenty-seventh", 27),
        ("thirtieth", 30),
    ],
)
def test_ordinals(text, value):
    nums = load_number_words()
    folded = fold(text)
    assert re.fullmatch(nums.ordinal, folded), folded
    assert nums.value(folded, ordinal=True) == value


@pytest.mark.parametrize("text", ["عشرات", "مئات", "dozens", "hundreds", "tens"])
def test_plurals_are_not_numbers(text):
    nums = load_number_words()
    assert not re.fullmatch(nums.cardinal, fold(text))


def test_an_unknown_kind_is_reported(tmp_path):
    bad = tmp_path / "numbers.csv"
    bad.write_text("value,word,lang,kind\n3,three,en,triple\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind 'triple'"):
        load_number_words(bad)
