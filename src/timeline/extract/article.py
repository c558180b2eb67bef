"""The events of one article: sentences, their dates, actors and places, merged within the article."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.actors import is_state
from timeline.dates import find_dates, numeric_order
from timeline.extract.context import _SAID_AT, speakers_place
from timeline.extract.placing import (
    _dropped,
    _not_metonyms,
    _not_names,
    _with_metonym_actors,
)
from timeline.extract.resources import Resources
from timeline.extract.sentence import _sentence
from timeline.extract.story import _Context, _is_narrative
from timeline.gazetteer import PREFERRED, PlaceMention
from timeline.lexicon import cue_alternation
from timeline.matcher import Match
from timeline.mentions import Mention, merge_article
from timeline.model import Actor, Article, Event
from timeline.normalize import Normalized, normalize
from timeline.places import (
    article_dateline,
    article_places,
    dateline_end,
    focus_place,
    geocoded_places,
    outlet_name_end,
)
from timeline.text import split_sentences

#: How far into a sentence a dateline may run ("Moscow, March 5 (TASS) -", "ANKARA, Turkey (AP) —").
_DATELINE_HEAD_CHARS = 80


#: Kinds of actor that fight (``actors.csv``): a sentence naming one tells the war even in a sports report.
_ARMED = frozenset({"military", "armed_group"})
#: Words of sports news (``sport_article_word`` rows of ``cues.csv``), whole words (Arabic: after و/ف/ب/ل).
_SPORT_WORD = re.compile(
    r"\b" + cue_alternation("sport_article_word", "en") + r"\b"
    r"|(?<![^\sوفبل])" + cue_alternation("sport_article_word", "ar") + r"(?!\w)"
)
#: How many different sports words make a sports report ("chess", "championship", "players").
SPORTS_REPORT_WORDS = 3


def is_sports_report(folded: str) -> bool:
    """Does the folded title and body tell a game (:data:`SPORTS_REPORT_WORDS` or more different words of
    sports news: "اتحاد الكرة ... المدرب ... المنتخب", "chess championship ... players")? Its figurative attacks,
    truces, deadlines and talks are no events of the war (the field cases of kind 12 in ``tests/gold/CASES*.md``)."""
    return len({m.group(0) for m in _SPORT_WORD.finditer(folded)}) >= SPORTS_REPORT_WORDS


def extract_article(article: Article, resources: Resources) -> list[Event]:
    """All events of one article, merged within it, in text order."""
    pub = article.published_date
    sentences = [(a, b, normalize(article.text[a:b])) for a, b in split_sentences(article.text)]
    order = numeric_order(normalize(article.text[:5000]).text, article.language)  # 5/3: day or month first
    first_dates = [find_dates(norm.text, pub, order=order, anchors=True) for _, _, norm in sentences]
    # a dateline opens its sentence: only that stretch is looked up again, once, when a date or a name stands in it
    heads: dict[int, list[PlaceMention]] = {}

    def head_places(i: int, norm: Normalized) -> list[PlaceMention]:
        if i not in heads:
            heads[i] = resources.gazetteer.find(norm.text[:_DATELINE_HEAD_CHARS])
        return heads[i]

    for i, (dates, (_, _, norm)) in enumerate(zip(first_dates, sentences, strict=True)):
        if dates and dates[0].start < _DATELINE_HEAD_CHARS:  # "حلب اليوم -": an outlet's name, no date
            named = outlet_name_end(norm.text, head_places(i, norm))
            dates[:] = [d for d in dates if d.start >= named]
    actor_ms = []
    for i, (_, _, norm) in enumerate(sentences):  # a dateline's names are where the story was filed, no party
        found = resources.actors.find(norm.text)
        filed = (
            dateline_end(norm.text, head_places(i, norm))
            if found and found[0].start < _DATELINE_HEAD_CHARS
            else 0
        )
        actor_ms.append(
            [
                a
                for a in found
                if a.start >= filed and not _time_zone(norm.text, a) and not _names_a_building(norm.text, a)
            ]
        )
    article_pms = article_places([n for _, _, n in sentences], resources.gazetteer, actor_matches=actor_ms)
    article_pms = [
        _not_names(pms, norm.text) for pms, (_, _, norm) in zip(article_pms, sentences, strict=True)
    ]
    place_ms = [
        _not_metonyms(pms, actors, norm.text)
        for pms, (_, _, norm), actors in zip(article_pms, sentences, actor_ms, strict=True)
    ]
    governments = {e.code: e for e in resources.actors.entries() if e.kind == "government"}
    actor_ms = [
        _with_metonym_actors(actors, _dropped(pms, kept), governments)
        for actors, pms, kept in zip(actor_ms, article_pms, place_ms, strict=True)
    ]
    if resources.geocoder is not None:
        for found, (_, _, norm) in zip(place_ms, sentences, strict=True):
            found.extend(geocoded_places(norm, found, resources.gazetteer, resources.geocoder))
    title_dates = find_dates(normalize(article.title).text, pub) if article.title else []
    ctx = _Context(pub, _is_narrative([d for ds in [title_dates, *first_dates] for d in ds], pub))
    ctx.see_dates(title_dates, heading=True)
    # where statements were made ("in a speech in Istanbul") says nothing of what the article is about
    told = [
        [
            pm
            for pm in pms
            if not _SAID_AT.search(norm.text, max(0, pm.start - 50), pm.start)
            and not speakers_place(norm.text, pm.start, pm.end)
        ]
        for pms, (_, _, norm) in zip(place_ms, sentences, strict=True)
    ]
    ctx.focus = focus_place(told, actor_ms)
    ctx.war_focus = focus_place(
        [[pm for pm in pms if all(e.country in PREFERRED for e in pm.entries)] for pms in told], actor_ms
    )
    ctx.dateline = article_dateline([norm for _, _, norm in sentences], resources.gazetteer)
    mentions: list[Mention] = []
    sport = is_sports_report(normalize(f"{article.title}\n{article.text}").text)
    prev_end = 0
    for (s_start, s_end, norm), dates, places, actors in zip(
        sentences, first_dates, place_ms, actor_ms, strict=True
    ):
        if "\n" in article.text[prev_end:s_start]:
            ctx.new_paragraph()
        prev_end = s_end
        if ctx.narrative:
            dates = find_dates(norm.text, ctx.reference, ctx.context, order=order, anchors=True)
        found = _sentence(article, (s_start, s_end), norm, dates, places, actors, resources, ctx)
        if not (sport and not any(a.value.kind in _ARMED for a in actors)):
            # a sports report's "attack", "truce" and "talks" are the game's, unless an armed force is named
            mentions.extend(found)
    merged = _talks_of_the_deal(merge_article(mentions, pub))
    country_names = resources.actors.names()
    for m in merged:
        _target_the_place(m, country_names)
    if pub is None or ctx.narrative:  # no date to give an undated mention: keep what the text dates
        merged = [m for m in merged if m.date is not None]
    return _distinct_ids([(_to_event(article, m), m) for m in merged])


#: A building or street noun right before a nationality: "مستشفى الكندي" (al-Kindi hospital, not "the Canadian"),
#: "شارع الروس", "the Turkish Hospital" (English puts the noun after the name), "Russian Cultural Centre".
_BUILDING_BEFORE = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:مستشفي|مشفي|مدرسه|جامع|مسجد|فندق|شارع|ساحه|حي|سوق|جامعه|كنيسه|دوار|مستوصف)\s+$"
)
_BUILDING_AFTER = re.compile(
    r"\s+(?:hospital|school|mosque|hotel|street|square|market|university|church|cultural\s+cent(?:re|er))\b"
)


def _names_a_building(folded: str, a: Match) -> bool:
    """Is the actor word part of a building's or street's name ("مستشفى الكندي", "the Turkish Hospital")? A
    nationality only (a country's own name or its government is an actor wherever it stands)."""
    if a.value.kind != "country":
        return False
    return bool(
        _BUILDING_BEFORE.search(folded, max(0, a.start - 14), a.start) or _BUILDING_AFTER.match(folded, a.end)
    )


#: A capital naming a time zone: "at 10:00 Moscow time", "عند العاشرة بتوقيت دمشق" (no government takes part).
_ZONE_AFTER = re.compile(r"\s+time\b")
_ZONE_BEFORE = re.compile(r"(?<!\w)[وب]?توقيت\s+$")


def _time_zone(folded: str, a: Match) -> bool:
    """Is the actor mention ``a`` a capital naming a time zone ("Moscow time", "بتوقيت موسكو")?"""
    return bool(
        _ZONE_AFTER.match(folded, a.end) or _ZONE_BEFORE.search(folded, max(0, a.start - 12), a.start)
    )


def _target_the_place(m: Mention, country_names: dict[str, str]) -> None:
    """An attack that names no side at all ("air strikes on the village of Maar Shurin killed five civilians",
    "سقوط قذائف على حي الحمدانية") gets the country of its places as its ``target``: who was struck is the people
    of the place, while who struck is not said and is not guessed. The rule is the gold conventions'
    (tests/gold/README.md, "actors": targets are listed when no attacker is named). Only states the actor
    lexicon names (``country_names``: code -> name, e.g. ``SYR`` -> ``Syria``) are given; ``m`` is changed in
    place."""
    if m.type != "offensive" or m.actors:
        return
    codes = dict.fromkeys(p.country for p in m.places if p.country and is_state(p.country))
    m.actors = [Actor(code, country_names[code], "target") for code in codes if code in country_names]


def _distinct_ids(pairs: list[tuple[Event, Mention]]) -> list[Event]:
    """The events, each with an id of its own: an event whose id an earlier one of the article already has (two
    happenings of one sentence, type and day) is told apart by its kind and where its trigger stands."""
    seen: set[str] = set()
    out = []
    for event, m in pairs:
        while event.event_id in seen:
            event = replace(event, id_extra=f"{event.id_extra}{m.subtype}:{m.trigger.start};")
        seen.add(event.event_id)
        out.append(event)
    return out


def _talks_of_the_deal(mentions: list[Mention]) -> list[Mention]:
    """Talks the text tells without a day of their own (undated, or carrying the story's day: "وكانت المحادثات
    بين أردوغان وبوتين في الكرملين قد استمرت ست ساعات") held where a truce the article dates was made ("the
    ceasefire announced in Moscow on 5/3/2020") are the talks that made it: they take its day. Planned talks
    and talks dated by their own words keep theirs."""
    deals = [
        m
        for m in mentions
        if m.type == "ceasefire" and m.date is not None and not m.inherited and m.date.precision == "day"
    ]
    for m in mentions:
        if m.type != "talks" or m.status == "planned" or not (m.undated or m.inherited) or m.place_inferred:
            continue
        venues = {p.name for p in m.places if p.precision == "point"}
        # ... or told in the deal's own sentence ("The deal was reached late on Tuesday after a meeting between
        # ...", "تم التوصل إلى الاتفاق أمس بعد اجتماع ...")
        # (not a day it is to take effect after the one the talks carry)
        deal = next(
            (
                d
                for d in deals
                if venues & {p.name for p in d.places}
                or (
                    set(d.spans[:1]) & set(m.spans)
                    and (m.date is None or d.date.date_start <= m.date.date_start)
                )
            ),
            None,
        )
        if deal is not None:
            m.date, m.inherited = deal.date, True
    return mentions


def _to_event(article: Article, m: Mention) -> Event:
    pub = article.published_date
    if m.date is not None:
        d = m.date
        date_start, date_end, precision = d.date_start, d.date_end, d.precision
        source, text = d.source, d.text
    elif pub is not None:
        date_start, date_end, precision, source, text = pub, None, "day", "publication", ""
    else:
        raise ValueError("an undated event in an article without a publication date")
    if m.status == "ongoing" and date_end is not None and precision == "day":
        date_end = None
    spans = sorted(m.spans)
    evidence = " … ".join(article.text[a:b] for a, b in spans)
    confidence = (0.55 if m.strong else 0.4) + (
        0.15 if source == "explicit" else 0.08 if source == "relative" else 0
    )
    confidence += 0.1 if m.actors else 0
    confidence += 0.1 if m.places and not m.place_inferred else 0
    return Event(
        article_id=article.article_id,
        source=article.source,
        title=article.title,
        published=article.published.isoformat() if article.published else "",
        language=article.language,
        type=m.type,
        subtype=m.subtype,
        status=m.status,
        date_start=date_start,
        date_end=date_end,
        date_precision=precision,
        date_source=source,
        date_text=text,
        evidence=evidence,
        evidence_start=spans[0][0],
        evidence_end=spans[-1][1],
        actors=m.actors,
        places=m.places,
        about=m.about,
        killed=m.killed,
        injured=m.injured,
        displaced=m.displaced,
        confidence=min(confidence, 0.95),
    )
