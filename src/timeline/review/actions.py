"""Reviews built from what a person does on a row of the view (pure: they return :class:`Review` records
for :meth:`ReviewLog.append`), and the article text an ``add`` picks its sentence from."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from timeline.review.apply import EDITABLE, anchor_of, json_value
from timeline.review.log import Anchor, Review, now_utc
from timeline.text import split_sentences


def confirm(row: Mapping[str, Any], who: str, at: str | None = None) -> Review:
    """The event is right as shown."""
    return Review(who, at or now_utc(), "confirm", anchor_of(row), "review", row.get("review"), "confirmed")


def reject(row: Mapping[str, Any], who: str, reason: str, at: str | None = None) -> Review:
    """The event is wrong; ``reason`` e.g. "not an event", "duplicate of …", "wrong type", "about the past"."""
    return Review(who, at or now_utc(), "reject", anchor_of(row), "review", row.get("review"), "rejected",
                  note=reason.strip() or "not an event")  # fmt: skip


def reset(row: Mapping[str, Any], who: str, at: str | None = None) -> Review:
    """Back to the extraction (earlier reviews stay in the log, but no longer show)."""
    return Review(who, at or now_utc(), "reset", anchor_of(row), "review", row.get("review"), "unreviewed")


def edit(row: Mapping[str, Any], field: str, value: Any, who: str, at: str | None = None) -> Review | None:
    """Set one field (one of :data:`EDITABLE`); None when the value is unchanged. Raises ``ValueError`` for
    a field that is not editable."""
    if field not in EDITABLE:
        raise ValueError(f"{field!r} cannot be edited: use one of {', '.join(EDITABLE)}")
    before, after = json_value(row.get(field)), json_value(value)
    if before == after:
        return None
    return Review(who, at or now_utc(), "edit", anchor_of(row), field, before, after)


def edits(row: Mapping[str, Any], values: Mapping[str, Any], who: str, at: str | None = None) -> list[Review]:
    """The reviews for a form of several fields: one per changed field, all with the same time."""
    at = at or now_utc()
    out = [edit(row, f, v, who, at) for f, v in values.items()]
    return [r for r in out if r is not None]


def merge(row: Mapping[str, Any], into: Mapping[str, Any], who: str, at: str | None = None) -> Review:
    """``row`` is the same event as ``into``: it disappears and ``into`` takes its actors, places, dates."""
    if row.get("event_id") == into.get("event_id"):
        raise ValueError("an event cannot be merged into itself")
    return Review(
        who, at or now_utc(), "merge", anchor_of(row), "merged_into", None, anchor_of(into).to_dict()
    )


def add(
    article: Mapping[str, Any], start: int, end: int, evidence: str, fields: Mapping[str, Any], who: str,
    at: str | None = None,
) -> Review:  # fmt: skip
    """A missed event stated by ``evidence`` (the text at ``start:end`` of the article). ``article`` gives
    ``article_id, source, title, published, language`` (any row of that article will do); ``fields`` the
    event's ``type`` (required), and any of subtype, status, dates, actors, places, figures."""
    if not fields.get("type"):
        raise ValueError("an added event needs a type")
    rec = {k: json_value(article.get(k)) for k in ("article_id", "source", "title", "published", "language")}
    rec.update({k: json_value(v) for k, v in fields.items() if k in EDITABLE or k == "date_text"})
    rec.update(evidence=evidence, evidence_start=start, evidence_end=end)
    anchor = Anchor(str(article["article_id"]), start, end, str(fields["type"]))
    return Review(who, at or now_utc(), "add", anchor, "event", None, rec)


def sentences(text: str) -> list[tuple[int, int, str]]:
    """The article's sentences as ``(start, end, text)`` with offsets into ``text`` (the extractor's)."""
    return [(s, e, text[s:e]) for s, e in split_sentences(text)]


@lru_cache(maxsize=64)
def _articles_of(source: str) -> dict[str, str]:
    from timeline.readers import read_articles

    arts, _ = read_articles([source])
    return {a.article_id: a.text for a in arts}


def article_text(source: str, article_id: str) -> str | None:
    """The text of the article ``article_id`` read again from ``source`` (its offsets are the events'), or
    None when the file is gone or no longer holds that article (its text changed). A post of a file of
    several (``posts.jsonl#post-1``) is read from that file."""
    if source and not Path(source).exists() and "#" in source:
        source = source.split("#", 1)[0]
    if not source or not Path(source).exists():
        return None
    try:
        return _articles_of(str(source)).get(article_id)
    except OSError:
        return None
