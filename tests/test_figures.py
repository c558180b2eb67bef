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


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Arabic number words, all genders and cases, compounds
        ("مقتل ثلاثة مدنيين", 3, None),
        ("مقتل ست نساء وإصابة أربعة أطفال", 6, 4),
        ("مقتل خمسة وعشرين شخصا", 25, None),
        ("مقتل ثلاثة عشر مدنيا", 13, None),
        ("مقتل اثني عشر عنصرا", 12, None),
        ("قتيلان وثلاثة جرحى", 2, 3),
        # duals: 1 and 2 follow their noun; a dual noun alone is two
        ("مقتل مدنيين اثنين", 2, None),
        ("مقتل مدني واحد وإصابة آخرين", 1, None),
        ("مقتل شخصين وإصابة خمسة آخرين", 2, 5),
        ("سقوط قتيلين في القصف", 2, None),
        ("إصابة طفلين", None, 2),
        ("مقتل مدنيان", 2, None),
        # English words
        ("two civilians were killed", 2, None),
        ("a dozen people were killed", 12, None),
        ("the strike killed a dozen civilians", 12, None),
        ("twenty-five people were killed and two dozen wounded", 25, 24),
        ("the raid killed eleven fighters", 11, None),
        # a part of a group ("two of its soldiers", "ثلاثة من عناصر الجيش")
        ("Turkey said two of its soldiers had been killed", 2, None),
        ("three of its medics were wounded", None, 3),
        ("أسفر القصف عن مقتل ثلاثة من عناصر الجيش التركي", 3, None),
    ],
)
def test_numbers_written_as_words_and_duals(text, killed, injured):
    got = find_figures(fold(text), text)
    assert (got["killed"], got["injured"]) == (killed, injured)


def test_a_dual_marked_only_by_its_vowel_needs_the_written_text():
    text = "مقتل مدنيَّين في قصف"
    assert find_figures(fold(text), text)["killed"] == 2
    assert find_figures(fold(text))["killed"] is None  # folded, it is the plural "civilians"
    plural = "مقتل مدنيِّين في قصف"  # kasra: the plural, no figure
    assert find_figures(fold(plural), plural)["killed"] is None


@pytest.mark.parametrize(
    "text",
    [
        "مقتل مدنيين في قصف",  # civilians (plural): no number
        "hundreds of civilians were killed",
        "dozens were killed",
        "مقتل عشرات المدنيين",
        "tens of people were killed",
        "سقوط ثلاث قذائف على البلدة",  # shells fell: not casualties
    ],
)
def test_plurals_and_vague_quantities_stay_null(text):
    assert find_figures(fold(text), text) == {"killed": None, "injured": None, "displaced": None}
