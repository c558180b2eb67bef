"""Where an event happened: places of a clause, datelines, the article's focus, optional geocoding.

Pure functions over the gazetteer's :class:`PlaceMention` records (offsets in folded text); the
extractor decides which clause a place belongs to.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from timeline.actors import ActorLexicon
from timeline.gazetteer import GazEntry, Gazetteer, PlaceMention, distance_km
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


#: A settlement noun, dual or plural too ("بلدتي كفرتعال وتقاد", "قرى ..."), a front line's axis or a valley ("على
#: محور الجبين", "في وادي حميد") or a suburb ("ضاحية البغيلية"), before the names of one or more sites.
_SITES_AR = re.compile(
    r"(?<!\w)[وبلف]?(?:مدينه|مدينتي|بلده|بلدتي|بلدات|قريه|قريتي|قري|حي|حيي|مخيم|مخيمي|ناحيه|محور|محوري|وادي|ضاحيه)\s+"
    r"(?P<name>\w{3,}(?:\s+و\w{3,})?)"
)
_SITES_EN = re.compile(
    r"\b(?:town|village|city|district|neighbou?rhood|camp|suburb|hamlet)s?\s+of\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s(?:al-|el-|an-|ar-|as-)?[A-Z][\w'’-]+)?"
    r"(?:(?:,\s|\sand\s)[A-Z][\w'’-]+(?:\s(?:al-|el-|an-|ar-|as-)?[A-Z][\w'’-]+)?)*)"
)
#: A front line or valley named before its noun in English ("on the Jibin front", "the Wadi Hmeid valley").
_FRONT_EN = re.compile(
    r"\b(?P<name>(?:(?:al|el|an|ar|as)-)?[A-Z][\w'’-]+(?:\s(?:al-|el-)?[A-Z][\w'’-]+)?)\s+(?:front|frontline|axis|valley)\b"
)
#: A first word before "front" that is a side or a direction, not a place: "Turkish", "Syrian", "Southern".
_NOT_A_FRONT = re.compile(
    r"^(?:(?:North|South|East|West)\w*|\w+(?:ian|ish|ese|ern|i)|The|Rebel|Government|Islamic)$"
)
#: Words after a settlement noun that are no name: its adjectives ("قرية صغيرة", "بلدة مجاورة", a nisba such as
#: "بلدة حدودية"), a direction ("قرية جنوبي إدلب"), a relative or a demonstrative.
_NOT_A_SITE_AR = re.compile(
    r"(?:(?!ال)\w+يه|صغيره|كبيره|مجاوره|قريبه|اخري|واحده|نفسها|ذاتها|سكني|التي|الذي|هذه|تلك|"
    r"(?:جنوب|شمال|شرق|غرب)\w*|الواقعه|المحاصره|المذكوره|المجاوره|القريبه|الحدوديه|عده|عدد)$"
)


def unnamed_sites(norm: Normalized, known: list[PlaceMention], start: int, end: int) -> list[str]:
    """Sites that a settlement noun names in [start, end) of the folded text and no known place mention covers:
    "غارات على بلدتي كفرتعال وتقاد", "stormed the villages of Yabisa and Tal Fander" (villages the gazetteer
    lacks). Returns the names as written (one string per noun: "كفرتعال وتقاد"), in text order; [] when every
    name after such a noun is a place the gazetteer knows, or an adjective, direction or relative word."""
    out: list[str] = []
    for m in _SITES_AR.finditer(norm.text, start, end):
        first = m.group("name").split()[0]
        if _NOT_A_SITE_AR.match(first) or any(
            pm.start < m.end("name") and m.start("name") < pm.end for pm in known
        ):
            continue
        a, b = norm.span(m.start("name"), m.end("name"))
        out.append(norm.original[a:b])
    o_start, o_end = norm.span(start, min(end, len(norm.text))) if end > start else (0, 0)
    english = sorted([*_SITES_EN.finditer(norm.original, o_start, o_end), *_FRONT_EN.finditer(norm.original, o_start, o_end)],
                     key=lambda m: m.start())  # fmt: skip
    for m in english:
        if m.re is _FRONT_EN and _NOT_A_FRONT.match(m.group("name").split()[0]):
            continue  # "the Turkish front", "the Southern Front" (a coalition), "the eastern front"
        s_at = bisect.bisect_left(norm.offsets, m.start("name"))
        e_at = bisect.bisect_left(norm.offsets, m.end("name"))
        if any(pm.start < e_at and s_at < pm.end for pm in known):
            continue
        out.append(m.group("name"))
    return out


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


#: What may stand before a dateline's place: nothing, "ANKARA, " before "Turkey (AP) —", or the first city of a
#: dateline of two ("BEIRUT/ANKARA (Reuters) -").
_DATELINE_HEAD = re.compile(r"[\W_]{0,3}(?:[^\W\d_][\w' .]{1,28}(?:, ?|/ ?))?")
#: After the place: up to two ", Turkey" / ", March 5" parts, then an agency in parentheses or a dash,
#: colon or slash (BEIRUT (Reuters) -, موسكو - وكالات:, إدلب - سمارت, دمشق/ سانا), or the bracket that closes a
#: dateline written in brackets ("[Jerusalem] Israeli tanks fired ...").
_DATELINE_TAIL = re.compile(
    r"(?:, ?[\w' .]{1,25}?){0,2}\s*(?:\((?P<agency>[^)]{1,40})\)\s*(?P<sep>[-:/|])?|(?P<bare>[-:/|]|\](?=\s)))"
)
#: After a place that opens an outlet's name, the rest of the name and the dash before the story: "عمّان نت –",
#: "بغداد بوست –", "Aleppo 24 –", "Damascus Now -", "حلب اليوم -". The words are the media nouns outlets
#: add to a city's name (folded), one or two of them, so "Idlib residents - many displaced -" is no dateline.
_OUTLET_NAME_TAIL = re.compile(
    r"(?: (?:post|today|now|net|news|24|times|press|online|tv|voice|mirror|observer|monitor|"
    r"نت|بوست|اليوم|الان|نيوز|برس|تايمز|اونلاين|تي في|24)){1,2}\s*(?:\([^)]{1,40}\)\s*)?[-:|]"
)
#: A byline line: a few words around " - " ("سمارت - تركيا", "ريف إدلب - سمارت").
_BYLINE = re.compile(r"\W*\w+(?: \w+){0,2} - \w+(?: \w+){0,2}\W*")


@cache
def _agencies() -> frozenset[str]:
    from timeline.gazetteer.cues import PlaceCues
    from timeline.resources import data_dir

    return PlaceCues.load(data_dir() / "gazetteer" / "cues.csv").agencies


def is_dateline(folded: str, pm: PlaceMention) -> bool:
    """Is ``pm`` the place a story was filed from, not where it happened?

    ``folded`` is the sentence's folded text. Datelines open a sentence: "BEIRUT (Reuters) -",
    "ANKARA, Turkey (AP) —", "Moscow, March 5 (TASS)", "موسكو - وكالات:", "إدلب - سمارت",
    "دمشق/ سانا"; a short line with " - " ("سمارت - تركيا") is a byline. Without a dash, colon or
    slash, the parentheses must name a news agency (``agency`` rows of ``data/gazetteer/cues.csv``), so
    "Saraqib (Idlib) was shelled" stays a place. An outlet whose name opens with a city and a media noun
    ("عمّان نت –", "بغداد بوست –", "Aleppo 24 –") files from it too (:data:`_OUTLET_NAME_TAIL`).
    """
    head = _DATELINE_HEAD.fullmatch(folded, 0, pm.start)
    if head is not None and _OUTLET_NAME_TAIL.match(folded, pm.end):
        return True
    if head is not None:
        m = _DATELINE_TAIL.match(folded, pm.end)
        if m is not None:
            agency = (m.group("agency") or "").strip(" .")
            if m.group("bare") or m.group("sep"):
                return True
            if agency in _agencies() or any(w in _agencies() for w in agency.split()):
                return True
    return _BYLINE.fullmatch(folded) is not None


def dateline_end(folded: str, mentions: Sequence[PlaceMention]) -> int:
    """Where the dateline that opens a sentence ends ("ANKARA, Turkey (AP) —", "موسكو - وكالات:"), 0 if
    none: the names in it (the capital, its country) are where the story was filed, neither a place
    nor a party of the events."""
    end = 0
    for pm in mentions:
        if pm.start > end + 3 and end:
            break  # the dateline's places stand together ("BEIRUT/ANKARA (Reuters) -")
        if is_dateline(folded, pm):
            m = _OUTLET_NAME_TAIL.match(folded, pm.end) or _DATELINE_TAIL.match(folded, pm.end)
            end = m.end() if m is not None else pm.end
    return end


def outlet_name_end(folded: str, mentions: Sequence[PlaceMention]) -> int:
    """Where an outlet's name that opens the sentence with a city ends ("حلب اليوم -", "Damascus Now -"), 0 if
    none: a time word in it ("اليوم", "today", "now") is the outlet's name, no date of the story."""
    for pm in mentions[:1]:
        if _DATELINE_HEAD.fullmatch(folded, 0, pm.start) is not None:
            m = _OUTLET_NAME_TAIL.match(folded, pm.end)
            if m is not None:
                return m.end()
    return 0


