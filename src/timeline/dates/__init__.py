"""Date expressions in folded Arabic and English text, resolved against the publication date.

dateparser's ``search_dates`` costs about a second per article and mis-splits Arabic, so the main
path uses compiled patterns built from ``data/lexicons/months.csv`` (MSA, Levantine incl. the numbered
``كانون 2``/``تشرين 1``, Maghrebi, English) and ``data/lexicons/numbers.csv`` (day numbers as words).
Each :class:`DateExpr` records its precision and whether it was explicit (a calendar date in the text)
or relative (resolved against the publication date or an anchor).

Forms, in the order they claim text (an expression never overlaps an earlier one):

1. ISO ``2020-03-05`` and numeric dates ``5/3/2020``, ``05.03.2020``, ``٥/٣/٢٠٢٠``, ``2020/3/5``: day first
   (Arabic and British); English wire copy in US order when :func:`numeric_order` finds it in the
   article and the caller passes ``order="mdy"``. A reading that is no date gives way to the other.
2. Ranges across months ("28 February to 2 March 2020", "من 28 شباط حتى 2 آذار"), day-month(-year)
   with its ranges ("10 و11 كانون الأول", "March 5-7"), ``الـ24 من كانون الثاني``, ``24 من شباط``,
   "the 27th of February", then days as words (``العاشر والحادي عشر من كانون الأول``,
   ``السابع والعشرين من شهر شباط``, "the twenty-seventh of February"); a year may be relative
   ("من العام الماضي", "last year").
3. Month and year ("آذار 2019", "late August 2019", "March last year").
4. With a publication date: offsets ("two days later", "a week after seven soldiers were killed",
   "بعد أسبوع من ..."), the following days ("over the following four days", "خلال الأيام الأربعة التالية"),
   named months and periods relative to it ("آذار المقبل", "earlier this month", "أواخر العام الفائت"),
   days ("أمس", "the following day", "a year ago this week"), "قبل أسبوع", "three days ago", weekdays
   (see :func:`timeline.dates.relative.weekdays`), "after midnight" (the day after the last day given).
5. A month alone ("في آذار"), years ("عام 2011", "since 2012", "2012-2014", "the 2015 talks").

Then the words around each date: "since"/"منذ" before it (``since``), a record or a state it measures
(``qualifier``), a future verb governing a weekday or a day-month without year (``tense``), and an event
anchor whose own words carry a date. Weekdays and day-month dates without a year keep both readings,
past and future; the extractor picks one by the tense of the clause (:meth:`DateExpr.for_tense`).
"""

from __future__ import annotations

import re
from datetime import date

from timeline.dates.context import apply_context, is_qualifier, tense_hint
from timeline.dates.expr import DateExpr
from timeline.dates.find import explicit_dates, months_and_years, numeric_date, numeric_order
from timeline.dates.patterns import WEEKDAYS_AR, WEEKDAYS_EN, load_months, patterns
from timeline.dates.relative import (
    after_midnight,
    ago,
    days_relative,
    following_days,
    month_relative,
    offsets,
    weekdays,
    weekend,
)

__all__ = [
    "WEEKDAYS_AR",
    "WEEKDAYS_EN",
    "DateExpr",
    "find_dates",
    "is_qualifier",
    "is_vague_period",
    "load_months",
    "numeric_date",
    "numeric_order",
    "tense_hint",
]


#: A day told relative to publication ("غداً", "بعد غد", "أمس", "tomorrow", "yesterday") ...
_REL_DAY = re.compile(r"(?:غدا|بعد\s+غد|امس|البارحه|tomorrow|yesterday)$")
#: ... and the weekday set beside it ("بعد غد الاثنين", "أمس الأحد", "yesterday, Sunday").
_WEEKDAY = re.compile(
    r"^(?:يوم\s+)?(?:ال)?(?:اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)$"
    r"|^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
)


def _apposed_weekdays(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """Drop a weekday set right beside a day told relative to publication ("تنطلق بعد غد الاثنين", "قال أمس
    الأحد", "yesterday, Sunday"): it names that same day, which the relative word already fixes (alone, a
    weekday of present-tense news would read as the latest one, a week too early for "بعد غد الاثنين")."""
    out: list[DateExpr] = []
    for e in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.source == "relative"
            and prev.precision == "day"
            and _REL_DAY.search(text[prev.start : prev.end].strip())
            and re.fullmatch(r"[\s,،]*", text[prev.end : e.start])
            and _WEEKDAY.search(text[e.start : e.end].strip())
        ):
            continue
        out.append(e)
    return out


def find_dates(
    text: str,
    published: date | None,
    context: date | None = None,
    order: str = "dmy",
    anchors: bool = False,
) -> list[DateExpr]:
    """All date expressions in ``text`` (folded), non-overlapping, in text order.

    ``published`` resolves relative expressions (weekdays, yesterday ...); without it (or with one
    outside 1801-2199) they are not returned. ``context`` is the last date a narrative gave (a timeline
    written years later); day-month dates without a year take its year, else the publication year.
    ``order`` is how ambiguous numeric dates read: ``"dmy"`` (default; Arabic, British) or ``"mdy"``
    (see :func:`numeric_order`). ``anchors``: also return offsets from another event of the sentence
    ("days after a Syrian attack", "a week after ... on Feb. 3": ``anchor="event"``). They date the
    sentence's main event, not the anchor event whose words follow them, and an unresolved one holds a
    placeholder date; without ``anchors`` they are left out, so a caller that does not handle them sees
    the dates it saw before.
    """
    p = patterns()
    if published is not None and not 1800 < published.year < 2200:
        published = None  # no calendar arithmetic near the ends of the date range
    if context is not None and not 1800 < context.year < 2200:
        context = None
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def add(expr: DateExpr) -> None:
        if any(expr.start < e and s < expr.end for s, e in taken):
            return
        before = text[max(0, expr.start - 25) : expr.start]
        if p.since.search(before):
            expr = DateExpr(**{**expr.__dict__, "since": True})
        elif p.until.search(before):
            expr = DateExpr(**{**expr.__dict__, "until": True})
        taken.append((expr.start, expr.end))
        found.append(expr)

    explicit_dates(text, published, context, p, add, order)
    if published is not None:
        offsets(text, published, p, add)
        following_days(text, published, p, add)
        days_relative(text, published, p, add)
        weekdays(text, published, p, add)
        month_relative(text, published, p, add)
        ago(text, published, p, add)
        weekend(text, published, add)
        after_midnight(text, published, add)
    months_and_years(text, published, context, p, add)
    found.sort(key=lambda e: e.start)
    found = _apposed_weekdays(text, found)
    found = apply_context(text, found)
    return found if anchors else [e for e in found if e.anchor != "event"]


def is_vague_period(text: str) -> bool:
    """'in the coming weeks', 'الأيام المقبلة': a time reference too vague to date an event."""
    return bool(patterns().period.search(text))
