"""The extractor's resources: lexicons, actors and gazetteer read once from ``data/``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeline.actors import ActorLexicon
from timeline.gazetteer import GazEntry, Gazetteer
from timeline.lexicon import Cue, TriggerLexicon, load_cues, load_triggers
from timeline.matcher import Matcher
from timeline.resources import data_dir
from timeline.text import clause_pattern


@dataclass
class Resources:
    """Everything the extractor reads from ``data/``: load once, share (read-only) across articles."""

    triggers: TriggerLexicon
    cues: Matcher[Cue]
    clauses: re.Pattern[str]
    actors: ActorLexicon
    gazetteer: Gazetteer
    #: optional fallback for place names the gazetteer lacks ("the village of X"): name -> entry or None
    geocoder: Callable[[str], GazEntry | None] | None = None

    @classmethod
    def load(cls, folder: Path | None = None) -> Resources:
        folder = folder or data_dir()
        cues, clause_markers = load_cues(folder / "lexicons" / "cues.csv")
        return cls(
            triggers=load_triggers(
                folder / "lexicons" / "triggers.csv", folder / "lexicons" / "trigger_patterns.csv"
            ),
            cues=cues,
            clauses=clause_pattern(clause_markers),
            actors=ActorLexicon.load(folder / "lexicons" / "actors.csv"),
            gazetteer=Gazetteer.load(folder / "gazetteer"),
        )
