"""Place names that are no places of an event (rule 5): outlets, road ends, metonyms; "took <place>"."""

from __future__ import annotations

import re

from timeline.actors import ActorEntry
from timeline.extract.context import _ROAD
from timeline.gazetteer import PlaceMention
from timeline.lexicon import Trigger, cue_alternation
from timeline.matcher import Match
from timeline.participants import _coordinated
from timeline.places import (
    is_locative,
    names_meeting,
)


def _country_actor(pm: PlaceMention, actors: list[Match]) -> bool:
    """A country named as an actor ("talks between Russia and Turkey") is no place of the event."""
    return any(e.precision == "country" for e in pm.entries) and any(
        a.start < pm.end and pm.start < a.end for a in actors
    )


# "Turkey blamed Damascus", "اتهمت دمشق": a place blamed or accused is a government
_METONYM_BEFORE = re.compile(
    r"(?:\b"
    + cue_alternation("blame_verb", "en")
    + r"|(?<!\w)[وف]?"
    + cue_alternation("blame_verb", "ar")
    + r"(?:\s+[^\s]+)?)\s+$"
)


# "according to Ankara", "بحسب موسكو", "وفقاً لدمشق": a place a claim is sourced to is a government
_SOURCED_TO = re.compile(r"(?:\baccording\s+to|(?<!\w)[وف]?(?:بحسب|حسب|وفقا\s+ل|وفق\s+ما\s+ذكرت))\s*$")


# "Damascus said", "Damascus denied", "دمشق نفت", "ونفت دمشق": a place that speaks is a government
_METONYM_AFTER = re.compile(
    r"^(?:\s+and\s+[\w-]+)?\s+(?:(?:has|had|have)\s+(?:not\s+)?|(?:did|does|do)\s+not\s+)?"
    + cue_alternation("speak_verb", "en")
    + r"\b"
)


# "دمشق ترحب بالاتفاق", "وموسكو نفت": the verb after the place (Arabic subject-verb order)
_METONYM_AFTER_AR = re.compile(r"^\s+" + cue_alternation("speak_verb", "ar") + r"(?!\w)")
_METONYM_SPOKE = re.compile(
    r"(?<!\w)[وف]?"
    + cue_alternation("speak_verb", "ar")
    # "أول مرة تعلن فيها بغداد": a pronoun's preposition may stand between the verb and its capital
    + r"\s+(?:(?:فيه|فيها|عنه|عنها|منه|منها|بها|به)\s+)?(?:[^\s]+\s+و)?$"
)


#: A news outlet named after a place: "مراسل الميادين", "قناة الجزيرة", "لوكالة سبوتنيك", "صحيفة الوطن", "the
#: Al-Mayadeen correspondent" (the place name right after an outlet noun, or right before "correspondent").
_OUTLET_BEFORE = re.compile(r"(?<!\w)[وفلب]?(?:ل)?" + cue_alternation("outlet_noun", "ar") + r"\s+$")


_OUTLET_AFTER = re.compile(r"^[-\s]*" + cue_alternation("outlet_noun", "en") + r"\b")


#: The office a place names: "Hatay Governor Rahmi Dogan", "the governor of Turkey's Hatay province", "the
#: Central Committee of Daraa", "the Samarra Operations Command", "محافظ هاتاي", "رئيس بلدية حلب", "لجنة درعا
#: المركزية", "قيادة عمليات سامراء", "مجلس محافظة نينوى" (folded: رئيس is رييس).
#: Not والي (a Turkish vali): folded, "وإلى" ("and to") is written the same.
_OFFICE_BEFORE = re.compile(
    r"\b(?:governor|mayor|committee|council)\s+of\s+(?:the\s+)?(?:[\w-]+'s\s+)?$"
    r"|(?<!\w)[وفل]?(?:ال)?(?:محافظ|رييس\s+بلديه|لجنه|قياده\s+عمليات|قياده\s+شرطه|مجلس\s+محافظه)\s+$"
)
_OFFICE_AFTER = re.compile(
    r"^(?:\s+province)?\s+(?:governor|mayor)\b|^\s+operations\s+command\b|^\s+المركزيه(?!\w)"
)


