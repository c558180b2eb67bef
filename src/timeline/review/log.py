"""The review log: an append-only SQLite table beside the event store (stdlib ``sqlite3``, WAL mode).

A row is one act of a person on one event: who, when (UTC, ISO 8601), which action (``confirm``,
``reject``, ``edit``, ``merge``, ``add``, ``reset``), the anchor of the event (``article_id``, the
evidence span, the extractor's ``type``, and the ``event_id`` of the time as a hint), the field, the value
before and after (JSON), and a note (the reason of a rejection). Rows are never updated or deleted: the
current view is the extraction with every row applied in time order (:mod:`timeline.review.apply`).

WAL mode and a busy timeout let two dashboard sessions (or a session and ``timeline review import``)
write at once without losing a row; each append is one short transaction. Every row has a ``uid``, a hash
of its content, so importing a colleague's export twice adds nothing the second time.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timeline.model import stable_hash

ACTIONS = ("confirm", "reject", "edit", "merge", "add", "reset")
STATES = ("unreviewed", "confirmed", "corrected", "rejected")
#: Reasons offered for a rejection (free text is accepted too).
REJECT_REASONS = ("not an event", "duplicate", "wrong type", "about the past")
LOG_NAME = "_reviews.sqlite"  # "_" files are ignored by Parquet readers of the store folder
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    uid         TEXT NOT NULL UNIQUE,
    who         TEXT NOT NULL,
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    span_start  INTEGER,
    span_end    INTEGER,
    type        TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    field       TEXT NOT NULL,
    before      TEXT,
    after       TEXT,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS reviews_article ON reviews (article_id);
"""


@dataclass(frozen=True)
class Anchor:
    """What a review is about: the article, the evidence span (character offsets), the extractor's type.

    ``event_id`` is the id the event had when it was reviewed: tried first when re-attaching, but an id
    changes when the extractor's date for the same sentence changes, so it is a hint, not the key.
    """

    article_id: str
    start: int | None
    end: int | None
    type: str
    event_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "type": self.type,
                "event_id": self.event_id}  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Anchor:
        return cls(str(d["article_id"]), _int(d.get("start")), _int(d.get("end")), str(d.get("type") or ""),
                   str(d.get("event_id") or ""))  # fmt: skip


@dataclass(frozen=True)
class Review:
    """One row of the log. ``before``/``after`` are JSON values (a field's value, a state, an anchor of
    the event merged into, or a whole event record for ``add``)."""

    who: str
    at: str
    action: str
    anchor: Anchor
    field: str = ""
    before: Any = None
    after: Any = None
    note: str = ""
    seq: int = 0
    uid: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown review action {self.action!r}: use one of {', '.join(ACTIONS)}")
        if not self.uid:
            object.__setattr__(self, "uid", self.content_hash())

    def content_hash(self) -> str:
        return stable_hash(self.who, self.at, self.action, self.anchor.to_dict(), self.field, self.before,
                           self.after, self.note, length=24)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """The exported form (one JSON line of ``timeline review export``)."""
        return {"uid": self.uid, "who": self.who, "at": self.at, "action": self.action,
                "anchor": self.anchor.to_dict(), "field": self.field, "before": self.before,
                "after": self.after, "note": self.note}  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Review:
        """Parse an exported line; raises ``ValueError`` (with the missing or bad key) on bad input."""
        try:
            anchor = Anchor.from_dict(d["anchor"])
            return cls(who=str(d["who"]), at=str(d["at"]), action=str(d["action"]), anchor=anchor,
                       field=str(d.get("field") or ""), before=d.get("before"), after=d.get("after"),
                       note=str(d.get("note") or ""), uid=str(d.get("uid") or ""))  # fmt: skip
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a review record (missing or bad {exc})") from exc


