"""The fresh tester's findings (issue 9) in a real Chromium at a laptop's 1366x768, against the real app on
the bundled sample: a click on one timeline mark selects that event; nothing on the first screen is cut off
or covered.

Starts ``streamlit run app.py`` on 127.0.0.1 (``tests/streamlit_server.py``), map tiles off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from streamlit_server import CHROMIUM, map_frame, serving, wait_idle

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


# -- item 5: nothing on a laptop's screen is cut off or covered ---------------------------------------------------
def _overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]  # fmt: skip


#: Elements under ``sel`` whose own text is wider than the box showing it: [text, scrollWidth, clientWidth].
CUT_TEXT = """sel => [...document.querySelectorAll(sel)].flatMap(root => [root, ...root.querySelectorAll('*')])
  .filter(e => (e.value || e.innerText || '').trim() && e.scrollWidth > e.clientWidth + 1
               && getComputedStyle(e).overflowX !== 'visible')
  .map(e => [(e.value || e.innerText).slice(0, 60), e.scrollWidth, e.clientWidth])"""

#: The page x of a date on a chart's x axis (``gd``: the chart's plot element).
DATE_X = """([sel, day]) => { const gd = document.querySelector(sel), ax = gd._fullLayout.xaxis;
  return gd.getBoundingClientRect().left + ax._offset + ax.l2p(new Date(day).getTime()); }"""


def test_on_a_laptop_no_text_is_cut_and_the_toolbar_covers_no_legend(browser, app_url: str) -> None:  # noqa: ANN001
    from urllib.parse import urlencode

    from streamlit_server import ROOT

    sources = [str(ROOT / "data" / "sample" / name) for name in
               ("000_0dba28c0c5621694.txt", "wiki_turkish_operation_idlib_2019-2020.md")]  # fmt: skip
    page = _open(browser, f"{app_url}/?{urlencode([('source', s) for s in sources])}")
    # the Sources filter shows the outlets the sample's source list names (not the files' folder), none cut
    chips = page.locator('[data-testid="stSidebar"] [data-tag]')
    chips.first.wait_for(timeout=30_000)
    names = [chips.nth(i).inner_text() for i in range(chips.count())]
    assert any(n.startswith("SMART News Agency · 2020-02-10") for n in names), names
    assert any(n.startswith("Wikipedia · ") for n in names), names
    assert not any(n.startswith("/") for n in names), names
    assert page.evaluate(CUT_TEXT, '[data-testid="stSidebar"] [data-tag]') == []
    # the map's mode and playback: their labels whole ("everything up tc" was cut)
    for label in ("Map shows", "▶ Play"):
        widget = '[data-testid="stMain"] [data-testid="stSelectbox"], [data-testid="stMain"] [data-testid="stCheckbox"]'
        assert page.get_by_text(label).count(), label
        assert page.evaluate(CUT_TEXT, widget) == [], label
    # Plotly's toolbar (shown while the pointer is on the chart) covers no legend entry
    page.locator(TIMELINE).hover()
    page.wait_for_timeout(500)
    bar = page.locator(f"{TIMELINE} .modebar").bounding_box()
    entries = page.locator(f"{TIMELINE} .legend .traces")
    assert bar and entries.count()
    assert not [i for i in range(entries.count()) if _overlap(bar, entries.nth(i).bounding_box())]
    # item 1: one date, one x in the timeline and in the weekly counts under it
    counts = '[class*="st-key-counts"] .js-plotly-plot'
    for day in ("2019-12-01", "2020-03-01"):
        assert abs(page.evaluate(DATE_X, [TIMELINE, day]) - page.evaluate(DATE_X, [counts, day])) < 1.5, day
    page.close()


# -- item 14: the first chart is drawn once -------------------------------------------------------------------
def test_the_timeline_is_drawn_in_the_margins_it_asks_for(browser, app_url: str) -> None:  # noqa: ANN001
    """Plotly pushes a margin that cannot hold the legend or the ticks (automargin) and then draws the whole
    chart again; the timeline asks for the room its legend row and date ticks take, so the first chart of a
    page is drawn once (issue 9.14: the draw is on the first view's critical path)."""
    page = _open(browser, app_url)
    asked, drawn = page.evaluate(
        f"() => {{ const gd = document.querySelector('{TIMELINE}'); return [gd.layout.margin, gd._fullLayout._size]; }}"
    )
    assert {side: drawn[side] for side in "ltrb"} == {side: asked[side] for side in "ltrb"}
    page.close()


def test_the_aggregates_titles_clear_of_their_labels(browser, app_url: str) -> None:  # noqa: ANN001
    page = browser.new_page(viewport=LAPTOP)
    page.goto(f"{app_url}/?view=aggregates", wait_until="domcontentloaded")
    matrix = '[class*="st-key-agg-actor-matrix"] .js-plotly-plot'
    page.wait_for_selector(f"{matrix} .xtick text", timeout=90_000)
    wait_idle(page)
    title = page.locator(f"{matrix} .gtitle").bounding_box()
    labels = page.locator(f"{matrix} .xtick text, {matrix} .g-xtitle text")
    assert title and labels.count()
    assert not [
        labels.nth(i).inner_text()
        for i in range(labels.count())
        if _overlap(title, labels.nth(i).bounding_box())
    ]
    page.close()


def test_the_exported_maps_scale_bar_is_clear_of_the_citation(browser, tmp_path) -> None:  # noqa: ANN001
    from events_factory import sample_frame
    from timeline import exports, maps

    cite = "Events extracted with timeline from 8 news articles " + "(a long citation of many sources) " * 12
    fmap = maps.build_map(maps.place_summary(sample_frame()), basemap=maps.load_basemap())
    path = tmp_path / "map.html"
    path.write_bytes(exports.map_html(fmap, cite))
    page = browser.new_page(viewport=LAPTOP)
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-control-scale", timeout=30_000)
    scale = page.locator(".leaflet-control-scale").bounding_box()
    caption = page.get_by_text("Events extracted with timeline").bounding_box()
    assert scale and caption and not _overlap(scale, caption)
    assert caption["y"] + caption["height"] <= LAPTOP["height"] + 1  # the whole citation in the window
    page.close()


# -- fresh tester 8: Enter in the date box applies the dates typed --------------------------------------------------
def test_typing_a_date_range_and_pressing_enter_applies_it(browser, app_url: str) -> None:  # noqa: ANN001
    """Streamlit's date_input applies typed dates only when the focus leaves it (or on Escape): Enter did
    nothing. Now Enter applies them: the counts and the link follow at once."""
    page = _open(browser, app_url)
    page.get_by_role("spinbutton", name="year, Date range start date").click()
    page.keyboard.type("20191201")  # year, month and day: the field moves on by itself
    page.get_by_role("spinbutton", name="year, Date range end date").click()
    page.keyboard.type("20200131")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => location.search.includes('from=2019-12-01') && location.search.includes('to=2020-01-31')",
        timeout=15_000,
    )
    wait_idle(page)
    summary = page.get_by_text(re.compile(r"^[\d,]+ of [\d,]+ events")).first.inner_text()
    assert "start: 2019-12-01; end: 2020-01-31" in summary
    page.close()


