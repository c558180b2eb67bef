"""Compiled date patterns, built once from ``months.csv`` and ``numbers.csv`` (folded text)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline.normalize import fold
from timeline.number_words import NumberWords, load_number_words
from timeline.resources import lexicon_path

WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد")
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Month names too short or too common to stand alone (آب "father", "may" the modal verb); names
#: with a digit (كانون 2) and two-letter names are added when the lexicon is read.
_NEEDS_DAY_OR_YEAR = {
    "اب",
    "may",
    "mar",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}

_B = r"(?<![\w])"  # left word boundary that works for Arabic letters
_E = r"(?![\w])"
_CL = r"(?:و|ف|ب|ل|وب|ول|فب)?"  # proclitics on Arabic words
_ORD = r"(?:st|nd|rd|th)?"
_DOT = (
    r"(?:(?<=\b[a-z]{3})(?<!may)\.|(?<=sept)\.)?"  # the dot of an abbreviated month (Feb.), not a full stop
)
_YEAR = r"(?:19|20)\d\d"
#: A year given relative to the publication: "من العام الماضي", "last year", "of this year".
_YREL = (
    r"(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?:الماضي|الفايت|المنصرم|الجاري|الحالي|المقبل|القادم)ه?"
    r"|(?:of\s+)?(?:last|this|next)\s+year"
)
PAST_WORDS = ("الماضي", "الماضيه", "المنصرم", "الفايت", "last", "past", "previous")
NEXT_WORDS = ("المقبل", "المقبله", "القادم", "القادمه", "next", "coming")


@lru_cache(maxsize=4)
def load_months(path: Path | None = None) -> dict[str, int]:
    """Folded month name -> month number (``كانون 2`` is kept with one space before the digit)."""
    path = path or lexicon_path("months.csv")
    out: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[month_key(fold(row["name"]))] = int(row["month"])
    return out


def month_key(name: str) -> str:
    """The lookup key of a matched month name: one space between words and before a digit."""
    return re.sub(r"\s*(\d)", r" \1", re.sub(r"\s+", " ", name.strip()))


def _alt(words: list[str]) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        tokens = w.split(" ")
        pat = re.escape(tokens[0])
        for t in tokens[1:]:
            pat += (r"\s*" if t.isdigit() else r"\s+") + re.escape(t)
        parts.append(pat)
    return "|".join(parts)


def needs_day_or_year(name: str) -> bool:
    """A month name that is a date only beside a day or a year (آب, may, كانون 2, ك 2)."""
    return name in _NEEDS_DAY_OR_YEAR or any(c.isdigit() for c in name) or len(name.replace(" ", "")) <= 2


@dataclass(frozen=True)
class Patterns:
    """The compiled regexes of :func:`timeline.dates.find_dates` (see each builder below)."""

    months: dict[str, int]
    numbers: NumberWords
    full: re.Pattern[str]
    cross: re.Pattern[str]
    ordinal: re.Pattern[str]
    numeric: re.Pattern[str]
    month_year: re.Pattern[str]
    month_rel: re.Pattern[str]
    month_alone: re.Pattern[str]
    iso: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relday: re.Pattern[str]
    period: re.Pattern[str]
    ago: re.Pattern[str]
    offset: re.Pattern[str]
    since: re.Pattern[str]
    until: re.Pattern[str]
    day_rel_month: re.Pattern[str]
    day_alone: re.Pattern[str]

    def month(self, name: str) -> int:
        return self.months[month_key(name)]


@lru_cache(maxsize=4)
def patterns(months_path: Path | None = None) -> Patterns:
    """Compile the patterns once per months file."""
    months = load_months(months_path)
    nums = load_number_words()
    m_all = _alt(list(months))
    m_alone = _alt([m for m in months if not needs_day_or_year(m)])
    wd = "|".join(WEEKDAYS_AR + WEEKDAYS_EN)
    day = (
        rf"(?:(?:[وفبل]?ال|the)\s?)?(?P<d1>\d{{1,2}}){_ORD}"
        rf"(?:\s*(?:-|الي|حتي|و|and|to|until)\s*(?:ال\s?)?(?P<d2>\d{{1,2}}){_ORD})?"
    )
    # "17 أيلول/سبتمبر 2018", "18 فبراير/شباط الجاري": Arab outlets give the Levantine and the Gregorian
    # name of one month, joined by a slash; the pair is one month name
    pair = rf"(?:\s*/\s*(?:{m_all}))?"
    mon = rf"(?:من\s+)?{_CL}(?:شهر\s+)?(?:of\s+)?(?P<m>{m_all}){pair}{_DOT}"
    year = (
        rf"(?:,?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>{_YEAR})(?:\s*م)?|\s+(?P<yrel>{_YREL})"
        r"|\s+(?P<ympost>المقبل|القادم|الماضي|المنصرم|الفايت|الجاري|الحالي))?"
    )
    wd_pre = rf"(?:{_CL}(?:يوم\s+)?(?P<wd>{wd}),?\s+(?:the\s+)?)?"
    full = re.compile(
        rf"{_B}{wd_pre}"
        rf"(?:{day}\s+{mon}{year}"
        rf"|(?P<m2>{m_all}){_DOT}\s+(?:the\s+)?(?P<d3>\d{{1,2}}){_ORD}"
        rf"(?:\s*(?:-|and|to|until)\s*(?P<d4>\d{{1,2}}){_ORD})?{year.replace('P<y', 'P<y2')})"
        rf"{_E}"
    )
    # "28 February to 2 March 2020", "من 28 شباط حتى 2 آذار", "February 28 to March 2"
    sep = r"\s*(?:-|الي|حتي|و|and|to|until|through)\s*"
    cross = re.compile(
        rf"{_B}(?:(?P<da>\d{{1,2}}){_ORD}\s+(?:من\s+)?{_CL}(?P<ma>{m_all}){pair}{sep}(?P<db>\d{{1,2}}){_ORD}\s+(?:من\s+)?"
        rf"{_CL}(?P<mb>{m_all}){pair}"
        rf"|(?P<ma2>{m_all}){_DOT}\s+(?P<da2>\d{{1,2}}){_ORD}{sep}(?P<mb2>{m_all}){_DOT}\s+(?P<db2>\d{{1,2}}){_ORD})"
        rf"{year}{_E}"
    )
    ordw = nums.ordinal
    ordinal = re.compile(
        rf"{_B}(?:{_CL}(?:(?:ال)?يوم\s+)?|the\s+)?(?P<o1>[وفب]?{ordw})(?:\s*(?:و|-|الي|حتي|and|to)\s*(?:the\s+)?(?P<o2>{ordw}))?"
        rf"\s+(?:من|of)\s+{_CL}(?:شهر\s+)?(?P<m>{m_all}){pair}{year}{_E}"
    )
    # "في الخامس من الشهر الجاري", "الـ24 من الشهر الماضي", "on the 5th of this month"
    day_rel_month = re.compile(
        rf"{_B}(?:(?:[وفبل]?ال|the)\s?)?(?:(?P<d>\d{{1,2}}){_ORD}|(?P<o>[وفب]?{ordw}))\s+(?:من|of)\s+"
        rf"(?:{_CL}الشهر(?:\s+(?P<post>الجاري|الحالي|الماضي|المنصرم|الفايت|المقبل|القادم))?"
        rf"|(?P<pre>this|last|next)\s+month|the\s+month)"
        rf"{_E}"
    )
    # "on the 25th," "on the 3rd and": a day of the month with no month named (an ordinal suffix is
    # required, and no noun may follow: "the 25th Division", "the 4th round" are not dates)
    day_alone = re.compile(
        r"(?<![\w-])on\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)"
        r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|when|as|after|before|killing|wounding|in|at|near|with|while|amid)(?!\w))"
    )
    numeric = re.compile(
        rf"(?<![\w/.\-])(?:(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})"
        rf"|(?P<y2>{_YEAR})(?P<sep2>[/.])(?P<b2>\d{{1,2}})(?P=sep2)(?P<a2>\d{{1,2}}))(?![\w/]|[.\-]\d)"
    )
    month_year = re.compile(
        rf"{_B}(?:(?P<part>early|mid-?|late|the\s+(?:end|beginning|start|middle)|the\s+(?:first|second|latter)\s+half"
        rf"|{_CL}(?:اوائل|منتصف|اواخر|مطلع|بدايه|نهايه|النصف\s+(?:الاول|الثاني)\s+من))"
        r"(?:(?<=-)|\s+)(?:of\s+)?)?"
        rf"{_CL}(?:شهر\s+)?(?P<m>{m_all}){pair}{_DOT}(?:,?\s+(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>{_YEAR})"
        rf"|\s+(?P<yrel>{_YREL})){_E}"
    )
    part = (
        r"early|mid-?|late|earlier|later|the\s+(?:end|beginning|start|middle)|the\s+(?:first|second|latter)\s+half"
        r"|اوائل|منتصف|اواخر|مطلع|بدايه|نهايه|النصف\s+(?:الاول|الثاني)\s+من"
    )
    month_rel = re.compile(
        rf"{_B}(?:(?P<part>{_CL}(?:{part}))(?:(?<=-)|\s+)(?:of\s+)?(?:the\s+)?)?"
        rf"(?:(?P<pre>next|last|this|coming)\s+(?P<m1>{m_all})"
        rf"|{_CL}(?:شهر\s+)?(?P<m2>{m_all}){pair}\s+(?P<post>المقبل|القادم|الماضي|المنصرم|الفايت|الجاري|الحالي)"
        rf"|{_CL}(?:ال)?(?P<unit>شهر|اسبوع|عام|سنه)\s+(?P<post2>(?:المقبل|القادم|الماضي|المنصرم|الفايت|الجاري|الحالي)ه?)"
        rf"|(?P<pre3>next|last|this|coming|past)\s+(?P<unit3>week|month|year)"
        # "مطلع الشهر", "أواخر العام", "the end of the month": a part of the current month or year (kept
        # only after a part word: "الشهر" alone dates nothing)
        rf"|{_CL}(?:ال)(?P<unit5>شهر|عام|سنه)(?!\s+(?:ال)?(?:مقبل|قادم|ماضي|منصرم|فايت|جاري|حالي|[0-9]))"
        rf"|(?P<unit6>month|year)(?!\s+(?:of|before|after|ago|to|in)\b))"
        rf"{_E}"
    )
    month_alone = re.compile(
        rf"{_B}(?P<prep>{_CL}(?:خلال|في|منذ|مطلع|اواخر|اوائل|منتصف|بدايه|نهايه)|in|during|since|for|early|late|mid-?|by"
        r"|the\s+(?:end|beginning|start|middle)\s+of)(?:(?<=-)|\s+)"
        rf"(?:شهر\s+)?(?P<m>{m_alone}){_E}"
    )
    iso = re.compile(rf"{_B}(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d){_E}")
    year_p = re.compile(
        rf"{_B}(?:(?P<prep>{_CL}(?:(?:اواخر|اوائل|منتصف|مطلع|نهايه|بدايه|صيف|ربيع|خريف|شتاء)\s+(?:عام|العام|سنه)|صيف|ربيع|خريف|شتاء"
        r"|عام|العام|سنه|خلال|منذ|في)"
        r"|in|since|during|the\s+(?:end|beginning|start|middle)\s+of|(?:the\s+)?(?:summer|spring|autumn|fall|winter)(?:\s+of)?"
        r"|of|early|late|mid-?)(?:(?<=-)|\s+)"
        rf"(?P<y>{_YEAR})"
        rf"(?:\s*(?:-|الي|حتي|to|and)\s*(?P<y_end>{_YEAR}))?"
        rf"|(?:the|a)\s+(?P<y_attr>{_YEAR})(?=\s+[a-z])"
        # a timeline's line: "2013 - Government forces tighten their siege", "2011 – اندلاع الاحتجاجات"
        rf"|^\s*(?P<y_line>{_YEAR})(?=\s*[-–—:]\s))"
        rf"{_E}"
    )
    night = rf"(?:{_CL}(?:منتصف\s+)?(?:ليل|ليله|فجر|صباح|مساء|ظهر|عصر)\s+|(?:midnight|late)\s+(?:on\s+)?)"
    weekday = re.compile(
        rf"{_B}(?P<night>{night})?(?:{_CL}(?:يوم\s+))?(?:on\s+)?(?:(?P<wpre>last|next|this\s+coming|this|coming)\s+)?"
        rf"(?P<wd>{_CL}(?:{wd}))"
        rf"(?:\s*(?P<wsep>-|/|علي|الي|حتي|و|and|to|until|through|into)?\s*(?P<wd2>{_CL}(?:{wd})))?"
        rf"(?:\s+(?P<wpost>(?:الماضي|المنصرم|الفايت|المقبل|القادم)ه?|last\s+week|next\s+week"
        rf"|من\s+الاسبوع\s+(?:الماضي|المقبل|القادم)))?{_E}"
    )
    # "اليوم الخامس من العملية", "في اليوم الأول من الهدنة": a day counted within a campaign or a truce is no "today"
    relday = re.compile(
        rf"{_B}(?P<w>{_CL}(?:في\s+)?اليوم\s+(?:التالي|السابق)|{_CL}(?:في\s+)?(?:(?:مساء|صباح|ليل|ليله|ظهر|عصر|فجر)\s+)?اليوم\s+(?:نفسه|ذاته)"
        rf"|{_CL}(?:في\s+)?(?:(?:مساء|صباح|ليل|ليله|ظهر|عصر|فجر)\s+)?(?:نفس|ذات)\s+اليوم"
        rf"|{_CL}(?:في\s+)?الليله\s+(?:نفسها|ذاتها)"
        rf"|{_CL}(?:في\s+)?الوقت\s+(?:نفسه|ذاته)|{_CL}(?:في\s+)?(?:نفس|ذات)\s+الوقت|at\s+the\s+same\s+time"
        rf"|{_CL}(?:في\s+)?مثل\s+هذا\s+اليوم\s+من\s+العام\s+(?:الماضي|الفايت)|on\s+this\s+day\s+last\s+year"
        rf"|{_CL}امس\s+الاول|{_CL}(?:اول\s+)?(?:من\s+)?امس|{_CL}البارحه|{_CL}ليله\s+امس|{_CL}اليوم(?!\s+(?:ال)?(?:{ordw}|\d))|{_CL}غدا|{_CL}بعد\s+غد|{_CL}(?:في\s+)?(?:يوم|مساء|صباح|ليل|ليله|ظهر|عصر|فجر)\s+(?:ال)?غد"
        r"|the\s+(?:following|next|previous)\s+day|a\s+day\s+(?:later|earlier)|the\s+day\s+after"
        r"|the\s+same\s+(?:day|evening|morning|afternoon|night)|later\s+that\s+(?:day|evening|night|morning)"
        r"|that\s+(?:day|evening|afternoon|night)|a\s+year\s+ago\s+this\s+week|a\s+year\s+ago\s+today"
        r"|the\s+day\s+before\s+yesterday|the\s+day\s+before|yesterday|last\s+night|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)"
        rf"|{_CL}(?:هذا\s+(?:الصباح|المساء)|هذه\s+الليله))"
        rf"{_E}"
    )
    period = re.compile(
        rf"{_B}(?:{_CL}(?:الاسابيع|الايام|الاشهر|الفتره)\s+(?:المقبله|القادمه|الماضيه|الاخيره)){_E}"
    )
    card = nums.cardinal
    unit_ar = (
        r"يوما|يومين|ايام|يوم|اسبوعا|اسبوعين|اسابيع|اسبوع|شهرا|شهرين|اشهر|شهور|شهر"
        r"|عاما|عامين|اعوام|عام|سنتين|سنوات|سنه|ساعات|ساعتين|ساعه|دقايق|دقيقتين|دقيقه"
    )
    ago = re.compile(
        rf"{_B}(?:(?P<ar>{_CL}(?:قبل|منذ))\s+(?:(?P<n>\d+|{card})\s+)?(?P<u>{unit_ar})(?!\s+(?:رمضان|{m_all}|\d))"
        rf"|(?P<n2>\d+|{card}|a|an|a\s+few|few|several)\s+(?P<u2>days?|weeks?|months?|years?|hours?)\s+ago)"
        rf"{_E}"
    )
    offset = re.compile(
        rf"{_B}(?:(?P<n>\d+|{card}|a|an|one|a\s+few|few|several)?\s*(?P<u>days?|weeks?|months?|years?|hours?|minutes?)\s+"
        rf"(?P<dir>later|earlier|afterwards|before|after)"
        r"|within\s+(?:a\s+few\s+)?(?P<u3>days|hours|weeks)"
        rf"|after\s+(?:(?:\d+|{card}|a\s+few|few|several|long)\s+)?(?P<u5>hours)\s+of(?=\s)"
        rf"|(?P<dir2>{_CL}(?:بعد|عقب|قبيل|قبل))\s+(?:(?P<n2>\d+|{card})\s+)?(?P<u2>{unit_ar})(?:\s+(?:واحد|واحده|فقط|فحسب))?(?P<of>\s+(?:من(?!\s+(?:دون|غير)(?!\w))|علي))?"
        # "غداة سيطرة التنظيم على تدمر" (the day after), "عشية اجتماع فيينا" (the eve of): one day from the event named
        rf"|(?P<dir4>{_CL}(?:في\s+)?(?:غداه|عشيه))(?=\s+\S))"
        rf"{_E}"
    )
    since = re.compile(
        r"(?:منذ|since|starting|من)\s*(?:مطلع|بدايه|اوائل|early|the\s+start\s+of)?\s*(?:عام|العام|سنه)?\s*$"
    )
    until = re.compile(
        r"(?<!\w)(?:حتي|لغايه|بحلول|مع\s+حلول|قبل|until|till|by|before|deadline\s+of|no\s+later\s+than)\s*"
        r"(?:(?:نهايه|مطلع|بدايه|منتصف|the\s+end\s+of)\s*)?$"
    )
    return Patterns(
        months,
        nums,
        full,
        cross,
        ordinal,
        numeric,
        month_year,
        month_rel,
        month_alone,
        iso,
        year_p,
        weekday,
        relday,
        period,
        ago,
        offset,
        since,
        until,
        day_rel_month,
        day_alone,
    )
