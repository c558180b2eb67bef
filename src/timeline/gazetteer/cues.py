"""Words around a name that tell whether it is a place here (``data/gazetteer/cues.csv``).

* ``person_title``: a village name right after a title, or one word after it, is a person's name
  ("spokesman Omer Celik", "العميد سهيل الحسن", "الطفل عمر").
* ``locative``: a name right after one is a place ("قرية المزرعة", "the village of Omer").
* ``agency``: news agencies of datelines ("BEIRUT (Reuters) -", "موسكو - وكالات:").
* ``common_noun``: words that are also village names (المزرعة "the farm", التل "the hill"): a place
  only right after a locative noun.
* ``village``: nouns of a village or small town ("بلدات صيدا", "the village of Saida"): a big city of
  another country that shares the name is not it.

All checks work on folded text (:func:`timeline.normalize.fold`), so they need no original casing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from timeline.normalize import fold

#: Words that may stand between a title and a name without making it another phrase ("president of").
_FUNCTION = frozenset(
    {"of", "in", "at", "for", "from", "to", "and", "the", "في", "من", "علي", "الي", "عن", "و"}
)
_WORD = re.compile(r"[\w'.]+")
#: The cue kinds of ``cues.csv``, in the order of :class:`PlaceCues`' fields.
_KINDS = ("person_title", "locative", "common_noun", "agency", "village", "feature")


@dataclass(frozen=True)
class PlaceCues:
    """Folded cue words by kind; empty sets when the file is missing."""

    person_titles: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    common_nouns: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    villages: frozenset[str] = frozenset()
    features: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> PlaceCues:
        """Read ``cue,term`` rows (``#`` comments); raises ``ValueError`` naming a line with an unknown cue."""
        if not path.exists():
            return cls()
        kinds: dict[str, set[str]] = {k: set() for k in _KINDS}
        with path.open(encoding="utf-8") as fh:
            rows = csv.DictReader(line for line in fh if line.strip() and not line.startswith("#"))
            for n, row in enumerate(rows, 2):
                if row["cue"] not in kinds:
                    raise ValueError(f"{path}: row {n}: unknown cue {row['cue']!r}")
                kinds[row["cue"]].add(fold(row["term"]).strip())
        return cls(*(frozenset(kinds[k]) for k in _KINDS))

    def _words_before(self, text: str, start: int, n: int) -> list[str]:
        return [
            w.strip(".").removeprefix("و") if not w.isascii() else w.strip(".")
            for w in _WORD.findall(text[max(0, start - 60) : start])
        ][-n:]

    def after_person_title(self, text: str, start: int) -> bool:
        """Is the name at ``start`` a person's: right after a title, or after a title and one name word?"""
        words = self._words_before(text, start, 3)
        if not words:
            return False
        if words[-1] in self.person_titles:
            return True
        arabic = not words[-1].isascii()
        reach = 3 if arabic else 2  # "الرئيس التركي رجب طيب أردوغان"; "minister Hulusi Akar"
        for i in range(2, min(reach, len(words)) + 1):
            between = words[-i + 1 :]
            if words[-i] in self.person_titles and not any(w in _FUNCTION for w in between):
                return True
        return False

    def after_locative(self, text: str, start: int) -> bool:
        """Is the name at ``start`` right after a locative noun ("قرية", "village of")?"""
        return self._after(self.locatives, text, start)

    def after_village(self, text: str, start: int) -> bool:
        """Is the name at ``start`` right after the noun of a village or small town ("بلدات", "village of")?"""
        return self._after(self.villages, text, start)

    def _after(self, nouns: frozenset[str], text: str, start: int) -> bool:
        words = self._words_before(text, start, 2)
        if words and words[-1] == "of":
            words = words[:-1]
        return bool(words) and (words[-1] in nouns or fold(words[-1]).removeprefix("ب") in nouns)
