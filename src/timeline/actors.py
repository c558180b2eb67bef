"""The actor lexicon: who is named in a sentence, as CAMEO-style codes (``TURGOV``, ``SYRMIL``).

The names live in ``data/lexicons/actors.csv`` (one row per surface term, documented in its header), so
adding a person or a spelling is a one-line data change. Matching reuses :class:`timeline.matcher.Matcher`
(Arabic proclitics, word boundaries, longest hit wins): "قوات النظام السوري" is one ``SYRMIL`` hit, not
``SYRGOV`` + ``SYR``. When two rows share the same term, the more specific kind wins (a person over a
faction over a military over a government over a country).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline.matcher import Match, Matcher
from timeline.normalize import fold
from timeline.resources import lexicon_path

KINDS = ("country", "government", "military", "armed_group", "person", "organisation")
LANGS = ("ar", "en")
COLUMNS = ("code", "name", "kind", "side", "lang", "term")
CODE_PATTERN = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")

#: First three letters of codes for actors that belong to no state (CAMEO's convention).
PSEUDO_COUNTRIES = {
    "IGO": "intergovernmental organisation",
    "IMG": "international militarised group",
    "NGO": "non-governmental organisation",
}

#: Which row wins when several share one term: the more specific actor (lower rank).
_KIND_RANK = {"person": 0, "armed_group": 1, "military": 2, "organisation": 3, "government": 4, "country": 5}

#: English plural/genitive "s" (Russians, Syrias for "Syria's" with the apostrophe lost).
ENGLISH_SUFFIXES = ("s",)


@dataclass(frozen=True)
class ActorEntry:
    """What a term names: the code the scorer and filters use, and a name to show."""

    code: str
    name: str
    kind: str
    side: str

    @property
    def country(self) -> str:
        return country_of(self.code)


@dataclass(frozen=True)
class ActorRow:
    """One line of ``actors.csv``; ``line`` is its line number in the file, for error messages."""

    code: str
    name: str
    kind: str
    side: str
    lang: str
    term: str
    line: int = 0

    @property
    def entry(self) -> ActorEntry:
        return ActorEntry(self.code, self.name, self.kind, self.side)


def country_of(code: str) -> str:
    """The country part of an actor code: its first three letters.

    For state actors that is the ISO 3166 alpha-3 code (``TURGOV`` -> ``TUR``); for actors of no state it
    is the pseudo-country ``IGO``, ``IMG`` or ``NGO`` (``IGOUNO`` -> ``IGO``), which is what the scorer
    compares. Raises ``ValueError`` for a string that is not an actor code.
    """
    if not CODE_PATTERN.match(code):
        raise ValueError(f"not an actor code: {code!r}")
    return code[:3]


def is_state(code: str) -> bool:
    """True when the code's first three letters name a country, not IGO/IMG/NGO."""
    return country_of(code) not in PSEUDO_COUNTRIES


