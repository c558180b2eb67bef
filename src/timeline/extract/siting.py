"""Where a trigger's event happened (rules 4-5): the places its clause names, the venue of talks, the country a
threat or truce concerns, and what stands in when no place is named (anaphora, a body's seat, the article's
focus)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.extract.context import _SAID_AT, speakers_place
from timeline.extract.facts import _Sentence, _Where
from timeline.extract.placing import _country_actor
from timeline.extract.reported import _in_span
from timeline.extract.resources import Resources
from timeline.extract.story import CITY, SETTLEMENT, _Context
from timeline.gazetteer import PREFERRED, PlaceMention, distance_km
from timeline.lexicon import Trigger
from timeline.matcher import Match
from timeline.model import Actor, Place
from timeline.participants import internal_meeting
from timeline.places import (
    event_places,
    is_locative,
    locating_only,
    names_deal_venue,
    names_talks_or_deal,
    taken_to,
    talks_venue,
)

#: "in" before a country: where talks are held ("meet in Iran", "في إيران"), not "observers from Iraq"; a visit
#: too ("a visit to Turkey", "will visit Turkey", "زيارة إلى تركيا", "يزور تركيا").
_IN_COUNTRY = re.compile(
    r"(?:\bin|\b(?:visits?|visited|visiting|trip)(?:\s+to)?|(?<!\w)[وف]?(?:في|(?:ال)?زياره\s+(?:الي|ل)|"
    r"يزور|سيزور|تزور|ستزور|زار|زارت))\s+$"
)

#: A meeting verb and a locative before an anaphor: "met in the town", "اجتمعوا في البلدة", "عقد في المدينة".
_MET_IN = re.compile(
    r"\b(?:met|meet|meets|meeting|gathered|convened|talks|negotiations)\s+(?:[\w-]+\s+){0,8}?(?:in|at)\s+$"
    r"|(?<!\w)[وف]?(?:اجتمع\w*|التقى|التقي|التقوا|عقد\w*|اجتماع|لقاء|مفاوضات|محادثات|مباحثات)"
    r"\s+(?:\S+\s+){0,8}?(?:في|ب)\s*$"
)

#: An anaphor of a village or town ("the town", "the two villages", "البلدة", "القرى"), not of a city.
_TOWN_WORDS = re.compile(r"\b(?:town|towns|village|villages)\b|بلد|قري|قرى")


def _named_places(
    trig: Match[Trigger], s: _Sentence, w: _Where
) -> tuple[list[PlaceMention], list[Place], bool]:
    """(place mentions that may be the event's, its places, whether the sentence names any place of it)."""
    tv = trig.value
    folded = s.folded
    here_ms = [pm for pm in s.place_ms if not any(x <= pm.start < y for x, y in w.foreign)]
    if tv.type != "talks":
        # "Erdogan announced the capture in a speech in Canakkale": where it was said is no place of it
        here_ms = [
            pm
            for pm in here_ms
            if not _SAID_AT.search(folded, max(0, pm.start - 50), pm.start)
            and not speakers_place(folded, pm.start, pm.end)
        ]
        # "retaken the village, which lies some 30 km north-west of Hama city", "bused to Idlib": a distance's
        # starting point and where people are taken only locate something else; a starting point stays when
        # the sentence has nothing else to place the event by (no other place, no "the village")
        locating = locating_only(folded, here_ms)
        if locating:
            rest = [pm for pm in here_ms if pm not in locating]
            anaphor = any(c.value.cue == "place_anaphor" for c in s.cues)
            here_ms = [pm for pm in here_ms if pm in rest or not (rest or anaphor or taken_to(folded, pm))]
    # a clause naming no place takes the sentence's; a truce's or a threat's does not take the place of an
    # attack told in another clause ("the ceasefire collapsed within days, as the regime resumed its
    # offensive on Aleppo"): the article's focus stands in for it below
    c_places = event_places(here_ms, w.a_start, w.a_end, s.actor_all) or (
        event_places(here_ms, 0, len(folded) + 1, s.actor_all)
        if tv.type in {"offensive", "talks"} or len(s.clauses) == 1
        else []
    )
    sited = bool(c_places or event_places(here_ms, 0, len(folded) + 1, s.actor_all))
    return here_ms, c_places, sited


#: A destination of the trip after the talks ("before heading to Ankara", "then left for Moscow", "قبل أن يتوجه
#: اليوم الأربعاء إلى أنقرة"), right before a place: the next leg's city, no venue of talks told in another clause.
_NEXT_LEG = re.compile(
    r"\b(?:head(?:ing|ed|s)?|leav(?:ing|es)|left|travel+(?:ing|ed|s)?|fl(?:ying|ew|ies)|mov(?:ing|ed)\s+on"
    r"|go(?:ing)?\s+on|on\s+(?:his|her|their)\s+way)\s+(?:on\s+)?(?:to|for)\s+(?:the\s+)?$"
    r"|(?<!\w)(?:[وف]?(?:يتوجه|تتوجه|توجهه|توجهها|سيتوجه|ستتوجه|توجه|يغادر|متوجها|متوجهين))\s+(?:[^\s]+\s+){0,3}?"
    r"(?:الي|نحو)\s+$"
)


def _talks_places(
    trig: Match[Trigger],
    s: _Sentence,
    w: _Where,
    actors: list[Actor],
    t_topics: list[tuple[int, int]],
    ctx: _Context,
) -> tuple[list[Place], list[Place]] | None:
    """(venue, places the talks are about) of a talks trigger, or None for one side's own meeting."""
    countries = {p.country for p in s.all_places}
    if internal_meeting(actors, s.cues, w.start, w.end, countries):
        return None  # one side's own meeting (a security council, two ministers): no talks
    folded = s.folded
    # a country named as a side is no venue, unless "in" shows it as one ("would meet in Iran", "في إيران")
    talk_ms = [
        pm
        for pm in s.place_ms
        if not _country_actor(pm, s.actor_all)
        or _IN_COUNTRY.search(s.folded, max(0, pm.start - 16), pm.start)
    ]
    # the countries left out as sides, for the topic they may name ("talks on Syria in Moscow")
    sides = [pm for pm in s.place_ms if pm not in talk_ms]
    t_span = (trig.start, trig.end)
    # the country the article is about, when other sentences tell it (not this one alone)
    home = (
        ctx.focus.country
        if ctx.focus is not None and not any(e.to_place() == ctx.focus for pm in talk_ms for e in pm.entries)
        else ""
    )
    if w.past:
        # talks named as the time of another happening ("hours before the summit, strikes killed 15 in X"): their
        # own phrase's venue or none, never the other happening's places
        return talks_venue(talk_ms, w.a_start, w.a_end, folded, t_span, t_topics, home, sides)
    c_places, _ = talks_venue(talk_ms, w.start, w.end, folded, t_span, t_topics, home, sides)
    # another clause with talks of its own keeps its venue ("held talks with Muallem before heading to Ankara, where
    # he will meet Cavusoglu", "قبل أن يتوجه إلى أنقرة حيث يلتقي"): the next leg's city is no venue of these
    theirs = [
        (a, b)
        for a, b, _ in s.clauses
        if not a <= trig.start < b
        and any(a <= t.start < b and t.value.type == "talks" and t is not trig for t in s.triggers)
    ]
    next_leg = [
        pm
        for pm in talk_ms
        if trig.start < pm.start
        and not w.start <= pm.start < w.end
        and _NEXT_LEG.search(folded, max(0, pm.start - 50), pm.start)
    ]
    talk_ms = [pm for pm in talk_ms if pm not in next_leg and not any(a <= pm.start < b for a, b in theirs)]
    s_venue, about = talks_venue(talk_ms, 0, len(folded), folded, t_span, t_topics, home, sides)
    if not c_places:
        c_places = s_venue  # the clause names no venue: the sentence's ("وصل إلى موسكو، لبحث ...")
    _see_venue(c_places, ctx)
    return c_places, [p for p in about + s_venue if p not in c_places]


def _see_venue(places: list[Place], ctx: _Context) -> None:
    """Remember the towns among ``places`` (a venue of talks, where a deal was made) as the last venue told."""
    points = [p for p in places if p.precision == "point"]
    if points:
        ctx.last_venue = points


def _threat_truce_places(
    etype: str, c_places: list[Place], here_ms: list[PlaceMention], folded: str, ctx: _Context
) -> tuple[list[Place], bool]:
    """(places, venue only?) of a threat or truce: those in the country the article is about, and for a truce
    the point where it was made; ``venue only`` when the area is then the article's focus."""
    venue_only = False
    if etype == "offensive" and c_places:
        # "resumed their offensive after ... a ceasefire announced at the Astana talks in Nur-Sultan", "في خرق
        # لاتفاق سوتشي": where talks met or a deal was made is no place of the fighting
        named = [pm for pm in here_ms if names_talks_or_deal(folded, pm)]
        # and the country after such a venue ("in Nur-Sultan, Kazakhstan")
        named += [pm for pm in here_ms for v in named if 0 <= pm.start - v.end <= 2 and folded[v.end] in ",،"]
        venues = {e.to_place() for pm in named for e in pm.entries}
        c_places = [p for p in c_places if p not in venues]
    if etype in {"ultimatum", "ceasefire"} and ctx.focus is not None and c_places:
        # "Erdogan threatened in a speech in Istanbul": the place a threat concerns lies in the country
        # the article is about, not where it was said. A truce keeps where it was made as well ("agreed
        # in Moscow", "اتفاق سوتشي", "the Astana talks"): of 22 required truces in the dev gold whose
        # text names such a place, the annotators gave it in 14, every time it followed a locative or
        # named the deal or meeting, and with the area in the country in 6 of those
        inside = [p for p in c_places if p.country == ctx.focus.country]
        made = (
            {
                e.to_place()
                for pm in here_ms
                if names_deal_venue(folded, pm)
                for e in pm.entries
                if e.precision == "point"
            }
            if etype == "ceasefire"
            else set()
        )
        if etype == "ultimatum":
            # "In Washington, Obama warned ...", "وفي أنقرة، قال أردوغان ...", "EU ministers meeting in Luxembourg
            # threatened ...": a town abroad told with a locative is where the threat was made (a speech's hall is
            # dropped before, :data:`_SAID_AT`), kept beside the area it concerns
            made = {
                e.to_place()
                for pm in here_ms
                if is_locative(folded, pm) and not _TO_FROM.search(folded, max(0, pm.start - 30), pm.start)
                for e in pm.entries
                if e.precision == "point"
            }
        venues = [p for p in c_places if p in made and p not in inside]
        # where a deal was made, for talks told after it without a venue; the article's focus too when it is
        # that town (an article about the Astana memorandum)
        _see_venue([p for p in c_places if p in made and (p not in inside or p == ctx.focus)], ctx)
        c_places = inside + venues
        if venues and not inside:  # the area comes from the article, as for a truce with no place
            c_places, venue_only = venues + [ctx.focus], True
    return c_places, venue_only


#: "to" or "from" before a place (with the words a locative allows between): a destination or an origin, not where a
#: threat was made ("threatened to send troops to Manbij", "انسحاب القوات من منبج").
_TO_FROM = re.compile(
    r"(?:\b(?:to|from)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:capital|city|town|village|port|resort)\s+(?:of\s+)?)?"
    r"|(?<!\w)(?:الي|من)\s+(?:(?:العاصمه|مدينه|بلده|قريه)\s+(?:\w+\s+)?)?)$"
)


#: From how far from the place an article is about (km) a dateline town is no news bureau covering it.
DATELINE_VENUE_KM = 700.0


def _venue_dateline(dateline: Place, actors: Sequence[Actor], ctx: _Context) -> bool:
    """May talks with no venue of their own have been held in the article's dateline town? Yes when it lies in
    the country of one of their sides, or of the last sides named when they name none ("ANKARA, Turkey (AP) —
    Turkey agreed ... The agreement came after four hours of talks"), or
    more than :data:`DATELINE_VENUE_KM` from the article's focus ("GENEVA —", "HAMBURG, Germany —" over an
    article about Syria); no for a bureau near the story ("BEIRUT (Reuters) -", "AMMAN -" over talks between
    Russia and the Syrian opposition)."""
    # "The agreement came after talks": the sides last named
    sides = [a.code for a in actors] or [m.value.code for m in ctx.last_actors]
    if any(code[:3] == dateline.country for code in sides):
        return True
    focus = ctx.focus
    return focus is not None and distance_km(dateline, focus) > DATELINE_VENUE_KM


def _default_places(
    etype: str,
    c_places: list[Place],
    about: list[Place],
    venue_only: bool,
    s: _Sentence,
    w: _Where,
    res: Resources,
    ctx: _Context,
    subtype: str = "",
    actors: Sequence[Actor] = (),
) -> tuple[list[Place], list[Place], bool]:
    """Rule 4: (places, about, inferred?) when the clause names none: the dateline town for "here", by anaphora ("the province"), a body's
    seat for its session, the article's focus; for talks (not a phone call, ``subtype`` "call") the venue of
    the talks or deal told last ("agreed in Ankara ... The deal followed four hours of talks"), else the
    article's dateline town ("GENEVA — The eighth round of talks ended") when it is far from what the
    article is about or in the country of a side (``actors``): "BEIRUT —" over talks in Moscow is a bureau,
    not a venue; ``inferred`` marks any of these standing in."""
    if not c_places:
        for c in s.cues:
            # talks take "the town" only as where they met ("met in the town", "اجتمعوا في البلدة"), not as
            # their topic ("discussed the situation in the province" is no venue)
            if etype == "talks" and not (
                _MET_IN.search(s.folded, max(0, c.start - 90), c.start)
                and not any(a <= c.start < b for a, b in s.topics)
            ):
                continue
            if c.value.cue == "place_anaphor" and _in_span(c, w.start, w.end):
                town = c.value.arg == "point" and _TOWN_WORDS.search(c.term) is not None
                c_places = list(ctx.last_place.get(SETTLEMENT if town else c.value.arg, []))
                break
    focus_only = venue_only
    if not c_places and ctx.dateline is not None and _HERE.search(s.folded, w.start, w.end):
        # "NEW DELHI, Jun 19 (PTI) ... Swaraj met Iraqi Ambassador Berwari here yesterday": "here" is the town the
        # story was filed from
        c_places, focus_only = [ctx.dateline], True
    if not c_places and etype == "talks":
        # a session of a body that meets where it sits ("the Security Council", "مجلس حلف شمال الأطلسي"),
        # its venue unnamed: its seat (``seat`` rows of cues.csv), marked as inferred
        seat = next((c.value.arg for c in s.cues if c.value.cue == "seat"), None)
        found = res.gazetteer.lookup(seat) if seat else None
        if found:
            c_places, focus_only = [found[0].to_place()], True
            about = [p for p in about if p not in c_places]
    by_phone = subtype == "call" or any(
        t.value.subtype == "call" and w.start <= t.start < w.end for t in s.triggers
    )
    if not c_places and etype == "talks" and not by_phone:
        # talks told without their venue are most often the talks whose venue the article gave last, or
        # were held where the reporter filed from: of the dev gold's talks with a venue and none in their
        # sentence, the last venue told or the dateline town was the gold venue in most (see CHANGELOG)
        stand_in = ctx.last_venue or (
            [ctx.dateline] if ctx.dateline is not None and _venue_dateline(ctx.dateline, actors, ctx) else []
        )
        if stand_in:
            c_places, focus_only = list(stand_in), True
            about = [p for p in about if p not in c_places]
    if not c_places and ctx.focus is not None and etype != "talks":
        # the place the article is about stands in when the sentence names none
        c_places, focus_only = [_stand_in(etype, ctx)], True
    elif (
        c_places
        and etype != "talks"
        and ctx.focus is not None
        and ctx.focus.precision != "country"
        and all(p.precision == "country" and p.country == ctx.focus.country for p in c_places)
    ):
        # "withdraw from Syrian territory", "the aggression on Syria": the country alone says no more than
        # that the event is in the country the article is about, so its place there stands in
        c_places, focus_only = [ctx.focus], True
    return c_places, about, focus_only


#: "here" as the place of what the clause tells ("met ... here yesterday", "said here on Monday"), not as a
#: pointer in the text ("here is", "from here on").
_HERE = re.compile(r"(?<!from\s)\bhere\b(?!\s+(?:is|are|was|were|and\s+there)\b|')")


#: A neighbourhood noun before a name: "حي الحمدانية", "أحياء المشهد والسكري", "the neighbourhood of Hamdaniya".
_NEIGHBOURHOOD = re.compile(
    r"\b(?:neighbou?rhoods?|districts?|quarters?)\s+of\s+(?:the\s+)?[a-z]|(?<!\w)[وفبل]?(?:ال)?(?:حي|حيي|احياء)\s+\w"
)


def _unknown_site_places(s: _Sentence, w: _Where, ctx: _Context) -> list[Place]:
    """What stands in for sites the gazetteer lacks (``unnamed_sites``): for a neighbourhood ("استهدفوا حي
    الحمدانية", "shelled the neighbourhood of Hamdaniya") the last city named, which it is part of; else (a
    village) the article's focus."""
    city = ctx.last_place.get(CITY)
    if city and _NEIGHBOURHOOD.search(s.folded, w.a_start, w.a_end):
        return list(city)
    return [_stand_in("offensive", ctx)] if ctx.focus is not None else []


def _stand_in(etype: str, ctx: _Context) -> Place:
    """The article's place that stands in for an event naming none: its focus; for an attack, when the focus
    lies outside the war's region (Syria and its neighbours, ``PREFERRED``: an article on talks in Geneva or
    Astana), the place of the region the article names most (``ctx.war_focus``), as barrel bombs told beside
    a Geneva round fell in Aleppo, not in Geneva. Requires ``ctx.focus``."""
    assert ctx.focus is not None
    if etype == "offensive" and ctx.focus.country not in PREFERRED and ctx.war_focus is not None:
        return ctx.war_focus
    return ctx.focus
