"""Typed records that flow through the pipeline, and the event schema (the contract in DESIGN.md).

Every step takes and returns these plain dataclasses; the event table is built from
:func:`Event.to_row`, so the column list below is the single place the schema lives in code.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

EVENT_TYPES = ("talks", "ultimatum", "offensive", "ceasefire")
SUBTYPES: dict[str, tuple[str, ...]] = {
    "talks": ("negotiation", "meeting", "call"),
    "ultimatum": ("ultimatum", "threat", "demand"),
    "offensive": (
        "ground_offensive",
        "shelling",
        "airstrike",
        "bombing",
        "clash",
        "capture",
        "escalation",
    ),
    "ceasefire": ("ceasefire", "agreement", "violation"),
}
STATUSES = ("occurred", "ongoing", "planned", "failed")
DATE_PRECISIONS = ("day", "week", "month", "year")
DATE_SOURCES = ("explicit", "relative", "publication")
ROLES = ("initiator", "target", "participant")
PLACE_PRECISIONS = ("point", "region", "admin1", "country")

#: CAMEO and PLOVER codes per (type, subtype); the type's default is under subtype ``""``.
INTEROP_CODES: dict[tuple[str, str], tuple[str, str]] = {
    ("talks", ""): ("040", "CONSULT"),
    ("talks", "negotiation"): ("046", "CONSULT"),
    ("talks", "meeting"): ("043", "CONSULT"),
    ("talks", "call"): ("041", "CONSULT"),
    ("ultimatum", ""): ("139", "THREATEN"),
    ("ultimatum", "ultimatum"): ("139", "THREATEN"),
    ("ultimatum", "threat"): ("130", "THREATEN"),
    ("ultimatum", "demand"): ("100", "REQUEST"),
    ("offensive", ""): ("190", "ASSAULT"),
    ("offensive", "ground_offensive"): ("192", "ASSAULT"),
    ("offensive", "shelling"): ("194", "ASSAULT"),
    ("offensive", "airstrike"): ("195", "ASSAULT"),
    ("offensive", "bombing"): ("183", "ASSAULT"),
    ("offensive", "clash"): ("190", "ASSAULT"),
    ("offensive", "capture"): ("192", "ASSAULT"),
    ("offensive", "escalation"): ("190", "ASSAULT"),
    ("ceasefire", ""): ("0871", "RETREAT"),
    ("ceasefire", "ceasefire"): ("0871", "RETREAT"),
    ("ceasefire", "agreement"): ("0871", "RETREAT"),
    ("ceasefire", "violation"): ("0871", "RETREAT"),
}

#: The columns of the event table, in order. Lists stay lists in JSONL/Parquet; CSV joins them with ";".
EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "source",
    "title",
    "published",
    "language",
    "type",
    "subtype",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "date_source",
    "date_text",
    "actors",
    "places",
    "about",
    "evidence",
    "evidence_start",
    "evidence_end",
    "killed",
    "injured",
    "displaced",
    "cameo",
    "plover",
    "confidence",
)


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short hex digest of ``parts``; the same input gives the same id on every run and machine."""
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Article:
    """One news article as read from disk: metadata plus the body text with boilerplate dropped."""

    source: str
    text: str
    title: str = ""
    published: datetime | None = None
    language: str = ""
    url: str = ""

    @cached_property
    def article_id(self) -> str:
        """Content hash of the whitespace-normalised text; computed once per record (texts reach 10 MB)."""
        return stable_hash(" ".join(self.text.split()))

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None


@dataclass(frozen=True)
class Actor:
    code: str
    name: str
    role: str = "participant"


@dataclass(frozen=True)
class Place:
    name: str
    name_ar: str
    lat: float
    lon: float
    country: str = ""
    admin1: str = ""
    precision: str = "point"
    radius_km: float = 0.0


@dataclass
class Event:
    """One extracted event; ``to_row`` turns it into a row of the event table."""

    article_id: str
    source: str
    title: str
    published: str
    language: str
    type: str
    subtype: str
    status: str
    date_start: date
    date_end: date | None
    date_precision: str
    date_source: str
    date_text: str
    evidence: str
    evidence_start: int
    evidence_end: int
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    #: places the event concerns but did not happen at (the subject of talks, a threat, a truce)
    about: list[Place] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    displaced: int | None = None
    confidence: float = 0.5
    #: what tells this event from another of its article with the same type, first evidence sentence and start
    #: day ("shelled Maarshamsha and captured Kafruma on Tuesday": two offensives of one sentence and day);
    #: empty for the first of them, so ids of events without such a twin do not change
    id_extra: str = ""

    @property
    def event_id(self) -> str:
        """16 hex digits, stable across runs: the article, the type, where the evidence starts and the start day
        (plus :attr:`id_extra` for a twin of an earlier event of the article)."""
        if self.id_extra:
            return stable_hash(
                self.article_id, self.type, self.evidence_start, self.date_start.isoformat(), self.id_extra
            )
        return stable_hash(self.article_id, self.type, self.evidence_start, self.date_start.isoformat())

    @property
    def codes(self) -> tuple[str, str]:
        return INTEROP_CODES.get((self.type, self.subtype)) or INTEROP_CODES[(self.type, "")]

    def to_row(self) -> dict[str, Any]:
        cameo, plover = self.codes
        places = [_place_record(p) for p in self.places]
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "type": self.type,
            "subtype": self.subtype,
            "status": self.status,
            "date_start": self.date_start.isoformat(),
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "date_text": self.date_text,
            "actors": [asdict(a) for a in self.actors],
            "places": places,
            "about": [_place_record(p) for p in self.about],
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "killed": self.killed,
            "injured": self.injured,
            "displaced": self.displaced,
            "cameo": cameo,
            "plover": plover,
            "confidence": round(self.confidence, 3),
        }


def _place_record(p: Place) -> dict[str, Any]:
    """A place as the schema writes it (``places`` and ``about`` records; the radius is internal)."""
    d = asdict(p)
    d.pop("radius_km")
    return d


#: C0 and C1 control characters (ESC starts terminal escape sequences, CR rewrites a line) and the
#: bidirectional overrides and isolates that reorder what a terminal shows.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal or in a one-line report: every control character is
    written as its escape (``\\x1b``, ``\\n``, ``\\u202e``); everything else is kept as is."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: reported (one JSON line in ``--errors``) and skipped.

    ``source`` and ``reason`` hold no control character (:func:`printable`): file names, URLs and
    reasons quoting them come from untrusted input and end up on a terminal and in the report.
    """

    source: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", printable(self.source))
        object.__setattr__(self, "reason", printable(self.reason))

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "reason": self.reason}
