"""End to end in a real Chromium (Debian's, no browser download): the dashboard loads, a map click filters
the timeline, the CSV downloads, and a screenshot is saved (also to docs/screenshot.png for the README);
quick downloads all arrive, bad inputs give one line, uploads survive a reload, and the URL keeps the view.

Starts ``streamlit run app.py`` on 127.0.0.1 on the bundled sample (or ``TIMELINE_EVENTS`` when set),
with map tiles off so nothing is fetched from the network.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from streamlit_server import CHROMIUM, FLAGS, MAP_FRAME, serving, wait_idle

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("cache")) as url:
        yield url


@contextmanager
def browser_page(**kwargs: object) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield browser.new_page(accept_downloads=True, **kwargs)
        finally:
            browser.close()


def _wait_for_app(page) -> None:  # noqa: ANN001 - playwright Page
    page.wait_for_selector(".js-plotly-plot .xtick", timeout=90_000)
    wait_idle(page)


def _summary_count(page) -> int:  # noqa: ANN001 - playwright Page
    text = page.get_by_text(re.compile(r"of [\d,]+ events")).first.inner_text()
    return int(re.search(r"([\d,]+) of", text).group(1).replace(",", ""))


def _total_count(page) -> int:  # noqa: ANN001 - playwright Page
    text = page.get_by_text(re.compile(r"of [\d,]+ events")).first.inner_text()
    return int(re.search(r"of ([\d,]+) events", text).group(1).replace(",", ""))


def _click_biggest_marker(page, frame) -> None:  # noqa: ANN001 - playwright Page and FrameLocator
    """A real mouse click on the centre of the largest place marker in view."""
    paths = frame.locator("path.leaflet-interactive")
    boxes = [paths.nth(i).bounding_box() for i in range(paths.count())]
    boxes = [b for b in boxes if b and b["width"] > 4 and b["y"] > 0]
    box = max(boxes, key=lambda b: b["width"] * b["height"])
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_dashboard_end_to_end(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1500, "height": 2400}, accept_downloads=True)
        # a link with a filter: restores the view and keeps the map small enough not to cluster
        page.goto(f"{app_url}/?type=talks&type=ceasefire", wait_until="domcontentloaded")
        page.wait_for_selector(".js-plotly-plot .xtick", timeout=90_000)
        # the marks: SVG points when few, a WebGL canvas when many (charts.SVG_MARKS)
        page.wait_for_selector(".js-plotly-plot .scatterlayer .point, .js-plotly-plot canvas", state="attached",
                               timeout=30_000)  # fmt: skip
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator(".leaflet-container").wait_for(timeout=60_000)
        frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        before = _summary_count(page)
        wait_idle(page)
        overview = tmp_path / "overview.png"
        page.screenshot(path=str(overview), clip={"x": 0, "y": 0, "width": 1500, "height": 1500})
        assert before > 0
        assert page.get_by_text("types: talks, ceasefire").count() > 0

        _click_biggest_marker(page, frame)
        page.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)
        page.wait_for_function(
            "n => { const m = document.body.innerText.match(/([\\d,]+) of [\\d,]+ events/);"
            " return m && parseInt(m[1].replace(/,/g, '')) < n; }",
            arg=before,
            timeout=30_000,
        )
        assert _summary_count(page) < before
        page.wait_for_function("() => location.search.includes('sel_place')", timeout=30_000)

        after = _summary_count(page)
        wait_idle(page)
        page.get_by_text("Export (every file carries a citation)").click()
        button = page.get_by_role("button", name="Events CSV")
        button.wait_for(timeout=30_000)
        with page.expect_download(timeout=60_000) as dl:
            button.click()
        csv_path = tmp_path / "events.csv"
        dl.value.save_as(csv_path)
        import pandas as pd

        csv = pd.read_csv(csv_path)
        assert list(csv.columns[:2]) == ["event_id", "article_id"]
        assert len(csv) == after  # the filtered events, not all of them

        shot = tmp_path / "screenshot.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert shot.stat().st_size > 10_000
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copyfile(overview, docs / "screenshot.png")


#: Records in ``window.__seen`` when the page first holds a drawn chart, the map's frame, the table and the
#: sidebar's filters, and in ``window.__counted`` the page's "N of M events" when the chart was drawn.
FIRST_SEEN = """
window.__seen = {};
const wanted = {chart: ".js-plotly-plot .xtick", map: MAP_SELECTOR, table: '[data-testid="stDataFrame"]',
                filters: '[data-testid="stSidebar"] [data-testid="stMultiSelect"]'};
