"""Merge reports of the same event from different articles into one event that keeps every source.

Two events are *compatible* (may be the same event) when all of these hold:

=============  ===========================================================================================
criterion      rule
=============  ===========================================================================================
articles       different articles (merging inside an article is the extractor's job), and a merged event
               never holds two events of one article: two strikes one article tells apart stay apart,
               and a third report cannot chain them together
type           same type; a ceasefire ``violation`` only merges with violations; subtypes of different
               kinds (:data:`SUBTYPE_KIND`) are two happenings: a capture is no strike and no siege, a
               retreat (a ground move) no shelling, a truce no attack, a phone call no meeting
dates          date windows overlap. Window: date_start..date_end, else the precision's span (a week, the
               month). A date the text states (``explicit``, ``relative``) is kept as it is: a day of its
               own meets only that day, or a vaguer date that holds it (never the 30 January of another
               story for a capture told on 28 January); only a day or week taken from the publication is
               widened by ``tolerance_days`` (1) on each side (a story published the day after).
               Windows are compared only within one span class: short (<= 7 days), month (<= 31 days);
               longer ones (year precision, long campaigns) are never merged
places         when both name a town (a point): some pair of their towns within 10 km (gazetteers disagree
               by a few km on a town); a governorate or a region both fall in is no evidence. Otherwise,
               when both have places: some pair within the larger of the two radii (region 50 km, admin1
               100 km; great-circle distance, geopy's Earth radius), and a report whose only places are
               wide (a region, a governorate, a country) merges only when everything else agrees: the same
               subtype and status, the same attackers' camps (unless one report names no actor at all).
               Country-level places do not locate, nor places outside the country most
               of the event's places are in (datelines: "BEIRUT (Reuters)")
actors         when both have actors: their country codes (first three letters, SYRMIL -> SYR) overlap;
               for ultimatums and ceasefires one set holds the other; talks need the same parties (or one
               party named that the other's talks hold): Turkey-Russia talks and Turkey-US or
               Turkey-Russia-Iran talks the same day are two events. Opposite sides are two happenings:
               initiators of different camps (:func:`timeline.mentions.camp`: government forces and
               rebels are two camps) never merge (a capture and the recapture, a threat and the
               counter-threat), nor a report whose initiator is the other's target (a strike and the
               strike back); a target is no initiator
figures        when both give a death toll, the larger is at most twice the smaller plus 5 (58 and 86 agree;
               5 and 40 are two strikes)
evidence       at least one positive link: a shared place (within the radius) or a shared actor country.
               Two vague reports (below) link only through a place: "SYR" in two reports without a
               place is no evidence
vague reports  a report without actors, without a place, or with places far apart (Idlib province and
               Damascus; talks etc. with two parties need no place) joins a group only when every fully
               described report it is compatible with is in that group: "an air strike killed 80" next
               to strikes on two towns that day could be either, so it stays alone
=============  ===========================================================================================

Grouping is greedy and complete-linkage. Compatible pairs of fully described reports come first,
closest first (date gap, then distance, then event ids), then pairs with a vague report. Two groups
join only when their articles are disjoint and no cross pair contradicts (every cross pair is a
candidate with places near or missing and actors shared or missing). So same-day strikes on Khan
Shaykhun, Saraqib (48 km) and Hama (37 km) stay three events, while five outlets' reports of one attack
become one. Candidate pairs come from a sort-and-sweep over date windows per (type, span class), so the
work grows with the number of same-type events that overlap in time, not with n^2. The input is first
sorted by event_id, so the result does not depend on the input order.

The merged row is its *representative* member (a report a person confirmed or corrected first, then a date
the text states over one taken from the publication, then the most precise date, then the best date source:
explicit, relative, publication; then the earliest date, never a later story's day; then the date most
members give; then the highest confidence, then the smallest event_id) with: actors and places united;
killed/injured/displaced and confidence the largest reported; the status of a report that the happening
took place (``occurred``/``failed``, published on or after its day) over reports published before it or
saying it will happen (:func:`merged_status`), unless a person reviewed the representative; ``sources``
and ``evidences`` of all members (ordered by publication date; a talks report's sentence that is an attack
the same article tells as an event is left out: :func:`talks_without_attacks`); the members' ``merged_ids``;
``n_sources`` the number of articles; ``merge_why`` a sentence that says why.

With reviews (the dashboard), the log is applied to each report first and the reviewed reports are merged
as the extraction's merge grouped them (:func:`merge_reviewed`): a review of any report survives the merge
and a rejected report stays apart, so it never comes back inside another event.
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from geopy.distance import EARTH_RADIUS, great_circle

from timeline.mentions import camp

#: how far apart two places may be and still be the same site: gazetteers disagree by a few km on a
#: town; "the southern Idlib countryside" or a governorate covers more. (25 km for points merged
#: neighbouring villages: on synthetic data pair precision 0.57 at 25 km, 0.70 at 10 km, recall up too.)
RADIUS_KM = {"point": 10.0, "region": 50.0, "admin1": 100.0}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
DATE_SOURCE_RANK = {"explicit": 0, "relative": 1, "publication": 2}
#: kinds of happening a subtype names; two reports of kinds that differ are two happenings (a capture is no
#: strike and no siege, a retreat no shelling, a truce no attack, a phone call no meeting). Subtypes not
#: listed (``escalation``, ``negotiation``, the ultimatums) say too little to tell and agree with any.
SUBTYPE_KIND = {
    "ground_offensive": "ground",
    "capture": "capture",
    "clash": "ground",
    "shelling": "fire",
    "airstrike": "fire",
    "bombing": "fire",
    "ceasefire": "truce",
    "agreement": "truce",
    "violation": "violation",
    "meeting": "meeting",
    "call": "call",
}
MERGED_COLUMNS = ("sources", "n_sources", "merged_ids", "evidences", "merge_why")
HAPPENED = ("occurred", "failed")  # statuses that say a happening took place (or was tried and failed)
REVIEWED = ("confirmed", "corrected")  # review states of a person's decision that keeps the event
_SHORT, _MONTH = 7, 31


@dataclass(frozen=True)
class MergeReport:
    events_in: int
    events_out: int
    merged: int  # events absorbed into another (events_in - events_out)
    groups: int  # merged events made of two or more reports
    largest: int  # most reports in one merged event
    candidate_pairs: int  # pairs compared after blocking

    def __str__(self) -> str:
        """The dashboard's sentence, with the same numbers: "4 reports merged into 2 events (62 reports -> 60
        events; largest: 2 reports; 9 pairs compared)" (it read "2 duplicate reports merged into 2 events")."""
        return (
            f"{self.merged + self.groups} reports merged into {self.groups} events ({self.events_in} reports -> "
            f"{self.events_out} events; largest: {self.largest} reports; {self.candidate_pairs} pairs compared)"
        )


