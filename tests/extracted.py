"""Events of one article written for a test: the helper the extraction tests share (importable from the tests folder)."""

from __future__ import annotations

from datetime import datetime

from timeline.extract import Resources, extract_article
from timeline.model import Article


def article_rows(
    res: Resources, text: str, pub: datetime, title: str = "", lang: str | None = None
) -> list[dict]:
    """The event rows (:meth:`timeline.model.Event.to_row`) of ``text`` published at ``pub``, in text order.

    ``lang`` defaults to English when the first 30 characters are ASCII, else Arabic (the articles of the tests open
    in their language).
    """
    if lang is None:
        lang = "en" if text[:30].isascii() else "ar"
    return [e.to_row() for e in extract_article(Article("t.txt", text, title, pub, lang), res)]
