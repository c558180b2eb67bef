"""What one sentence's words give each trigger in it: its cues, sides, clauses, and which dates belong to
which trigger. Read once per sentence (:func:`_read_sentence`); the per-trigger steps of
:mod:`timeline.extract.event`, :mod:`timeline.extract.siting` and :mod:`timeline.extract.when` only read it,
with the span of each trigger's own words (:class:`_Where`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from timeline import scope
from timeline.dates import DateExpr
from timeline.extract.context import _KEYWORD_RUN
from timeline.extract.dating import (
    _began_owners,
    _dated_deals,
    _is_since,
    _relative_clause_date,
    dateline_date,
    join_gapped_days,
    relative_clause_days,
)
from timeline.extract.reported import talked_about
from timeline.extract.resources import Resources
from timeline.gazetteer import PlaceMention
from timeline.lexicon import Cue, Trigger
from timeline.matcher import Match
from timeline.model import Place
from timeline.normalize import Normalized
from timeline.participants import participants, speakers
from timeline.text import (
    arabic_event_clauses,
    arabic_verb_clauses,
    dated_action_clauses,
    split_clauses,
    subject_clauses,
)

#: Cues that a name can hold without meaning them ("Doctors Without Borders", "أطباء بلا حدود").
_NAME_SAFE_CUES = frozenset({"negation", "hypothetical", "failed", "stop", "denial"})


@dataclass(frozen=True)
class _Sentence:
    """A sentence with at least one trigger, as the per-trigger rules read it. Offsets are into the folded
    text (``norm.text``) unless said otherwise; clauses are (start, end, new_time) with ``new_time`` true
    when the clause does not inherit the previous clause's date."""

    norm: Normalized
    #: (start, end) of the sentence in the article's text
    span: tuple[int, int]
    published: date | None
    #: the sentence's dates, their anchors resolved
    dates: list[DateExpr]
    place_ms: list[PlaceMention]
    #: every actor mention; ``actor_ms``: those that can be parties (sources and place adjectives dropped)
    actor_all: list[Match]
    actor_ms: list[Match]
    #: every place the sentence names
    all_places: list[Place]
    triggers: list[Match[Trigger]]
    #: the cues, less a negation or condition word inside a name ("Doctors Without Borders")
    cues: list[Match[Cue]]
    #: spans of actors that head a breaking-news line ("SOHR: ...")
    heads: set[tuple[int, int]]
    #: spans, in the original text, of keyword lists ("Tags Syria Airstrikes Truce Ceasefire ...")
    keyword_runs: list[tuple[int, int]]
    #: offsets where an English clause with a subject and an action of its own begins
    joins: tuple[int, ...]
    clauses: list[tuple[int, int, bool]]
    #: spans that are the topic of talks or of a statement
    topics: list[tuple[int, int]]
    #: threat triggers that are not inside a name ("هدوء حذر")
    threats: list[Match[Trigger]]
    #: spans of the words an anchor date names ("a week after [government forces captured the town]")
    anchor_spans: list[tuple[int, int]]
    #: trigger start -> (phrase start, date end) of a truce or deal named with the day it was made
    deal_spans: dict[int, tuple[int, int]]
    #: starts of the fights and truces that talks earlier in the sentence are about
    talked: set[int]
    #: trigger start -> the dates of its beginning ("which began in December"); ``owned``: ids of those dates
    began: dict[int, list[DateExpr]]
    owned: set[int]
    #: id of a date -> start of the trigger whose relative clause holds it ("المهلة التي حددها ... في ...")
    rel_dates: dict[int, int]
    #: clause index -> (its first date, or the one carried from the clause before; carried?)
    clause_dates: dict[int, tuple[DateExpr | None, bool]]

    @property
    def folded(self) -> str:
        """The folded text of the sentence (:func:`timeline.normalize.fold`)."""
        return self.norm.text


class _Where(NamedTuple):
    """Where a trigger's own words are: its clause, and the span its sides and places are read from."""

    #: index of the clause in :attr:`_Sentence.clauses`, and that clause's new-time flag
    ci: int
    new_time: bool
    #: the clause [start, end); start moved to the anchor's start for an event named in an anchor
    start: int
    end: int
    #: the anchor date whose words name this event ("a week after [government forces captured the town]")
    anchor_of: DateExpr | None
    #: (phrase start, date end) of a deal named with its day, when the trigger is one
    deal_span: tuple[int, int] | None
    #: the span [a_start, a_end) its sides and places are read from
    a_start: int
    a_end: int
    #: spans of other happenings' words (anchors, dated deals) that name their own sides and places
    foreign: list[tuple[int, int]]
    #: the attack a threat answers, named after "since"/"منذ" (:func:`~timeline.extract.reported.past_anchor`):
    #: its sides are only those named from that word on
    past: bool = False


