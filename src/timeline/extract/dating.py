"""Dates of events (rule 2): anchors, beginnings of campaigns, deals named with their day, statements."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from timeline import scope
from timeline.dates import DateExpr
from timeline.dates.relative import is_after_midnight
from timeline.extract.context import _COMES
from timeline.extract.reported import _definite
from timeline.lexicon import Cue, Trigger
from timeline.matcher import Match
from timeline.number_words import load_number_words
from timeline.text import COORDINATION

if TYPE_CHECKING:
    from timeline.extract.story import _Context


# "the memorandum signed in Sochi on Oct. 22", "اتفاق سوتشي الموقع بين أنقرة وموسكو في أيلول 2018",
# "الذي توصلت إليه مع واشنطن وموسكو في تموز 2017": a deal named with the day it was made
_CONCLUDED_AFTER = re.compile(
    r"\b(?:signed|agreed|struck|reached|brokered|sponsored|mediated|concluded|announced|declared"
    # the day a truce took effect dates it too: "since the ceasefire took effect at midnight on March 6",
    # "منذ دخول وقف إطلاق النار حيز التنفيذ في السادس من آذار"
    r"|took\s+effect|came\s+into\s+(?:force|effect)|entered\s+into\s+force|went\s+into\s+effect)\b"
    r"|(?<!\w)حيز\s+(?:التنفيذ|التطبيق)(?!\w)"
    r"|(?<!\w)(?:الموقع|الموقعه|(?:الذي|التي)\s+(?:تم\s+)?(?:(?:كان|كانت)\s+(?:قد\s+)?)?"
    r"(?:وقع|وقعت|وقعه|وقعته|وقعها|وقعاه|توصل|توصلت|ابرم|ابرمت|ابرمه|ابرمته|ابرمها|اتفق|اتفقت"
    r"|التوصل|اعلن|اعلنت|اعلنه|اعلنته|اعلنها|رعت|رعته|رعاه|رعتها|رعاها|رعي)"
    # an indefinite truce takes its relative clause with no pronoun: "هدنة أعلنت عنها موسكو وأنقرة في ..."
    r"|(?:اعلنت|اعلن|اعلنتها|اعلنها|ابرمت|ابرمها|توصلت|توصل|رعتها|رعاها)(?:\s+عنها|\s+اليها|\s+اليه)?)(?!\w)"
)


#: A comma and then a subject between a truce and the verb: "talks on a Syria ceasefire, the State Department
#: announced Monday", "وقف إطلاق النار، كما أعلنت الوزارة": that verb reports the sentence, it made no deal (an
#: apposition, "a cessation of hostilities, agreed in Geneva on September 9", follows its comma at once).
_REPORTING_GAP = re.compile(r"[,،]\s*(?!(?:which|that|الذي|التي)\b)[^\s,،]")


#: A deal's name running on after its word up to the comma of a relative clause ("اتفاق منطقة خفض التصعيد في جنوب غرب
#: سوريا، الذي ...", "the agreement on a de-escalation zone in south-west Syria, which ..."): at most 80 characters
#: with no clause break.
_NAME_THEN_RELATIVE = re.compile(r"[^,،.;:!?]{0,80}?[,،]\s*(?=(?:which|that|الذي|التي)(?!\w))")


#: How far after the verb that made a deal its date may come: room for the two leaders' full names and the
#: venue ("الذي وقعه الرئيسان فلاديمير بوتين ورجب طيب أردوغان في موسكو يوم 5 مارس").
_DEAL_DATE_REACH = 80

_DEAL_NOUN_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|accord|memorandum|truce|ceasefire|cease-fire|protocol)\b"
)


_DEAL_NOUN_BEFORE = re.compile(
    r"(?:(?<!\w)(?:ال)?(?:اتفاق|اتفاقيه|مذكره|تفاهم|تفاهمات|هدنه)|\b(?:agreement|deal|accord|memorandum))"
    r"\s+(?:[^\s]+\s+)?(?:(?:لعام|عام|of)\s+)?$"
)


#: "the lines agreed in Sochi in 2018", "الحدود المتفق عليها في سوتشي عام 2018": a year after a participle of
#: agreeing dates the deal it names.
_AGREED_IN = re.compile(
    r"(?:\b(?:agreed|signed|set|drawn|reached)(?:\s+(?:up|on|upon))?(?:\s+(?:in|at)\s+[\w-]+)?(?:\s+in)?"
    r"|(?<!\w)(?:المتفق\s+عليها|المتفق\s+عليه|الموقع|الموقعه)(?:\s+في\s+[^\s]+)?\s+(?:في\s+)?(?:عام)?)\s*$"
)


def _deal_year(d: DateExpr, folded: str) -> bool:
    """Is ``d`` a year that names a deal ("the 2018 Sochi agreement", "اتفاق سوتشي 2018", "the Sochi
    agreement of 2019")? It dates that deal, never another happening of the sentence."""
    if d.precision != "year":
        return False
    return bool(
        _DEAL_NOUN_AFTER.match(folded[d.end : d.end + 40])
        or _DEAL_NOUN_BEFORE.search(folded[max(0, d.start - 40) : d.start])
        or _AGREED_IN.search(folded[max(0, d.start - 40) : d.start])
    )


#: "the additional protocol signed in Moscow on 5 March 2020", "البروتوكول الإضافي الموقع في موسكو في الخامس من آذار
#: 2020": a participle of signing (and its venue) right before a day.
_SIGNED_ON = re.compile(
    r"(?:\b(?:signed|concluded|agreed|reached)(?:\s+(?:in|at)\s+[\w-]+)?\s+(?:on|in)"
    r"|(?<!\w)(?:الموقع|الموقعه|المبرم|المبرمه|المتفق\s+عليه|المتفق\s+عليها)(?:\s+في\s+[^\s]+)?\s+(?:في|يوم|بتاريخ))\s*$"
)


def deal_day(d: DateExpr, folded: str) -> bool:
    """Is ``d`` a day right after a participle of signing ("the protocol signed in Moscow on 5 March", "البروتوكول
    الموقع في موسكو في الخامس من آذار")? It dates that deal, never another happening of the sentence (talks "in the
    framework of consultations" told beside it)."""
    return d.precision == "day" and _SIGNED_ON.search(folded[max(0, d.start - 40) : d.start]) is not None


def _dated_deals(
    triggers: list[Match[Trigger]], dates: list[DateExpr], folded: str, actors: list[Match]
) -> dict[int, tuple[int, int]]:
    """Trigger start -> span (phrase start, date end) of truces or deals named with the day they were made: each is a
    background event of its own, dated by that date alone, even after "despite"/"رغم" or inside a name.
    The span starts at the sides named just before the trigger ("the Russian-Turkish memorandum")."""
    out: dict[int, tuple[int, int]] = {}
    for t in triggers:
        if t.value.type != "ceasefire" or t.value.subtype == "violation":
            continue
        m = _CONCLUDED_AFTER.search(folded, t.end, t.end + 40)
        if m is None and (named := _NAME_THEN_RELATIVE.match(folded, t.end)) is not None:
            # "اتفاق منطقة خفض التصعيد في جنوب غرب سوريا، الذي أعلن في عمان في السابع من تموز", "the de-escalation
            # agreement for south-west Syria, which was announced in Amman on 7 July": the deal's full name, then
            # the relative clause that tells when it was made
            m = _CONCLUDED_AFTER.search(folded, named.end(), named.end() + 40)
        if m is None or _REPORTING_GAP.search(folded, t.end, m.start()):
            continue
        when = next(
            (
                d
                for d in dates
                if (
                    d.source == "explicit"
                    or (d.precision == "day" and d.start - m.end() <= 25 and d.anchor is None)
                    # "a cease-fire brokered by Russia and Turkey earlier this month"
                    or (d.precision == "month" and d.start - m.end() <= 45 and d.anchor is None)
                )
                and m.end() <= d.start <= m.end() + _DEAL_DATE_REACH
                and not (d.since or d.until)
                # "since the ceasefire took effect, activists said on Friday": the day of who said it
                and not _REPORTING_GAP.search(folded, m.end(), d.start)
            ),
            None,
        )
        if when is not None:
            start = t.start
            while (a := next((a for a in actors if 0 <= start - a.end <= 2), None)) is not None:
                start = a.start
            out[t.start] = (start, when.end)
    return out


_AND_BETWEEN = re.compile(r"\s(?:and|و)\s|\sو")
_COMMA_AND = re.compile(r",(?=\s*(?:and\s|و))")


def join_gapped_days(
    clauses: list[tuple[int, int, bool]], dates: Sequence[DateExpr], anchors: Sequence[int], folded: str
) -> list[tuple[int, int, bool]]:
    """Clauses ``(start, end, starts_new_time)`` with a gapped coordinated clause joined back to the one
    before it: ", and Saraqib on 6 February" after "captured Maarat al-Numan on 28 January" has no verb of its
    own (no ``anchors`` offset in it) but a day of its own, so it is one more object of the same verb, dated
    by that day (:func:`_more_days`), as "، وعلى سراقب في السادس من شباط" already is in Arabic. Only when
    both clauses hold a day: a gapped object without a day of its own stays apart ("took Saraqib ..., and
    Khan Touman on Saturday" does not date Saraqib)."""
    out: list[tuple[int, int, bool]] = []
    for start, end, new in clauses:
        if (
            out
            and not new
            and COORDINATION.match(folded, start)
            and not any(start <= a < end for a in anchors)
        ):
            p_start, _, p_new = out[-1]
            days = [d for d in dates if d.precision == "day" and not (d.since or d.until)]
            if any(start <= d.start < end for d in days) and any(p_start <= d.start < start for d in days):
                out[-1] = (p_start, end, p_new)
                continue
        out.append((start, end, new))
    return out


#: A verb of its own right after the "and" that joins two days ("seized the city on May 21 and blew up the temple in
#: late August", "shelled Saraqib on Monday and then stormed it on Tuesday"): the later day is that verb's, not a
#: second day of the first. English only: an Arabic verb after و is not told from a name by its form; there
#: another trigger word between the days does it.
_VERB_AFTER_AND = re.compile(
    r"\band\s+(?:then\s+|later\s+|also\s+|again\s+)?"
    r"(?:[a-z]+ed|blew|shot|hit|struck|took|fought|began|fell|came|went|made|held|met|said|told|drove|broke|"
    r"threw|tore|led|sent|brought|won|lost|left|overran|retook|withdrew|gave|ran|stood|began|built|"
    r"(?:has|have|had|was|were|is|are)\s+(?:been\s+)?[a-z]+(?:ed|en))\b"
)


def _more_days(
    when: DateExpr, dates: list[DateExpr], folded: str, others: Sequence[int] = ()
) -> list[DateExpr]:
    """Other days of one clause that each date an object of its own ("X on March 1 and Y on March 3",
    "قصفت X يوم الاثنين و Y يوم الثلاثاء"): a day after ``when``, joined to it by "and" with a few
    words between; not a range, a "since" or a deadline, and not a day told after a verb of its own
    (:data:`_VERB_AFTER_AND`) or after another trigger word (``others``: their offsets in ``folded``)."""
    out = []
    for d in dates:
        # (the other day may be a part of a month: "Maarat al-Numan on January 28 and Saraqib in early February")
        if d is when or d.precision == "year" or when.precision != "day":
            continue
        if d.precision != "day" and d.source != "explicit":  # "and will resume next week" is no other object
            continue
        if d.since or d.until or not d.dates_event or d.date_start == when.date_start:
            continue
        if d.start <= when.end:
            # a full date joined to the one picked by the "and" alone ("8/2 و10/2" picked at 10/2)
            if d.end <= when.start and folded[d.end : when.start].split() in (["و"], ["and"]):
                out.append(d.for_tense(False))
            continue
        between = folded[when.end : d.start]
        if _VERB_AFTER_AND.search(between) or any(when.end <= o < d.start for o in others):
            continue  # "... on May 21 and blew up the temple in late August": the later day is another verb's
        # a comma only as the comma of the "and" ("on 28 January, and Saraqib on 6 February", "، وعلى سراقب")
        # ... or two full dates joined by the "and" alone ("8/2 و10/2", "on 8 February and 10 February")
        joined = between.split() in (["و"], ["and"])
        if (
            joined or (_AND_BETWEEN.search(between) and 2 <= len(between.split()) <= 8)
        ) and "," not in _COMMA_AND.sub(" ", between):
            out.append(d.for_tense(False))
    return out


#: Kinds of happening that, named with the article in an anchor ("hours before the summit", "days after the
#: deal"), are the one the article already dated: discrete talks and truces, not a campaign going on.
_TOLD_ANCHORS = frozenset({"talks", "ceasefire"})


#: A verb that ends a round of talks: the day it gives is the round's last ("wrapped up two days of talks on
#: Wednesday", "اختتمت ... جولة استمرت يومين"), and "after N days of talks" after it is how long the round lasted
#: ("اختتمت ... بعد يومين من المشاورات").
_ENDED = re.compile(
    r"(?:\b(?:wrapped\s+up|wound\s+up|concluded|ended|closed|finished|rounded\s+off)\b"
    r"|(?<!\w)[وف]?(?:اختتم\w*|تختتم|يختتم|انتهت|انتهي|تنتهي|ختام))"
)


def _anchored(
    dates: list[DateExpr], ctx: _Context, folded: str = "", triggers: Sequence[Match[Trigger]] = ()
) -> list[DateExpr]:
    """Dates of a sentence with their anchors resolved (:class:`timeline.dates.DateExpr`).

    "two days later" counts from the last date the text gave. "X came a week after Y" dates X on the day
    the text is on (its last date, else publication) and Y a week before (:func:`_anchor_event_date`).
    Qualifiers ("for the first time since 2012") date nothing.
    """
    out: list[DateExpr] = []
    subject = min(triggers, key=lambda t: t.start, default=None)  # the sentence's first action
    for d in dates:
        if d.qualifier:
            continue
        if is_after_midnight(d.text) and ctx.published is not None:
            # "clashes broke out after midnight": the day after the last day told, but no later than publication
            # (after the midnight that began the day of publication, when that day was the last one told)
            last = (
                own_days[-1] if (own_days := [e.date_start for e in out if e.anchor is None]) else None
            ) or (None if ctx.narrative else ctx.told_day or ctx.last_date or ctx.last_day)
            day = min(last + timedelta(days=1), ctx.published) if last is not None else ctx.published
            out.append(d.resolve(day - timedelta(days=1)))
            continue
        own = [e for e in out if e.end <= d.start and e.anchor is None and not (e.since or e.until)]
        if d.anchor == "previous" and own:
            d = d.resolve(own[-1].date_start)  # "scheduled for 14 December, ... resumed the same day"
        elif d.anchor == "previous" and not ctx.narrative and (ctx.told_day or ctx.last_date) is not None:
            # the last day the text gave, a weekday as well as a calendar date ("On Sunday, artillery fire on
            # Kansafra ... Russian jets carried out raids the same day")
            d = d.resolve(ctx.told_day or ctx.last_date)
        elif d.anchor == "previous" and not ctx.narrative and ctx.last_day is not None:
            d = d.resolve(ctx.last_day)  # "on the 25th ... the same day", "يوم الخميس ... في اليوم ذاته"
        elif (
            d.anchor == "event"
            and not d.resolved
            and d.offset is not None
            and _ENDED.search(folded, 0, d.start)
            and any(
                d.anchor_start <= t.start < d.anchor_start + 6 and t.value.type == "talks" for t in triggers
            )
        ):
            # "اختتمت أمس الخميس الجولة ...، بعد يومين من المشاورات", "ended on Thursday after two days of
            # consultations": the days the talks lasted, no day before them
            continue
        elif d.anchor == "event" and not d.resolved and d.offset is not None:
            # "The attack came a day after Erdoğan said ...": the main event is the one the text is on
            # (a date the sentence gave before the offset, "Talks broke down on Wednesday, a week after
            # ...", else the text's last date, else the publication day); the anchor event lies the
            # offset before it
            # (in news the day the story tells, not a far or future date named earlier: "begin joint
            # patrols on March 15. Hours before the two leaders met, air strikes killed 15")
            told = next(
                (
                    t
                    for t in triggers
                    if d.anchor_start <= t.start < d.anchor_end
                    and t.value.type in _TOLD_ANCHORS
                    and _definite(folded, t)
                ),
                None,
            )
            # a summit and the deal it reached share their day: either dates the other
            told_day = (
                next(
                    (ctx.last_by_type[k] for k in (told.value.type, *_TOLD_ANCHORS) if k in ctx.last_by_type),
                    None,
                )
                if told is not None
                else None
            )
            if told_day is not None and not own:
                # "وقبل ساعات من انطلاق القمة، قتل ..." ("hours before the summit began"), "days after the talks":
                # a summit or deal the article has dated dates the anchor, and the main event lies the offset
                # from it
                out.append(d.resolve(told_day))
                continue
            text_day = ctx.last_date if ctx.narrative else ctx.story_day
            comes = _COMES.match(folded) if not ctx.narrative and text_day is None else None
            if comes is not None:
                # "وتأتي السيطرة على سراقب بعد يوم من ...", "The attack came a day after ...": the last
                # happening of that kind the article dated, even in a new paragraph; "ويأتي ذلك بعد ...",
                # "This comes days after ...": the last day it told
                if subject is not None and subject.end <= d.anchor_start:
                    text_day = ctx.last_by_type.get(subject.value.type)
                else:
                    text_day = ctx.last_day
            main = own[-1].date_start if own else text_day or ctx.published
            if main is None:
                continue
            d = d.resolve(main - d.offset)
        out.append(d)
    return out


def _anchor_event_date(trig: Match, dates: list[DateExpr], pub: date | None) -> DateExpr | None:
    """The date of an event named inside an anchor ("a day after [Erdoğan said ...]"), counted back
    from the main event's date (the sentence's anchored date), or None."""
    for d in dates:
        if d.anchor == "event" and d.anchor_start <= trig.start < d.anchor_end:
            return d.anchor_event_date(d.date_start)
    return None


#: A verb of beginning: "which began", "that started", "launched", "التي بدأت".
_BEGAN_VERB = (
    r"(?:\b(?:which|that)\s+(?:had\s+|has\s+)?(?:began|begun|started|was\s+launched|were\s+launched|kicked\s+off)"
    r"|\blaunched|(?<!\w)(?:التي|الذي)\s+(?:كانت\s+|كان\s+)?(?:بدات|بدا|انطلقت|انطلق|اطلقت|اطلقها|شنتها|بداتها))"
)


#: ... right before a date: "which began in", "that started on", "launched late", "التي بدأت في".
_BEGAN = re.compile(_BEGAN_VERB + r"\s+(?:in\s+|on\s+|في\s+|منذ\s+)?$")


#: "... which was launched in August 2016 and ended in March 2017": the end belongs to the same campaign.
_AND_ENDED = re.compile(
    r"\b(?:and|but)\s+(?:was\s+)?(?:ended|finished|concluded)\s+(?:in\s+|on\s+)?$|(?<!\w)وانتهت\s+(?:في\s+)?$"
)


def _began_owners(
    dates: list[DateExpr], triggers: list[Match[Trigger]], folded: str, reach: int = 120
) -> dict[int, list[DateExpr]]:
    """Trigger start -> the dates of the beginning (or end) of the campaign it names ("an offensive ...,
    which began in December", "an offensive launched late last year", "which was launched in August 2016
    and ended in March 2017"): the nearest trigger before the verb of beginning that is no aim ("to
    retake"). Dates with no such verb right before them are left out; each looks ``reach`` characters back."""
    ordered = sorted(triggers, key=lambda t: t.end)
    ends = [t.end for t in ordered]
    out: dict[int, list[DateExpr]] = {}
    for d in dates:
        lo = max(0, d.start - 45)
        m = _BEGAN.search(folded, lo, d.start)
        if m is None:
            if _AND_ENDED.search(folded, max(0, d.start - 30), d.start) is None:
                continue
            lo = max(0, d.start - 100)
            m = next(reversed(list(re.finditer(_BEGAN_VERB, folded[lo : d.start]))), None)
            if m is None:
                continue
            verb = lo + m.start()
        else:
            verb = m.start()
        window = ordered[bisect_left(ends, verb - reach) : bisect_right(ends, verb)]
        owner = next(
            (t for t in reversed(window) if t.value.type != "talks" and not scope.purpose(t, folded)), None
        )
        if owner is not None:
            out.setdefault(owner.start, []).append(d)
    return out


def _is_since(d: DateExpr) -> bool:
    """ "since December", "منذ 25 تشرين الثاني": the start of something still going on."""
    return d.since or d.text.startswith(("since", "منذ"))


def _nearest(d: DateExpr, triggers: list[Match[Trigger]], start: int, end: int) -> Match[Trigger] | None:
    """The trigger of the clause [start, end) nearest to date ``d`` (before it first on ties)."""
    inside = [t for t in triggers if start <= t.start < end]
    if not inside:
        return None
    return min(inside, key=lambda t: (min(abs(d.start - t.end), abs(t.start - d.end)), t.start > d.start))


_ANNOUNCE = ("اعلن", "announced")


# the past perfect around a trigger: "وكانت المحادثات ... قد استمرت", "كان قد أعلن", "talks had lasted"
_PLUPERFECT_AR = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانوا)\s+(?:[^\s]+\s+){0,8}?قد\s")


