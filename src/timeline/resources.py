"""Where the shipped data files live, so no module hard-codes a path."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """The project's ``data/`` folder (override with ``TIMELINE_DATA``)."""
    env = os.environ.get("TIMELINE_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "data"


def lexicon_path(name: str) -> Path:
    return data_dir() / "lexicons" / name
