"""Dashboard speed: filter + figure build per rerun, map payload vs number of events, cold start.

    python bench/app.py [N]        # N synthetic events (default 100_000); run from the repo root

Prints one line per measure. Goals (issue 3): filter + figures <= 0.3 s per rerun at 100k events; the map
payload must not grow with the number of events for a fixed set of places (popups list at most
``maps.POPUP_EVENTS`` events, so the payload stops growing once every place has that many).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import synthetic_events  # noqa: E402

from timeline import charts, maps  # noqa: E402
from timeline import filters as flt  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def best_of(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def figures(ix: flt.EventIndex, f: flt.Filters) -> int:
    """Filters and both Plotly figures, as one rerun of the app computes them."""
    shown = flt.apply_filters(ix, f)
    timeline = charts.timeline_figure(flt.apply_filters(ix, f, time_selection=False), lanes=f.lanes)
    counts = charts.counts_figure(shown)
    return len(timeline.data) + len(counts.data)


def map_page(ix: flt.EventIndex, f: flt.Filters, basemap: dict) -> int:
    """The map of one rerun: one marker per place, rendered to the HTML st_folium sends."""
    mask = flt.filter_mask(ix, f, place_selection=False)
    summary = maps.place_summary(ix.events[mask], flt.places_of(ix, mask))
    return len(maps.build_map(summary, basemap=basemap).get_root().render())


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    t = time.perf_counter()
    df = synthetic_events(n, seed=0)
    print(f"synthetic table: {n:,} events in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    ix = flt.index_events(charts.with_hover(df))
    print(f"index + hover text (once per table, cached): {time.perf_counter() - t:.2f} s")
    basemap = maps.load_basemap()
    views = {
        "one type, one year": flt.Filters(
            types=("offensive",), start=date(2016, 1, 1), end=date(2016, 12, 31)
        ),
        "actor + text": flt.Filters(actors=("Turkey",), text="report"),
        "one place selected": flt.Filters(selected_place="Saraqib", start=date(2019, 1, 1)),
        "lanes by actor, 2019-20": flt.Filters(lanes="actor", start=date(2019, 1, 1)),
        "everything": flt.Filters(),
    }
    for name, f in views.items():
        shown = int(flt.filter_mask(ix, f).sum())
        secs, _ = best_of(lambda f=f: figures(ix, f))
        msecs, _ = best_of(lambda f=f: map_page(ix, f, basemap))
        fig = charts.timeline_figure(flt.apply_filters(ix, f, time_selection=False), f.lanes)
        size = len(fig.to_json()) / 2**20
        print(
            f"rerun [{name}]: {shown:,} events shown; filter + figures {secs:.3f} s; map {msecs:.3f} s; "
            f"timeline JSON {size:.1f} MB"
        )
    for k in (1_000, 10_000, n // 4, n // 2, n):
        sub = df.iloc[:k]
        summary = maps.place_summary(sub)
        page = maps.build_map(summary, basemap=basemap).get_root().render()
        print(f"map payload: {k:>7,} events -> {len(summary)} places, {len(page) / 1024:.0f} KB")
    cold_start()


def cold_start() -> None:
    """The app on the bundled sample under AppTest: first start (events built) and a warm start (cached)."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(TIMELINE_CACHE=tmp, TIMELINE_TILES="none")
        os.environ.pop("TIMELINE_EVENTS", None)
        for label in (
            "cold start on the sample (events built from data/articles)",
            "start with the disk cache",
        ):
            t = time.perf_counter()
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
            at.run()
            assert not at.exception, at.exception
            print(f"{label}: {time.perf_counter() - t:.2f} s")
            from streamlit.runtime.caching import cache_data_api

            cache_data_api.CACHE_DATA_MESSAGE_REPLAY_CTX  # noqa: B018 - clear in-memory caches below
            import streamlit as st

            st.cache_data.clear()
            st.cache_resource.clear()


if __name__ == "__main__":
    main()