#: A clock named after a place: "at noon Damascus time", "12:00 local time", "بتوقيت دمشق".
_CLOCK_AFTER = re.compile(r"^\s+(?:local\s+)?time\b")
_CLOCK_BEFORE = re.compile(r"(?<!\w)[وب]?توقيت\s+$")


def _not_names(place_ms: list[PlaceMention], folded: str) -> list[PlaceMention]:
    """Drop place names that name something else: an outlet ("مراسل الميادين", "Al Mayadeen TV"), the ends
    of a road ("the M5 highway linking Damascus and Aleppo", "طريق حلب - دمشق") or an office or body ("Hatay
    Governor Rahmi Dogan", "محافظ هاتاي", "the Central Committee of Daraa") or a clock ("noon Damascus time",
    "بتوقيت دمشق"). None is a place of the event,
    nor a government."""
    roads = [m.span() for m in _ROAD.finditer(folded)]
    return [
        pm
        for pm in place_ms
        if not (
            _OUTLET_BEFORE.search(folded, max(0, pm.start - 14), pm.start)
            or _OUTLET_AFTER.match(folded[pm.end : pm.end + 30])
            or any(a <= pm.start < b for a, b in roads)
            or _OFFICE_BEFORE.search(folded, max(0, pm.start - 40), pm.start)
            or _OFFICE_AFTER.match(folded[pm.end : pm.end + 20])
            or _CLOCK_AFTER.match(folded[pm.end : pm.end + 12])
            or _CLOCK_BEFORE.search(folded, max(0, pm.start - 10), pm.start)
        )
    ]


def _not_metonyms(place_ms: list[PlaceMention], actors: list[Match], folded: str) -> list[PlaceMention]:
    """Drop capitals that stand for their government ("Ankara said", "#دمشق و #موسكو") unless a locative
    shows a place ("in Ankara", "في موسكو", "بأنقرة"), and any place that is blamed or accused, that
    speaks ("Turkey blamed Damascus", "Damascus denied", "ونفت دمشق") or that a claim is sourced to
    ("according to Ankara", "بحسب موسكو")."""
    out = []
    for pm in place_ms:
        metonym = any(
            a.start <= pm.start and pm.end <= a.end and a.value.kind == "government" for a in actors
        ) or (
            all(e.precision == "point" for e in pm.entries)
            and (
                _METONYM_BEFORE.search(folded, max(0, pm.start - 30), pm.start)
                or _SOURCED_TO.search(folded, max(0, pm.start - 24), pm.start)
                or _METONYM_AFTER.match(folded[pm.end : pm.end + 30])
                or _METONYM_AFTER_AR.match(folded[pm.end : pm.end + 20])
                or _METONYM_SPOKE.search(folded, max(0, pm.start - 24), pm.start)
            )
        )
        if metonym and not is_locative(folded, pm) and not names_meeting(folded, pm):
            continue
        out.append(pm)
    return out