_PLUPERFECT_EN = re.compile(r"\bhad\s+(?:already\s+|been\s+)?[a-z]+(?:ed|en|lt|ld|ht|un)\b")


def _told_in_the_past(folded: str, trig: Match) -> bool:
    """Is ``trig`` inside a past-perfect phrase (the verb "had ..." / "كان ... قد" within a few words)?"""
    window = folded[max(0, trig.start - 60) : trig.end + 60]
    return bool(_PLUPERFECT_AR.search(window) or _PLUPERFECT_EN.search(window))


#: What may stand before a dateline's date: the town it was filed from, at the start of the sentence
#: ("MOSCOW, ", "أبوظبي في ", "Damascus - ", "ZAGREB/BEIRUT, ": two desks), one to three words that are not a
#: preposition.
_DATELINE_HEAD = re.compile(
    r"^\W*(?!(?:on|in|at|by|since|until|في|يوم|منذ|حتي)\s)[\w'./\-]+(?:\s+[\w'./\-]+){0,2}\s*(?:[,،\-–—]\s*|\s+في\s+)$"
)
#: ... and after it: the agency or the dash that ends a dateline ("(TASS) -", "/ وام /", " – ", ":").
_DATELINE_TAIL = re.compile(
    r"^\s*(?:[,،]?\s*(?:19|20)\d\d)?\s*(?:\([^)]{1,40}\)|/\s*[^/\d]{1,25}/|[-–—:](?!\d))"
)


