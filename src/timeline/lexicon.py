"""Trigger and cue lexicons: data files under ``data/lexicons/`` turned into matchers.

A researcher extends the extractor by adding a row to ``triggers.csv`` (a word that signals an
event) or ``cues.csv`` (a word that shapes one: status, negation, clause boundary ...).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from timeline.matcher import ARABIC_SUFFIXES, Match, Matcher
from timeline.model import EVENT_TYPES, SUBTYPES
from timeline.normalize import fold
from timeline.resources import lexicon_path

ENGLISH_SUFFIXES = ("s", "es", "ed", "ing", "'s")
CUES = (
    "failed",
    "planned",
    "ongoing",
    "negation",
    "stop",
    "clause",
    "clause_new_time",
    "place_anaphor",
    "initiator",
    "report",
    "superlative",
    "denial",
    "hypothetical",
    "topic",
    "topic_after",
    "provision",
    "name",
    "source",
    "geo_noun",
    "internal",
    "reference",
    "deadline",
    "concluded",
    "held",
    "resumed",
    "continued",
    "seat",
)
#: Cues that are word lists read by rules (:func:`cue_alternation`), not matched in text.
WORD_LIST_CUES = frozenset(
    {
        "discuss_verb",
        "speech_noun",
        "flee_verb",
        "frame_word",
        "blame_verb",
        "speak_verb",
        "outlet_noun",
        "road_noun",
        "next_statement",
        "attempt_word",
        "subordinate",
        "then_word",
        "calm_addressee",
        "calm_word",
        "going_on_verb",
        "going_on_period",
        "comes_verb",
        "concurrent_word",
        "appeal_body",
        "talks_frame",
        "meeting_noun",
        "retaliation_word",
        "sport_word",
        "civic_word",
        "discussion_noun",
        "endangered_noun",
        "any_attack_word",
        "sport_article_word",
    }
)


@dataclass(frozen=True)
class Trigger:
    type: str
    subtype: str
    strong: bool
    lang: str


@dataclass(frozen=True)
class Cue:
    cue: str
    arg: str
    lang: str


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a lexicon CSV; lines starting with '#' are comments."""
    with path.open(encoding="utf-8") as fh:
        yield from csv.DictReader(line for line in fh if line.strip() and not line.startswith("#"))


class TriggerLexicon:
    """Trigger words (a clitic-aware :class:`Matcher`) and trigger patterns (regexes over folded text).

    Patterns (``trigger_patterns.csv``) catch constructions a word list cannot: "gave the regime until the
    end of February", "must withdraw ... by", "reserves the right to retaliate". Where a pattern and a word
    overlap, the longer hit wins, as among words.
    """

    def __init__(self, words: Matcher[Trigger], patterns: list[tuple[re.Pattern[str], Trigger]]) -> None:
        self.words = words
        self.patterns = patterns

    def find(self, folded: str) -> list[Match[Trigger]]:
        """Non-overlapping trigger hits in folded text, in text order."""
        hits = self.words.find(folded)
        for rx, trig in self.patterns:
            for m in rx.finditer(folded):
                hit = Match(m.start(), m.end(), m.group(0), trig)
                clash = [h for h in hits if h.start < hit.end and hit.start < h.end]
                if all(hit.end - hit.start > h.end - h.start for h in clash):
                    hits = [h for h in hits if h not in clash] + [hit]
        return sorted(hits, key=lambda h: h.start)


def _trigger(path: Path, n: int, row: dict[str, str]) -> Trigger:
    etype, subtype = row["type"], row["subtype"]
    if etype not in EVENT_TYPES or subtype not in SUBTYPES[etype]:
        raise ValueError(f"{path}:{n}: unknown type/subtype {etype}/{subtype}")
    return Trigger(etype, subtype, row["strength"] == "strong", row["lang"])


def load_triggers(path: Path, patterns: Path | None = None) -> TriggerLexicon:
    """Trigger words from ``path`` and, if given, trigger patterns from ``patterns``.

    Raises ``ValueError`` naming the file and line of an unknown type/subtype or a pattern that does not
    compile. Patterns are folded like the text (so they are written in lower case, Arabic letters as
    written), and must not use upper-case regex escapes (\\S, \\W, \\D, \\B).
    """
    matcher: Matcher[Trigger] = Matcher(
        suffixes=ARABIC_SUFFIXES, english_suffixes=ENGLISH_SUFFIXES, definite=True
    )
    for n, row in enumerate(read_rows(path), start=2):
        matcher.add(row["term"], _trigger(path, n, row))
    compiled: list[tuple[re.Pattern[str], Trigger]] = []
    if patterns is not None and patterns.exists():
        for n, row in enumerate(read_rows(patterns), start=2):
            folded = fold(row["pattern"])
            if len(folded) != len(row["pattern"]):
                # folding drops quotes and marks: '["«]?' would become '[]?', a class that swallows the pattern
                raise ValueError(
                    f"{patterns}:{n}: folding drops characters from the pattern (quotes, marks): "
                    r"write them as a class such as [^\w\s]"
                )
            try:
                rx = re.compile(folded)
            except re.error as exc:
                raise ValueError(f"{patterns}:{n}: bad pattern: {exc}") from exc
            compiled.append((rx, _trigger(patterns, n, row)))
    return TriggerLexicon(matcher, compiled)


def load_cues(path: Path) -> tuple[Matcher[Cue], list[tuple[str, bool]]]:
    """The cue matcher, and the clause markers (folded, with their new-time flag) for the splitter."""
    matcher: Matcher[Cue] = Matcher(suffixes=("ا", "ه", "ها", "هم"), english_suffixes=())
    clauses: list[tuple[str, bool]] = []
    for n, row in enumerate(read_rows(path), start=2):
        cue = row["cue"]
        if cue not in CUES and cue not in WORD_LIST_CUES:
            raise ValueError(f"{path}:{n}: unknown cue {cue!r}")
        if cue in WORD_LIST_CUES:
            continue  # read by the rules that use it (cue_alternation)
        if cue.startswith("clause"):
            clauses.append((fold(row["term"]).strip(), cue == "clause_new_time"))
        else:
            matcher.add(row["term"], Cue(cue, row.get("arg") or "", row["lang"]))
    return matcher, clauses


@cache
def cue_alternation(cue: str, lang: str | None = None, path: Path | None = None) -> str:
    """A regex alternation ``(?:a|b|...)`` of the folded terms of the word-list cue ``cue`` in ``path``
    (default: the shipped ``cues.csv``), of language ``lang`` ("ar"/"en", None for both), longest first;
    the words of a term are joined by ``\\s+``. E.g. the Arabic verbs of discussing (``discuss_verb``:
    بحث، ناقشا، يتناول ...), the nouns of a speech (``speech_noun``: "speech", خطاب). Read once per process.

    Raises ``ValueError`` when ``cue`` is not a word-list cue (:data:`WORD_LIST_CUES`) or has no rows.
    """
    if cue not in WORD_LIST_CUES:
        raise ValueError(f"{cue!r} is not a word-list cue ({', '.join(sorted(WORD_LIST_CUES))})")
    path = path or lexicon_path("cues.csv")
    terms = {
        tuple(fold(row["term"]).split())
        for row in read_rows(path)
        if row["cue"] == cue and (lang is None or row["lang"] == lang)
    }
    if not terms:
        raise ValueError(f"{path}: no rows of cue {cue!r}" + (f" in language {lang!r}" if lang else ""))
    ordered = sorted(terms, key=lambda words: (-len(" ".join(words)), words))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, words)) for words in ordered) + ")"
