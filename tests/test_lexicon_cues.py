"""Word-list cues of ``cues.csv`` (``discuss_verb``): read by the rules, not matched in text."""

import re

import pytest

from timeline.lexicon import WORD_LIST_CUES, cue_alternation, load_cues, read_rows
from timeline.normalize import fold
from timeline.resources import lexicon_path


def test_discuss_verbs_cover_both_former_lists() -> None:
    verb = re.compile(r"[وف]?" + cue_alternation("discuss_verb"))
    # forms scope.py read after a topic cue, and forms extract.py read as talks triggers
    for form in ("بحث", "يبحثان", "وناقشت", "يتناول", "تتناول", "تباحث", "فتباحثا"):
        assert verb.fullmatch(fold(form)), form
    for other in ("باحث", "مناقشة", "لبحث"):
        assert not verb.fullmatch(fold(other)), other


def test_word_list_cues_are_not_matched_in_text() -> None:
    matcher, _ = load_cues(lexicon_path("cues.csv"))
    found = {m.value.cue for m in matcher.find(fold("تباحث الوزيران حول الهدنة"))}
    assert not found & WORD_LIST_CUES
    assert "topic" in found  # حول still opens a topic


def test_unknown_word_list_cue_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not a word-list cue"):
        cue_alternation("topic")


def test_word_list_cue_without_rows_names_the_file(tmp_path) -> None:
    path = tmp_path / "cues.csv"
    path.write_text("lang,term,cue,arg\nar,حول,topic,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no rows"):
        cue_alternation("discuss_verb", path)


def test_word_list_terms_are_written_folded() -> None:
    # the patterns run over folded text: a term written otherwise (مؤتمر for موتمر) would never match

    rows = [r for r in read_rows(lexicon_path("cues.csv")) if r["cue"] in WORD_LIST_CUES]
    assert {r["cue"] for r in rows} == WORD_LIST_CUES
    assert [r["term"] for r in rows if fold(r["term"]) != r["term"]] == []


@pytest.mark.parametrize(
    ("cue", "lang", "text"),
    [
        ("speech_noun", "ar", "تصريحات"),
        ("speech_noun", "en", "remarks"),
        ("flee_verb", "en", "been displaced by"),
        ("frame_word", "ar", "في ختام"),
        ("frame_word", "en", "at the  end of"),
        ("speak_verb", "en", "called for"),
        ("outlet_noun", "ar", "مراسل"),
        ("road_noun", "en", "highway"),
        ("next_statement", "en", "and  said"),
        ("next_statement", "ar", "مضيفا"),
        ("attempt_word", "ar", "في"),
        ("subordinate", "en", "following"),
        ("subordinate", "ar", "عندما"),
        ("then_word", "en", "afterwards"),
        ("then_word", "ar", "بعد ذلك"),
        ("calm_addressee", "en", "the two parties"),
        ("calm_addressee", "ar", "كافه الاطراف"),
        ("calm_word", "ar", "ضبط النفس"),
        ("going_on_verb", "en", "was launched"),
        ("going_on_period", "ar", "اسبوعها"),
        ("comes_verb", "ar", "تاتي"),
        ("concurrent_word", "en", "even as"),
        ("appeal_body", "en", "u.n. security council"),
        ("talks_frame", "ar", "في ختام"),
        ("meeting_noun", "en", "phone call"),
        ("retaliation_word", "ar", "ردود"),
        ("discussion_noun", "en", "consultations"),
    ],
)
def test_word_list_alternation_matches_its_terms(cue: str, lang: str, text: str) -> None:
    rx = re.compile(cue_alternation(cue, lang))
    assert rx.fullmatch(text)
    other = "ar" if lang == "en" else "en"
    # one language's list does not hold the other's words
    if cue not in {"road_noun", "discussion_noun"}:  # English only
        assert not re.compile(cue_alternation(cue, other)).fullmatch(text)


def test_rules_splice_their_word_lists_into_their_grammar() -> None:
    # the rules whose vocabulary moved to cues.csv keep the structure around it
    from timeline.extract.context import _CALM_APPEAL
    from timeline.extract.reported import _GOING_ON
    from timeline.extract.status import _SUBORDINATE
    from timeline.extract.when import _THEN
    from timeline.scope import _ATTEMPT, _NEXT_STATEMENT

    assert _THEN.search("aircraft then pounded") and _THEN.search(fold("، بعد  ذلك قصفت"))
    assert not _THEN.search("since then") and not _THEN.search(fold("منذ بعد ذلك"))
    assert not _THEN.search("thenceforth")
    assert _NEXT_STATEMENT.search(fold("rejected calls, saying the")) and _NEXT_STATEMENT.search(
        fold("، مضيفاً")
    )
    assert not _NEXT_STATEMENT.search("saying the")  # only after a comma
    assert _SUBORDINATE.search(" after turkey failed") and _SUBORDINATE.search(fold(" بعد فشل"))
    assert not _SUBORDINATE.search(" afterwards") and not _SUBORDINATE.search(fold(" بعدد"))
    assert _ATTEMPT.search(" failed to ") and _ATTEMPT.search(fold(" فشلت في "))
    assert not _ATTEMPT.search(" failed into ")
    assert _CALM_APPEAL.match(" all parties to exercise restraint")
    assert _CALM_APPEAL.match(fold(" الجانبين إلى ضبط النفس"))
    assert _CALM_APPEAL.match(" both sides to de-escalate")
    assert not _CALM_APPEAL.match(" turkey to withdraw its forces")
    assert _GOING_ON.match(", now in its fifth day") and _GOING_ON.match(fold(" التي دخلت يومها الخامس"))
    assert _GOING_ON.match(", which began on wednesday") and not _GOING_ON.match(", which beganx")
    assert not _GOING_ON.match(fold(" التي دخلت المدينة"))


def test_context_rules_splice_their_word_lists_into_their_grammar() -> None:
    from timeline.extract.context import _APPEAL, _COMES, _CONCURRENT, _DURING_TALKS, _RETALIATION
    from timeline.extract.reported import _DISCUSSION

    assert _COMES.match(fold("ويأتي ذلك بعد")) and _COMES.match("the attack came a day after")
    assert not _COMES.match(fold("وقال"))
    assert _CONCURRENT.match(fold("، فيما قصفت")) and _CONCURRENT.match(", while rebels")
    assert not _CONCURRENT.match(", whilst")
    assert _APPEAL.match(fold(" المجتمع الدولي")) and _APPEAL.match(" the u.n. security council")
    assert not _APPEAL.match(" turkey to withdraw")
    assert _DURING_TALKS.search(fold("طالب خلال الاجتماع بانسحاب")) and _DURING_TALKS.search(
        "said at the talks"
    )
    assert not _DURING_TALKS.search("said at a rally")
    assert _RETALIATION.search("turkey retaliated") and _RETALIATION.search("in retaliation for")
    assert _RETALIATION.search(fold("وردت القوات")) and not _RETALIATION.search(fold("ردهة"))
    assert _DISCUSSION.search("consultations") and not _DISCUSSION.search("offensive")
