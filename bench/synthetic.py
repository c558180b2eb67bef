"""Realistic synthetic event tables for benchmarks (not for tests: tests use hand-built frames).

Events follow the schema in DESIGN.md exactly (``timeline.model.EVENT_COLUMNS``): real Syrian towns with
coordinates and Arabic names (and 600 made-up villages around them, where half the events happen), dates 2011-2020 weighted towards the busy years, the four types with their
subtypes, actors with roles that fit the type (talks: participants; the rest: initiator -> target).
A share of events is re-reported by 1-3 other "outlets" with small date, place and toll jitter (and now
and then another subtype or date precision), so the duplicate merger has real work to do; the
``evidence`` ends with ``(N)``, N the base event, which is the ground truth for scoring a merge. Everything is drawn from one seeded generator: same seed, same table.

    from synthetic import synthetic_events   # run benches from the repo root: python bench/x.py
    df = synthetic_events(1_000_000, seed=0)
"""

from __future__ import annotations

import hashlib
from datetime import date

import numpy as np
import pandas as pd

from timeline.model import EVENT_COLUMNS, INTEROP_CODES, SUBTYPES

# name, name_ar, lat, lon, admin1
PLACES: tuple[tuple[str, str, float, float, str], ...] = (
    ("Aleppo", "حلب", 36.2021, 37.1343, "Aleppo"),
    ("Idlib", "إدلب", 35.9306, 36.6339, "Idlib"),
    ("Saraqib", "سراقب", 35.8647, 36.8003, "Idlib"),
    ("Maarat al-Numan", "معرة النعمان", 35.6439, 36.6717, "Idlib"),
    ("Khan Shaykhun", "خان شيخون", 35.4417, 36.6511, "Idlib"),
    ("Jisr al-Shughur", "جسر الشغور", 35.8125, 36.3175, "Idlib"),
    ("Ariha", "أريحا", 35.8136, 36.6081, "Idlib"),
    ("Kafr Nubl", "كفرنبل", 35.6139, 36.5611, "Idlib"),
    ("Atarib", "الأتارب", 36.1381, 36.83, "Aleppo"),
    ("Afrin", "عفرين", 36.5119, 36.8692, "Aleppo"),
    ("Manbij", "منبج", 36.5281, 37.9549, "Aleppo"),
    ("Al-Bab", "الباب", 36.3705, 37.5157, "Aleppo"),
    ("Hama", "حماة", 35.1318, 36.7578, "Hama"),
    ("Kafr Zita", "كفرزيتا", 35.3739, 36.6031, "Hama"),
    ("Latamneh", "اللطامنة", 35.3217, 36.6236, "Hama"),
    ("Homs", "حمص", 34.7324, 36.7137, "Homs"),
    ("Al-Qusayr", "القصير", 34.5089, 36.58, "Homs"),
    ("Palmyra", "تدمر", 34.5503, 38.2684, "Homs"),
    ("Damascus", "دمشق", 33.5138, 36.2765, "Damascus"),
    ("Douma", "دوما", 33.5711, 36.4031, "Rif Dimashq"),
    ("Harasta", "حرستا", 33.5586, 36.365, "Rif Dimashq"),
    ("Daraya", "داريا", 33.4581, 36.2353, "Rif Dimashq"),
    ("Zabadani", "الزبداني", 33.7247, 36.1003, "Rif Dimashq"),
    ("Daraa", "درعا", 32.6189, 36.1021, "Daraa"),
    ("Nawa", "نوى", 32.8889, 36.0431, "Daraa"),
    ("Quneitra", "القنيطرة", 33.1258, 35.8242, "Quneitra"),
    ("Raqqa", "الرقة", 35.9528, 39.0079, "Raqqa"),
    ("Tabqa", "الطبقة", 35.8356, 38.5481, "Raqqa"),
    ("Deir ez-Zor", "دير الزور", 35.3359, 40.1408, "Deir ez-Zor"),
    ("Al-Bukamal", "البوكمال", 34.4536, 40.9367, "Deir ez-Zor"),
    ("Al-Mayadin", "الميادين", 35.0194, 40.4522, "Deir ez-Zor"),
    ("Hasakah", "الحسكة", 36.5024, 40.7477, "Hasakah"),
    ("Qamishli", "القامشلي", 37.0522, 41.2311, "Hasakah"),
    ("Ras al-Ayn", "رأس العين", 36.8503, 40.0706, "Hasakah"),
    ("Kobani", "عين العرب", 36.8906, 38.3536, "Aleppo"),
    ("Tal Abyad", "تل أبيض", 36.6975, 38.9567, "Raqqa"),
    ("Latakia", "اللاذقية", 35.5317, 35.7917, "Latakia"),
    ("Kabani", "كبانة", 35.7722, 36.2381, "Latakia"),
    ("Tartus", "طرطوس", 34.8886, 35.8869, "Tartus"),
    ("As-Suwayda", "السويداء", 32.7089, 36.5694, "As-Suwayda"),
)
# regions: (name, name_ar, lat, lon, admin1)
REGIONS: tuple[tuple[str, str, float, float, str], ...] = (
    ("southern Idlib countryside", "ريف إدلب الجنوبي", 35.6, 36.65, "Idlib"),
    ("western Aleppo countryside", "ريف حلب الغربي", 36.15, 36.9, "Aleppo"),
    ("northern Hama countryside", "ريف حماة الشمالي", 35.35, 36.65, "Hama"),
    ("Eastern Ghouta", "الغوطة الشرقية", 33.55, 36.4, "Rif Dimashq"),
)
ACTORS: tuple[tuple[str, str], ...] = (
    ("SYRMIL", "Syrian army"),
    ("SYRGOV", "Syrian government"),
    ("SYRREB", "opposition factions"),
    ("SYRKRD", "Syrian Democratic Forces"),
    ("TURGOV", "Turkey"),
    ("TURMIL", "Turkish army"),
    ("RUSGOV", "Russia"),
    ("RUSMIL", "Russian air force"),
    ("IRNGOV", "Iran"),
    ("USAGOV", "United States"),
    ("USAMIL", "US-led coalition"),
    ("ISRMIL", "Israeli air force"),
)
OUTLETS = ("SANA", "SMART", "Reuters", "Al Jazeera", "Enab Baladi", "TRT", "Sputnik", "Etilaf", "AFP")
TYPES = ("talks", "ultimatum", "offensive", "ceasefire")
TYPE_WEIGHTS = (0.12, 0.08, 0.7, 0.1)
PRECISIONS = ("day", "week", "month", "year")
PRECISION_WEIGHTS = (0.8, 0.08, 0.1, 0.02)
STATUS_BY_TYPE = {
    "talks": (("occurred", "planned", "failed", "ongoing"), (0.6, 0.2, 0.1, 0.1)),
    "ultimatum": (("occurred", "planned"), (0.9, 0.1)),
    "offensive": (("occurred", "ongoing", "planned"), (0.8, 0.17, 0.03)),
    "ceasefire": (("occurred", "failed", "planned", "ongoing"), (0.6, 0.2, 0.1, 0.1)),
}
START, END = date(2011, 3, 15), date(2020, 12, 31)
VILLAGES = 600


