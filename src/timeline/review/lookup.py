"""Choices for the edit form: actors from the actor lexicon, places from the gazetteer by name search or by
a click on the map."""

from __future__ import annotations

import bisect
import unicodedata
from typing import Any

from timeline.actors import ActorLexicon
from timeline.gazetteer import Gazetteer, distance_km, name_key


def actor_choices(lexicon: ActorLexicon) -> dict[str, dict[str, str]]:
    """``"Name (CODE)"`` -> ``{code, name}``, one per distinct code of the lexicon, sorted by label."""
    out: dict[str, dict[str, str]] = {}
    for e in lexicon.entries():
        out.setdefault(f"{e.name} ({e.code})", {"code": e.code, "name": e.name})
    return dict(sorted(out.items()))


def actor_label(actor: dict[str, Any]) -> str:
    return f"{actor.get('name')} ({actor.get('code')})"


def with_actors(
    current: list[dict[str, Any]], labels: list[str], choices: dict[str, dict[str, str]]
) -> list[dict]:
    """The actors a form's labels name: kept ones keep their role, new ones are ``participant``s."""
    by_label = {actor_label(a): a for a in current}
    return [
        dict(by_label.get(lb) or {**choices[lb], "role": "participant"})
        for lb in labels
        if lb in by_label or lb in choices
    ]


def place_record(e: Any) -> dict[str, Any]:
    """A gazetteer entry as a place of the schema (``name, name_ar, lat, lon, country, admin1, precision``)."""
    return {"name": e.name, "name_ar": e.name_ar, "lat": float(e.lat), "lon": float(e.lon), "country": e.country,
            "admin1": e.admin1, "precision": e.precision}  # fmt: skip


def place_label(p: dict[str, Any]) -> str:
    where = ", ".join(x for x in (p.get("admin1"), p.get("country")) if x)
    return f"{p.get('name')} ({where})" if where else str(p.get("name"))


def _latin_plain(text: str) -> str:
    """Latin letters without accents (Sarāqib -> Saraqib); other scripts untouched."""
    out = []
    for ch in text:
        if "\u00c0" <= ch <= "\u024f":
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(ch)
    return "".join(out)


def search_places(gazetteer: Gazetteer, query: str, limit: int = 12) -> list[dict[str, Any]]:
    """Places whose name (any spelling, Arabic or Latin; folded as the extractor folds) starts with
    ``query``: exact matches first, then places whose shown name starts so, then those matched by another
    spelling, each in the gazetteer's own ranking; at most ``limit``, each place once."""
    key = name_key(_latin_plain(query))
    if not key:
        return []
    names = gazetteer.names()
    i = bisect.bisect_left(names, key)
    seen: dict[tuple, dict[str, Any]] = {}
    keys = [key] if key in set(names[i : i + 1]) else []
    while i < len(names) and names[i].startswith(key) and len(keys) < 200:
        if names[i] != key:
            keys.append(names[i])
        i += 1
    for k in keys:
        for e in gazetteer.lookup(k):
            seen.setdefault((e.name, round(e.lat, 3), round(e.lon, 3)), place_record(e))
        if len(seen) >= 3 * limit:
            break
    found = sorted(seen.values(), key=lambda p: not name_key(p["name"]).startswith(key))  # stable: rank kept
    return found[:limit]


def place_near(
    gazetteer: Gazetteer, name: str, lat: float, lon: float, max_km: float = 30.0
) -> dict[str, Any] | None:
    """The gazetteer's place called ``name`` (any spelling) nearest to a point clicked on the map
    (``lat``/``lon`` in degrees), as :func:`place_record`; None when no place of that name lies within
    ``max_km`` km (e.g. a place a geocoder found, which the gazetteer lacks)."""
    key = name_key(_latin_plain(name))
    found = [
        p
        for p in search_places(gazetteer, name, limit=50)
        if key in {name_key(p["name"]), name_key(p["name_ar"] or "")}
    ]
    found = found or search_places(gazetteer, name, limit=50)
    near = [(distance_km((p["lat"], p["lon"]), (lat, lon)), k, p) for k, p in enumerate(found)]
    near = [x for x in near if x[0] <= max_km]
    return min(near)[2] if near else None
