"""The current view: the extraction with the review log applied, and re-attachment of reviews.

A review anchors to ``article_id`` + evidence span + the extractor's ``type``. :func:`apply_reviews`
finds, for each anchor, the event that covers that span now (the ``event_id`` of the time first, then an
event of the same article and type whose evidence span covers, then overlaps, the anchor's span), and
applies the reviews in time order. Reviews whose event is gone are returned in ``unattached``: listed,
never dropped (they stay in the log and re-attach when an event covers their span again).

Columns added to the events (every row gets them):

- ``review``: ``unreviewed``, ``confirmed`` (left as extracted), ``corrected`` (a field changed, or an
  event added by a person), ``rejected`` (not an event, or merged into another);
- ``review_reason`` (why it was rejected, or what was merged), ``reviewed_by``, ``reviewed_at``;
- ``review_added`` (True for events a person added), ``extracted_type`` (the type the extractor gave:
  what precision per type is counted on), ``merged_into`` (event_id of the event it was merged into).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from timeline.dedup import MergeReport, member_rows, merge_reviewed
from timeline.model import EVENT_COLUMNS, INTEROP_CODES, stable_hash
from timeline.review.log import Anchor, Review

REVIEW_COLUMNS = ("review", "review_reason", "reviewed_by", "reviewed_at", "review_added", "extracted_type",
                  "merged_into")  # fmt: skip
#: Fields a person may edit (the schema's, minus ids, article metadata and the evidence itself).
EDITABLE = ("type", "subtype", "status", "date_start", "date_end", "date_precision", "actors", "places",
            "killed", "injured", "displaced")  # fmt: skip


@dataclass(frozen=True)
class Conflict:
    """An edit made over a value its author had not seen, set by another review (two sessions at once):
    both are kept in the log, the later one shows. A value the extractor changed is not a conflict."""

    event_id: str
    field: str
    expected: Any  # what the later review's author saw before
    found: Any  # what was there, set by an earlier review of someone else
    review: Review


@dataclass
class ReviewedView:
    """The events with the log applied, plus what could not be applied and the history per event."""

    events: pd.DataFrame
    unattached: list[Review] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    history: dict[str, list[Review]] = field(default_factory=dict)
    #: with reports of one event merged (:func:`merged_view`): one row per report, the log applied, which
    #: ``events`` merges; None when ``events`` is that
    reports: pd.DataFrame | None = None
    merge_report: MergeReport | None = None

    def members(self, row: dict[str, Any] | pd.Series) -> list[dict[str, Any]]:
        """The reports a row of ``events`` stands for (the row itself unless it merges several): a person's
        review of a merged event is recorded on each of them."""
        ids = _merged_ids(row.get("merged_ids"))
        if self.reports is None or len(ids) < 2:
            return [dict(row)]
        hit = self.reports[self.reports["event_id"].astype(str).isin(ids)]
        return hit.to_dict("records") or [dict(row)]

    @property
    def n_reviewed(self) -> int:
        return int((self.events["review"] != "unreviewed").sum()) if len(self.events) else 0


def merged_view(view: ReviewedView, merged: pd.DataFrame) -> ReviewedView:
    """``view`` (the log applied to one row per report) with the reports of one event merged as ``merged``
    (:func:`timeline.dedup.merge_duplicates` of the same extraction) merged them: the rules are
    :func:`timeline.dedup.merge_reviewed`'s. A merged event's history holds its reports' reviews; ``reports``
    keeps ``view``'s rows (the review panel records a review of a merged event on each report)."""
    events, report = merge_reviewed(view.events, merged)
    history = dict(view.history)
    if view.history:  # each report's reviews under the event it is merged into (reviewed events are few)
        owner: dict[str, str] = {}
        decided = events[events["review"] != "unreviewed"]
        for own, ids in zip(decided["event_id"].astype(str), decided["merged_ids"], strict=True):
            owner.update((i, own) for i in _merged_ids(ids))
        row_of, ids_of = member_rows(merged), merged["event_id"].astype(str).to_numpy(object)
        owner |= {h: str(ids_of[row_of[h]]) for h in view.history if h not in owner and h in row_of}
        joined: dict[str, dict[int, Review]] = {}
        for h, reviews in view.history.items():
            joined.setdefault(owner.get(h, h), {}).update((id(r), r) for r in reviews)
        history |= {own: sorted(rs.values(), key=lambda r: (r.at, r.seq)) for own, rs in joined.items()}
    return ReviewedView(events, view.unattached, view.conflicts, history, view.events, report)


def _merged_ids(v: Any) -> list[str]:
    if isinstance(v, str):
        return [x for x in v.split(";") if x]
    return [] if v is None or (isinstance(v, float) and v != v) else [str(x) for x in v]


