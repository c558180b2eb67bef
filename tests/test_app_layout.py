"""The fresh tester's findings on the dashboard's layout (issue 9), under AppTest: the timeline and the weekly
counts share one date range; a reference page's revision date stretches nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_testing import run_clean as _run

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def _specs(at: AppTest) -> dict[str, dict]:
    """The figures of the page by their widget id's role: "timeline" and "counts"."""
    out = {}
    for chart in at.get("plotly_chart"):
        role = "counts" if "counts" in chart.proto.id else "timeline"
        out[role] = json.loads(chart.proto.spec)
    return out


def _days(values: list) -> pd.Series:
    return pd.to_datetime(pd.Series([v for v in values if v not in (None, "")]), errors="coerce").dropna()


# -- fresh tester item 1: one date, one horizontal position in the timeline and the counts under it -----------
@pytest.mark.parametrize("types", [[], ["offensive", "ceasefire"], ["talks"]])
def test_the_timeline_and_the_weekly_counts_share_one_date_range(app_env: None, types: list[str]) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["f_merge"] = False
    _run(at)
    if types:
        at.multiselect(key="f_types").set_value(types)
        _run(at)
    specs = _specs(at)
    timeline, counts = specs["timeline"]["layout"]["xaxis"], specs["counts"]["layout"]["xaxis"]
    lo, hi = pd.to_datetime(timeline["range"])
    assert [lo, hi] == list(pd.to_datetime(counts["range"]))  # the same range, so the same scale
    marks = _days([x for t in specs["timeline"]["data"] for x in (t.get("x") or [])])
    assert len(marks) and lo < marks.min() and marks.max() < hi  # every mark and bar end in view
    for bar in specs["counts"]["data"]:  # every week's bar in view, Monday to Sunday
        centres = _days(bar["x"])
        assert (
            lo <= (centres - pd.Timedelta(days=3.5)).min() and (centres + pd.Timedelta(days=3.5)).max() <= hi
        )


# -- fresh tester item 2: a reference page's revision date (2023) stretches no timeline --------------------------
def test_a_reference_pages_revision_date_does_not_stretch_the_timeline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from events_factory import event, write_jsonl

    wiki, revised = "data/sample/wiki_turkish_operation_idlib_2019-2020.md", "2023-08-20T12:08:00"
    rows = [event("talks", "2020-02-10", source="data/seed.txt"),
            event("offensive", "2020-02-27", source=wiki, published=revised),
            event("ceasefire", "2020-03-06", status="ongoing", source=wiki, published=revised),
            {**event("offensive", "2023-08-20", source=wiki, published=revised), "date_source": "publication"}]  # fmt: skip
    monkeypatch.setenv("TIMELINE_EVENTS", str(write_jsonl(rows, tmp_path / "events.jsonl")))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["f_merge"] = False
    _run(at)
    specs = _specs(at)
    for role in ("timeline", "counts"):
        lo, hi = pd.to_datetime(specs[role]["layout"]["xaxis"]["range"])
        assert lo < pd.Timestamp("2020-02-10") and pd.Timestamp("2020-03-06") < hi < pd.Timestamp(
            "2020-06-01"
        ), role