def synthetic_events(n: int, seed: int = 0, repeat_share: float = 0.3) -> pd.DataFrame:
    """``n`` events in the schema; ``repeat_share`` of the base events are reported again by other outlets.

    Vectorised (1M rows in a few seconds): columns are drawn as arrays; list cells index small pools of
    prebuilt actor and place lists (shared objects: treat the frame as read-only).
    """
    rng = np.random.default_rng(seed)
    # base events, then repeats (1-3 more outlets for repeat_share of them), cut to n
    base_n = max(1, int(n / (1 + repeat_share * 2)) + 1)
    copies = np.where(rng.random(base_n) < repeat_share, rng.integers(2, 5, base_n), 1)
    base = np.repeat(np.arange(base_n), copies)
    outlet = np.arange(len(base)) - np.repeat(np.cumsum(copies) - copies, copies)
    while len(base) < n:  # rare: top up with fresh single reports
        base = np.concatenate([base, np.arange(base_n, base_n + n - len(base) + 1)])
        outlet = np.concatenate([outlet, np.zeros(len(base) - len(outlet), dtype=int)])
        base_n = int(base.max()) + 1
    base, outlet = base[:n], outlet[:n]

    b_day = _draw_days(rng, base_n)
    b_type = rng.choice(len(TYPES), base_n, p=TYPE_WEIGHTS)
    sites = _sites(rng)
    # half the events are in the 44 towns and regions, half in one of the villages around them
    b_place = np.where(
        rng.random(base_n) < 0.5,
        rng.integers(0, len(PLACES) + len(REGIONS), base_n),
        rng.integers(len(PLACES) + len(REGIONS), len(sites), base_n),
    )
    b_actor = rng.integers(0, 10_000, base_n)
    b_prec = rng.choice(4, base_n, p=PRECISION_WEIGHTS)
    b_sub = rng.integers(0, 10_000, base_n)
    b_killed = np.where(rng.random(base_n) < 0.4, rng.integers(0, 80, base_n), -1)
    # other outlets mostly agree with the first: 15% date it otherwise, 20% call it otherwise
    redo_prec = (outlet > 0) & (rng.random(n) < 0.15)
    redo_sub = (outlet > 0) & (rng.random(n) < 0.2)
    day = b_day[base] + np.where(outlet > 0, rng.integers(-1, 2, n), 0)
    etype = np.asarray(TYPES, dtype=object)[b_type[base]]

    start = np.datetime64(START.isoformat()) + day.astype("timedelta64[D]")
    prec_idx = np.where(redo_prec, rng.choice(4, n, p=PRECISION_WEIGHTS), b_prec[base])
    precision = np.asarray(PRECISIONS, dtype=object)[prec_idx]
    start = np.where(precision == "month", start.astype("datetime64[M]").astype("datetime64[D]"), start)
    start = np.where(precision == "year", start.astype("datetime64[Y]").astype("datetime64[D]"), start)
    has_end = rng.random(n) < 0.05
    end = start + rng.integers(2, 60, n).astype("timedelta64[D]")
    start_s = start.astype(str).astype(object)
    end_s = np.where(has_end, end.astype(str).astype(object), None)

    subtype = np.empty(n, dtype=object)
    status = np.empty(n, dtype=object)
    actors = np.empty(n, dtype=object)
    for t in TYPES:
        m = etype == t
        k = int(m.sum())
        subs = SUBTYPES[t]
        pick = np.where(redo_sub[m], rng.integers(0, len(subs), k), b_sub[base[m]] % len(subs))
        subtype[m] = np.asarray(subs, dtype=object)[pick]
        sts, w = STATUS_BY_TYPE[t]
        status[m] = np.asarray(sts, dtype=object)[rng.choice(len(sts), k, p=w)]
        pool = _actor_pool(t)
        pool_arr = np.empty(len(pool), dtype=object)
        for i, x in enumerate(pool):
            pool_arr[i] = x
        actors[m] = pool_arr[b_actor[base[m]] % len(pool)]

    place_pool = [[_place(rng, site) for _ in range(6)] for site in sites]
    variant = rng.integers(0, 6, n)
    second = rng.integers(0, len(PLACES), n)
    r = rng.random(n)
    pi = b_place[base]
    places = [
        []
        if r[i] < 0.1
        else [place_pool[pi[i]][variant[i]], place_pool[second[i]][0]]
        if r[i] > 0.9
        else [place_pool[pi[i]][variant[i]]]
        for i in range(n)
    ]

    outlet_name = np.asarray(OUTLETS, dtype=object)[(base + outlet) % len(OUTLETS)]
    article_id = [_h("a", b, o) for b, o in zip(base.tolist(), outlet.tolist(), strict=True)]
    ev_start = rng.integers(0, 5000, n)
    event_id = [_h(a, s) for a, s in zip(article_id, ev_start.tolist(), strict=True)]
    codes = [INTEROP_CODES.get((t, s)) or INTEROP_CODES[(t, "")] for t, s in zip(etype, subtype, strict=True)]
    published = (start + rng.integers(0, 3, n).astype("timedelta64[D]")).astype(str).astype(
        object
    ) + "T09:00:00"
    # tolls: the same figure give or take a quarter, and half the later reports give none
    toll = np.rint(b_killed[base] * rng.uniform(0.8, 1.25, n)).astype(np.int64)
    told = (b_killed[base] >= 0) & ((outlet == 0) | (rng.random(n) < 0.5))
    killed = pd.array(np.where(told, toll, 0), dtype="Int64")
    killed[~told] = pd.NA
    evidence = (
        outlet_name + " reports a " + subtype + " (" + pd.Series(base).astype(str).to_numpy(object) + ")."
    )
    df = pd.DataFrame(
        {
            "event_id": event_id,
            "article_id": article_id,
            "source": "https://example.org/" + outlet_name + "/" + pd.Series(article_id).to_numpy(object),
            "title": outlet_name + ": " + etype + " report",
            "published": published,
            "language": np.where(rng.random(n) < 0.4, "ar", "en").astype(object),
            "type": etype,
            "subtype": subtype,
            "status": status,
            "date_start": start_s,
            "date_end": end_s,
            "date_precision": precision,
            "date_source": np.asarray(("explicit", "relative", "publication"), dtype=object)[
                rng.integers(0, 3, n)
            ],
            "date_text": start_s,
            "actors": actors,
            "places": places,
            "about": [[] for _ in range(n)],  # the schema's places an event concerns: none here
            "evidence": evidence,
            "evidence_start": pd.array(ev_start, dtype="Int64"),
            "evidence_end": pd.array(ev_start + 60, dtype="Int64"),
            "killed": killed,
            "injured": pd.array([pd.NA] * n, dtype="Int64"),
            "displaced": pd.array([pd.NA] * n, dtype="Int64"),
            "cameo": [c[0] for c in codes],
            "plover": [c[1] for c in codes],
            "confidence": np.round(rng.uniform(0.3, 1.0, n), 3),
        }
    )
    return df[list(EVENT_COLUMNS)]


