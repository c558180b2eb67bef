"""Shared fixtures: small event tables from :mod:`events_factory` (importable from the tests folder)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

from timeline.extract import Resources
from timeline.gazetteer import Gazetteer

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


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, events_file: Path, tmp_path: Path) -> None:
    """The app on the eight factory events, offline, with its own cache folder."""
    monkeypatch.setenv("TIMELINE_EVENTS", str(events_file))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (:mod:`streamlit_server`), one per test module."""
    from playwright.sync_api import sync_playwright

    from streamlit_server import CHROMIUM, FLAGS

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def res() -> Resources:
    """The shipped lexicons and gazetteer, loaded once for the extraction tests that ask for ``res``."""
    return Resources.load()


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The shipped gazetteer without a user file, loaded once for the tests that ask for ``gaz``."""
    return Gazetteer.load(user=False)
