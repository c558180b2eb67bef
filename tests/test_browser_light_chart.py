"""The timeline drawn by plotly.js's basic bundle (``timeline.light_chart``) in a real Chromium: drawn as
``st.plotly_chart`` draws the same figure, its theme as Streamlit's, a box and a click select as before, and
the app's first view loads no other Plotly (issue 9.14: Streamlit's 4.6 MB Plotly chunk was on the first
chart's critical path)."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from streamlit_server import CHROMIUM, serving, wait_idle

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
LAPTOP = {"width": 1366, "height": 768}

#: One figure twice: by the basic bundle (``light``) and by ``st.plotly_chart`` (``plain``); the light
#: chart's selection is printed as JSON under it.
TWO_CHARTS = """
import json
import plotly.graph_objects as go
import streamlit as st
from timeline import charts, light_chart, page_scripts

days = ["2020-01-05", "2020-01-12", "2020-01-19", "2020-01-26", "2020-02-02"]
fig = go.Figure(
    [go.Scatter(x=days, y=[0, 1, 0, 1, 0], mode="markers", marker={"size": 14}, customdata=list("abcde"),
                name="talks"),
     go.Bar(x=days, y=[0.5, 0.5, 0.5, 0.5, 0.5], name="weeks", opacity=0.3)],
    layout={"title": "Two lanes", "height": 300, "dragmode": "select", "selectdirection": "h",
            "yaxis": {"fixedrange": True}, "legend": {"orientation": "h"}},
)
with st.container(key="light"):
    light_chart.chart(fig, key="timeline-0", config=charts.PLOTLY_CONFIG)
st.html(page_scripts.CLICK_SELECTS, unsafe_allow_javascript=True)
st.code(json.dumps((st.session_state.get("timeline-0") or {}).get("selection")), language=None)
with st.container(key="plain"):
    st.plotly_chart(fig, key="plain-chart", config=charts.PLOTLY_CONFIG, on_select="rerun",
                    selection_mode=("points", "box", "lasso"))