#: How many sentences from an article's start may hold its dateline (a title and a "Published:" line may
#: stand before it).
DATELINE_SENTENCES = 4


def article_dateline(sentences: Sequence[Normalized], gazetteer: Gazetteer) -> Place | None:
    """The town or city an article was filed from ("GENEVA —", "HAMBURG, Germany —", "ERBIL (Kurdistan 24) –",
    "جنيف - وكالات:"), or None: the first dateline (:func:`is_dateline`) among the article's first
    :data:`DATELINE_SENTENCES` sentences whose place is a point (a country or a province is no dateline
    town). It is where the reporter was, not where events happened; talks that name no venue of their own
    were most often held there (see ``timeline.extract.siting``)."""
    for norm in sentences[:DATELINE_SENTENCES]:
        for pm in gazetteer.find(norm.text[:80]):
            if not is_dateline(norm.text, pm):
                break  # a dateline is the first place of its sentence
            points = [e for e in pm.entries if e.precision == "point"]
            if points:
                return points[0].to_place()
    return None


def focus_place(
    mentions: list[list[PlaceMention]], actors: Sequence[Sequence[Match]] | None = None
) -> Place | None:
    """The place an article is about: the most often named below country level (first on ties), in the
    country the article names most often (the country or places in it): a summit in Sochi about
    north-east Syria is about Syria, so an unplaced strike in it is not put in Sochi; with no finer place
    in that country, the country itself. ``actors`` (the actor mentions of each sentence): a country
    named as a side ("Turkey's president said ... Turkey will force them") counts for no place."""
    counts: dict[Place, int] = {}
    by_country: dict[str, int] = {}
    whole: dict[str, Place] = {}
    for i, sentence in enumerate(mentions):
        sides = actors[i] if actors is not None else ()
        for pm in sentence:
            if any(e.precision == "country" for e in pm.entries) and any(
                a.start < pm.end and pm.start < a.end for a in sides
            ):
                continue
            for entry in pm.entries:
                p = entry.to_place()
                by_country[p.country] = by_country.get(p.country, 0) + 1
                if entry.precision == "country":
                    whole.setdefault(p.country, p)
                else:
                    counts[p] = counts.get(p, 0) + 1
    if not counts:
        return None
    country = max(by_country, key=by_country.__getitem__)
    inside = {p: n for p, n in counts.items() if p.country == country}
    if not inside:  # "Syria's border with Turkey", "in Ankara": the country itself, not a venue elsewhere
        return whole.get(country)
    # the province named most (its villages, towns and countryside together), then its place named most:
    # five villages of Idlib outweigh a region named twice in a closing paragraph on another front
    # (a region of no province, "north-east Syria", is an area of its own)
    by_admin1: dict[str, int] = {}
    for p, n in inside.items():
        by_admin1[p.admin1 or p.name] = by_admin1.get(p.admin1 or p.name, 0) + n
    area = max(by_admin1, key=by_admin1.__getitem__)
    inside = {p: n for p, n in inside.items() if (p.admin1 or p.name) == area}
    return max(inside, key=inside.__getitem__)  # dicts keep insertion order: the first wins ties


