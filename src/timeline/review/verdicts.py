"""A reviewer's verdicts written outside the dashboard, as reviews of the log (``bench/review_sample.py``).

Two JSON-lines files, one line per event the extractor gave and one per event it missed:

- verdicts: ``{"event_id", "verdict": "confirm" | "reject" | "correct", "reason", "fields", "note"}``;
  ``reason`` says why a rejected event is wrong (``not an event``, ``duplicate``, ``about the past``, …);
  ``fields`` holds the corrected values only, under the schema's names: ``actors`` as ``[{code, role}]``,
  ``places`` as names (the event's own place of that name, else the gazetteer's) or ``{name, lat, lon}``
  (the gazetteer's place of that name near there, else that point), dates as ``YYYY-MM-DD``, figures as
  numbers;
- missed: ``{"article"`` (the events' ``source``), ``type, subtype, status, date_start, date_end,
  actor_roles`` (``[{code, role}]``), ``places`` (``[{name, lat, lon, km}]``), ``evidence`` (verbatim, a
  substring of the article's text), ``note}``.

Every review gets the same reviewer and a time from one fixed start plus one microsecond per review, so the
same files always give the same reviews (and ``timeline review import`` of them twice adds nothing).
Verdicts whose event the extractor no longer gives, and values that cannot be placed, are returned as
problems (one line each), never dropped silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pandas as pd

from timeline.review.actions import add, confirm, edits, reject
from timeline.review.apply import EDITABLE, json_value
from timeline.review.log import Review
from timeline.review.lookup import place_near, search_places

#: Place precision from the search radius (km) a gold place gives (the inverse of ``gold.PLACE_KM``).
_KM_PRECISION = ((200, "country"), (60, "admin1"), (30, "region"))


@dataclass
class Converted:
    """Reviews made from verdict lines, and what could not be used (one line each)."""

    reviews: list[Review] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class _Clock:
    """``start`` plus one microsecond per call: reviews keep the files' order, and the same time on every run."""

    def __init__(self, start: str) -> None:
        self.t = datetime.fromisoformat(start)

    def __call__(self) -> str:
        self.t += timedelta(microseconds=1)
        return self.t.isoformat(timespec="microseconds")


def _actors(
    items: Iterable[Any], current: Iterable[Mapping[str, Any]], names: Mapping[str, str]
) -> list[dict]:
    """``[{code, role}]`` (or codes) as the schema's actors: the name the event had, else the lexicon's."""
    known = {str(a.get("code")): str(a.get("name") or "") for a in current}
    out = []
    for a in items:
        code, role = (a.get("code"), a.get("role")) if isinstance(a, Mapping) else (a, None)
        code = str(code or "").strip()
        if code:
            out.append(
                {
                    "code": code,
                    "name": known.get(code) or names.get(code) or code,
                    "role": role or "participant",
                }
            )
    return out


def _precision(km: Any) -> str:
    try:
        k = float(km)
    except (TypeError, ValueError):
        return "point"
    return next((p for limit, p in _KM_PRECISION if k >= limit), "point")


def _place(item: Any, current: Iterable[Mapping[str, Any]], gazetteer: Any) -> dict[str, Any] | None:
    """A place of the schema for a name or ``{name, lat, lon[, km]}``; None when a bare name is unknown."""
    name = str(item.get("name") if isinstance(item, Mapping) else item).strip()
    own = [dict(p) for p in current if p.get("name") == name and p.get("lat") is not None]
    if not isinstance(item, Mapping) or item.get("lat") is None:
        if own:
            return {k: json_value(v) for k, v in own[0].items()}
        hits = [p for p in search_places(gazetteer, name) if p["name"].casefold() == name.casefold()]
        return hits[0] if hits else None
    lat, lon = float(item["lat"]), float(item["lon"])
    near = place_near(gazetteer, name, lat, lon, max_km=max(30.0, float(item.get("km") or 0)))
    if near is not None:
        return near
    return {"name": name, "name_ar": None, "lat": lat, "lon": lon, "country": None, "admin1": None,
            "precision": _precision(item.get("km"))}  # fmt: skip


def _places(items: Iterable[Any], current: list[Mapping[str, Any]], gazetteer: Any, where: str,
            problems: list[str]) -> list[dict]:  # fmt: skip
    out = []
    for item in items:
        p = _place(item, current, gazetteer)
        if p is None:
            problems.append(f"{where}: place {item!r} is neither the event's nor in the gazetteer (left out)")
        else:
            out.append(p)
    return out


def _values(
    fields: Mapping[str, Any],
    row: Mapping[str, Any],
    gazetteer: Any,
    names: Mapping[str, str],
    problems: list[str],
) -> dict[str, Any]:
    """A verdict's ``fields`` as the values :func:`timeline.review.edits` records."""
    eid = row.get("event_id")
    out: dict[str, Any] = {}
    for f, v in fields.items():
        if f not in EDITABLE:
            problems.append(f"{eid}: {f!r} is not an editable field (left out)")
        elif f == "actors":
            out[f] = _same_set(
                _actors(v or [], row.get("actors") or [], names), row.get("actors"), ("code", "role")
            )
        elif f == "places":
            found = _places(v or [], list(row.get("places") or []), gazetteer, str(eid), problems)
            out[f] = _same_set(found, row.get("places"), ("name",))
        elif f in ("killed", "injured", "displaced"):
            out[f] = None if v is None else int(v)
        elif f in ("date_start", "date_end"):
            out[f] = None if v in (None, "") else str(v)[:10]
        else:
            out[f] = v
    return out


def _same_set(new: list[dict], current: Any, keys: tuple[str, ...]) -> list[dict]:
    """``current`` when ``new`` names the same items in another order (not a correction), else ``new``."""

    def key(items: Any) -> list[tuple]:
        return sorted(tuple(str(x.get(k)) for k in keys) for x in items or [])

    return list(current) if current is not None and key(new) == key(current) else new