#: ... and after a date that opens the sentence with no town before it: the agency in brackets and a dash
#: ("March 22 (UPI) --", "22 آذار (سانا) -").
_BARE_DATELINE_TAIL = re.compile(r"^\s*(?:[,،]?\s*(?:19|20)\d\d)?\s*\([^)]{1,40}\)\s*[-–—]")


#: A page's stamp before its date: "Last updated at", "Updated:", "Published on", "آخر تحديث:", "تاريخ النشر:".
_STAMP_HEAD = re.compile(
    r"^\W*(?:(?:last\s+)?(?:updated|modified)|published|posted)(?:\s+(?:at|on))?\s*:?\s*$"
    r"|^\W*(?:اخر\s+تحديث|تاريخ\s+النشر|نشر\s+في|تم\s+النشر\s+في)\s*:?\s*$"
)


def dateline_date(folded: str, d: DateExpr) -> bool:
    """Is ``d`` the date of a dateline that opens the sentence ("MOSCOW, March 5 (TASS) -", "أبوظبي في 27 مايو /
    وام /", "March 22 (UPI) --") or of a page's stamp ("Last updated at Nov 01 2017", "آخر تحديث: ...")? It is the
    day the story was filed, like the publication date, not the day of what the story tells when the sentence
    names one ("... the massacre in Houla last Friday")."""
    if d.source != "explicit" or d.precision != "day" or d.start > 40:
        return False
    if _STAMP_HEAD.match(folded[: d.start]):
        return True  # "Last updated at Nov 01 2017", "آخر تحديث: 1 تشرين الثاني": the page's stamp
    if not folded[: d.start].strip(" \t\n\"'«“-–—*"):
        return _BARE_DATELINE_TAIL.match(folded[d.end : d.end + 40]) is not None
    return (
        _DATELINE_HEAD.match(folded[: d.start]) is not None
        and _DATELINE_TAIL.match(folded[d.end : d.end + 40]) is not None
    )


