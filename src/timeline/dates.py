"""Date expressions in folded Arabic and English text, resolved against the publication date.

dateparser's ``search_dates`` costs about a second per article and mis-splits Arabic, so the main
path uses compiled patterns built from ``data/lexicons/months.csv`` (MSA, Levantine and Maghrebi
month names, English). Each :class:`DateExpr` records its precision and whether it was explicit
(a calendar date in the text) or relative (a weekday, yesterday, next month ... resolved against
the publication date). Weekdays and day-month dates without a year keep both readings, past and
future, and the extractor picks one by the tense of the clause.
"""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from timeline.figures import NUMBER_WORDS
from timeline.normalize import fold
from timeline.resources import lexicon_path

WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد")
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Month names too short or too common to stand alone (آب "father", "may" the modal verb).
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


@dataclass(frozen=True)
class DateExpr:
    """One date expression found in a sentence (offsets into the folded sentence)."""

    start: int
    end: int
    date_start: date
    date_end: date | None
    precision: str  # day, week, month, year
    source: str  # explicit or relative
    text: str
    since: bool = False
    future_start: date | None = None  # the reading when the clause speaks of the future
    vague_year: bool = False  # day and month given, year taken from context

    def for_tense(self, future: bool) -> DateExpr:
        """This expression read in a clause about the future (or the past)."""
        if future and self.future_start and self.future_start != self.date_start:
            return replace(self, date_start=self.future_start, date_end=None)
        return self

    @property
    def has_year(self) -> bool:
        return self.source == "explicit" and not self.vague_year


@lru_cache(maxsize=4)
def load_months(path: Path | None = None) -> dict[str, int]:
    """Folded month name -> month number."""
    path = path or lexicon_path("months.csv")
    out: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[fold(row["name"])] = int(row["month"])
    return out


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    months: dict[str, int]
    full: re.Pattern[str]
    month_year: re.Pattern[str]
    month_rel: re.Pattern[str]
    month_alone: re.Pattern[str]
    iso: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relday: re.Pattern[str]
    period: re.Pattern[str]
    ago: re.Pattern[str]
    since: re.Pattern[str]


_B = r"(?<![\w])"  # left word boundary that works for Arabic letters
_E = r"(?![\w])"
_CL = r"(?:و|ف|ب|ل|وب|ول|فب)?"  # proclitics on Arabic words
_ORD = r"(?:st|nd|rd|th)?"


