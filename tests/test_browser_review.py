"""Reviewing in a real Chromium (Debian's, no browser download), by keyboard: N goes to the next
unreviewed event, Y confirms one, X rejects the next, one is edited (its first day, and a place picked by a
click on the map); after a reload all three are as they were left (header counts, the CSV export, the log,
the review marks on the timeline and the map).

Starts ``streamlit run app.py`` on 127.0.0.1 on the events of one article, map tiles off, the review
log in a temporary folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from streamlit_server import CHROMIUM, FLAGS, MAP_FRAME, map_frame, serving, wait_idle

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
ARTICLE = """Fighting around Idlib
Date: 2020-03-11

Government forces shelled Saraqib on Monday, killing 4 civilians.
Turkish and Russian officials held talks in Ankara on Tuesday about a truce in Idlib.
Rebels attacked an army post near Idlib on 8 March.
Russian jets bombed Maarat al-Numan overnight, residents said.
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(URL of the app, event file) on the events of one article."""
    from timeline.pipeline import run
    from timeline.table import write_events

    tmp = tmp_path_factory.mktemp("review")
    article = tmp / "idlib.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    events = tmp / "events.jsonl"
    write_events(run([article]).events, events)
    with serving(tmp / "cache", drop=("TIMELINE_REVIEWS",), TIMELINE_EVENTS=str(events), USER="ana") as url:
        yield url, events


def _current(page, not_in: tuple[str, ...] = ()) -> str:  # noqa: ANN001 - playwright Page
    """The id of the unreviewed event under review, waiting until it is none of ``not_in``."""
    handle = page.wait_for_function(
        """skip => { const m = document.body.innerText.match(/Event ([0-9a-f]{16}) · review: unreviewed/);
                     return m && !skip.includes(m[1]) ? m[1] : null; }""",
        arg=list(not_in),
        timeout=30_000,
    )
    return handle.json_value()


def _click_place(page, not_in: set[str]) -> str:  # noqa: ANN001 - playwright Page
    """Click (a real mouse click) the centre of the map's place, not one of ``not_in``, farthest from the
    other places on the screen (no marker on top of it); returns its name."""
    frame = map_frame(page)
    shown = frame.evaluate(
        """() => { const out = [], box = map.getContainer().getBoundingClientRect(), size = map.getSize();
                   map.eachLayer(l => { if (l.feature && l.feature.properties.name && l.getLatLng) {
                     const p = map.latLngToContainerPoint(l.getLatLng());
                     if (p.x > 20 && p.y > 20 && p.x < size.x - 20 && p.y < size.y - 20)
                       out.push([l.feature.properties.name, box.left + p.x, box.top + p.y]); } });
                   return out; }"""
    )
    assert len(shown) >= 2, shown

    def room(place: list) -> float:
        return min(((place[1] - o[1]) ** 2 + (place[2] - o[2]) ** 2) ** 0.5 for o in shown if o is not place)

    name, x, y = max((p for p in shown if p[0] not in not_in), key=room)
    iframe = page.locator(MAP_FRAME).last.bounding_box()
    page.mouse.click(iframe["x"] + x, iframe["y"] + y)
    wait_idle(page)
    return name


def _key(page, key: str) -> None:  # noqa: ANN001 - playwright Page
    """A keyboard shortcut, with the focus on the page (not in a text field)."""
    page.locator("h1").first.click()
    page.keyboard.press(key)
    wait_idle(page)


HEADER = re.compile(r"(\d+) events, (\d+) reviewed \((\d+) confirmed, (\d+) corrected, (\d+) rejected\)")


def _header(page) -> tuple[int, ...]:  # noqa: ANN001 - playwright Page
    text = page.get_by_text(HEADER).first.inner_text()
    return tuple(int(g) for g in HEADER.search(text).groups())


def test_review_by_keyboard_and_find_it_after_a_reload(served: tuple[str, Path], tmp_path: Path) -> None:
    import pandas as pd
    from playwright.sync_api import sync_playwright

    from timeline import review as rv
    from timeline.charts import REVIEW_COLOR
    from timeline.table import read_events

    url, events_file = served
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1500, "height": 2600}, accept_downloads=True)
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_role("button", name=re.compile("Next unreviewed")).wait_for(timeout=90_000)
        wait_idle(page)
        n = _header(page)[0]
        assert n >= 4 and _header(page)[1] == 0

        _key(page, "n")
        confirmed = _current(page)
        _key(page, "y")
        page.get_by_text(re.compile(r"1 reviewed \(1 confirmed")).wait_for(timeout=30_000)
        rejected = _current(page, (confirmed,))  # "then next" moved on
        _key(page, "x")
        page.get_by_text(re.compile(r"2 reviewed \(1 confirmed, 0 corrected, 1 rejected")).wait_for(
            timeout=30_000
        )
        edited = _current(page, (confirmed, rejected))
        wait_idle(page)  # the rerun that moved on ends: the last event's form is gone

        page.get_by_text("Edit fields").click()
        page.wait_for_function(  # one form, the event's under review (a slow rerun can show the old one a moment)
            "() => document.querySelectorAll('input[aria-label=\"First day\"]').length === 1", timeout=30_000
        )
        first_day = page.get_by_label("First day")
        first_day.fill("2020-03-07")
        first_day.press("Enter")
        wait_idle(page)
        page.get_by_text("Pick places on the map").click()
        page.get_by_text("click a place to add it to the event under review").wait_for(timeout=30_000)
        wait_idle(page)
        mine = {p["name"] for p in read_events(events_file).set_index("event_id").loc[edited, "places"]}
        picked = _click_place(page, mine)  # a real click on another place's marker
        page.get_by_text(re.compile("picked on the map")).wait_for(timeout=30_000)
        places = page.locator("[data-testid=stMultiSelect]").filter(has_text="Places")
        places.get_by_text(re.compile(f"^{re.escape(picked)} \\(")).wait_for(timeout=30_000)  # proposed
        wait_idle(page)
        page.get_by_role("button", name="Save corrections").click()
        page.get_by_text(re.compile(r"3 reviewed \(1 confirmed, 1 corrected, 1 rejected")).wait_for(
            timeout=30_000
        )
        page.screenshot(path=str(tmp_path / "review.png"), full_page=True)

        page.reload(wait_until="domcontentloaded")  # a new session: only the log remembers
        page.get_by_text(HEADER).first.wait_for(timeout=90_000)
        wait_idle(page)
        assert _header(page) == (n, 3, 1, 1, 1)
        # the marks: rings in the timeline's legend, a review rim on the map (the rejected event is hidden)
        page.get_by_text("reviewed: confirmed").first.wait_for(timeout=30_000)
        page.get_by_text("reviewed: corrected").first.wait_for(timeout=30_000)
        rims = map_frame(page).locator(f'path[stroke="{REVIEW_COLOR}" i]')
        assert rims.count() >= 1
        page.get_by_text("Export (every file carries a citation)").click()
        wait_idle(page)  # the expander's files are built by a rerun: click the button it leaves
        button = page.get_by_role("button", name="Events CSV")
        button.wait_for(timeout=30_000)
        with page.expect_download(timeout=60_000) as dl:
            button.click()
        csv_path = tmp_path / "events.csv"
        dl.value.save_as(csv_path)
        browser.close()

    csv = pd.read_csv(csv_path).set_index("event_id")
    assert len(csv) == n - 1 and rejected not in csv.index  # rejected events are hidden by default
    assert csv.loc[confirmed, "review"] == "confirmed"
    assert csv.loc[edited, "review"] == "corrected" and csv.loc[edited, "date_start"] == "2020-03-07"
    assert picked in csv.loc[edited, "places"] and picked not in mine
    log = rv.ReviewLog.beside(events_file).reviews()
    assert {(r.anchor.event_id, r.action) for r in log} == {
        (confirmed, "confirm"),
        (rejected, "reject"),
        (edited, "edit"),
    }
    assert {r.who for r in log} == {"ana"}
    (edit,) = [r for r in log if r.action == "edit" and r.field == "places"]
    assert {p["name"] for p in edit.after} == mine | {picked}
