"""Where a store's review log lives, and the reviewed view of a store (the I/O edge of the package).

The log lives beside the events it reviews: ``DIR/_reviews.sqlite`` for a store folder (``timeline extract
--store DIR``), ``FILE.reviews.sqlite`` next to an event file, and ``ARTICLES.reviews.sqlite`` next to the
articles folder the dashboard builds its events from when it is given no events (by default
``data/articles.reviews.sqlite``). ``TIMELINE_REVIEWS`` names another file.
"""

from __future__ import annotations

import os
from pathlib import Path

from timeline.review.apply import ReviewedView, apply_reviews
from timeline.review.log import ReviewLog


def log_for(events: str | Path | None, articles: str | Path | None = None) -> ReviewLog:
    """The review log of an event store or file (``events``), else of the events built from ``articles``
    (the dashboard's default store when both are None)."""
    env = os.environ.get("TIMELINE_REVIEWS")
    if env:
        return ReviewLog(env)
    if events is not None:
        return ReviewLog.beside(events)
    if articles is None:
        from timeline.serve import app_config

        cfg = app_config([])
        if cfg.events is not None:
            return ReviewLog.beside(cfg.events)
        articles = cfg.articles
    a = Path(articles)
    return ReviewLog(a.with_name(a.name + ".reviews.sqlite"))


def reviewed_store(events: str | Path | None) -> tuple[ReviewLog, ReviewedView]:
    """The log and the reviewed view of a store (or, with None, of the dashboard's default events)."""
    from timeline.serve import app_config, load_events

    cfg = app_config(["--events", str(events)] if events is not None else [])
    log = log_for(cfg.events, cfg.articles)
    return log, apply_reviews(load_events(cfg), log.reviews())
