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
