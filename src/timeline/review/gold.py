"""Reviews measure the extractor: reviewed events as gold (DESIGN.md's format) and precision per type.

Gold written by :func:`gold_records`, per article file (the scorer's unit: the file name of ``source``)
that holds at least one reviewed event:

- confirmed and corrected events (and events a person added) are **required** gold events, with the
  fields as the person left them;
- rejected events are **no-event** lines (``"type": "none"``, ``"no_event": true``, ``"optional": true``,
  no ``date_ok``): they name the article, so a later extractor's events there are scored, and they match
  nothing, so an extractor that finds the rejected event again gets an extra (a false positive);
- events merged into another are ``optional`` (a system may merge them or leave them out);
- events of the same article nobody reviewed are ``optional`` too: not known to be right or wrong, so
  finding them is neither an extra nor a miss.

Both ``timeline evaluate`` and the reference scorer (``shared/gold/score.py``) read these lines.
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd

#: Search radius (km) of a gold place, by the place's precision (as the hand-made gold uses them).
PLACE_KM = {"point": 20, "region": 40, "admin1": 60, "country": 300}


def _day(v: Any) -> str | None:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NA or not str(v).strip():
        return None
    return str(v)[:10]


def date_ok(row: dict[str, Any]) -> list[list[str]]:
    """Accepted ``date_start`` ranges: the day for a day-precise date, the period (start..end) otherwise."""
    start = _day(row.get("date_start"))
    if start is None:
        return []
    end = _day(row.get("date_end")) if row.get("date_precision") not in (None, "day") else None
    return [[start, max(start, end or start)]]


def _gold_event(row: dict[str, Any], optional: bool, note: str) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "article": os.path.basename(str(row.get("source") or "")),
        "id": f"review-{row['event_id']}",
        "type": row.get("type"),
    }
    if row.get("subtype"):
        rec["subtype"] = row["subtype"]
    rec["date_ok"] = date_ok(row)
    rec["status"] = row.get("status")
    rec["actors"] = sorted(
        {str(a.get("code") or "")[:3].upper() for a in row.get("actors") or [] if a.get("code")}
    )
    rec["places"] = [
        {
            "name": p.get("name"),
            "lat": p.get("lat"),
            "lon": p.get("lon"),
            "km": PLACE_KM.get(p.get("precision"), 20),
        }
        for p in row.get("places") or []
        if p.get("lat") is not None and p.get("lon") is not None
    ]
    for col in ("killed", "injured", "displaced"):
        v = row.get(col)
        if v is not None and not pd.isna(v):
            rec[col] = int(v)
    rec["evidence"] = str(row.get("evidence") or "")
    if optional:
        rec["optional"] = True
    rec["note"] = note
    return rec


def gold_records(view_events: pd.DataFrame) -> list[dict[str, Any]]:
    """Gold lines (dicts) from a reviewed view (:func:`timeline.review.apply_reviews`); see the module
    docstring. Ordered by article, then event id, so the same reviews always write the same file."""
    if not len(view_events):
        return []
    files = view_events["source"].map(lambda s: os.path.basename(str(s or "")))
    reviewed = set(files[view_events["review"] != "unreviewed"])  # the scorer groups by file name
    scope = view_events[files.isin(reviewed)]
    out = []
    for row in scope.sort_values(["source", "event_id"], kind="stable").to_dict("records"):
        state, who = row["review"], row.get("reviewed_by") or ""
        if state == "rejected" and row.get("merged_into"):
            out.append(_gold_event(row, True, f"merged into {row['merged_into']} by {who}"))
        elif state == "rejected":
            out.append({
                "article": os.path.basename(str(row.get("source") or "")), "id": f"review-{row['event_id']}",
                "type": "none", "no_event": True, "optional": True, "date_ok": [],
                "evidence": str(row.get("evidence") or ""),
                "note": f"rejected by {who}: {row.get('review_reason') or 'not an event'} (was {row.get('type')})",
            })  # fmt: skip
        elif state == "unreviewed":
            out.append(_gold_event(row, True, "not reviewed: neither a miss nor an extra"))
        else:
            how = "added" if row.get("review_added") else state
            out.append(_gold_event(row, False, f"{how} by {who}"))
    return out


def precision_by_type(view_events: pd.DataFrame) -> pd.DataFrame:
    """The extractor's precision per type on the events people reviewed.

    Counted on extracted events only (added ones are the extractor's misses), by the type the extractor
    gave (``extracted_type``). An extracted event is right when it was not rejected and its type was not
    changed; ``exact`` also needs no field corrected. Columns: ``type, reviewed, confirmed, corrected,
    rejected, precision, exact`` (precision and exact in 0..1), one row per type with a review, and a
    last row ``all``.
    """
    cols = ["type", "reviewed", "confirmed", "corrected", "rejected", "precision", "exact"]
    if not len(view_events):
        return pd.DataFrame(columns=cols)
    ev = view_events[(view_events["review"] != "unreviewed") & ~view_events["review_added"].astype(bool)]
    if not len(ev):
        return pd.DataFrame(columns=cols)
    right = (ev["review"] != "rejected") & (ev["type"] == ev["extracted_type"])
    t = pd.DataFrame({
        "type": ev["extracted_type"], "confirmed": ev["review"] == "confirmed", "corrected": ev["review"] == "corrected",
        "rejected": ev["review"] == "rejected", "right": right,
    })  # fmt: skip
    rows = []
    for name, g in [*sorted(t.groupby("type")), ("all", t)]:
        n = len(g)
        rows.append({"type": name, "reviewed": n, "confirmed": int(g["confirmed"].sum()),
                     "corrected": int(g["corrected"].sum()), "rejected": int(g["rejected"].sum()),
                     "precision": round(float(g["right"].sum()) / n, 3),
                     "exact": round(float(g["confirmed"].sum()) / n, 3)})  # fmt: skip
    return pd.DataFrame(rows, columns=cols)
