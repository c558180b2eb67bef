"""Casualty and displacement figures: numbers only."""

import pytest

from timeline.figures import find_figures
from timeline.normalize import fold


@pytest.mark.parametrize(
    ("text", "killed", "injured", "displaced"),
    [
        ("مقتل 12 مدنيا وإصابة 30 آخرين", 12, 30, None),
        ("ما أسفر عن مقتل ١٥ شخصا", 15, None, None),
        ("سقوط 7 قتلى", 7, None, None),
        ("نزوح 300 ألف مدني", None, None, 300_000),
        ("the strikes killed at least 16 people and wounded 30", 16, 30, None),
        ("Twelve civilians were killed", 12, None, None),
        ("the death toll rose to 86", 86, None, None),
        ("forcing 900,000 people to flee", None, None, 900_000),
    ],
)
def test_numbers_are_read(text, killed, injured, displaced):
    assert find_figures(fold(text)) == {"killed": killed, "injured": injured, "displaced": displaced}


@pytest.mark.parametrize(
    "text",
    [
        "ما تسبب بمقتل وجرح مئات المدنيين ونزوح مئات آلاف منهم",  # "hundreds": not a number
        "قتلى وجرحى",
        "44 قتيلا وجريحا",  # killed and wounded together: not a death toll
        "dozens of people were killed",
    ],
)
def test_words_without_a_number_give_no_figure(text):
    assert find_figures(fold(text)) == {"killed": None, "injured": None, "displaced": None}
