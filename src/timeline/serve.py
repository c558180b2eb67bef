"""Starting the dashboard (``timeline serve``) and telling the app where its events come from.

The app reads its input from arguments after ``--`` (``streamlit run app.py -- --events FILE``) or from
environment variables (``TIMELINE_EVENTS``, ``TIMELINE_ARTICLES``, ``TIMELINE_CACHE``, ``TIMELINE_TILES``);
arguments win. With neither, it builds events from the bundled sample ``data/sample/`` (the Idlib campaign,
Nov 2019 – Mar 2020) and caches them under ``.cache/`` (rebuilt only when the articles or lexicons change);
the older, wider sample stays in ``data/articles/`` (``timeline serve --articles data/articles``).

Articles uploaded in the app go into an event store (:class:`timeline.store.EventStore`) that the app reads
with its base events: the ``--events`` folder itself when that is a store, a store of that event file's own
under the cache for an event file, else ``<cache>/uploads``. So uploads survive a reload and a restart, show
in the sidebar count, and stay with the events they were added to.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from timeline.maps import OSM_TILES
from timeline.resources import data_dir

if TYPE_CHECKING:
    from timeline.extract import Resources

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

    @property
    def upload_store(self) -> Path:
        """Where uploaded articles' events are stored: the ``--events`` store folder itself; for an event file,
        a store of its own under the cache (``uploads-by-source/<file stem>-<hash of its path>``), so serving
        ``ev.csv`` shows that file's events and what was uploaded beside it, not what was uploaded beside the
        sample; for articles, ``<cache>/uploads``."""
        if self.events is not None and self.events.is_dir():
            return self.events
        if self.events is not None:
            key = hashlib.sha256(str(self.events.resolve()).encode("utf-8")).hexdigest()[:12]
            return self.cache_dir / "uploads-by-source" / f"{self.events.stem}-{key}"
        return self.cache_dir / "uploads"


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
    articles = args.articles or env.get("TIMELINE_ARTICLES") or str(data_dir() / "sample")
    cache = args.cache or env.get("TIMELINE_CACHE") or str(ROOT / ".cache")
    tiles = args.tiles if args.tiles is not None else env.get("TIMELINE_TILES", "osm")
    tiles_url = {"osm": OSM_TILES, "": None, "none": None, "off": None, "0": None}.get(tiles.lower(), tiles)
    return AppConfig(Path(events) if events else None, Path(articles), Path(cache), tiles_url)


def check_inputs(events: Path | str | None, articles: Path | str | None, read: bool = False) -> str | None:
    """A one-line reason why the app cannot start on these inputs (checked before anything starts), or None.

    With ``read``, an event file is also read whole (as ``timeline serve`` does before starting Streamlit), so a
    damaged file ("JSONDecodeError: Expecting ',' delimiter") or one that holds no events (a CSV without the
    columns ``timeline extract`` writes) or no event at all (an empty file) is refused in one line, not shown
    as an empty or broken page."""
    if events:
        from timeline.table import check_events_path, read_events

        try:
            check_events_path(events)
        except ValueError as exc:
            return str(exc)
        if read and Path(events).is_file():
            try:
                df = read_events(events)
            except (OSError, KeyError, TypeError, ValueError) as exc:
                return f"cannot read events from {events}: {type(exc).__name__}: {exc}".splitlines()[0]
            if not len(df):  # the dashboard has nothing to show (and no date range to filter)
                return f"{events} holds no events: nothing to show (extract events into it first)"
            if df["type"].isna().all() or df["date_start"].isna().all():
                return (
                    f"{events} holds no events: expected the columns `timeline extract` writes "
                    "(event_id, type, date_start, ...)"
                )
    if articles and not Path(articles).exists():
        return f"no such articles file or folder: {articles}"
    return None


def load_events(cfg: AppConfig) -> pd.DataFrame:
    """The event table the app starts with (an event file or folder, else built from articles), plus the
    events of uploaded articles (how many: ``attrs["n_uploaded"]``). Raises ``ValueError`` with a one-line
    reason for a bad input."""
    from timeline.table import read_events

    problem = check_inputs(cfg.events, cfg.articles if cfg.events is None else None)
    if problem:
        raise ValueError(problem)
    if cfg.events is not None:
        try:
            base = read_events(cfg.events)
        except (OSError, KeyError, TypeError, ValueError) as exc:  # a damaged file: one line, no traceback
            raise ValueError(f"cannot read events from {cfg.events}: {type(exc).__name__}: {exc}") from exc
    else:
        from timeline.pipeline import load_or_build_events

        base = load_or_build_events(cfg.articles, cfg.cache_dir)
    store = cfg.upload_store
    if store == cfg.events or not any(store.glob("month=*")):
        return base
    from timeline.store import EventStore

    uploads = EventStore(store).read().drop(columns=["month"], errors="ignore")
    out = pd.concat([base, uploads], ignore_index=True).drop_duplicates("event_id", ignore_index=True)
    out.attrs["n_uploaded"] = len(out) - len(base.drop_duplicates("event_id"))  # said in the sidebar
    return out


def uploads_version(cfg: AppConfig) -> int:
    """Changes whenever uploads are stored (the store manifest's mtime in ns; 0 before any)."""
    from timeline.store import MANIFEST

    f = cfg.upload_store / MANIFEST
    return f.stat().st_mtime_ns if f.exists() else 0


@dataclass(frozen=True)
class UploadReport:
    """What an upload batch gave: articles read, events found and stored, and the files that failed."""

    n_articles: int
    n_events: int
    errors: tuple[tuple[str, str], ...]  # (file name, one-line reason)
    store: Path
    #: the ids of the events found (an article the events already hold gives the same ids)
    event_ids: tuple[str, ...] = ()


def store_uploads(
    cfg: AppConfig, files: Sequence[tuple[str, bytes]], resources: Resources | None = None
) -> UploadReport:
    """Extract events from uploaded files and add them to :attr:`AppConfig.upload_store` (an article
    uploaded again replaces its earlier events). Never raises for a bad file: it is listed in ``errors``."""
    from timeline.pipeline import extract_uploads, lexicon_fingerprint
    from timeline.store import EventStore

    result = extract_uploads(list(files), resources)
    errors = tuple((e.source, e.reason) for e in result.errors)
    if len(result.events):
        fingerprint = lexicon_fingerprint()
        ids = dict.fromkeys(result.events["article_id"].astype(str), fingerprint)
        EventStore(cfg.upload_store).write(result.events, ids)
        keep_upload_texts(cfg, files, set(result.events["source"].astype(str)))
    ids_found = tuple(result.events["event_id"].astype(str)) if len(result.events) else ()
    return UploadReport(result.n_articles, result.n_events, errors, cfg.upload_store, ids_found)


def upload_articles(cfg: AppConfig) -> Path:
    """Where uploaded files are kept beside their events (``<upload store>/_articles``; "_" folders are not
    read as Parquet), so the review can show an uploaded article's text and add the events it missed."""
    return cfg.upload_store / "_articles"


def keep_upload_texts(cfg: AppConfig, files: Sequence[tuple[str, bytes]], sources: set[str]) -> None:
    """Keep the uploaded files whose events were stored (their ``source`` is the file name, or ``NAME#N``
    for an item of a file of several) under :func:`upload_articles`, by file name."""
    folder = upload_articles(cfg)
    for name, data in files:
        safe = Path(name).name
        if safe and (safe in sources or any(s.startswith(safe + "#") for s in sources)):
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{safe}.tmp"
            tmp.write_bytes(data)
            tmp.replace(folder / safe)


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
