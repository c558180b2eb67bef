"""Calendar dates written out: day-month(-year), ranges, ordinals as words, numeric dates, months, years."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from timeline.dates.expr import DateExpr
from timeline.dates.patterns import NEXT_WORDS, PAST_WORDS, Patterns

Add = Callable[[DateExpr], None]

#: Words before an ordinal that make it something else than a day ("الأسبوع الأول من آذار").
_NOT_A_DAY = re.compile(
    r"(?:الاسبوع|الاسبوعين|النصف|الثلث|الربع|العقد|الشهر|القرن|المرحله|الجوله|العشر|الفصل|الدفعه|week|half|quarter)\s*$"
)


def safe_date(y: int, m: int, d: int) -> date | None:
    """``date(y, m, d)`` or None when there is no such day."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


#: How far after publication a day-month without a year still reads as this year's (days).
AHEAD_DAYS = 45


def year_for(month: int, day: int, pub: date | None, context: date | None) -> tuple[int, int | None]:
    """(past reading, future reading) of the year of a day-month given without one.

    In a narrative (``context`` = the last date it gave) the story moves forward: a day-month
    more than a month before the last date is in the next year ("On 26 October ... On 16 February").
    Without a publication date or a context the year is 0 (the caller drops the expression).
    """
    if context is not None:
        cand = safe_date(context.year, month, min(day, 28)) or context
        if cand < context - timedelta(days=31):
            return context.year + 1, None
        return context.year, None
    if pub is None:
        return 0, None
    cand = safe_date(pub.year, month, min(day, 28)) or pub
    if cand > pub + timedelta(days=AHEAD_DAYS):
        return pub.year - 1, pub.year
    if cand > pub + timedelta(days=7):
        # "patrols start on 15 March" in a paper of 5 March: news names a day within weeks ahead without
        # its year, but gives the year of one eleven months back (both readings this year)
        return pub.year, pub.year
    if cand < pub - timedelta(days=7):
        return pub.year, pub.year + 1
    return pub.year, None


def rel_year(words: str, pub: date | None) -> int | None:
    """The year of "من العام الماضي" / "last year" / "this year" (None without a publication date)."""
    if pub is None:
        return None
    if any(w in words for w in PAST_WORDS):
        return pub.year - 1
    if any(w in words for w in NEXT_WORDS):
        return pub.year + 1
    return pub.year


def _day_month(
    add: Add,
    m: re.Match[str],
    month: int,
    d1: int,
    d2: int | None,
    y: str | None,
    yrel: str | None,
    pub: date | None,
    context: date | None,
    mpost: str | None = None,
) -> None:
    """Add a day (or a range of days) of ``month``, its year stated, relative or taken from context.

    ``mpost``: "المقبل"/"الماضي" after the month ("الخامس من آذار المقبل"): the next or last such month.
    """
    vague = False
    fut_year = None
    if y:
        year = int(y)
    elif mpost and pub is not None:
        year = pub.year
        if mpost in NEXT_WORDS and month <= pub.month:
            year += 1
        elif mpost in PAST_WORDS and month >= pub.month:
            year -= 1
    elif yrel:
        ry = rel_year(yrel, pub)
        if ry is None:
            return
        year = ry
    else:
        year, fut_year = year_for(month, d1, pub, context)
        vague = True
        if not year:
            return
    start = safe_date(year, month, d1)
    if start is None:
        return
    end = safe_date(year, month, d2) if d2 else None
    if end is not None and end <= start:
        end = None
    fut = safe_date(fut_year, month, d1) if fut_year else None
    add(
        DateExpr(
            m.start(), m.end(), start, end, "day", "explicit", m.group(0), future_start=fut, vague_year=vague
        )
    )


