"""Time to review events by keyboard in a real Chromium: N (next unreviewed), then Y (confirm and go on)
for each event, waiting until the header counts the review each time.

    python bench/review_keyboard.py [N]   # N reviews (default 50); from the repo root

Serves the app on the events of the bundled sample (``data/articles``) with a fresh review log, drives
Debian's ``/usr/bin/chromium`` with Playwright, and prints the total and per-event time. The README's
pictures of the review flow come from ``bench/review_screenshots.py``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the browser tests' server and Chromium flags

from streamlit_server import CHROMIUM, FLAGS, serving, wait_idle  # noqa: E402

HEADER = re.compile(r"([\d,]+) events, ([\d,]+) reviewed")


def _reviewed(page) -> int:  # noqa: ANN001 - playwright Page
    return int(HEADER.search(page.get_by_text(HEADER).first.inner_text())[2].replace(",", ""))


def _ok(page, k: int, tmp: Path) -> bool:  # noqa: ANN001
    try:
        page.wait_for_function(
            """k => { const m = document.body.innerText.match(/([\\d,]+) reviewed/);
                      return m && parseInt(m[1].replace(/,/g, '')) >= k; }""",
            arg=k,
            timeout=20_000,
        )
    except Exception:
        page.screenshot(path=str(tmp / "failed.png"), full_page=True)
        print("failed at", k, tmp / "failed.png", _reviewed(page))
        from timeline.review import ReviewLog

        print([(r.action, r.anchor.event_id, r.at) for r in ReviewLog.beside(tmp / "events.jsonl").reviews()])
        print(re.findall(r"Event [0-9a-f]{16} · review: \w+", page.inner_text("body")))
        raise
    return True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=50)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from timeline.pipeline import run
    from timeline.table import write_events

    tmp = Path(tempfile.mkdtemp(prefix="review-bench-"))
    events = tmp / "events.jsonl"
    write_events(run([ROOT / "data" / "articles"]).events, events)
    env = {"TIMELINE_EVENTS": str(events), "USER": "bench"}
    with serving(tmp / "cache", drop=["TIMELINE_REVIEWS"], **env) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_text(HEADER).first.wait_for(timeout=120_000)
        next_button = page.get_by_role("button", name=re.compile("Next unreviewed"))  # comes after the charts
        next_button.wait_for(timeout=120_000)
        wait_idle(page, pause_ms=0)
        total = int(HEADER.search(page.get_by_text(HEADER).first.inner_text())[1].replace(",", ""))
        n = min(args.n, total)
        page.wait_for_timeout(2000)
        page.locator("h1").first.click()
        start = time.perf_counter()
        page.keyboard.press("n")
        try:
            page.wait_for_function(
                "() => /Event [0-9a-f]{16} · review: unreviewed/.test(document.body.innerText)",
                timeout=30_000,
            )
        except Exception:
            page.screenshot(path=str(tmp / "failed.png"), full_page=True)
            raise SystemExit(f"no event under review after N; see {tmp / 'failed.png'}") from None
        for k in range(1, n + 1):
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
            page.keyboard.press("y")
            # the next event under review shows, and the rerun has finished (its buttons are live)
            page.wait_for_function(
                """k => { const t = document.body.innerText, m = t.match(/([\\d,]+) reviewed/);
                          return m && parseInt(m[1].replace(/,/g, '')) >= k
                              && /review: unreviewed/.test(t)
                              && !document.querySelector('[data-testid=stStatusWidget] button'); }""",
                arg=k,
                timeout=60_000,
            ) if _ok(page, k, tmp) else None
            page.wait_for_timeout(100)
        elapsed = time.perf_counter() - start
        assert _reviewed(page) == n
        print(f"review by keyboard: {n} events confirmed in {elapsed:.1f} s ({elapsed / n:.2f} s per event; "
              f"{total} events in the app)")  # fmt: skip
        browser.close()


if __name__ == "__main__":
    main()
