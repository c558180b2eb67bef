"""Drop navigation, link lists, share bars and bylines from article text, line by line.

Link lists ("related news", "read also", "previous story") carry headlines of *other* stories: if
they stay, their events are extracted and dated as if this article reported them. The rules are
general, not fitted to one site:

* a marker lexicon (``data/lexicons/boilerplate.csv``, columns ``marker,lang,action``) a researcher
  can extend. Actions: ``cut_rest`` (this line and everything after it), ``drop_next`` (this line
  and the short link-like lines after it), ``drop_line`` (this line), ``nav_word`` (a line made only of
  such words, e.g. "Home | News | World" or "Facebook Twitter WhatsApp"), ``byline`` (a keyword that
  makes a short line holding a date a byline), ``author`` ("By", "بقلم": a short line of a name);
* structure: bylines and lines that are only a date, breadcrumb/menu lines, bare URLs, lines with
  no letters or digits.

Markers match whole lines after folding (hamza, diacritics, case), so "اقرأ أيضاً:" and "اقرا ايضا"
are one marker; a marker inside a sentence never fires. A ``cut_rest`` marker seen before any prose
(a sidebar scraped above the story) only drops its own link list, so it cannot empty an article.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from timeline.normalize import fold
from timeline.pubdate import find_dates
from timeline.resources import lexicon_path

ACTIONS = ("cut_rest", "drop_next", "drop_line", "nav_word", "byline", "author")

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?؟…。]['\"”’»)\]]*\s*$")
_SEPARATED = re.compile(r"^\s*[:：|\-–—»«>(\[.،,]")
_URL_LINE = re.compile(r"^\s*(?:<)?(?:https?://|www\.)\S+\s*(?:>)?\s*$", re.IGNORECASE)
_MENU_SPLIT = re.compile(r"\s*[|»›•·]\s*")
_MAX_LINK_WORDS = 20
_MAX_BYLINE_WORDS = 30
_MAX_AUTHOR_WORDS = 7


@dataclass(frozen=True)
class Lexicon:
    """Folded markers by action (built once per file, immutable)."""

    cut_rest: frozenset[str]
    drop_next: frozenset[str]
    drop_line: frozenset[str]
    nav_words: frozenset[str]
    byline_re: re.Pattern[str] | None
    nav_re: re.Pattern[str] | None
    author: frozenset[str]
    max_words: int


def _key(line: str) -> str:
    """A line folded for marker lookup: its words only (no punctuation, markdown marks or emoji)."""
    return " ".join(_WORD.findall(fold(line).replace("_", " ")))


def _word_alternation(words: set[str]) -> re.Pattern[str] | None:
    """One regex matching any of ``words`` as whole words (longest first)."""
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)")


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read ``boilerplate.csv`` (unknown actions are ignored so a typo cannot break reading)."""
    groups: dict[str, set[str]] = {a: set() for a in ACTIONS}
    with open(path or lexicon_path("boilerplate.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            action = (row.get("action") or "").strip()
            key = _key(row.get("marker") or "")
            if key and action in groups:
                groups[action].add(key)
    markers = groups["cut_rest"] | groups["drop_next"] | groups["drop_line"]
    return Lexicon(
        cut_rest=frozenset(groups["cut_rest"]),
        drop_next=frozenset(groups["drop_next"]),
        drop_line=frozenset(groups["drop_line"]),
        nav_words=frozenset(groups["nav_word"]),
        byline_re=_word_alternation(groups["byline"]),
        nav_re=_word_alternation(groups["nav_word"]),
        author=frozenset(groups["author"]),
        max_words=max((len(m.split()) for m in markers), default=1),
    )


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def is_prose(line: str) -> bool:
    """A sentence of article text: long, or a complete sentence of some length."""
    n = word_count(line)
    return n > _MAX_LINK_WORDS or (n >= 8 and bool(_SENTENCE_END.search(line)))


def is_link_like(line: str) -> bool:
    """A headline or menu entry: short and not ending like a sentence."""
    stripped = line.strip()
    if not stripped:
        return False
    if _URL_LINE.match(stripped):
        return True
    return word_count(stripped) <= _MAX_LINK_WORDS and not _SENTENCE_END.search(stripped)


def _marker_action(line: str, lex: Lexicon) -> tuple[str, bool] | None:
    """(action, whole_line) for a line that starts with a marker, else None."""
    key = _key(line)
    if not key:
        return None
    words = key.split(" ")
    folded_line = fold(line)
    for n in range(min(lex.max_words, len(words)), 0, -1):
        head = " ".join(words[:n])
        for action, table in (
            ("cut_rest", lex.cut_rest),
            ("drop_next", lex.drop_next),
            ("drop_line", lex.drop_line),
        ):
            if head not in table:
                continue
            if n == len(words):
                return action, True
            after = folded_line[folded_line.find(words[n - 1]) + len(words[n - 1]) :]
            separated = bool(_SEPARATED.match(after))
            if action == "cut_rest":  # the destructive action needs the marker alone on its line;
                # "Related: other headline" is one link
                return ("drop_line", False) if separated and is_link_like(line) else None
            if word_count(line) <= _MAX_LINK_WORDS and (separated or (n > 1 and is_link_like(line))):
                return action, False
            return None
    return None


def is_byline(line: str, lex: Lexicon | None = None) -> bool:
    """A short line that holds a date and a byline keyword ("Published", "تم النشر"), an author line ("By Jane
    Doe, Example Wire, March 6, 2020"), or only a date."""
    lex = lex or load_lexicon()
    if word_count(line) > _MAX_BYLINE_WORDS or _SENTENCE_END.search(line.strip()):
        return False
    dates = find_dates(line)
    if not dates:
        return False
    folded = _key(line)
    if lex.byline_re is not None and lex.byline_re.search(folded):
        return True
    rest = line[: dates[0].start] + " " + line[dates[0].end :]
    # "By Staff Reporter, Example Wire, March 6, 2020", "بقلم فلان - 6 آذار 2020": an author line with its date
    return word_count(rest) <= 3 or is_author_line(rest.strip(" ,،-–|"), lex)


def is_author_line(line: str, lex: Lexicon) -> bool:
    """An author line ("By Jane Doe", "بقلم فلان"): an author marker and a name, nothing else."""
    words = _key(line).split(" ")
    if len(words) > _MAX_AUTHOR_WORDS or _SENTENCE_END.search(line.strip()):
        return False
    return any(" ".join(words[:n]) in lex.author and len(words) > n for n in (1, 2, 3))


def _is_nav(line: str, lex: Lexicon) -> bool:
    """A menu, breadcrumb or share bar: only nav words, or 3+ short segments split by | » ›."""
    key = _key(line)
    if not key:
        return True  # no letters or digits at all: rules, emoji, separators
    if _URL_LINE.match(line):
        return True
    if lex.nav_re is not None and not _WORD.search(lex.nav_re.sub(" ", key)):
        return True
    return _is_menu(line)


def _is_menu(line: str) -> bool:
    """Three or more short segments split by | » › • ("Home | World | Middle East")."""
    if not _MENU_SPLIT.search(line):
        return False
    segments = [s for s in _MENU_SPLIT.split(line.strip()) if s]
    return len(segments) >= 3 and all(word_count(s) <= 4 for s in segments) and not is_prose(line)


def strip_boilerplate(text: str, lexicon: Lexicon | None = None) -> str:
    """``text`` without link lists, menus, share bars and bylines; article lines are kept as written."""
    lex = lexicon or load_lexicon()
    lines = text.splitlines()
    kept: list[str] = []
    seen_prose = False
    skipping_links = False
    for line in lines:
        if not line.strip():
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if word_count(line) > _MAX_BYLINE_WORDS:  # long lines are prose or menus, never markers
            skipping_links = False
            if not _is_menu(line):
                seen_prose = True
                kept.append(line.rstrip())
            continue
        if skipping_links:
            if is_link_like(line) and not _marker_action(line, lex):
                continue
            skipping_links = False
        marker = _marker_action(line, lex)
        if marker:
            action, whole = marker
            if action == "cut_rest" and seen_prose:
                break
            if action in ("cut_rest", "drop_next") and whole:
                skipping_links = True
            continue
        if _is_nav(line, lex) or is_byline(line, lex) or is_author_line(line, lex):
            continue
        seen_prose = seen_prose or is_prose(line)
        kept.append(line.rstrip())
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept)


def iter_markers(lexicon: Lexicon | None = None) -> Iterable[tuple[str, str]]:
    """(folded marker, action) pairs, for documentation and tests."""
    lex = lexicon or load_lexicon()
    for action in ("cut_rest", "drop_next", "drop_line"):
        for marker in sorted(getattr(lex, action)):
            yield marker, action
    for word in sorted(lex.nav_words):
        yield word, "nav_word"
    for word in sorted(lex.author):
        yield word, "author"
