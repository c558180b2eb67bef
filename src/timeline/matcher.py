"""Multi-pattern matching of lexicon terms in folded text, aware of Arabic clitics.

One Aho-Corasick automaton holds every term; a hit counts only at word boundaries, where the
letters before it in the same word may be a proclitic (و، ف، ب، ل، ك، ال and their stacks) and the
letters after it an allowed suffix (pronoun endings for trigger words). ``لل`` + X is tried as
``ال`` + X, so للأتارب finds الأتارب; a term ending in a ta marbuta is also found in its ت form before a
pronoun (قمة in قمتهم). Overlapping hits keep the longest (then leftmost).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from timeline.normalize import fold, is_word_char

T = TypeVar("T")

#: Proclitic stacks, longest first (NOTES-arabic.md); matching keeps at least three letters of the term.
PROCLITICS = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "فب",
    "فل",
    "وك",
    "وس",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ال",
)
_PROCLITIC_SET = frozenset(PROCLITICS)

#: Pronoun suffixes allowed after trigger words (هجماته، قواتها، مباحثاتهم).
ARABIC_SUFFIXES = frozenset(
    {"ا", "وا", "ت", "تا", "ه", "ها", "هم", "هما", "هن", "نا", "كم", "ي", "ين", "ان", "ات", "يه"}
)


#: The pronouns a ta marbuta turns into ت before (قمتهم، هدنتها، حملته): the ت form matches only with one of them.
TA_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "كم", "ي"})


def _ta_form(indexed: str, key: str) -> bool:
    """Is ``indexed`` the ت form of ``key``, a term ending in a ta marbuta (folded ه)?"""
    return indexed != key and key.endswith("ه") and indexed == key[:-1] + "ت"


@dataclass(frozen=True)
class Match(Generic[T]):
    start: int  # in the folded text, including no clitic
    end: int
    term: str
    value: T


class Matcher(Generic[T]):
    """Find lexicon terms in folded text. ``add`` terms as written; they are folded here."""

    def __init__(
        self, suffixes: Iterable[str] = (), english_suffixes: Iterable[str] = (), definite: bool = False
    ) -> None:
        """``definite``: an Arabic term of several words also matches with the article on each word
        (عملية عسكرية -> العملية العسكرية; the first word's article is a proclitic anyway)."""
        self._definite = definite
        self._automaton = ahocorasick.Automaton()
        self._entries: dict[str, list[tuple[str, T]]] = {}
        self._suffixes = frozenset(fold(s) for s in suffixes)
        self._en_suffixes = frozenset(english_suffixes)
        self._built = False

    def add(self, term: str, value: T) -> None:
        key = " ".join(fold(term).split())
        if not key:
            return
        self._entries.setdefault(key, []).append((key, value))
        words = key.split()
        if self._definite and len(words) > 1 and not key.isascii():
            definite = " ".join([words[0], *(w if w.startswith("ال") else "ال" + w for w in words[1:])])
            if definite != key:
                self._entries.setdefault(definite, []).append((definite, value))
        # "لل" + X is written for "ل" + "ال" + X: index the form without the alef too.
        if key.startswith("ال") and len(key) > 4:
            self._entries.setdefault("ل" + key[2:], []).append((key, value))
        # a final ta marbuta (folded ه) is written ت before a pronoun: قمة -> قمتهم, هدنة -> هدنتها, حملة -> حملته
        if self._suffixes and not key.isascii() and key.endswith("ه") and len(words[-1]) >= 3:
            self._entries.setdefault(key[:-1] + "ت", []).append((key, value))
        self._built = False

    def __len__(self) -> int:
        return len(self._entries)

    def _build(self) -> None:
        self._automaton = ahocorasick.Automaton()
        for key, entries in self._entries.items():
            self._automaton.add_word(key, (key, entries))
        if self._entries:
            self._automaton.make_automaton()
        self._built = True

    def _left_ok(self, text: str, start: int, key: str, indexed: str) -> bool:
        word_start = start
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        prefix = text[word_start:start]
        if indexed != key and not _ta_form(indexed, key):  # the "ل" + X form of "ال" + X: only after a lam
            return prefix in {"ل", "ول", "فل"}
        if not prefix:
            return True
        if len(key.replace(" ", "")) < 3:
            return False
        return prefix in _PROCLITIC_SET and not prefix.isascii()

    def _right_ok(self, text: str, end: int, arabic: bool) -> int | None:
        """The end of the word when the term may stop at ``end``; None when it may not."""
        word_end = end
        while word_end < len(text) and is_word_char(text[word_end]):
            word_end += 1
        rest = text[end:word_end]
        if not rest:
            return end
        if arabic and rest in self._suffixes:
            return word_end
        if not arabic and rest in self._en_suffixes:
            return word_end
        return None

    def find(self, text: str) -> list[Match[T]]:
        """All non-overlapping hits in ``text`` (already folded), longest first, then leftmost."""
        if not self._built:
            self._build()
        if not self._entries:
            return []
        hits: list[tuple[int, int, str, T]] = []
        for last, (indexed, entries) in self._automaton.iter(text):
            start = last - len(indexed) + 1
            end = last + 1
            key = entries[0][0]
            arabic = not key.isascii()
            if not self._left_ok(text, start, key, indexed):
                continue
            word_end = self._right_ok(text, end, arabic)
            if word_end is None or (_ta_form(indexed, key) and text[end:word_end] not in TA_PRONOUNS):
                continue
            for term, value in entries:
                hits.append((start, word_end, term, value))
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int]] = []
        out: list[Match[T]] = []
        for start, end, term, value in hits:
            if any(start < e and s < end for s, e in taken if (s, e) != (start, end)):
                continue
            taken.append((start, end))
            out.append(Match(start, end, term, value))
        out.sort(key=lambda m: (m.start, m.end))
        return out
