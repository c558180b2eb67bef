"""Fresh tester 12's dashboard findings that only a browser shows, in Debian's Chromium against the real app on
the bundled sample (``tests/streamlit_server.py``, map tiles off), at a laptop's 1366 px:

- each selection and pick is in the URL as the page shows it (a week's bar, a table row after it, a drag,
  then a timeline mark);
- a click on a timeline mark after a drag over the weekly counts leaves no stale box on the counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest

from streamlit_server import CHROMIUM, map_frame, serving, wait_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
LAPTOP = {"width": 1366, "height": 1000}
COUNTS = '[class*="st-key-counts"] .js-plotly-plot'
#: The selection boxes drawn on the weekly counts (plotly's outline of a box, kept or being dragged).
BOXES = f"{COUNTS} .selectionlayer path, {COUNTS} .select-outline"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("cache")) as url:
        yield url


def _query(page) -> dict[str, list[str]]:  # noqa: ANN001
    return parse_qs(page.evaluate("() => location.search").lstrip("?"))


def _header(page) -> str:  # noqa: ANN001
    return page.locator("[data-testid=stMain] [data-testid=stMarkdown]").first.inner_text()


def _drag_over_counts(page, left: float, right: float) -> None:  # noqa: ANN001
    plot = page.locator(f"{COUNTS} .nsewdrag").first.bounding_box()
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + plot["width"] * left, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] * (left + right) / 2, y, steps=4)
    page.mouse.move(plot["x"] + plot["width"] * right, y, steps=4)
    page.mouse.up()


def test_each_selection_and_pick_is_in_the_url_as_the_page_shows_it(browser, app_url: str) -> None:  # noqa: ANN001
    """The tester saw the URL a step behind the page: a week's bar, then a table row (``row=`` missing), a
    timeline mark after a drag (the drag's ``sel_from/sel_to`` kept). Each step's URL holds what the page
    shows once its run is over."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(app_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    bars = page.locator(f"{COUNTS} .bars path")
    tallest = max(range(bars.count()), key=lambda i: bars.nth(i).bounding_box()["height"])
    box = bars.nth(tallest).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 3)
    page.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)
    wait_idle(page)
    week = _query(page)
    assert "sel_from" in week and "selected start: " + week["sel_from"][0] in _header(page)
    grid = page.locator("[data-testid=stDataFrame]").first.bounding_box()
    page.mouse.click(grid["x"] + 15, grid["y"] + 35 + 17)  # the first row's checkbox
    page.wait_for_function("() => location.search.includes('row=')", timeout=30_000)
    wait_idle(page)
    assert _query(page)["sel_from"] == week["sel_from"]  # the week stays, with the row
    _drag_over_counts(page, 0.35, 0.6)
    page.wait_for_function(
        f"() => !location.search.includes('sel_from={week['sel_from'][0]}')", timeout=30_000
    )
    wait_idle(page)
    points = page.locator('[class*="st-key-timeline"] .js-plotly-plot .scatterlayer .point')
    mark = next(b for i in range(points.count()) if (b := points.nth(i).bounding_box()) and b["width"] > 0)
    page.mouse.click(mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
    page.wait_for_function("() => location.search.includes('sel_id=')", timeout=30_000)
    wait_idle(page)
    assert "sel_from" not in _query(page) and "selected ids: 1 event" in _header(page)
    page.close()


def test_a_mark_clicked_after_a_drag_over_the_counts_leaves_no_box_there(browser, app_url: str) -> None:  # noqa: ANN001
    """After a drag over the weekly counts, a click on a timeline mark selects that event: the counts' dashed
    box, which said the dragged weeks were selected, is gone."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(app_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    _drag_over_counts(page, 0.35, 0.6)
    page.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)
    wait_idle(page)
    assert page.locator(BOXES).count() > 0  # the drag's box
    points = page.locator('[class*="st-key-timeline"] .js-plotly-plot .scatterlayer .point')
    mark = next(b for i in range(points.count()) if (b := points.nth(i).bounding_box()) and b["width"] > 0)
    page.mouse.click(mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
    page.wait_for_function("() => location.search.includes('sel_id=')", timeout=30_000)
    wait_idle(page, 1000)
    assert "selected ids: 1 event" in _header(page)
    page.locator(f"{COUNTS} .bars path").first.wait_for(timeout=30_000)
    assert page.locator(BOXES).count() == 0
    page.close()
