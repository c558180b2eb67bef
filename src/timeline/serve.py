"""Starting the dashboard (``timeline serve``) and telling the app where its events come from.

The app reads its input from arguments after ``--`` (``streamlit run app.py -- --events FILE``) or from
environment variables (``TIMELINE_EVENTS``, ``TIMELINE_ARTICLES``, ``TIMELINE_CACHE``, ``TIMELINE_TILES``);
arguments win. With neither, it builds events from the bundled ``data/articles/`` and caches them under
``.cache/`` (rebuilt only when the articles or lexicons change).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from timeline.maps import OSM_TILES
from timeline.resources import data_dir

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"


@dataclass(frozen=True)
class AppConfig:
    """Where the events come from, where the cache lives, which tiles the map asks for (None: offline)."""

    events: Path | None
    articles: Path
    cache_dir: Path
    tiles: str | None

    @property
    def label(self) -> str:
        return str(self.events) if self.events else f"articles in {self.articles}"


def app_config(argv: Sequence[str] = (), environ: Mapping[str, str] | None = None) -> AppConfig:
    """Resolve the app's input from ``argv`` (after ``--``) and ``environ``."""
    env = os.environ if environ is None else environ
    parser = argparse.ArgumentParser(prog="app.py", add_help=False)
    parser.add_argument("--events")
    parser.add_argument("--articles")
    parser.add_argument("--cache")
    parser.add_argument("--tiles")
    args, _ = parser.parse_known_args(list(argv))
    events = args.events or env.get("TIMELINE_EVENTS") or None
    articles = args.articles or env.get("TIMELINE_ARTICLES") or str(data_dir() / "articles")
    cache = args.cache or env.get("TIMELINE_CACHE") or str(ROOT / ".cache")
    tiles = args.tiles if args.tiles is not None else env.get("TIMELINE_TILES", "osm")
    tiles_url = {"osm": OSM_TILES, "": None, "none": None, "off": None, "0": None}.get(tiles.lower(), tiles)
    return AppConfig(Path(events) if events else None, Path(articles), Path(cache), tiles_url)


def load_events(cfg: AppConfig) -> pd.DataFrame:
    """The event table the app starts with (an event file or folder, else built from articles)."""
    if cfg.events is not None:
        from timeline.table import read_events

        return read_events(cfg.events)
    from timeline.pipeline import load_or_build_events

    return load_or_build_events(cfg.articles, cfg.cache_dir)


def streamlit_argv(
    events: Path | str | None = None,
    articles: Path | str | None = None,
    port: int | None = None,
    extra_args: Sequence[str] = (),
) -> list[str]:
    """The ``streamlit run`` command line for the app (options first, app inputs after ``--``)."""
    # static serving is passed here too: .streamlit/config.toml is only read from the working directory
    argv = ["streamlit", "run", str(APP), "--server.enableStaticServing", "true"]
    argv += ["--browser.gatherUsageStats", "false"]  # offline: no usage statistics sent
    if port:
        argv += ["--server.port", str(port)]
    argv += [a for a in extra_args if a != "--"]
    app_args: list[str] = []
    if events:
        app_args += ["--events", str(Path(events).resolve())]
    if articles:
        app_args += ["--articles", str(Path(articles).resolve())]
    return argv + (["--", *app_args] if app_args else [])


def serve(
    events: Path | str | None = None,
    articles: Path | str | None = None,
    port: int | None = None,
    extra_args: Sequence[str] | None = None,
) -> int:
    """Start Streamlit on the app (blocks until it stops); returns its exit status."""
    from streamlit.web import cli as stcli

    if not APP.exists():
        print(
            f"timeline: the dashboard script {APP} is missing (run from a source checkout)", file=sys.stderr
        )
        return 2
    argv = streamlit_argv(events, articles, port, extra_args or ())
    old = sys.argv
    sys.argv = argv
    try:
        stcli.main(prog_name="streamlit")
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.argv = old
    return 0
