"""Place names: transliteration folding, Latin article variants, and the false-place filter.

Shared by the build script (``scripts/build_gazetteer.py``), the user-gazetteer import and the
matcher, so a name is cleaned the same way whichever way it came in.

* :func:`ascii_name` folds Latin diacritics and the ayn/hamza marks of scholarly transliteration:
  ``Maʿarrat an-Nuʿmān`` -> ``Maarrat an-Numan``, ``Sarāqib`` -> ``Saraqib``.
* :func:`article_variants` spells a Latin name with each common form of the Arabic article
  (al-/el-, and the sun-letter forms an-/ash-/ar-/as-/at-/ad-/az- ...), so ``Maarat al-Numan``,
  ``Maarat an-Numan`` and ``Maarat el-Numan`` are all indexed; the build writes them once.
* :func:`keep_name` is the false-place filter: too short, a stopname, or a lower-case Latin spelling.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from timeline.normalize import fold

#: Marks of ayn and hamza in transliterations (and the quotes writers use for them): dropped.
QUOTE_MARKS = "‘’`´ʿʾ'ʻʼʽˈ"
_LATIN_EXTRA = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})

#: Latin spellings of the Arabic article; the sun letters assimilate it (an-Numan, ash-Shughur).
ARTICLES = frozenset(
    {"al", "el", "an", "ar", "as", "ash", "at", "ad", "adh", "ath", "az", "ez", "es", "ed", "et", "er", "en"}
)
#: First letters of a word -> the assimilated article before it (Arabic sun letters, Latin spelling).
_SUN = (
    ("sh", "ash"),
    ("th", "ath"),
    ("dh", "adh"),
    ("n", "an"),
    ("r", "ar"),
    ("s", "as"),
    ("t", "at"),
    ("d", "ad"),
    ("z", "az"),
)


def ascii_name(name: str) -> str:
    """'Maʿarrat an-Nuʿmān' -> 'Maarrat an-Numan': diacritics and ayn/hamza marks dropped, spaces tidied."""
    no_marks = "".join(ch for ch in name if ch not in QUOTE_MARKS)
    decomposed = unicodedata.normalize("NFKD", no_marks.translate(_LATIN_EXTRA))
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(out.split())


def _latin_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for code in range(lo, hi + 1):
            ch = chr(code)
            if not ch.isalpha():
                continue
            base = unicodedata.normalize("NFKD", ch.translate(_LATIN_EXTRA))[0]
            if base.isascii() and base != ch:
                table[code] = base
    for mark in QUOTE_MARKS:
        table[ord(mark)] = "'"
    return table


#: One character for one: Latin letters with diacritics -> their base letter, ayn/hamza marks -> "'".
LATIN_FOLD = _latin_table()


def fold_latin_char(ch: str) -> str:
    """One character with its Latin diacritic dropped (ā -> a, Ş -> S) and an ayn/hamza mark as "'".

    Always one character, so offsets into a text hold (``text.translate(LATIN_FOLD)`` does a string).
    """
    return LATIN_FOLD.get(ord(ch), ch)


def article_variants(name: str) -> list[str]:
    """Spellings of a Latin ``name`` with the other common forms of its article (itself not included).

    ``Maarat an-Numan`` -> ``Maarat al-Numan``, ``Maarat el-Numan``; ``al-Bab`` -> ``el-Bab``;
    ``Jisr al-Shughur`` -> ``Jisr ash-Shughur``, ``Jisr el-Shughur``. Only an article followed by a
    word is varied; a name without an article gives nothing.
    """
    words = re.split(r"([ -])", name)
    out: list[str] = []
    for i in range(0, len(words) - 2, 2):
        art = words[i]
        if art.lower() not in ARTICLES or words[i + 1] not in {" ", "-"} or not words[i + 2]:
            continue
        nxt = words[i + 2].lower()
        sun = next((a for prefix, a in _SUN if nxt.startswith(prefix)), "")
        for alt in ("al", "el", sun):
            if alt and alt != art.lower():
                alt_cased = alt.capitalize() if art[:1].isupper() else alt
                variant = "".join([*words[:i], alt_cased, "-", *words[i + 2 :]])
                if variant not in out and variant != name:
                    out.append(variant)
    return out


#: Latin spellings of the generic words Syrian place names start with (تل، كفر، دير، جبل، عين، معرة،
#: خربة، قلعة، خان، تل): one spelling in the news, another in GeoNames (Tal Tamr / Tall Tamr,
#: Kfar Nabudah / Kafr Nabudah, Dayr Hafir / Deir Hafer, Jebel / Jabal, Ein / Ayn). Source: the
#: spellings GeoNames and the corpora in ``../shared/corpus`` give the same places.
GENERIC_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("Tal", "Tel", "Tell", "Tall"),
    ("Kafr", "Kfar", "Kafar", "Kefr", "Kfr"),
    ("Deir", "Dayr", "Dair", "Der"),
    ("Jabal", "Jebel", "Jabel", "Jbel"),
    ("Ain", "Ayn", "Ein", "Ayin"),
    ("Maarat", "Maaret", "Marat", "Maarrat"),
    ("Khirbet", "Khirbat", "Kherbet"),
    ("Qalaat", "Qalat", "Kalaat"),
    ("Qasr", "Kasr"),
)


def generic_variants(name: str) -> list[str]:
    """Spellings of a Latin ``name`` with the other spellings of its first generic word (itself not
    included): ``Tall Tamr`` -> ``Tal Tamr``, ``Tel Tamr``, ``Tell Tamr``; ``Saraqib`` -> ``[]``."""
    first, sep, rest = name.partition(" ")
    if not sep or not rest:
        return []
    out: list[str] = []
    for group in GENERIC_SPELLINGS:
        if first.lower() in (g.lower() for g in group):
            for g in group:
                v = f"{g} {rest}"
                if g.lower() != first.lower() and v not in out:
                    out.append(v)
    return out


def spelling_variants(name: str) -> list[str]:
    """Every variant the gazetteer indexes besides ``name``: :func:`article_variants` and
    :func:`generic_variants`, and the article variants of each generic one."""
    out = article_variants(name)
    for g in generic_variants(name):
        for v in (g, *article_variants(g)):
            if v not in out and v != name:
                out.append(v)
    return out


def name_key(name: str) -> str:
    """The lookup key of a name: folded, diacritics and ayn/hamza marks dropped, hyphens as spaces."""
    if not name.isascii():
        name = name.translate(LATIN_FOLD)
    return " ".join(fold(name).replace("-", " ").replace("'", "").split())


def letters(folded: str) -> int:
    return sum(ch.isalpha() for ch in folded)


def stop_key(folded: str) -> str:
    """What the stoplist is checked against: the name, or the word after a Latin article (Al Qasr -> qasr)."""
    words = folded.split()
    if len(words) == 2 and words[0] in ARTICLES | {"al"}:
        return words[1]
    return folded


def keep_name(name: str, stop: set[str], known: set[str]) -> bool:
    """The false-place filter: 3+ letters, not a stopname (``known`` names always pass)."""
    folded = " ".join(fold(name).replace("-", " ").split())
    if letters(folded) < 3:
        return False
    return folded in known or (folded not in stop and stop_key(folded) not in stop)


def read_stopnames(path: Path) -> set[str]:
    """Folded names, one a line (``#`` comments), from ``stopnames.txt``; empty when it is missing."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {fold(x.strip()) for x in lines if x.strip() and not x.startswith("#")}


_PLAIN_ARABIC = re.compile(r"[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_PERSIAN_SPELLING = set("کیۀ")


def latin_name(raw: str) -> str:
    """A GeoNames Latin spelling as the news might write it, or '' when it is not one.

    Dropped: codes (``ALP``), names with digits, lower-case mechanical transliterations.
    """
    name = ascii_name(raw)
    if not name or not name.isascii() or not name[0].isupper() or any(c.isdigit() for c in name):
        return ""
    if name.isupper() and len(name) <= 4:  # IATA codes: ALP, NQZ
        return ""
    if not re.fullmatch(r"[A-Za-z][A-Za-z .'-]*", name):
        return ""
    return name


def is_plain_arabic(raw: str) -> bool:
    """Arabic script that folds to plain Arabic letters (no Persian, Urdu or Kurdish letters)."""
    return bool(_ARABIC_SCRIPT.search(raw)) and bool(_PLAIN_ARABIC.fullmatch(fold(raw)))


def is_persian_spelling(name: str) -> bool:
    return any(ch in _PERSIAN_SPELLING for ch in name)