# --- places of a whole article: datelines, people and implausible far places dropped ---------------

#: A weak place (a GeoNames village or town) farther than this from every strong place of the article
#: (km) is kept only with a strong signal of its own ("the village of X", "قرية X").
FAR_KM = 250.0
#: Population from which a GeoNames place is a strong signal by itself.
STRONG_POPULATION = 10_000
#: Capitalised words that may stand before a place name without making it a surname.
_NOT_FIRST_NAMES = frozenset(
    [
        "in",
        "at",
        "near",
        "on",
        "of",
        "from",
        "to",
        "into",
        "the",
        "a",
        "and",
        "or",
        "but",
        "by",
        "for",
        "with",
        "as",
        "while",
        "after",
        "before",
        "since",
        "outside",
        "inside",
        "around",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "rural",
        "greater",
    ]
)
_NEXT_WORD = re.compile(r"[ \u00a0]([A-Z][a-z][\w'-]*)")
_PREV_WORD = re.compile(r"([A-Z][a-z][\w'-]*)[ \u00a0]$")


def _strong(entry: GazEntry) -> bool:
    return entry.hand_kept or entry.vetted or entry.population >= STRONG_POPULATION


#: A business or hall a name is given to: "the Reina nightclub", "the Karnak restaurant", "ملهى رينا", "فندق الشام"
#: (the noun after an English name, before an Arabic one).
_VENUE_AFTER = re.compile(
    r"\s+(?:night\s*club|club|hotel|restaurant|cafe|café|bar|mall|cinema|theatre|theater|bakery|supermarket|company)s?\b"
)
_VENUE_BEFORE = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:ملهي|مطعم|فندق|مقهي|مجمع|شركه|مصرف|بنك|سينما|مسرح|مخبز)\s+$"
)


def _names_a_venue(folded: str, pm: PlaceMention) -> bool:
    """Is a place name the name of a business or hall ("the Reina nightclub in Istanbul" is no Reina town, "ملهى
    رينا")? Such a venue lies where the text says, not at a namesake town (the caller keeps cities and hand-kept
    places: "the Baghdad hotel" is in Baghdad)."""
    if folded[pm.start : pm.end].isascii():
        return _VENUE_AFTER.match(folded, pm.end) is not None
    return _VENUE_BEFORE.search(folded, max(0, pm.start - 14), pm.start) is not None


def _person_by_case(norm: Normalized, pm: PlaceMention, gazetteer: Gazetteer) -> bool:
    """English: is this one-word village name part of a person's name ("Omer Celik", "Mehmet Aksoy"),
    or written in lower case (a word, not a name)? A feature word after it keeps it a place ("Qayyarah West
    Airfield", ``feature`` rows of ``cues.csv``)."""
    a, b = norm.span(pm.start, pm.end)
    name = norm.original[a:b]
    if not name.isascii() or " " in name.strip() or "-" in name:
        return False
    if name[:1].islower():
        return True
    nxt = _NEXT_WORD.match(norm.original, b)
    if (
        nxt
        and not gazetteer.lookup(nxt.group(1))
        and nxt.group(1).lower() not in gazetteer.cues.locatives | gazetteer.cues.features
    ):
        return True
    prev = _PREV_WORD.search(norm.original, max(0, a - 40), a)
    return bool(
        prev
        and prev.start() > 0
        and prev.group(1).lower() not in _NOT_FIRST_NAMES
        and not gazetteer.lookup(prev.group(1))
    )


def _far(lat: float, lon: float, points: Sequence[tuple[float, float]]) -> bool:
    """Is (lat, lon) more than ``FAR_KM`` from every one of ``points`` (a non-empty list)?"""
    return _km_to(lat, lon, points) > FAR_KM


