"""Folding for matching keeps a map back to the text as written."""

from hypothesis import given
from hypothesis import strategies as st

from timeline.normalize import detect_language, fold, normalize


def test_folds_hamza_alef_maqsura_ta_marbuta_and_digits():
    assert fold("إدلب") == "ادلب"
    assert fold("أنقرة") == "انقره"
    assert fold("على") == "علي"
    assert fold("١٠ شباط ٢٠٢٠") == "10 شباط 2020"


def test_drops_diacritics_tatweel_and_quotes_and_collapses_spaces():
    assert fold("مُحَادَثَات") == "محادثات"
    assert fold("هجـــوم") == "هجوم"
    assert fold('ستتخذ "الخطوات  اللازمة"') == "ستتخذ الخطوات اللازمه"


def test_offsets_map_back_to_the_original_text():
    original = 'قال "أردوغان"  إنَّ'
    n = normalize(original)
    start = n.text.index("اردوغان")
    a, b = n.span(start, start + len("اردوغان"))
    assert original[a:b] == "أردوغان"


@given(st.text())
def test_offsets_are_increasing_and_inside_the_text(text):
    n = normalize(text)
    assert len(n.offsets) == len(n.text)
    assert list(n.offsets) == sorted(set(n.offsets))
    assert all(0 <= o < len(text) for o in n.offsets)


def test_detects_arabic_and_english():
    assert detect_language("بدأت الجولة الثانية من المباحثات بين روسيا وتركيا") == "ar"
    assert detect_language("The second round of talks between Russia and Turkey began") == "en"
    assert detect_language("12 34 !!") == ""
