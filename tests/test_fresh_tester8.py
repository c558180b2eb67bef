"""A fresh tester's findings (issue 9, fresh tester 8), each as a kind: the table's selection follows its
event, the actor filter's labels, the evidence search, the review panel's source line, the header's
counts, exported charts' titles, lanes by actor and the map's popups."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_testing import app_without_merge as _app
from app_testing import run_clean as _run
from timeline import table_pick

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def _pick_row(at: AppTest, row: int) -> AppTest:
    at.session_state["table"] = {"selection": {"rows": [row], "columns": []}}
    return _run(at)


def _detail(at: AppTest) -> str:
    """The detail view's and the review panel's HTML (the evidence of the event shown)."""
    return " ".join(h.proto.body for h in at.get("html"))


# -- the table's selection follows the event ------------------------------------------------------------
def test_a_table_selection_follows_its_event_when_a_filter_changes_the_rows(app_env: None) -> None:
    at = _app()
    last = len(at.dataframe(key="table").value) - 1
    _pick_row(at, last)
    picked = at.session_state["rv_current"]
    _, view = at.session_state["_rv"]
    ev = view.events.set_index("event_id").loc[picked]
    assert ev["evidence"][:30] in _detail(at)
    at.multiselect(key="f_types").set_value([ev["type"]])  # fewer rows: the event moves up
    _run(at)
    rows = table_pick.selected_rows(at.session_state["table"])
    assert rows and rows[0] < last
    assert at.session_state["rv_current"] == picked  # the review panel stays on the event
    assert ev["evidence"][:30] in _detail(at)
    other = next(t for t in view.events["type"] if t != ev["type"])
    at.multiselect(key="f_types").set_value([other])  # the event leaves the table: the selection is cleared
    _run(at)
    assert table_pick.selected_rows(at.session_state["table"]) == []
    shown = set(view.events.loc[view.events["type"] == other, "evidence"].str[:30])
    assert not any(e in _detail(at) for e in shown)  # no other event's detail shown in its place


def test_followed_rows_moves_keeps_or_clears_a_selection() -> None:
    ids = pd.Series(["a", "b", "c"])
    state = {"selection": {"rows": [2], "columns": []}}
    assert table_pick.remember(state, ids) == ("c", 2)
    assert table_pick.followed_rows(state, ("c", 2), ids, 100) is None  # the same event at the same row
    assert table_pick.followed_rows(state, ("b", 1), ids, 100) is None  # a new pick stands
    assert table_pick.followed_rows(state, ("b", 2), pd.Series(["x", "b", "y"]), 100) == [1]  # it moved
    assert table_pick.followed_rows(state, ("b", 2), pd.Series(["x", "y", "z"]), 100) == []  # it left
    assert table_pick.followed_rows(state, ("b", 2), pd.Series(["x", "y", "b"]), 2) == []  # not shown
    assert table_pick.followed_rows({"selection": {"rows": []}}, ("b", 2), ids, 100) is None


# -- the actor filter's search ----------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["f_actors", "f_places", "f_sources"])
def test_a_filter_search_matches_the_typed_text_within_the_labels_shown(app_env: None, key: str) -> None:
    """Streamlit's default search matched letters scattered in order: "Turk" matched "Jihadist groups
    (international) · Abu Bakr al-Baghdadi" (T-u-r-k), and Enter added him with "Select 9 matches"."""
    from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode

    at = _app()
    assert at.multiselect(key=key).proto.filter_mode == SelectWidgetFilterMode.Value("FILTER_MODE_CONTAINS")


def test_the_actor_labels_carry_the_side_so_typing_a_side_picks_it_whole(app_env: None) -> None:
    at = _app()
    box = at.multiselect(key="f_actors")
    turkey = [o for o in box.options if "turkey" in o.lower()]
    assert turkey and all(o.startswith("Turkey · ") for o in turkey)
    assert "side" in box.proto.help


# -- "Text in the evidence" -----------------------------------------------------------------------------
def test_text_in_the_evidence_searches_the_evidence_not_the_title() -> None:
    from events_factory import event, frame
    from timeline.filters import Filters, apply_filters, index_events

    rows = [event(evidence="Rebels shelled Saraqib."), event("talks", evidence="Talks in Ankara.")]
    rows[1]["title"] = "Saraqib after the shelling"  # named in the title only
    ix = index_events(frame(rows))
    found = apply_filters(ix, Filters(text="saraqib"))
    assert found["evidence"].tolist() == ["Rebels shelled Saraqib."]


def test_the_evidence_search_says_what_it_searches(app_env: None) -> None:
    assert "not the articles' titles" in _app().text_input(key="f_text").proto.help


# -- the review panel's source line ----------------------------------------------------------------------
def test_the_review_panel_shows_the_source_line_as_the_detail_view_does(app_env: None) -> None:
    """An Arabic title between the outlet and the date reordered the line ("#-2019) … (04-11"): the title
    is isolated (FSI … PDI) in both places, which draw the same line."""
    at = _pick_row(_app(), 0)
    sources = [m.value for m in at.markdown if "Source:" in m.value]
    assert len(sources) == 2 and sources[0] == sources[1]  # the detail view and the review panel
    title = (
        at.session_state["_rv"][1].events.set_index("event_id").loc[at.session_state["rv_current"], "title"]
    )
    assert f"\u2068{title}\u2069" in sources[1]