new MutationObserver(() => {
  for (const [name, selector] of Object.entries(wanted)) {
    if (!(name in window.__seen) && document.querySelector(selector)) {
      window.__seen[name] = performance.now();
      if (name === "chart") window.__counted = (document.body.innerText.match(/[\\d,]+ of [\\d,]+ events/) || [""])[0];
    }
  }
}).observe(document, {childList: true, subtree: true});
""".replace("MAP_SELECTOR", json.dumps(MAP_FRAME))


def test_the_timeline_is_drawn_before_the_map_and_the_table_come(app_url: str) -> None:
    """The first view draws the timeline first; the map, the table and the sidebar's filters follow (issue
    9.14: they cost the browser 1-2 s before it drew the first chart), and the first timeline already
    follows the link's filters (read before their widgets are drawn)."""
    with browser_page(viewport={"width": 1366, "height": 768}) as page:
        page.add_init_script(FIRST_SEEN)
        page.goto(f"{app_url}/?type=talks&type=ceasefire", wait_until="commit")
        page.wait_for_selector(MAP_FRAME, timeout=90_000)
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=90_000)
        page.wait_for_selector('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', timeout=90_000)
        wait_idle(page)
        seen, counted = page.evaluate("window.__seen"), page.evaluate("window.__counted")
        shown, total = _summary_count(page), _total_count(page)
        chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.inner_text()
    assert seen["chart"] < seen["map"] and seen["chart"] < seen["table"], seen
    assert seen["chart"] < seen["filters"], seen
    assert 0 < shown < total and counted.startswith(f"{shown:,} of"), (counted, shown, total)
    assert "talks" in chips and "ceasefire" in chips


def test_quick_downloads_all_arrive(app_url: str, tmp_path: Path) -> None:
    """Three download buttons clicked in quick succession give three files (issue 9.1)."""
    with browser_page(viewport={"width": 1500, "height": 2400}) as page:
        page.goto(app_url, wait_until="domcontentloaded")
        _wait_for_app(page)
        page.get_by_text("Export (every file carries a citation)").click()
        names = ["Chart HTML", "Events CSV", "Events JSON", "Events GeoJSON"]
        buttons = [page.get_by_role("button", name=n, exact=True) for n in names]
        for b in buttons:
            b.wait_for(timeout=30_000)
        got: list[str] = []
        page.on("download", lambda d: got.append(d.suggested_filename))
        for b in buttons:
            b.click()
            page.wait_for_timeout(150)  # faster than a rerun: the old app dropped pending files here
        deadline = time.time() + 30
        while len(got) < len(names) and time.time() < deadline:
            page.wait_for_timeout(250)
        assert sorted(got) == sorted(["timeline.html", "events.csv", "events.json", "events.geojson"])


@pytest.mark.parametrize("bad", ["nope.parquet", "events.xlsx"])
def test_bad_event_file_shows_one_line_not_a_traceback(bad: str, tmp_path: Path) -> None:
    """``--events`` with a missing file or an unknown format: one line in the page (issue 9.2)."""
    if bad.endswith(".xlsx"):
        (tmp_path / bad).write_bytes(b"PK\x03\x04")
    with serving(tmp_path / "cache", TIMELINE_EVENTS=str(tmp_path / bad)) as url, browser_page() as page:
        page.goto(url, wait_until="domcontentloaded")
        alert = page.locator("[data-testid=stAlert]").first
        alert.wait_for(timeout=60_000)
        wait_idle(page)
        assert "Cannot open the events" in alert.inner_text() and bad in alert.inner_text()
        assert len(alert.inner_text().strip().splitlines()) == 1
        assert page.locator("[data-testid=stException]").count() == 0
        assert "Traceback" not in page.inner_text("body")