@lru_cache(maxsize=4)
def _patterns(months_path: Path | None = None) -> _Patterns:
    months = load_months(months_path)
    m_all = _alt(list(months))
    m_alone = _alt([m for m in months if m not in _NEEDS_DAY_OR_YEAR])
    wd = _alt(list(WEEKDAYS_AR) + list(WEEKDAYS_EN))
    day = r"(?P<d1>\d{1,2})" + _ORD + r"(?:\s*(?:-|الي|حتي|و|and|to|until)\s*(?P<d2>\d{1,2})" + _ORD + ")?"
    mon = rf"{_CL}(?:شهر\s+)?(?:of\s+)?(?P<m>{m_all})\.?"
    year = r"(?:,?\s*(?:عام\s+|سنه\s+)?(?P<y>(?:19|20)\d\d)(?:\s*م)?)?"
    full = re.compile(
        rf"{_B}(?:{_CL}(?:يوم\s+)?(?P<wd>{wd}),?\s+(?:the\s+)?)?"
        rf"(?:{day}\s+{mon}{year}"
        rf"|(?P<m2>{m_all})\.?\s+(?P<d3>\d{{1,2}}){_ORD}(?:\s*(?:-|and|to|until)\s*(?P<d4>\d{{1,2}}){_ORD})?{year.replace('P<y>', 'P<y2>')})"
        rf"{_E}"
    )
    month_year = re.compile(
        rf"{_B}(?:(?P<part>early|mid-?|late|{_CL}(?:اوائل|منتصف|اواخر|مطلع|بدايه|نهايه))\s+)?"
        rf"{_CL}(?:شهر\s+)?(?P<m>{m_all})\.?,?\s+(?P<y>(?:19|20)\d\d){_E}"
    )
    month_rel = re.compile(
        rf"{_B}(?:(?P<pre>next|last|this|coming)\s+(?P<m1>{m_all})"
        rf"|{_CL}(?:شهر\s+)?(?P<m2>{m_all})\s+(?P<post>المقبل|القادم|الماضي|المنصرم|الفائت|الجاري)"
        rf"|{_CL}(?:ال)?(?P<unit>شهر|اسبوع|عام|سنه)\s+(?P<post2>المقبل|القادم|الماضي|المنصرم|الفائت|الجاري|الحالي)"
        rf"|(?P<pre3>next|last|this|coming|past)\s+(?P<unit3>week|month|year))"
        rf"{_E}"
    )
    month_alone = re.compile(
        rf"{_B}(?P<prep>{_CL}(?:خلال|في|منذ|مطلع|اواخر|اوائل|منتصف|بدايه|نهايه)|in|during|since|early|late|mid-?|by)\s+"
        rf"(?:شهر\s+)?(?P<m>{m_alone}){_E}"
    )
    iso = re.compile(rf"{_B}(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d){_E}")
    year_p = re.compile(
        rf"{_B}(?P<prep>{_CL}(?:عام|العام|سنه|خلال|منذ|في)|in|since|during|of|early|late|mid-?)\s+(?P<y>(?:19|20)\d\d){_E}"
    )
    weekday = re.compile(rf"{_B}(?:{_CL}(?:يوم\s+))?(?:on\s+)?(?P<wd>{_CL}(?:{wd})){_E}")
    relday = re.compile(
        rf"{_B}(?P<w>{_CL}(?:في\s+)?اليوم\s+(?:التالي|السابق)|{_CL}(?:في\s+)?اليوم\s+نفسه|{_CL}(?:في\s+)?نفس\s+اليوم"
        rf"|{_CL}(?:اول\s+)?(?:من\s+)?امس|{_CL}البارحه|{_CL}ليله\s+امس|{_CL}اليوم|{_CL}غدا|{_CL}بعد\s+غد"
        r"|the\s+(?:following|next|previous)\s+day|a\s+day\s+(?:later|earlier)|the\s+day\s+after"
        r"|the\s+same\s+day|later\s+that\s+day|that\s+day"
        r"|the\s+day\s+before\s+yesterday|the\s+day\s+before|yesterday|last\s+night|today|tonight|tomorrow|this\s+morning)"
        rf"{_E}"
    )
    period = re.compile(
        rf"{_B}(?:{_CL}(?:الاسابيع|الايام|الاشهر|الفتره)\s+(?:المقبله|القادمه|الماضيه|الاخيره)){_E}"
    )
    ago = re.compile(
        rf"{_B}(?:{_CL}قبل\s+(?P<n>\d+|يومين|اسبوعين|شهرين)\s*(?P<u>ايام|يوما|اسابيع|اسبوعا|اشهر|شهرا)?"
        r"|(?P<n2>\d+|two|three|four|five|six|seven|a)\s+(?P<u2>days?|weeks?|months?)\s+ago)"
        rf"{_E}"
    )
    since = re.compile(r"(?:منذ|since|starting|من)\s*(?:مطلع|بدايه|اوائل|early|the\s+start\s+of)?\s*$")
    return _Patterns(
        months, full, month_year, month_rel, month_alone, iso, year_p, weekday, relday, period, ago, since
    )


#: Number words of "three days ago", "قبل يومين" (the duals mean two).
_NUM_WORDS = {**NUMBER_WORDS, "a": 1, "يومين": 2, "اسبوعين": 2, "شهرين": 2}


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _strip_clitic_weekday(word: str) -> int | None:
    for i, name in enumerate(WEEKDAYS_AR):
        if word.endswith(name):
            return i
    for i, name in enumerate(WEEKDAYS_EN):
        if word == name:
            return i
    return None


def _weekday_dates(pub: date, wd: int) -> tuple[date, date]:
    """The most recent such weekday on or before ``pub``, and the next one on or after it."""
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    return pub - timedelta(days=back), pub + timedelta(days=fwd)


