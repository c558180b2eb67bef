"""Dashboard speed: filter + figure build per rerun, map payload vs number of events, cold start, and
what a person feels in a real browser.

    python bench/app.py [N]        # N synthetic events (default 100_000); run from the repo root
    python bench/app.py --reruns [N]  # only the app's reruns under AppTest
    python bench/app.py --browser [CHECKOUT]  # only the browser figures (of another checkout's app.py)
    python bench/app.py --compare OTHER [ROUNDS] [LOADS]  # browser figures of OTHER and this checkout, interleaved
    python bench/app.py --bare     # a bare Streamlit page with one Plotly chart: what any page costs here
    python bench/app.py --trace [CHECKOUT]  # a Chromium trace of a warm load: where the first chart's time goes
    python bench/app.py --compare-reruns OTHER [ROUNDS]  # the reruns of OTHER's app and this one, interleaved
    python bench/app.py --overhead  # AppTest's own cost per rerun: a near-empty script (what is not ours)
    python bench/app.py --parts [N]  # each part of a new filter state alone (CPU ms, medians of 12 states)
    python bench/app.py --compare-parts OTHER [ROUNDS]  # --parts of OTHER and this checkout, interleaved

Every line ends with the 1-minute load average (the machine is shared: compare figures taken under
similar load, or use ``--compare``, which alternates the two checkouts so both see the same load).

Prints one line per measure. Goals (issue 3): filter + figures <= 0.3 s per rerun at 100k events; the map
payload must not grow with the number of events for a fixed set of places (popups list at most
``maps.POPUP_EVENTS`` events, so the payload stops growing once every place has that many). Goal (issue 9):
first chart <= 3 s after navigation, warm, in Debian's Chromium (headless, no GPU): the browser figures
start ``streamlit run app.py`` on the bundled sample and time, from ``page.goto``, the first Plotly chart
drawn (its x-axis ticks) and the map drawn (a Leaflet marker inside the map's iframe), as seen from inside
the page (:data:`DRAWN_AT`; "polled": when Playwright's ``wait_for_selector`` returned, the figure of the
passes before this one, late by up to ~0.5 s), and how long the page's main thread was busy until then
("page busy": CPU time, steadier than wall time when the machine is shared); "cold" is the first
load after the server started (events read from the disk cache, Python caches empty), "warm" a later load.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # streamlit_server: the browser tests' server

import numpy as np  # noqa: E402
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


def load() -> str:
    """`` · load 1.23``: the 1-minute load average, printed with every figure."""
    return f" · load {os.getloadavg()[0]:.2f}"


def main() -> None:
    if "--compare" in sys.argv:
        rest = sys.argv[sys.argv.index("--compare") + 1 :]
        other, rounds = Path(rest[0]).resolve(), int(rest[1]) if len(rest) > 1 else 2
        loads = int(rest[2]) if len(rest) > 2 else 3
        for _ in range(rounds):
            for root in (other, ROOT):
                print(f"[{root}]", flush=True)
                browser_timings(loads=loads, root=root)
        return
    if "--compare-reruns" in sys.argv:
        rest = sys.argv[sys.argv.index("--compare-reruns") + 1 :]
        other, rounds = Path(rest[0]).resolve(), int(rest[1]) if len(rest) > 1 else 2
        compare_reruns(other, rounds)
        return
    if "--reruns" in sys.argv:  # only the app's reruns under AppTest (of the app in --root, default this one)
        args = sys.argv[1:]
        root = Path(args[args.index("--root") + 1]).resolve() if "--root" in args else ROOT
        rest = [a for i, a in enumerate(args) if a not in ("--reruns", "--root") and args[i - 1] != "--root"]
        app_reruns(synthetic_events(int(rest[0]) if rest else 100_000, seed=0), root=root)
        return
    if "--bare" in sys.argv:
        bare_timings()
        return
    if "--trace" in sys.argv:
        rest = sys.argv[sys.argv.index("--trace") + 1 :]
        trace_first_chart(root=Path(rest[0]).resolve() if rest else ROOT)
        return
    if "--overhead" in sys.argv:
        apptest_overhead()
        return
    if "--compare-parts" in sys.argv:
        rest = sys.argv[sys.argv.index("--compare-parts") + 1 :]
        other, rounds = Path(rest[0]).resolve(), int(rest[1]) if len(rest) > 1 else 2
        compare_parts(other, rounds)
        return
    if "--parts" in sys.argv:
        rest = [a for a in sys.argv[1:] if a != "--parts"]
        filter_parts(int(rest[0]) if rest else 100_000)
        return
    if "--browser" in sys.argv:
        rest = sys.argv[sys.argv.index("--browser") + 1 :]
        browser_timings(root=Path(rest[0]).resolve() if rest else ROOT)
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    t = time.perf_counter()
    df = synthetic_events(n, seed=0)
    print(f"synthetic table: {n:,} events in {time.perf_counter() - t:.1f} s{load()}")
    t = time.perf_counter()
    ix = flt.index_events(charts.with_hover(df))
    print(f"index + hover text (once per table, cached): {time.perf_counter() - t:.2f} s{load()}")
    basemap = maps.load_basemap()
    views = {
        "one type, one year": flt.Filters(
            types=("offensive",), start=date(2016, 1, 1), end=date(2016, 12, 31)
        ),
        "actor + text": flt.Filters(actors=("Turkey",), text="report"),
        "one place selected": flt.Filters(selected_place="Saraqib", start=date(2019, 1, 1)),
        "lanes by actor, 2019-20": flt.Filters(lanes="actor", start=date(2019, 1, 1)),
        "lanes by actor, all years": flt.Filters(lanes="actor"),
        "everything": flt.Filters(),
    }
    for name, f in views.items():
        shown = int(flt.filter_mask(ix, f).sum())
        secs, _ = best_of(lambda f=f: figures(ix, f))
        msecs, _ = best_of(lambda f=f: map_page(ix, f, basemap))
        fig = charts.timeline_figure(flt.apply_filters(ix, f, time_selection=False), f.lanes)
        size = len(fig.to_json()) / 2**20
        counts_kb = len(charts.counts_figure(flt.apply_filters(ix, f)).to_json()) / 1024
        print(
            f"rerun [{name}]: {shown:,} events shown; filter + figures {secs:.3f} s; map {msecs:.3f} s; "
            f"timeline JSON {size:.1f} MB; counts JSON {counts_kb:.0f} KB{load()}"
        )
    for k in (1_000, 10_000, n // 4, n // 2, n):
        sub = df.iloc[:k]
        summary = maps.place_summary(sub)
        page = maps.build_map(summary, basemap=basemap).get_root().render()
        print(f"map payload: {k:>7,} events -> {len(summary)} places, {len(page) / 1024:.0f} KB{load()}")
    map_weeks(ix, basemap)
    app_reruns(df)
    cold_start()
    browser_timings()


def map_weeks(ix: flt.EventIndex, basemap: dict) -> None:
    """What the map's fragment computes when the week moves (no filter changed): the places of the new week
    and the map rendered for the browser; against grouping that week's events again (``place_summary``)."""
    from timeline import map_widget, place_weeks

    mask = np.ones(len(ix.events), dtype=bool)
    needed = [c for c in (*maps.SUMMARY_COLUMNS, "day") if c in ix.events.columns]
    t = time.perf_counter()
    pix = place_weeks.index_places(ix.events.loc[mask, needed], flt.places_of(ix, mask))
    print(f"map places prepared once per data version: {time.perf_counter() - t:.2f} s{load()}")
    weeks = sorted(charts.weekly_counts(ix.events[["day", "type"]])["week"].dt.date.unique())
    for week in (weeks[len(weeks) // 2], weeks[len(weeks) // 2 + 1], weeks[-1]):  # new rows, then reused
        t = time.perf_counter()
        summary = place_weeks.summary(pix, place_weeks.week_pairs(pix, week))
        t_places = time.perf_counter() - t
        payload = map_widget.map_payload(maps.build_map(summary, basemap=basemap, view_key="k"))
        t_map = time.perf_counter() - t - t_places
        t = time.perf_counter()
        m = maps.week_mask(ix.events["day"], week)
        maps.with_popups(maps.place_summary(ix.events.loc[m, needed], flt.places_of(ix, m)))
        print(
            f"map moved to the week of {week}: places {t_places:.3f} s (grouped again: "
            f"{time.perf_counter() - t:.3f} s), map render {t_map:.3f} s, {len(payload.script) / 2**20:.1f} MB"
            f"{load()}"
        )


def browser_timings(loads: int = 3, root: Path = ROOT) -> None:
    """Navigation -> first chart and -> map in headless Chromium, cold (first load) and warm (best of
    the later loads), on the bundled sample; skipped without Debian's chromium. The server and the
    browser's flags are the browser tests' (``tests/streamlit_server.py``)."""
    import subprocess

    from streamlit_server import CHROMIUM, serving

    if not CHROMIUM.exists():
        print(f"browser: skipped (no {CHROMIUM})")
        return

    cache = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    env = {**os.environ, "TIMELINE_CACHE": str(cache), "PYTHONPATH": str(root / "src")}
    env.pop("TIMELINE_EVENTS", None)
    # build the events once (the disk cache), so "cold" measures the page and not the extraction
    code = "from timeline.serve import app_config, load_events; load_events(app_config([]))"
    subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True)
    with serving(cache, drop=["TIMELINE_EVENTS"], root=root) as url:
        results = _page_loads(url, loads, map_too=True)
    (c_chart, c_map, c_busy, c_busy_map, c_polled), warm = results[0], results[1:]

    def best_median(i: int) -> str:
        values = sorted(r[i] for r in warm)
        return f"{values[0]:.2f}" + (f" (median {values[len(values) // 2]:.2f})" if len(values) > 2 else "")

    print(
        f"browser, cold (first load after start): first chart {c_chart:.2f} s (polled {c_polled:.2f} s), "
        f"map {c_map:.2f} s; page busy {c_busy:.2f} s / {c_busy_map:.2f} s{load()}"
    )
    print(
        f"browser, warm (best of {len(warm)}): first chart {best_median(0)} s (polled {best_median(4)} s), "
        f"map {best_median(1)} s; page busy {best_median(2)} s / {best_median(3)} s (goal: chart <= 3 s){load()}"
    )


#: Runs in the page and in each of its frames before their own scripts: the wall-clock time (ms since the
#: epoch) of the first check that finds the selector's element in the document, kept in
#: ``window.__drawnAt``. A check runs every 16 ms (a timer, so it waits for the task that drew the element to
#: end, as the paint does; Chromium runs no animation frames in the map's iframe while it is hidden).
#: Playwright's own wait polls every 500 ms once the first ~0.3 s have passed (its back-off: 20, 50, 100,
#: 100, 500 ms) and answers only when the page's main thread is free, so a time taken when
#: ``wait_for_selector`` returns is late by up to ~0.5 s.
DRAWN_AT = """
(() => {
  const selector = %r;
  const look = () => {
    if (document.querySelector(selector)) window.__drawnAt = performance.timeOrigin + performance.now();
    else setTimeout(look, 16);
  };
  look();
})();
"""
CHART = ".js-plotly-plot .xtick"
MAP_MARK = "path.leaflet-interactive"


def _drawn_at(frame: Any, t0: float) -> float:
    """Seconds from ``t0`` (``time.time()``) to the first check that found the frame's element in its
    document (:data:`DRAWN_AT`: the frame's next free moment after the task that drew it); waits for it."""
    frame.wait_for_function("() => window.__drawnAt > 0", timeout=120_000)
    return frame.evaluate("() => window.__drawnAt") / 1000 - t0


def _page_loads(url: str, loads: int, map_too: bool) -> list[tuple[float, float, float, float, float]]:
    """``loads`` page loads of ``url`` in one headless Chromium (1366x768): per load, seconds from
    navigation to the first Plotly chart's x ticks drawn and to the map's first Leaflet mark drawn (the
    chart's again when ``map_too`` is false), both seen from inside the page (:data:`DRAWN_AT`),
    the page's busy seconds until each, and the chart's time as Playwright's ``wait_for_selector`` returned
    (the figure of the passes before this one: later by up to ~0.5 s, its polling)."""
    from playwright.sync_api import sync_playwright

    from streamlit_server import CHROMIUM, FLAGS, MAP_FRAME

    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for _ in range(loads):
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.add_init_script(DRAWN_AT % (CHART if not map_too else f"{CHART}, {MAP_MARK}"))
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            t0, wall0 = time.perf_counter(), time.time()
            page.goto(url, wait_until="commit")
            page.wait_for_selector(CHART, timeout=120_000)
            polled = time.perf_counter() - t0
            busy = _busy(cdp)
            chart = _drawn_at(page.main_frame, wall0)
            mapped = chart
            if map_too:
                page.frame_locator(MAP_FRAME).locator(MAP_MARK).first.wait_for(
                    state="attached", timeout=120_000
                )
                busy_map = _busy(cdp)
                frame = page.locator(MAP_FRAME).first.element_handle().content_frame()
                mapped = _drawn_at(frame, wall0)
            else:
                busy_map = busy
            results.append((chart, mapped, busy, busy_map, polled))
            page.close()
        browser.close()
    return results


#: Trace categories of :func:`trace_first_chart`: tasks, network, V8 and its CPU samples.
TRACE_CATEGORIES = [
    "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "v8", "blink.user_timing",
    "loading", "toplevel", "disabled-by-default-v8.cpu_profiler",
]  # fmt: skip


def trace_first_chart(root: Path = ROOT) -> None:
    """A Chromium performance trace of a warm load of ``root``'s app on the bundled sample (after a cold
    one), saved as JSON (open it in Chrome's DevTools Performance panel), and the first chart's critical
    path read from it (seconds from navigation): the page's skeleton, the chart's element arriving by the
    websocket, Plotly's chunk asked for and received (downloaded and parsed on a background thread), its
    evaluation on the main thread, the chart drawn; and the main thread's busy time until then."""
    import json
    import subprocess

    from playwright.sync_api import sync_playwright

    from streamlit_server import CHROMIUM, FLAGS, serving

    cache = Path(tempfile.mkdtemp(prefix="timeline-trace-"))
    env = {**os.environ, "TIMELINE_CACHE": str(cache), "PYTHONPATH": str(root / "src")}
    env.pop("TIMELINE_EVENTS", None)
    code = "from timeline.serve import app_config, load_events; load_events(app_config([]))"
    subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True)
    frames: list[float] = []
    with serving(cache, drop=["TIMELINE_EVENTS"], root=root) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for warm in (False, True):
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.add_init_script(DRAWN_AT % CHART)
            if warm:
                cdp = page.context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.on("Network.webSocketFrameReceived", lambda p: frames.append(p["timestamp"]) if len(p["response"]["payloadData"]) > 10_000 else None)  # fmt: skip
                browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
            page.goto(url, wait_until="commit")
            page.wait_for_function("() => window.__drawnAt > 0", timeout=120_000)
            drawn = page.evaluate("() => window.__drawnAt - performance.timeOrigin") / 1000
            data = browser.stop_tracing() if warm else b""
            page.close()
        browser.close()
    path = cache / "warm-load-trace.json"
    path.write_bytes(data)
    events = json.loads(data)
    events = events["traceEvents"] if isinstance(events, dict) else events
    nav = [e for e in events if e["name"] == "navigationStart"
           and e.get("args", {}).get("data", {}).get("documentLoaderURL", "").startswith(url)]  # fmt: skip
    t0 = min(nav, key=lambda e: e["ts"])  # the app's page (not about:blank before it)
    pid, start = t0["pid"], t0["ts"]

    def secs(ts: float) -> float:
        return (ts - start) / 1e6

    tasks = [
        e
        for e in events
        if e["pid"] == pid and e.get("ph") == "X" and e["name"] == "ThreadControllerImpl::RunTask"
    ]
    main_tid = max({e["tid"] for e in tasks}, key=lambda t: sum(e["dur"] for e in tasks if e["tid"] == t))
    ends = start + drawn * 1e6
    busy = sum(
        min(e["ts"] + e["dur"], ends) - e["ts"]
        for e in tasks
        if e["tid"] == main_tid and start <= e["ts"] < ends
    )
    plotly = {
        e["name"]: e["ts"]
        for e in events
        if e["name"] in ("ResourceSendRequest", "ResourceFinish")
        and any(name in json.dumps(e.get("args", {})) for name in PLOTLY_SCRIPTS)
    }
    rid = next(
        (
            e["args"]["data"]["requestId"]
            for e in events
            if e["name"] == "ResourceSendRequest"
            and any(name in e["args"]["data"].get("url", "") for name in PLOTLY_SCRIPTS)
        ),
        None,
    )
    done = next(
        (
            e["ts"]
            for e in events
            if e["name"] == "ResourceFinish" and e["args"]["data"].get("requestId") == rid
        ),
        None,
    )
    evaluated = [  # Streamlit's chunk is a module, the basic bundle a classic script
        e
        for e in events
        if e["pid"] == pid
        and e["name"] in ("v8.evaluateModule", "EvaluateScript")
        and done
        and e["ts"] >= done
    ]
    longest = max(evaluated, key=lambda e: e["dur"]) if evaluated else None
    skeleton = next(
        (e["ts"] for e in events if e["pid"] == pid and e["name"] == "firstContentfulPaint"), None
    )
    parts = [f"skeleton painted {secs(skeleton):.2f}" if skeleton else "",
             f"chart's element by websocket {frames[0] - start / 1e6:.2f}" if frames else "",
             f"Plotly script asked {secs(plotly['ResourceSendRequest']):.2f}, received {secs(done):.2f}" if rid and done else "",
             f"evaluated {secs(longest['ts']):.2f}+{longest['dur'] / 1e6:.2f}" if longest else "",
             f"chart drawn {drawn:.2f}", f"main thread busy until then {busy / 1e6:.2f}"]  # fmt: skip
    print(f"trace of a warm load [{root}] (s from navigation): {'; '.join(p for p in parts if p)}{load()}")
    print(f"trace saved: {path}")


