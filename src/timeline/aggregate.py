"""Aggregations over the event table: counts over time, who-did-what-to-whom, campaigns, rounds of talks.

All functions take an event table *or* a :class:`Prepared` one. Preparing parses dates once, turns the
label columns into categoricals and explodes the ``actors`` and ``places`` lists into long tables (one row
per event x actor / place). That is the expensive step (about 3.5 s for 1M events from lists of dicts,
2 s straight from the store's Arrow table with :func:`prepare_arrow`); the app should prepare once (e.g.
in ``st.cache_resource``) and pass the result to every aggregation, each of which is then vectorised
pandas/NumPy (0.01-0.3 s on 1M events, see bench/aggregate.py).

Counting rules: an event counts once per period and key (an actor named twice in one event counts once);
events are placed in time by ``date_start``.

Who acts: monitors and NGOs (codes ``NGO...``: SOHR, MSF, White Helmets) report, count and rescue; they are
never an initiator or a target here (their role becomes ``participant``) and never one side of a clash.
Two codes of one state on one side (``RUS`` and ``RUSGOV``, ``USAGOV`` and ``USACOA``; sides from
``data/lexicons/actors.csv``) are one party: they never form a pair, so "Russia – Russian government" is
no round of talks. ``SYRGOV`` and ``SYRREB`` share a country but not a side: they are two parties.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from timeline.actors import PSEUDO_COUNTRIES, read_rows
from timeline.aggregate_names import readable_admin1
from timeline.model import ROLES
from timeline.resources import lexicon_path
from timeline.store import ACTOR_TYPE, PLACE_TYPE

_LABELS = ("type", "subtype", "status", "date_precision", "language")
EVENT_KEYS = _LABELS
ACTOR_KEYS = {"actor": "code", "country": "country", "role": "role"}
PLACE_KEYS = {"place": "name", "admin1": "admin1"}
#: offensives that are campaigns by nature (single strikes count only with a date_end or as ongoing)
CAMPAIGN_SUBTYPES = ("ground_offensive", "capture", "escalation")
#: which status describes a round when its reports disagree (later knowledge wins)
ROUND_STATUS_ORDER = ("failed", "occurred", "ongoing", "planned")
#: first three letters of the codes of monitors and NGOs (CAMEO's pseudo-country, see actors.py)
MONITOR_PREFIX = "NGO"
_EPOCH = np.datetime64("1970-01-01", "D")
_NODAY = np.iinfo(np.int32).min
#: The ``day`` of an undated event in :class:`Prepared` events (public name).
NO_DAY = _NODAY


@lru_cache(maxsize=1)
def lexicon_sides() -> Mapping[str, str]:
    """Actor code -> side from the shipped ``data/lexicons/actors.csv`` (read once)."""
    return {row.code: row.side for row in read_rows(lexicon_path("actors.csv"))}


@lru_cache(maxsize=1)
def lexicon_names() -> Mapping[str, str]:
    """Actor code -> its canonical name (the first row of the code in ``data/lexicons/actors.csv``; read once)."""
    out: dict[str, str] = {}
    for row in read_rows(lexicon_path("actors.csv")):
        out.setdefault(row.code, row.name)
    return out


def party_code(code: str, sides: Mapping[str, str] | None = None) -> str:
    """The code that stands for ``code``'s party (:func:`party`): its country code when that is of the same party
    (``RUSGOV``, ``RUSMIL`` -> ``RUS``; ``TURGOV`` -> ``TUR``), else the code itself (``SYRREB``, whose side is not
    the country's; ``IGOUNO``)."""
    code = str(code)
    return code[:3] if len(code) > 3 and party(code[:3], sides) == party(code, sides) else code


def is_monitor(code: str) -> bool:
    """True for monitors and NGOs (``NGOSOH`` SOHR, ``NGOMSF`` MSF, ``NGOWHT`` White Helmets)."""
    return str(code).startswith(MONITOR_PREFIX)


def party(code: str, sides: Mapping[str, str] | None = None) -> str:
    """The party an actor code belongs to: its state and side (``RUS``, ``RUSGOV`` -> "RUS|Russia"), or
    the code itself for actors of no state (``IGOUNO``, ``IMGAQD``, ``NGOSOH``) and unknown codes."""
    code = str(code)
    side = (lexicon_sides() if sides is None else sides).get(code)
    if side is None or len(code) < 3 or code[:3] in PSEUDO_COUNTRIES:
        return code
    return f"{code[:3]}|{side}"


def same_party(a: str, b: str, sides: Mapping[str, str] | None = None) -> bool:
    """True when two codes name one party (see :func:`party`): such a pair is no pair."""
    return party(a, sides) == party(b, sides)


@dataclass(frozen=True)
class Prepared:
    """An event table made ready for fast aggregation (treat as read-only; it is meant to be shared).

    ``events``: one row per event (``row`` = position), ``day``/``end_day`` as int days since 1970-01-01
    (``end_day`` = ``day`` when there is no date_end, ``has_end`` says which), ``pub_day`` the report's
    publication day (``day`` when unknown), label columns categorical.
    ``actors``: row, code, country (first three letters of the code), name, role, and flags marking the
    first row of each (event, code), (event, country) and (event, role): ``first``, ``first_country``,
    ``first_role``. ``places``: row, name, admin1, lat, lon, precision, ``first`` (per name) and
    ``first_admin1``. The flags make "count each event once per key" a boolean mask.
    """

    events: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame

    def __len__(self) -> int:
        return len(self.events)


def prepare(df: pd.DataFrame) -> Prepared:
    """Prepare an event table (lists of dicts in ``actors``/``places``)."""
    actors = _to_arrow_lists(df["actors"], pa.list_(ACTOR_TYPE))
    places = _to_arrow_lists(df["places"], pa.list_(PLACE_TYPE))
    return _prepared(df.drop(columns=["actors", "places"]), actors, places)


def prepare_arrow(table: pa.Table) -> Prepared:
    """Prepare straight from Arrow (e.g. ``EventStore.read_arrow()``): lists are flattened natively."""
    rest = table.drop_columns([c for c in ("actors", "places") if c in table.column_names])
    return _prepared(rest.to_pandas(), table.column("actors"), table.column("places"))


def _to_arrow_lists(col: pd.Series, typ: pa.DataType) -> pa.ChunkedArray:
    if isinstance(col.dtype, pd.ArrowDtype):
        return pa.chunked_array(col.array._pa_array)  # noqa: SLF001 (zero-copy)
    values = [v if isinstance(v, list | np.ndarray | tuple) else None for v in col.tolist()]
    return pa.chunked_array([pa.array(values, type=typ)])


def _explode(lists: pa.ChunkedArray, fields: tuple[str, ...]) -> pd.DataFrame:
    arr = lists.combine_chunks() if lists.num_chunks != 1 else lists.chunk(0)
    rows = pc.list_parent_indices(arr)
    flat = pc.list_flatten(arr)
    out = {"row": np.asarray(rows, dtype=np.int64)}
    for f in fields:
        out[f] = flat.field(f).to_pandas() if len(flat) else pd.Series([], dtype=object)
    return pd.DataFrame(out)


def _days(values: pd.Series) -> np.ndarray:
    """ISO dates (str) -> int days since epoch; missing -> INT_MIN (so they never match a window)."""
    d = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce").to_numpy("datetime64[D]")
    out = (d - _EPOCH).astype(np.int64)
    out[np.isnat(d)] = _NODAY
    return out.astype(np.int32)


def _prepared(df: pd.DataFrame, actors: pa.ChunkedArray, places: pa.ChunkedArray) -> Prepared:
    ev = pd.DataFrame({"row": np.arange(len(df)), "event_id": df["event_id"].to_numpy()})
    for c in _LABELS:
        ev[c] = pd.Categorical(df[c]) if c in df.columns else pd.Categorical([None] * len(df))
    ev["day"] = _days(df["date_start"])
    end = _days(df["date_end"])
    ev["has_end"] = end != _NODAY
    ev["end_day"] = np.where(ev["has_end"], np.maximum(end, ev["day"]), ev["day"]).astype(np.int32)
    pub = _days(df["published"].astype(str).str[:10]) if "published" in df.columns else end
    ev["pub_day"] = np.where(pub != _NODAY, pub, ev["day"]).astype(np.int32)
    for c in ("killed", "confidence", "article_id", "source"):
        if c in df.columns:
            ev[c] = df[c].to_numpy()
    act = _explode(actors, ("code", "name", "role"))
    monitor = act["code"].astype(str).str.startswith(MONITOR_PREFIX).to_numpy()
    act.loc[monitor & act["role"].isin(("initiator", "target")).to_numpy(), "role"] = "participant"
    act = act.drop_duplicates(["row", "code", "role"], ignore_index=True)
    act["first"] = ~act.duplicated(["row", "code"])
    act["first_role"] = ~act.duplicated(["row", "role"])
    act["code"] = pd.Categorical(act["code"])
    act["country"] = pd.Categorical(act["code"].astype(str).str[:3]) if len(act) else pd.Categorical([])
    act["first_country"] = ~act.duplicated(["row", "country"])
    act["role"] = pd.Categorical(act["role"], categories=ROLES)
    pl = _explode(places, ("name", "admin1", "lat", "lon", "precision"))
    pl["admin1"] = readable_admin1(pl["admin1"], pl["lat"], pl["lon"])  # "RU.48" -> "Moscow"
    pl["first"] = ~pl.duplicated(["row", "name"])
    pl["first_admin1"] = ~pl.duplicated(["row", "admin1"])
    for c in ("name", "admin1", "precision"):
        pl[c] = pd.Categorical(pl[c])
    return Prepared(ev, act, pl)


def _prep(data: pd.DataFrame | Prepared) -> Prepared:
    return data if isinstance(data, Prepared) else prepare(data)


# -- counts over time ---------------------------------------------------------------------------------
def period_start(day: np.ndarray, freq: str) -> np.ndarray:
    """Int days -> datetime64[D] of the period's first day: D, W (Monday), M(S/E), Q(S/E), Y(S/E)."""
    f = freq.upper()
    f = f[:-1] if len(f) > 1 and f[-1] in "SE" else f
    d = day.astype("timedelta64[D]") + _EPOCH
    if f == "D":
        return d
    if f.startswith("W"):
        return d - ((day.astype(np.int64) + 3) % 7).astype("timedelta64[D]")  # 1970-01-01 was a Thursday
    if f == "M":
        return d.astype("datetime64[M]").astype("datetime64[D]")
    if f == "Q":
        m = d.astype("datetime64[M]").astype(np.int64)
        return (m - m % 3).astype("datetime64[M]").astype("datetime64[D]")
    if f in ("Y", "A"):
        return d.astype("datetime64[Y]").astype("datetime64[D]")
    raise ValueError(f"unknown freq {freq!r}: use D, W, M, Q or Y")


def _bincount(key: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """(distinct keys, counts), sorted: a dense bincount when the key space is small, else a sort."""
    if size <= 50_000_000:
        c = np.bincount(key, minlength=size)
        nz = np.flatnonzero(c)
        return nz, c[nz]
    return np.unique(key, return_counts=True)


def counts(data: pd.DataFrame | Prepared, freq: str = "W", by: str | None = "type") -> pd.DataFrame:
    """Events per period (and per key): columns ``period`` (Timestamp of the period's start), ``by``, ``count``.

    ``by``: an event column (type, subtype, status, date_precision, language), ``actor`` (code),
    ``country`` (actor's country), ``role``, ``place`` (name), ``admin1``, or None for the total.
    Undated events are left out; events without the key (no actor, no place) too.
    """
    p = _prep(data)
    day = p.events["day"].to_numpy()
    if by is None:
        rows, cat = None, pd.Categorical(["all"])
        codes = np.zeros(len(day), dtype=np.int64)
    elif by in EVENT_KEYS:
        rows, cat = None, p.events[by].array
        codes = cat.codes.astype(np.int64)
    elif by in ACTOR_KEYS or by in PLACE_KEYS:
        table = p.actors if by in ACTOR_KEYS else p.places
        column = ACTOR_KEYS.get(by) or PLACE_KEYS[by]
        flag = {"role": "first_role", "admin1": "first_admin1", "country": "first_country"}.get(by, "first")
        keep = table[flag].to_numpy()
        rows = table["row"].to_numpy()[keep]
        cat = table[column].array
        codes = cat.codes[keep].astype(np.int64)
    else:
        raise ValueError(f"cannot count by {by!r}")
    if rows is not None:
        day = day[rows]
    ok = (day != _NODAY) & (codes >= 0)
    day, codes = day[ok], codes[ok]
    cols = ["period"] + ([by] if by else []) + ["count"]
    if not len(day):
        return pd.DataFrame(columns=cols)
    start = period_start(day, freq).astype(np.int64)
    lo = int(start.min())
    k = max(len(cat.categories), 1)
    keys, n = _bincount((start - lo) * k + codes, (int(start.max()) - lo + 1) * k)
    out = pd.DataFrame({"period": (keys // k + lo).astype("datetime64[D]").astype("datetime64[ns]")})
    if by:
        out[by] = pd.Categorical.from_codes(keys % k, categories=cat.categories)
    out["count"] = n
    return out


# -- actor x actor --------------------------------------------------------------------------------------
def _pair_codes(
    p: Prepared, sides: Mapping[str, str] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(row, source code, target code, directed) as arrays of actor category codes; see actor_pairs."""
    a = p.actors
    cats = a["code"].array.categories.astype(str)
    party_of = pd.factorize(np.asarray([party(c, sides) for c in cats], dtype=object))[0]
    party_of = np.append(party_of, -1)  # a missing code (-1) is a party of its own
    monitor = np.asarray([is_monitor(c) for c in cats], dtype=bool)
    row = a["row"].to_numpy()
    code = a["code"].array.codes.astype(np.int64)
    role = a["role"].array.codes
    types = p.events["type"].array
    talks_code = types.categories.get_loc("talks") if "talks" in types.categories else -2
    talks = types.codes[row] == talks_code
    ini = (role == ROLES.index("initiator")) & ~talks
    tgt = (role == ROLES.index("target")) & ~talks
    d = pd.DataFrame({"row": row[ini], "s": code[ini]}).merge(
        pd.DataFrame({"row": row[tgt], "t": code[tgt]}), on="row", sort=False
    )
    clash = ~talks & (role == ROLES.index("participant")) & ~monitor[np.maximum(code, 0)]
    und_mask = (talks & a["first"].to_numpy()) | clash
    u = pd.DataFrame({"row": row[und_mask], "s": code[und_mask]})
    u = u.merge(u.rename(columns={"s": "t"}), on="row", sort=False)
    u = u[(u["s"] < u["t"]) & (party_of[u["s"].to_numpy()] != party_of[u["t"].to_numpy()])]
    d = d[party_of[d["s"].to_numpy()] != party_of[d["t"].to_numpy()]]
    rows = np.concatenate([d["row"].to_numpy(), u["row"].to_numpy()])
    src = np.concatenate([d["s"].to_numpy(), u["s"].to_numpy()])
    dst = np.concatenate([d["t"].to_numpy(), u["t"].to_numpy()])
    directed = np.concatenate([np.ones(len(d), bool), np.zeros(len(u), bool)])
    return rows, src, dst, directed


def actor_pairs(data: pd.DataFrame | Prepared, sides: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per (event, pair): ``row, type, source, target, directed``.

    Directed: initiator -> target of any type but talks. Undirected (source < target): every pair of
    actors of a talks event, and participants of other events (e.g. the two sides of a clash). Codes of
    one party (:func:`same_party`; ``sides``: code -> side, default the shipped lexicon's) form no pair.
    """
    p = _prep(data)
    rows, src, dst, directed = _pair_codes(p, sides)
    order = np.lexsort((dst, src, rows))
    cats = p.actors["code"].array.categories
    return pd.DataFrame(
        {
            "row": rows[order],
            "type": p.events["type"].to_numpy()[rows[order]],
            "source": pd.Categorical.from_codes(src[order], categories=cats),
            "target": pd.Categorical.from_codes(dst[order], categories=cats),
            "directed": directed[order],
        }
    )


def actor_matrix(
    data: pd.DataFrame | Prepared,
    types: tuple[str, ...] | None = None,
    sides: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Who met, threatened or attacked whom: ``type, source, target, directed, events`` (event counts).

    Pairs as in :func:`actor_pairs`. Pivot one type into a square matrix with
    ``m.query("type == 'offensive'").pivot_table(index="source", columns="target", values="events")``.
    """
    p = _prep(data)
    rows, src, dst, directed = _pair_codes(p, sides)
    tcat = p.events["type"].array
    tcode = tcat.codes[rows].astype(np.int64)
    k = max(len(p.actors["code"].array.categories), 1)
    nt = max(len(tcat.categories), 1)
    keys, n = _bincount(((tcode * k + src) * k + dst) * 2 + directed, nt * k * k * 2)
    cats = p.actors["code"].array.categories
    out = pd.DataFrame(
        {
            "type": np.asarray(tcat.categories, dtype=object)[keys // (2 * k * k)] if len(keys) else [],
            "source": np.asarray(cats, dtype=object)[(keys // (2 * k)) % k] if len(keys) else [],
            "target": np.asarray(cats, dtype=object)[(keys // 2) % k] if len(keys) else [],
            "directed": (keys % 2).astype(bool),
            "events": n,
        }
    )
    if types:
        out = out[out["type"].isin(types)]
    return out.sort_values(
        ["type", "events", "source", "target"], ascending=[True, False, True, True], ignore_index=True
    )


def party_matrix(
    data: pd.DataFrame | Prepared,
    types: tuple[str, ...] | None = None,
    sides: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """:func:`actor_matrix` between parties: each side by :func:`party_code` (a state's government, forces and
    leaders are that state: ``SYRGOV`` "Syrian government" and ``SYRMIL`` "Syrian Arab Army" are ``SYR``), as
    :func:`talk_rounds` pairs them; an event counts once per pair of parties, however many of a party's
    actors it names. Same columns (``type, source, target, directed, events``; undirected pairs with
    source < target), same order."""
    pairs = actor_pairs(data, sides)
    cols = ["type", "source", "target", "directed", "events"]
    if types:
        pairs = pairs[pairs["type"].isin(types)]
    if not len(pairs):
        return pd.DataFrame(columns=cols)
    code_of = {c: party_code(c, sides) for c in pairs["source"].cat.categories}
    src = pairs["source"].astype(str).map(code_of).to_numpy(dtype=object)
    dst = pairs["target"].astype(str).map(code_of).to_numpy(dtype=object)
    directed = pairs["directed"].to_numpy()
    lo, hi = np.where(src <= dst, src, dst), np.where(src <= dst, dst, src)
    d = pd.DataFrame(
        {
            "row": pairs["row"].to_numpy(),
            "type": pairs["type"].to_numpy(dtype=object),
            "source": np.where(directed, src, lo),
            "target": np.where(directed, dst, hi),
            "directed": directed,
        }
    ).drop_duplicates()
    d = d[d["source"] != d["target"]]
    out = (
        d.groupby(["type", "source", "target", "directed"], sort=False).size().rename("events").reset_index()
    )
    return out.sort_values(
        ["type", "events", "source", "target"], ascending=[True, False, True, True], ignore_index=True
    )[cols]


# -- campaigns -------------------------------------------------------------------------------------------
def _first_per_row(rows: np.ndarray, values: np.ndarray, n: int, fill: int = -1) -> np.ndarray:
    """values of the first entry of each row (rows sorted ascending), ``fill`` where a row has none."""
    out = np.full(n, fill, dtype=np.int64)
    uniq, idx = np.unique(rows, return_index=True)
    out[uniq] = values[idx]
    return out


def _group_starts(*keys: np.ndarray) -> np.ndarray:
    """Boolean: where any key changes (the arrays are sorted by these keys)."""
    n = len(keys[0])
    new = np.zeros(n, dtype=bool)
    if n:
        new[0] = True
        for k in keys:
            new[1:] |= k[1:] != k[:-1]
    return new


def _to_dates(days: np.ndarray) -> np.ndarray:
    return (days.astype(np.int64).astype("timedelta64[D]") + _EPOCH).astype("datetime64[ns]")


def campaigns(
    data: pd.DataFrame | Prepared, as_of: date | str | None = None, gap_days: int = 14
) -> pd.DataFrame:
    """Offensive campaigns with start, end and duration; ongoing ones run up to ``as_of``.

    Campaign events: offensives of subtype ground_offensive/capture/escalation, or with a date_end, or
    reported ``ongoing``. Reports by the same initiator (first initiator code, "" if none) in the same
    area (admin1 of the first place, else its name) chain into one campaign while each starts within
    ``gap_days`` of the chain's latest day. A campaign is ongoing when its latest report says so and
    gives no end; it then runs to the last report that mentions it (the latest publication day of its
    reports), never to the newest article of the corpus, and never past ``as_of`` when given. A report that
    a campaign goes on reaches to its publication day when chaining, and one initiator's campaigns in one
    area never overlap (each ends before the next starts).
    Columns: initiator, area, start, end, ongoing, days, n_events, event_ids.
    """
    p = _prep(data)
    ev = p.events
    n = len(ev)
    cols = ["initiator", "area", "start", "end", "ongoing", "days", "n_events", "event_ids"]
    day = ev["day"].to_numpy()
    end_day = ev["end_day"].to_numpy()
    dated = day != _NODAY
    pub_day = ev["pub_day"].to_numpy().astype(np.int64)
    asof = None if as_of is None else int((np.datetime64(str(as_of)[:10], "D") - _EPOCH).astype(int))
    has_end = ev["has_end"].to_numpy()
    ongoing_status = (ev["status"] == "ongoing").to_numpy()
    sel = (ev["type"] == "offensive").to_numpy() & dated
    sel &= ev["subtype"].isin(CAMPAIGN_SUBTYPES).to_numpy() | has_end | ongoing_status
    if not sel.any():
        return pd.DataFrame(columns=cols)
    a = p.actors
    is_ini = a["role"].array.codes == ROLES.index("initiator")
    ini = _first_per_row(a["row"].to_numpy()[is_ini], a["code"].array.codes[is_ini].astype(np.int64), n)
    ini_names = np.append(np.asarray(a["code"].array.categories, dtype=object), "")
    pl = p.places
    first_place = _first_per_row(pl["row"].to_numpy(), np.arange(len(pl)), n)
    adm = np.append(np.asarray(pl["admin1"].array.categories, dtype=object), "")[pl["admin1"].array.codes]
    name = np.append(np.asarray(pl["name"].array.categories, dtype=object), "")[pl["name"].array.codes]
    area_of_place = np.where(adm != "", adm, name)
    rows = np.flatnonzero(sel)
    fp = first_place[rows]
    area = np.where(fp >= 0, area_of_place[np.maximum(fp, 0)], "").astype(object)
    area_code, area_names = pd.factorize(area, sort=True)
    ini_code = ini[rows]  # -1 = none, sorts first
    order = np.lexsort((rows, day[rows], area_code, ini_code))
    rows, ini_code, area_code = rows[order], ini_code[order], area_code[order]
    d, e = day[rows].astype(np.int64), end_day[rows].astype(np.int64)
    # a report that the campaign goes on (no end given) reaches to the day it was published: later reports of
    # the same initiator and area before that day are the same campaign (they made a second, overlapping row)
    going = ongoing_status[rows] & ~has_end[rows] & (pub_day[rows] > d)
    told = pub_day[rows] if asof is None else np.minimum(pub_day[rows], asof)
    e = np.where(going, np.maximum(e, told), e)
    group = np.cumsum(_group_starts(ini_code, area_code)) - 1
    span = int(e.max() - e.min()) + gap_days + 2
    reach = np.maximum.accumulate(e - e.min() + group * span) - group * span + e.min()
    new = _group_starts(ini_code, area_code)
    new[1:] |= d[1:] > reach[:-1] + gap_days
    starts = np.flatnonzero(new)
    c_start = d[starts]
    c_end = np.maximum.reduceat(e, starts)
    last = np.append(starts[1:], len(rows)) - 1
    ongoing = ongoing_status[rows[last]] & ~has_end[rows[last]]
    reported = np.maximum.reduceat(pub_day[rows], starts)  # the last report that mentions the campaign
    if asof is not None:
        reported = np.minimum(reported, asof)
    c_end = np.where(ongoing, np.maximum(c_end, reported), c_end)
    # one initiator's campaigns in one area never overlap: a campaign ends before the next one starts
    same_group = np.append(~_group_starts(ini_code, area_code)[starts][1:], False)
    next_start = np.append(c_start[1:], np.iinfo(np.int64).max)
    c_end = np.where(same_group, np.minimum(c_end, next_start - 1), c_end)
    ids = ev["event_id"].to_numpy()[rows]
    out = pd.DataFrame(
        {
            "initiator": ini_names[ini_code[starts]],
            "area": np.asarray(area_names, dtype=object)[area_code[starts]],
            "start": _to_dates(c_start),
            "end": _to_dates(c_end),
            "ongoing": ongoing,
            "days": c_end - c_start + 1,
            "n_events": np.diff(np.append(starts, len(rows))),
            "event_ids": [x.tolist() for x in np.split(ids, starts[1:])],
        }
    )
    return out.sort_values(["start", "initiator", "area"], ignore_index=True)[cols]


# -- rounds of talks -------------------------------------------------------------------------------------
def talk_rounds(
    data: pd.DataFrame | Prepared, same_round_days: int = 1, sides: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Talks between the same pair of parties (see :func:`party`; each side by :func:`party_code`, so a state's
    government, forces and leaders are that state), numbered as rounds.

    Reports of one pair whose start dates lie within ``same_round_days`` of the previous report are one
    round. A round's status is the first of failed > occurred > ongoing > planned among its reports.
    Columns: a, b (codes, a < b), round, start, end, precision (the ``date_precision`` of the round's first
    report: a round planned for "March" starts on 1 March at month precision), status, n_reports, event_ids.
    """
    p = _prep(data)
    ev = p.events
    cols = ["a", "b", "round", "start", "end", "precision", "status", "n_reports", "event_ids"]
    rows, src, dst, directed = _pair_codes(p, sides)
    types = ev["type"].array
    talks = (types.codes[rows] == types.categories.get_loc("talks")) if "talks" in types.categories else False
    keep = talks & ~directed
    rows, src, dst = rows[keep], src[keep], dst[keep]
    # a round is between parties, whatever name each report gives a side ("Russia – Turkey", "Russia – Turkish
    # government" and "Vladimir Putin – Turkey" are one pair, so each round gets one number; fresh tester 11)
    codes = np.asarray(p.actors["code"].array.categories, dtype=object)
    rep_codes, rep_of = np.unique(
        np.asarray([party_code(c, sides) for c in codes], dtype=object), return_inverse=True
    )
    src, dst = rep_of[src], rep_of[dst]
    pairs = pd.DataFrame({"r": rows, "s": np.minimum(src, dst), "d": np.maximum(src, dst)}).drop_duplicates()
    pairs = pairs[pairs["s"] != pairs["d"]]
    rows, src, dst = (pairs[c].to_numpy() for c in ("r", "s", "d"))
    day = ev["day"].to_numpy()[rows].astype(np.int64)
    ok = day != _NODAY
    rows, src, dst, day = rows[ok], src[ok], dst[ok], day[ok]
    if not len(rows):
        return pd.DataFrame(columns=cols)
    order = np.lexsort((rows, day, dst, src))
    rows, src, dst, day = rows[order], src[order], dst[order], day[order]
    pair_new = _group_starts(src, dst)
    new = pair_new.copy()
    new[1:] |= (day[1:] - day[:-1]) > same_round_days
    starts = np.flatnonzero(new)
    st = ev["status"].array
    rank_of = [
        ROUND_STATUS_ORDER.index(c) if c in ROUND_STATUS_ORDER else len(ROUND_STATUS_ORDER)
        for c in st.categories
    ]
    rank = np.append(np.asarray(rank_of, dtype=np.int64), len(ROUND_STATUS_ORDER))[st.codes[rows]]
    pair_id = np.cumsum(pair_new)[starts]
    first_round_of_pair = np.flatnonzero(_group_starts(pair_id))
    rnd = np.arange(len(starts)) - np.repeat(
        first_round_of_pair, np.diff(np.append(first_round_of_pair, len(starts)))
    )
    out = pd.DataFrame(
        {
            "a": rep_codes[src[starts]],
            "b": rep_codes[dst[starts]],
            "round": rnd + 1,
            "start": _to_dates(day[starts]),
            "end": _to_dates(np.maximum.reduceat(ev["end_day"].to_numpy()[rows].astype(np.int64), starts)),
            "precision": ev["date_precision"].astype(object).fillna("day").to_numpy()[rows[starts]]
            if "date_precision" in ev.columns
            else "day",
            "status": np.asarray(ROUND_STATUS_ORDER + ("",), dtype=object)[np.minimum.reduceat(rank, starts)],
            "n_reports": np.diff(np.append(starts, len(rows))),
            "event_ids": [x.tolist() for x in np.split(ev["event_id"].to_numpy()[rows], starts[1:])],
        }
    )
    return out[cols]


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_VERBS = {"failed": "failed", "occurred": "held", "ongoing": "began", "planned": "planned for"}


def round_date(start: pd.Timestamp, precision: object = "day") -> tuple[str, str]:
    """A round's date as precise as its report: ("on", "1 Mar 2020") for a day, ("in", "March 2020") for a
    month, ("in", "2020") for a year, ("in", "the week of 2 Mar 2020") for a week: a month's round is never
    shown as its first day."""
    if precision == "month":
        return "in", f"{start:%B %Y}"
    if precision == "year":
        return "in", f"{start.year}"
    if precision == "week":
        return "in", f"the week of {start.day} {start:%b %Y}"
    return "on", f"{start.day} {start:%b %Y}"


def describe_rounds(rounds: pd.DataFrame) -> dict[tuple[str, str], str]:
    """One sentence per pair: "first round failed on 8 Feb 2020, second round planned for March 2020" (a
    round's date at its ``precision`` when the table has one, see :func:`round_date`)."""
    out: dict[tuple[str, str], str] = {}
    for (a, b), g in rounds.groupby(["a", "b"], sort=True):
        parts = []
        precisions = g["precision"] if "precision" in g.columns else ["day"] * len(g)
        for rnd, start, status, prec in zip(g["round"], g["start"], g["status"], precisions, strict=True):
            name = _ORDINALS[rnd - 1] + " round" if rnd <= len(_ORDINALS) else f"round {rnd}"
            prep, when = round_date(start, prec)
            verb = _VERBS.get(status, "")
            verb = verb if verb.endswith(" for") else f"{verb} {prep}".strip()
            parts.append(f"{name} {verb} {when}")
        out[(a, b)] = ", ".join(parts)
    return out