# -- item 8 (fresh tester 8): the table's evidence at 1366x768 ------------------------------------------------------
#: Records each text the page's canvases draw (the table is a canvas): its anchor x, the width of its first word,
#: alignment and direction, in page coordinates.
RECORD_TEXT = """(() => { window.__texts = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    try {
      const t = this.getTransform(), c = this.canvas.getBoundingClientRect(), k = this.canvas.width / (c.width || 1);
      const word = String(text).trim().split(/\\s+/)[0] || "";
      window.__texts.push({text: String(text), x: c.left + (t.a * x + t.e) / k, y: c.top + (t.d * y + t.f) / k,
                           word: this.measureText(word).width * t.a / k, align: this.textAlign, dir: this.direction});
    } catch (e) {}
    return fill.apply(this, arguments);
  };
})();"""


def test_on_a_laptop_each_evidence_cell_shows_its_sentences_start(browser, app_url: str) -> None:  # noqa: ANN001
    """Issue 9 item 8: at 1366x768 every evidence cell in view shows the first word of its sentence inside the
    table: English from the column's left edge, Arabic right to left from its right edge (also a sentence
    opening with Latin, a retweet); the detail view of a selected row holds the whole sentence."""
    from timeline.present import RTL_MARK

    page = browser.new_page(viewport=LAPTOP)
    page.add_init_script(RECORD_TEXT)
    page.goto(app_url, wait_until="domcontentloaded")
    page.wait_for_selector(f"{TIMELINE} .scatterlayer .point", timeout=90_000)
    map_frame(page)
    wait_idle(page)
    table = page.locator("[data-testid=stDataFrame]")
    table.scroll_into_view_if_needed()
    page.evaluate("() => { window.__texts = []; }")
    box = table.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the table draws again
    page.wait_for_timeout(1000)
    texts = page.evaluate("() => window.__texts")
    left, right = box["x"], box["x"] + box["width"] - 8  # the vertical scrollbar
    header = next(t for t in texts if t["text"] == "evidence")
    arabic = [t for t in texts if t["text"].startswith((RTL_MARK, "\u200f"))]
    english = [
        t for t in texts if abs(t["x"] - header["x"]) < 2 and t["y"] > header["y"] and len(t["text"]) > 20
    ]
    assert len(arabic) >= 3 and len(english) >= 1  # the sample mixes both in its first rows
    for t in arabic:  # right to left, its first word at the column's right edge, in the table
        assert t["dir"] == "rtl" and t["align"] == "right", t["text"]
        assert left < t["x"] - t["word"] and t["x"] <= right, t["text"]
    for t in english:
        assert t["x"] + t["word"] <= right, t["text"]
    page.close()