def _statement_date(d: DateExpr, cues: list[Match[Cue]], trig: Match) -> bool:
    """Does ``d`` date a statement ("قال قالن الأربعاء إن ...", "said on Monday that") before the trigger?

    Not when a truce is what was announced, right after the date ("أعلنت السبت هدنة", "announced on
    Saturday a 72-hour truce") or right before the verb ("الاتفاق الذي أعلن مساء أمس"): declaring a truce
    is the truce's day."""
    reports = [c for c in cues if c.value.cue == "report" and 0 <= d.start - c.end <= 60]
    if not reports and d.start <= 4:
        # "On Saturday, Erdogan said he would meet ... on 5 March": a date that opens the sentence before its
        # speaker and verb dates the saying of what the verb reports
        reports = [
            c for c in cues if c.value.cue == "report" and 0 <= c.start - d.end <= 60 and c.end <= trig.start
        ]
    if not reports or d.end > trig.start:
        return False
    if trig.value.type != "ceasefire" or not all(c.term.startswith(_ANNOUNCE) for c in reports):
        return True
    # "أعلنت السبت هدنة" (the truce right after the date), "الاتفاق الذي أعلن مساء أمس" (right before the verb)
    declared = trig.start - d.end <= 20 or any(0 <= c.start - trig.end <= 12 for c in reports)
    return not declared


