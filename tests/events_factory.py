"""Small event tables that follow the schema exactly (``timeline.model.EVENT_COLUMNS``), for the
dashboard tests. Build rows with :func:`event`, a frame with :func:`frame`, a JSONL file with
:func:`write_jsonl`; :func:`sample_frame` is a ready mix of types, statuses, languages and places.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.model import INTEROP_CODES, stable_hash
from timeline.table import events_to_frame

ALEPPO = {
    "name": "Aleppo",
    "name_ar": "حلب",
    "lat": 36.2021,
    "lon": 37.1343,
    "country": "SYR",
    "admin1": "Aleppo",
    "precision": "point",
}
IDLIB = {
    "name": "Idlib",
    "name_ar": "إدلب",
    "lat": 35.9306,
    "lon": 36.6339,
    "country": "SYR",
    "admin1": "Idlib",
    "precision": "point",
}
SARAQIB = {
    "name": "Saraqib",
    "name_ar": "سراقب",
    "lat": 35.8647,
    "lon": 36.8003,
    "country": "SYR",
    "admin1": "Idlib",
    "precision": "point",
}
SOUTH_IDLIB = {
    "name": "southern Idlib countryside",
    "name_ar": "ريف إدلب الجنوبي",
    "lat": 35.6,
    "lon": 36.65,
    "country": "SYR",
    "admin1": "Idlib",
    "precision": "region",
}
ANKARA = {
    "name": "Ankara",
    "name_ar": "أنقرة",
    "lat": 39.9334,
    "lon": 32.8597,
    "country": "TUR",
    "admin1": "Ankara",
    "precision": "point",
}

TURKEY = {"code": "TURGOV", "name": "Turkey", "role": "participant"}
RUSSIA = {"code": "RUSGOV", "name": "Russia", "role": "participant"}
ARMY = {"code": "SYRMIL", "name": "Syrian army", "role": "initiator"}
REBELS = {"code": "SYRREB", "name": "opposition factions", "role": "target"}


def event(
    type: str = "offensive",
    date_start: str = "2020-02-10",
    *,
    subtype: str = "",
    status: str = "occurred",
    date_end: str | None = None,
    date_precision: str = "day",
    actors: list[dict[str, Any]] | None = None,
    places: list[dict[str, Any]] | None = None,
    evidence: str = "",
    language: str = "en",
    source: str = "data/articles/sample.txt",
    published: str | None = None,
) -> dict[str, Any]:
    """One row of the event table; unspecified fields get plausible values."""
    evidence = evidence or f"A {type} was reported on {date_start}."
    article_id = stable_hash(source, evidence)
    cameo, plover = INTEROP_CODES.get((type, subtype)) or INTEROP_CODES.get((type, ""), ("", ""))
    return {
        "event_id": stable_hash(article_id, type, date_start, evidence),
        "article_id": article_id,
        "source": source,
        "title": f"{type} report",
        "published": published or f"{date_start}T09:00:00",
        "language": language,
        "type": type,
        "subtype": subtype,
        "status": status,
        "date_start": date_start,
        "date_end": date_end,
        "date_precision": date_precision,
        "date_source": "explicit",
        "date_text": date_start,
        "actors": actors if actors is not None else [dict(ARMY), dict(REBELS)],
        "places": places if places is not None else [dict(IDLIB)],
        "evidence": evidence,
        "evidence_start": 0,
        "evidence_end": len(evidence),
        "killed": None,
        "injured": None,
        "displaced": None,
        "cameo": cameo,
        "plover": plover,
        "confidence": 0.8,
    }


def frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return events_to_frame(rows)


def sample_rows() -> list[dict[str, Any]]:
    """Eight events: every type, every status, Arabic and English, points and a region, a campaign."""
    return [
        event("talks", "2020-02-08", subtype="meeting", status="failed", actors=[dict(TURKEY), dict(RUSSIA)],
              places=[dict(ANKARA)], evidence="Turkish and Russian delegations met in Ankara without agreement."),
        event("talks", "2020-02-10", subtype="negotiation", status="occurred", actors=[dict(TURKEY), dict(RUSSIA)],
              places=[dict(ANKARA)], language="ar", source="data/articles/smart.txt",
              evidence="بدء الجولة الثانية من المباحثات بين تركيا وروسيا بشأن محافظة إدلب"),
        event("ultimatum", "2020-02-05", subtype="ultimatum", actors=[{**TURKEY, "role": "initiator"}, {**ARMY, "role": "target"}],
              places=[dict(IDLIB)], evidence="Erdogan gave the Syrian army until the end of February to withdraw."),
        event("offensive", "2020-01-24", subtype="ground_offensive", status="occurred", date_end="2020-03-05",
              places=[dict(SOUTH_IDLIB)], evidence="Government forces pushed into the southern Idlib countryside."),
        event("offensive", "2020-02-06", subtype="capture", places=[dict(SARAQIB)],
              evidence="The Syrian army captured Saraqib."),
        event("offensive", "2020-02-20", subtype="shelling", status="ongoing", places=[dict(SARAQIB), dict(IDLIB)],
              language="ar", source="data/articles/smart2.txt", evidence="قصف مدفعي مستمر على سراقب وإدلب"),
        event("ceasefire", "2020-03-06", subtype="ceasefire", status="planned", actors=[dict(TURKEY), dict(RUSSIA)],
              places=[dict(IDLIB)], evidence="A ceasefire in Idlib is to take effect at midnight."),
        event("offensive", "2020-02-12", subtype="airstrike", places=[dict(ALEPPO)],
              evidence="Airstrikes hit the western Aleppo countryside."),
    ]  # fmt: skip


def sample_frame() -> pd.DataFrame:
    return frame(sample_rows())


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path
