"""Fresh tester 10's dashboard findings that only a browser shows, in Debian's Chromium against the real app on
the bundled sample (``tests/streamlit_server.py``, map tiles off), at a laptop's 1366x768:

- the map, below the fold at load, opens fitted on its events, and scrolling the page down to it with the mouse
  wheel does not zoom it out to the world (the wheel over the map scrolls the page until the map is pressed);
- the URL (``location``, read in the page: Playwright's ``page.url`` is only refreshed when the test calls
  into the browser, so polling it between ``time.sleep`` calls showed a URL several steps old) follows each
  change of the view, one history entry per change, and Back walks those states.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from streamlit_server import CHROMIUM, MAP_FRAME, ROOT, map_frame, serving, wait_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
LAPTOP = {"width": 1366, "height": 768}
#: Each drawn mark's box in the map's pixels, and the map's size and zoom.
MARKS = """() => { const m = map.getContainer().getBoundingClientRect(); const out = [];
  document.querySelectorAll('path.leaflet-interactive').forEach(e => { const r = e.getBoundingClientRect();
    if (r.width > 0) out.push([r.left - m.left, r.top - m.top, r.right - m.left, r.bottom - m.top]); });
  return {width: m.width, height: m.height, zoom: map.getZoom(), marks: out}; }"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("cache")) as url:
        yield url


def _inside(seen: dict) -> int:
    w, h = seen["width"], seen["height"]
    return sum(1 for le, t, r, b in seen["marks"] if le >= 0 and t >= 0 and r <= w and b <= h)


