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
month that collected ``MAX_FILES`` files is compacted the same way. Every file is written hidden and
renamed into place; old files are deleted after; the manifest is swapped last. A crash before that
leaves rows of articles the manifest does not know: the next run extracts them again, and any row
present twice is dropped on reading (event ids are unique). One writer at a time.

Deterministic: reads return rows in one canonical order (month, date_start, event_id) however the
store was filled, and :meth:`EventStore.compact` makes the files themselves canonical (same events,
same bytes; files carry no timestamps).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class WriteReport:
    articles: int  # articles written (new or re-extracted)
    replaced_articles: int  # of which were in the store before (their old rows were dropped)
    events: int  # rows added
    partitions: tuple[str, ...]  # months rewritten


class EventStore:
    """A folder of month partitions plus a manifest; see the module docstring."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._manifest: dict[str, tuple[str, tuple[str, ...]]] | None = None

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
        :func:`timeline.dedup.merge_duplicates`).
        """
        manifest = dict(self._load())
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
        for month in touched:
            lo, hi = new_parts.get(month, (0, 0))
            self._write_partition(month, table.slice(lo, hi - lo), replace if month in old_parts else None)
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
        self._save(manifest)
        return WriteReport(len(ids), replaced, len(events), tuple(touched))

    def _files(self, month: str) -> list[Path]:
        return sorted((self.path / f"month={month}").glob("part-*.parquet"))

    def _write_partition(self, month: str, fresh: pa.Table, replace: pa.Array | None) -> None:
        """Add ``fresh`` rows to a month: a new file, or (when old rows must go, or the month has collected
        too many files) one compacted file in place of all of them."""
        folder = self.path / f"month={month}"
        old_files = self._files(month)
        if replace is None and len(old_files) < MAX_FILES:
            if fresh.num_rows:
                _write_atomic(_sorted_unique(fresh), folder)
            return
        parts = [pq.read_table(f, schema=EVENT_SCHEMA) for f in old_files]
        if replace is not None:
            parts = [t.filter(pc.invert(pc.is_in(t.column("article_id"), value_set=replace))) for t in parts]
        merged = _sorted_unique(pa.concat_tables([*parts, fresh]))
        new_file = _write_atomic(merged, folder) if merged.num_rows else None
        for f in old_files:
            if f != new_file:
                f.unlink()
        if new_file is None and folder.exists() and not any(folder.iterdir()):
            folder.rmdir()

    def compact(self) -> None:
        """Rewrite every partition as one sorted file (the canonical form: same events, same bytes)."""
        for month in self.partitions():
            if len(self._files(month)) > 1:
                self._write_partition(month, EVENT_SCHEMA.empty_table(), pa.array([], pa.string()))

    def _save(self, manifest: dict[str, tuple[str, tuple[str, ...]]]) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
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
        os.replace(tmp, self.path / MANIFEST)
        self._manifest = manifest

    # -- read -----------------------------------------------------------------------------------------
    def partitions(self) -> list[str]:
        return sorted(
            p.name.split("=", 1)[1] for p in self.path.glob("month=*") if any(p.glob("part-*.parquet"))
        )

    def read_arrow(
        self, columns: Sequence[str] | None = None, filters: Any = None, months: Sequence[str] | None = None
    ) -> pa.Table:
        """The store as one Arrow table (``month`` included); ``months`` reads only those partitions.

        Rows come in the canonical order (month, date_start, event_id) however the store was filled.
        """
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
        return sum(pq.ParquetFile(f).metadata.num_rows for m in self.partitions() for f in self._files(m))


def _write_atomic(table: pa.Table, folder: Path) -> Path:
    """Write to a hidden temporary file, then rename: readers never see half a file. The name is a
    hash of the rows' event ids, so the same rows always land in the same file."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = stable_hash(table.column("event_id").to_pylist())
    target = folder / f"part-{digest}.parquet"
    tmp = folder / f".{target.name}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, target)
    return target


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
