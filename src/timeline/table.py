"""The event table: events -> pandas DataFrame, and reading/writing it as JSONL, Parquet, CSV, GeoJSON.

Lists (actors, places, about) stay lists of dicts in JSONL and Parquet; CSV joins them with ";" (the schema's
rule), so a CSV is for reading by people and spreadsheets, not for round trips.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from timeline.model import EVENT_COLUMNS, Event

WRITABLE_SUFFIXES = (".jsonl", ".parquet", ".csv", ".geojson", ".json")


def events_to_frame(events: Iterable[Event | dict[str, Any]]) -> pd.DataFrame:
    """One row per event with exactly the schema's columns, in order."""
    rows = [e.to_row() if isinstance(e, Event) else e for e in events]
    return normalize_frame(pd.DataFrame(rows, columns=list(EVENT_COLUMNS)))


def normalize_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Give a frame read from any format the schema's columns and dtypes (extra columns are kept)."""
    df = df.copy()
    for col in EVENT_COLUMNS:
        if col not in df.columns:
            df[col] = None
    for col in ("actors", "places", "about"):
        df[col] = df[col].map(_as_list)
    for col in ("killed", "injured", "displaced", "evidence_start", "evidence_end"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
    df["confidence"] = pd.to_numeric(df["confidence"], errors="coerce").astype(float)
    for col in ("date_start", "date_end"):
        df[col] = df[col].map(lambda v: None if _missing(v) else str(v)[:10]).astype(object)
    extra = [c for c in df.columns if c not in EVENT_COLUMNS]
    return df[list(EVENT_COLUMNS) + extra].reset_index(drop=True)


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _as_list(v: Any) -> list[dict[str, Any]]:
    if v is None:
        return []
    if isinstance(v, str):
        v = v.strip()
        if not v:
            return []
        try:
            return list(json.loads(v))
        except json.JSONDecodeError:
            return []
    if hasattr(v, "tolist"):
        v = v.tolist()
    try:
        if pd.isna(v):
            return []
    except (TypeError, ValueError):
        pass
    return [dict(x) for x in v]


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The table for CSV: actor codes and place names joined with ";" (the schema's rule)."""
    out = df.copy()
    out["actors"] = out["actors"].map(lambda xs: ";".join(f"{a['code']}:{a['name']}" for a in xs))
    for col in ("places", "about"):
        out[col] = out[col].map(lambda xs: ";".join(p["name"] for p in xs))
    return out


def to_geojson(df: pd.DataFrame) -> dict[str, Any]:
    """A FeatureCollection with one point feature per (event, place); events without places are left out."""
    features = []
    for row in df.to_dict("records"):
        for place in row["places"]:
            props = {k: v for k, v in row.items() if k != "places"}
            props["place"] = place
            props = json.loads(json.dumps(props, default=_json_default))
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                    "properties": props,
                }
            )
    return {"type": "FeatureCollection", "features": features}


def _json_default(v: Any) -> Any:
    if _missing(v):
        return None
    if hasattr(v, "item"):
        return v.item()
    if hasattr(v, "tolist"):
        return v.tolist()
    return str(v)


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (NaN -> null, numpy -> Python)."""
    return json.loads(df.to_json(orient="records", force_ascii=False, default_handler=str))


def write_jsonl(df: pd.DataFrame, fh: TextIO) -> None:
    for rec in records(df):
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def write_events(df: pd.DataFrame, path: str | Path | None) -> None:
    """Write the table by the file's suffix; ``None`` or ``-`` writes JSONL to stdout."""
    if path is None or str(path) == "-":
        write_jsonl(df, sys.stdout)
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as fh:
            write_jsonl(df, fh)
    elif suffix == ".json":
        path.write_text(json.dumps(records(df), ensure_ascii=False, indent=1), encoding="utf-8")
    elif suffix == ".parquet":
        df.to_parquet(path, index=False)
    elif suffix == ".csv":
        csv_frame(df).to_csv(path, index=False)
    elif suffix == ".geojson":
        path.write_text(json.dumps(to_geojson(df), ensure_ascii=False), encoding="utf-8")
    else:
        raise ValueError(f"unknown output format {suffix!r}; use one of {', '.join(WRITABLE_SUFFIXES)}")


def read_events(path: str | Path) -> pd.DataFrame:
    """Read an event table written by :func:`write_events` (JSONL, JSON or Parquet file or folder)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir() and (path / "_manifest.parquet").exists():
        from timeline.store import EventStore

        return EventStore(path).read()  # under the store's lock: never half a write
    if path.is_dir() or suffix == ".parquet":
        df = pd.read_parquet(path)
    elif suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            df = pd.DataFrame([json.loads(line) for line in fh if line.strip()])
    elif suffix == ".json":
        df = pd.DataFrame(json.loads(path.read_text(encoding="utf-8")))
    else:
        raise ValueError(f"cannot read events from {suffix!r}: use .jsonl, .json or .parquet")
    return normalize_frame(df)