# -- exported charts carry their title -----------------------------------------------------------------
TITLE = "Talks, ultimatums, offensives and ceasefires: timeline, lanes by event type"


def test_an_exported_timeline_page_carries_the_charts_title(events: pd.DataFrame) -> None:
    import json
    import re

    from timeline import exports
    from timeline.charts import timeline_figure
    from timeline.present import timeline_title

    assert timeline_title("type") == TITLE
    page = exports.figure_html(timeline_figure(events), "cite", TITLE).decode()
    assert f"<title>{TITLE}</title>" in page
    spec = json.loads(
        re.search(r"Plotly\.newPlot\(\s*\"[^\"]+\",\s*(\[.*?\]),\s*(\{.*?\}),\s*\{", page, re.S)[2]
    )
    assert spec["title"]["text"] == TITLE


def test_a_chart_with_its_own_title_keeps_it_in_its_export() -> None:
    import plotly.graph_objects as go

    from timeline import exports

    fig = go.Figure(layout={"title": "Campaigns (offensives)", "height": 300})
    assert exports.titled(fig, "another") is fig
    assert "<title>Campaigns (offensives)</title>" in exports.figure_html(fig, "cite").decode()
    shown = go.Figure(layout={"height": 300, "margin": {"t": 28}})  # the page's heading names it
    out = exports.titled(shown, TITLE)
    assert exports.figure_title(out) == TITLE and out.layout.height == 300 + exports.TITLE_ROOM
    assert out.layout.margin.t == 28 + exports.TITLE_ROOM and not exports.figure_title(shown)


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_an_exported_timeline_svg_shows_the_title(events: pd.DataFrame) -> None:
    from timeline import exports
    from timeline.charts import timeline_figure

    svg = exports.figure_image(
        timeline_figure(events), "svg", "cite", width=900, scale=1, title=TITLE
    ).decode()
    assert "Talks, ultimatums, offensives and ceasefires: timeline" in svg


# -- lanes by actor --------------------------------------------------------------------------------------
def test_lanes_by_actor_put_one_states_names_in_one_lane() -> None:
    from events_factory import event, frame
    from timeline.charts import timeline_figure
    from timeline.present import timeline_title

    said = [
        ("President of Turkey", "TURGOV"),
        ("Recep Tayyip Erdogan", "TURGOV"),
        ("Turkish government", "TURGOV"),
    ]
    rows = [event("ultimatum", f"2020-02-0{i + 1}", evidence=f"{name} warned Damascus.",
                  actors=[{"code": code, "name": name, "role": "initiator"}]) for i, (name, code) in enumerate(said)]  # fmt: skip
    rows.append(event("talks", "2020-02-05", evidence="Talks.", actors=[{"code": "", "name": "Some envoy",
                                                                          "role": "participant"}]))  # fmt: skip
    fig = timeline_figure(frame(rows), lanes="actor")
    assert sorted(fig.layout.yaxis.ticktext) == ["Some envoy", "Turkey"]  # no code: the name
    assert "side" in timeline_title("actor")


def test_the_lanes_choice_says_lanes_by_actor_are_by_side(app_env: None) -> None:
    at = _app()
    assert list(at.radio(key="f_lanes").proto.options) == ["type", "actor's side"]


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_in_a_browser_a_ticked_row_follows_its_event_through_a_type_filter(tmp_path: Path) -> None:
    import re

    from playwright.sync_api import sync_playwright

    from events_factory import sample_rows, write_jsonl
    from streamlit_server import CHROMIUM, FLAGS, serving, wait_idle

    events = write_jsonl(sample_rows(), tmp_path / "events.jsonl")

    def shown(page) -> tuple[str | None, list[str]]:  # noqa: ANN001 - the event under review, the evidence
        m = re.search(r"Event\s+([0-9a-f]{16})", page.inner_text("body"))
        return (m[1] if m else None), page.locator("blockquote").all_inner_texts()

    def add_type(page, name: str) -> None:  # noqa: ANN001
        page.locator("[data-testid=stMultiSelect]").filter(has_text="Event types").click()
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        wait_idle(page)

    with (
        serving(tmp_path / "cache", drop=("TIMELINE_REVIEWS",), TIMELINE_EVENTS=str(events)) as url,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1600})
        page.goto(url)
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=90_000)
        wait_idle(page)
        box = page.locator('[data-testid="stDataFrame"]').bounding_box()
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 35 * 7 + 17)  # the last row's tick box (8 rows)
        wait_idle(page)
        picked, evidence = shown(page)
        assert picked and len(evidence) == 2 and "ceasefire" in evidence[0]  # detail view and review panel
        add_type(page, "ceasefire")  # the event is now the first row
        assert shown(page) == (picked, evidence)
        add_type(page, "offensive")  # offensives too: earlier, they come first and the event moves down
        assert shown(page) == (picked, evidence)
        browser.close()