def article_places(
    sentences: Sequence[Normalized],
    gazetteer: Gazetteer,
    actors: ActorLexicon | None = None,
    actor_matches: Sequence[Sequence[Match]] | None = None,
) -> list[list[PlaceMention]]:
    """The place mentions of each sentence of an article, minus those that are not event places.

    Dropped: datelines (:func:`is_dateline`); a village or town name that is part of a person's name
    (English: capitalised next to another capitalised name, or written in lower case; both scripts: inside
    an actor the lexicon knows as a person or group, e.g. "جيش العزة"); and a weak place (a GeoNames
    village or town under 10,000 people) more than ``FAR_KM`` from every strong place of the article
    (hand-kept places and towns of 10,000+), unless a locative noun stands before it ("the village of
    X", "قرية X"). Person titles and common nouns are handled by :meth:`Gazetteer.find`.
    Actors come from ``actor_matches`` (one list per sentence, already found) or are found with ``actors``.
    """
    found: list[list[PlaceMention]] = []
    for i, norm in enumerate(sentences):
        kept = []
        if actor_matches is not None:
            in_sentence: Sequence[Match] = actor_matches[i]
        else:
            in_sentence = actors.find(norm.text) if actors is not None else []
        people = [m for m in in_sentence if m.value.kind in {"person", "armed_group"}]
        for pm in gazetteer.find(norm.text):
            if is_dateline(norm.text, pm):
                continue
            weak = not any(_strong(e) for e in pm.entries)
            if weak and any(p.start <= pm.start and pm.end <= p.end for p in people):
                continue
            if weak and _person_by_case(norm, pm, gazetteer):
                continue
            if _names_a_venue(norm.text, pm) and all(
                not e.hand_kept and e.population < CITY_POPULATION for e in pm.entries
            ):
                continue
            kept.append(pm)
        found.append(kept)
    # each strong place once: a page naming one town 10,000 times stays linear
    area = list(dict.fromkeys(p for ms in found for p in _strong_points(ms)))
    home = _home_country(found)
    found = [
        [pm for pm in ms if not _foreign_city_as_village(norm, pm, gazetteer, home)]
        for norm, ms in zip(sentences, found, strict=True)
    ]
    found = _far_districts_dropped(sentences, found)
    if not area:
        return found
    countries = Counter(e.country for ms in found for pm in ms for e in pm.entries)
    found = [
        [_nearer_namesake(pm, gazetteer, area, countries, _strong_points(ms, pm)) for pm in ms]
        for ms in found
    ]
    out = []
    for norm, ms in zip(sentences, found, strict=True):
        out.append(
            [
                pm
                for pm in ms
                if any(_strong(e) for e in pm.entries)
                or not _far(pm.entries[0].lat, pm.entries[0].lon, area)
                or gazetteer.cues.after_locative(norm.text, pm.start)
            ]
        )
    return out


#: A district noun right before a name, or before names coordinated with it: "حي بني زيد", "حيي الإنشاءات
#: والخالدية", "the neighbourhoods of Bab Amr and Khalidiya" (not "district of": also an administrative one).
_DISTRICT_BEFORE = re.compile(
    r"(?:(?<!\w)[وفبل]?(?:ال)?(?:حي|حيي|احياء)|\b(?:neighbou?rhoods?|quarters?)\s+of(?:\s+the)?)"
    r"(?:\s+|(?:\s+[\w'-]+){1,3}?(?:\s*[,،]\s*|\s+and\s+|\s+و))$"
)
#: How far from the city an article last named (km) a name after a district noun is no district of it.
DISTRICT_KM = 30.0


def _far_districts_dropped(
    sentences: Sequence[Normalized], found: list[list[PlaceMention]]
) -> list[list[PlaceMention]]:
    """Drop a name after a district noun that the gazetteer places far from the city the article named last
    ("سيطرت على حي بني زيد شمال المدينة" in an article about Aleppo is not Bani Zayd near Ramallah; "حيي
    الإنشاءات والخالدية" in Homs is not al-Khalidiyah of Mafraq): a town or village (under
    :data:`CITY_POPULATION`) more than :data:`DISTRICT_KM` from the last city of :data:`CITY_POPULATION`+
    named before it is a district the gazetteer lacks, which :func:`unnamed_sites` then reports (and the
    event is placed in that city). Without a city named before, nothing is dropped."""
    city: GazEntry | None = None
    out: list[list[PlaceMention]] = []
    for norm, ms in zip(sentences, found, strict=True):
        kept = []
        for pm in ms:
            e = pm.entries[0]
            district = len(pm.entries) == 1 and e.precision == "point" and e.population < CITY_POPULATION
            if (
                district
                and city is not None
                and distance_km(e, city) > DISTRICT_KM
                and _DISTRICT_BEFORE.search(norm.text, max(0, pm.start - 60), pm.start)
            ):
                continue
            if len(pm.entries) == 1 and e.precision == "point" and e.population >= CITY_POPULATION:
                city = e
            kept.append(pm)
        out.append(kept)
    return out


def _strong_points(
    mentions: Sequence[PlaceMention], but: PlaceMention | None = None
) -> list[tuple[float, float]]:
    """(lat, lon) of the strong places (:func:`_strong`: points, regions and governorates) among ``mentions``,
    ``but`` left out."""
    return [
        (e.lat, e.lon)
        for pm in mentions
        if pm is not but
        for e in pm.entries
        if _strong(e) and e.precision in {"point", "region", "admin1"}
    ]