def now_utc() -> str:
    """The current time as ISO 8601 UTC with microseconds (the log's ``at``)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _int(v: Any) -> int | None:
    if v is None or v == "":
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def _dump(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)


def _load(s: str | None) -> Any:
    return None if s is None else json.loads(s)


@dataclass(frozen=True)
class ImportReport:
    """What ``import_reviews`` did: rows added, rows already present, and conflicts with the local log
    (same anchor and field, different outcome; both kept, the later one wins in the view)."""

    added: int
    skipped: int
    conflicts: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.added} reviews added, {self.skipped} already present, {len(self.conflicts)} conflicts"


class ReviewLog:
    """The log file at ``path`` (created with its folder on first write). One short connection per call,
    so an instance can be shared between threads and Streamlit sessions."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @classmethod
    def beside(cls, store: str | Path) -> ReviewLog:
        """The log of an event store: ``DIR/_reviews.sqlite`` for a store folder, ``NAME.reviews.sqlite``
        next to an event file."""
        p = Path(store)
        if p.suffix and not p.is_dir():
            return cls(p.with_name(p.name + ".reviews.sqlite"))
        return cls(p / LOG_NAME)

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        if write:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30, isolation_level=None)) as con:
            con.execute("PRAGMA busy_timeout = 30000")
            if write:
                if con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    con.execute("PRAGMA journal_mode = WAL")
                con.executescript(_SCHEMA)
                con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            yield con

    def append(self, reviews: Iterable[Review]) -> int:
        """Add reviews in one transaction; returns how many were new (a ``uid`` already present is skipped)."""
        rows = [
            (r.uid, r.who, r.at, r.action, r.anchor.article_id, r.anchor.start, r.anchor.end, r.anchor.type,
             r.anchor.event_id, r.field, _dump(r.before), _dump(r.after), r.note)
            for r in reviews
        ]  # fmt: skip
        with self._connect(write=True) as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                before = con.total_changes
                con.executemany(
                    "INSERT OR IGNORE INTO reviews (uid, who, at, action, article_id, span_start, span_end,"
                    " type, event_id, field, before, after, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
                added = con.total_changes - before
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return added

    def add(self, review: Review) -> Review:
        """Append one review and return it."""
        self.append([review])
        return review

    def reviews(self, article_ids: Iterable[str] | None = None) -> list[Review]:
        """Every review in time order (``at``, then insertion); only those of ``article_ids`` when given."""
        if not self.path.exists():
            return []
        sql = "SELECT seq, uid, who, at, action, article_id, span_start, span_end, type, event_id, field," \
              " before, after, note FROM reviews"  # fmt: skip
        with self._connect() as con:
            try:
                rows = con.execute(sql + " ORDER BY at, seq").fetchall()
            except sqlite3.OperationalError as exc:  # an empty file, or another program's database
                if "no such table" in str(exc):
                    return []
                raise
        wanted = set(article_ids) if article_ids is not None else None
        return [
            Review(who=w, at=at, action=act, anchor=Anchor(a, s, e, t, ev), field=f, before=_load(b),
                   after=_load(af), note=n, seq=seq, uid=uid)
            for seq, uid, w, at, act, a, s, e, t, ev, f, b, af, n in rows
            if wanted is None or a in wanted
        ]  # fmt: skip

    def __len__(self) -> int:
        return self.version()[0]

    def version(self) -> tuple[int, int]:
        """(number of reviews, last row number): changes whenever a review is added (a cache key)."""
        if not self.path.exists():
            return (0, 0)
        with self._connect() as con:
            try:
                n, last = con.execute("SELECT count(*), coalesce(max(seq), 0) FROM reviews").fetchone()
            except sqlite3.OperationalError:
                return (0, 0)
        return (int(n), int(last))

    # -- sharing ---------------------------------------------------------------------------------------
    def export_lines(self) -> Iterator[str]:
        """One JSON line per review, in time order (the format of ``timeline review export``)."""
        for r in self.reviews():
            yield json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"

    def import_reviews(self, records: Iterable[Mapping[str, Any]]) -> ImportReport:
        """Add a colleague's reviews (parsed export lines). Reviews already present are skipped; a review
        of the same anchor and field as a local one with another outcome is kept and reported as a
        conflict (the later one wins in the view). Raises ``ValueError`` naming the first bad record
        before anything is written."""
        incoming = []
        for n, rec in enumerate(records, 1):
            try:
                incoming.append(Review.from_dict(rec))
            except ValueError as exc:
                raise ValueError(f"record {n}: {exc}") from None
        local = self.reviews()
        known = {r.uid for r in local}
        outcome: dict[tuple, tuple[str, Any, str]] = {}
        for r in local:
            outcome[_slot(r)] = (_dump(r.after) or r.action, r.who, r.at)
        conflicts = []
        for r in incoming:
            if r.uid in known:
                continue
            mine = outcome.get(_slot(r))
            if mine and mine[0] != (_dump(r.after) or r.action):
                a = r.anchor
                conflicts.append(
                    f"{a.article_id}:{a.start}-{a.end} {a.type} {r.field or r.action}: {mine[1]} ({mine[2]})"
                    f" set {mine[0]}, {r.who} ({r.at}) set {_dump(r.after) or r.action}"
                )
        added = self.append(incoming)
        return ImportReport(added, len(incoming) - added, tuple(conflicts))


def _slot(r: Review) -> tuple:
    """What two reviews must share to conflict: the anchor (without the id hint) and what they set."""
    a = r.anchor
    what = r.field if r.action in ("edit", "add") else "review"
    return (a.article_id, a.start, a.end, a.type, what)