def _dropped(found: list[PlaceMention], kept: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions of ``found`` that are not in ``kept`` (by identity, in linear time)."""
    ids = {id(pm) for pm in kept}
    return [pm for pm in found if id(pm) not in ids]


def _with_metonym_actors(
    actors: list[Match], dropped: list[PlaceMention], governments: dict[str, ActorEntry]
) -> list[Match]:
    """``actors`` plus the capitals dropped as places because they stand for their government ("Turkey
    blamed Damascus", "ونفت دمشق"), as that government (``SYRGOV`` ...), in text order. A capital the
    actor lexicon already names is left as it is."""
    extra = []
    for pm in dropped:
        if not all(e.kind == "capital" and e.precision == "point" for e in pm.entries):
            continue
        entry = governments.get(f"{pm.entries[0].country}GOV")
        if entry is not None and not any(a.start < pm.end and pm.start < a.end for a in actors):
            extra.append(Match(pm.start, pm.end, pm.term, entry))
    return sorted([*actors, *extra], key=lambda m: (m.start, m.end)) if extra else actors


def _without_located_capitals(actors: list[Match], kept: list[PlaceMention], folded: str) -> list[Match]:
    """``actors`` minus a government named by its capital where a locative shows the capital as a place ("a car
    bomb exploded in Ankara", "in central Ankara", "انفجرت سيارة مفخخة وسط أنقرة"): a city where something
    happens takes no part in it (``kept``: the place mentions kept as places)."""
    located = [
        pm
        for pm in kept
        if all(e.kind == "capital" for e in pm.entries)
        and (is_locative(folded, pm) or names_meeting(folded, pm))
    ]
    if not located:
        return actors
    return [
        a
        for a in actors
        if not (
            a.value.kind == "government" and any(pm.start <= a.start and a.end <= pm.end for pm in located)
        )
    ]


#: "have taken Kafr Nabl", "retook much of southern Jabal al-Zawiya": a verb of taking right before a place name
#: (the place is found by the gazetteer, so "taken to hospital", "taken part" are no capture).
_TAKEN = re.compile(
    r"\b(?:took|taken|retook|retaken)\s+(?:back\s+|over\s+)?(?:(?:much|most|parts?|all|control|half)\s+of\s+)?"
    r"(?:the\s+)?(?:(?:southern|northern|eastern|western|north-?western|north-?eastern|south-?western|"
    r"south-?eastern|strategic|rebel-held|key|nearby)\s+)?(?:(?:town|city|village|villages|towns|hill)\s+of\s+)?$"
)


_TAKEN_TRIGGER = Trigger("offensive", "capture", False, "en")


def _taken_places(folded: str, place_ms: list[PlaceMention], triggers: list[Match]) -> list[Match]:
    """Capture triggers for "took/taken/retook <place>" (:data:`_TAKEN`) that no trigger word covers."""
    out = []
    for pm in place_ms:
        m = _TAKEN.search(folded, max(0, pm.start - 80), pm.start)
        if m is None or any(t.start < pm.start and m.start() < t.end for t in triggers):
            continue
        verb_end = m.start() + len(m.group().split()[0])
        out.append(Match(m.start(), verb_end, folded[m.start() : verb_end], _TAKEN_TRIGGER))
    return out


#: A verb of discussing ("discussed", "talked about", بحث، ناقش، تباحث): talks when two sides are its subject.
_DISCUSS_EN = re.compile(r"\b(?:discussed|discuss|discusses|talked\s+about|reviewed)\b")
_DISCUSS_AR = re.compile(r"(?<!\w)[وف]?" + cue_alternation("discuss_verb", "ar") + r"(?!\w)")
_DISCUSSED_TRIGGER = {
    "en": Trigger("talks", "meeting", False, "en"),
    "ar": Trigger("talks", "meeting", False, "ar"),
}


def _discussed_between(folded: str, actors: list[Match], triggers: list[Match]) -> list[Match]:
    """Talks triggers for a verb of discussing whose subject is two sides of different countries, when the
    sentence names no talks word of its own: "Erdogan and Putin discussed the situation in Idlib on Monday",
    "بحث أردوغان وبوتين الوضع في إدلب" (English subject before the verb, Arabic after it). One side's
    discussing ("Erdogan discussed the situation with his security chiefs") is no talks here."""
    if any(t.value.type == "talks" for t in triggers) or len(actors) < 2:
        return []
    out = []
    for m in _DISCUSS_EN.finditer(folded):
        before = [a for a in actors if a.end <= m.start() and m.start() - a.end <= 3]
        if before:
            b = before[-1]
            i = actors.index(b)
            if i > 0 and _coordinated(actors[i - 1], b, folded) and _two_countries(actors[i - 1], b):
                out.append(Match(m.start(), m.end(), m.group(), _DISCUSSED_TRIGGER["en"]))
    for m in _DISCUSS_AR.finditer(folded):
        after = [a for a in actors if a.start >= m.end() and a.start - m.end() <= 3]
        if after:
            a = after[0]
            i = actors.index(a)
            if (
                i + 1 < len(actors)
                and _coordinated(a, actors[i + 1], folded)
                and _two_countries(a, actors[i + 1])
            ):
                out.append(Match(m.start(), m.end(), m.group(), _DISCUSSED_TRIGGER["ar"]))
    return out


def _two_countries(a: Match, b: Match) -> bool:
    """Two sides: actors of different countries (or a country and an international body)."""
    return a.value.code[:3] != b.value.code[:3]