def _km_to(lat: float, lon: float, points: Sequence[tuple[float, float]]) -> float:
    """Kilometres from (lat, lon) to the nearest of ``points`` (a non-empty list), on a local flat projection
    (good to a few per cent within a few hundred km, the distances these rules compare)."""
    cos = math.cos(math.radians(lat))
    return min(111.2 * math.hypot(lat - p, (lon - q) * cos) for p, q in points)


#: How near a namesake must lie to a strong place of its own sentence to be the one meant there (km): a
#: district's villages ("Dağlıca in Hakkari's Yüksekova district") lie within it.
SENTENCE_NEAR_KM = 60.0


def _nearer_namesake(
    pm: PlaceMention,
    gazetteer: Gazetteer,
    area: list[tuple[float, float]],
    countries: Mapping[str, int],
    local: Sequence[tuple[float, float]] = (),
) -> PlaceMention:
    """``pm`` resolved to the namesake the article means, when the gazetteer's default choice (Syria first, then
    its neighbours and the world's capitals, then population) is not it:

    * a weak place (a GeoNames village under :data:`STRONG_POPULATION`) more than :data:`FAR_KM` from every strong
      place of the article gives way to a namesake within :data:`FAR_KM` of one: "Sinjar" in an article about
      Mosul and Tal Afar is Iraq's town, not the Idlib hamlet; "Yabrud" in one about Qalamoun stays Syria's;
    * any place gives way to a namesake whose country the article names more often, by its other places and
      country names (``countries``: country code -> mentions, this one included), when the chosen one's country
      is named less: "طرابلس" in an article about Lebanon's Qusayr front and Baabda is Lebanon's Tripoli, not
      Libya's capital; in one about Syrian fighters sent to Libya ("ليبيا") it stays Libya's (a hand-kept place
      gives way only where its own country is named nowhere else: Iraq's Rabia in an article on Latakia);
    * a place gives way to a namesake within :data:`SENTENCE_NEAR_KM` of a strong place of its own sentence
      (``local``) when the chosen one lies more than twice as far from them, and farther than that (a town of
      :data:`STRONG_POPULATION`: farther than half :data:`FAR_KM`): "Dağlıca in Hakkari's Yüksekova district" is
      Hakkari's village, not Şırnak's; "صوران قرب أعزاز" is the village by Azaz, not the town in Hama.

    Spatial minimality and the article's country, the usual toponym-resolution rules (Leidner, *Toponym
    Resolution in Text*, 2007). ``area`` is (lat, lon) of the article's strong places; a mention of several
    entries is kept as it is."""
    if len(pm.entries) != 1:
        return pm
    chosen = pm.entries[0]
    if chosen.precision != "point":
        return pm
    namesakes = [e for e in gazetteer.lookup(pm.term) if e is not chosen and e.precision == "point"]
    if not namesakes:
        return pm
    if area and not _strong(chosen) and _far(chosen.lat, chosen.lon, area):
        near = [e for e in namesakes if not _far(e.lat, e.lon, area)]
        if near:
            return PlaceMention(pm.start, pm.end, pm.term, (near[0],))
    if local:
        here = _km_to(chosen.lat, chosen.lon, local)
        by_km = sorted((_km_to(e.lat, e.lon, local), i) for i, e in enumerate(namesakes))
        enough = max(2 * by_km[0][0], SENTENCE_NEAR_KM if not _strong(chosen) else FAR_KM / 2)
        if by_km[0][0] <= SENTENCE_NEAR_KM and here > enough:
            return PlaceMention(pm.start, pm.end, pm.term, (namesakes[by_km[0][1]],))
    own = countries.get(chosen.country, 0) - 1  # the other mentions of the chosen one's country
    named = [
        e for e in namesakes if e.country != chosen.country and countries.get(e.country, 0) > max(own, 0)
    ]
    if named and (
        not chosen.hand_kept or own <= 0
    ):  # a hand-kept place gives way only where its country is not named
        best = max(named, key=lambda e: countries.get(e.country, 0))
        return PlaceMention(pm.start, pm.end, pm.term, (best,))
    return pm


