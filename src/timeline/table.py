"""The event table: events -> pandas DataFrame, and reading/writing it as JSONL, Parquet, CSV, GeoJSON.

Lists (actors, places, about) stay lists of dicts in JSONL and Parquet; CSV joins them with ";" (the schema's
rule), so a CSV is for reading by people and spreadsheets, not for round trips.
"""

from __future__ import annotations

import csv
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


#: A spreadsheet reads a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+1``, ``@SUM``, a leading tab
    or carriage return) gets a leading apostrophe, as OWASP advises; numbers ("-3.5") and other values are
    kept. :func:`read_events` takes the apostrophe off again."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def _unquote_formula(value: Any) -> Any:
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value[1:2]
        and value[1] in "".join(FORMULA_STARTS)
    ):
        return value[1:]
    return value


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The table for CSV: actors as ``code:name`` and places by name, joined with ";" (the schema's rule), and
    every text cell made spreadsheet-safe (:func:`spreadsheet_safe`)."""
    out = df.copy()
    out["actors"] = out["actors"].map(lambda xs: ";".join(f"{a['code']}:{a['name']}" for a in xs))
    for col in ("places", "about"):
        out[col] = out[col].map(lambda xs: ";".join(p["name"] for p in xs))
    for col, sep in LIST_SEPARATORS.items():  # a merged event's sources, ids, evidences (timeline.dedup)
        if col in out.columns:
            out[col] = out[col].map(lambda xs, sep=sep: xs if _missing_list(xs) else sep.join(map(str, xs)))
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(spreadsheet_safe)
    return out


#: Text columns of lists in CSV and what joins their items: a merged event's sources and ids with ";" (as
#: the schema's lists), its evidences (sentences, which may hold ";") with a blank line.
LIST_SEPARATORS = {"sources": ";", "merged_ids": ";", "evidences": "\n\n"}


def _missing_list(v: Any) -> bool:
    return isinstance(v, str) or (not hasattr(v, "__len__") and _missing(v))


def to_geojson(df: pd.DataFrame) -> dict[str, Any]:
    """A FeatureCollection with one point feature per (event, place); an event without a place (or whose
    place has no coordinates) is one feature with a null geometry (RFC 7946 §3.2), so none is lost."""
    features = []
    for row in df.to_dict("records"):
        for place in row["places"] or [None]:
            props = {k: v for k, v in row.items() if k != "places"}
            props["place"] = place
            props = json.loads(json.dumps(props, default=_json_default))
            located = place is not None and not _missing(place.get("lat")) and not _missing(place.get("lon"))
            geometry = {"type": "Point", "coordinates": [place["lon"], place["lat"]]} if located else None
            features.append({"type": "Feature", "geometry": geometry, "properties": props})
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


def check_output_path(path: str | Path | None) -> None:
    """Raise ``ValueError`` (one line) unless :func:`write_events` can write ``path``: call it before any
    work, so a wrong suffix is refused at once rather than after the extraction."""
    if path is None or str(path) == "-":
        return
    p = Path(path)
    if p.suffix.lower() not in WRITABLE_SUFFIXES:
        raise ValueError(
            f"unknown output format {p.suffix or p.name!r}; use one of {', '.join(WRITABLE_SUFFIXES)}"
        )
    if p.is_dir():
        raise ValueError(f"output {p} is a folder; give a file name")


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
        # the BOM: Arabic opens right in spreadsheets; all quoted: a bare "\r" must not end a row
        csv_frame(df).to_csv(path, index=False, encoding="utf-8-sig", quoting=csv.QUOTE_ALL)
    elif suffix == ".geojson":
        path.write_text(json.dumps(to_geojson(df), ensure_ascii=False), encoding="utf-8")
    else:
        raise ValueError(f"unknown output format {suffix!r}; use one of {', '.join(WRITABLE_SUFFIXES)}")


READABLE_SUFFIXES = (".jsonl", ".json", ".parquet", ".csv", ".geojson")


def check_events_path(path: str | Path) -> Path:
    """``path`` if :func:`read_events` can read it (checked before any work), else ``ValueError`` with a
    one-line reason: missing path, a folder without Parquet files, or an unknown suffix."""
    p = Path(path)
    if not p.exists():
        raise ValueError(f"no such event file or folder: {p}")
    if p.is_dir():
        if not any(p.rglob("*.parquet")):
            raise ValueError(f"{p} is a folder without Parquet files (expected an event store)")
        return p
    if p.suffix.lower() not in READABLE_SUFFIXES:
        raise ValueError(
            f"cannot read events from {p.name}: use one of {', '.join(READABLE_SUFFIXES)} or a store folder"
        )
    return p


def read_events(path: str | Path) -> pd.DataFrame:
    """Read an event table written by :func:`write_events`: JSONL, JSON, Parquet (file or store folder), CSV
    or GeoJSON. CSV keeps actor codes/names and place names only: roles are lost and places get their
    coordinates back from the offline gazetteer. GeoJSON features (one per event and place) are grouped
    back into events. Raises ``ValueError`` (one line) for a missing path or an unknown format."""
    path = check_events_path(path)
    suffix = path.suffix.lower()
    if path.is_dir() and (path / "_manifest.parquet").exists():
        from timeline.store import EventStore

        return EventStore(path).read()  # under the store's lock: never half a write
    if path.is_dir() or suffix == ".parquet":
        df = pd.read_parquet(path)
    elif suffix == ".jsonl":
        with path.open(encoding="utf-8-sig") as fh:
            df = pd.DataFrame([json.loads(line) for line in fh if line.strip()])
    elif suffix == ".json":
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
        df = pd.DataFrame(doc["events"] if isinstance(doc, dict) and "events" in doc else doc)
    elif suffix == ".geojson":
        df = _from_geojson(json.loads(path.read_text(encoding="utf-8-sig")))
    else:
        df = _from_csv(path)
    return normalize_frame(df)


def _from_geojson(doc: dict[str, Any]) -> pd.DataFrame:
    rows: dict[str, dict[str, Any]] = {}
    for feature in doc.get("features") or []:
        props = dict(feature.get("properties") or {})
        place = props.pop("place", None)
        row = rows.setdefault(str(props.get("event_id")), {**props, "places": []})
        if place:
            row["places"].append(place)
    return pd.DataFrame(list(rows.values()))


def _from_csv(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df = df.map(_unquote_formula).replace({"": None})
    df = df.drop(columns=[c for c in ("citation",) if c in df.columns])

    def actors(cell: Any) -> list[dict[str, Any]]:
        out = []
        for item in str(cell or "").split(";"):
            code, _, name = item.partition(":")
            if item:
                out.append({"code": code, "name": name or code, "role": None})
        return out

    gazetteer = None

    def places(cell: Any) -> list[dict[str, Any]]:
        nonlocal gazetteer
        out = []
        for name in (n for n in str(cell or "").split(";") if n):
            if gazetteer is None:
                from timeline.gazetteer import Gazetteer

                gazetteer = Gazetteer.load()
            found = gazetteer.lookup(name)
            if found:
                p = gazetteer.resolve(found).to_place()
                out.append({**{k: getattr(p, k) for k in _PLACE_KEYS}, "name": name})
            else:
                out.append({"name": name, "lat": None, "lon": None, "precision": None})
        return out

    for col, sep in LIST_SEPARATORS.items():
        if col in df.columns:
            df[col] = df[col].map(lambda v, sep=sep: [x for x in str(v).split(sep) if x] if v else None)
    if "n_sources" in df.columns:
        df["n_sources"] = pd.to_numeric(df["n_sources"], errors="coerce").astype("Int64")
    df["actors"] = df["actors"].map(actors) if "actors" in df.columns else None
    for col in ("places", "about"):
        df[col] = df[col].map(places) if col in df.columns else None
    return df


_PLACE_KEYS = ("name", "name_ar", "lat", "lon", "country", "admin1", "precision")