def _year_for(month: int, day: int, pub: date | None, context: date | None) -> tuple[int, int | None]:
    """(past reading, future reading) of the year of a day-month given without one.

    In a narrative (``context`` = the last date it gave) the story moves forward: a day-month
    more than a month before the last date is in the next year ("On 26 October ... On 16 February").
    """
    if context is not None:
        cand = _safe_date(context.year, month, min(day, 28)) or context
        if cand < context - timedelta(days=31):
            return context.year + 1, None
        return context.year, None
    if pub is None:
        return 0, None  # no year to be had: the caller drops the expression
    cand = _safe_date(pub.year, month, min(day, 28)) or pub
    if cand > pub + timedelta(days=7):
        return pub.year - 1, pub.year
    if cand < pub - timedelta(days=7):
        return pub.year, pub.year + 1
    return pub.year, None


def find_dates(text: str, published: date | None, context: date | None = None) -> list[DateExpr]:
    """All date expressions in ``text`` (folded), non-overlapping, in order.

    ``published`` resolves relative expressions (weekdays, yesterday ...). ``context`` is the
    last date a narrative gave (a timeline written years later); day-month dates without a year
    take its year, else the publication year.
    """
    p = _patterns()
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def add(expr: DateExpr) -> None:
        if any(expr.start < e and s < expr.end for s, e in taken):
            return
        # "since" / "منذ" directly before the expression
        if p.since.search(text[max(0, expr.start - 25) : expr.start]):
            expr = replace(expr, since=True)
        taken.append((expr.start, expr.end))
        found.append(expr)

    for m in p.iso.finditer(text):
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            add(DateExpr(m.start(), m.end(), d, None, "day", "explicit", m.group(0)))

    for m in p.full.finditer(text):
        month = p.months.get(m["m"] or m["m2"] or "")
        if not month:
            continue
        d1 = int(m["d1"] or m["d3"])
        d2s = m["d2"] or m["d4"]
        y = m["y"] or m["y2"]
        if y:
            year, fut_year, vague = int(y), None, False
        else:
            year, fut_year = _year_for(month, d1, published, context)
            vague = True
            if not year:
                continue
        start = _safe_date(year, month, d1)
        if start is None:
            continue
        end = _safe_date(year, month, int(d2s)) if d2s else None
        if end is not None and end <= start:
            end = None
        fut = _safe_date(fut_year, month, d1) if fut_year else None
        add(
            DateExpr(
                m.start(),
                m.end(),
                start,
                end,
                "day",
                "explicit",
                m.group(0),
                future_start=fut,
                vague_year=vague,
            )
        )

    for m in p.month_year.finditer(text):
        month = p.months[m["m"]]
        first, last = _part_of_month(m["part"] or "", int(m["y"]), month)
        add(DateExpr(m.start(), m.end(), first, last, "month", "explicit", m.group(0)))

    if published is not None:
        _relative(text, published, p, add)

    for m in p.month_alone.finditer(text):
        month = p.months[m["m"]]
        if published is None and context is None:
            continue
        year, fut = _year_for(month, 15, published, context)
        first, last = _part_of_month(m["prep"], year, month)
        fut_start = _part_of_month(m["prep"], fut, month)[0] if fut else None
        add(
            DateExpr(
                m.start(),
                m.end(),
                first,
                last,
                "month",
                "explicit",
                m.group(0),
                future_start=fut_start,
                vague_year=True,
            )
        )

    for m in p.year.finditer(text):
        y = int(m["y"])
        add(DateExpr(m.start("y"), m.end(), date(y, 1, 1), date(y, 12, 31), "year", "explicit", m.group(0)))

    found.sort(key=lambda e: e.start)
    return found


_EARLY = ("early", "اوائل", "مطلع", "بدايه")
_MID = ("mid", "منتصف")
_LATE = ("late", "اواخر", "نهايه")


