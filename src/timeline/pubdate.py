"""Publication dates from bylines and metadata, in Arabic and English, without dateparser.

dateparser costs ~1 ms a call and misses Levantine months unless told the locale; a byline or a
metadata field has a handful of shapes, so a few compiled regexes over a length-preserving folded
copy do the job (and give the offsets of the match, which the readers use to cut a byline).

Time zones: the result is always *naive*, the wall-clock time as written; a UTC offset or zone name
is dropped, not applied. Relative dates in a text ("on Monday", "yesterday") refer to the outlet's
own calendar day, which converting to UTC could shift by one. Unix timestamps are read as UTC.

Numeric dates: ``4/5/17`` (slashes) is month/day/year as in FA-KES; ``26-01-2016`` or ``26.01.2016``
(dashes, dots) is day-month-year; when the first number is over 12 the order is day first either way.
Two-digit years are 2000-2069 or 1970-1999.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from timeline.resources import lexicon_path

# One-to-one character folding (same length, so match offsets are offsets into the original).
_FOLD_TABLE = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "\u00a0": " ",
        "\u200f": " ",
        "\u200e": " ",
    }
)

_AR = r"\u0621-\u064a"
_WEEKDAYS = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
    r"|(?:ال)?(?:اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)"
)
_TIME = (
    r"(?:[\s,،\-–|]*(?:(?:at|الساعه)\s*)?"
    r"(?:(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?|(?<=at )(?P<H2>\d{2})(?P<M2>\d{2})(?!\d))"
    r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?|صباحا|صباحاً|مساء|مساءً|ص|م)(?![a-z" + _AR + r"]))?)?"
)
# "at 0914" (FA-KES) is H2=09, M2=14: the glued form is only read right after "at ".


def fold_same_length(text: str) -> str:
    """Digits to ASCII, Latin to lower case, alef forms to ا: every character maps to one."""
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=4)
def _month_table(path: str) -> dict[str, int]:
    """Folded month name -> month number, from ``months.csv`` (a researcher can add names there)."""
    table: dict[str, int] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = fold_same_length((row.get("name") or "").strip())
            if name and (row.get("month") or "").strip().isdigit():
                table[name] = int(row["month"])
    return table


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    dmy: re.Pattern[str]
    mdy: re.Pattern[str]
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    ymd_slash: re.Pattern[str]


@lru_cache(maxsize=4)
def _patterns(path: str) -> _Patterns:
    """Compile the date regexes once per months file (cached: immutable after construction)."""
    months = _month_table(path)
    names = sorted(months, key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    month = rf"(?P<mon>{alt})\.?(?:\s*[/(]\s*(?:{alt})\s*\)?)?"
    bound_l = rf"(?<![\w{_AR}])"
    bound_r = rf"(?![\w{_AR}])"
    weekday = rf"(?:(?:{_WEEKDAYS})[\s,،]+)?"
    dmy = re.compile(
        rf"{bound_l}{weekday}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+|من\s+)?(?:شهر\s+)?"
        rf"{month}{bound_r}[\s,،.\-]*(?P<y>\d{{4}}){bound_r}(?:م(?![{_AR}]))?{_TIME}"
    )
    mdy = re.compile(
        rf"{bound_l}{weekday}{month}{bound_r}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s,،.]+(?P<y>\d{{4}}){bound_r}{_TIME}"
    )
    iso = re.compile(
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
        r"(?:[t\s](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
        r"(?:\s*(?:z|[+\-]\d{2}:?\d{2}|utc|gmt))?(?!\d)"
    )
    numeric = re.compile(
        r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/\-]|\.\d)"
        + _TIME
    )
    ymd_slash = re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)" + _TIME)
    return _Patterns(months, dmy, mdy, iso, numeric, ymd_slash)


def _default_patterns() -> _Patterns:
    return _patterns(str(lexicon_path("months.csv")))


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _clock(m: re.Match[str]) -> tuple[int, int, int]:
    """Hour, minute, second of the optional time group (0, 0, 0 when absent)."""
    gd = m.groupdict()
    if gd.get("H") is not None:
        hour, minute, second = int(gd["H"]), int(gd["M"]), int(gd.get("S") or 0)
    elif gd.get("H2") is not None:
        hour, minute, second = int(gd["H2"]), int(gd["M2"]), 0
    else:
        return 0, 0, 0
    ampm = (gd.get("ampm") or "").replace(".", "")
    if ampm in ("pm", "م", "مساء", "مساءً") and hour < 12:
        hour += 12
    elif ampm in ("am", "ص", "صباحا", "صباحاً") and hour == 12:
        hour = 0
    return hour, minute, second


def _build(year: int, month: int, day: int, clock: tuple[int, int, int]) -> datetime | None:
    for hms in (clock, (0, 0, 0)):  # an impossible clock ("25:70") still leaves a good date
        try:
            return datetime(year, month, day, *hms)
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: the value and where it was written."""

    value: datetime
    start: int
    end: int


