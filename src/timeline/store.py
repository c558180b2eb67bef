"""An incremental Parquet event store, partitioned by month, that re-extracts only what changed.

Layout (readable as one table with ``pandas.read_parquet(DIR)``; ``month`` comes back as a column)::

    DIR/_manifest.parquet           article_id, fingerprint, partitions; "_" files are ignored by readers
    DIR/month=2017-04/part-<hash>.parquet   one file, or a few after appends (compacted at MAX_FILES)
    DIR/month=undated/part-<hash>.parquet   events without a date_start

Why a manifest: article ids are content hashes, so "have I seen this article with these rules?" is one
dictionary look-up (:meth:`EventStore.needs`), and the partitions listed for an article say which files
hold its old rows when a lexicon change makes it re-extract. An article that gave no event is recorded
too, so it is not extracted again.

Appends are cheap: new rows of a month go to a new file (named by a hash of its event ids). When an
article is re-extracted, the months holding its old rows are rewritten as one file without them, and a
month that collected ``MAX_FILES`` files is compacted the same way.

One writer at a time, nothing lost, nothing counted twice:

* every write holds an exclusive lock (``DIR/.lock``, the ``filelock`` library; a second writer, another
  ``extract --store`` or the dashboard ingesting uploads, waits up to ``LOCK_TIMEOUT`` seconds), and
  reads the manifest from disk under the lock, so what other writers added is merged, never overwritten;
* a write is a transaction: new files and the new manifest are written hidden (``.NAME.tmp``), then a
  journal (``DIR/_journal.json``) listing the renames and deletions is put in place (the commit point),
  then applied, then removed. A crash (kill -9) before the journal leaves only hidden files, which the
  next locked access deletes (the batch never happened: its articles are extracted again); a crash after
  it is finished by the next locked access (the batch happened). Either way the store is as before or as
  after the batch, whatever the next batch holds;
* :class:`EventStore` reads take the same lock, so they never see half a write. Other tools reading the
  folder (``pandas.read_parquet(DIR)``) see whole files and no duplicate rows at rest, but may see a
  write in progress: read through :class:`EventStore` (or ``timeline.table.read_events``) while writers run.

Deterministic: reads return rows in one canonical order (month, date_start, event_id) however the
store was filled, and :meth:`EventStore.compact` makes the files themselves canonical (same events,
same bytes; files carry no timestamps).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from timeline.model import EVENT_COLUMNS, stable_hash
from timeline.table import normalize_frame

MANIFEST = "_manifest.parquet"
JOURNAL = "_journal.json"
LOCK = ".lock"
LOCK_TIMEOUT = 600.0  # seconds a writer or reader waits for another writer before giving up
MAX_FILES = 8  # files a partition may collect from appends before it is compacted into one
UNDATED = "undated"

ACTOR_TYPE = pa.struct([("code", pa.string()), ("name", pa.string()), ("role", pa.string())])
PLACE_TYPE = pa.struct(
    [
        ("name", pa.string()),
        ("name_ar", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("precision", pa.string()),
    ]
)
_INT_COLUMNS = ("evidence_start", "evidence_end", "killed", "injured", "displaced")
_LIST_TYPES = {
    "actors": pa.list_(ACTOR_TYPE),
    "places": pa.list_(PLACE_TYPE),
    "about": pa.list_(PLACE_TYPE),
}
EVENT_SCHEMA = pa.schema(
    [
        (
            c,
            _LIST_TYPES.get(c)
            or (pa.int64() if c in _INT_COLUMNS else pa.float64() if c == "confidence" else pa.string()),
        )
        for c in EVENT_COLUMNS
    ]
)


def events_to_arrow(df: pd.DataFrame) -> pa.Table:
    """The schema's columns with fixed Arrow types, so every partition file has the same schema."""
    arrays = []
    for field in EVENT_SCHEMA:
        col = df[field.name] if field.name in df.columns else pd.Series([None] * len(df), dtype=object)
        if pa.types.is_list(field.type):
            values = [None if v is None or (isinstance(v, float) and v != v) else v for v in col.tolist()]
            arrays.append(pa.array(values, type=field.type))
        elif pa.types.is_string(field.type):
            try:  # pandas str dtype, or object of str/None/NaN: converted in C
                arrays.append(pa.array(col, type=field.type, from_pandas=True))
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                values = [None if _missing(v) else str(v) for v in col.tolist()]
                arrays.append(pa.array(values, type=field.type))
        else:
            arrays.append(pa.array(pd.to_numeric(col, errors="coerce"), type=field.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=EVENT_SCHEMA)


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v) or v is pd.NA