def _noted(r: Review, note: str) -> Review:
    return dataclasses.replace(r, note=note, uid="") if note else r


def _flat(text: Any) -> str:
    return " ".join(str(text or "").split())


def _judged_row(rows: Mapping[str, dict], judged: Mapping[str, Any]) -> dict | None:
    """The event of ``rows`` a verdict on ``judged`` (a row of the reviewer's list: source, type, evidence)
    is about, when the extractor changed its id: same article and type, and the evidence sharing the
    longest start (at least 20 characters) with the judged one."""
    want = _flat(judged.get("evidence"))
    best, size = None, 19
    for r in rows.values():
        if r.get("source") != judged.get("source") or r.get("type") != judged.get("type"):
            continue
        have = _flat(r.get("evidence"))
        k = next(
            (i for i, (a, b) in enumerate(zip(have, want, strict=False)) if a != b), min(len(have), len(want))
        )
        if k > size:
            best, size = r, k
    return best


def verdict_reviews(
    events: pd.DataFrame, verdicts: Iterable[Mapping[str, Any]], who: str, start: str, gazetteer: Any,
    actor_names: Mapping[str, str], judged: pd.DataFrame | None = None,
) -> Converted:  # fmt: skip
    """Reviews of ``events`` (the extraction the verdicts were written on, by ``event_id``) from verdict
    lines (see the module docstring); ``start`` an ISO 8601 time, ``actor_names`` code -> name (the
    lexicon's). ``judged``: the events as the reviewer saw them (``event_id, source, type, evidence``), to
    find an event whose id a later extractor changed. A correction that changes nothing is recorded as a
    confirmation (and reported)."""
    rows = {str(r["event_id"]): r for r in events.to_dict("records")}
    seen = {} if judged is None else {str(r["event_id"]): r for r in judged.to_dict("records")}
    clock, out = _Clock(start), Converted()
    for n, v in enumerate(verdicts, 1):
        eid, verdict, note = (
            str(v.get("event_id") or ""),
            str(v.get("verdict") or ""),
            str(v.get("note") or ""),
        )
        row = rows.get(eid)
        if row is None and eid in seen:
            row = _judged_row(rows, seen[eid])
        if row is None:
            out.problems.append(f"verdict {n}: no event {eid!r} in this extraction (not applied)")
            continue
        row = {k: json_value(x) for k, x in row.items()}
        if verdict == "confirm":
            out.reviews.append(_noted(confirm(row, who, clock()), note))
        elif verdict == "reject":
            reason = str(v.get("reason") or "not an event")
            out.reviews.append(reject(row, who, f"{reason}: {note}" if note else reason, clock()))
        elif verdict == "correct":
            values = _values(v.get("fields") or {}, row, gazetteer, actor_names, out.problems)
            made = [_noted(r, note) for r in edits(row, values, who, clock())]
            if not made:
                out.problems.append(
                    f"verdict {n}: correction of {eid} changes nothing (recorded as confirmed)"
                )
                made = [_noted(confirm(row, who, clock()), note)]
            out.reviews.extend(made)
        else:
            out.problems.append(
                f"verdict {n}: unknown verdict {verdict!r} for {eid} (use confirm, reject, correct)"
            )
    return out


def missed_reviews(
    articles: Mapping[str, tuple[Mapping[str, Any], str]], missed: Iterable[Mapping[str, Any]], who: str,
    start: str, gazetteer: Any, actor_names: Mapping[str, str],
) -> Converted:  # fmt: skip
    """``add`` reviews for events the extractor missed. ``articles``: source -> (``article_id, source,
    title, published, language``, the article's text); the evidence must be a substring of that text."""
    clock, out = _Clock(start), Converted()
    for n, m in enumerate(missed, 1):
        source, evidence = str(m.get("article") or ""), str(m.get("evidence") or "")
        if source not in articles:
            out.problems.append(f"missed {n}: no article {source!r} (not added)")
            continue
        meta, text = articles[source]
        at = text.find(evidence) if evidence else -1
        if at < 0:
            out.problems.append(f"missed {n}: its evidence is not in the text of {source} (not added)")
            continue
        where = f"missed {n}"
        fields = {
            "type": m.get("type"), "subtype": m.get("subtype") or "", "status": m.get("status") or "occurred",
            "date_start": str(m.get("date_start") or "")[:10] or None,
            "date_end": str(m.get("date_end") or "")[:10] or None, "date_precision": "day",
            "actors": _actors(m.get("actor_roles") or m.get("actors") or [], [], actor_names),
            "places": _places(m.get("places") or [], [], gazetteer, where, out.problems),
        }  # fmt: skip
        for f in ("killed", "injured", "displaced"):
            if m.get(f) is not None:
                fields[f] = int(m[f])
        try:
            out.reviews.append(_noted(add(meta, at, at + len(evidence), evidence, fields, who, clock()),
                                      str(m.get("note") or "")))  # fmt: skip
        except ValueError as exc:
            out.problems.append(f"{where}: {exc} (not added)")
    return out


def article_index(articles: Iterable[Any]) -> dict[str, tuple[dict[str, Any], str]]:
    """source -> (the metadata :func:`timeline.review.add` needs, the text), from read :class:`Article`\\ s."""
    out = {}
    for a in articles:
        published = a.published.isoformat() if a.published else None
        meta = {"article_id": a.article_id, "source": a.source, "title": a.title, "published": published,
                "language": a.language}  # fmt: skip
        out[a.source] = (meta, a.text)
    return out


__all__ = ["Converted", "article_index", "missed_reviews", "verdict_reviews"]
