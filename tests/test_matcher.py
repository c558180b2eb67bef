"""Lexicon matching with Arabic clitics and word boundaries."""

from timeline.matcher import Matcher
from timeline.normalize import fold


def terms(matcher, text):
    return [m.value for m in matcher.find(fold(text))]


def make(*words, **kw):
    m = Matcher(**kw)
    for w in words:
        m.add(w, w)
    return m


def test_proclitics_are_stripped():
    m = make("إدلب", "أنقرة")
    assert terms(m, "وإدلب بإدلب لإدلب وبإدلب بأنقرة") == ["إدلب"] * 4 + ["أنقرة"]


def test_lam_lam_is_lam_plus_the_article():
    m = make("الأتارب")
    assert terms(m, "للأتارب") == ["الأتارب"]
    assert terms(m, "والأتارب") == ["الأتارب"]


def test_no_match_inside_a_word():
    m = make("حلب", "talks")
    assert terms(m, "محلبية") == []
    assert terms(m, "stalks") == []


def test_suffixes_only_where_allowed():
    m = make("هجمات", "talk", suffixes=["ه"], english_suffixes=["s"])
    assert terms(m, "هجماته talks") == ["هجمات", "talk"]
    assert terms(m, "هجماتكو talked") == []


def test_a_ta_marbuta_is_written_ta_before_a_pronoun():
    """قمة in قمتهم, هدنة in هدنتها, حملة in وحملته; the ت form alone (قمت "I stood") is no match."""
    m = make("قمة", "هدنة", "حملة", suffixes=["ه", "ها", "هم"])
    assert terms(m, "خلال قمتهم أعلنوا هدنتها وحملته") == ["قمة", "هدنة", "حملة"]
    assert terms(m, "قمت بزيارة وهدنت") == []


def test_longest_match_wins():
    m = make("قصف", "قصف جوي")
    found = m.find(fold("بعد قصف جوي عنيف"))
    assert [x.value for x in found] == ["قصف جوي"]


def test_short_terms_take_no_clitics():
    m = make("اب")
    assert terms(m, "واب") == []
    assert terms(m, "اب") == ["اب"]
