"""The README's two pictures of the review flow, made in Debian's Chromium (``/usr/bin/chromium``).

    python bench/review_screenshots.py [--out docs]      # from the repo root; about a minute

Serves the app on the events of the bundled sample (``data/sample/``) with the shipped blind review
(``data/reviews/sample.jsonl``) imported for every article but one (so reviewed and unreviewed events show
side by side), rejected events shown, map tiles off. Writes

- ``review-marks.png``: the header counts, the timeline with a ring per review state (legend), the map with
  review rims, the table's review column;
- ``review-panel.png``: the review panel on the next unreviewed event (N), "Edit fields" open with a place
  picked by a click on the map, and the extractor's precision per type on the reviewed events.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from review_keyboard import CHROMIUM, FLAGS, HEADER, ROOT, _serve  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from streamlit_server import MAP_FRAME, map_frame, wait_idle  # noqa: E402

LEFT_UNREVIEWED = "wiki_syrian_civil_war_timeline_2019-2020.md"  # its events stay unreviewed in the pictures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from timeline.pipeline import run
    from timeline.review import ReviewLog
    from timeline.table import write_events

    os.chdir(ROOT)  # the events' sources as data/sample/…, as the shipped reviews were made
    tmp = Path(tempfile.mkdtemp(prefix="review-shots-"))
    events = tmp / "events.jsonl"
    df = run([Path("data/sample")]).events
    write_events(df, events)
    skip = set(df.loc[df["source"].str.endswith(LEFT_UNREVIEWED), "article_id"])
    shipped = [
        json.loads(x) for x in (ROOT / "data/reviews/sample.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    print(
        ReviewLog.beside(events).import_reviews([r for r in shipped if r["anchor"]["article_id"] not in skip])
    )
    proc, url = _serve(events, tmp)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(
                viewport={"width": 1500, "height": 2600}
            )  # Streamlit scrolls inside the page: all in view
            page.goto(url, wait_until="domcontentloaded")
            page.get_by_text(HEADER).first.wait_for(timeout=120_000)
            wait_idle(page, 500)
            states = page.locator("[data-testid=stMultiSelect]").filter(has_text="Review state")
            states.locator("input").click()
            page.get_by_role("option", name="rejected").click()
            page.keyboard.press("Escape")
            wait_idle(page, 500)
            map_frame(page)
            page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=60_000)
            wait_idle(page, 500)
            top = page.locator("h1").first.bounding_box()
            bottom = page.locator(MAP_FRAME).last.bounding_box()
            main_box = page.locator("[data-testid=stMain]").first.bounding_box()
            page.screenshot(path=str(args.out / "review-marks.png"), full_page=True, clip={
                "x": main_box["x"], "y": top["y"] - 10, "width": main_box["width"],
                "height": bottom["y"] + bottom["height"] + 40 - top["y"]})  # fmt: skip

            page.get_by_role("button", name=re.compile("Next unreviewed")).click()
            page.wait_for_function("() => /review: unreviewed/.test(document.body.innerText)", timeout=30_000)
            wait_idle(page, 500)
            page.get_by_text("Edit fields").click()
            page.get_by_text("Pick places on the map").click()
            wait_idle(page, 500)
            frame = map_frame(page)
            spot = frame.evaluate(
                """() => { let best = null; const box = map.getContainer().getBoundingClientRect(), s = map.getSize();
                           map.eachLayer(l => { if (l.feature && l.getLatLng && l.feature.properties.kind === 'point') {
                             const p = map.latLngToContainerPoint(l.getLatLng());
                             if (p.x > 40 && p.y > 40 && p.x < s.x - 40 && p.y < s.y - 40 &&
                                 (!best || l.feature.properties.n_events > best[2]))
                               best = [box.left + p.x, box.top + p.y, l.feature.properties.n_events]; } });
                           return best; }"""
            )
            frame_box = page.locator(MAP_FRAME).last.bounding_box()
            page.mouse.click(frame_box["x"] + spot[0], frame_box["y"] + spot[1])
            page.get_by_text(re.compile("picked on the map")).wait_for(timeout=30_000)
            wait_idle(page, 500)
            page.get_by_text(re.compile("Extractor precision on the")).click()
            wait_idle(page, 500)
            head = page.get_by_role("heading", name="Review", exact=True).first
            head.scroll_into_view_if_needed()
            box = head.bounding_box()
            end = page.get_by_text(re.compile("precision: not rejected and type kept")).first.bounding_box()
            page.screenshot(path=str(args.out / "review-panel.png"), full_page=True, clip={
                "x": main_box["x"], "y": box["y"] - 10, "width": main_box["width"],
                "height": end["y"] + end["height"] + 60 - box["y"]})  # fmt: skip
            print(f"screenshots in {args.out}")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