def _carried_dates(
    clauses: list[tuple[int, int, bool]],
    dates: list[DateExpr],
    deadlines: frozenset[int] = frozenset(),
    folded: str = "",
    back: frozenset[int] = frozenset(),
) -> dict[int, tuple[DateExpr | None, bool]]:
    """Clause index -> (date, carried): a clause's first date (not a since-date), else the previous clause's
    date carried over (``carried`` true) unless the clause starts a new time (``clause_new_time`` cues) or the date is a deadline
    (``until``, or a start offset in ``deadlines``: :func:`timeline.scope.deadline_dates`), else (None, False).
    ``folded`` is the sentence, to tell a dateline's date (:func:`~timeline.extract.dating.dateline_date`)."""
    clause_dates: dict[int, tuple[DateExpr | None, bool]] = {}
    for ci, (c_start, c_end, new_time) in enumerate(clauses):
        # a since-date ("رغم الهدنة السارية منذ 27 شباط", "a truce in force since February 27") tells when
        # something still going on began: it neither dates the clause's happenings nor stops the carry
        in_clause = [d for d in dates if c_start <= d.start < c_end and not _is_since(d)]
        # a dateline's date ("MOSCOW, March 5 (TASS) -") gives way to a day the clause names ("last Friday")
        in_clause = [d for d in in_clause if not dateline_date(folded, d)] or in_clause
        if in_clause:
            clause_dates[ci] = (in_clause[0], False)
        elif (
            ci > 0
            and not new_time
            and (before := clause_dates.get(ci - 1, (None, False))[0]) is not None
            # a deadline ("حتى السادسة من صباح الخميس", "until the end of February") dates no clause after it
            and not before.until
            and before.start not in deadlines
        ):
            clause_dates[ci] = (before, True)
        else:
            clause_dates[ci] = (None, False)
    # "شن الطيران غارات على دوما ودارت اشتباكات على أطراف زملكا فجر الأربعاء": a day that ends two clauses joined by
    # a bare "و" (``back``: the starts of such clauses) dates the first as well
    for ci in range(len(clauses) - 2, -1, -1):
        after = clause_dates.get(ci + 1, (None, False))
        if clause_dates[ci][0] is None and clauses[ci + 1][0] in back and after[0] is not None:
            clause_dates[ci] = (after[0], True)
    return clause_dates


def _read_sentence(
    span: tuple[int, int],
    norm: Normalized,
    dates: list[DateExpr],
    place_ms: list[PlaceMention],
    actor_all: list[Match],
    all_places: list[Place],
    triggers: list[Match[Trigger]],
    res: Resources,
    published: date | None,
) -> _Sentence:
    """The cues, parties, clauses, topics and date owners of a sentence with ``triggers`` (non-empty, in text
    order) and ``dates`` (anchors resolved). Raises nothing of its own."""
    folded = norm.text
    # a negation or condition word inside a name is part of the name ("Doctors Without Borders")
    cues = [
        c
        for c in res.cues.find(folded)
        if not (
            c.value.cue in _NAME_SAFE_CUES and any(a.start <= c.start and c.end <= a.end for a in actor_all)
        )
    ]
    actor_ms = participants(actor_all, cues, folded)
    heads = speakers(actor_ms, folded)
    keyword_runs = [m.span() for m in _KEYWORD_RUN.finditer(norm.original)]
    # a coordinated clause is a clause of its own when it holds an action of its own (not "بالبراميل")
    anchors = tuple(sorted(t.start for t in triggers if not scope.instrument(t, folded)))
    # a clause that opens with its own subject and action ("..., Russian jets struck"); a speaker's verb
    # ("..., Akar warned") opens none: threats are said, and the saying is the threat told before it
    actions = tuple(
        t.start for t in triggers if t.value.type != "ultimatum" and not scope.instrument(t, folded)
    )
    spans = tuple((a.start, a.end) for a in actor_all)
    # ("وردّت الطائرات الروسية بغارات": an Arabic strike back told by its means opens a clause too)
    told = tuple(t.start for t in triggers if t.value.type != "ultimatum")
    joins = tuple(subject_clauses(folded, spans, actions)) + tuple(arabic_verb_clauses(folded, spans, told))
    joins += tuple(dated_action_clauses(folded, actions, tuple(d.start for d in dates if d.dates_event)))
    event_joins = tuple(arabic_event_clauses(folded, told))
    joins += event_joins
    clauses = split_clauses(folded, res.clauses, anchors, joins, frozenset(a.start for a in actor_all))
    clauses = join_gapped_days(clauses, dates, anchors, folded)
    topics = scope.topic_spans(cues, clauses, [(a.start, a.end) for a in actor_ms], norm.text)
    # ("هدوء حذر", a cautious calm: a threat word inside a name threatens nothing)
    threats = [t for t in triggers if t.value.type == "ultimatum" and not scope.in_name(t, cues)]
    anchor_spans = [(d.anchor_start, d.anchor_end) for d in dates if d.anchor == "event"]
    deal_spans = _dated_deals(triggers, dates, folded, actor_all)
    talked = talked_about(triggers, folded, [(a, b, n) for a, b, n in clauses])
    began = _began_owners(dates, triggers, folded)  # trigger start -> the dates of its beginning
    owned = {id(d) for ds in began.values() for d in ds}
    # "fighters who entered the canton last week were shelled": that week dates their entering, no happening told
    subject_days = relative_clause_days(folded, dates, triggers)
    owned |= subject_days
    # "... أكد الأربعاء أن ...، وهي المهلة التي حددها مطلع الشهر": a date in the relative clause of one trigger
    # word dates that word, never another happening of the sentence
    rel_dates = {
        id(d): t.start
        for t in triggers
        if t.value.type != "ceasefire" and (d := _relative_clause_date(folded, t, dates, cues)) is not None
    }
    return _Sentence(
        norm=norm,
        span=span,
        published=published,
        dates=dates,
        place_ms=place_ms,
        actor_all=actor_all,
        actor_ms=actor_ms,
        all_places=all_places,
        triggers=triggers,
        cues=cues,
        heads=heads,
        keyword_runs=keyword_runs,
        joins=joins,
        clauses=clauses,
        topics=topics,
        threats=threats,
        anchor_spans=anchor_spans,
        deal_spans=deal_spans,
        talked=talked,
        began=began,
        owned=owned,
        rel_dates=rel_dates,
        clause_dates=_carried_dates(
            clauses,
            [d for d in dates if id(d) not in subject_days],
            frozenset(scope.deadline_dates(dates, cues)),
            folded,
            frozenset(event_joins),
        ),
    )