def explicit_dates(
    text: str, pub: date | None, context: date | None, p: Patterns, add: Add, order: str = "dmy"
) -> None:
    """Calendar dates: ISO and numeric, day-month(-year) and its ranges, ordinals as words, month-year."""
    for m in p.iso.finditer(text):
        d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            add(DateExpr(m.start(), m.end(), d, None, "day", "explicit", m.group(0)))

    for m in p.numeric.finditer(text):
        if m["y2"]:
            d = safe_date(int(m["y2"]), int(m["b2"]), int(m["a2"]))
        else:
            d = numeric_date(int(m["a"]), int(m["b"]), int(m["y"]), order)
        if d:
            add(DateExpr(m.start(), m.end(), d, None, "day", "explicit", m.group(0)))

    _list_line_days(text, pub, context, add, order)

    for m in p.cross.finditer(text):
        da, ma, db, mb = (
            (m["da"], m["ma"], m["db"], m["mb"]) if m["da"] else (m["da2"], m["ma2"], m["db2"], m["mb2"])
        )
        m_a, m_b = p.month(ma), p.month(mb)
        if m["y"]:
            year_b = int(m["y"])
        elif m["yrel"] and rel_year(m["yrel"], pub):
            year_b = rel_year(m["yrel"], pub) or 0
        else:
            year_b = year_for(m_b, int(db), pub, context)[0]
        if not year_b:
            continue
        year_a = year_b - 1 if m_a > m_b else year_b
        start, end = safe_date(year_a, m_a, int(da)), safe_date(year_b, m_b, int(db))
        if start and end and start < end:
            vague = not (m["y"] or m["yrel"])
            add(DateExpr(m.start(), m.end(), start, end, "day", "explicit", m.group(0), vague_year=vague))

    for m in p.full.finditer(text):
        month = p.month(m["m"] or m["m2"] or "")
        d1 = int(m["d1"] or m["d3"])
        d2s = m["d2"] or m["d4"]
        y, yrel, mpost = m["y"] or m["y2"], m["yrel"] or m["y2rel"], m["ympost"] or m["y2mpost"]
        _day_month(add, m, month, d1, int(d2s) if d2s else None, y, yrel, pub, context, mpost)

    for m in p.ordinal.finditer(text):
        if _NOT_A_DAY.search(text, max(0, m.start() - 12), m.start()):
            continue
        d1 = _ordinal_value(p, m["o1"])
        d2 = _ordinal_value(p, m["o2"]) if m["o2"] else None
        if d1 is None or not 1 <= d1 <= 31:
            continue
        _day_month(add, m, p.month(m["m"]), d1, d2, m["y"], m["yrel"], pub, context, m["ympost"])

    if pub is not None:
        for m in p.day_rel_month.finditer(text):
            if _NOT_A_DAY.search(text, max(0, m.start() - 12), m.start()):
                continue  # "النصف الثاني من الشهر الجاري": a half of the month, no day
            day = int(m["d"]) if m["d"] else _ordinal_value(p, m["o"])
            rel = m["post"] or m["pre"] or ""
            step = -1 if rel in PAST_WORDS else 1 if rel in NEXT_WORDS else 0
            y, mo = divmod(pub.month - 1 + step, 12)
            d = safe_date(pub.year + y, mo + 1, day) if day else None
            if d is not None:
                add(DateExpr(m.start(), m.end(), d, None, "day", "relative", m.group(0)))
        for m in p.day_alone.finditer(text):
            # "on the 25th": the latest such day on or before publication; a future clause reads the next
            past, fut = _day_of_month(pub, int(m["d"]))
            if past is not None:
                add(DateExpr(m.start(), m.end(), past, None, "day", "relative", m.group(0), future_start=fut))

    for m in p.month_year.finditer(text):
        month = p.month(m["m"])
        year = int(m["y"]) if m["y"] else rel_year(m["yrel"], pub)
        if not year:
            continue
        first, last = part_of_month(m["part"] or "", year, month)
        add(DateExpr(m.start(), m.end(), first, last, "month", "explicit", m.group(0)))


#: The head of a line of a dated list: "- 3/2: ...", "• 8/2 و10/2: ...", "17 و18/2: ...", "* 3/2 – ...": days
#: and months without a year, then a colon or a dash (the list's own punctuation; a bare "3/2" in prose is
#: no date: a fraction, a score).
_LIST_HEAD = re.compile(
    r"^\s*(?:[-–—•*▪]\s*)?(?P<head>\d{1,2}(?:/\d{1,2})?(?:\s*(?:و|and|&|,)\s*\d{1,2}(?:/\d{1,2})?)*)"
    r"(?=\s*(?::|\s[-–—]\s))"
)
_LIST_DAY = re.compile(r"(\d{1,2})(?:/(\d{1,2}))?")


