"""From decoded text or a record to an :class:`Article`: header (title, date, byline), source, checks."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from timeline.boilerplate import is_byline, strip_boilerplate, word_count
from timeline.model import Article, ReadError
from timeline.normalize import detect_language
from timeline.pubdate import leading_date, parse_published
from timeline.readers.base import MAX_TEXT_BYTES, Reject
from timeline.readers.encodings import check_garbled
from timeline.readers.markup import html_fragment_to_text

_BYLINE_SEARCH_LINES = 6
_MAX_TITLE_WORDS = 30


#: Column / key aliases, first found wins (matched case-insensitively).
ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "content",
        "article_content",
        "body",
        "article_text",
        "full_text",
        "article",
        "description",
    ),
    "title": ("title", "article_title", "headline", "subject"),
    "published": (
        "published",
        "date",
        "pubdate",
        "pub_date",
        "published_at",
        "publishedat",
        "created_utc_from_tweet_id",
        "created_at",
        "datetime",
        "timestamp",
    ),
    "url": ("url", "link", "href", "article_url"),
    "source": ("source",),
    "id": ("id", "unit_id", "article_id", "doc_id", "tweet_id"),
}


URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.IGNORECASE)
_PATHLIKE = re.compile(r"^[^\s/\\]*[/\\][^\s]*$")  # the first part holds no slash: no backtracking
HTML_HINT = re.compile(r"<(?:p|div|br|a|span|strong|em|h[1-6]|ul|li|article|img)\b[^<>]*>", re.IGNORECASE)


def too_big(text: str) -> str | None:
    if len(text) * 4 <= MAX_TEXT_BYTES:
        return None
    size = len(text.encode("utf-8", "replace"))
    if size <= MAX_TEXT_BYTES:
        return None
    return f"article text is {size / 2**20:.1f} MB, over the {MAX_TEXT_BYTES // 2**20} MB limit"


def finish_article(
    source: str, text: str, title: str, published: datetime | None, url: str, language: str | None
) -> Article | ReadError:
    """Drop boilerplate and a repeated title, check size, set the language; one place for all formats."""
    problem = too_big(text)
    if problem:
        return ReadError(source, problem)
    try:
        check_garbled(text)
    except Reject as e:
        return ReadError(source, str(e))
    body = strip_boilerplate(text)
    if title:  # a title repeated as the first line goes, unless it is all there is (headline-only rows)
        lines = body.split("\n", 1)
        if len(lines) > 1 and " ".join(lines[0].split()) == " ".join(title.split()) and lines[1].strip():
            body = lines[1].lstrip("\n")
    if not body.strip():
        return ReadError(source, "no article text (empty after removing title, byline and link lists)")
    lang = language if language is not None else detect_language(f"{title}\n{body}")
    return Article(source=source, text=body, title=title.strip(), published=published, language=lang, url=url)


def split_header(text: str, find_title: bool = True) -> tuple[str, datetime | None, str]:
    """(title, published, rest) of a plain-text article: a leading date, a title line, a byline."""
    published = None
    lead = leading_date(text)
    if lead is not None:
        published = lead.value
        text = text[lead.end :].lstrip(" \t.,:-–|")
    lines = text.splitlines()
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    title = ""
    if find_title and len(nonempty) > 1:
        first = lines[nonempty[0]].strip()
        if word_count(first) <= _MAX_TITLE_WORDS and not is_byline(first):
            title = first
            lines[nonempty[0]] = ""
            nonempty = nonempty[1:]
    if published is None:
        for i in nonempty[:_BYLINE_SEARCH_LINES]:
            if is_byline(lines[i]):
                published = parse_published(lines[i])
                lines[i] = ""
                break
    return title, published, "\n".join(lines).strip("\n")


def pick(row: dict[str, Any], role: str, aliases: tuple[str, ...] = ()) -> str:
    """The first non-empty value of a role's aliases, as text (lists of strings become paragraphs)."""
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    for alias in aliases or ALIASES.get(role, (role,)):
        value = lowered.get(alias)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value)
        if value is None or isinstance(value, dict | list):
            continue
        text = str(value).strip()
        if text:
            return text
    return ""


def own_output(keys: Any) -> str | None:
    """Why a file whose records have these keys is timeline's own output, not articles, or None."""
    lowered = {str(k).strip().lower() for k in keys}
    if {"event_id", "evidence"} <= lowered:
        return "an event file written by timeline (event_id, evidence columns), not articles"
    if lowered == {"source", "reason"}:
        return "an error report written by timeline (source, reason), not articles"
    return None


def row_source(row: dict[str, Any], file_name: str, n: int) -> tuple[str, str]:
    """(source, url) of a row under the rule in the module docstring."""
    url = pick(row, "url")
    if url:
        return url, url if URL.match(url) else ""
    src = pick(row, "source")
    if src and (URL.match(src) or _PATHLIKE.match(src)):
        return src, src if URL.match(src) else ""
    rid = pick(row, "id")
    return (f"{file_name}#{rid}" if rid else f"{file_name}#{n}"), ""


def row_article(row: dict[str, Any], file_name: str, n: int, language: str | None) -> Article | ReadError:
    """One record of a JSON list, JSONL or CSV file as an article."""
    source, url = row_source(row, file_name, n)
    text = pick(row, "text")
    if not text:
        return ReadError(source, f"row {n} has no text (looked for {', '.join(ALIASES['text'][:4])})")
    if too_big(text):
        return ReadError(source, str(too_big(text)))
    if HTML_HINT.search(text):
        text = html_fragment_to_text(text)
    published = parse_published(pick(row, "published"))
    lead = leading_date(text, pick(row, "title"))
    if lead is not None:
        text = text[lead.end :].lstrip(" \t.,:-–|")
        published = published or lead.value
    return finish_article(source, text, pick(row, "title"), published, url, language)
