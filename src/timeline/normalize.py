"""Text normalisation for matching, with a map back to the original offsets.

Matching runs on a folded copy (no diacritics or tatweel, one alef, ى->ي, ة->ه, Western digits,
lower case); evidence is cut from the original text through the offset map, so Arabic is kept as
written. pyarabic's helpers are avoided on purpose: they turn إدلب into ءدلب (see NOTES-arabic.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

_DROP = set()
for lo, hi in ((0x0610, 0x061A), (0x064B, 0x065F), (0x06D6, 0x06ED)):
    _DROP.update(chr(c) for c in range(lo, hi + 1))
_DROP.update({"\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"})

_FOLD = {
    "إ": "ا",
    "أ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ی": "ي",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "\u00a0": " ",
    "’": "'",
    "‘": "'",
    "–": "-",
    "—": "-",
}
for i in range(10):
    _FOLD[chr(0x0660 + i)] = str(i)  # Arabic-Indic
    _FOLD[chr(0x06F0 + i)] = str(i)  # Extended (Persian) digits


def fold_char(ch: str) -> str:
    """The one-character folded form of ``ch`` ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    out = _FOLD.get(ch)
    if out is not None:
        return out
    low = ch.lower()
    return low[0] if low else ch


@dataclass(frozen=True)
class Normalized:
    """A folded copy of ``original``; ``offsets[i]`` is where ``text[i]`` came from."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the folded text back to the original text."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end


#: Double quotes and hashtag signs are dropped so that a quoted or tagged term matches
#: (ستتخذ "الخطوات اللازمة", #إدلب); underscores in hashtags (#ريف_إدلب) read as spaces.
_QUOTES = frozenset('"“”«»„‹›#')


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching, keeping a per-character map to the original.

    Besides folding letters, quotes are dropped and runs of whitespace become one space, so a
    multi-word lexicon term matches however the article spaced or quoted it.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _QUOTES:
            continue
        if ch.isspace() or ch == "_":
            if chars and chars[-1] == " ":
                continue
            chars.append(" ")
            offsets.append(i)
            continue
        f = fold_char(ch)
        if f:
            chars.append(f)
            offsets.append(i)
    return Normalized(text, "".join(chars), tuple(offsets))


#: What a search folds (:func:`search_fold`): Arabic letter forms a writer varies (alef with or without hamza
#: or madda, alef maqsura, hamza on ya or waw, ta marbuta) and the marks and tatweel :func:`fold_char` drops.
_SEARCH_FOLDS = (
    (re.compile("[" + re.escape("".join(sorted(_DROP))) + "]"), ""),
    (re.compile("[إأآٱ]"), "ا"),
    (re.compile("[ىئی]"), "ي"),
    (re.compile("ؤ"), "و"),
    (re.compile("ة"), "ه"),
)
_ARABIC = re.compile("[\u0600-\u06ff]")


def search_fold(text: str) -> str:
    """``text`` lower-cased with Arabic letters folded as :data:`_SEARCH_FOLDS` says, for a substring search
    ("إدلب" and "ادلب" both give "ادلب"); other text is only lower-cased."""
    for pattern, repl in _SEARCH_FOLDS:
        text = pattern.sub(repl, text)
    return text.lower()


def search_fold_series(texts: pd.Series) -> pd.Series:
    """:func:`search_fold` of every text, vectorised (only the texts holding Arabic are folded)."""
    out = texts.astype(str).str.lower()
    arabic = out.str.contains(_ARABIC, regex=True).to_numpy(dtype=bool)
    if arabic.any():
        part = out[arabic]
        for pattern, repl in _SEARCH_FOLDS:
            part = part.str.replace(pattern, repl, regex=True)
        out = out.copy()
        out[arabic] = part
    return out


def fold(text: str) -> str:
    """The folded text alone, for lexicon entries and lookups (same rules as :func:`normalize`)."""
    return normalize(text).text


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """'ar' or 'en' by letter counts; '' when the text has too few letters of either script."""
    sample = text[:5000]
    ar = len(_ARABIC_LETTER.findall(sample))
    en = len(_LATIN_LETTER.findall(sample))
    if ar + en < 10:
        return ""
    return "ar" if ar >= en * 0.5 else "en"


def is_word_char(ch: str) -> bool:
    """Letters and digits of any script (after folding) count as word characters."""
    return ch.isalnum() or ch == "_"