def month_of(date_start: Any) -> str:
    """The partition of an event: ``YYYY-MM`` of its date_start, or ``undated``."""
    return UNDATED if _missing(date_start) or not str(date_start) else str(date_start)[:7]


class StoreBusy(RuntimeError):
    """Another process held the store's lock for longer than the timeout."""


@dataclass
class _Transaction:
    """The files one write puts in place (hidden temporary -> final name) and the files it deletes."""

    renames: list[tuple[Path, Path]] = dc_field(default_factory=list)
    deletes: list[Path] = dc_field(default_factory=list)


@dataclass(frozen=True)
class WriteReport:
    articles: int  # articles written (new or re-extracted)
    replaced_articles: int  # of which were in the store before (their old rows were dropped)
    events: int  # rows added
    partitions: tuple[str, ...]  # months rewritten


class EventStore:
    """A folder of month partitions plus a manifest; see the module docstring."""

    def __init__(self, path: str | Path, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._manifest: dict[str, tuple[str, tuple[str, ...]]] | None = None
        self._filelock: Any = None

    # -- lock and recovery -------------------------------------------------------------------------
    @contextmanager
    def locked(self, write: bool = True) -> Iterator[None]:
        """Hold the store's exclusive lock (re-entrant in one thread); finish or undo a crashed write.

        Raises :class:`StoreBusy` after ``lock_timeout`` seconds. A reader of a store it cannot write
        (read-only folder) reads without the lock.
        """
        from filelock import FileLock, Timeout

        if write:
            self.path.mkdir(parents=True, exist_ok=True)
        elif not self.path.is_dir():
            yield
            return
        if self._filelock is None:
            self._filelock = FileLock(self.path / LOCK, timeout=self.lock_timeout)
        try:
            self._filelock.acquire()
        except Timeout:
            raise StoreBusy(
                f"the event store {self.path} is being written by another process "
                f"(waited {self.lock_timeout:.0f} s for {self.path / LOCK})"
            ) from None
        except OSError:
            if write:
                raise
            yield  # read-only store: nobody writes it
            return
        try:
            if self._filelock.lock_counter == 1:
                self._recover()
            yield
        finally:
            self._filelock.release()

    def _recover(self) -> None:
        """Under the lock: finish a committed write (journal present), delete what an uncommitted one left."""
        journal = self.path / JOURNAL
        if journal.exists():
            plan = json.loads(journal.read_text(encoding="utf-8"))
            self._apply(
                _Transaction(
                    [(self.path / a, self.path / b) for a, b in plan["renames"]],
                    [self.path / d for d in plan["deletes"]],
                )
            )
        for stray in [*self.path.glob(".*.tmp"), *self.path.glob("month=*/.*.tmp")]:
            stray.unlink(missing_ok=True)
        self._manifest = None  # another process may have written: read the manifest again

    def _commit(self, tx: _Transaction) -> None:
        """Make ``tx`` durable (the journal is the commit point), apply it, then drop the journal."""
        plan = {
            "renames": [
                [str(a.relative_to(self.path)), str(b.relative_to(self.path))] for a, b in tx.renames
            ],
            "deletes": [str(d.relative_to(self.path)) for d in tx.deletes],
        }
        for tmp, _ in tx.renames:
            _fsync(tmp)
        staged = self.path / f".{JOURNAL}.tmp"
        staged.write_text(json.dumps(plan), encoding="utf-8")
        _fsync(staged)
        os.replace(staged, self.path / JOURNAL)
        self._apply(tx)

    def _apply(self, tx: _Transaction) -> None:
        """Rename and delete as planned; safe to repeat after a crash half way through."""
        for tmp, final in tx.renames:
            if tmp.exists():
                os.replace(tmp, final)
        for old in tx.deletes:
            old.unlink(missing_ok=True)
        for folder in {p.parent for p in tx.deletes}:
            if folder != self.path and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        (self.path / JOURNAL).unlink(missing_ok=True)

    # -- manifest -----------------------------------------------------------------------------------
    def _load(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """article_id -> (fingerprint, partitions), read once per instance and kept up to date."""
        if self._manifest is None:
            f = self.path / MANIFEST
            if f.exists():
                t = pq.read_table(f)
                ids, fps = t.column("article_id").to_pylist(), t.column("fingerprint").to_pylist()
                parts = t.column("partitions").to_pylist()
                self._manifest = {a: (fp, tuple(p)) for a, fp, p in zip(ids, fps, parts, strict=True)}
            else:
                self._manifest = {}
        return self._manifest

    def known_articles(self) -> dict[str, str]:
        """article_id -> the lexicon fingerprint it was extracted with."""
        return {a: rec[0] for a, rec in self._load().items()}

    def needs(self, article_id: str, fingerprint: str) -> bool:
        """True when the article is new, or was extracted with other rules."""
        rec = self._load().get(article_id)
        return rec is None or rec[0] != fingerprint

    # -- write ----------------------------------------------------------------------------------------
    def write(self, events: pd.DataFrame, article_fingerprints: Mapping[str, str]) -> WriteReport:
        """Put the events of these articles in the store, replacing any rows they had before.

        ``article_fingerprints`` lists every article extracted in this batch (also those that gave no
        event); ``events`` must only hold rows of those articles. Only the schema's columns are stored
        (the store keeps one row per report; merging duplicates happens when reading, with
        :func:`timeline.dedup.merge_duplicates`). Holds the lock; see the module docstring.
        """
        with self.locked():
            return self._write(events, article_fingerprints)

    def _write(self, events: pd.DataFrame, article_fingerprints: Mapping[str, str]) -> WriteReport:
        manifest = dict(self._load())  # read under the lock: other writers' articles are kept
        ids = set(article_fingerprints)
        table = events_to_arrow(events)
        if len(events):
            stray = set(events["article_id"].astype(str)) - ids
            if stray:
                raise ValueError(f"events of articles not in article_fingerprints: {sorted(stray)[:3]}")
        months = pc.fill_null(pc.utf8_slice_codeunits(table.column("date_start"), 0, 7), UNDATED)
        months = pc.if_else(pc.equal(months, ""), UNDATED, months)
        month_codes, month_names = pd.factorize(pd.Series(months.to_numpy(zero_copy_only=False)), sort=True)
        order = np.argsort(month_codes, kind="stable")
        table, month_codes = table.take(pa.array(order)), month_codes[order]
        bounds = np.searchsorted(month_codes, np.arange(len(month_names) + 1))
        new_parts = {str(m): (int(bounds[k]), int(bounds[k + 1])) for k, m in enumerate(month_names)}
        old_parts = {m for a in ids if a in manifest for m in manifest[a][1]}
        touched = sorted(old_parts | set(new_parts))
        replace = pa.array(sorted(ids), type=pa.string())
        tx = _Transaction()
        for month in touched:
            lo, hi = new_parts.get(month, (0, 0))
            self._stage_partition(
                month, table.slice(lo, hi - lo), replace if month in old_parts else None, tx
            )
        article_months: dict[str, list[str]] = {a: [] for a in ids}
        pairs = pd.DataFrame(
            {"a": table.column("article_id").to_numpy(zero_copy_only=False), "m": month_codes}
        )
        pairs = pairs.drop_duplicates().sort_values(["a", "m"])
        names = [str(m) for m in month_names]
        for a, m in zip(pairs["a"].tolist(), pairs["m"].tolist(), strict=True):
            article_months[a].append(names[m])
        replaced = sum(1 for a in ids if a in manifest)
        for a, fp in article_fingerprints.items():
            manifest[a] = (fp, tuple(article_months[a]))
        tx.renames.append((self._stage_manifest(manifest), self.path / MANIFEST))
        self._commit(tx)
        self._manifest = manifest
        return WriteReport(len(ids), replaced, len(events), tuple(touched))

    def _files(self, month: str) -> list[Path]:
        return sorted((self.path / f"month={month}").glob("part-*.parquet"))

    def _stage_partition(
        self, month: str, fresh: pa.Table, replace: pa.Array | None, tx: _Transaction
    ) -> None:
        """Plan adding ``fresh`` rows to a month: a new file, or (when old rows must go, or the month has
        collected too many files) one compacted file in place of all of them."""
        folder = self.path / f"month={month}"
        old_files = self._files(month)
        if replace is None and len(old_files) < MAX_FILES:
            if fresh.num_rows:
                tx.renames.append(_write_hidden(_sorted_unique(fresh), folder))
            return
        parts = [pq.read_table(f, schema=EVENT_SCHEMA) for f in old_files]
        if replace is not None:
            parts = [t.filter(pc.invert(pc.is_in(t.column("article_id"), value_set=replace))) for t in parts]
        merged = _sorted_unique(pa.concat_tables([*parts, fresh]))
        new_file = None
        if merged.num_rows:
            tx.renames.append(_write_hidden(merged, folder))
            new_file = tx.renames[-1][1]
        tx.deletes.extend(f for f in old_files if f != new_file)

    def compact(self) -> None:
        """Rewrite every partition as one sorted file (the canonical form: same events, same bytes)."""
        with self.locked():
            tx = _Transaction()
            for month in self.partitions():
                if len(self._files(month)) > 1:
                    self._stage_partition(month, EVENT_SCHEMA.empty_table(), pa.array([], pa.string()), tx)
            if tx.renames or tx.deletes:
                self._commit(tx)

    def _stage_manifest(self, manifest: dict[str, tuple[str, tuple[str, ...]]]) -> Path:
        ids = sorted(manifest)
        body = pa.table(
            {
                "article_id": pa.array(ids, pa.string()),
                "fingerprint": pa.array([manifest[a][0] for a in ids], pa.string()),
                "partitions": pa.array([list(manifest[a][1]) for a in ids], pa.list_(pa.string())),
            }
        )
        tmp = self.path / f".{MANIFEST}.tmp"
        pq.write_table(body, tmp, compression="zstd")
        return tmp

    # -- read -----------------------------------------------------------------------------------------
    def partitions(self) -> list[str]:
        """The months that hold rows (``YYYY-MM`` or ``undated``), sorted."""
        with self.locked(write=False):
            return sorted(
                p.name.split("=", 1)[1] for p in self.path.glob("month=*") if any(p.glob("part-*.parquet"))
            )

    def read_arrow(
        self, columns: Sequence[str] | None = None, filters: Any = None, months: Sequence[str] | None = None
    ) -> pa.Table:
        """The store as one Arrow table (``month`` included); ``months`` reads only those partitions.

        Rows come in the canonical order (month, date_start, event_id) however the store was filled.
        Holds the lock while reading: a write in progress is waited for, never seen in part.
        """
        with self.locked(write=False):
            return self._read_arrow(columns, filters, months)

    def _read_arrow(
        self, columns: Sequence[str] | None, filters: Any, months: Sequence[str] | None
    ) -> pa.Table:
        cols = list(columns) if columns else None
        tables = []
        for month in months or self.partitions():
            files = self._files(month)
            if not files:
                continue
            parts = [pq.read_table(f, schema=EVENT_SCHEMA, filters=filters) for f in files]
            t = parts[0] if len(parts) == 1 else _sorted_unique(pa.concat_tables(parts))
            t = t.append_column("month", pa.array([month] * t.num_rows, pa.string()))
            tables.append(t.select(cols) if cols else t)
        if not tables:
            empty = pa.schema([*EVENT_SCHEMA, ("month", pa.string())]).empty_table()
            return empty.select(cols) if cols else empty
        return pa.concat_tables(tables)

    def read(
        self, columns: Sequence[str] | None = None, filters: Any = None, months: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """The store as an event table (the schema's columns and ``month``; lists as lists of dicts).

        ``filters`` is pyarrow's (a list of ``(column, op, value)`` tuples or an expression), e.g.
        ``[("type", "==", "talks")]``. With ``columns`` the frame holds just those, as stored.
        """
        table = self.read_arrow(columns, filters, months)
        if columns:
            return _to_pandas(table)
        return normalize_frame(_to_pandas(table))

    def __len__(self) -> int:
        with self.locked(write=False):
            return sum(pq.ParquetFile(f).metadata.num_rows for m in self.partitions() for f in self._files(m))


def _write_hidden(table: pa.Table, folder: Path) -> tuple[Path, Path]:
    """Write to a hidden temporary file; return (it, the final name) for the transaction to rename.
    The name is a hash of the rows' event ids, so the same rows always land in the same file."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = stable_hash(table.column("event_id").to_pylist())
    target = folder / f"part-{digest}.parquet"
    tmp = folder / f".{target.name}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    return tmp, target


def _fsync(path: Path) -> None:
    """Flush a file to disk before the journal that names it (a power cut keeps whole files)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sorted_unique(table: pa.Table) -> pa.Table:
    """Rows ordered by (date_start, event_id), one per event_id: the store's canonical order.

    An event_id hashes its date_start, so copies of one event sit next to each other once sorted.
    """
    if table.num_rows < 2:
        return table
    table = table.sort_by([("date_start", "ascending"), ("event_id", "ascending")])
    ids = table.column("event_id").to_numpy(zero_copy_only=False)
    keep = np.ones(len(ids), dtype=bool)
    keep[1:] = ids[1:] != ids[:-1]
    return table if keep.all() else table.filter(pa.array(keep))


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow -> pandas with list cells as Python lists of dicts (the table module's convention)."""
    data: dict[str, Any] = {}
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_list(col.type):
            data[name] = pd.Series(col.to_pylist(), dtype=object)
        else:
            data[name] = col.to_pandas()
    return pd.DataFrame(data, columns=table.column_names)
