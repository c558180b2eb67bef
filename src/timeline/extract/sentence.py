"""The events of one sentence, merged within the sentence.

Steps: :func:`_find_triggers` (the words that may tell an event; none in a heading), then
:func:`timeline.extract.facts._read_sentence` (cues, sides, clauses, topics and which dates belong to which
trigger), then for each trigger :func:`timeline.extract.event._trigger_mentions` (rule 1, sides, places,
date and status: rules 1-6 applied clause by clause); the mentions are merged within the sentence and the
article's context learns what the sentence told.
"""

from __future__ import annotations

from timeline.dates import DateExpr
from timeline.extract.context import _HEADING, _SINCE
from timeline.extract.dating import _anchored
from timeline.extract.event import _trigger_mentions
from timeline.extract.facts import _read_sentence
from timeline.extract.placing import _discussed_between, _taken_places
from timeline.extract.resources import Resources
from timeline.extract.story import _Context
from timeline.gazetteer import PlaceMention
from timeline.lexicon import Trigger
from timeline.matcher import Match
from timeline.mentions import Mention, merge_sentence
from timeline.model import Article
from timeline.normalize import Normalized
from timeline.places import event_places

#: The most words a heading line holds, and what ends a sentence (a heading has no such end).
_HEADING_WORDS = 10
_SENTENCE_END = tuple(".!?؟…:;\"'”»")


#: How far (characters) after a verb of saying its date may be ("said on Wednesday", "قال الأربعاء").
_STATEMENT_GAP = 12


def _bare_heading(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a heading whose Markdown marks a reader took off ("Operation Spring Shield",
    "Ceasefire (March 2020–present)")? A paragraph of its own between two others, of at most
    :data:`_HEADING_WORDS` words with no end of sentence. Like a ``###`` heading it names what its section
    tells: no event of its own."""
    line = text[start:end].strip()
    if not line or line.endswith(_SENTENCE_END) or len(line.split()) > _HEADING_WORDS:
        return False
    # between two paragraphs: never a one-line post or flash, nor an article's first or last line
    return (
        text[max(0, start - 2) : start] == "\n\n"
        and text[end : end + 2] == "\n\n"
        and bool(text[end:].strip())
    )


def _find_triggers(
    article: Article,
    span: tuple[int, int],
    norm: Normalized,
    place_ms: list[PlaceMention],
    res: Resources,
    actor_all: list[Match] | None = None,
) -> tuple[bool, list[Match[Trigger]]]:
    """(is the sentence a heading?, its trigger words, "took <place>" captures and two sides' discussing
    ("Erdogan and Putin discussed ...") in text order; none in a heading)."""
    s_start, s_end = span
    folded = norm.text
    # a heading ("### Three-day ceasefire and rebel counteroffensive") names what its section tells
    heading = bool(_HEADING.match(norm.original)) or _bare_heading(article.text, s_start, s_end)
    triggers = [] if heading else res.triggers.find(folded)
    if triggers or place_ms:
        triggers = sorted([*triggers, *_taken_places(folded, place_ms, triggers)], key=lambda t: t.start)
    if not heading and actor_all:
        triggers = sorted(
            [*triggers, *_discussed_between(folded, actor_all, triggers)], key=lambda t: t.start
        )
    return heading, triggers


def _sentence(
    article: Article,
    span: tuple[int, int],
    norm: Normalized,
    dates: list[DateExpr],
    place_ms: list[PlaceMention],
    actor_all: list[Match],
    res: Resources,
    ctx: _Context,
) -> list[Mention]:
    """The events told in the sentence ``span`` (offsets into ``article.text``) of ``article``, merged within the
    sentence. ``norm``: the sentence normalized; ``dates``, ``place_ms``, ``actor_all``: the dates, place
    mentions and actor mentions found in its folded text. ``ctx`` is what earlier sentences told; it learns
    this sentence's places, dates, actors and events."""
    s_start, s_end = span
    heading, triggers = _find_triggers(article, span, norm, place_ms, res, actor_all)
    dates = _anchored(dates, ctx, norm.text, triggers)
    all_places = event_places(place_ms, 0, len(norm.text) + 1, actor_all)
    if not triggers:
        ctx.see_places(all_places)
        ctx.see_dates(dates, heading=heading, folded=norm.text)
        if actor_all:
            ctx.last_actors = actor_all
        return []
    s = _read_sentence(
        (s_start, s_end), norm, dates, place_ms, actor_all, all_places, triggers, res, ctx.published
    )
    out: list[Mention] = []
    for trig in triggers:
        _trigger_mentions(trig, s, res, ctx, out)
    ctx.see_places(all_places)
    # (a date a record is measured from, "the deadliest since the truce of 5 March", is no day the story is on)
    records = [c for c in s.cues if c.value.cue == "superlative"]
    measures = frozenset(
        id(d)
        for d in dates
        if any(c.end <= d.start and _SINCE.search(norm.text, c.end, d.start) for c in records)
    )
    # (a date right after a verb of saying dates the statement: "the Observatory said on Wednesday")
    statements = frozenset(
        id(d)
        for d in dates
        if any(c.value.cue == "report" and 0 <= d.start - c.end <= _STATEMENT_GAP for c in s.cues)
    )
    ctx.see_dates(dates, heading=heading, measures=measures, folded=norm.text, statements=statements)
    if s.actor_ms:
        ctx.last_actors = s.actor_ms
    merged = merge_sentence(out)
    ctx.see_events(merged)
    return merged