def _convert(kind: str, m: re.Match[str], months: dict[str, int]) -> datetime | None:
    gd = m.groupdict()
    if kind in ("dmy", "mdy"):
        mon = months.get(re.sub(r"\s+", " ", gd["mon"]))
        if mon is None:
            return None
        return _build(int(gd["y"]), mon, int(gd["d"]), _clock(m))
    if kind == "iso":
        hms = (int(gd["H"] or 0), int(gd["M"] or 0), int(gd["S"] or 0))
        return _build(int(gd["y"]), int(gd["m"]), int(gd["d"]), hms)
    if kind == "ymd":
        return _build(int(gd["y"]), int(gd["m"]), int(gd["d"]), _clock(m))
    a, b = int(gd["a"]), int(gd["b"])
    month_first = gd["sep"] == "/"
    if a > 12:
        month_first = False
    elif b > 12:
        month_first = True
    month, day = (a, b) if month_first else (b, a)
    return _build(_year(gd["y"]), month, day, _clock(m))


def find_dates(text: str) -> list[DateMatch]:
    """Every date with day, month and year in ``text``, in order; overlapping matches keep the first."""
    pats = _default_patterns()
    folded = fold_same_length(text)
    found: list[DateMatch] = []
    for kind, pat in (
        ("iso", pats.iso),
        ("dmy", pats.dmy),
        ("mdy", pats.mdy),
        ("ymd", pats.ymd_slash),
        ("num", pats.numeric),
    ):
        for m in pat.finditer(folded):
            value = _convert(kind, m, pats.months)
            if value is not None:
                end = m.end()
                while end > m.start() and folded[end - 1] in " ,،-–|":
                    end -= 1
                found.append(DateMatch(value, m.start(), end))
    found.sort(key=lambda d: (d.start, -d.end))
    kept: list[DateMatch] = []
    for d in found:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return kept


_UNIX = re.compile(r"\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*")


def parse_published(text: str) -> datetime | None:
    """The first full date (day, month, year; time if given) in a byline or metadata value, else None.

    Understands Arabic (MSA, Levantine, Maghrebi months; Arabic-Indic digits; م/ص), English,
    ISO 8601, RFC 822, M/D/YY and Unix timestamps. A month or a year alone gives None.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    unix = _UNIX.fullmatch(text)
    if unix:
        seconds = int(unix.group(1))
        if len(unix.group(1)) >= 12:
            seconds //= 1000
        try:
            return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    dates = find_dates(text[:2000])
    return dates[0].value if dates else None


_DATELINE_WEEKDAY = re.compile(rf"^\s*(?:{_WEEKDAYS})(?![a-z{_AR}])")
_DATELINE_LABEL = re.compile(
    r"^\s*(?:date of publication|(?:first |last )?published|posted|(?:last )?updated|تاريخ النشر|نشر في"
    r"|تم النشر(?: بتاريخ)?|اخر تحديث)(?: on| at)?\s*[:\-–]?\s*$"
)
_DATELINE_AFTER = re.compile(r"^[ \t]*(?:$|[\r\n]|[-–—|:•.]\s)")


def leading_date(text: str, title: str = "") -> DateMatch | None:
    """The dateline a text starts with ("Wed 05 Apr 2017 Syria attack ...", "26-01-2016 Bombs ...").

    A date that opens a sentence ("4 July 2019 is the election date") is not a dateline: it needs a
    label before it ("Published", "تاريخ النشر"), a weekday, a time, a numeric form, a line end or
    separator after it, or the title right after it. Cut ``text[match.end:]`` to drop label and date.
    """
    head = text[:160]
    dates = find_dates(head)
    if not dates:
        return None
    label = head[: dates[0].start]
    if label.strip():  # "Published April 2 2017 ...", "Date of publication 12 April 2017 ..."
        return dates[0] if _DATELINE_LABEL.match(fold_same_length(label)) else None
    first = dates[0]
    written = fold_same_length(head[first.start : first.end])
    rest = head[first.end :]
    if (
        _DATELINE_WEEKDAY.match(written)
        or ":" in written
        or " at " in written
        or not re.search(rf"[a-z{_AR}]", written)
        or _DATELINE_AFTER.match(rest)
        or (title and rest.lstrip(" \t.,:-–|").startswith(title[:40]))
    ):
        return first
    return None


def months_file() -> Path:
    """Where the month names come from (for tests and documentation)."""
    return lexicon_path("months.csv")