def _list_line_days(text: str, pub: date | None, context: date | None, add: Add, order: str = "dmy") -> None:
    """Days of a dated list's line ("- 3/2: مقتل سبعة جنود", "8/2 و10/2: جولتان", "17 و18/2: جولة ثالثة"):
    each day with its own month is a date of its own; days before the one month they share ("17 و18/2") are
    one range. The year is the publication's or the narrative's (:func:`year_for`); ``order`` "mdy" reads
    "2/3" as 3 February, as :func:`numeric_order` decided for the article."""
    m = _LIST_HEAD.match(text)
    if m is None or "/" not in m["head"]:
        return
    base = m.start("head")
    days = [
        (int(d.group(1)), int(d.group(2)) if d.group(2) else None, d.start(), d.end())
        for d in _LIST_DAY.finditer(m["head"])
    ]
    pending: list[tuple[int, int]] = []  # (day, start) still waiting for the month they share
    for day, month, start, end in days:
        if month is None:
            pending.append((day, start))
            continue
        if order == "mdy":
            day, month = month, day
        first = pending[0] if pending else (day, start)
        pending = []
        if not (1 <= month <= 12):
            continue
        year = year_for(month, first[0], pub, context)[0]
        d_start, d_end = safe_date(year, month, first[0]), safe_date(year, month, day)
        if not year or d_start is None or d_end is None or d_end < d_start:
            continue
        add(
            DateExpr(
                base + first[1],
                base + end,
                d_start,
                d_end if d_end > d_start else None,
                "day",
                "explicit",
                text[base + first[1] : base + end],
                vague_year=True,
            )
        )


def _day_of_month(pub: date, day: int) -> tuple[date | None, date | None]:
    """The latest ``day`` of a month on or before ``pub``, and the first one after it (None if none)."""
    past = safe_date(pub.year, pub.month, day) if day <= pub.day else None
    back = pub.replace(day=1)
    while past is None and back.year > pub.year - 1:  # 31st: look back until a month has that day
        back = (back - timedelta(days=1)).replace(day=1)
        past = safe_date(back.year, back.month, day)
    fut = safe_date(pub.year, pub.month, day) if day > pub.day else None
    ahead = pub.replace(day=28)
    while fut is None and ahead.year < pub.year + 1:
        ahead = (ahead + timedelta(days=7)).replace(day=1)
        fut = safe_date(ahead.year, ahead.month, day)
    return past, fut


def _ordinal_value(p: Patterns, words: str) -> int | None:
    w = words.strip()
    if w[:1] in "وفب" and not w.startswith("ال"):
        w = w[1:]
    return p.numbers.value(w, ordinal=True)


def numeric_date(a: int, b: int, y: int, order: str = "dmy") -> date | None:
    """The date of ``a/b/y``: day first (``order="dmy"``, Arabic and British) or month first (``"mdy"``).

    A reading that cannot be a date gives way to the other (``3/15/2020`` is 15 March in any order).
    """
    first, second = (safe_date(y, b, a), safe_date(y, a, b))
    if order == "mdy":
        first, second = second, first
    return first or second