def _h(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


def _draw_days(rng: np.random.Generator, k: int) -> np.ndarray:
    """Day offsets from START, denser in 2012-2019 (a mixture of the uniform and a busy-years bump)."""
    span = (END - START).days
    uniform = rng.integers(0, span, k)
    busy = np.clip(rng.normal(span * 0.55, span * 0.2, k).astype(int), 0, span - 1)
    return np.where(rng.random(k) < 0.5, uniform, busy)


def _sites(
    rng: np.random.Generator, villages: int = VILLAGES
) -> list[tuple[str, str, float, float, str, str]]:
    """Towns, regions, then villages scattered 5-40 km around the towns (name, name_ar, lat, lon,
    admin1, precision)."""
    out = [(*p, "point") for p in PLACES] + [(*r, "region") for r in REGIONS]
    for k in range(villages):
        name, _, lat, lon, admin1 = PLACES[k % len(PLACES)]
        dist, bearing = rng.uniform(0.05, 0.4), rng.uniform(0, 2 * np.pi)
        v_lat, v_lon = lat + dist * np.cos(bearing), lon + dist * np.sin(bearing) / np.cos(np.radians(lat))
        out.append(
            (f"Village {k} near {name}", f"قرية {k}", round(v_lat, 4), round(v_lon, 4), admin1, "point")
        )
    return out


def _place(rng: np.random.Generator, site: tuple[str, str, float, float, str, str]) -> dict:
    name, name_ar, lat, lon, admin1, precision = site
    jit = rng.normal(0, 0.01, 2)  # gazetteers disagree by a kilometre or so
    return {
        "name": name,
        "name_ar": name_ar,
        "lat": round(lat + float(jit[0]), 5),
        "lon": round(lon + float(jit[1]), 5),
        "country": "SYR",
        "admin1": admin1,
        "precision": precision,
    }


def _actor_pool(etype: str) -> list[list[dict]]:
    """Every actor list that fits the type: talks pair participants; the rest initiator (-> target)."""
    pool: list[list[dict]] = []
    for a, (ca, na) in enumerate(ACTORS):
        for b, (cb, nb) in enumerate(ACTORS):
            if a == b:
                continue
            if etype == "talks":
                pool.append(
                    [
                        {"code": ca, "name": na, "role": "participant"},
                        {"code": cb, "name": nb, "role": "participant"},
                    ]
                )
            else:
                pool.append(
                    [
                        {"code": ca, "name": na, "role": "initiator"},
                        {"code": cb, "name": nb, "role": "target"},
                    ]
                )
                if b == (a + 1) % len(ACTORS):
                    pool.append([{"code": ca, "name": na, "role": "initiator"}])
                    pool.append([])
    return pool
