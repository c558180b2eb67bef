"""Helpers for the Streamlit AppTest tests: run the dashboard script and fail on any exception it raised."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run_clean(at: AppTest) -> AppTest:
    """Run ``at`` once and assert the script raised nothing (the message and stack of each exception shown)."""
    at.run()
    assert not at.exception, [(e.message, e.stack_trace) for e in at.exception]
    return at


def app_without_merge() -> AppTest:
    """The dashboard on the test events, merging across articles off, after its first run."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["f_merge"] = False
    return run_clean(at)
