"""The mentions of one trigger of a sentence, step by step (:func:`_trigger_mentions`): rule 1 (is it an event at
all: :mod:`timeline.extract.not_event`), the span its own words fill, its sides, its places
(:mod:`timeline.extract.siting`), its date and status (:mod:`timeline.extract.when`), then the mention, one per day
when one word tells several days."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from timeline import scope
from timeline.dates import DateExpr
from timeline.extract.context import (
    _ADDITIVE,
    _ALSO_AFTER,
    _CAUSE,
    _COMES,
    _CONCURRENT,
    _DEMONSTRATIVE,
    _FRAME,
    _LINK,
    _RELATIVE_BACK,
    _RETALIATION,
    _ROAD,
)
from timeline.extract.dating import _ENDED, _more_days, _relative_clause_date, _talks_days, straight_days
from timeline.extract.facts import _Sentence, _Where
from timeline.extract.not_event import (
    _NEXT_ROUND,
    _broke_out,
    _civic,
    _dated_after,
    _not_an_event,
    _quoted,
)
from timeline.extract.placing import _without_located_capitals
from timeline.extract.reported import (
    _definite,
    _in_span,
    past_anchor,
)
from timeline.extract.resources import Resources
from timeline.extract.siting import (
    _default_places,
    _named_places,
    _talks_places,
    _threat_truce_places,
    _unknown_site_places,
)
from timeline.extract.status import _status
from timeline.extract.story import _Context
from timeline.extract.when import _during_talks, _own_dates, _when
from timeline.figures import find_figures
from timeline.gazetteer import PlaceMention
from timeline.lexicon import Trigger
from timeline.matcher import Match
from timeline.mentions import Mention, party
from timeline.model import Actor, Place
from timeline.participants import roles
from timeline.places import drop_coarse, event_places, unnamed_sites
from timeline.text import COORDINATION

#: "The two leaders", "both presidents", "الرئيسان", "الطرفين": the two sides told before, as a talks subject.
_THE_TWO = re.compile(
    r"\b(?:the\s+two|both)\s+(?:leaders|presidents|sides|ministers|foreign\s+ministers|defence\s+ministers"
    r"|defense\s+ministers|delegations|men|heads\s+of\s+state|counterparts)\b"
    r"|(?<!\w)[وفب]?(?:ال)?(?:رئيسان|رئيسين|جانبان|جانبين|طرفان|طرفين|وزيران|وزيرين|زعيمان|زعيمين|وفدان|وفدين)(?!\w)"
)


#: Talks named as the time before which something else happened ("Hours before the summit, ...", "قبيل اللقاء"):
#: the happening told is another one, in other places.
_BEFORE_FRAME = re.compile(
    r"\b(?:before|ahead\s+of|on\s+the\s+eve\s+of)\s+the\s+$|(?<!\w)[وف]?(?:قبل|قبيل|عشيه)\s+(?:ال)?$"
)


#: Where a phrase set off in a sentence ends: a comma, a semicolon or a dash.
_PHRASE_END = re.compile(r"[,،;؛]|\s[-–—]\s")


def _where(trig: Match[Trigger], s: _Sentence, ci: int) -> _Where:
    """The clause ``ci`` of ``trig`` and the span its sides and places are read from (:class:`_Where`)."""
    c_start, c_end, new_time = s.clauses[ci]
    deal_span = s.deal_spans.get(trig.start)
    anchor_of = next(
        (d for d in s.dates if d.anchor == "event" and d.anchor_start <= trig.start < d.anchor_end), None
    )
    if anchor_of is not None:
        # the event named after "a week after" is its own happening: its date is counted back from
        # the main event's, and its actors and status come from its own words ("talks broke down on
        # Wednesday, a week after government forces captured the town")
        c_start = anchor_of.anchor_start
    # sides and places: a dated deal's own phrase ("the Russian-Turkish memorandum signed in Sochi on
    # Oct. 22"); its status still reads the whole clause ("... on Jan. 12 collapsed within days")
    a_start, a_end = (min(c_start, deal_span[0]), deal_span[1]) if deal_span else (c_start, c_end)
    past = False
    if trig.value.type == "talks" and _BEFORE_FRAME.search(s.folded, max(0, trig.start - 30), trig.start):
        # "Hours before the summit, Russian air strikes killed 15 civilians in Maarat Misrin": talks named as
        # the time of another happening take their sides and venue from their own phrase only
        stop = _PHRASE_END.search(s.folded, trig.end, a_end)
        a_start, a_end, past = trig.start, (stop.start() if stop else a_end), True
    condemned_from = scope.condemnation_end(trig, s.cues, (c_start, c_end))
    if condemned_from is not None:
        # "Saudi Arabia condemned the Turkish strikes": the condemning side is no side of the strikes
        a_start, past = max(a_start, condemned_from), True
    if trig.value.type == "offensive" and any(t.start < trig.start for t in s.threats):
        # "Turkey has vowed revenge since the strike that killed 34 Turkish soldiers": the attack a threat
        # answers names its own sides after "since", not the threatener's
        since = past_anchor(trig, s.folded)
        past = past or since is not None
        a_start = a_start if since is None else max(a_start, since)
    # the words of an anchor or of a dated deal name their own sides and places, not this event's
    foreign = (
        [] if anchor_of is not None or deal_span is not None else s.anchor_spans + [*s.deal_spans.values()]
    )
    return _Where(ci, new_time, c_start, c_end, anchor_of, deal_span, a_start, a_end, foreign, past)


def _parties(trig: Match[Trigger], s: _Sentence, w: _Where) -> tuple[list[Match], list[Match]]:
    """(sides named in the event's span, speakers of a breaking-news line about a strike): actor mentions."""
    c_actors = [a for a in s.actor_ms if _in_span(a, w.a_start, w.a_end)]
    if w.anchor_of is None and w.deal_span is None and not w.past:
        # "the warning came two days after regime artillery killed five Turkish soldiers": no side
        # of the warning is named
        own = [a for a in s.actor_ms if not any(x <= a.start < y for x, y in w.foreign)]
        c_actors = [a for a in c_actors if a in own] or own
    offensive = trig.value.type == "offensive"
    speakers_here = [a for a in c_actors if (a.start, a.end) in s.heads] if offensive else []
    if offensive and scope.condemned(trig, s.cues, (w.start, w.end)):
        # "أدانت الخارجية السعودية الغارات التركية": who condemns is neither side of the strikes
        return [a for a in c_actors if a not in speakers_here], []
    return [a for a in c_actors if a not in speakers_here], speakers_here


#: Barrel bombs, a weapon of the Syrian government's air force alone: "barrel bombs", "براميل متفجرة", "البرميل المتفجر".
_BARREL_BOMB = re.compile(
    r"\bbarrel[\s-]+bombs?\b|(?<!\w)(?:[وف]?(?:ب|ال|بال)?)?(?:براميل|برميل)\s+(?:ال)?متفجر"
)


def _actors(
    trig: Match[Trigger],
    s: _Sentence,
    w: _Where,
    c_actors: list[Match],
    speakers_here: list[Match],
    ctx: _Context,
) -> tuple[list[Actor], list[tuple[int, int]]]:
    """(the event's actors with their roles, the topic spans its talks are about): a threat with no side named
    takes the last speaker; a country talks are about takes no part; a speaker heading a strike's news line is
    its target."""
    tv = trig.value
    if not c_actors and tv.type == "ultimatum" and ctx.last_actors:
        c_actors = ctx.last_actors[:1]  # "we will be obliged to act," he said: the last speaker named
    if (
        tv.type == "talks"
        and len({party(a.value.code) for a in c_actors}) < 2
        and _THE_TWO.search(s.folded, max(w.start, trig.start - 40), min(w.end, trig.end + 40))
    ):
        # "The two leaders met for six hours in the Kremlin": the two named in the sentence before
        two = list(dict.fromkeys(party(a.value.code) for a in ctx.last_actors))[:2]
        c_actors = c_actors + [a for a in ctx.last_actors if a not in c_actors and party(a.value.code) in two]
    t_topics = s.topics
    if tv.type == "talks":  # "مباحثات ... حول إدلب وليبيا": a country the talks are about takes no part
        t_topics = s.topics + scope.talks_topic_spans(s.folded, trig, (w.start, w.end))
        c_actors = [a for a in c_actors if not any(x <= a.start < y for x, y in t_topics)] or c_actors
    actors = roles(
        tv.type, c_actors, trig, s.cues, s.folded, _quoted(trig, s) if tv.type == "ultimatum" else None
    )
    if (
        tv.type == "offensive"
        and not any(a.role == "initiator" for a in actors)
        and _BARREL_BOMB.search(s.folded, w.start, w.end)
    ):
        # barrel bombs are dropped by the Syrian government's helicopters and planes only (the gold conventions,
        # tests/gold/README.md: "barrel bombs = the Syrian government"; HRW and the UN Commission of Inquiry)
        actors = [Actor("SYRMIL", "Syrian government forces", "initiator"), *actors]
    for a in speakers_here:  # the speaker of a breaking-news line about a strike is its victim, if anything
        # ("UN: the regime carried out 7 of 33 chemical attacks": a body or a monitor heading it is its source)
        if not a.value.code.startswith(("IGO", "NGO")) and all(x.code != a.value.code for x in actors):
            actors.append(Actor(a.value.code, a.value.name, "target"))
    return actors, t_topics


def _mention(
    trig: Match[Trigger],
    s: _Sentence,
    w: _Where,
    *,
    status: str,
    when: DateExpr | None,
    inherited: bool,
    comes_subject: bool,
    actors: list[Actor],
    places: list[Place],
    about: list[Place],
    place_inferred: bool,
    unknown_sites: list[str] | None = None,
) -> Mention:
    """The mention of ``trig`` with its figures (killed, injured, displaced) and the marks of how it is told
    (definite, demonstrative, additive, coordinated, instrument)."""
    tv = trig.value
    folded = s.folded
    c_start, c_end = w.start, w.end
    o_start, o_end = s.norm.span(c_start, c_end)
    figures = find_figures(
        folded[c_start:c_end] if tv.type == "offensive" else "", s.norm.original[o_start:o_end]
    )
    if tv.type == "offensive" and not any(figures.values()):
        figures = find_figures(folded)
    return Mention(
        trigger=trig,
        type=tv.type,
        subtype=tv.subtype,
        status=status,
        date=when,
        inherited=inherited,
        definite=_definite(folded, trig)
        or comes_subject
        or bool(_RELATIVE_BACK.search(folded, max(0, trig.start - 40), trig.start)),
        actors=actors,
        places=drop_coarse(places),
        about=drop_coarse(about),
        spans=[s.span],
        strong=tv.strong,
        new_time=w.new_time,
        place_inferred=place_inferred,
        unknown_sites=list(unknown_sites or ()),
        clause=w.ci,
        instrument=scope.instrument(trig, folded),
        demonstrative=bool(_DEMONSTRATIVE.search(folded, max(0, trig.start - 25), trig.start))
        or (tv.type == "talks" and bool(_FRAME.search(folded, max(0, trig.start - 30), trig.start))),
        additive=bool(
            _ADDITIVE.search(folded, max(0, trig.start - 30), trig.start)
            or _ALSO_AFTER.match(folded, trig.end, min(c_end, trig.end + 30))
        ),
        condemned=scope.condemned(trig, s.cues, (c_start, c_end)),
        anchor_at=w.anchor_of.start if w.anchor_of is not None else -1,
        retaliation=tv.type == "offensive"
        and bool(_RETALIATION.search(folded, max(c_start, trig.start - 40), min(c_end, trig.end + 20))),
        coordinated=w.ci > 0
        and (
            folded[c_start] == ";"
            or bool(COORDINATION.match(folded, c_start))
            or c_start in s.joins
            or bool(_CONCURRENT.match(folded, c_start))
            or bool(_CAUSE.match(folded, c_start))
        ),
        **figures,
    )


def _split_days(
    out: list[Mention],
    when: DateExpr,
    own: list[DateExpr],
    here_ms: list[PlaceMention],
    s: _Sentence,
    w: _Where,
    trig: Match,
) -> None:
    """After the mention last appended to ``out`` (told by ``trig``), one more for each other day its clause
    gives it ("shot down two Su-24s on March 1 and an L-39 on March 3"), each with the places named with its
    day and the status of its own day (:func:`~timeline.extract.status._status`)."""
    first = out[-1]
    for d in _more_days(when, own, s.folded, [t.start for t in s.triggers if t is not trig]):
        # each day with the places named with it ("Saraqib on Monday and Sarmin on Tuesday"), and the status
        # of its own day: "were adjourned on Wednesday and will resume on February 25" is a round still to come
        places = event_places(here_ms, when.end, d.end, s.actor_all)
        status = _status(first.type, s.cues, w.start, w.end, d, s.published, trig, s.folded)
        out.append(
            replace(first, date=d, status=status, places=drop_coarse(places) if places else first.places)
        )
        before = event_places(here_ms, w.a_start, when.end, s.actor_all)
        if places and before:
            out[out.index(first)] = first = replace(first, places=drop_coarse(before))


def _resumption(out: list[Mention], day: date | None, dates: list[DateExpr], trig: Match, w: _Where) -> None:
    """After suspended talks, last appended to ``out`` ("a temporary pause in the Geneva talks until 25
    February", "تعليق المحادثات السورية حتى 25 شباط"), the round the suspension runs to: a ``planned`` mention
    on the day after "until" / "حتى" in the same clause (of the sentence's ``dates``), later than the
    suspension's ``day`` (its date, else publication). The blind gold of the dev parts codes such a pause as
    failed talks and the round it names as planned talks."""
    first = out[-1]
    for d in dates:
        if (
            d.until
            and d.precision == "day"
            and trig.end <= d.start < w.end
            and (day is None or d.date_start > day)
        ):
            out.append(replace(first, date=d.for_tense(True), status="planned", spans=list(first.spans)))
            return


#: A condition the attack hangs on: "unless", "if ... not/fails", "or face", "ما لم", "إذا لم", "وإلا".
_CONDITION = re.compile(
    r"\bunless\b|\bif\b[^.;]{0,80}?\b(?:not|fails?|refuses?)\b|\bor\s+(?:else|face)\b"
    r"|(?<!\w)(?:ما\s+لم|اذا\s+لم|ان\s+لم|لو\s+لم|[وف]?الا\s+فان|والا)(?!\w)"
)
#: A condition of any polarity after the attack word, in its clause: "would hit regime forces everywhere if a single
#: Turkish soldier was harmed", "ستضرب قوات النظام في كل مكان إذا تعرض جندي تركي لأي أذى" (before the word, a positive
#: "if" is the condition's own content: "if the offensive goes on, thousands will flee").
_CONDITION_AFTER = re.compile(
    r"[^.;:,،]{0,80}?(?:\b(?:if|should|in\s+case)\b|(?<!\w)(?:اذا|لو|في\s+حال)(?!\w))"
)
#: What says the attack is still to come: a modal or future before it, or "a matter of time" after it.
_TO_COME_BEFORE = re.compile(
    r"\b(?:will|would|shall|going\s+to|ready\s+to|plans?\s+to)\b|(?<!\w)(?:سوف|[وف]?س[يتن]\w+)(?!\w)"
)
#: A forecast, not a promise: "Turkey will likely expand its air campaign if the talks fail" (an analyst's).
_FORECAST = re.compile(
    r"\b(?:likely|probably|possibly|may|might|could|expected|unlikely)\b|(?<!\w)(?:من\s+المرجح|ربما|قد\s+[يت])"
)
_TO_COME_AFTER = re.compile(r"[^.;]{0,30}?(?:\bmatter\s+of\s+time\b|\bimminent\b|مساله\s+وقت|وشيك)")
#: How far (characters) around an attack word its condition and its future may be.
_CONDITION_REACH = 150
_TO_COME_REACH = 60


def _threatened_attack(trig: Match[Trigger], folded: str) -> bool:
    """Is an attack word told as something to come on a condition ("Turkey will launch an operation unless
    the regime withdraws", "a Turkish offensive was 'a matter of time' unless ...", "ستشن تركيا عملية ما لم
    ينسحب النظام")? Not a capture, and not one already under way."""
    tv = trig.value
    if tv.type != "offensive" or tv.subtype == "capture":
        return False
    start = max(0, trig.start - _CONDITION_REACH)
    if not _CONDITION.search(folded, start, min(len(folded), trig.end + _CONDITION_REACH)) and not (
        _CONDITION_AFTER.match(folded, trig.end)
    ):
        return False
    if _FORECAST.search(folded, max(0, trig.start - _TO_COME_REACH), trig.start):
        return False
    return bool(
        _TO_COME_BEFORE.search(folded, max(0, trig.start - _TO_COME_REACH), trig.start)
        or _TO_COME_AFTER.match(folded, trig.end)
    )


#: A yes/no question (a headline's or an analyst's): "هل سترد واشنطن؟", "Will Turkey attack Idlib?", "Is the
#: truce over?". Open questions ("Who bombed the hospital?") are left alone: they may tell what happened.
_YES_NO_QUESTION = re.compile(
    r"^[\W_]*(?:[وف]?(?:هل|أهل|ا?ترى)\s|(?:will|would|could|can|should|shall|is|are|was|were|do|does|did|has|have)"
    r"\s)[^.!\n]*[?؟][\W_]*$",
    re.IGNORECASE,
)


#: What joins an escalation word to the attack it qualifies: nothing in Arabic (تصعيد القصف, تصعيد الغارات), "of"/"in"
#: in English ("escalation of shelling", "an escalation in Russian air strikes").
_ESCALATION_OF = re.compile(r"\s+(?:(?:of|in)\s+(?:the\s+)?)?(?:\w+\s+)?(?=\w)")


def _truce_before_its_collapse(
    out: list[Mention], trig: Match[Trigger], s: _Sentence, when: DateExpr
) -> None:
    """A truce told as collapsed with the day it began in a relative clause ("انهارت الهدنة التي كانت قد بدأت
    صباح الأربعاء 12 آب", "the truce, which took effect on Wednesday, collapsed on Saturday") is two happenings: the
    truce, held from that day, and its collapse (the gold conventions: "a truce and its collapse are two events",
    tests/gold/CASES5.md, CASES7.md). The mention just appended is the collapse; its copy dated by the clause is
    the truce."""
    began = _relative_clause_date(s.folded, trig, s.dates, s.cues)
    if began is None:
        return
    collapse = out[-1]
    if began.date_start >= when.date_start:
        # "The truce, which took effect on Wednesday, collapsed on Saturday": the clause's day was taken for the
        # collapse; the collapse's own is the later day the sentence gives nearest the trigger
        later = min(
            (
                d
                for d in s.dates
                if d is not began
                and d.date_start > began.date_start
                and d.anchor is None
                and not (d.qualifier or d.until or d.since)
            ),
            key=lambda d: abs(d.start - trig.start),
            default=None,
        )
        if later is None:
            return
        collapse.date = later
    out.append(replace(collapse, status="occurred", date=began, inherited=False, spans=list(collapse.spans)))


#: How far from its trigger "for a third straight day", "لليوم الثاني على التوالي" may stand (characters): it is set
#: off by commas right before the campaign it counts ("واصل الجيش، لليوم الثاني على التوالي، عملية ...").
_IN_A_ROW_REACH = 60


def _trigger_mentions(
    trig: Match[Trigger], s: _Sentence, res: Resources, ctx: _Context, out: list[Mention]
) -> None:
    """Append to ``out`` the mentions of one trigger of the sentence ``s``: none when it is written in the other
    language, is no event (rule 1), or is a weak word with no side or site; else one, or one per day."""
    tv = trig.value
    if tv.lang != ("ar" if not trig.term.isascii() else "en"):
        return
    if _YES_NO_QUESTION.match(s.norm.original.strip()):
        return  # "هل سترد أمريكا؟", "Will Turkey launch an offensive?": a question asks, it tells nothing
    if _threatened_attack(trig, s.folded):
        # "a Turkish offensive in Idlib was 'a matter of time' unless Syrian forces pulled back": an attack
        # promised on a condition is a threat, never an attack of its own
        trig = Match(trig.start, trig.end, trig.term, Trigger("ultimatum", "threat", True, tv.lang))
        tv = trig.value
    if (
        tv.subtype == "escalation"
        and _ESCALATION_OF.match(s.folded, trig.end)
        and any(
            t.value.type == "offensive" and t.value.subtype != "escalation" and 0 < t.start - trig.end <= 12
            for t in s.triggers
        )
    ):
        return  # "تصعيد القصف الروسي", "an escalation of Russian air strikes": the attack told, escalating
    ci = next(i for i, (a, b, _) in enumerate(s.clauses) if a <= trig.start < b or i == len(s.clauses) - 1)
    # 1. not an event: a keyword list, a name, negated, denied, hypothetical, a topic, a term of a deal
    if _not_an_event(trig, s, s.clauses[ci][0], s.clauses[ci][1]):
        return
    w = _where(trig, s, ci)
    folded = s.folded
    c_actors, speakers_here = _parties(trig, s, w)
    if tv.type == "offensive":
        # "a car bomb exploded in central Ankara", "وسط أنقرة": the city where an attack happens takes no part in it
        # (the capital of talks' hosts does: "talks in Ankara")
        c_actors = _without_located_capitals(c_actors, s.place_ms, folded)
    # "ويأتي التصعيد رغم جولة أستانا التي عقدت في ...", "The escalation comes before the deadline set on
    # 5 February": the subject of such a sentence is a happening already told; what follows the link
    # word dates something else, and its sides are that other happening's
    comes_subject = bool(_COMES.match(folded)) and trig is s.triggers[0] and trig.start < 40
    link = _LINK.search(folded, trig.end) if comes_subject else None
    if link is not None:
        c_actors = [a for a in c_actors if a.start < link.start()]
    here_ms, c_places, sited = _named_places(trig, s, w)
    # "وشهد اليوم نفسه غارات روسية مماثلة على بلدتي كفرتعال وتقاد": villages the gazetteer lacks are the
    # clause's own site; another clause's town or the article's focus town does not stand in for them
    unknown = (
        unnamed_sites(s.norm, s.place_ms, w.a_start, w.a_end)
        if tv.type == "offensive" and not event_places(here_ms, w.a_start, w.a_end, s.actor_all)
        else []
    )
    if unknown:
        c_places, sited = [], True
    # a weak word needs a side or a site (a road counts: "أحكمت سيطرتها على طريق حلب - دمشق"); a dated deal's
    # sides may follow its date ("the pause agreed on Thursday between Turkey and the US")
    sides = c_actors or (w.deal_span is not None and any(_in_span(a, w.start, w.end) for a in s.actor_ms))
    if (
        not tv.strong
        and not sides
        and not sited
        and not _ROAD.search(folded, w.start, w.end)
        and not (tv.type == "offensive" and _broke_out(folded, trig))
        and not (tv.type == "talks" and _NEXT_ROUND.search(trig.term) and _dated_after(trig, s))
    ):
        return
    actors, t_topics = _actors(trig, s, w, c_actors, speakers_here, ctx)
    if tv.type != "offensive" and not actors and _civic(folded):
        # "أمهل مجلس مدينة حلب أصحاب البسطات أسبوعاً", "talks between the bakers' union and the economy office",
        # "«هدنة» في أسعار المواصلات": a town's deadline, a strike, a truce on fares, with no side of the war
        return
    if tv.type == "ultimatum" and actors and all(a.code.startswith(("IGO", "NGO")) for a in actors):
        return  # "the UN has warned that an assault could displace ...": a warning threatens no action
    about: list[Place] = []
    if tv.type == "talks":
        talks_places = _talks_places(trig, s, w, actors, t_topics, ctx)
        if talks_places is None:
            return
        c_places, about = talks_places
    # 2. date, 3. status
    own = _own_dates(trig, s, w, link)
    if link is not None:
        c_places = [p for p in c_places if p in event_places(here_ms, 0, link.start(), s.actor_all)]
    provisional = _status(tv.type, s.cues, w.start, w.end, None, s.published, trig, folded)
    when, inherited = _when(trig, s, w, own, provisional == "planned", comes_subject, ctx)
    status = _status(tv.type, s.cues, w.start, w.end, None if inherited else when, s.published, trig, folded)
    c_places, venue_only = _threat_truce_places(tv.type, c_places, here_ms, folded, ctx)
    if tv.type == "ultimatum" and ctx.last_venue and _during_talks(folded, w.start, w.end):
        # "طالب خلال الاجتماع بانسحاب القوات التركية", "said after the meeting": a demand made in talks the article told
        # is made at their venue, beside the area it concerns
        venue = [p for p in ctx.last_venue if p not in c_places]
        if not c_places and ctx.focus is not None:
            c_places, venue_only = [ctx.focus], True
        c_places = venue + c_places
    # 4. places by anaphora when none is named (talks: only their venue is a place)
    if unknown:
        # the village is the site: no anaphor ("the village of Kafr Taal") points at a town told before; the
        # article's focus stands in (a neighbourhood's city), marked as inferred
        c_places, focus_only = _unknown_site_places(s, w, ctx), True
    else:
        c_places, about, focus_only = _default_places(
            tv.type, c_places, about, venue_only, s, w, res, ctx, tv.subtype, actors
        )
    if tv.type == "talks" and when is not None and not inherited and when.date_end is None:
        # "The two-day talks, which began on Thursday": the round spans both days, so the report of its end
        # on Friday is the same round
        days = _talks_days(folded, trig)
        if days is not None and _ENDED.search(folded, max(0, trig.start - 60), trig.start):
            # "wrapped up two days of talks on Wednesday", "اختتمت ... يومين من المحادثات": the day is the last one
            when = replace(
                when, date_start=when.date_start - timedelta(days=days - 1), date_end=when.date_start
            )
        elif days is not None:
            when = replace(when, date_end=when.date_start + timedelta(days=days - 1))
    in_a_row = (
        straight_days(folded, max(0, trig.start - _IN_A_ROW_REACH), trig.end + _IN_A_ROW_REACH)
        if tv.type == "offensive"
        else None
    )
    if in_a_row is not None and status == "occurred":
        # "pressed their offensive on Saraqib for a third straight day on Tuesday", "واصل الجيش، لليوم الثاني على
        # التوالي، عملية ...": going on; dated, as the gold does, by the day it is told on (the day it began is its
        # own happening when the text tells it: "launched the operation at dawn yesterday")
        status = "ongoing"
    out.append(
        _mention(
            trig,
            s,
            w,
            status=status,
            when=when,
            inherited=inherited,
            comes_subject=comes_subject,
            actors=actors,
            places=c_places,
            about=about,
            place_inferred=focus_only,
            unknown_sites=unknown,
        )
    )
    if tv.type == "ceasefire" and status == "failed" and when is not None:
        _truce_before_its_collapse(out, trig, s, when)
    if tv.type in {"offensive", "talks"} and when is not None and not inherited:
        # "shot down two Su-24s on March 1 and an L-39 on March 3": one verb, one attack per day; "the
        # previous rounds, in Ankara (8 February) and in Moscow (17-18 February)": one word, one round per day
        _split_days(out, when, own, here_ms, s, w, trig)
    if tv.type == "talks" and scope.suspended(trig, s.cues, folded):
        _resumption(out, when.date_start if when is not None else s.published, s.dates, trig, w)
