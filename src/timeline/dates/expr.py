"""The record of one date expression and how the extractor reads it (tense, anchors, qualifiers)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta


@dataclass(frozen=True)
class DateExpr:
    """One date expression found in a sentence (``start``/``end``: offsets into the folded sentence).

    ``date_start``/``date_end`` are the first and last day of the period (``date_end`` None for one day),
    ``precision`` is ``day``, ``week``, ``month`` or ``year``, ``source`` ``explicit`` (a calendar date in
    the text) or ``relative`` (resolved against the publication date or an anchor).

    Fields the extractor reads besides the dates:

    - ``since``: "منذ 25 تشرين الثاني", "since March": the start of an ongoing period.
    - ``until``: "حتى نهاية شباط", "until the end of February", "by 5 March", "بحلول": a deadline or the
      end of a period the clause sets; it dates an ultimatum's deadline, not when the event happened.
    - ``future_start``: the reading in a clause about the future (a weekday, a day-month without year);
      :meth:`for_tense` applies it.
    - ``tense``: ``"past"`` or ``"future"`` when the words fix the reading themselves ("last Monday",
      "الاثنين المقبل", "سيصل ... السبت", "will meet on Thursday"); ``date_start`` is already that
      reading and :meth:`for_tense` keeps it.
    - ``qualifier``: the date measures a state or a record and does not date an event of its clause
      ("for the first time since 2012", "under opposition control since October 2012",
      "لأول مرة منذ عام 2012"). The extractor must not give it to an event, nor count it as a
      narrative date.
    - ``anchor``: ``"previous"`` for an offset from the last date the text gave ("two days later",
      "the following day", "اليوم التالي"); ``"event"`` for an offset from another event the sentence
      names ("a week after seven soldiers were killed", "days after a Syrian attack",
      "بعد أسبوع من مقتل ..."), whose words lie in ``anchor_start:anchor_end``. Until
      :meth:`resolve` is called with the anchor's date, an ``"event"`` anchor holds the publication
      date as a placeholder (``resolved`` False) and a ``"previous"`` one counts from the reference date.
    - ``offset``: signed distance from the anchor (``a week after`` +7 days); ``offset_days_end`` the
      end of the window for vague offsets ("days after": +1 to +7).
    - ``vague_year``: day and month given, the year taken from context.
    """

    start: int
    end: int
    date_start: date
    date_end: date | None
    precision: str  # day, week, month, year
    source: str  # explicit or relative
    text: str
    since: bool = False
    until: bool = False
    future_start: date | None = None
    vague_year: bool = False
    tense: str | None = None
    qualifier: bool = False
    anchor: str | None = None
    anchor_start: int = -1
    anchor_end: int = -1
    offset: timedelta | None = None
    offset_end: timedelta | None = None
    resolved: bool = True

    def for_tense(self, future: bool) -> DateExpr:
        """This expression read in a clause about the future (or the past).

        A tense fixed by the words themselves (:attr:`tense`) wins over the caller's reading, and a
        since-date ("displaced since December 1") always lies in the past.
        """
        if self.tense is not None or self.since:
            return self
        if future and self.future_start and self.future_start != self.date_start:
            return replace(self, date_start=self.future_start, date_end=None)
        return self

    def resolve(self, anchor_date: date) -> DateExpr:
        """The expression counted from ``anchor_date`` (the anchor event's or the previous date).

        Returns ``self`` unchanged when it has no anchor. The result is ``relative`` and ``resolved``.
        """
        if self.anchor is None or self.offset is None:
            return self
        start = anchor_date + self.offset
        end = anchor_date + self.offset_end if self.offset_end is not None else None
        return replace(self, date_start=start, date_end=end, future_start=None, resolved=True)

    def anchor_event_date(self, main_date: date) -> DateExpr | None:
        """The date of the anchor event itself, counted back from the main event's date.

        "The attack [20 Feb] came a day after Erdoğan said ...": the words in ``anchor_start:anchor_end``
        happened on 19 Feb. The result spans the anchor words, is ``relative`` and resolved; None when
        this expression has no event anchor.
        """
        if self.anchor != "event" or self.offset is None:
            return None
        start = main_date - (self.offset_end if self.offset_end is not None else self.offset)
        end = main_date - self.offset if self.offset_end is not None else None
        if end is not None and end < start:
            start, end = end, start
        return replace(
            self,
            start=self.anchor_start,
            end=self.anchor_end,
            date_start=start,
            date_end=end if end != start else None,
            anchor=None,
            offset=None,
            offset_end=None,
            resolved=True,
        )

    @property
    def has_year(self) -> bool:
        """A calendar date whose year the text states (not taken from context)."""
        return self.source == "explicit" and not self.vague_year

    @property
    def dates_event(self) -> bool:
        """Can this expression date an event of its clause? (not a qualifier, not an unresolved anchor)"""
        return not self.qualifier and self.resolved


#: Superlatives of a record ("the deadliest", "الأعنف"), folded, as a regex alternation: before a since-date they
#: make it measure the record (:func:`timeline.dates.context.is_qualifier`), and after an anchor they name the
#: anchor event again ("..., the deadliest attack in years").
SUPERLATIVES = (
    r"deadliest|worst|biggest|largest|heaviest|highest|lowest|fiercest|bloodiest|most\s+\w+"
    r"|الاعنف|اعنف|الاكبر|اكبر|الاسوا|اسوا|الاشد|اشد|الاعلي|الادني|الاكثر|ادمي|الادمي"
)
