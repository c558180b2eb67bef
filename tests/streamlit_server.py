"""One Streamlit server on the real app for the browser tests (test_browser*.py share it)."""

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

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(cache: Path, drop: Iterable[str] = (), **env_vars: str) -> Iterator[str]:
    """A Streamlit server on ``app.py`` (tiles off unless ``TIMELINE_TILES`` is given, its own cache
    folder, ``drop``: environment variables removed); yields its URL and stops it afterwards."""
    port = free_port()
    env = {**os.environ, "TIMELINE_TILES": "none", "TIMELINE_CACHE": str(cache), **env_vars}
    for name in drop:
        env.pop(name, None)
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false", "--server.enableStaticServing", "true",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