def test_csv_written_by_extract_is_served(tmp_path: Path) -> None:
    """An events CSV written by ``timeline extract`` opens with its chart and map (issue 9.2)."""
    from timeline.cli import main

    csv = tmp_path / "ev.csv"
    assert main(["extract", str(ROOT / "data" / "sample" / "000_0dba28c0c5621694.txt"), "-o", str(csv)]) == 0
    with (
        serving(tmp_path / "cache", TIMELINE_EVENTS=str(csv)) as url,
        browser_page(viewport={"width": 1500, "height": 2400}) as page,
    ):
        page.goto(url, wait_until="domcontentloaded")
        _wait_for_app(page)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
        assert _summary_count(page) > 0 and page.locator("[data-testid=stException]").count() == 0


def test_upload_survives_a_reload(tmp_path: Path) -> None:
    """Uploaded articles' events stay after a reload, in the sidebar count too; a failed batch is red (9.3)."""
    article = ROOT / "data" / "articles" / "fakes_1926479371.json"
    with serving(tmp_path / "cache") as url, browser_page(viewport={"width": 1500, "height": 1600}) as page:
        page.goto(url, wait_until="domcontentloaded")
        _wait_for_app(page)
        total = int(re.search(r"of ([\d,]+) events", page.inner_text("body"))[1].replace(",", ""))
        page.get_by_text("Add articles").click()
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(article))
        page.get_by_role("button", name="Extract events").click()
        page.get_by_text(re.compile(r"Read 1 article, found \d+ events?")).wait_for(timeout=60_000)
        found = int(re.search(r"found (\d+) event", page.inner_text("body"))[1])
        assert found > 0
        page.reload(wait_until="domcontentloaded")
        _wait_for_app(page)
        body = page.inner_text("body")
        assert f"of {total + found:,} events" in body and f"{total + found:,} events from" in body

        page.get_by_text("Add articles").click()
        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
            files=[{"name": "broken.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}]
        )
        page.get_by_role("button", name="Extract events").click()
        page.get_by_text("No article could be read").wait_for(timeout=60_000)
        error = page.locator("[data-testid=stAlertContentError]").first
        assert "No article could be read" in error.inner_text()
        assert page.locator("[data-testid=stAlertContentSuccess]").count() == 0


def _week_label(page) -> str:  # noqa: ANN001 - playwright Page
    return page.locator("[data-testid=stSliderThumbValue]").first.inner_text().strip()


def test_url_keeps_merge_week_and_tiles_and_clear_resets_the_week(app_url: str) -> None:
    """The merge toggle, the map's week and the tiles setting are in the URL; "Clear selection" puts the
    map back at the latest week (issue 9.4)."""
    with browser_page(viewport={"width": 1500, "height": 2400}) as page:
        page.goto(f"{app_url}/?merge=0&tiles=on", wait_until="domcontentloaded")
        _wait_for_app(page)
        assert page.get_by_role("switch", name=re.compile("Merge reports")).is_checked() is False
        assert page.get_by_role("switch", name="Online map tiles").is_checked() is True
        latest = _week_label(page)
        thumb = page.get_by_role("slider", name="Map as of week")
        thumb.focus()
        for _ in range(3):
            thumb.press("ArrowLeft")
        page.wait_for_function("() => location.search.includes('week=')", timeout=30_000)
        wait_idle(page)
        earlier = _week_label(page)
        # three key presses are three reruns: under load the URL may still hold an earlier one's week, so wait
        # for the week shown (a shared link must open the view it shows)
        week = datetime.strptime(earlier, "%d %b %Y").date().isoformat()
        page.wait_for_function(f"() => location.search.includes('week={week}')", timeout=30_000)
        shared = page.url
        assert earlier != latest and "merge=0" in shared and "tiles=on" in shared

        other = page.context.browser.new_page(
            viewport={"width": 1500, "height": 2400}
        )  # a colleague's browser
        other.goto(shared, wait_until="domcontentloaded")
        _wait_for_app(other)
        assert _week_label(other) == earlier, (shared, other.url)
        assert other.get_by_role("switch", name=re.compile("Merge reports")).is_checked() is False

        frame = other.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
        _click_biggest_marker(other, frame)
        other.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)
        wait_idle(other)
        other.get_by_role("button", name="Clear selection").click()
        other.wait_for_function("() => !location.search.includes('week=')", timeout=30_000)
        wait_idle(other)
        assert _week_label(other) == latest and "sel_place" not in other.url