def anchor_of(row: dict[str, Any] | pd.Series) -> Anchor:
    """The anchor of a row of the view (or of an extracted event): its article, evidence span, and the
    extractor's type (``extracted_type`` when present, so edits of the type keep the anchor)."""
    get = row.get
    t = (
        get("extracted_type")
        if isinstance(get("extracted_type"), str) and get("extracted_type")
        else get("type")
    )
    return Anchor(str(get("article_id")), _int(get("evidence_start")), _int(get("evidence_end")), str(t or ""),
                  str(get("event_id") or ""))  # fmt: skip


def _int(v: Any) -> int | None:
    try:
        return None if v is None or pd.isna(v) else int(v)
    except (TypeError, ValueError):
        return None


def _same(a: Any, b: Any) -> bool:
    return json.dumps(json_value(a), sort_keys=True, default=str) == json.dumps(
        json_value(b), sort_keys=True, default=str
    )


def json_value(v: Any) -> Any:
    """A value as JSON sees it: NaN/NA -> None, numpy scalars -> Python, lists and dicts converted inside."""
    if isinstance(v, list | tuple):
        return [json_value(x) for x in v]
    if isinstance(v, dict):
        return {k: json_value(x) for k, x in v.items()}
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item"):
        return v.item()
    return v


class _Rows:
    """The working table: one dict per row, indexes per article for anchor look-ups."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.rows: list[dict[str, Any]] = df.to_dict("records")
        self.original: list[dict[str, Any]] = [dict(r) for r in self.rows]
        self.by_id = {str(r["event_id"]): i for i, r in enumerate(self.rows)}
        self.by_article: dict[str, list[int]] = {}
        self.added: frozenset[int] = frozenset()  # rows people added: another add never lands on one
        for i, r in enumerate(self.rows):
            self.by_article.setdefault(str(r["article_id"]), []).append(i)
        for r in self.rows:
            r.update(review="unreviewed", review_reason="", reviewed_by="", reviewed_at="",
                     review_added=False, extracted_type=r.get("type"), merged_into="")  # fmt: skip

    def append(self, row: dict[str, Any]) -> int:
        """Add a row a person added (its index joins :attr:`added`)."""
        i = len(self.rows)
        self.added |= {i}
        self.rows.append(row)
        self.original.append(dict(row))
        self.by_id[str(row["event_id"])] = i
        self.by_article.setdefault(str(row["article_id"]), []).append(i)
        return i

    def find(self, a: Anchor, types: set[str], skip: frozenset[int] = frozenset()) -> int | None:
        """The row the anchor points at now (see the module docstring), or None; never one of ``skip``."""
        i = self.by_id.get(a.event_id) if a.event_id else None
        if i is not None and self.rows[i]["article_id"] == a.article_id and i not in skip:
            return i
        if a.start is None or a.end is None:
            return None
        best: tuple | None = None
        for j in self.by_article.get(a.article_id, ()):
            r = self.rows[j]
            if (r["extracted_type"] not in types and r["type"] not in types) or j in skip:
                continue
            s, e = _int(r.get("evidence_start")), _int(r.get("evidence_end"))
            if s is None or e is None:
                continue
            overlap = min(e, a.end) - max(s, a.start)
            if overlap <= 0 and not (s <= a.start and a.end <= e):
                continue
            covers = s <= a.start and a.end <= e
            key = (not covers, -overlap, e - s, r["extracted_type"] != a.type, str(r["event_id"]))
            if best is None or key < best[0]:
                best = (key, j)
        return None if best is None else best[1]


def _types_of(reviews: Sequence[Review]) -> dict[tuple, set[str]]:
    """Per anchor: the types an event covering its span may have (the extractor's, and any a person set)."""
    out: dict[tuple, set[str]] = {}
    for r in reviews:
        key = _key(r.anchor)
        out.setdefault(key, {r.anchor.type})
        if r.action == "edit" and r.field == "type" and isinstance(r.after, str):
            out[key].add(r.after)
    return out


def _key(a: Anchor) -> tuple:
    return (a.article_id, a.start, a.end, a.type, a.event_id)


def added_event(review: Review) -> dict[str, Any]:
    """The row a person's ``add`` review creates (its id: a hash of the review, stable across runs)."""
    rec = dict(review.after or {})
    row = {c: rec.get(c) for c in EVENT_COLUMNS}
    a = review.anchor
    row.update(
        article_id=a.article_id, evidence_start=a.start, evidence_end=a.end, type=rec.get("type") or a.type
    )
    row["event_id"] = rec.get("event_id") or stable_hash("review-add", review.uid)
    for col in ("actors", "places", "about"):  # list columns of the schema (``about`` when it has one)
        if col in row:
            row[col] = list(rec.get(col) or [])
    if not row.get("cameo"):
        row["cameo"], row["plover"] = INTEROP_CODES.get((row["type"], row.get("subtype") or ""),
                                                        INTEROP_CODES.get((row["type"], ""), ("", "")))  # fmt: skip
    row["date_source"] = row.get("date_source") or "explicit"
    row["confidence"] = 1.0
    return row


def _merge_into(target: dict[str, Any], other: dict[str, Any]) -> None:
    """One event out of two: actors and places united, the dates spanning both, the larger figures."""
    for col, key in (("actors", "code"), ("places", "name")):
        seen = {(x.get(key), x.get("role")) for x in target[col] or []}
        target[col] = list(target[col] or []) + [
            x for x in other[col] or [] if (x.get(key), x.get("role")) not in seen
        ]
    starts = [d for d in (target.get("date_start"), other.get("date_start")) if d]
    ends = [d for d in (target.get("date_end"), other.get("date_end"), *starts) if d]
    if starts:
        target["date_start"] = min(starts)
        last = max(ends)
        target["date_end"] = last if last != target["date_start"] else target.get("date_end")
    for col in ("killed", "injured", "displaced"):
        vals = [int(v) for v in (target.get(col), other.get(col)) if _int(v) is not None]
        target[col] = max(vals) if vals else target.get(col)


def apply_reviews(events: pd.DataFrame, reviews: Iterable[Review]) -> ReviewedView:
    """The view a user sees: ``events`` (the extraction, untouched) with ``reviews`` applied in time order.

    Returns a :class:`ReviewedView` whose frame has the input's columns plus :data:`REVIEW_COLUMNS`, and
    added events appended. Pure: the same events and reviews always give the same view.
    """
    reviews = sorted(reviews, key=lambda r: (r.at, r.seq))
    events = events.reset_index(drop=True)
    # only the articles with a review are worked on row by row; the rest get the columns at once
    articles = {r.anchor.article_id for r in reviews}
    articles |= {
        str(r.after.get("article_id")) for r in reviews if r.action == "merge" and isinstance(r.after, dict)
    }
    affected = events["article_id"].astype(str).isin(articles).to_numpy() if len(events) else []
    work = _Rows(events[affected])
    types = _types_of(reviews)
    touched: dict[int, bool] = {}  # row -> reviewed (True) / reset (False)
    rejected: dict[int, bool] = {}
    set_by: dict[tuple[int, str], Review] = {}  # (row, field) -> the review that set it last
    view = ReviewedView(events=events)
    claimed = _claimed(work, reviews, types)
    for r in reviews:
        if r.action == "add":
            i = work.find(r.anchor, types[_key(r.anchor)], skip=claimed | work.added)
            if i is None:
                row = added_event(r)
                row.update(review="corrected", review_added=True, extracted_type=row["type"], reviewed_by=r.who,
                           reviewed_at=r.at, review_reason="added by a person", merged_into="")  # fmt: skip
                i = work.append(row)
            else:  # the extractor now finds it: the person's fields correct the extracted event
                for col in EDITABLE:
                    if col in (r.after or {}):
                        work.rows[i][col] = (r.after or {})[col]
            touched[i] = True
            _stamp(work.rows[i], r)
            view.history.setdefault(str(work.rows[i]["event_id"]), []).append(r)
            continue
        i = work.find(r.anchor, types[_key(r.anchor)])
        if i is None:
            view.unattached.append(r)
            continue
        row = work.rows[i]
        view.history.setdefault(str(row["event_id"]), []).append(r)
        if r.action == "reset":
            restored = dict(work.original[i])
            row.update({c: restored[c] for c in EDITABLE if c in restored})
            row.update(review_reason="", merged_into="")
            touched[i], rejected[i] = False, False
            for f in EDITABLE:
                set_by.pop((i, f), None)
            _stamp(row, r)
            continue
        if r.action == "confirm":
            rejected[i] = False
            row["review_reason"] = ""
        elif r.action == "reject":
            rejected[i] = True
            row["review_reason"] = r.note or "not an event"
        elif r.action == "edit":
            if r.field not in EDITABLE:
                view.unattached.append(r)
                continue
            if (i, r.field) in set_by and not _same(row.get(r.field), r.before):
                view.conflicts.append(Conflict(str(row["event_id"]), r.field, r.before, row.get(r.field), r))
            row[r.field] = r.after
            set_by[(i, r.field)] = r
            if r.field == "type" or r.field == "subtype":
                row["cameo"], row["plover"] = INTEROP_CODES.get((row["type"], row.get("subtype") or ""),
                                                                INTEROP_CODES.get((row["type"], ""), ("", "")))  # fmt: skip
        elif r.action == "merge":
            j = work.find(
                Anchor.from_dict(r.after), types.get(_key(Anchor.from_dict(r.after)), {r.after.get("type")})
            )
            if j is None or j == i:
                view.unattached.append(r)
                continue
            _merge_into(work.rows[j], row)
            rejected[i] = True
            row["merged_into"] = str(work.rows[j]["event_id"])
            row["review_reason"] = f"duplicate of {work.rows[j]['event_id']} (merged)"
            touched[j] = True
            _stamp(work.rows[j], r)
            view.history.setdefault(str(work.rows[j]["event_id"]), []).append(r)
        touched[i] = True
        _stamp(row, r)
    for i, reviewed in touched.items():
        row = work.rows[i]
        if row["review_added"]:
            continue
        if rejected.get(i):
            row["review"] = "rejected"
        elif not reviewed:
            row.update(review="unreviewed", reviewed_by="", reviewed_at="")
        else:
            changed = any(not _same(row.get(c), work.original[i].get(c)) for c in EDITABLE)
            row["review"] = "corrected" if changed else "confirmed"
    cols = list(events.columns) + [c for c in REVIEW_COLUMNS if c not in events.columns]
    view.events = _assemble(events, affected, work, cols)
    for c in ("evidence_start", "evidence_end", "killed", "injured", "displaced"):
        if c in view.events.columns:
            view.events[c] = pd.to_numeric(view.events[c], errors="coerce").astype("Int64")
    view.events["review_added"] = view.events["review_added"].astype(bool)
    return view


def _claimed(work: _Rows, reviews: list[Review], types: dict[tuple, set[str]]) -> frozenset[int]:
    """Extracted rows another review (confirm, reject, edit, merge) is about: a person judged that event, so
    an event they added over the same sentence is another one, never that row (an added event becomes an
    extracted one only when a later extractor finds it as a new event)."""
    added = {str(added_event(r)["event_id"]) for r in reviews if r.action == "add"}
    rows = (work.find(r.anchor, types[_key(r.anchor)]) for r in reviews
            if r.action != "add" and r.anchor.event_id not in added)  # fmt: skip
    return frozenset(i for i in rows if i is not None)


def _assemble(events: pd.DataFrame, affected: Any, work: _Rows, cols: list[str]) -> pd.DataFrame:
    """The input frame with the review columns, the worked rows written back, the added rows appended
    (column by column: taking rows of Arrow-backed frames is slow)."""
    out = events.assign(review="unreviewed", review_reason="", reviewed_by="", reviewed_at="", review_added=False,
                        extracted_type=events["type"], merged_into="")[cols]  # fmt: skip
    pos = [int(p) for p in (affected.nonzero()[0] if len(events) else [])]
    extracted = [r for r in work.rows if not r["review_added"]]
    for c in cols:
        vals = [r.get(c) for r in extracted]
        before = out[c].iloc[pos].tolist() if pos else []
        if not pos or all(_same(a, b) for a, b in zip(vals, before, strict=True)):
            continue
        arr = out[c].astype(object).to_numpy(copy=True)
        for p, v in zip(pos, vals, strict=True):
            arr[p] = v
        column = pd.Series(arr, index=out.index, dtype=object)
        try:
            out[c] = column.astype(out[c].dtype)
        except (TypeError, ValueError):
            out[c] = column
    added = [_as_merged(r) if "n_sources" in cols else r for r in work.rows if r["review_added"]]
    if added:
        out = pd.concat([out, pd.DataFrame(added, columns=cols)], ignore_index=True)
    return out


def _as_merged(row: dict[str, Any]) -> dict[str, Any]:
    """An added event in a frame of merged reports (:func:`timeline.dedup.merge_duplicates`): one source."""
    return {**row, "sources": [str(row.get("source") or "")], "n_sources": 1, "merged_ids": [str(row["event_id"])],
            "evidences": [str(row.get("evidence") or "")], "merge_why": ""}  # fmt: skip


def _stamp(row: dict[str, Any], r: Review) -> None:
    row["reviewed_by"], row["reviewed_at"] = r.who, r.at


def review_counts(view_events: pd.DataFrame) -> dict[str, int]:
    """Events per review state (every state present, zero when none), and ``added``: the events a person
    added (state ``corrected``, ``review_added`` true), which ``corrected`` then leaves out."""
    counts = view_events["review"].value_counts() if len(view_events) else pd.Series(dtype=int)
    out = {s: int(counts.get(s, 0)) for s in ("unreviewed", "confirmed", "corrected", "rejected")}
    if len(view_events) and "review_added" in view_events.columns:
        added = int((view_events["review_added"].astype(bool) & (view_events["review"] == "corrected")).sum())
    else:
        added = 0
    return out | {"corrected": out["corrected"] - added, "added": added}
