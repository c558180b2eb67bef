"""Shared fixtures: small event tables from :mod:`events_factory` (importable from the tests folder)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

from events_factory import sample_frame, sample_rows, write_jsonl  # noqa: E402

# A researcher's own gazetteer (~/.local/share/timeline/gazetteer.tsv) must not change what tests see;
# the user-gazetteer tests point TIMELINE_GAZETTEER at a file of their own.
os.environ["TIMELINE_GAZETTEER"] = str(Path(__file__).parent / "fixtures" / "gazetteer" / "absent.tsv")

# CI runs the property tests with a fixed seed (reproducible); locally they explore new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def events() -> pd.DataFrame:
    """Eight events covering every type and status, Arabic and English, points and a region."""
    return sample_frame()


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    """The same events as a JSONL file (what ``TIMELINE_EVENTS`` points at)."""
    return write_jsonl(sample_rows(), tmp_path / "events.jsonl")
