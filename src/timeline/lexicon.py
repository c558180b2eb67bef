"""Trigger and cue lexicons: data files under ``data/lexicons/`` turned into matchers.

A researcher extends the extractor by adding a row to ``triggers.csv`` (a word that signals an
event) or ``cues.csv`` (a word that shapes one: status, negation, clause boundary ...).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.matcher import ARABIC_SUFFIXES, Matcher
from timeline.model import EVENT_TYPES, SUBTYPES
from timeline.normalize import fold

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


def load_triggers(path: Path) -> Matcher[Trigger]:
    matcher: Matcher[Trigger] = Matcher(suffixes=ARABIC_SUFFIXES, english_suffixes=ENGLISH_SUFFIXES)
    for n, row in enumerate(read_rows(path), start=2):
        etype, subtype = row["type"], row["subtype"]
        if etype not in EVENT_TYPES or subtype not in SUBTYPES[etype]:
            raise ValueError(f"{path}:{n}: unknown type/subtype {etype}/{subtype}")
        matcher.add(row["term"], Trigger(etype, subtype, row["strength"] == "strong", row["lang"]))
    return matcher


def load_cues(path: Path) -> tuple[Matcher[Cue], list[tuple[str, bool]]]:
    """The cue matcher, and the clause markers (folded, with their new-time flag) for the splitter."""
    matcher: Matcher[Cue] = Matcher(suffixes=("ا", "ه", "ها", "هم"), english_suffixes=())
    clauses: list[tuple[str, bool]] = []
    for n, row in enumerate(read_rows(path), start=2):
        cue = row["cue"]
        if cue not in CUES:
            raise ValueError(f"{path}:{n}: unknown cue {cue!r}")
        if cue.startswith("clause"):
            clauses.append((fold(row["term"]).strip(), cue == "clause_new_time"))
        else:
            matcher.add(row["term"], Cue(cue, row.get("arg") or "", row["lang"]))
    return matcher, clauses