def _days(values: pd.Series) -> np.ndarray:
    d = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
    out = (d.to_numpy("datetime64[D]") - np.datetime64("1970-01-01", "D")).astype(np.int64)
    return np.where(d.isna().to_numpy(), np.iinfo(np.int64).min, out)


def _windows(df: pd.DataFrame, tolerance_days: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(first day, last day, span class) per event; class -1 = never merged. Only day and week windows
    dated by the publication are widened by ``tolerance_days``."""
    start = _days(df["date_start"])
    end = _days(df["date_end"])
    prec = df["date_precision"].astype(str).to_numpy()
    stated = df["date_source"].astype(str).to_numpy() != "publication"
    starts = pd.to_datetime(df["date_start"], format="%Y-%m-%d", errors="coerce")
    month_len = starts.dt.days_in_month.fillna(31).to_numpy(np.int64)
    natural = np.select([prec == "week", prec == "month", prec == "year"], [6, month_len - 1, 364], 0)
    last = np.where(end != np.iinfo(np.int64).min, np.maximum(end, start), start + natural)
    span = last - start + 1
    cls = np.select([span <= _SHORT, span <= _MONTH], [0, 1], -1)
    cls = np.where((prec == "year") | (start == np.iinfo(np.int64).min), -1, cls)
    # a date the text states is kept as it is: a day of its own meets only that day (or a vaguer date that
    # holds it); only a date taken from the publication (the story may be a day late) is widened
    tol = np.where(np.isin(prec, ["day", "week"]) & ~stated, tolerance_days, 0)
    return start - tol, last + tol, cls


def _candidate_pairs(block: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All (i, j) in the same block whose [lo, hi] windows overlap; sort-and-sweep, no n^2."""
    idx = np.flatnonzero(block >= 0)
    if len(idx) < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    base = int(lo[idx].min())
    width = int(hi[idx].max()) - base + 2
    key_lo = block[idx] * width + (lo[idx] - base)
    key_hi = block[idx] * width + (hi[idx] - base)
    order = np.lexsort((idx, key_lo))
    s_lo, s_hi, s_idx = key_lo[order], key_hi[order], idx[order]
    stop = np.searchsorted(s_lo, s_hi, side="right")  # partners of k: k+1 .. stop-1 (their lo <= my hi)
    n_part = np.maximum(stop - np.arange(len(s_lo)) - 1, 0)
    total = int(n_part.sum())
    first = np.repeat(np.arange(len(s_lo)), n_part)
    offset = np.arange(total) - np.repeat(np.cumsum(n_part) - n_part, n_part)
    a, b = s_idx[first], s_idx[first + 1 + offset]
    return np.minimum(a, b), np.maximum(a, b)


def _places_table(df: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The places that locate each event, one row per (event, place), and which events are multi-site.

    Country-level and ungeocoded places say nothing about where. Places in another country than most of
    the event's places are dropped too: they are datelines and capitals that comment ("BEIRUT (Reuters)",
    "condemned in London"). An event whose remaining places lie further apart than its largest radius
    (Idlib province and Damascus) is *multi-site*: it is treated as a vague report.
    """
    rows, lat, lon, rad, names = [], [], [], [], []
    multi = np.zeros(len(df), dtype=bool)
    for i, places in enumerate(df["places"].tolist()):
        located = [
            p
            for p in (places if places is not None else ())
            if RADIUS_KM.get(str(p.get("precision") or "point")) is not None
            and p.get("lat") is not None
            and p.get("lon") is not None
        ]
        if not located:
            continue
        countries = Counter(str(p.get("country") or "") for p in located)
        home = countries.most_common(1)[0][0]  # ties: the first named
        located = [p for p in located if str(p.get("country") or "") == home]
        radius = [RADIUS_KM[str(p.get("precision") or "point")] for p in located]
        if len(located) > 1:
            pts = [(float(p["lat"]), float(p["lon"])) for p in located]
            spread = max(great_circle(x, y).km for k, x in enumerate(pts) for y in pts[k + 1 :])
            multi[i] = spread > max(radius)
        for p, r in zip(located, radius, strict=True):
            rows.append(i)
            lat.append(float(p["lat"]))
            lon.append(float(p["lon"]))
            rad.append(r)
            names.append(p.get("name") or "")
    table = pd.DataFrame(
        {
            "row": np.asarray(rows, dtype=np.int64),
            "lat": np.asarray(lat, dtype=float),
            "lon": np.asarray(lon, dtype=float),
            "radius": np.asarray(rad, dtype=float),
            "name": pd.Series(names, dtype=object),
        }
    )
    return table, multi


def _near(pl: pd.DataFrame, a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per pair: some places within radius, and the smallest distance (inf when not both have places)."""
    best = np.full(len(a), np.inf)
    near = np.zeros(len(a), dtype=bool)
    if len(a) == 0 or pl.empty:
        return near, best
    has = np.zeros(n, dtype=bool)
    has[pl["row"].to_numpy()] = True
    both = np.flatnonzero(has[a] & has[b])
    pairs = pd.DataFrame({"pair": both, "row": a[both]}).merge(pl, on="row")
    pairs = pairs.merge(pl, left_on=b[pairs["pair"].to_numpy()], right_on="row", suffixes=("", "_b"))
    lat1, lon1 = np.radians(pairs["lat"].to_numpy()), np.radians(pairs["lon"].to_numpy())
    lat2, lon2 = np.radians(pairs["lat_b"].to_numpy()), np.radians(pairs["lon_b"].to_numpy())
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    dist = 2 * EARTH_RADIUS * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    ok = dist <= np.maximum(pairs["radius"].to_numpy(), pairs["radius_b"].to_numpy())
    pid = pairs["pair"].to_numpy()
    np.minimum.at(best, pid, dist)
    near[pid[ok]] = True
    return near, best


def _country_masks(df: pd.DataFrame) -> np.ndarray:
    """Actor country codes per event as a bit set (Python ints in an object array: any number of codes)."""
    bits: dict[str, int] = {}
    out = np.zeros(len(df), dtype=object)
    for i, actors in enumerate(df["actors"].tolist()):
        m = 0
        for a in actors if actors is not None else ():
            c = str(a.get("code") or "")[:3]
            if c:
                m |= 1 << bits.setdefault(c, len(bits))
        out[i] = m
    return out


def _camp_masks(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Per event, the camps (:func:`timeline.mentions.camp`: a country, or for Syrians government forces,
    rebels, Kurdish-led forces) of its initiators and of its targets, as bit sets like :func:`_country_masks`."""
    bits: dict[str, int] = {}
    init = np.zeros(len(df), dtype=object)
    hit = np.zeros(len(df), dtype=object)
    for i, actors in enumerate(df["actors"].tolist()):
        m = {"initiator": 0, "target": 0}
        for a in actors if actors is not None else ():
            role, code = str(a.get("role") or ""), str(a.get("code") or "")
            if role in m and code:
                m[role] |= 1 << bits.setdefault(
                    _struck_camp(code) if role == "target" else camp(code), len(bits)
                )
        init[i], hit[i] = m["initiator"], m["target"]
    return init, hit


def _struck_camp(code: str) -> str:
    """The camp of a target: Syria named whole (``SYR``, the country of the place an attack that names no side
    hit, as the extractor gives it) is the people of the place, not the government's camp that ``camp`` makes
    of it; any other target's camp is :func:`timeline.mentions.camp`'s."""
    return "SYR:people" if code == "SYR" else camp(code)


def _unlocated_towns(df: pd.DataFrame) -> np.ndarray:
    """Reports that name a town or a village the gazetteer could not locate (a point place without lat/lon)."""
    return np.fromiter(
        (any(str(p.get("precision") or "point") == "point" and (p.get("lat") is None or p.get("lon") is None)
             for p in (ps if ps is not None else ()))
         for ps in df["places"].tolist()),
        dtype=bool, count=len(df),
    )  # fmt: skip


def _wide_only(df: pd.DataFrame) -> np.ndarray:
    """Reports whose only places are wide: a region, a governorate or a country, no town or village (one the
    gazetteer could not locate counts as a town: it is no wide place)."""
    towns = np.fromiter(
        (any(str(p.get("precision") or "point") == "point" for p in (ps if ps is not None else ()))
         for ps in df["places"].tolist()),
        dtype=bool, count=len(df),
    )  # fmt: skip
    named = np.fromiter(
        (ps is not None and len(ps) > 0 for ps in df["places"].tolist()), dtype=bool, count=len(df)
    )
    return named & ~towns


def compatible_pairs(df: pd.DataFrame, tolerance_days: int = 1) -> pd.DataFrame:
    """Candidate pairs of rows of ``df`` with the criteria of the module docstring evaluated.

    Columns: a, b (row positions, a < b), gap (days between starts), distance_km, near, shared_actor,
    consistent (nothing contradicts: kinds of happening alike, places near or missing, actors shared or
    missing and no opposite camps, death tolls close or missing), compatible (consistent and linked by a
    place or an actor). Exposed so a reader can see why two reports were (not) merged.
    """
    n = len(df)
    lo, hi, cls = _windows(df, tolerance_days)
    etype = df["type"].astype(str).to_numpy(object)
    subtype = df["subtype"].astype(str).to_numpy(object)
    family = np.where(subtype == "violation", etype + "/violation", etype)
    fam_code = pd.factorize(family, sort=True)[0]
    block = np.where(cls >= 0, fam_code * 2 + cls, -1)
    a, b = _candidate_pairs(block, lo, hi)
    art = pd.factorize(df["article_id"].astype(str), sort=True)[0]
    keep = art[a] != art[b]
    a, b = a[keep], b[keep]
    kind = np.array([SUBTYPE_KIND.get(x, "") for x in subtype], dtype=object)
    kind_ok = (kind[a] == kind[b]) | (kind[a] == "") | (kind[b] == "")
    pl, _ = _places_table(df)
    near, dist = _near(pl, a, b, n)
    towns = pl[pl["radius"] == RADIUS_KM["point"]]
    near_town, _ = _near(towns, a, b, n)
    has_place = np.zeros(n, dtype=bool)
    has_place[pl["row"].to_numpy()] = True
    # a town the gazetteer could not locate is still a town: it meets no other town
    has_town = _unlocated_towns(df)
    has_town[towns["row"].to_numpy()] = True
    wide = _wide_only(df)
    # places agree at town level: two reports that name towns meet only at a town (within the point
    # radius); a governorate or a region shared is no evidence when both say which town
    place_ok = np.where(has_town[a] & has_town[b], near_town, near | ~(has_place[a] & has_place[b]))
    masks = _country_masks(df)
    common = masks[a] & masks[b]
    shared = (common != 0).astype(bool)
    same_sides = ((common == masks[a]) | (common == masks[b])).astype(bool)  # one set holds the other
    # talks: the same parties, or one party named that the other report's talks hold
    one_party = np.array([m != 0 and m & (m - 1) == 0 for m in masks], dtype=bool)
    equal_sides = ((common == masks[a]) & (common == masks[b])).astype(bool)
    talks_sides = equal_sides | (same_sides & (one_party[a] | one_party[b]))
    has_actor = masks != 0
    # offensives: sides overlap (outlets disagree on who struck whom); talks, ultimatums, ceasefires
    # are defined by who takes part: Turkey-Russia talks and Turkey-US talks the same day are two
    offensive = (etype == "offensive")[a]
    sides_ok = np.where(offensive, shared, np.where((etype == "talks")[a], talks_sides, shared & same_sides))
    actor_ok = sides_ok | ~(has_actor[a] & has_actor[b])
    # opposite sides are two happenings: initiators of different camps (a capture and the recapture, a
    # threat and the counter-threat), or one report's initiator the other's target (a strike and the
    # strike back); a target is no initiator
    init, hit = _camp_masks(df)
    both_init = (init[a] & init[b]) != 0
    rival = ((init[a] != 0) & (init[b] != 0) & ~both_init) | (
        (((init[a] & hit[b]) != 0) | ((init[b] & hit[a]) != 0)) & ~both_init
    )
    actor_ok = actor_ok & ~rival.astype(bool)
    killed = pd.to_numeric(df["killed"], errors="coerce").to_numpy(dtype=float)
    lo_k, hi_k = np.fmin(killed[a], killed[b]), np.fmax(killed[a], killed[b])
    figures_ok = ~(hi_k > 2 * lo_k + 5)  # NaN (a figure missing) compares False: no conflict
    # a report placed only in a region, a governorate or a country merges only when everything else
    # agrees: the same subtype and status, and the same attackers (unless a report names no actor at all):
    # a region is no evidence that two stories tell one happening
    status = df["status"].astype(str).to_numpy(object)
    same_attackers = (init[a] == init[b]).astype(bool) | ~(has_actor[a] & has_actor[b])
    alike = (subtype[a] == subtype[b]) & (status[a] == status[b]) & same_attackers
    wide_ok = ~(wide[a] | wide[b]) | alike
    start = _days(df["date_start"])
    consistent = kind_ok & place_ok & actor_ok & figures_ok & wide_ok
    return pd.DataFrame(
        {
            "a": a,
            "b": b,
            "gap": np.abs(start[a] - start[b]),
            "distance_km": dist,
            "near": near,
            "shared_actor": shared,
            "consistent": consistent,
            "compatible": consistent & (near | shared),
        }
    )


def _described(df: pd.DataFrame) -> np.ndarray:
    """Reports that say enough to be matched on their own: an actor and one site (places finer than a
    country, not far apart); for talks, ultimatums and ceasefires also two parties without a place."""
    pl, multi = _places_table(df)
    has_place = np.zeros(len(df), dtype=bool)
    has_place[pl["row"].to_numpy()] = True
    masks = _country_masks(df)
    two_parties = np.array([m & (m - 1) != 0 for m in masks], dtype=bool)
    offensive = df["type"].astype(str).to_numpy(object) == "offensive"
    return (has_place & ~multi & (masks != 0)) | (~offensive & two_parties)


def _group(pairs: pd.DataFrame, articles: np.ndarray, described: np.ndarray, n: int) -> list[list[int]]:
    """Greedy complete-linkage grouping over compatible pairs (deterministic).

    Pairs of two fully described reports (places and actors) go first, closest first; then pairs with a
    vague report, which joins a group only when every fully described report it is compatible with is
    already in that group (otherwise it could belong to either of two events, and stays alone).
    """
    ok = pairs[pairs["compatible"]].copy()
    da, db = described[ok["a"].to_numpy()], described[ok["b"].to_numpy()]
    ok = ok[da | db | ok["near"].to_numpy()]  # two vague reports link only through a place
    ok["vague"] = ~(described[ok["a"].to_numpy()] & described[ok["b"].to_numpy()])
    ok = ok.sort_values(["vague", "gap", "distance_km", "a", "b"], kind="stable")
    cons = pairs[pairs["consistent"]]
    edges = set(zip(cons["a"].tolist(), cons["b"].tolist(), strict=True))
    partners: dict[int, list[int]] = {}
    for i, j in zip(ok["a"].tolist(), ok["b"].tolist(), strict=True):
        if described[j]:
            partners.setdefault(i, []).append(j)
        if described[i]:
            partners.setdefault(j, []).append(i)
    owner = list(range(n))
    members: dict[int, list[int]] = {}

    def unambiguous(x: int, other: int) -> bool:
        return described[x] or all(owner[p] == owner[other] for p in partners.get(x, ()))

    for i, j, vague in zip(ok["a"].tolist(), ok["b"].tolist(), ok["vague"].tolist(), strict=True):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        if vague and not (unambiguous(i, j) and unambiguous(j, i)):
            continue
        mi, mj = members.get(gi, [gi]), members.get(gj, [gj])
        if {articles[x] for x in mi} & {articles[x] for x in mj}:
            continue
        if not all((min(x, y), max(x, y)) in edges for x in mi for y in mj):
            continue
        keep, drop = (gi, gj) if gi < gj else (gj, gi)
        merged = sorted(mi + mj)
        members[keep] = merged
        members.pop(drop, None)
        for x in merged:
            owner[x] = keep
    return [m for m in members.values() if len(m) > 1]


def already_merged(df: pd.DataFrame) -> np.ndarray:
    """Which rows are events a merge already made (or an export declared final): a non-empty ``merged_ids``
    list (JSON, Parquet) or text (CSV: ids joined with ";")."""
    if "merged_ids" not in df.columns:
        return np.zeros(len(df), dtype=bool)

    def given(v: Any) -> bool:
        if isinstance(v, str):
            return bool(v.strip())
        return v is not None and not _isna(v) and len(v) > 0

    return np.fromiter((given(v) for v in df["merged_ids"]), dtype=bool, count=len(df))


def as_final(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the merge columns (:data:`MERGED_COLUMNS`) on every row, each row not yet merged as an event
    of its own (one source, its own id): what an export of a view holds, so that serving the file again
    shows the same events, merged or not (:func:`merge_duplicates` keeps such rows as they are)."""
    out = df.copy()
    fresh = ~already_merged(out)
    if not fresh.any():
        return out
    for col in MERGED_COLUMNS:
        if col not in out.columns:
            out[col] = None
    out["sources"] = out["sources"].astype(object)
    out["merged_ids"] = out["merged_ids"].astype(object)
    out["evidences"] = out["evidences"].astype(object)
    rows = np.flatnonzero(fresh)
    out.loc[fresh, "sources"] = pd.Series([[str(s)] for s in out["source"].iloc[rows]], index=out.index[rows])
    out.loc[fresh, "merged_ids"] = pd.Series(
        [[str(e)] for e in out["event_id"].iloc[rows]], index=out.index[rows]
    )
    out.loc[fresh, "evidences"] = pd.Series(
        [[str(e)] for e in out["evidence"].iloc[rows]], index=out.index[rows]
    )
    out.loc[fresh, "n_sources"] = 1
    out.loc[fresh, "merge_why"] = ""
    out["n_sources"] = pd.to_numeric(out["n_sources"], errors="coerce").fillna(1).astype(int)
    return out


def merge_duplicates(df: pd.DataFrame, tolerance_days: int = 1) -> tuple[pd.DataFrame, MergeReport]:
    """One row per distinct event, with ``sources``, ``n_sources``, ``merged_ids``, ``evidences``, ``merge_why``.

    Rows a merge already made (:func:`already_merged`: a merged table, an exported view) are kept as they are
    and only the other rows are merged, so merging is idempotent: a merged table merged again, or an exported
    view served again, keeps its events (re-merging merged rows used to chain groups: 51 -> 48 events)."""
    done = already_merged(df)
    if done.any():
        if (~done).any():
            fresh, report = merge_duplicates(df[~done], tolerance_days)
            groups, largest, pairs = report.groups, report.largest, report.candidate_pairs
        else:
            fresh, groups, largest, pairs = df.iloc[:0], 0, 1, 0
        out = pd.concat([as_final(df[done]), fresh], ignore_index=True)
        out = out.sort_values(
            ["date_start", "event_id"], kind="stable", ignore_index=True, na_position="last"
        )
        merged = len(df) - len(out)
        return out, MergeReport(len(df), len(out), merged, groups, largest, pairs)
    base = df.sort_values("event_id", kind="stable", ignore_index=True)
    n = len(base)
    pairs = compatible_pairs(base, tolerance_days)
    articles = base["article_id"].astype(str).to_numpy(object)
    groups = _group(pairs, articles, _described(base), n)
    in_group = np.zeros(n, dtype=bool)
    rows: list[dict[str, Any]] = []
    flat = [i for g in groups for i in g]
    records = dict(zip(flat, base.iloc[flat].to_dict("records"), strict=True))
    told = talks_without_attacks(base)
    for g in groups:
        in_group[g] = True
        rows.append(_merge_rows([records[i] for i in g], told))
    single = base[~in_group].copy()
    single["sources"] = [[s] for s in single["source"].astype(str)]
    single["n_sources"] = 1
    single["merged_ids"] = [[e] for e in single["event_id"].astype(str)]
    single["evidences"] = [
        [told.get(i, e)]
        for i, e in zip(single["event_id"].astype(str), single["evidence"].astype(str), strict=True)
    ]
    single["merge_why"] = ""
    merged = pd.DataFrame(rows, columns=list(single.columns)) if rows else single.iloc[:0]
    out = pd.concat([single, merged.astype(single.dtypes.to_dict(), errors="ignore")], ignore_index=True)
    out = out.sort_values(["date_start", "event_id"], kind="stable", ignore_index=True, na_position="last")
    out["n_sources"] = out["n_sources"].astype(int)
    report = MergeReport(
        events_in=n,
        events_out=len(out),
        merged=n - len(out),
        groups=len(groups),
        largest=max((len(g) for g in groups), default=1 if n else 0),
        candidate_pairs=len(pairs),
    )
    return out, report


def merge_reviewed(events: pd.DataFrame, merged: pd.DataFrame) -> tuple[pd.DataFrame, MergeReport]:
    """The merged events of a reviewed view: ``events`` is the extraction with the review log applied, one
    row per report (:func:`timeline.review.apply_reviews`: its review columns, events people added appended);
    ``merged`` is :func:`merge_duplicates` of the same extraction (its groups are kept: merging again on every
    review would cost ~27 s at 100k events).

    A group none of whose reports a person touched is ``merged``'s row as it is. A group with a reviewed report
    is built again from its reviewed reports: a rejected report (rejected, or merged into another event by a
    person) leaves the group and stays apart, rejected, so it never comes back inside another event; the others
    are merged with the person's fields (a place a reviewer set and the places another report gave are united),
    a reviewed report as the representative, and the review state of the most decided report
    (:func:`_merged_review`). Events people added stay events of their own.

    Returns the frame (``merged``'s columns plus the review columns of ``events``, sorted by date and id) and a
    :class:`MergeReport` whose counts add up: ``events_in - (merged + groups) + groups == events_out``, where
    ``merged + groups`` reports were merged into ``groups`` events here. Raises ``KeyError`` when ``events`` has
    no ``review`` column."""
    review = events["review"].astype(str).to_numpy(object)
    added = (
        events["review_added"].astype(bool).to_numpy()
        if "review_added" in events.columns
        else np.zeros(len(events), dtype=bool)
    )
    ids = events["event_id"].astype(str).tolist()
    pos = dict(zip(ids, range(len(ids)), strict=True))
    member_lists = merged["merged_ids"].tolist()
    row_of = member_rows(merged)
    touched = {ids[i] for i in np.flatnonzero((review != "unreviewed") & ~added)}
    rebuild = sorted({row_of[m] for m in touched if m in row_of})
    review_cols = [c for c in events.columns if c not in merged.columns]
    cols = list(merged.columns) + review_cols
    keep = np.ones(len(merged), dtype=bool)
    keep[rebuild] = False
    base = _unreviewed(merged, tuple(cols))[keep]
    present = _present(merged, pos)[keep]  # per kept row: its reports among ``events``
    formed = present[present > 1]  # groups merged here (a row merged before, from a file, has none or one)
    groups, in_groups, largest = len(formed), int(formed.sum()), int(formed.max(initial=1))
    rows: list[dict[str, Any]] = []
    eids = merged["event_id"].astype(str).to_numpy(object)
    parts = [[pos[m] for m in _ids(member_lists[k]) if m in pos] or [pos[eids[k]]] for k in rebuild]
    # one take of every report to rebuild, not one per group
    flat = sorted({i for part in parts for i in part})
    records = dict(zip(flat, events.iloc[flat].to_dict("records"), strict=True))
    told = talks_without_attacks(events, flat) if parts else {}
    for part in parts:
        recs = [records[i] for i in part]
        active = [r for r in recs if r["review"] != "rejected"]
        if len(active) > 1:
            rows.append(_merge_rows(active, told))
            groups, in_groups, largest = groups + 1, in_groups + len(active), max(largest, len(active))
        rows.extend(
            _single(r) for r in (recs if len(active) < 2 else [r for r in recs if r["review"] == "rejected"])
        )
    rows.extend(_single(r) for r in events[added].to_dict("records"))
    new = pd.DataFrame(rows, columns=cols)
    for c in _WHOLE:
        if c in cols:  # as the unmerged view has them (whole numbers or missing)
            new[c] = pd.to_numeric(new[c], errors="coerce").astype("Int64")
    new["review_added"] = new["review_added"].astype(bool)
    out = pd.concat([base, new], ignore_index=True) if rows else base.reset_index(drop=True)
    out = out.sort_values(["date_start", "event_id"], kind="stable", ignore_index=True, na_position="last")
    report = MergeReport(len(events), len(out), in_groups - groups, groups, largest, 0)
    return out, report


def _ids(v: Any) -> list[str]:
    """A ``merged_ids`` cell as a list of ids (a list, an array, or CSV text joined with ";")."""
    if isinstance(v, str):
        return [x for x in v.split(";") if x]
    return [] if v is None or _isna(v) else [str(x) for x in v]


_MEMO: dict[str, tuple[Any, Any]] = {}


def _memo(what: str, merged: pd.DataFrame, build: Any) -> Any:
    """``build()`` kept while ``merged`` lives (the app's merged frame is cached and read on every review)."""
    hit = _MEMO.get(what)
    if hit is not None and hit[0]() is merged:
        return hit[1]
    out = build()
    _MEMO[what] = (weakref.ref(merged), out)
    return out


def member_rows(merged: pd.DataFrame) -> dict[str, int]:
    """Each report's row in ``merged`` (a :func:`merge_duplicates` frame), by the ids in ``merged_ids`` and each
    row's own id; kept while ``merged`` lives."""

    def build() -> dict[str, int]:
        out: dict[str, int] = {}
        for k, (own, members) in enumerate(
            zip(merged["event_id"].astype(str), merged["merged_ids"], strict=True)
        ):
            for m in _ids(members):
                out.setdefault(m, k)
            out.setdefault(own, k)
        return out

    return _memo("rows", merged, build)


_WHOLE = ("evidence_start", "evidence_end", "killed", "injured", "displaced", "n_sources")


def _unreviewed(merged: pd.DataFrame, cols: tuple[str, ...]) -> pd.DataFrame:
    """``merged`` with the review columns of events no one reviewed, in the order ``cols``, whole numbers as
    ``Int64`` (as :func:`timeline.review.apply_reviews` gives them): built once per merged frame."""

    def build() -> pd.DataFrame:
        base = merged.assign(review="unreviewed", review_reason="", reviewed_by="", reviewed_at="",
                             review_added=False, merged_into="", extracted_type=merged["type"])  # fmt: skip
        for c in _WHOLE:
            if c in base.columns and base[c].dtype != "Int64":
                base[c] = pd.to_numeric(base[c], errors="coerce").astype("Int64")
        return base[[c for c in cols if c in base.columns]]

    return _memo(f"unreviewed:{cols}", merged, build)


def _present(merged: pd.DataFrame, pos: dict[str, int]) -> np.ndarray:
    """Per row of ``merged``: how many of its ``merged_ids`` are reports in ``pos`` (the same extraction's)."""
    return _memo("present", merged, lambda: np.fromiter(
        (sum(m in pos for m in _ids(v)) for v in merged["merged_ids"]), dtype=np.int64, count=len(merged)))  # fmt: skip


def _single(r: dict[str, Any]) -> dict[str, Any]:
    """A report as an event of its own in a merged frame (one source; a row already merged kept as it is)."""
    if _ids(r.get("merged_ids")):
        return r
    return {**r, "sources": [str(r.get("source") or "")], "n_sources": 1, "merged_ids": [str(r["event_id"])],
            "evidences": [str(r.get("evidence") or "")], "merge_why": ""}  # fmt: skip


def _merge_rows(members: list[dict[str, Any]], told: dict[str, str] | None = None) -> dict[str, Any]:
    """One event of ``members`` (the module docstring says how); ``told``: evidence to show per event id
    instead of its own (:func:`talks_without_attacks`)."""
    told = told or {}
    support = Counter(str(r["date_start"]) for r in members)
    rep = min(
        members,
        key=lambda r: (
            r.get("review") not in REVIEWED,  # a person's decision shows: a reviewed report first
            r["date_source"] == "publication",  # a date the text states over a story's day
            PRECISION_RANK.get(r["date_precision"], 9),
            DATE_SOURCE_RANK.get(r["date_source"], 9),
            str(r["date_start"]),  # never a later report's day (a story published a day after)
            -support[str(r["date_start"])],
            -_num(r["confidence"]),
            r["event_id"],
        ),
    )
    by_pub = sorted(members, key=lambda r: (str(r["published"] or ""), str(r["source"]), r["event_id"]))
    row = dict(rep)
    row["actors"] = _union(members, "actors", ("code", "role"))
    row["places"] = _union(members, "places", ("name",))
    row["about"] = _union(members, "about", ("name",))
    for col in ("killed", "injured", "displaced"):
        vals = [int(r[col]) for r in members if not _isna(r[col])]
        row[col] = max(vals) if vals else None
    row["confidence"] = max(_num(r["confidence"]) for r in members)
    row["sources"] = list(dict.fromkeys(str(r["source"]) for r in by_pub))
    row["n_sources"] = len({r["article_id"] for r in members})
    row["merged_ids"] = sorted(r["event_id"] for r in members)
    row["evidences"] = [told.get(str(r["event_id"]), str(r["evidence"])) for r in by_pub]
    row["merge_why"] = _why(members, rep)
    if rep.get("review") not in REVIEWED:  # a reviewed representative keeps the status a person checked
        row["status"] = merged_status(members, str(rep.get("status") or ""))
    if "review" in rep:
        row.update(_merged_review(members, rep))
    return row


#: how the extractor joins the sentences of one event's evidence (``timeline.extract.article``)
EVIDENCE_JOIN = " … "


def talks_without_attacks(df: pd.DataFrame, rows: list[int] | None = None) -> dict[str, str]:
    """The evidence to show for talks whose evidence holds the sentence of an attack the same article tells
    as an event of its own ("… talks in the Kremlin … Hours before the summit, government forces shelled
    Saraqib"): an offensive's sentence is never evidence of talks. Maps event_id -> the evidence without
    those sentences, for the talks that hold one (their ``evidence`` column, the review anchor, is kept);
    ``rows``: only the talks at these positions of ``df`` (all by default)."""
    etype = df["type"].astype(str)
    talks = df[etype == "talks"] if rows is None else df.iloc[rows][etype.iloc[rows] == "talks"]
    if talks.empty:
        return {}
    attacks = df[(etype == "offensive") & df["article_id"].isin(set(talks["article_id"]))]
    said: dict[str, set[str]] = {}
    for art, ev in zip(attacks["article_id"].astype(str), attacks["evidence"].astype(str), strict=True):
        said.setdefault(art, set()).update(x.strip() for x in ev.split(EVIDENCE_JOIN))
    out: dict[str, str] = {}
    for eid, art, ev in zip(
        talks["event_id"].astype(str),
        talks["article_id"].astype(str),
        talks["evidence"].astype(str),
        strict=True,
    ):
        parts = ev.split(EVIDENCE_JOIN)
        kept = [x for x in parts if x.strip() not in said.get(art, ())]
        if kept and len(kept) < len(parts):
            out[eid] = EVIDENCE_JOIN.join(kept)
    return out


def merged_status(members: list[dict[str, Any]], fallback: str) -> str:
    """The status of one happening its reports disagree on: a report that it happened (``occurred`` or
    ``failed``) published on or after the day it names wins over reports published before it or saying it
    will happen (a summit announced as ``planned`` on 26 Feb and reported as held on 6 March occurred); the
    latest such report when several. ``fallback`` (the representative's status) when no report says so."""
    told = [
        r
        for r in members
        if r.get("status") in HAPPENED
        and str(r.get("published") or "")[:10] >= str(r.get("date_start") or "9999")[:10]
    ]
    if not told:
        return fallback
    return str(max(told, key=lambda r: (str(r.get("published") or ""), str(r["event_id"])))["status"])


def _merged_review(members: list[dict[str, Any]], rep: dict[str, Any]) -> dict[str, Any]:
    """The review columns of a merged event of reviewed reports (:func:`merge_reviewed`): a person's decision
    on any of its reports shows (``corrected`` over ``confirmed`` over ``unreviewed``), by whom and when the
    latest was made; the type the extractor gave is the representative's."""
    states = {str(r.get("review")) for r in members}
    state = next((s for s in ("corrected", "confirmed") if s in states), "unreviewed")
    last = max(members, key=lambda r: (str(r.get("reviewed_at") or ""), str(r["event_id"])))
    return {"review": state, "review_reason": "", "reviewed_by": last.get("reviewed_by") or "",
            "reviewed_at": last.get("reviewed_at") or "", "review_added": False,
            "extracted_type": rep.get("extracted_type") or rep.get("type"), "merged_into": ""}  # fmt: skip


def _why(members: list[dict[str, Any]], rep: dict[str, Any]) -> str:
    starts = sorted(str(r["date_start"]) for r in members)
    parts = [f"{len(members)} reports of one {members[0]['type']}", f"dates {starts[0]}..{starts[-1]}"]
    points = {
        (str(p.get("name")), float(p["lat"]), float(p["lon"]))
        for r in members
        for p in (r["places"] if r["places"] is not None else ())[:1]
        if p.get("lat") is not None and p.get("precision") != "country"
    }
    if points:
        anchor = min(points)
        far = max(great_circle(anchor[1:], q[1:]).km for q in points)
        names = sorted({p[0] for p in points})
        parts.append(
            f"places {', '.join(names)}" + (f" within {far:.0f} km of {anchor[0]}" if far >= 1 else "")
        )
    codes = [{str(a["code"])[:3] for a in (r["actors"] if r["actors"] is not None else ())} for r in members]
    codes = [c for c in codes if c]
    if len(codes) > 1:
        common = set.intersection(*codes) or set.union(*codes)
        parts.append(f"actors {'/'.join(sorted(common))}")
    parts.append(f"date from {_file_name(str(rep['source']))}")
    return "; ".join(parts)


def _file_name(source: str) -> str:
    """A source as ``merge_why`` names it: a URL as it is, a file by its name (and its ``#item``), never the
    folders of the machine that extracted it."""
    if "://" in source:
        return source
    path, hash_, item = source.partition("#")
    return path.replace("\\", "/").rsplit("/", 1)[-1] + hash_ + item


def _union(members: list[dict[str, Any]], col: str, key: tuple[str, ...]) -> list[dict[str, Any]]:
    seen: dict[tuple, dict[str, Any]] = {}
    for r in sorted(members, key=lambda r: r["event_id"]):
        for x in r.get(col) if r.get(col) is not None else ():
            seen.setdefault(tuple(x.get(k) for k in key), dict(x))
    return list(seen.values())


def _isna(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def _num(v: Any) -> float:
    return 0.0 if _isna(v) else float(v)
