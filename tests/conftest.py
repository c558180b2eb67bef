"""Shared fixtures: small event tables from :mod:`events_factory` (importable from the tests folder)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from events_factory import sample_frame, sample_rows, write_jsonl  # noqa: E402


@pytest.fixture
def events() -> pd.DataFrame:
    """Eight events covering every type and status, Arabic and English, points and a region."""
    return sample_frame()


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    """The same events as a JSONL file (what ``TIMELINE_EVENTS`` points at)."""
    return write_jsonl(sample_rows(), tmp_path / "events.jsonl")