def _home_country(found: Sequence[Sequence[PlaceMention]]) -> str:
    """The country an article names most places of (countries themselves not counted), "" for none."""
    counts: dict[str, int] = {}
    for ms in found:
        for pm in ms:
            for e in pm.entries:
                if e.precision != "country":
                    counts[e.country] = counts.get(e.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else ""


#: A nationality adjective that qualifies a town as foreign: after it in Arabic ("بلدتي كلس والريحانية
#: التركيتين"), before the noun in English ("the Turkish town of Kilis").
_NISBA_AFTER = re.compile(r"(?:\s+و\w+)*\s+ال\w{3,}(?:يه|يتين|يين|يون)(?!\w)")
_NISBA_BEFORE = re.compile(r"\b[a-z]{3,}(?:ish|ese|ian|ani|i)\s+(?:villages?|towns?|hamlet)\s+(?:of\s+)?$")
#: A city from this population on is no village: "بلدات صيدا" in Daraa is not Sidon in Lebanon.
CITY_POPULATION = 100_000


def _foreign_city_as_village(norm: Normalized, pm: PlaceMention, gazetteer: Gazetteer, home: str) -> bool:
    """Is ``pm`` a village the gazetteer lacks, resolved to a big city of another country? "قصف على بلدات
    صيدا والنعيمة" and "entered the village of Saida" in an article about Daraa name Daraa's Saida, not
    Sidon (Lebanon, 160,000 people): a city of :data:`CITY_POPULATION`+ right after a village noun, in
    another country than the one the article names most places of, and not said to be foreign ("بلدتي كلس
    والريحانية التركيتين", "the Turkish town of Kilis"). No place is better than a wrong one."""
    if not home or not gazetteer.cues.after_village(norm.text, pm.start):
        return False
    if not all(not e.hand_kept and e.population >= CITY_POPULATION and e.country != home for e in pm.entries):
        return False
    return not (
        _NISBA_AFTER.match(norm.text, pm.end)
        or _NISBA_BEFORE.search(norm.text, max(0, pm.start - 40), pm.start)
    )


#: A locative before a place name: "in Moscow", "at the Kremlin", "في أنقرة", "بأنقرة" (proclitic ب); not
#: "according to Ankara" (a source).
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?<!according )(?:in|at|to|from|hosted by|visits?|visited|visiting|arrived in"
    r"|(?:on\s+)?the\s+(?:sidelines|margins|edge|outskirts)\s+of)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+(?:'s)?\s+){0,3}?(?:capital|city|resort|town|port|village|district|camp|suburb|neighbou?rhood)s?(?:\s+of)?\s+)?"
    r"(?:(?:central|downtown|northern|southern|eastern|western)\s+|(?:the\s+)?(?:centre|center|heart|outskirts)\s+of\s+)?"
    r"|\b(?:central|downtown)\s+"
    r"|(?<!\w)[وفب]?(?:وسط|قلب|ضواحي|محيط|داخل|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)\s+(?:مدينه\s+)?"
    r"|(?<!\w)[وف]?(?:في|فى|الى|إلى|الي|يزور|سيزور|تزور|ستزور|زار|زارت|زياره|يصل|وصل|وصلت"
    r"|هامش|اطراف|أطراف|استضافت|احتضنت|تستضيف|تحتضن|ستستضيف|ستحتضن|يستضيف|استضاف)[،,]?\s+"
    r"(?:(?:العاصمه|مدينه|منتجع|موتمر|قمه|بلده|قريه|ناحيه|منطقه|مخيم|قضاء|حي|ضاحيه)\s+(?:\w+\s+)?)?)$"
)
#: Arabic puts the visitor between the verb of visiting and the place: "يزور بيدرسن موسكو", "زار الرئيس التركي
#: أنقرة" (up to three words, none a preposition: "وصل وفد من أنقرة" is where it came from).
_VISITOR_BETWEEN = re.compile(
    r"(?<!\w)[وف]?(?:يزور|سيزور|تزور|ستزور|زار|زارت)\s+(?:(?!(?:من|عن|علي|الي|في|مع)\s)\S+\s+){1,3}$"
)
#: A place that hosts: "Moscow hosted", "موسكو قد احتضنت", "تستضيف أنقرة" (the last is before the name).
_HOSTS_AFTER = re.compile(
    r"^\s+(?:(?:has|had|will|is|was)\s+)?(?:hosted|hosts|host|hosting)\b"
    r"|^[،,]?\s+(?:قد\s+)?(?:استضافت|احتضنت|تستضيف|تحتضن|ستستضيف|ستحتضن|يستضيف|استضاف)(?!\w)"
)


#: A place named with the meeting it hosted: "لقاء طهران", "قمة سوتشي", "the Sochi summit", "the Astana talks".
_MEETING_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?:ال)?(?:لقاء|قمه|محادثات|مباحثات|مفاوضات|اجتماع|اجتماعات|موتمر|مسار|جوله|جولات)\s+$"
)
_MEETING_AFTER = re.compile(r"\s+(?:summit|talks|meeting|meetings|conference|process|format|round)\b")


def names_meeting(folded: str, pm: PlaceMention) -> bool:
    """Is ``pm`` the place of a meeting named after it ("لقاء طهران", "قمة سوتشي", "the Sochi summit",
    "the Astana talks")? Such a capital is a venue, not a government standing for its state."""
    return bool(
        _MEETING_BEFORE.search(folded, max(0, pm.start - 20), pm.start)
        or _MEETING_AFTER.match(folded[pm.end : pm.end + 20])
    )


#: A place a deal is named after: "اتفاق سوتشي", "مذكرة سوتشي", "the Sochi agreement", "the Moscow protocol";
#: not "اتفاق أنقرة وموسكو" (two capitals: the governments that made it).
_DEAL_BEFORE = re.compile(r"(?<!\w)[وفب]?(?:ال|لل)?(?:اتفاق|اتفاقيه|مذكره|تفاهمات|بروتوكول|اعلان)\s+$")
_DEAL_AFTER = re.compile(r"\s+(?:agreement|deal|memorandum|accord|accords|protocol|declaration)\b")
_PAIRED = re.compile(r"\s+(?:و|and\s)")