def parse_rows(lines: Iterable[str], source: str = "actors.csv") -> list[ActorRow]:
    """Rows of the lexicon from its text lines; '#' lines are comments. Raises on a malformed row."""
    numbered = [
        (n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        return []
    reader = csv.reader(line for _, line in numbered)
    header = next(reader)
    if tuple(h.strip() for h in header) != COLUMNS:
        raise ValueError(f"{source}:{numbered[0][0]}: header must be {','.join(COLUMNS)}, got {header}")
    rows: list[ActorRow] = []
    for (n, _), fields in zip(numbered[1:], reader, strict=True):
        if len(fields) != len(COLUMNS):
            raise ValueError(f"{source}:{n}: expected {len(COLUMNS)} fields, got {len(fields)}")
        code, name, kind, side, lang, term = (f.strip() for f in fields)
        row = ActorRow(code, name, kind, side, lang, term, line=n)
        problem = _problem(row)
        if problem:
            raise ValueError(f"{source}:{n}: {problem}")
        rows.append(row)
    return rows


def _problem(row: ActorRow) -> str:
    if not CODE_PATTERN.match(row.code):
        return f"bad code {row.code!r}"
    if row.kind not in KINDS:
        return f"unknown kind {row.kind!r}"
    if row.lang not in LANGS:
        return f"unknown lang {row.lang!r}"
    if not row.term or not row.name or not row.side:
        return "empty term, name or side"
    return ""


def read_rows(path: Path) -> list[ActorRow]:
    with path.open(encoding="utf-8") as fh:
        return parse_rows(fh, source=str(path))


#: A Latin word (an English term's first word).
_LATIN = re.compile(r"[a-z]")
#: Adjectives coordinated before an English term: "syrian and ", "syrian, iranian and ", "u.s. and ".
_EN_COORDINATED = re.compile(r"(?:[a-z.]+\s*,\s*){0,3}[a-z.]+,?\s+and\s+$")
_EN_ADJECTIVE = re.compile(r"([a-z.]+)(?:\s*,\s*|,?\s+and\s+)")
#: An Arabic adjective joined by و right after a term: " والروسيه".
_AR_COORDINATED = re.compile(r"\s+و(ال[\u0621-\u064a]+)(?![\u0621-\u064a])")


def _hashtags_as_words(text: str) -> tuple[str, list[int]]:
    """``text`` without '#' and with '_' as a space, and where each of its characters came from."""
    if "#" not in text:
        return text.replace("_", " "), list(range(len(text)))
    where = [i for i, ch in enumerate(text) if ch != "#"]
    return "".join(text[i] for i in where).replace("_", " "), where


def dual_forms(row: ActorRow) -> list[str]:
    """The Arabic dual of a country's one-word nisba adjective, which the lexicon lists in the singular
    ("مقاتلتان تركيتان", two Turkish jets; "جنديين روسيين"): تركي -> تركيان، تركيين; تركية -> تركيتان،
    تركيتين. Other rows (names, several words, English) have none: []."""
    term = row.term.strip()
    if row.lang != "ar" or row.kind != "country" or " " in term or term.startswith("ال"):
        return []
    if term.endswith(("ية", "يه")):
        return [term[:-1] + "تان", term[:-1] + "تين"]
    if term.endswith("ي"):
        return [term + "ان", term + "ين"]
    return []


class ActorLexicon:
    """Actor names to codes. Build with :meth:`load`; ``find`` works on folded text."""

    def __init__(self, rows: Iterable[ActorRow]) -> None:
        self._rows = tuple(rows)
        self._matcher: Matcher[tuple[int, int, ActorEntry]] = Matcher(english_suffixes=ENGLISH_SUFFIXES)
        self._names: dict[str, str] = {}
        self._sides: dict[str, str] = {}
        for order, row in enumerate(self._rows):
            self._names.setdefault(row.code, row.name)
            self._sides.setdefault(row.code, row.side)
            self._matcher.add(row.term, (_KIND_RANK[row.kind], order, row.entry))
            for form in dual_forms(row):
                self._matcher.add(form, (_KIND_RANK[row.kind], order, row.entry))

    @classmethod
    def load(cls, path: Path | None = None) -> ActorLexicon:
        """The lexicon from ``path`` (default: the shipped ``data/lexicons/actors.csv``)."""
        return cls(read_rows(path or lexicon_path("actors.csv")))

    @property
    def rows(self) -> tuple[ActorRow, ...]:
        return self._rows

    def __len__(self) -> int:
        """The number of distinct terms once folded (إبراهيم and ابراهيم count once)."""
        return len({" ".join(fold(row.term).split()) for row in self._rows})

    def find(self, folded_text: str) -> list[Match[ActorEntry]]:
        """Actor mentions in text already folded by :func:`timeline.normalize.fold`/``normalize``.

        Hashtags are read as words: '#' is skipped and '_' is a space (نظام #الأسد، #تنظيم_الدولة); the
        offsets returned are those of ``folded_text``. One match per span, the most specific row's.
        """
        text, where = _hashtags_as_words(folded_text)
        best: dict[tuple[int, int], Match[tuple[int, int, ActorEntry]]] = {}
        found = self._matcher.find(text)
        for m in [*found, *self._coordinated(text, found)]:
            span = (m.start, m.end)
            if span not in best or m.value[:2] < best[span].value[:2]:
                best[span] = m
        return [
            Match(where[start], where[end - 1] + 1, m.term, m.value[2])
            for (start, end), m in sorted(best.items())
        ]

    def _coordinated(
        self, text: str, found: list[Match[tuple[int, int, ActorEntry]]]
    ) -> list[Match[tuple[int, int, ActorEntry]]]:
        """Nationality adjectives coordinated with one that heads a term of several words share its noun:
        "Syrian and Russian warplanes" is ``SYRMIL`` and ``RUSMIL``, "US and Russian officials" ``USAGOV`` and
        ``RUSGOV``; in Arabic the adjectives follow the noun, "الطائرات الحربية السورية والروسية". Each other
        adjective (English: before "and"/"," ahead of the term; Arabic: a word joined by و right after it) is
        read as the term with its adjective swapped, and kept when the lexicon knows that term."""
        extra: list[Match[tuple[int, int, ActorEntry]]] = []
        for m in found:
            words = m.term.split()
            if len(words) < 2:
                continue
            if _LATIN.match(words[0]):
                # "syrian and russian warplanes", "syrian, iranian and russian forces"
                lead = _EN_COORDINATED.search(text, max(0, m.start - 60), m.start)
                pairs = (
                    [(w.start(1), w.group(1)) for w in _EN_ADJECTIVE.finditer(text, lead.start(), lead.end())]
                    if lead
                    else []
                )
                terms = [(start, " ".join([adj, *words[1:]])) for start, adj in pairs]
            else:
                # "القوات السوريه والروسيه": the noun's last word is its adjective
                after = _AR_COORDINATED.match(text, m.end)
                terms = [(after.start(1), " ".join([*words[:-1], after.group(1)]))] if after else []
            for start, term in terms:
                for hit in self._matcher.find(term):
                    if hit.start == 0 and hit.end == len(term) and hit.value[2].code != m.value[2].code:
                        end = start + len(term.split()[0 if _LATIN.match(words[0]) else -1])
                        extra.append(Match(start, end, hit.term, hit.value))
        return extra

    def codes(self, folded_text: str) -> list[str]:
        """The distinct codes found, in order of first mention."""
        return list(dict.fromkeys(m.value.code for m in self.find(folded_text)))

    def sides(self) -> dict[str, str]:
        """Code -> display side, for the dashboard's filter."""
        return dict(self._sides)

    def names(self) -> dict[str, str]:
        """Code -> canonical name (the name on the code's first row)."""
        return dict(self._names)

    def entries(self) -> Iterator[ActorEntry]:
        """Each distinct actor (code, name, kind, side) once, in file order."""
        yield from dict.fromkeys(row.entry for row in self._rows)
