"""Articles in, event table out: the one place that wires readers, extractor and checks together.

A broken input is reported as a :class:`ReadError` and skipped; the batch goes on. An article read
twice (same normalised text) is extracted once, so re-running on the same input gives the same
events. Articles that cannot be trusted for dating are reported: no publication date (only events
with an explicit date are kept), a publication date in the future or an unknown language (skipped).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd

from timeline.extract import Resources, extract_article
from timeline.model import Article, Event, ReadError
from timeline.readers import iter_articles, read_bytes
from timeline.resources import data_dir
from timeline.table import events_to_frame
from timeline.text import long_sentence_note

__all__ = [
    "Resources",
    "RunResult",
    "check_article",
    "extract_article",
    "extract_uploads",
    "lexicon_fingerprint",
    "load_or_build_events",
    "run",
]

#: Source files whose change changes what the extractor finds (part of the cache fingerprint).
_RULE_MODULES = (
    "extract",
    "mentions.py",
    "places.py",
    "dates",
    "figures.py",
    "number_words.py",
    "text.py",
    "matcher.py",
    "normalize.py",
    "lexicon.py",
    "scope.py",
    "participants.py",
    "actors.py",
    "model.py",
)


@dataclass
class RunResult:
    events: pd.DataFrame
    errors: list[ReadError] = field(default_factory=list)
    n_articles: int = 0
    n_duplicates: int = 0  # articles whose normalised text was already read in this run

    @property
    def n_events(self) -> int:
        return len(self.events)


def _hash_files(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def lexicon_fingerprint(folder: Path | None = None) -> str:
    """Changes whenever a lexicon, the gazetteer or an extraction rule changes."""
    folder = folder or data_dir()
    files = [p for sub in ("lexicons", "gazetteer") for p in (folder / sub).glob("*") if p.is_file()]
    here = Path(__file__).parent
    for name in _RULE_MODULES:  # a module, or a subpackage's modules
        files += sorted((here / name).glob("*.py")) if (here / name).is_dir() else [here / name]
    files += sorted((here / "gazetteer").glob("*.py"))  # the gazetteer's matching and filtering rules
    from timeline.gazetteer.user import user_gazetteer_path

    files.append(user_gazetteer_path())  # a researcher's imported places (hashed when the file exists)
    return _hash_files(files)


def check_article(article: Article, now: datetime | None = None) -> ReadError | None:
    """Why an article must be skipped, or None. (A missing date is reported by :func:`run`.)"""
    if not article.text.strip():
        return ReadError(article.source, "empty article text")
    if article.language not in {"ar", "en"}:
        lang = article.language or "unknown"
        return ReadError(article.source, f"language {lang!r} is not supported (Arabic and English only)")
    now = now or datetime.now()
    if article.published and article.published > now + timedelta(days=1):
        return ReadError(article.source, f"publication date {article.published:%Y-%m-%d} is in the future")
    return None


@dataclass(frozen=True)
class _Duplicate:
    source: str


def _events_of(
    articles: Iterable[Article | ReadError], resources: Resources
) -> Iterator[Event | ReadError | Article | _Duplicate]:
    seen: set[str] = set()
    for item in articles:
        if isinstance(item, ReadError):
            yield item
            continue
        problem = check_article(item)
        if problem is not None:
            yield problem
            continue
        if item.article_id in seen:
            yield _Duplicate(item.source)
            continue
        seen.add(item.article_id)
        if item.published is None:
            yield ReadError(item.source, "no publication date: only events with a date in the text are kept")
        note = long_sentence_note(item.text)
        if note:
            yield ReadError(item.source, note)
        try:
            yield from extract_article(item, resources)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            yield ReadError(item.source, f"extraction failed: {type(exc).__name__}: {exc}")
        yield item  # marks one article done (counted by the caller)


def run(
    paths: Iterable[str | Path],
    language: str | None = None,
    resources: Resources | None = None,
    on_progress: Callable[[int, int, int], None] | None = None,
    exclude: Iterable[str | Path | None] = (),
) -> RunResult:
    """Read and extract every article under ``paths`` (but not ``exclude``: the run's own output
    files); never raises for a bad input."""
    resources = resources or Resources.load()
    return _collect(iter_articles(paths, language=language, exclude=exclude), resources, on_progress)


def extract_uploads(files: list[tuple[str, bytes]], resources: Resources | None = None) -> RunResult:
    """The same, for files uploaded in the browser (name and content)."""
    resources = resources or Resources.load()

    def items() -> Iterator[Article | ReadError]:
        for name, data in files:
            yield from read_bytes(name, data)

    return _collect(items(), resources, None)


def _collect(
    items: Iterable[Article | ReadError],
    resources: Resources,
    on_progress: Callable[[int, int, int], None] | None,
) -> RunResult:
    events: list[Event] = []
    errors: list[ReadError] = []
    n_articles = n_duplicates = 0
    for x in _events_of(items, resources):
        if isinstance(x, Event):
            events.append(x)
            continue
        if isinstance(x, ReadError):
            errors.append(x)
        elif isinstance(x, _Duplicate):
            n_duplicates += 1
        else:
            n_articles += 1
        if on_progress is not None:
            on_progress(n_articles, len(events), len(errors))
    return RunResult(events_to_frame(events), errors, n_articles, n_duplicates)


def load_or_build_events(articles_dir: Path, cache_dir: Path) -> pd.DataFrame:
    """Events of every article under ``articles_dir``, cached on disk by content and rules.

    The cache key hashes the articles and the lexicons/rules, so a rebuild happens only when
    either changes.
    """
    articles_dir = Path(articles_dir)
    key = _hash_files(p for p in articles_dir.rglob("*") if p.is_file() and not p.name.startswith("."))
    key = hashlib.sha256(f"{key}:{lexicon_fingerprint()}".encode()).hexdigest()[:16]
    cache = Path(cache_dir) / f"events-{key}.parquet"
    if cache.exists():
        from timeline.table import read_events

        return read_events(cache)
    result = run([articles_dir])
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    result.events.to_parquet(tmp, index=False)
    tmp.replace(cache)
    return result.events