def names_deal_venue(folded: str, pm: PlaceMention) -> bool:
    """Is ``pm`` where a deal or truce was made: after a locative ("agreed in Moscow", "اتفقا في موسكو"),
    named with the meeting ("قمة سوتشي", "the Astana talks") or with the deal itself ("اتفاق سوتشي", "the
    Sochi agreement"), and not one of two capitals standing for the parties ("اتفاق أنقرة وموسكو")?"""
    if is_locative(folded, pm) or names_meeting(folded, pm):
        return True
    if _PAIRED.match(folded[pm.end : pm.end + 6]):
        return False
    return bool(
        _DEAL_BEFORE.search(folded, max(0, pm.start - 20), pm.start)
        or _DEAL_AFTER.match(folded[pm.end : pm.end + 20])
    )


#: A place after the talks held there: "the Astana talks in Nur-Sultan", "جولة محادثات أستانا في نور سلطان".
_TALKS_IN = re.compile(
    r"(?:\b(?:talks|summit|meeting|conference)\s+(?:in|at)"
    r"|(?<!\w)[وف]?(?:ال)?(?:محادثات|مباحثات|مفاوضات|قمه|اجتماع)(?:\s+\w+)?\s+(?:في|ب))\s*$"
)


def names_talks_or_deal(folded: str, pm: PlaceMention) -> bool:
    """Is ``pm`` named as the place of talks or of a deal ("the Astana talks", "talks in Nur-Sultan", "قمة
    سوتشي", "اتفاق سوتشي", "the Sochi agreement"), not as a place where something else happens?"""
    return bool(
        names_meeting(folded, pm)
        or _TALKS_IN.search(folded, max(0, pm.start - 60), pm.start)
        or (
            not _PAIRED.match(folded[pm.end : pm.end + 6])
            and (
                _DEAL_BEFORE.search(folded, max(0, pm.start - 20), pm.start)
                or _DEAL_AFTER.match(folded[pm.end : pm.end + 20])
            )
        )
    )


def is_locative(folded: str, pm: PlaceMention) -> bool:
    """Does a locative show ``pm`` as the place where something is: "in Moscow", "in the Russian Black
    Sea resort of Sochi", "on the sidelines of the Munich conference", "in central Ankara", "downtown Damascus",
    "في أنقرة", "بموسكو", "في بلدة سعسع", "على هامش", "وسط أنقرة", "شمال دمشق",
    a place visited ("يزور بيدرسن موسكو"), or a place that hosts ("Moscow hosted", "موسكو احتضنت")?"""
    if _LOCATIVE_BEFORE.search(folded[max(0, pm.start - 50) : pm.start]):
        return True
    if _VISITOR_BETWEEN.search(folded, max(0, pm.start - 50), pm.start):
        return True
    if _HOSTS_AFTER.match(folded[pm.end : pm.end + 30]):
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
    home: str = "",
    sides: Sequence[PlaceMention] = (),
) -> tuple[list[Place], list[Place]]:
    """(venue, about) of talks whose clause is folded[start:end].

    The venue is a place after a locative ("in Moscow", "في أنقرة", "بموسكو") or joined to the trigger
    ("محادثات أستانا", "the Sochi summit"); a place inside the topic of the talks ("discussed the
    situation in Idlib", "بحث التصعيد في إدلب") is what the talks are *about*, unless it follows a
    locative and lies in another country than the topic ("on the situation in Idlib in Moscow"), or, when
    the topic names no place, a town after a locative outside ``home`` (the country the article is about:
    "consultations on the offensive in New York" in an article about Syria).
    Places that are neither go to ``about`` as well: the map puts talks at their venue only. ``sides`` are
    country names the caller left out of ``mentions`` as the talks' sides ("Russian-Turkish talks on Syria in
    Moscow"): they are no venue, but when the topic names one ("on Syria") a town of another country after a
    locative is the venue.
    """
    venue: list[Place] = []
    about: list[Place] = []
    topic_country = ""
    t_start, t_end = trigger
    # the countries of the places named in the topic that no locative marks ("التطورات في إدلب" after "بحث
    # وفدان، الاثنين، في موسكو،"): a located place of another country is where the talks were held
    unlocated = {
        e.country
        for pm in [*mentions, *sides]
        if start <= pm.start < end
        and any(a <= pm.start < b for a, b in topic_spans)
        and not is_locative(folded, pm)
        for e in pm.entries
    }
    for pm in mentions:
        if not start <= pm.start < end:
            continue
        in_topic = any(a <= pm.start < b for a, b in topic_spans)
        joined = 0 <= pm.start - t_end <= 2 or 0 <= t_start - pm.end <= 2
        countries = {e.country for e in pm.entries}
        located = is_locative(folded, pm)
        is_venue = (not in_topic and (located or joined or names_meeting(folded, pm))) or (
            in_topic
            and located
            and (
                (topic_country and topic_country not in countries)
                or (
                    unlocated
                    and not countries & unlocated
                    and all(e.precision == "point" for e in pm.entries)
                )
                or (
                    not topic_country
                    and home
                    and home not in countries
                    and all(e.precision == "point" for e in pm.entries)
                )
            )
        )
        if in_topic and not is_venue and not topic_country:
            topic_country = next(iter(countries), "")
        for entry in pm.entries:
            p = entry.to_place()
            target = venue if is_venue else about
            if p not in target:
                target.append(p)
    return venue, [p for p in about if p not in venue]


# --- places that only locate something else: a distance's starting point, where people are taken ------