def _part_of_month(prep: str, year: int, month: int) -> tuple[date, date]:
    """'early/mid/late March' -> the first, middle or last third of the month; else the month."""
    end = _month_end(year, month)
    if any(w in prep for w in _EARLY):
        return date(year, month, 1), date(year, month, 10)
    if any(w in prep for w in _MID):
        return date(year, month, 11), date(year, month, 20)
    if any(w in prep for w in _LATE):
        return date(year, month, 21), end
    return date(year, month, 1), end


def _relative(text: str, pub: date, p: _Patterns, add) -> None:  # noqa: ANN001 - local callback
    for m in p.month_rel.finditer(text):
        pre = m["pre"] or m["pre3"] or ""
        post = m["post"] or m["post2"] or ""
        future = pre in {"next", "coming"} or post in {"المقبل", "القادم"}
        past = pre in {"last", "past"} or post in {"الماضي", "المنصرم", "الفائت"}
        mname = m["m1"] or m["m2"]
        if mname:
            month = p.months[mname]
            year = pub.year
            if future and month <= pub.month:
                year += 1
            if past and month >= pub.month:
                year -= 1
            start = date(year, month, 1)
            add(DateExpr(m.start(), m.end(), start, _month_end(year, month), "month", "relative", m.group(0)))
            continue
        unit = m["unit"] or m["unit3"]
        step = 1 if future else -1 if past else 0
        if unit in {"شهر", "month"}:
            y, mo = divmod(pub.month - 1 + step, 12)
            start = date(pub.year + y, mo + 1, 1)
            add(
                DateExpr(
                    m.start(),
                    m.end(),
                    start,
                    _month_end(start.year, start.month),
                    "month",
                    "relative",
                    m.group(0),
                )
            )
        elif unit in {"اسبوع", "week"}:
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
            add(
                DateExpr(
                    m.start(), m.end(), monday, monday + timedelta(days=6), "week", "relative", m.group(0)
                )
            )
        else:
            y = pub.year + step
            add(DateExpr(m.start(), m.end(), date(y, 1, 1), date(y, 12, 31), "year", "relative", m.group(0)))

    for m in p.relday.finditer(text):
        w = m["w"]
        if any(k in w for k in ("following", "next", "later", "after", "التالي")) and "that day" not in w:
            d = pub + timedelta(days=1)
        elif any(k in w for k in ("previous", "earlier", "السابق")) or w == "the day before":
            d = pub - timedelta(days=1)
        elif "same" in w or "that day" in w or "نفس" in w:
            d = pub
        elif "بعد" in w or w == "tomorrow" or w.endswith("غدا"):
            d = pub + timedelta(days=2 if "بعد" in w else 1)
        elif "اول" in w or "before" in w:
            d = pub - timedelta(days=2)
        elif "امس" in w or "البارحه" in w or w in {"yesterday", "last night"}:
            d = pub - timedelta(days=1)
        else:
            d = pub
        add(DateExpr(m.start(), m.end(), d, None, "day", "relative", m.group(0)))

    for m in p.ago.finditer(text):
        n_raw = m["n"] or m["n2"]
        unit = m["u"] or m["u2"] or n_raw
        n = int(n_raw) if n_raw.isdigit() else _NUM_WORDS.get(n_raw, 1)
        if unit.startswith(("اسبوع", "اسابيع", "week")):
            d, prec = pub - timedelta(weeks=n), "week"
        elif unit.startswith(("شهر", "اشهر", "month")):
            d, prec = pub - timedelta(days=30 * n), "month"
        else:
            d, prec = pub - timedelta(days=n), "day"
        add(DateExpr(m.start(), m.end(), d, None, prec, "relative", m.group(0)))

    for m in p.weekday.finditer(text):
        wd = _strip_clitic_weekday(m["wd"])
        if wd is None:
            continue
        past, fut = _weekday_dates(pub, wd)
        add(DateExpr(m.start(), m.end(), past, None, "day", "relative", m.group(0), future_start=fut))


def is_vague_period(text: str) -> bool:
    """'in the coming weeks', 'الأيام المقبلة': a time reference too vague to date an event."""
    return bool(_patterns().period.search(text))
