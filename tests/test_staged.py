"""The first view in a browser sends the charts first, the rest after they are drawn (issue 9.14); the
browser side is tested in test_browser.py (the timeline is drawn before the map and the table come)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from timeline import staged

APP = """
import streamlit as st
from timeline import staged

if staged.rest_waits(st.session_state, headers={"User-Agent": "Chromium"}):
    st.write("charts only")
else:
    st.write("everything")
"""


def test_without_a_browser_the_first_run_sends_everything() -> None:
    state: dict[str, object] = {}
    assert not staged.rest_waits(state, headers={})
    assert state[staged.DRAWN] is True and not staged.rest_waits(state, headers={"User-Agent": "x"})


def test_in_a_browser_the_rest_waits_until_the_charts_are_drawn(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    at = AppTest.from_file(str(script)).run()
    assert [m.value for m in at.markdown] == ["charts only"]
    at.session_state[staged.DRAWN] = True  # what the component's "drawn" trigger sets
    at.run()
    assert [m.value for m in at.markdown] == ["everything"]


def test_the_rest_waits_one_run_at_most(tmp_path: Path) -> None:
    """Should the component never answer (no script in the page), the next run sends everything."""
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    at = AppTest.from_file(str(script)).run()
    assert [m.value for m in at.markdown] == ["charts only"]
    at.run()  # e.g. a filter changed before the charts were drawn
    assert [m.value for m in at.markdown] == ["everything"]


def test_the_filters_wait_on_a_browsers_first_run_only() -> None:
    """The sidebar's widgets are left out of the run that makes the rest wait, and of no other run."""
    browser = {"User-Agent": "Chromium"}
    state: dict[str, object] = {}
    assert staged.first_view(state, headers=browser)
    assert staged.first_view(state, headers=browser)  # no side effect: asking again changes nothing
    assert not staged.first_view({}, headers={})  # no browser: everything at once
    assert staged.rest_waits(state, headers=browser)  # the first run: the rest waits...
    assert not staged.first_view(state, headers=browser)  # ...and any later run draws the filters
    assert not staged.first_view({staged.DRAWN: True}, headers=browser)
