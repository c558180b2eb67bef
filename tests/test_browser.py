"""End to end in a real Chromium (Debian's, no browser download): the dashboard loads, a map click filters
the timeline, the CSV downloads, and a screenshot is saved (also to docs/screenshot.png for the README).

Starts ``streamlit run app.py`` on 127.0.0.1 on the bundled sample (or ``TIMELINE_EVENTS`` when set),
with map tiles off so nothing is fetched from the network.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
FLAGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "TIMELINE_TILES": "none", "TIMELINE_CACHE": str(tmp_path_factory.mktemp("cache"))}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false", "--server.enableStaticServing", "true",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _summary_count(page) -> int:  # noqa: ANN001 - playwright Page
    text = page.get_by_text(re.compile(r"of [\d,]+ events")).first.inner_text()
    return int(re.search(r"([\d,]+) of", text).group(1).replace(",", ""))


def _wait_idle(page) -> None:  # noqa: ANN001 - playwright Page
    """Wait until Streamlit has finished the current rerun (its status widget disappears)."""
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget] button')", timeout=60_000
    )
    page.wait_for_timeout(500)


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
        page.wait_for_selector(".js-plotly-plot canvas", state="attached", timeout=30_000)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator(".leaflet-container").wait_for(timeout=60_000)
        frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        before = _summary_count(page)
        _wait_idle(page)
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
        assert "sel_place" in page.url

        after = _summary_count(page)
        _wait_idle(page)
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
