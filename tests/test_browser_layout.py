"""The fresh tester's findings (issue 9) in a real Chromium at a laptop's 1366x768, against the real app on
the bundled sample: a click on one timeline mark selects that event; nothing on the first screen is cut off
or covered.

Starts ``streamlit run app.py`` on 127.0.0.1 (``tests/streamlit_server.py``), map tiles off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from streamlit_server import CHROMIUM, FLAGS, map_frame, serving, wait_idle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
LAPTOP = {"width": 1366, "height": 768}
TIMELINE = '[class*="st-key-timeline-"] .js-plotly-plot'


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("cache")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


def _open(browser, url: str):  # noqa: ANN001, ANN202 - playwright Browser -> Page
    page = browser.new_page(viewport=LAPTOP)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(f"{TIMELINE} .scatterlayer .point", timeout=90_000)
    map_frame(page)
    wait_idle(page)
    return page


#: The single-event marks of the timeline in view: [event id, x, y] of each mark's centre.
SINGLE_MARKS = f"""() => {{
  const gd = document.querySelector('{TIMELINE}'), out = [];
  gd.querySelectorAll('.scatterlayer .trace').forEach(tr => {{
    const trace = tr.__data__[0].trace;
    tr.querySelectorAll('.point').forEach(pt => {{
      const id = trace.customdata && trace.customdata[pt.__data__.i];
      const r = pt.getBoundingClientRect();
      if (id && r.width > 0) out.push([id, r.x + r.width / 2, r.y + r.height / 2]);
    }});
  }});
  return out;
}}"""


# -- item 3: one click on a mark selects its event ---------------------------------------------------------------
def test_a_click_on_one_timeline_mark_selects_that_event_and_shows_its_sentence(
    browser, app_url: str
) -> None:  # noqa: ANN001
    page = _open(browser, app_url)
    marks = page.evaluate(SINGLE_MARKS)
    assert marks, "no single-event mark on the timeline"
    ids = {m[0] for m in marks}
    _, x, y = marks[len(marks) // 2]
    page.mouse.click(x, y)
    page.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)
    wait_idle(page)
    picked = re.search(r"sel_id=([0-9a-f]+)", page.url)
    assert picked and picked.group(1) in ids  # the clicked mark's event, in the URL like any selection
    summary = page.get_by_text(re.compile(r"^[\d,]+ of [\d,]+ events")).first.inner_text()
    assert summary.startswith("1 of")  # the table and the map show that event
    evidence = page.locator("blockquote").first  # its sentence, as a selected table row shows it
    evidence.wait_for(timeout=30_000)
    assert len(evidence.inner_text().strip()) > 10
    page.close()