#: The Plotly script a first chart waits for: Streamlit's chunk (``st.plotly_chart``) or the basic bundle
#: (:mod:`timeline.light_chart`).
PLOTLY_SCRIPTS = ("PlotlyChart", "plotly-basic")

#: The baseline page of ``--bare``: Streamlit with one small Plotly chart, nothing else.
BARE_APP = """
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="one chart", layout="wide")
st.title("One chart")
st.plotly_chart(go.Figure(go.Scatter(x=["2020-01-01", "2020-02-01", "2020-03-01"], y=[1, 3, 2])))
"""


def bare_timings(loads: int = 4) -> None:
    """What a page costs on this machine before any of the app's work: a bare Streamlit page with one small
    Plotly chart, navigation -> its first chart, cold (first load) and warm (best of the later loads)."""
    from streamlit_server import CHROMIUM, serving

    if not CHROMIUM.exists():
        print(f"browser: skipped (no {CHROMIUM})")
        return
    root = Path(tempfile.mkdtemp(prefix="timeline-bare-"))
    (root / "app.py").write_text(BARE_APP, encoding="utf-8")
    with serving(root / "cache", root=root) as url:
        results = _page_loads(url, loads, map_too=False)
    warm = results[1:]
    polled = sorted(r[4] for r in warm)
    print(
        f"bare Streamlit page, one Plotly chart: cold {results[0][0]:.2f} s, warm (best of {len(warm)}) "
        f"{min(r[0] for r in warm):.2f} s (median {sorted(r[0] for r in warm)[len(warm) // 2]:.2f} s; "
        f"polled {polled[0]:.2f}, median {polled[len(polled) // 2]:.2f} s); "
        f"page busy warm {min(r[2] for r in warm):.2f} s{load()}",
        flush=True,
    )


