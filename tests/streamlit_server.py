"""One Streamlit server on the real app, and the page helpers, for the browser tests (test_browser*.py
share them) and the browser benchmarks under ``bench/``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Debian's chromium (``apt-get install chromium``); Playwright's own browser download fails offline.
CHROMIUM = Path("/usr/bin/chromium")
#: Flags for headless Chromium in a container without a GPU.
FLAGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"]
#: The iframe streamlit-folium draws the map in.
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def wait_idle(page, pause_ms: int = 500) -> None:  # noqa: ANN001 - playwright Page
    """Wait until Streamlit has finished the current rerun (its status widget disappears)."""
    page.wait_for_timeout(pause_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget] button')", timeout=90_000
    )
    page.wait_for_timeout(pause_ms)


def map_frame(page):  # noqa: ANN001, ANN201 - playwright Page -> Frame
    """The map's frame, once Leaflet has drawn its places (a new frame after the map is drawn again)."""
    page.wait_for_selector(MAP_FRAME, timeout=90_000)
    frame = page.locator(MAP_FRAME).last.element_handle().content_frame()
    frame.wait_for_function(
        "() => window.map && document.querySelector('.leaflet-interactive')", timeout=60_000
    )
    return frame


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(cache: Path, drop: Iterable[str] = (), root: Path = ROOT, **env_vars: str) -> Iterator[str]:
    """A Streamlit server on ``root``'s ``app.py`` (tiles off unless ``TIMELINE_TILES`` is given, its own
    cache folder, ``drop``: environment variables removed); yields its URL and stops it afterwards.
    Raises ``RuntimeError`` (a test failure under pytest) when the server does not answer within 60 s."""
    port = free_port()
    env = {**os.environ, "TIMELINE_TILES": "none", "TIMELINE_CACHE": str(cache), **env_vars}
    if root != ROOT:  # another checkout: its own package
        env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    for name in drop:
        env.pop(name, None)
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(root / "app.py"), "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false", "--server.enableStaticServing", "true",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("streamlit did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
