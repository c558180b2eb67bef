"""Where an event happened: places of a clause, datelines, the article's focus, optional geocoding.

Pure functions over the gazetteer's :class:`PlaceMention` records (offsets in folded text); the
extractor decides which clause a place belongs to.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from timeline.gazetteer import GazEntry, Gazetteer, PlaceMention
from timeline.matcher import Match
from timeline.model import Place
from timeline.normalize import Normalized

#: name -> a gazetteer entry or None (e.g. :class:`timeline.geocode.OnlineGeocoder`)
Geocoder = Callable[[str], GazEntry | None]


def event_places(
    mentions: list[PlaceMention], start: int, end: int, actors: Sequence[Match] = ()
) -> list[Place]:
    """Places named in [start, end); a country named as an actor ("talks between Russia and Turkey")
    is not a place of the event."""
    places: list[Place] = []
    for pm in mentions:
        if any(e.precision == "country" for e in pm.entries) and any(
            a.start < pm.end and pm.start < a.end for a in actors
        ):
            continue
        if start <= pm.start < end:
            for entry in pm.entries:
                p = entry.to_place()
                if p not in places:
                    places.append(p)
    return places


def drop_coarse(places: list[Place]) -> list[Place]:
    """A country or governorate adds nothing when a finer place inside it is named too."""
    fine = [p for p in places if p.precision in {"point", "region"}]
    out = []
    for p in places:
        if p.precision == "country" and any(
            f.country == p.country for f in places if f.precision != "country"
        ):
            continue
        if p.precision == "admin1" and any(f.admin1 and f.admin1 == p.admin1 for f in fine):
            continue
        out.append(p)
    return out


#: "the village of X", "في بلدة X": a place name the gazetteer may lack (for the optional geocoder).
_LOCATIVE_AR = re.compile(
    r"(?<!\w)(?:مدينه|بلده|قريه|مخيم|حي|ناحيه)\s+(?P<name>\w{3,}(?:\s(?![وبلف]|في\b|من\b|علي\b)\w{3,})?)"
)
_LOCATIVE_EN = re.compile(
    r"\b(?:town|village|city|district|neighbou?rhood|camp|suburb)\s+of\s+"
    r"(?P<name>[A-Z][\w'-]+(?:\s(?:al-|el-|an-|ar-|as-)?[A-Z][\w'-]+)?)"
)


def geocoded_places(
    norm: Normalized, known: list[PlaceMention], gazetteer: Gazetteer, geocoder: Geocoder
) -> list[PlaceMention]:
    """Names after a locative noun that the gazetteer lacks, looked up with ``geocoder``."""
    candidates: list[tuple[int, int, str]] = []
    for m in _LOCATIVE_AR.finditer(norm.text):
        a, b = norm.span(m.start("name"), m.end("name"))
        candidates.append((m.start("name"), m.end("name"), norm.original[a:b]))
    for m in _LOCATIVE_EN.finditer(norm.original):
        start = bisect.bisect_left(norm.offsets, m.start("name"))
        end = bisect.bisect_left(norm.offsets, m.end("name"))
        candidates.append((start, end, m.group("name")))
    out: list[PlaceMention] = []
    for start, end, name in candidates:
        if any(pm.start < end and start < pm.end for pm in known) or gazetteer.lookup(name):
            continue
        entry = geocoder(name)
        if entry is not None:
            out.append(PlaceMention(start, end, name, (entry,)))
    return out


_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\))?\s*[-:]")


def is_dateline(folded: str, pm: PlaceMention) -> bool:
    """ "BEIRUT (Reuters) -", "سمارت - تركيا": where the story was filed, not where it happened."""
    if pm.start <= 1 and _DATELINE_AFTER.match(folded, pm.end):
        return True
    return len(folded) <= 40 and " - " in folded


def focus_place(mentions: list[list[PlaceMention]]) -> Place | None:
    """The place an article is about: the most often named below country level (first on ties)."""
    counts: dict[Place, int] = {}
    for sentence in mentions:
        for pm in sentence:
            for entry in pm.entries:
                if entry.precision != "country":
                    p = entry.to_place()
                    counts[p] = counts.get(p, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)  # dicts keep insertion order: the first wins ties


#: A locative before a place name: "in Moscow", "at the Kremlin", "في أنقرة", "بأنقرة" (proclitic ب).
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|from|hosted by|visits?|visited|visiting|arrived in)\s+(?:the\s+)?"
    r"(?:(?:turkish|russian|syrian|iranian)\s+)?"
    r"(?:(?:capital|city|resort|town)(?:\s+of)?\s+)?"
    r"|(?<!\w)(?:في|فى|الى|إلى|يزور|سيزور|تزور|ستزور|زار|زارت|زياره|يصل|وصل|وصلت)[،,]?\s+"
    r"(?:(?:العاصمه|مدينه|منتجع)\s+(?:\w+\s+)?)?)$"
)


def is_locative(folded: str, pm: PlaceMention) -> bool:
    if _LOCATIVE_BEFORE.search(folded[max(0, pm.start - 40) : pm.start]):
        return True
    # بأنقرة، وبموسكو: the proclitic ب stands in the same word as the name
    return (
        pm.start > 0
        and folded[pm.start - 1] == "ب"
        and (pm.start < 2 or not folded[pm.start - 2].isalnum() or folded[pm.start - 2] == "و")
    )


def talks_venue(
    mentions: list[PlaceMention],
    start: int,
    end: int,
    folded: str,
    trigger: tuple[int, int],
    topic_spans: Sequence[tuple[int, int]],
) -> tuple[list[Place], list[Place]]:
    """(venue, about) of talks whose clause is folded[start:end].

    The venue is a place after a locative ("in Moscow", "في أنقرة", "بموسكو") or joined to the trigger
    ("محادثات أستانا", "the Sochi summit"); a place inside the topic of the talks ("discussed the
    situation in Idlib", "بحث التصعيد في إدلب") is what the talks are *about*, unless it follows a
    locative and lies in another country than the topic ("on the situation in Idlib in Moscow").
    Places that are neither go to ``about`` as well: the map puts talks at their venue only.
    """
    venue: list[Place] = []
    about: list[Place] = []
    topic_country = ""
    t_start, t_end = trigger
    for pm in mentions:
        if not start <= pm.start < end:
            continue
        in_topic = any(a <= pm.start < b for a, b in topic_spans)
        joined = 0 <= pm.start - t_end <= 2 or 0 <= t_start - pm.end <= 2
        countries = {e.country for e in pm.entries}
        if in_topic and not topic_country:
            topic_country = next(iter(countries), "")
        is_venue = (not in_topic and (is_locative(folded, pm) or joined)) or (
            in_topic and is_locative(folded, pm) and topic_country and topic_country not in countries
        )
        for entry in pm.entries:
            p = entry.to_place()
            target = venue if is_venue else about
            if p not in target:
                target.append(p)
    return venue, [p for p in about if p not in venue]
