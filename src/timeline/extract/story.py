"""What earlier sentences of an article told: the story's day, last places and actors; narrative or news."""

from __future__ import annotations

from datetime import date

from timeline.dates import DateExpr
from timeline.extract.dating import _PLUPERFECT_AR, _PLUPERFECT_EN, _is_since, dateline_date
from timeline.mentions import Mention
from timeline.model import Place

#: how many days before publication the story's day may lie and still date the undated sentences after it
PARAGRAPH_DAYS = 2


#: The key of :attr:`_Context.last_place` for the last villages and towns named, and the radius from which a
#: GeoNames point is a city, not a town (8 km: 100,000 people, see ``timeline.gazetteer._radius``).
SETTLEMENT, SETTLEMENT_KM = "settlement", 8.0
#: The key of :attr:`_Context.last_place` for the last cities named (GeoNames points from SETTLEMENT_KM on).
CITY = "city"

#: how far back the last day told may lie and still be what "The attack came a day after ..." is about
LAST_DAY_DAYS = 14


#: How far before a date the verb of a past perfect may stand and still tell it ("وكانت المدينة قد تعرضت يوم
#: الجمعة", "had been shelled on Friday"), in characters.
PLUPERFECT_REACH = 60


def _pluperfect_day(folded: str, d: DateExpr) -> bool:
    """Is ``d`` told in the past perfect: "had ..." or "كان/كانت ... قد" within PLUPERFECT_REACH before it?"""
    before = folded[max(0, d.start - PLUPERFECT_REACH) : d.start]
    return bool(_PLUPERFECT_AR.search(before) or _PLUPERFECT_EN.search(before))