#: A place a distance is measured from: "some 30 km north-west of Hama city", "about 30 km (20 miles) south of
#: Idlib", "على بعد 30 كم من مدينة حماة", "30 كم شمال مدينة حماة". (An Arabic direction written with the
#: place, "30 كم جنوبي إدلب", is a countryside region the gazetteer finds as one name: it stays.)
_MEASURED_FROM = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?)\b(?:\s*\([^)]{0,24}\))?\s+(?:to\s+the\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$"
    r"|(?<!\w)\d+(?:[.,]\d+)?\s*(?:كم|كيلومترا|كيلومترات|كيلو\s+مترا?)\s+"
    r"(?:(?:الي\s+)?(?:ال)?(?:جنوب|شمال|شرق|غرب)\w*(?:\s+(?:ال)?(?:شرق|غرب)\w*)?\s+)?(?:من\s+)?(?:مدينه\s+)?$"
)


def measured_from(folded: str, pm: PlaceMention) -> bool:
    """Is ``pm`` only the point a distance is measured from ("the village, which lies some 30 km north-west of
    Hama city", "على بعد 30 كم من مدينة حماة"), not where the event happened?"""
    return bool(_MEASURED_FROM.search(folded, max(0, pm.start - 60), pm.start))


#: Where displaced people or evacuees are taken or headed, or where a force falls back to: "fighters and their
#: families were bused to Idlib", "خروج آخر دفعة من المسلحين وعائلاتهم باتجاه الشمال السوري", "نقل المهجرين إلى
#: إدلب", "اتفاق يقضي بخروج المسلحين إلى جرابلس", "the last troops withdrew towards the airport", "بانسحاب عناصر
#: النظام باتجاه المطار": a word of leaving, evacuating or withdrawing, up to eight words, then to/towards. A
#: military convoy or an advance "towards" a town is no such.
_TAKEN_TO = re.compile(
    r"(?:\b(?:evacuat\w*|displaced|fled|flee\w*|bus(?:s)?ed|buses|transferred|relocated|deported|departed|"
    r"departure|exodus|refugees|leave|left|withdr[ae]w\w*|retreat\w*|pulled\s+back|fell\s+back)"
    r"(?:\W+[\w'-]+){0,8}?\W+(?:to|towards|toward|into|for)\s+(?:the\s+)?(?:(?:rebel|opposition)-held\s+)?"
    r"|(?<!\w)[وفلب]?(?:ال)?(?:اجلاء|خروج|اخراج|تهجير|المهجرين|مهجرين|نزوح|النازحين|نازحين|نزحوا|فروا|مغادره|"
    r"حافلات|ترحيل|نقل|نقلوا|غادروا|غادر|انسحاب|انسحب|انسحبت|انسحبوا|تراجع|تراجعت|تراجعوا)"
    r"(?:\s+\S+){0,8}?\s+[وف]?(?:باتجاه|نحو|صوب|الي|ب?اتجاه)\s+(?:(?:مناطق|منطقه|محافظه)\s+)?)$"
)


def taken_to(folded: str, pm: PlaceMention) -> bool:
    """Is ``pm`` where displaced people or evacuees are taken ("bused to Idlib", "باتجاه الشمال السوري"), not
    where the deal or the attack was? The coordinated place after it ("to Idlib and Jarablus") goes with it."""
    return bool(_TAKEN_TO.search(folded, max(0, pm.start - 120), pm.start))


#: Where fire came from: "shells fired from Kafr Hamra", "rockets launched from Idlib", "قذائف أطلقت من بلدة كفر
#: حمرة", "صواريخ مصدرها الأراضي السورية" (the country's adjective after its article, "ال|سورية"): the origin of an
#: attack, not the place it hit.
_FIRED_FROM = re.compile(
    r"\b(?:fired|launched|shot)\s+from\s+(?:the\s+)?(?:(?:town|village|city|area|direction|positions?)\s+(?:of\s+|in\s+)?)?$"
    r"|(?<!\w)(?:اطلقت|اطلق|اطلقها|اطلقوا|انطلقت|انطلق)\s+من\s+(?:(?:ال)?(?:بلده|مدينه|قريه|مناطق|منطقه|مواقع|اتجاه|اراضي)\s+)?(?:ال)?$"
    r"|(?<!\w)(?:مصدرها|مصدره)\s+(?:(?:من\s+)?(?:ال)?اراضي\s+)?(?:ال)?$"
)


def fired_from(folded: str, pm: PlaceMention) -> bool:
    """Is ``pm`` only where the fire came from ("shells fired from Kafr Hamra", "أطلقت من بلدة كفر حمرة")?"""
    return bool(_FIRED_FROM.search(folded, max(0, pm.start - 50), pm.start))


_AND_NEXT = re.compile(r"\s*(?:,|،)?\s*(?:and\s+|و)$")


def locating_only(folded: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The mentions of a sentence that only locate something else: a distance's starting point
    (:func:`measured_from`), where people are taken (:func:`taken_to`) or where fire came from
    (:func:`fired_from`), with the places coordinated after
    such a one ("bused to Idlib and Jarablus", "باتجاه إدلب وجرابلس"). In text order."""
    out: list[PlaceMention] = []
    for pm in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if (
            measured_from(folded, pm)
            or taken_to(folded, pm)
            or fired_from(folded, pm)
            or (prev is not None and _AND_NEXT.fullmatch(folded, prev.end, pm.start) is not None)
        ):
            out.append(pm)
    return out
