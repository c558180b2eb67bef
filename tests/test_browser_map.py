"""The map in a real Chromium (Debian's, no browser download), against the real app (issue 9 items 6, 7 and 9;
issue 11 item 2).

- a cluster click zooms into the cluster and selects nothing; a place click keeps the map's zoom and
  centre and its popup stays open; the map mode "that week only" shows fewer places than "up to the week";
- on a 1366x768 laptop the timeline's legend is one row and the map starts within a short scroll;
- with tiles that cannot be fetched, the browser asks for none and the page says so in one line;
- place names and evidence from an event file never run as script (tooltips, popups, exported map HTML).

Two apps are started (``streamlit run app.py`` on 127.0.0.1, as in ``tests/test_browser.py``): the bundled
sample with tiles off, and a small hostile event file with a tile server that refuses connections.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from events_factory import SARAQIB, event, write_jsonl
from streamlit_server import CHROMIUM, MAP_FRAME, free_port, map_frame, serving, wait_idle

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
HOSTILE = "<img src=x onerror=alert(1)>"
JINJA = " {{ 'x' }} {% raw %} {# c"  # branca compiles the exported page's scripts as Jinja


def _start(env_extra: dict[str, str], cache: Path) -> Iterator[str]:
    with serving(cache, **env_extra) as url:
        yield url


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # the older, wider sample (data/articles: 2011-2020, many places) so that the map clusters
    articles = str(ROOT / "data" / "articles")
    yield from _start(
        {"TIMELINE_TILES": "none", "TIMELINE_ARTICLES": articles}, tmp_path_factory.mktemp("cache")
    )


@pytest.fixture(scope="module")
def closed_port() -> int:
    return free_port()  # nothing listens there: connections are refused at once


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory, closed_port: int) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile")
    bad = {**SARAQIB, "name": f"Saraqib{HOSTILE}"}
    rows = [
        event("offensive", "2020-02-06", places=[bad], evidence=f"Shelling {HOSTILE} <b>bold</b> went on."),
        event("offensive", "2020-02-07", places=[bad], evidence="More shelling."),
    ]
    events = write_jsonl(rows, folder / "events.jsonl")
    tiles = f"http://127.0.0.1:{closed_port}/{{z}}/{{x}}/{{y}}.png"
    yield from _start({"TIMELINE_EVENTS": str(events), "TIMELINE_TILES": tiles}, folder / "cache")


def _view(frame) -> tuple[int, float, float]:  # noqa: ANN001 - playwright Frame
    return tuple(frame.evaluate("() => [map.getZoom(), map.getCenter().lat, map.getCenter().lng]"))


def _click_centre(page, frame, selector: str, biggest: bool = True, required: bool = True) -> bool:  # noqa: ANN001
    """A real mouse click on the centre of the biggest (or first) element matching ``selector`` in view; with
    ``required=False`` nothing in view is no failure (returns whether it clicked)."""
    iframe = page.locator(MAP_FRAME).last.bounding_box()
    els = frame.locator(selector)
    boxes = [els.nth(i).bounding_box() for i in range(els.count())]
    boxes = [
        b for b in boxes
        if b and b["width"] > 4 and iframe["y"] + 40 < b["y"] + b["height"] / 2 < iframe["y"] + iframe["height"] - 40
        and iframe["x"] + 40 < b["x"] + b["width"] / 2 < iframe["x"] + iframe["width"] - 40
    ]  # fmt: skip
    if not boxes and not required:
        return False
    assert boxes, f"nothing to click: {selector}"
    box = max(boxes, key=lambda b: b["width"] * b["height"]) if biggest else boxes[0]
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return True


def _places_shown(page) -> int:  # noqa: ANN001
    text = page.get_by_text(re.compile(r"^\d+ places · circles")).first.inner_text()
    return int(text.split()[0])


# -- item 6: clicks ----------------------------------------------------------------------------------------
def test_a_cluster_click_zooms_in_and_selects_no_place(browser, sample_url: str) -> None:  # noqa: ANN001
    """Issue 9 item 6 and the fresh tester's item 4: the click zooms in (markercluster's own zoom), with no
    script error, never past MAX_ZOOM, and the "whole view" button brings the opening view back."""
    from timeline.map_behaviour import MAX_ZOOM, RESET_LABEL

    page = browser.new_page(viewport={"width": 1500, "height": 1600})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(sample_url, wait_until="domcontentloaded")
    frame = map_frame(page)
    frame.wait_for_selector(
        ".marker-cluster", timeout=30_000
    )  # the whole sample has too many places not to cluster
    wait_idle(page)
    frame.evaluate(
        "() => { window.__errors = []; addEventListener('error', e => __errors.push(e.message)); }"
    )
    zoom = _view(frame)[0]
    for i in range(3):  # click into clusters (moving over the places as they spread out) as far as they go
        if not frame.locator(".marker-cluster").count():
            break
        # the first click must find a cluster; once zoomed in, the clusters left may all lie outside the view
        if not _click_centre(page, frame, ".marker-cluster", required=i == 0):
            break
        box = page.locator(MAP_FRAME).last.bounding_box()
        for i in range(12):
            page.mouse.move(
                box["x"] + box["width"] / 2 + 8 * (i % 4), box["y"] + box["height"] / 2 + 6 * (i % 3)
            )
            page.wait_for_timeout(50)
        page.wait_for_timeout(1500)
        assert zoom < _view(frame)[0] <= MAX_ZOOM  # zoomed into the cluster, never past the bound
    wait_idle(page)
    frame = map_frame(page)
    assert zoom < _view(frame)[0] <= MAX_ZOOM and frame.evaluate("() => map.getMaxZoom()") == MAX_ZOOM
    assert "sel_place" not in page.url
    assert page.get_by_role("button", name="Clear selection").count() == 0
    assert errors == [] and frame.evaluate("() => window.__errors || []") == []
    frame.get_by_role("button", name=RESET_LABEL).click()  # the way back
    frame.wait_for_function(f"() => map.getZoom() === {zoom}", timeout=10_000)
    page.close()


def test_a_place_click_keeps_zoom_and_centre_and_its_popup_stays_open(browser, sample_url: str) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1500, "height": 1600})
    page.goto(
        f"{sample_url}/?type=talks&type=ceasefire", wait_until="domcontentloaded"
    )  # few places: no clusters
    frame = map_frame(page)
    wait_idle(page)
    frame.evaluate(
        "() => map.setView(map.getCenter(), map.getZoom() + 1, {animate: false})"
    )  # the user zooms in
    page.wait_for_timeout(800)
    # the map's last view, kept in the page: the click's rerun may replace the map's frame within a second
    frame.evaluate(
        "() => { const keep = () => { window.parent.__view = [map.getZoom(), map.getCenter().lat,"
        " map.getCenter().lng]; }; map.on('moveend', keep); keep(); }"
    )
    _click_centre(page, frame, "path.leaflet-interactive")
    page.wait_for_timeout(1000)  # the popup may pan the map a little: that is the view to keep
    before = tuple(page.evaluate("() => window.__view"))
    page.get_by_role("button", name="Clear selection").wait_for(timeout=30_000)  # the click filtered the page
    wait_idle(page)
    frame = map_frame(page)
    frame.wait_for_selector(".leaflet-popup-content", timeout=10_000)
    after = _view(frame)
    assert after[0] == before[0]  # same zoom
    assert abs(after[1] - before[1]) < 0.05 and abs(after[2] - before[2]) < 0.05  # same centre
    place = re.search(r"sel_place=([^&]+)", page.url)
    assert place
    popup = frame.locator(".leaflet-popup-content").inner_text()
    assert urllib.request.unquote(place.group(1).replace("+", " ")) in popup
    page.close()


#: Every 50 ms, in the page: whether the map's frame shows a drawn map; ``window.__blank`` adds up the time it did not.
WATCH_BLANK = """() => { window.__blank = 0; setInterval(() => {
  const f = [...document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')].pop();
  let drawn = false;
  try { const m = f.contentDocument.querySelector('.leaflet-container');
        drawn = f.getBoundingClientRect().height > 100 && m.getBoundingClientRect().height > 100
                && !!f.contentDocument.querySelector('.leaflet-interactive'); } catch (e) {}
  if (!drawn) window.__blank += 50; }, 50); }"""
BLACK_RIMS = "() => [...document.querySelectorAll('path.leaflet-interactive')].filter(p => p.getAttribute('stroke') === '#000000').length"


def test_a_place_click_keeps_the_map_drawn_and_moves_the_selection_in_it(browser, sample_url: str) -> None:  # noqa: ANN001
    """Issue 9 item 6 (fresh tester 8): a click on a place reruns the page, but the map is not drawn again (it
    blanked for 2-3 s): the same map page stays, at its zoom, the clicked place in view with its popup open
    and its black rim; a click on another place moves both, still in the same map."""
    page = browser.new_page(viewport={"width": 1500, "height": 1600})
    page.goto(f"{sample_url}/?type=talks&type=ceasefire", wait_until="domcontentloaded")  # no clusters
    frame = map_frame(page)
    wait_idle(page)
    frame.evaluate("() => { window.__same_map = true; }")  # gone if the map's page is loaded again
    page.evaluate(WATCH_BLANK)
    zoom = _view(frame)[0]
    for n in (1, 2):
        if n == 2:  # the open popup may cover the next place
            frame.locator(".leaflet-popup-close-button").click()
        _click_centre(page, frame, "path.leaflet-interactive:not([stroke='#000000'])", biggest=False)
        page.wait_for_function("() => location.search.includes('sel_place=')", timeout=30_000)
        wait_idle(page)
        page.wait_for_timeout(1000)
        frame = map_frame(page)
        assert frame.evaluate("() => window.__same_map") is True, f"click {n}: the map was drawn again"
        assert page.evaluate("() => window.__blank") == 0
        place = urllib.request.unquote(re.search(r"sel_place=([^&]+)", page.url).group(1).replace("+", " "))
        assert place in frame.locator(".leaflet-popup-content").inner_text()
        assert frame.evaluate(BLACK_RIMS) == 1  # the selected place, and only it
        assert _view(frame)[0] == zoom
        in_view = """() => { const r = document.querySelector("path[stroke='#000000']").getBoundingClientRect(),
          m = map.getContainer().getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
          return m.left < x && x < m.right && m.top < y && y < m.bottom; }"""
        assert frame.evaluate(in_view)  # its popup panned the map a little at most (once a screen away)
    page.close()


def test_map_mode_that_week_only_shows_fewer_places(browser, sample_url: str) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1500, "height": 1600})
    page.goto(sample_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    cumulative = _places_shown(page)
    page.get_by_label("Map shows").click()  # opens the select's list
    page.get_by_role("option", name="that week only").click()
    page.wait_for_function(
        "n => { const m = document.body.innerText.match(/(\\d+) places · circles/); return m && +m[1] < n; }",
        arg=cumulative,
        timeout=30_000,
    )
    assert 0 < _places_shown(page) < cumulative
    page.close()


def _week_label(page) -> str:  # noqa: ANN001
    return page.locator("[data-testid=stSliderThumbValue]").first.inner_text().strip()


def test_play_steps_the_map_through_the_weeks_and_stops(browser, sample_url: str) -> None:  # noqa: ANN001
    """ "▶ Play" moves the map a week at a time (the map reruns alone: a fragment on a timer), the URL follows,
    and switching it off stops it on that week."""
    page = browser.new_page(viewport={"width": 1500, "height": 1600})
    page.goto(sample_url, wait_until="domcontentloaded")
    map_frame(page)
    wait_idle(page)
    seen = [_week_label(page)]
    page.get_by_text("▶ Play").click()
    for _ in range(2):  # two steps (a step every 0.8 s, a few seconds on a busy machine)
        page.wait_for_function(
            "w => document.querySelector('[data-testid=stSliderThumbValue]').innerText.trim() !== w",
            arg=seen[-1], timeout=30_000,
        )  # fmt: skip
        seen.append(_week_label(page))
    assert len(set(seen)) == 3, seen
    page.get_by_text("▶ Play").click()
    wait_idle(page)
    page.wait_for_timeout(2_500)  # three steps' time: nothing moves now
    stopped = _week_label(page)
    page.wait_for_timeout(2_500)
    assert _week_label(page) == stopped
    page.wait_for_function("() => location.search.includes('week=')", timeout=10_000)
    page.close()


# -- item 9: the first screen of a laptop --------------------------------------------------------------------
def test_on_a_laptop_the_legend_is_one_row_and_the_map_is_near(browser, sample_url: str) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(sample_url, wait_until="domcontentloaded")
    page.wait_for_selector(".js-plotly-plot .legend", timeout=90_000)
    map_frame(page)
    wait_idle(page)
    sizes = page.evaluate(
        """() => { const p = document.querySelector('.js-plotly-plot');
          return [p.querySelector('.legend').getBoundingClientRect().height, p.getBoundingClientRect().height,
                  document.querySelector('iframe[title="streamlit_folium.st_folium"]').getBoundingClientRect().top,
                  document.querySelector('[data-testid=stDataFrame]').getBoundingClientRect().top]; }"""
    )
    legend, chart, map_top, table_top = sizes
    assert legend <= 30 and legend < 0.15 * chart  # one compact row, not 40 % of the chart
    # the map and the table start on the first screen, a good part of them in view (compact layout)
    assert map_top < 0.85 * 768 and table_top < 0.85 * 768
    page.close()


# -- item 7: offline tiles; issue 11 item 2: no script from event files ------------------------------------
def test_unreachable_tiles_are_never_requested_and_the_page_says_so(
    browser, hostile_url: str, closed_port: int
) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1500, "height": 1600})
    tiles: list[str] = []
    page.on("request", lambda r: tiles.append(r.url) if f":{closed_port}/" in r.url else None)
    page.goto(hostile_url, wait_until="domcontentloaded")
    frame = map_frame(page)
    page.get_by_text("Map tiles unreachable").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    assert tiles == []
    credit = frame.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap" not in credit and "tiles" not in credit
    page.close()


def test_place_names_and_evidence_never_run_as_script(browser, hostile_url: str) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1500, "height": 1600})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url, wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_idle(page)
    box = frame.locator("path.leaflet-interactive").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the tooltip
    frame.wait_for_selector(".leaflet-tooltip", timeout=10_000)
    assert HOSTILE in frame.locator(".leaflet-tooltip").inner_text()  # shown as text
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the popup
    frame.wait_for_selector(".leaflet-popup-content", timeout=10_000)
    assert "<b>bold</b>" in frame.locator(".leaflet-popup-content").inner_text()
    page.wait_for_timeout(1500)
    assert dialogs == []
    wait_idle(page)  # the click reruns the app and may draw the map in a new frame: look at the current one
    assert map_frame(page).locator("img[src='x']").count() == 0
    assert page.locator("img[src='x']").count() == 0
    page.close()


def test_exported_map_html_offline_and_without_script_from_names(
    browser, tmp_path: Path, closed_port: int
) -> None:  # noqa: ANN001
    from events_factory import frame as events_frame
    from timeline import exports, maps

    bad = {**SARAQIB, "name": f"Saraqib{HOSTILE}"}
    summary = maps.place_summary(
        events_frame([event("offensive", "2020-02-06", places=[bad], evidence=HOSTILE + JINJA)])
    )
    fmap = maps.build_map(summary, tiles=f"http://127.0.0.1:{closed_port}/{{z}}/{{x}}/{{y}}.png",
                          basemap=maps.load_basemap())  # fmt: skip
    path = tmp_path / "map.html"
    path.write_bytes(exports.map_html(fmap, "cite"))
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector(
        ".timeline-offline-note", timeout=30_000
    )  # a failing tile: one line, layer dropped
    assert "tiles" not in page.locator(".leaflet-control-attribution").inner_text()
    box = page.locator("path.leaflet-interactive").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".leaflet-tooltip", timeout=10_000)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".leaflet-popup-content", timeout=10_000)
    assert JINJA in page.locator(".leaflet-popup-content").inner_text()  # Jinja marks shown as written
    page.wait_for_timeout(1000)
    assert dialogs == [] and page.locator("img[src='x']").count() == 0
    page.close()


def test_an_open_popup_never_covers_the_whole_view_button(browser, sample_url: str) -> None:  # noqa: ANN001
    """A popup opened at a place under the top-left controls pans clear of them (it used to cover the
    "⤢ whole view" button); issue 9, fresh tester 7, item 5."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{sample_url}/?type=talks&type=ceasefire", wait_until="domcontentloaded")
    frame = map_frame(page)
    wait_idle(page)
    frame.wait_for_selector(".timeline-reset-view", timeout=10_000)
    overlap = frame.evaluate(
        """() => new Promise(done => {
          const at = map.containerPointToLatLng([30, 45]);  // under the zoom buttons and "whole view"
          L.popup().setLatLng(at).setContent("<div style='width:300px;height:120px'>events</div>").openOn(map);
          setTimeout(() => {
            const a = document.querySelector(".leaflet-popup").getBoundingClientRect();
            const b = document.querySelector(".timeline-reset-view").getBoundingClientRect();
            done(!(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top));
          }, 800);
        })"""
    )
    assert overlap is False
    page.close()
