"""Numbers written as words, Arabic and English: cardinals (casualty figures) and ordinals (day numbers).

The words live in ``data/lexicons/numbers.csv``; compounds are built here from their parts, on folded
text (one alef, ة->ه, lower case):

- Arabic cardinals: ``خمسة`` 5, ``خمسة عشر`` 15 (unit + عشر/عشرة), ``خمسة وعشرين`` 25 (unit + و + ten),
  ``مئتين`` 200, ``ثلاث مئة`` 300; English: ``five``, ``twenty-five``, ``a dozen`` 12, ``two hundred``.
- Ordinals of a day: ``العاشر`` 10, ``الحادي عشر`` 11, ``السابع والعشرين`` 27; ``tenth``,
  ``twenty-seventh``.

"Dozens", "hundreds", "عشرات", "مئات" are not numbers and are not matched (a plural is no figure).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline.normalize import fold
from timeline.resources import lexicon_path


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class NumberWords:
    """Folded number words by kind (``kind -> word -> value``) and the regexes built from them.

    ``cardinal`` and ``ordinal`` are regex sources without groups or word boundaries; the caller
    adds those (``(?<!\\w)(?:...)(?!\\w)``).
    """

    words: dict[str, dict[str, int]]
    cardinal: str
    ordinal: str
    known: frozenset[str]

    def value(self, text: str, ordinal: bool = False) -> int | None:
        """The value of a folded number phrase matched by :attr:`cardinal` / :attr:`ordinal`.

        Parts add up (``خمسه وعشرين`` 5 + 20, ``twenty-seventh`` 20 + 7); ``hundred``, ``dozen``,
        ``مئه`` multiply what comes before (``two hundred`` 200, ``a dozen`` 12). ``None`` when a part
        is not a number word.
        """
        kinds = (
            ("ord_unit", "ord_ten", "ord_teen", "ten") if ordinal else ("unit", "teen_unit", "ten", "teen")
        )
        total = 0
        for raw in re.split(r"[\s\-]+", text.strip()):
            if not raw or raw == "a" or raw == "و":
                continue
            tok = raw
            if tok not in self.known and tok.startswith("و") and tok[1:] in self.known:
                tok = tok[1:]
            if tok in self.words["big"] and not ordinal:
                total = max(total, 1) * self.words["big"][tok]
                continue
            for kind in kinds:
                if tok in self.words[kind]:
                    total += self.words[kind][tok]
                    break
            else:
                return None
        return total or None


@lru_cache(maxsize=4)
def load_number_words(path: Path | None = None) -> NumberWords:
    """Read ``numbers.csv`` (``value,word,lang,kind``) and build the cardinal and ordinal patterns."""
    path = path or lexicon_path("numbers.csv")
    kinds = ("unit", "teen_unit", "ten", "teen", "big", "ord_unit", "ord_ten", "ord_teen")
    words: dict[str, dict[str, int]] = {k: {} for k in kinds}
    by_lang: dict[tuple[str, str], list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            kind = row["kind"].strip()
            if kind not in words:
                raise ValueError(f"{path.name}: unknown kind {kind!r} for {row['word']!r}")
            w = fold(row["word"].strip())
            words[kind][w] = int(row["value"])
            by_lang.setdefault((row["lang"].strip(), kind), []).append(w)

    def g(lang: str, kind: str, pred=lambda w: True) -> str:  # noqa: ANN001 - local filter
        return _alt([w for w in by_lang.get((lang, kind), []) if pred(w)])

    ar_tens = by_lang.get(("ar", "ten"), [])
    ar_ten10 = _alt([w for w in ar_tens if words["ten"][w] == 10])
    ar_tens20 = _alt([w for w in ar_tens if words["ten"][w] >= 20])
    ar_unit = g("ar", "unit")
    ar_card = (
        rf"(?:(?:{ar_unit}|{g('ar', 'teen_unit')})\s+(?:{ar_ten10})"  # خمسه عشر
        rf"|(?:{ar_unit})\s+و\s?(?:{ar_tens20})"  # خمسه وعشرين
        rf"|(?:{ar_unit})\s+(?:{g('ar', 'big')})"  # ثلاث مئه
        rf"|{g('ar', 'big')}|{_alt(ar_tens)}|{ar_unit})"
    )
    en_unit = g("en", "unit")
    en_big = g("en", "big")
    en_card = (
        rf"(?:(?:(?:a|{en_unit})\s+)?(?:{en_big})"  # a dozen, two hundred
        rf"|(?:{g('en', 'ten')})(?:[\s\-](?:{en_unit}))?"  # twenty-five
        rf"|{g('en', 'teen')}|{en_unit})"
    )
    ar_ou = g("ar", "ord_unit")
    ar_ord = (
        rf"(?:(?:{ar_ou})\s+عشر(?:ه)?"  # الحادي عشر
        rf"|(?:{ar_ou})\s+و\s?(?:{g('ar', 'ord_ten', lambda w: words['ord_ten'][w] >= 20)})"  # السابع والعشرين
        rf"|{g('ar', 'ord_ten')}|{ar_ou})"
    )
    en_ord = (
        rf"(?:(?:{g('en', 'ten')})[\s\-](?:{g('en', 'ord_unit')})"  # twenty-seventh
        rf"|{g('en', 'ord_teen')}|{g('en', 'ord_ten')}|{g('en', 'ord_unit')})"
    )
    known = frozenset(w for kind in words.values() for w in kind)
    return NumberWords(words, f"(?:{ar_card}|{en_card})", f"(?:{ar_ord}|{en_ord})", known)
