"""The status of an event (rule 3): failed > planned > ongoing > occurred, from cues and the date."""

from __future__ import annotations

import re
from datetime import date

from timeline import scope
from timeline.dates import DateExpr
from timeline.extract.dating import _is_since
from timeline.extract.reported import _in_span
from timeline.lexicon import Cue, cue_alternation
from timeline.matcher import Match

_STATUS_RANK = {"failed": 3, "planned": 2, "ongoing": 1}


#: How far (characters of folded text) a status word may stand from the trigger it qualifies.
_STATUS_REACH = 70


#: Characters between a failure word and the attack's noun it qualifies ("a failed assault": one space).
_ADJACENT = 4


#: A word that opens a clause of its own between an attack and a status word: what failed after it is another
#: happening ("resumed its offensive after Turkey failed to meet the terms", "بعد فشل المفاوضات").
#: (``subordinate`` rows of ``cues.csv``, whole words.)
_SUBORDINATE = re.compile(
    r"\b"
    + cue_alternation("subordinate", "en")
    + r"\b|(?<!\w)"
    + cue_alternation("subordinate", "ar")
    + r"(?!\w)"
)


#: "As planned" tells that something went the way it was planned, not that it is still to come ("The truce began
#: as planned", "as scheduled", "كما كان مقرراً", "وفق ما هو مخطط"): a planned word inside it gives no status.
_AS_PLANNED = re.compile(
    r"\bas\s+(?:was\s+|had\s+been\s+)?(?:planned|scheduled|foreseen)\b"
    r"|(?<!\w)(?:كما|وفق\s+ما|حسب\s+ما)\s+(?:كان\s+|هو\s+)?(?:من\s+)?(?:ال)?(?:مقرر|مخطط|متفق\s+عليه)"
)


#: How far after a talks trigger its main verb may stand ("talks ... have ended without agreement").
_SUBJECT_REACH = 170


#: A condition opened before a failure word ("would act alone if the talks failed", "should the negotiations
#: fail", "ستتحرك إذا فشلت المحادثات", "في حال فشل المفاوضات"): the failure is what a speaker supposes, not
#: how the talks went. Searched in the :data:`_IF_REACH` characters before the failure word; no clause break
#: between them.
_IF_BEFORE = re.compile(
    r"\b(?:if|unless|should|in\s+case|in\s+the\s+event\s+that)\b[^,;.:]*$"
    r"|(?<!\w)[وف]?(?:اذا|لو|في\s+حال|في\s+حاله)(?:\s+[^\s،؛.:]+){0,7}\s*$"
)
_IF_REACH = 70


def _supposed_failure(folded: str, cue: Match[Cue]) -> bool:
    """Is the failure word ``cue`` inside a condition (:data:`_IF_BEFORE`)?"""
    return bool(folded) and _IF_BEFORE.search(folded, max(0, cue.start - _IF_REACH), cue.start) is not None


def _status(
    etype: str,
    cues: list[Match[Cue]],
    start: int,
    end: int,
    when: DateExpr | None,
    pub: date | None,
    trig: Match | None = None,
    folded: str = "",
) -> str:
    """The status of an event of type ``etype`` told in the clause [start, end) of ``folded``: ``failed``,
    ``planned``, ``ongoing`` or ``occurred``, from the status cues near ``trig`` and from its date ``when``
    against the publication date ``pub`` (a day after publication is planned)."""
    as_planned = [m.span() for m in _AS_PLANNED.finditer(folded, start, end)] if folded else []
    found = {
        c.value.cue
        for c in cues
        if _in_span(c, start, end)
        and not (c.value.cue == "planned" and any(a <= c.start and c.end <= b for a, b in as_planned))
        and c.value.cue in _STATUS_RANK
        and not (c.value.cue == "failed" and _supposed_failure(folded, c))
        and (
            trig is None
            or min(abs(c.start - trig.end), abs(trig.start - c.end)) <= _STATUS_REACH
            # "Two days of talks in Moscow between ... on the escalating conflict in ... have ended without
            # agreement": the verb of a long subject still tells how the talks ended
            or (etype == "talks" and c.value.cue == "failed" and 0 <= c.start - trig.end <= _SUBJECT_REACH)
        )
        # an attack fails only by its own words ("the assault failed"), not by talks that broke down, nor by
        # what failed in a clause of its own after it ("resumed its offensive after Turkey failed to meet ...")
        and not (
            etype == "offensive"
            and c.value.cue == "failed"
            and trig is not None
            # a failure word right before the attack's noun is its own ("a failed assault", "فشل هجوم")
            and (
                (c.end <= trig.start and trig.start - c.end > _ADJACENT)
                or (c.start >= trig.end and _SUBORDINATE.search(folded, trig.end, c.start) is not None)
            )
        )
    }
    negs = [c for c in cues if c.value.cue == "negation"]
    for c in cues:  # "have not yet reached an agreement", "لم يتفقا": an agreement denied is a failure
        near = trig is None or min(abs(c.start - trig.end), abs(trig.start - c.end)) <= _STATUS_REACH
        denied = any(0 <= c.start - n.end <= 10 for n in negs)
        if c.value.cue == "concluded" and _in_span(c, start, end) and near and denied:
            found.add("failed")
    if etype == "talks" and trig is not None and scope.suspended(trig, cues, folded):
        found.add("failed")  # "a temporary pause in the Geneva talks", "تعليق المفاوضات"
    if etype == "ultimatum":
        # a threat is made when it is said; its condition ("if this continues") is not its status
        found.discard("planned")
        found.discard("ongoing")
    if when is not None and _is_since(when):
        found.add("ongoing")
    if when is not None and pub is not None and when.date_start > pub and etype != "ultimatum":
        found.add("planned")
        found.discard("failed")  # "ended without agreement ..., and will resume next week": the next round
    ahead = when is not None and pub is not None and when.date_start > pub
    if (
        etype == "talks"
        and not ahead
        and any(c.value.cue == "held" and _in_span(c, start, end) for c in cues)
    ):
        found.discard("planned")  # "the meeting scheduled for Thursday took place": a past meeting
    if etype == "ceasefire" and any(c.value.cue == "concluded" and _in_span(c, start, end) for c in cues):
        found.discard("planned")  # "agreed on a ceasefire starting from Friday": the deal is done
    if etype == "offensive" and trig is not None and trig.value.subtype == "capture":
        found.discard("ongoing")  # a town is taken once ("took control since dawn" is done)
    if etype == "ceasefire" and any(c.value.cue == "resumed" and _in_span(c, start, end) for c in cues):
        found.add("failed")  # "a truce ..., but the regime resumed its shelling"
    if not found:
        return "occurred"
    return max(found, key=_STATUS_RANK.__getitem__)
