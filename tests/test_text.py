"""Sentence and clause boundaries."""

import pytest

from timeline.lexicon import load_cues
from timeline.normalize import fold
from timeline.resources import lexicon_path
from timeline.text import clause_pattern, split_clauses, split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_end_at_stops_and_paragraphs():
    text = "Talks began. U.S. forces left on Monday! Then?\n\nبدأت المباحثات. وفشلت الجولة؟ نعم"
    assert sentences(text) == [
        "Talks began.",
        "U.S. forces left on Monday!",
        "Then?",
        "بدأت المباحثات.",
        "وفشلت الجولة؟",
        "نعم",
    ]


def test_abbreviations_do_not_end_a_sentence():
    assert sentences("Mr. Lavrov met Gen. Akar in Moscow. Done") == [
        "Mr. Lavrov met Gen. Akar in Moscow.",
        "Done",
    ]


def test_a_date_or_number_ends_a_sentence_but_an_initial_does_not():
    assert sentences(
        "The offensive began on October 9. The pause came on Thursday. J. Smith and the U.N. agreed."
    ) == [
        "The offensive began on October 9.",
        "The pause came on Thursday.",
        "J. Smith and the U.N. agreed.",
    ]
    assert sentences("قتل 9. وقال المرصد") == ["قتل 9.", "وقال المرصد"]


def clauses(text):
    _, markers = load_cues(lexicon_path("cues.csv"))
    folded = fold(text)
    return [(folded[a:b].strip(" ,;"), new) for a, b, new in split_clauses(folded, clause_pattern(markers))]


def test_clauses_split_at_markers_and_flag_a_new_time_reference():
    got = clauses("أعلنت تركيا الخميس أنها تتوقع وقف الهجمات، كما سبق أن أمهل الرئيس النظام شهرا")
    assert len(got) == 2
    assert got[0][1] is False
    assert got[1][1] is True
    assert got[1][0].startswith("كما سبق ان")


def test_english_clauses():
    got = clauses("Talks began on Monday, while shelling continued in Idlib; the truce failed")
    assert [c for c, _ in got] == [
        "talks began on monday",
        "while shelling continued in idlib",
        "the truce failed",
    ]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a new sentence plainly starts after the initialism: a name, then a word in lower case
        (
            "Nearly 1 million fled since December, according to the U.N. Ankara has given Damascus until March.",
            2,
        ),
        ("The strike was condemned by the U.S. Turkey said it would respond.", 2),
        # the initialism goes on naming something of that body or country
        ("The U.N. Security Council met on Friday.", 1),
        ("The U.S. Secretary of State said on Friday that talks failed.", 1),
        ("The U.S. Treasury said sanctions would follow.", 1),
        ("He met U.S. officials on Monday.", 1),
    ],
)
def test_an_initialism_ends_a_sentence_only_when_a_new_one_plainly_starts(text, n):
    assert len(split_sentences(text)) == n