"""
LIGHT, PLAIN = ".st-key-light .js-plotly-plot", ".st-key-plain .js-plotly-plot"


@pytest.fixture(scope="module")
def two_charts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("two-charts")
    (root / "app.py").write_text(TWO_CHARTS, encoding="utf-8")
    (root / "static").symlink_to(ROOT / "static")  # the bundle, at /app/static/ as in the app
    (root / ".streamlit").symlink_to(ROOT / ".streamlit")  # the app's theme (its fonts' names differ without)
    src = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    with serving(root / "cache", root=root, PYTHONPATH=src) as url:
        yield url


def _open(browser, url: str):  # noqa: ANN001, ANN202 - playwright Browser -> Page
    page = browser.new_page(viewport=LAPTOP)
    page.goto(url)
    for sel in (LIGHT, PLAIN):
        page.wait_for_selector(f"{sel} .scatterlayer .point", timeout=90_000)
    wait_idle(page)
    return page


#: What plotly.js was given and drew: the layout, the plot area and the number of marks drawn.
DRAWN = """sel => { const gd = document.querySelector(sel);
  return {layout: gd.layout, buttons: [...gd.querySelectorAll('.modebar-btn')].map(b => b.dataset.title), size: gd._fullLayout._size, points: gd.querySelectorAll('.point').length,
          bars: gd.querySelectorAll('.bars .point').length, title: gd.querySelector('.gtitle').textContent}; }"""


def test_the_light_chart_gives_plotly_js_what_st_plotly_chart_gives_it(browser, two_charts: str) -> None:  # noqa: ANN001
    page = _open(browser, two_charts)
    light, plain = page.evaluate(DRAWN, LIGHT), page.evaluate(DRAWN, PLAIN)
    for drawn in (light, plain):  # st.plotly_chart bolds a title on each draw: the same text shown
        drawn["layout"]["title"]["text"] = re.sub(
            r"(<b>)+(.*?)(</b>)+", r"<b>\2</b>", drawn["layout"]["title"]["text"]
        )
    assert light["layout"] == plain["layout"]  # theme, width, height, click mode, bold title
    assert light["size"] == plain["size"] and light["title"] == plain["title"]
    assert light["buttons"] == [b for b in plain["buttons"] if b != "Fullscreen"]  # Streamlit's own: left out
    assert light["points"] == plain["points"] == 10 and light["bars"] == 5
    page.close()


def _selection(page) -> dict | None:  # noqa: ANN001 - playwright Page
    return json.loads(page.locator("[data-testid=stCode] code").first.inner_text())


#: The page x, y of a point of the light chart: [x, y] of the ``i``-th mark of the first trace.
MARK_AT = f"""i => {{ const pt = document.querySelectorAll('{LIGHT} .scatterlayer .trace')[0]
  .querySelectorAll('.point')[i].getBoundingClientRect(); return [pt.x + pt.width / 2, pt.y + pt.height / 2]; }}"""


def test_a_box_on_the_light_chart_selects_its_dates_and_a_click_its_mark(browser, two_charts: str) -> None:  # noqa: ANN001
    page = _open(browser, two_charts)
    assert _selection(page) is None
    (x1, y), (x3, _) = page.evaluate(MARK_AT, 1), page.evaluate(MARK_AT, 3)
    page.mouse.move(x1 - 5, y)
    page.mouse.down()
    page.mouse.move((x1 + x3) / 2, y, steps=5)
    page.mouse.move(x3 + 5, y, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stCode] code').innerText.startsWith('null')"
    )
    wait_idle(page)
    sel = _selection(page)
    (box,) = sel["box"]
    assert box["x"][0] < "2020-01-12" and "2020-01-26" < box["x"][1] < "2020-02-02"  # dates, as Streamlit's
    assert {p.get("customdata") for p in sel["points"]} == {"b", "c", "d", None}  # and the bars between
    page.mouse.click(*page.evaluate(MARK_AT, 4))  # one click selects one mark (page_scripts.CLICK_SELECTS)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stCode] code').innerText.includes('box\": [{')"
    )
    wait_idle(page)
    sel = _selection(page)
    assert [p.get("customdata") for p in sel["points"]] == ["e"] and sel["box"] == []
    page.close()


def test_the_theme_template_is_still_the_one_st_plotly_chart_gives_plotly_js(browser) -> None:  # noqa: ANN001
    """``timeline.plotly_theme`` is generated by ``scripts/plotly_theme.py``: reading it again from a
    page changes nothing (a new Streamlit with another theme fails here)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from plotly_theme import streamlit_template

    from timeline.plotly_theme import TEMPLATE

    assert streamlit_template(browser) == TEMPLATE


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("cache")) as url:
        yield url


#: Scripts the page had asked for when the first chart was drawn (recorded as it appears).
FIRST_CHART_SCRIPTS = """
(() => {
  const look = () => {
    if (document.querySelector('.js-plotly-plot .xtick'))
      window.__scriptsAtChart = performance.getEntriesByType('resource').map(r => r.name);
    else setTimeout(look, 16);
  };
  look();
})();
"""


def test_the_first_views_timeline_loads_the_basic_bundle_and_not_streamlits_plotly(
    browser, app_url: str
) -> None:  # noqa: ANN001
    page = browser.new_page(viewport=LAPTOP)
    page.add_init_script(FIRST_CHART_SCRIPTS)
    page.goto(app_url)
    page.wait_for_function("() => window.__scriptsAtChart", timeout=90_000)
    scripts = page.evaluate("() => window.__scriptsAtChart")
    assert any(s.endswith("/app/static/plotly-basic.min.js") for s in scripts)
    assert not [s for s in scripts if re.search(r"/PlotlyChart\.[^/]*\.js$", s)]
    page.close()
