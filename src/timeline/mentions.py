"""Event mentions and how they merge: within a sentence, then across an article.

A :class:`Mention` is an event as one trigger found it; :func:`merge_sentence` and :func:`merge_article`
apply rule 5 of :mod:`timeline.extract` (same type and date in a sentence; an undated mention that refers
back, or an undated ongoing one, joins a dated event of compatible actors and places).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from timeline.dates import DateExpr
from timeline.lexicon import Trigger
from timeline.matcher import Match
from timeline.model import Actor, Place


@dataclass
class Mention:
    """An event as found in one sentence, before merging."""

    trigger: Match[Trigger]
    type: str
    subtype: str
    status: str
    date: DateExpr | None
    inherited: bool
    definite: bool
    actors: list[Actor]
    places: list[Place]
    spans: list[tuple[int, int]]
    about: list[Place] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    displaced: int | None = None
    strong: bool = False
    new_time: bool = False
    place_inferred: bool = False
    clause: int = 0
    extra_triggers: list[str] = field(default_factory=list)

    @property
    def undated(self) -> bool:
        return self.date is None or self.inherited


def merge_into(a: Mention, b: Mention) -> None:
    """Fold mention ``b`` into ``a`` (a keeps its trigger, date and status)."""
    for actor in b.actors:
        if all(x.code != actor.code for x in a.actors):
            a.actors.append(
                replace(actor, role="participant") if actor.role == "initiator" and a.actors else actor
            )
    for p in b.places:
        if p not in a.places:
            a.places.append(p)
    for p in b.about:
        if p not in a.about and p not in a.places:
            a.about.append(p)
    for span in b.spans:
        if span not in a.spans:
            a.spans.append(span)
    for f in ("killed", "injured", "displaced"):
        if getattr(a, f) is None:
            setattr(a, f, getattr(b, f))
    if (
        a.type == b.type == "offensive"
        and b.clause == a.clause
        and b.trigger.value.strong
        and not a.trigger.value.strong
    ):
        a.subtype = b.subtype  # "استهدفت ... بغارات": the specific word tells how (airstrike)
    a.strong = a.strong or b.strong
    a.extra_triggers.append(b.trigger.term)


def _own_happening(a: Mention, b: Mention) -> bool:
    """Is ``b`` a happening of its own beside ``a`` in one sentence: another clause, another kind of
    action (shelled ..., and captured ...), and words of its own (a named operation, an actor, a place
    or a date)?"""
    if a.clause == b.clause or a.subtype == b.subtype:
        return False
    return b.strong or bool(b.actors or (b.places and not b.place_inferred) or (b.date and not b.inherited))


def merge_sentence(mentions: list[Mention]) -> list[Mention]:
    """Mentions of one type and one date in a sentence are one event (the first keeps its words),
    unless a coordinated clause states a happening of its own (:func:`_own_happening`)."""
    out: list[Mention] = []
    for m in mentions:
        key_date = m.date.date_start if m.date else None
        target = next(
            (
                o
                for o in out
                if o.type == m.type
                and (o.date.date_start if o.date else None) == key_date
                and not _own_happening(o, m)
            ),
            None,
        )
        if target is None and m.undated and not m.new_time:
            target = next((o for o in reversed(out) if o.type == m.type and not _own_happening(o, m)), None)
        if target is None:
            out.append(m)
        else:
            merge_into(target, m)
    return out


def _compatible(a: Mention, b: Mention) -> bool:
    codes_a = {x.code[:3] for x in a.actors}
    codes_b = {x.code[:3] for x in b.actors}
    if codes_a and codes_b and not codes_a & codes_b:
        return False
    # talks and threats name venues and topics, not where the event is: only actors decide
    if a.type in {"offensive", "ceasefire"} and a.places and b.places:
        admin_a = {p.admin1 or p.name for p in a.places}
        admin_b = {p.admin1 or p.name for p in b.places}
        countries_a = {p.country for p in a.places}
        countries_b = {p.country for p in b.places}
        if not (admin_a & admin_b) and not (countries_a & countries_b):
            return False
    return True


def _same_kind(a: Mention, b: Mention) -> bool:
    """Subtypes that can name one event: a phone call is never the same event as a meeting."""
    return a.subtype == b.subtype or "call" not in {a.subtype, b.subtype}


def _covers_publication(m: Mention, pub: date | None) -> bool:
    if m.date is None or pub is None:
        return False
    end = m.date.date_end or m.date.date_start
    return (
        m.date.date_start == pub
        or (m.status == "ongoing" and m.date.date_start <= pub)
        or m.date.date_start <= pub <= end
    )


def merge_article(mentions: list[Mention], pub: date | None) -> list[Mention]:
    """An undated mention that refers back, or an undated ongoing one, joins a dated event.

    Among candidate events, the one happening at publication time comes first ("the current talks"),
    then an earlier one in the text (a reference points back), then the nearest.
    """
    dated = [m for m in mentions if not m.undated]
    keep: list[Mention] = []
    for m in mentions:
        if not m.undated:
            keep.append(m)
            continue
        anchors = [
            d
            for d in dated
            if d.type == m.type
            and _compatible(d, m)
            and (
                (m.definite and _same_kind(d, m) and (m.status != "planned" or _covers_publication(d, pub)))
                or (m.status == "ongoing" and d.status == "ongoing")
            )
        ]
        # an undated sentence right after an event of the same type and date elaborates on it
        if not anchors and keep:
            last = keep[-1]
            m_day = m.date.date_start if m.date else pub
            if (
                last.type == m.type
                and last.date is not None
                and last.date.date_start == m_day
                and _compatible(last, m)
            ):
                anchors = [last]
        if anchors:
            pos = m.spans[0][0]
            anchor = min(
                anchors,
                key=lambda d: (
                    not _covers_publication(d, pub),
                    d.spans[0][0] > pos,
                    abs(d.spans[0][0] - pos),
                ),
            )
            merge_into(anchor, m)
            continue
        # two undated mentions: the later definite one refers back to the earlier
        prev = next(
            (
                k
                for k in reversed(keep)
                if k.undated and k.type == m.type and _same_kind(k, m) and _compatible(k, m)
            ),
            None,
        )
        if prev is not None and m.definite:
            merge_into(prev, m)
            continue
        keep.append(m)
    keep.sort(key=lambda m: m.spans[0][0])
    return keep