def _busy(cdp: Any) -> float:
    """Seconds the page's main thread has been busy (Chromium's ``TaskDuration``): CPU work, far less
    sensitive than wall-clock time to other load on a shared machine."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def app_reruns(df: Any, root: Path = ROOT) -> None:
    """The whole app script under AppTest on ``df`` (merging off): the first run, then reruns as a person
    makes them. Figures, map places and the rendered map are cached on the filter state, so a rerun pays
    only for what its change touches (goal: <= 0.3 s per rerun at 100k events). AppTest runs the whole script
    every time; in a browser the map's week, mode and playback rerun the map's fragment alone (so "map moved
    a week" here is an upper bound: less the "same view again" figure). CPU: this process's CPU time for the
    rerun, steadier than wall time when the machine is shared."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test, local_script_runner

    from timeline.table import write_events

    # A server compiles app.py once (its ScriptCache); AppTest compiles it again on every run (~0.1 s),
    # which a person never waits for: share one cache between the runs, as the server does.
    shared = ScriptCache()
    for module in (app_test, local_script_runner):
        module.ScriptCache = lambda: shared  # type: ignore[attr-defined]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.parquet"
        write_events(df, path)
        os.environ.update(TIMELINE_EVENTS=str(path), TIMELINE_CACHE=tmp, TIMELINE_TILES="none")
        at = AppTest.from_file(str(root / "app.py"), default_timeout=900)
        at.session_state["f_merge"] = False

        def run(label: str) -> None:
            t, cpu = time.perf_counter(), time.process_time()
            at.run()
            assert not at.exception, at.exception
            print(
                f"app rerun at {len(df):,} events [{label}]: {time.perf_counter() - t:.2f} s "
                f"(CPU {time.process_time() - cpu:.2f} s){load()}"
            )

        def run_cpu() -> float:
            cpu = time.process_time()
            at.run()
            assert not at.exception, at.exception
            return time.process_time() - cpu

        run("first run: read, index, hover text, figures, map")
        run("same view again (nothing changed)")
        weeks = sorted(charts.weekly_counts(df)["week"].dt.date.unique())
        at.select_slider(key="week-0").set_value(weeks[len(weeks) // 2])
        run("map moved to another week")
        at.multiselect(key="f_types").set_value(["offensive"])
        run("a new type filter")
        at.multiselect(key="f_types").set_value([])
        run("back to a filter state seen before")
        at.multiselect(key="f_actors").set_value(["Turkey"])
        run("a new actor filter")
        at.multiselect(key="f_actors").set_value([])
        at.multiselect(key="f_places").set_value(["Saraqib"])
        run("a new place filter")
        at.multiselect(key="f_places").set_value([])
        at.date_input(key="f_dates").set_value((date(2016, 1, 1), date(2018, 12, 31)))
        run("a new date range")
        at.multiselect(key="f_types").set_value(["talks", "ceasefire"])
        run("a new type filter on that date range")
        at.multiselect(key="f_types").set_value([])
        every_day = at.date_input(key="f_dates")
        every_day.set_value((every_day.min, every_day.max))
        new_filter_medians(at, run_cpu, len(df))
        os.environ.pop("TIMELINE_EVENTS")


#: Four new filter states per kind (each alone, from no filter): a single rerun is noisy on a shared machine.
NEW_FILTERS: dict[str, tuple[str, list[Any]]] = {
    "type": ("f_types", [["talks"], ["ceasefire"], ["ultimatum"], ["offensive", "talks"]]),
    "actor": ("f_actors", [["Russia"], ["Syrian army"], ["opposition factions"], ["Iran"]]),
    "place": ("f_places", [["Aleppo"], ["Idlib"], ["Douma"], ["Raqqa"]]),
    "date range": (
        "f_dates",
        [
            (date(2012, 1, 1), date(2013, 12, 31)),
            (date(2014, 1, 1), date(2015, 12, 31)),
            (date(2017, 1, 1), date(2019, 6, 30)),
            (date(2019, 6, 1), date(2020, 3, 31)),
        ],
    ),
}


def new_filter_medians(at: Any, run_cpu: Callable[[], float], n: int) -> None:
    """Per kind of filter, the CPU seconds of a rerun with a new filter state of that kind
    (:data:`NEW_FILTERS`, each set alone and then cleared again, untimed): median and range of four."""
    for kind, (key, values) in NEW_FILTERS.items():

        def widget(key: str = key) -> Any:  # looked up again after each run (AppTest builds a new tree)
            return at.date_input(key=key) if key == "f_dates" else at.multiselect(key=key)

        cleared = (widget().min, widget().max) if key == "f_dates" else []
        cpu = []
        for value in values:
            widget().set_value(value)
            cpu.append(run_cpu())
            widget().set_value(cleared)
            run_cpu()
        cpu.sort()
        print(
            f"app rerun at {n:,} events [a new {kind} filter, 4 states]: CPU median {np.median(cpu):.2f} s "
            f"({cpu[0]:.2f}-{cpu[-1]:.2f} s){load()}",
            flush=True,
        )


def compare_reruns(other: Path, rounds: int) -> None:
    """:func:`app_reruns` of ``other``'s app and modules and of this checkout's, alternated (each in a new
    process, so both see the same load and start with empty caches)."""
    import subprocess

    for _ in range(rounds):
        for root in (other, ROOT):
            print(f"[{root}]", flush=True)
            env = {**os.environ, "PYTHONPATH": str(root / "src")}
            cmd = [sys.executable, str(Path(__file__).resolve()), "--reruns", "--root", str(root)]
            subprocess.run(cmd, env=env, check=True)


def filter_parts(n: int, repeat: int = 3) -> None:
    """Each part the app computes for a new filter state, alone, on ``n`` synthetic events: CPU ms per state,
    median over the 16 states of :data:`NEW_FILTERS` (each timed ``repeat`` times, fresh table and popup
    caches per sweep, as a new state finds them). Steadier than whole reruns on a shared machine (no
    Streamlit, no AppTest). Parts: the timeline (built, its dict, its JSON as ``st.plotly_chart`` writes it
    on every rerun, with its size), the weekly counts, the table's rows, the map's places, the map rendered
    for the browser."""
    import plotly.io as pio

    from timeline import event_weeks, map_widget, mark_index, place_weeks, present

    ix = flt.index_events(charts.with_hover(synthetic_events(n, seed=0)))
    mix = mark_index.index_marks(ix.events)
    wix = event_weeks.index_weeks(ix.events)
    needed = [c for c in (*maps.SUMMARY_COLUMNS, "day") if c in ix.events.columns]
    basemap = maps.load_basemap()
    states: list[flt.Filters] = []
    for key, values in NEW_FILTERS.values():
        for v in values:
            states.append(
                flt.Filters(start=v[0], end=v[1])
                if key == "f_dates"
                else flt.Filters(
                    **{{"f_types": "types", "f_actors": "actors", "f_places": "places"}[key]: tuple(v)}
                )
            )
    masks = [flt.filter_mask(ix, f) for f in states]
    cpu: dict[str, list[float]] = {}
    size: list[float] = []

    @contextmanager
    def clock(name: str) -> Iterator[None]:
        t = time.process_time()
        yield
        cpu.setdefault(name, []).append(1000 * (time.process_time() - t))

    for _ in range(repeat):
        cells = present.TableCells(ix.events)
        pix = place_weeks.index_places(ix.events[needed], ix.places)
        for mask in masks:
            xr = mark_index.x_range(mix, mask)
            with clock("timeline built"):
                fig = mark_index.timeline_figure(mix, mask, x_range=xr)
            with clock("timeline dict"):
                fig_dict = fig.to_dict()
            with clock("timeline JSON (every rerun)"):
                size.append(len(pio.to_json(fig_dict, validate=False)) / 2**20)
            with clock("counts"):
                counts = event_weeks.weekly_counts(wix, mask)
                charts.counts_figure(counts=counts, x_range=xr, left=fig.layout.margin.l).to_dict()
            with clock("table rows"):
                cells.table(np.flatnonzero(mask)[:5_000])
            with clock("map places"):
                summary = place_weeks.summary(*place_weeks.subset(pix, mask, ix.places))
            with clock("map rendered"):
                map_widget.map_payload(maps.build_map(summary, basemap=basemap, view_key="k"))
    parts = " · ".join(f"{k} {np.median(v):.1f}" for k, v in cpu.items())
    total = sum(np.median(v) for v in cpu.values())
    print(f"parts of a new filter state at {n:,} events (CPU ms, medians of {len(states)} states x {repeat}): "
          f"{parts} · sum {total:.0f}; timeline JSON median {np.median(size):.2f} MB{load()}", flush=True)  # fmt: skip


def compare_parts(other: Path, rounds: int) -> None:
    """:func:`filter_parts` of ``other``'s modules and of this checkout's, alternated (each in a new process)."""
    import subprocess

    for _ in range(rounds):
        for root in (other, ROOT):
            print(f"[{root}]", flush=True)
            env = {**os.environ, "PYTHONPATH": str(root / "src")}
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "--parts"], env=env, check=True)


#: The page of ``--overhead``: a title, one widget and a line of text.
NEAR_EMPTY_APP = """
import streamlit as st

st.title("near empty")
st.multiselect("a", ["a", "b"], key="a")
st.write("hello")
"""


def apptest_overhead(runs: int = 21) -> None:
    """What a rerun under AppTest costs before any of the app's work: a near-empty script run again
    (unchanged, and with its widget changed); CPU seconds, median and best of ``runs``. The app's rerun
    figures (``--reruns``) less this are the app's own (Streamlit's work for its page included)."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "app.py"
        path.write_text(NEAR_EMPTY_APP, encoding="utf-8")
        at = AppTest.from_file(str(path))
        at.run()
        for label, change in (("unchanged", False), ("its widget changed", True)):
            cpu = []
            for i in range(runs):
                if change:
                    at.multiselect(key="a").set_value(["a"] if i % 2 else ["b"])
                t = time.process_time()
                at.run()
                cpu.append(time.process_time() - t)
            cpu.sort()
            print(
                f"AppTest overhead, near-empty script rerun ({label}): CPU median {cpu[runs // 2]:.4f} s, "
                f"best {cpu[0]:.4f} s{load()}"
            )


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
            print(f"{label}: {time.perf_counter() - t:.2f} s{load()}")
            from streamlit.runtime.caching import cache_data_api

            cache_data_api.CACHE_DATA_MESSAGE_REPLAY_CTX  # noqa: B018 - clear in-memory caches below
            import streamlit as st

            st.cache_data.clear()
            st.cache_resource.clear()


if __name__ == "__main__":
    main()