def test_scrolling_down_to_the_map_with_the_wheel_leaves_it_on_its_events(browser, app_url: str) -> None:  # noqa: ANN001
    """The tester scrolled down to "Where" with the wheel: the map under the pointer took the wheel and zoomed
    out to the world (zoom 3 over Italy, the Syrian places a few pixels apart). The page scrolls instead."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(app_url, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_idle(page)
    opened = frame.evaluate(MARKS)
    top = page.locator(MAP_FRAME).last.bounding_box()["y"]
    assert top > 300  # the map starts low on a laptop's first screen (its lower part below the fold)
    page.mouse.move(LAPTOP["width"] * 0.3, top + 100)  # over the map
    for _ in range(3):
        page.mouse.wheel(0, 150)
        page.wait_for_timeout(300)
    page.wait_for_timeout(800)
    scrolled = frame.evaluate(MARKS)
    assert page.locator(MAP_FRAME).last.bounding_box()["y"] < top  # the page scrolled
    assert scrolled["zoom"] == opened["zoom"]  # and the map kept its opening view
    assert _inside(scrolled) == _inside(opened) >= 0.6 * len(opened["marks"])
    page.close()


def test_a_wheel_zooms_the_map_once_it_is_pressed(browser, app_url: str) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1366, "height": 1200})
    page.goto(app_url, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_idle(page)
    zoom = frame.evaluate("() => map.getZoom()")
    box = page.locator(MAP_FRAME).last.bounding_box()
    x, y = box["x"] + 30, box["y"] + box["height"] - 30  # a corner of the map with no place
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.up()
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(1200)
    assert frame.evaluate("() => map.getZoom()") > zoom
    page.close()


def test_the_map_fits_again_when_its_frame_changes_size(browser, app_url: str) -> None:  # noqa: ANN001
    """Opened on a narrow window and widened before anyone moved it: the map fits its events at the new size
    (the same zoom a map opened at that size has), not the first size's view stretched."""
    page = browser.new_page(viewport={"width": 900, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_idle(page)
    page.set_viewport_size({"width": 1920, "height": 1000})
    page.wait_for_timeout(1500)
    widened = frame.evaluate(MARKS)
    fresh = browser.new_page(viewport={"width": 1920, "height": 1000})
    fresh.goto(app_url, wait_until="domcontentloaded")
    opened = map_frame(fresh).evaluate(MARKS)
    assert widened["width"] == opened["width"]
    assert widened["zoom"] == opened["zoom"]
    page.close()
    fresh.close()


HISTORY = """() => { window.__urls = []; for (const k of ['pushState', 'replaceState']) {
  const f = history[k].bind(history); history[k] = (s, t, u) => { window.__urls.push(k + ' ' + u); return f(s, t, u); }; } }"""


def _pick(page, label: str, value: str) -> None:  # noqa: ANN001
    box = page.locator("div[data-testid=stMultiSelect]").filter(has_text=label)
    box.locator("input").click()
    page.keyboard.type(value)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_the_url_follows_each_change_and_back_walks_the_states(browser, app_url: str) -> None:  # noqa: ANN001
    """Each change of the view writes the URL once (one history entry, no state in between) as soon as the
    page shows it: the page radio's value went into the URL at the end of the run, after the aggregates' six
    charts (seconds on the sample), so the page showed the aggregates under the timeline's URL. Back goes to
    the state before, one change at a time."""
    page = browser.new_page(viewport=LAPTOP)
    page.goto(app_url + "/?type=talks", wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page, 1000)
    page.evaluate(HISTORY)
    steps = []
    _pick(page, "Status", "planned")
    page.get_by_text("statuses: planned").first.wait_for()  # the header shows it: the URL holds it already
    steps.append(page.evaluate("() => [location.search, window.__urls.slice()]"))
    wait_idle(page, 1000)
    steps.append(page.evaluate("() => [location.search, window.__urls.splice(0)]"))
    page.get_by_text("Aggregates", exact=True).click()
    page.get_by_text("Count per").first.wait_for()  # the aggregates page is drawn: its URL is there already
    steps.append(page.evaluate("() => [location.search, window.__urls.slice()]"))
    wait_idle(page, 1000)
    steps.append(page.evaluate("() => [location.search, window.__urls.splice(0)]"))
    planned, aggregates = "?type=talks&status=planned", "?type=talks&status=planned&view=aggregates"
    assert steps == [
        [planned, [f"pushState /{planned}"]],
        [planned, [f"pushState /{planned}"]],  # one entry when the run ends too
        [aggregates, [f"pushState /{aggregates}"]],
        [aggregates, [f"pushState /{aggregates}"]],
    ]
    assert page.get_by_text("Count per").count()
    page.go_back()
    wait_idle(page, 1000)
    assert page.evaluate("() => location.search") == "?type=talks&status=planned"
    assert not page.get_by_text("Count per").count()  # the timeline again
    page.go_back()
    wait_idle(page, 1000)
    assert page.evaluate("() => location.search") == "?type=talks"
    assert "status" not in page.locator("[data-testid=stMain]").inner_text()[:200].lower()
    page.close()


def test_a_batch_after_a_failed_one_reports_only_its_own_files(browser, app_url: str) -> None:  # noqa: ANN001
    """After a batch of an empty and a binary file failed, a good article added next was reported with the old
    "empty.txt: empty file" and "junk.txt: binary file": the uploader kept the failed files and read them
    again. It is empty after each extraction. (Last in this module: the upload adds events.)"""
    page = browser.new_page(viewport={"width": 1366, "height": 1400})
    page.goto(app_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    page.get_by_text("Add articles").click()
    drop = page.locator("[data-testid=stFileUploaderDropzoneInput]")
    drop.set_input_files(files=[{"name": "empty.txt", "mimeType": "text/plain", "buffer": b""},
                                {"name": "junk.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 8}])  # fmt: skip
    page.get_by_text("junk.txt").first.wait_for()  # both files uploaded
    wait_idle(page)
    page.get_by_role("button", name="Extract events").click()
    page.get_by_text("No article could be read").wait_for(timeout=60_000)
    assert "empty.txt" in page.inner_text("[data-testid=stSidebar]")
    # the emptied uploader is a new widget: under load the old one may still be in the page for a moment
    wait_idle(page)
    page.wait_for_function(
        "document.querySelectorAll('[data-testid=stFileUploaderDropzoneInput]').length === 1", timeout=30_000
    )
    article = (ROOT / "data" / "articles" / "fakes_1926479371.json").read_bytes()
    drop.set_input_files(files=[{"name": "good.json", "mimeType": "application/json", "buffer": article}])
    page.get_by_text("good.json").first.wait_for()
    wait_idle(page)
    page.get_by_role("button", name="Extract events").click()
    page.get_by_text(re.compile(r"Read 1 article, found \d+ events?")).wait_for(timeout=60_000)
    wait_idle(page)  # the run's end (the elements of the last report are gone)
    sidebar = page.inner_text("[data-testid=stSidebar]")
    assert "empty.txt" not in sidebar and "junk.txt" not in sidebar
    page.close()
