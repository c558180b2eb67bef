"""Fresh tester 11's dashboard findings that only a browser shows, in Debian's Chromium against the real app on
the bundled sample (``tests/streamlit_server.py``, map tiles off), at a laptop's 1366 px:

- a click on a bar of the weekly counts selects that week's events, as a click or a box on the timeline does
  (the same selection: ``sel_from``/``sel_to`` in the URL, the table and the map follow it);
- an event picked in the table with the keyboard writes ``row=`` to the URL like a mouse pick, and Back walks
  the picks;
- a place's popup opened near the map's top-right corner is drawn whole inside the map.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from urllib.parse import parse_qs

import pytest

from streamlit_server import CHROMIUM, MAP_FRAME, map_frame, serving, wait_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
LAPTOP = {"width": 1366, "height": 1000}
#: The places' marks in the map's pixels.
MARKS = """() => { const m = map.getContainer().getBoundingClientRect(); const out = [];
  document.querySelectorAll('path.leaflet-interactive').forEach(e => { const r = e.getBoundingClientRect();
    if (r.width > 0) out.push([r.left - m.left, r.top - m.top, r.right - m.left, r.bottom - m.top]); });
  return out; }"""
#: The open popup's box in the map's pixels, and the map's size (null: no popup open).
POPUP = """() => { const m = map.getContainer().getBoundingClientRect(), p = document.querySelector('.leaflet-popup');
  if (!p) return null; const r = p.getBoundingClientRect();
  return {width: m.width, height: m.height, box: [r.left - m.left, r.top - m.top, r.right - m.left, r.bottom - m.top]}; }"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("cache")) as url:
        yield url


def _query(page) -> dict[str, list[str]]:  # noqa: ANN001
    return parse_qs(page.evaluate("() => location.search").lstrip("?"))


def _shown(page) -> int:  # noqa: ANN001
    """The header's count of events shown ("**12** of 60 events")."""
    return int(page.locator("[data-testid=stMain] strong").first.inner_text().replace(",", ""))


def test_a_click_on_a_weekly_bar_selects_that_weeks_events(browser, app_url: str) -> None:  # noqa: ANN001
    """The tester clicked a week's bar under the timeline: nothing happened. It selects that week (Monday to
    Sunday), as a box over those days on the timeline does: the header, table and map show its events."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(app_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    total = _shown(page)
    bars = page.locator('[class*="st-key-counts"] .js-plotly-plot .bars path')
    tallest = max(range(bars.count()), key=lambda i: bars.nth(i).bounding_box()["height"])
    box = bars.nth(tallest).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 3)
    page.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)
    wait_idle(page, 1000)
    q = _query(page)
    first, last = date.fromisoformat(q["sel_from"][0]), date.fromisoformat(q["sel_to"][0])
    assert first.weekday() == 0 and last - first == timedelta(days=6)  # one whole week
    assert 0 < _shown(page) < total
    page.get_by_role("button", name="Clear selection").click()
    wait_idle(page, 1000)
    assert "sel_from" not in _query(page) and _shown(page) == total
    page.close()


def test_a_drag_over_the_weekly_counts_selects_its_dates(browser, app_url: str) -> None:  # noqa: ANN001
    """A drag across the weekly counts selects the dates it spans, as a drag on the timeline does."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(app_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    total = _shown(page)
    plot = page.locator('[class*="st-key-counts"] .js-plotly-plot .nsewdrag').first.bounding_box()
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + plot["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] * 0.65, y, steps=4)
    page.mouse.move(plot["x"] + plot["width"] * 0.75, y, steps=4)
    page.mouse.up()
    page.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)
    wait_idle(page, 1000)
    q = _query(page)
    assert date.fromisoformat(q["sel_from"][0]) < date.fromisoformat(q["sel_to"][0])
    assert 0 < _shown(page) < total
    page.close()


def test_a_row_picked_with_the_keyboard_is_in_the_url_and_back_walks_the_picks(browser, app_url: str) -> None:  # noqa: ANN001
    """The table's keyboard pick (a cell focused, Shift+Space selects its row: the grid's own key) writes the
    picked event's ``row`` as a click on its checkbox does; Back and Forward walk those picks."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(app_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    grid = page.locator("[data-testid=stDataFrame]").first.bounding_box()
    # the second row's date cell: focused, not picked
    page.mouse.click(grid["x"] + 120, grid["y"] + 35 + 35 + 17)
    wait_idle(page, 1000)
    assert "row" not in _query(page)
    picks: list[str] = []
    for _ in range(3):
        page.keyboard.press("Shift+Space")
        page.wait_for_function(  # the pick's run writes the URL
            "(before) => (new URLSearchParams(location.search)).get('row') !== before",
            arg=picks[-1] if picks else None,
            timeout=30_000,
        )
        wait_idle(page, 800)
        picks.append(_query(page)["row"][0])
        page.keyboard.press("ArrowDown")
    assert len(set(picks)) == 3
    page.go_back()
    wait_idle(page, 1500)
    assert _query(page)["row"] == [picks[1]]
    page.go_forward()
    wait_idle(page, 1500)
    assert _query(page)["row"] == [picks[2]]
    page.close()


def test_a_popup_opened_near_the_maps_top_right_corner_is_drawn_whole(browser, app_url: str) -> None:  # noqa: ANN001
    """The place nearest the map's top-right corner opened a popup cut off by the map's right edge (460 px
    wide in a laptop's 536 px map, and kept clear of the top-left controls). Leaflet's own options keep it
    whole: a width the map holds, panned into view with a margin."""
    page = browser.new_page(viewport={"width": 1366, "height": 1200})  # the whole map on the first screen
    page.goto(app_url, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_idle(page)
    width = frame.evaluate("() => map.getSize().x")
    mark = min(frame.evaluate(MARKS), key=lambda r: r[1] + (width - r[2]))  # nearest the top-right corner
    box = page.locator(MAP_FRAME).last.bounding_box()
    page.mouse.click(box["x"] + (mark[0] + mark[2]) / 2, box["y"] + (mark[1] + mark[3]) / 2)
    page.wait_for_timeout(1500)
    wait_idle(page, 1000)
    seen = map_frame(page).evaluate(POPUP)
    assert seen is not None  # the click opened the place's popup
    left, top, right, bottom = seen["box"]
    assert left >= 0 and top >= 0 and right <= seen["width"] and bottom <= seen["height"], seen
    page.close()