def numeric_order(folded: str, language: str) -> str:
    """How an article writes ambiguous numeric dates: ``"dmy"`` or ``"mdy"``.

    Arabic text is always day first. English text is month first (US wire copy) when the article
    itself shows it: a numeric date whose second field exceeds 12 (``3/15/2020``), or, with no
    numeric evidence, written dates mostly in the "March 5" order rather than "5 March". Otherwise
    day first. Compute once per article and pass to :func:`find_dates` as ``order``.
    """
    if language != "en":
        return "dmy"
    nums = re.findall(r"(?<![\d/.])(\d{1,2})[/.\-](\d{1,2})[/.\-](?:19|20)\d\d", folded)
    if any(int(b) > 12 >= int(a) for a, b in nums):
        return "mdy"
    if any(int(a) > 12 for a, _ in nums):
        return "dmy"
    months = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
    md = len(re.findall(rf"(?<!\w){months}\s+\d{{1,2}}(?!\d)", folded))
    dm = len(re.findall(rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{months}(?!\w)", folded))
    return "mdy" if md > dm else "dmy"


_EARLY = ("early", "اوائل", "مطلع", "بدايه", "beginning", "start")
_MID = ("mid", "منتصف")
_LATE = ("late", "اواخر", "نهايه", "end")
_END = ("نهايه", "end")
_FIRST_HALF = re.compile(r"\bfirst\s+half|النصف\s+الاول")
_SECOND_HALF = re.compile(r"\b(?:second|latter)\s+half|النصف\s+الثاني")


def part_of_month(prep: str, year: int, month: int) -> tuple[date, date]:
    """'early/mid/late March' -> the first, middle or last third of the month; 'the end of March',
    'نهاية آذار' -> its last week; 'the first/second half of March', 'النصف الأول/الثاني من آذار' -> days 1-15 or
    16 to the end; else the month."""
    end = month_end(year, month)
    if _FIRST_HALF.search(prep):
        return date(year, month, 1), date(year, month, 15)
    if _SECOND_HALF.search(prep):
        return date(year, month, 16), end
    if any(w in prep for w in _END) and "later" not in prep:
        return end - timedelta(days=6), end
    if any(w in prep for w in _MID):
        return date(year, month, 11), date(year, month, 20)
    if any(w in prep for w in _EARLY) and "earlier" not in prep:
        return date(year, month, 1), date(year, month, 10)
    if any(w in prep for w in _LATE) and "later" not in prep:
        return date(year, month, 21), end
    return date(year, month, 1), end


#: Seasons named with a year: (words, first month, last month).
_SEASONS = ((("spring", "ربيع"), 3, 5), (("summer", "صيف"), 6, 8), (("autumn", "fall", "خريف"), 9, 11))
#: Winter named with a year ("winter 2019", "شتاء 2019"): the winter whose January is in that year, December of the
#: year before to February (the meteorological winter, named as the northern hemisphere's news names it).
_WINTER = ("winter", "شتاء")


def part_of_year(prep: str, year: int) -> tuple[date, date]:
    """'early/mid/late 2019', 'أواخر العام الفايت' -> January-April, May-August, September-December; its first or
    second half ('the second half of 2019', 'النصف الثاني من العام') -> January-June, July-December; a season
    ('the summer of 2019', 'صيف 2019') -> its months in the northern hemisphere (spring March-May, summer
    June-August, autumn September-November; winter 2019 December 2018-February 2019)."""
    for words, first, last in _SEASONS:
        if any(w in prep for w in words):
            return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if any(w in prep for w in _WINTER):
        return date(year - 1, 12, 1), date(year, 2, calendar.monthrange(year, 2)[1])
    if _FIRST_HALF.search(prep):
        return date(year, 1, 1), date(year, 6, 30)
    if _SECOND_HALF.search(prep):
        return date(year, 7, 1), date(year, 12, 31)
    if any(w in prep for w in _MID):
        return date(year, 5, 1), date(year, 8, 31)
    if any(w in prep for w in _EARLY) and "earlier" not in prep:
        return date(year, 1, 1), date(year, 4, 30)
    if any(w in prep for w in _LATE) and "later" not in prep:
        return date(year, 9, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def months_and_years(text: str, pub: date | None, context: date | None, p: Patterns, add: Add) -> None:
    """A month named alone ("في آذار", "in March") and years ("عام 2011", "since 2012", "the 2015 talks")."""
    for m in p.month_alone.finditer(text):
        month = p.month(m["m"])
        if pub is None and context is None:
            continue
        if context is None and pub is not None and month == pub.month:
            year, fut = pub.year, None  # the month of publication: "حتى نهاية شباط" in a February article
        else:
            year, fut = year_for(month, 15, pub, context)
        first, last = part_of_month(m["prep"], year, month)
        fut_start = part_of_month(m["prep"], fut, month)[0] if fut else None
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
        if m["y_attr"] or m["y_line"]:
            y = int(m["y_attr"] or m["y_line"])
            add(
                DateExpr(
                    m.start("y_attr" if m["y_attr"] else "y_line"),
                    m.end(),
                    date(y, 1, 1),
                    date(y, 12, 31),
                    "year",
                    "explicit",
                    m.group(0),
                )
            )
            continue
        y = int(m["y"])
        y_end = int(m["y_end"]) if m["y_end"] and int(m["y_end"]) > y else y
        first, _ = part_of_year(m["prep"], y)
        _, last = part_of_year(m["prep"], y_end)
        add(DateExpr(m.start("y"), m.end(), first, last, "year", "explicit", m.group(0)))