def _pick_date(dates: list[DateExpr], trig: Match, future: bool) -> DateExpr | None:
    if not dates:
        return None
    if future:
        ahead = [
            d
            for d in dates
            if d.for_tense(True).future_start or d.precision != "day" or d.source == "relative"
        ]
        dates = ahead or dates
    best = min(dates, key=lambda d: min(abs(d.start - trig.end), abs(trig.start - d.end)))
    return best.for_tense(future)


@cache
def _duration_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How long a round lasted, before its word ("the two-day talks", "three days of talks", "a 3-day round
    of") and after it ("talks that lasted two days", "التي استمرت يومين", "على مدى ثلاثة أيام", "لمدة 3 أيام");
    numbers in words come from ``numbers.csv`` (:mod:`timeline.number_words`)."""
    card = load_number_words().cardinal
    before = re.compile(rf"(?<!\w)(\d+|{card})(?:-|\s+)days?(?:\s+of)?\s+(?:[\w-]+\s+){{0,2}}$")
    after = re.compile(
        rf"\s*,?\s*(?:(?:which|that)\s+(?:lasted|ran\s+for)\s+(\d+|{card})\s+days"
        r"|(?:[^\s]+\s+){0,2}?(?:(?:التي|الذي)\s+)?(?:استمرت|دامت|استمر|دام|علي\s+مدي|لمده)\s+"
        rf"(يومين|(?:\d+|{card})\s+ايام))"
    )
    return before, after


def _talks_days(folded: str, trig: Match) -> int | None:
    """How many days a round of talks lasted, when the text says so next to its word ("the two-day talks",
    "المحادثات التي استمرت يومين"), else None. The round then spans those days from the day it is dated by."""
    before, after = _duration_patterns()
    m = before.search(folded, max(0, trig.start - 30), trig.start)
    if m is None:
        m = after.match(folded, trig.end, min(len(folded), trig.end + 60))
    if m is None:
        return None
    raw = next(g for g in m.groups() if g)
    if raw == "يومين":
        return 2
    raw = raw.removesuffix("ايام").strip()
    n = int(raw) if raw.isdigit() else load_number_words().value(raw)
    return n if n is not None and 1 < n <= 14 else None


@lru_cache(maxsize=1)
def _straight_day_pattern() -> re.Pattern[str]:
    ordw = load_number_words().ordinal
    return re.compile(
        rf"\bfor\s+(?:a|the)\s+(?P<en>\d+(?:st|nd|rd|th)|{ordw})\s+(?:(?:straight|consecutive|successive)\s+day"
        r"|day\s+(?:running|in\s+a\s+row))\b"
        rf"|(?<!\w)[و]?لليوم\s+(?P<ar>{ordw})\s+(?:علي\s+التوالي|توالياً|تواليا|علي\s+التتالي)"
    )


def straight_days(folded: str, start: int, end: int) -> int | None:
    """How many days in a row a happening told in [start, end) has gone on, when the text counts them ("for a
    third straight day", "for the second day running", "لليوم الثاني على التوالي"), else None: the happening is
    going on."""
    m = _straight_day_pattern().search(folded, start, end)
    if m is None:
        return None
    raw = m["en"] or m["ar"]
    digits = re.match(r"\d+", raw)
    n = int(digits.group()) if digits else load_number_words().value(raw, ordinal=True)
    return n if n is not None and 1 < n <= 60 else None


#: A relative clause right after a trigger word: "المهلة التي حددها أردوغان في الخامس من فبراير", "the deadline
#: which he set on 5 February", "the round that was held on Wednesday".
#: In Arabic one name may stand between them ("اشتباكات الطيونة التي اندلعت أمس"), not a preposition's phrase
#: ("الهجوم على القرية التي ..." tells of the village) nor an adjective in ي ("اللقاء التشاوري الذي يبدأ غداً": the
#: trip to attend it told in the same breath is one happening, dated by the trip).
_RELATIVE = re.compile(
    r"(?:\s+(?!(?:[وفبل]?(?:علي|في|من|الي|عن|مع|قرب|ضد))(?!\w))[\u0621-\u064a]*[\u0621-\u0648](?!\w))?"
    r"\s*,?\s*(?:(?:ال)?(?:التي|الذي|اللتين|اللذين|الذين)|which|that)\s+"
)
_CLAUSE_BREAK = re.compile(r"[,.;:!?،؛]")


def _relative_clause_date(
    folded: str, trig: Match, dates: Sequence[DateExpr], cues: Sequence[Match[Cue]] = ()
) -> DateExpr | None:
    """The date a relative clause attached to the trigger word gives it ("المهلة التي حددها أردوغان في الخامس من
    فبراير": the deadline was set on 5 February, whatever else the sentence dates), or None. A clause that tells a
    schedule (a ``planned`` cue: "that had been scheduled for Wednesday") dates nothing."""
    m = _RELATIVE.match(folded, trig.end)
    if m is None:
        return None
    stop = _CLAUSE_BREAK.search(folded, m.end(), m.end() + 80)
    end = stop.start() if stop else min(len(folded), m.end() + 80)
    if any(c.value.cue == "planned" and m.end() <= c.start < end for c in cues):
        return None  # "the round that had been scheduled for Wednesday" (and took place on Thursday)
    return next(
        (
            d
            for d in dates
            if m.end() <= d.start < end and d.anchor is None and not (d.qualifier or d.until or d.since)
        ),
        None,
    )


#: A relative pronoun opening a clause about a side or a place: "who", "which", "that", "الذين", "التي".
#: ("that" is left out: after a verb it opens what was said, "arguing that the government had ignored ...")
_REL_PRONOUN = re.compile(r"\b(?:who|which)\b|(?<!\w)(?:الذين|اللذين|اللتين|التي|الذي)(?!\w)")
#: What the words between such a date and the next action must not hold: a clause told inside the relative one
#: ("which allowed the government to declare on December 22 that it had retaken ...", "... أن").
_INNER_CLAUSE = re.compile(r"\b(?:that|to)\b|(?<!\w)(?:ان|انه|انها|بان)(?!\w)")
_BREAK = re.compile(r"[,.;:!?،؛]")
#: How far before a date its relative pronoun, and after it the verb that closes the clause, may stand (characters).
_REL_REACH = 60
_MAIN_REACH = 40


def relative_clause_days(
    folded: str, dates: Sequence[DateExpr], triggers: Sequence[Match[Trigger]]
) -> set[int]:
    """Ids of the dates inside a relative clause about a side or a place, before the verb it qualifies:
    "pro-government fighters who entered the canton last week were shelled near Afrin", "تعرض المقاتلون الذين
    دخلوا المنطقة الأسبوع الماضي لقصف". The date tells when that clause's verb happened (the fighters entered),
    not the happening the sentence goes on to tell (the shelling). A clause right after a trigger word ("the
    attack that took place on Monday killed ...") dates that word (:func:`_relative_clause_date`), and one that
    names a happening of its own before the date ("rebels, who shelled the town on Monday, ...") dates it: neither
    counts here."""
    out: set[int] = set()
    for d in dates:
        lo = max(0, d.start - _REL_REACH)
        pron = next(reversed(list(_REL_PRONOUN.finditer(folded, lo, d.start))), None)
        if pron is None or _BREAK.search(folded, pron.end(), d.start):
            continue
        if len(folded[pron.end() : d.start].split()) < 2:
            continue  # "who on Monday shelled ...": the date opens the clause of a verb still to come
        if any(0 <= pron.start() - t.end <= 3 or pron.end() <= t.start < d.start for t in triggers):
            continue
        after = next((t for t in triggers if t.start >= d.end), None)
        if (
            after is not None
            and after.start - d.end <= _MAIN_REACH
            and not _BREAK.search(folded, d.end, after.start)
            and not _AND_BETWEEN.search(folded[d.end : after.start + 1])
            and not _INNER_CLAUSE.search(folded, d.end, after.start)
            # an English date right before the word names it ("the December 30 truce"); a verb stands between
            and (not after.term.isascii() or len(folded[d.end : after.start].split()) >= 1)
        ):
            out.add(id(d))
    return out