class _Context:
    """What earlier sentences of the article said: the last place of each kind, and for a narrative
    (a timeline written long after the events, like an encyclopedia page) the last date it gave."""

    def __init__(self, published: date | None, narrative: bool) -> None:
        self.published = published
        self.narrative = narrative
        self.last_place: dict[str, list[Place]] = {}
        self.last_date: date | None = None
        self.focus: Place | None = None
        #: the focus among the places of the war's region (Syria and its neighbours, ``PREFERRED``): what stands
        #: in for an unplaced attack when the article is about talks abroad (see ``siting._stand_in``)
        self.war_focus: Place | None = None
        #: the town the article was filed from (its dateline), and the last venue of talks or of a deal told
        #: so far: what talks that name no venue of their own stand in for
        self.dateline: Place | None = None
        self.last_venue: list[Place] = []
        #: a narrative's year from its title or last heading, before any day is given
        self.year_context: date | None = None
        #: the actors last named in a sentence, for a statement whose speaker is a pronoun ("he told reporters")
        self.last_actors: list = []
        #: in news, the last recent day an earlier sentence gave (see :meth:`see_dates`)
        self.story_day: date | None = None
        #: the same, given in the current paragraph (reset at each paragraph break)
        self.paragraph_day: date | None = None
        #: in news, the last day any earlier sentence gave, within LAST_DAY_DAYS before publication
        self.last_day: date | None = None
        #: the last day the text gave, explicit or relative, in text order ("On Sunday, ... the same day"); not a
        #: date a record is measured from ("the deadliest since the truce of 5 March")
        self.told_day: date | None = None
        #: in news, the last day an event of each type was dated by its own words (same window)
        self.last_by_type: dict[str, date] = {}

    def new_paragraph(self) -> None:
        """A paragraph break: the story's day goes on, the paragraph's day starts afresh."""
        self.paragraph_day = None

    @property
    def reference(self) -> date | None:
        """What relative dates ("the following day", "today") count from."""
        if self.narrative and self.last_date is not None:
            return self.last_date
        return self.published

    def see_places(self, places: list[Place]) -> None:
        for p in places:
            self.last_place[p.precision] = [q for q in places if q.precision == p.precision]
        # what "the town", "the villages", "البلدة" refer back to: the last villages and towns named, not a
        # city of 100,000+ named since ("the M5 linking Aleppo to Damascus")
        settlements = [p for p in places if p.precision == "point" and 0 < p.radius_km < SETTLEMENT_KM]
        if settlements:
            self.last_place[SETTLEMENT] = settlements
        # what an unknown neighbourhood ("حي الحمدانية") lies in: the last city named
        cities = [p for p in places if p.precision == "point" and p.radius_km >= SETTLEMENT_KM]
        if cities:
            self.last_place[CITY] = cities

    def see_events(self, mentions: list[Mention]) -> None:
        """Remember the day each type of event was last dated by its own words (news only)."""
        if self.narrative or self.published is None:
            return
        for m in mentions:
            if (
                m.date is not None
                and not m.inherited
                and m.date.precision == "day"
                and 0 <= (self.published - m.date.date_start).days <= LAST_DAY_DAYS
            ):
                self.last_by_type[m.type] = m.date.date_start

    def see_dates(
        self,
        dates: list[DateExpr],
        heading: bool = False,
        measures: frozenset[int] = frozenset(),
        folded: str = "",
        statements: frozenset[int] = frozenset(),
    ) -> None:
        """Remember the dates of a sentence. In a narrative, a title or heading that gives a year
        ("(April–August 2019)") sets the year of the day-month dates after it ("On 16 May"), and so does
        a year given before any day. In news, a day up to PARAGRAPH_DAYS before publication is the day
        the story tells, until a sentence gives another day (an older one ends it). ``measures``: ids of dates
        a record is measured from ("the deadliest since the truce agreed on 5 March"), never "the same day".
        ``folded`` is the sentence's folded text, to tell the days that are not the story's
        (:meth:`_story_days`). ``statements``: ids of dates right after a verb of saying ("the Observatory said
        on Wednesday"), which are the day told only when the sentence gives no other day."""
        days = self._story_days(dates, folded)
        if days and self.published is not None:
            # the first day is the main clause's ("said on Saturday that he told Putin on Friday")
            recent = 0 <= (self.published - days[0]).days <= PARAGRAPH_DAYS
            self.story_day = days[0] if recent else None
            self.paragraph_day = self.story_day
            if 0 <= (self.published - days[0]).days <= LAST_DAY_DAYS:
                self.last_day = days[0]
        told = [
            d
            for d in dates
            if d.dates_event and d.precision == "day" and not (d.since or d.until) and id(d) not in measures
        ]
        # "stormed the village at dawn on Tuesday, the Observatory said on Wednesday": the day told is Tuesday
        told = [d for d in told if id(d) not in statements] or told
        if told:
            self.told_day = told[-1].date_start
        for d in dates:
            if not d.dates_event:
                continue
            if d.precision == "day" and (d.source == "explicit" or self.narrative):
                self.last_date = d.date_start
            if (
                self.narrative
                and d.has_year
                and d.precision in {"month", "year"}
                and (heading or self.last_date is None)
            ):
                self.last_date = None
                self.year_context = date(d.date_start.year, 1, 1)  # day-month dates after it go forward

    def _story_days(self, dates: list[DateExpr], folded: str) -> list[date]:
        """The days of a sentence that may be the day the story is on, in text order. In news, not:

        - a dateline's date when the sentence names another day ("TEHRAN, Mar. 03 (MNA) – Rouhani told Erdogan
          in a phone call on Monday night", "دمشق في 3 آذار / سانا / - ... مساء الاثنين"): the day of filing;
        - a day still to come ("joint patrols from 15 March", "اعتباراً من 15 آذار الحالي"): a plan, after which
          the news goes on with the day it was telling;
        - a day told in the past perfect that lies before the story's day ("وكانت المدينة قد تعرضت يوم الجمعة
          لقصف عنيف" in a story on Sunday, "The town had been shelled on Friday"), nor that day named again in
          the sentence ("the same evening"): background the news returns from.
        """
        days = [d for d in dates if d.dates_event and d.precision == "day"]
        pub = self.published
        if self.narrative or pub is None or not folded:
            return [d.date_start for d in days]
        if len(days) > 1:
            days = [d for d in days if not dateline_date(folded, d)] or days
        days = [d for d in days if d.date_start <= pub]
        if self.story_day is not None:
            # (and so is the same day named again in the sentence: "... قد أعلنت أمس الإثنين سيطرتها على سراقب، وانتشرت
            # الشرطة الروسية في المدينة مساء اليوم نفسه")
            story_day = self.story_day
            background = {
                d.date_start for d in days if d.date_start < story_day and _pluperfect_day(folded, d)
            }
            days = [d for d in days if d.date_start not in background]
        return [d.date_start for d in days]

    @property
    def context(self) -> date | None:
        """The date that gives day-month dates without a year their year, in a narrative."""
        return self.last_date or self.year_context


def _is_narrative(all_dates: list[DateExpr], pub: date | None) -> bool:
    """A text whose explicit dates lie mostly more than a year before its publication.

    News that counts its days from publication ("on Thursday", "اليوم") is no narrative however many
    background years it names ("the Sochi deal of September 2018"): relative day references must not
    outnumber the far dates.
    """
    years = [
        d.date_start.year
        for d in all_dates
        if d.has_year and d.precision in {"day", "month"} and not d.qualifier
    ]
    if pub is None:  # without a publication date nothing relative is resolved
        return False
    days_from_pub = sum(
        1 for d in all_dates if d.source == "relative" and d.precision == "day" and d.anchor is None
    )  # "several hours later" counts from the text, not from publication
    # an encyclopedia's "On 16 May ... On 17 May" under a heading "(April–August 2019)": days without a
    # year, no day counted from publication, and a year far from publication
    # (a since-date measures how long, it tells no story: "for the first time since 2012")
    far_any = any(
        d.has_year and abs(d.date_start.year - pub.year) > 1 and not _is_since(d) for d in all_dates
    )
    yearless_days = sum(1 for d in all_dates if d.precision == "day" and d.vague_year)
    if far_any and yearless_days >= 2 and days_from_pub == 0:
        return True
    if not years:
        return False
    far = sum(1 for y in years if abs(y - pub.year) > 1)
    # one background date ("since March 2011") is not a story
    return far >= 2 and far * 2 > len(years) and far > days_from_pub
