"""One reader per format (txt, md, html, json, jsonl, csv, rss/atom), and sniffing a format from bytes."""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime

from timeline.model import Article, ReadError
from timeline.pubdate import parse_published
from timeline.readers.articles import (
    ALIASES,
    URL,
    finish_article,
    own_output,
    pick,
    row_article,
    split_header,
)
from timeline.readers.base import (
    HEAD_BYTES,
    MAX_JSON_FILE_BYTES,
    MAX_LINE_BYTES,
    MAX_SINGLE_FILE_BYTES,
    MAX_TEXT_BYTES,
    Input,
    Reject,
)
from timeline.readers.encodings import BOMS, LongLine, binary_kind, decode, text_lines
from timeline.readers.markup import (
    html_fragment_to_text,
    markdown_to_text,
    parse_html_page,
    split_front_matter,
)

SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


def _read_txt(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    title, published, body = split_header(decode(inp))
    yield finish_article(inp.name, body, title, published, "", language)


def _read_md(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    meta, body = split_front_matter(decode(inp))
    text = markdown_to_text(body)
    title = pick(meta, "title")
    # front matter "date" is often what the page is about (an infobox), pubDate is the publication
    published = parse_published(pick(meta, "published", ("pubdate", "published", "pub_date", "date")))
    if not title or published is None:
        found_title, found_date, text = split_header(text, find_title=not title)
        title, published = title or found_title, published or found_date
    yield finish_article(inp.name, text, title, published, pick(meta, "url"), language)


def _read_html(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    page = parse_html_page(decode(inp))
    if not page.text.strip():
        yield ReadError(inp.name, "HTML page has no article text (no body, or only navigation and scripts)")
        return
    published = parse_published(page.published)
    text = page.text
    if published is None:
        _, published, text = split_header(text, find_title=not page.title)
    yield finish_article(inp.name, text, page.title, published, page.url, language)


def _read_json(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    if inp.size > MAX_JSON_FILE_BYTES:
        raise Reject(
            f"JSON file is {inp.size / 2**20:.0f} MB; save it as JSONL (one article a line) to stream it"
        )
    text = decode(inp)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from _read_jsonl(inp, language)  # JSON lines saved as .json
            return
        raise Reject(
            f"invalid JSON: {e.msg} at line {e.lineno}, column {e.colno} (truncated file?)"
        ) from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        raise Reject("a GeoJSON file (events or places), not articles")
    first = data[0] if isinstance(data, list) and data else data
    if isinstance(first, dict) and own_output(first):
        raise Reject(str(own_output(first)))
    if isinstance(data, dict) and not pick(data, "text"):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:  # {"articles": [...]} as news APIs export
            data = lists[0]
    if isinstance(data, dict):
        art = row_article(data, inp.name, 1, language)
        if isinstance(art, Article):
            yield replace(art, source=inp.name, url=art.url or pick(data, "url"))
        else:
            yield ReadError(inp.name, art.reason.replace("row 1 has", "the JSON object has"))
    elif isinstance(data, list):
        if not data:
            raise Reject("JSON list is empty")
        for n, row in enumerate(data, 1):
            if isinstance(row, dict):
                yield row_article(row, inp.name, n, language)
            else:
                yield ReadError(f"{inp.name}#{n}", f"item {n} is a {type(row).__name__}, not an object")
    else:
        raise Reject(f"JSON holds a {type(data).__name__}, not an article object or a list of them")


def _read_jsonl(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    count = 0
    for n, line in enumerate(text_lines(inp, MAX_LINE_BYTES), 1):
        if isinstance(line, LongLine):
            count += 1
            yield ReadError(f"{inp.name}#{n}", _long_line(f"line {n}", line))
            continue
        if not line.strip():
            continue
        count += 1
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(f"{inp.name}#{n}", f"invalid JSON on line {n}: {e.msg} (column {e.colno})")
            continue
        except RecursionError:
            yield ReadError(f"{inp.name}#{n}", f"line {n} is nested too deeply")
            continue
        if count == 1 and isinstance(row, dict) and own_output(row):
            raise Reject(str(own_output(row)))
        if isinstance(row, dict):
            yield row_article(row, inp.name, n, language)
        else:
            yield ReadError(f"{inp.name}#{n}", f"line {n} is a {type(row).__name__}, not an object")
    if count == 0:
        raise Reject("empty file (no JSON lines)")


def _delimiter(header: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _universal_newlines(lines: Iterable[str]) -> Iterator[str]:
    """Lines ending in \\n only: old Mac \\r line ends would stop the csv module."""
    for line in lines:
        if "\r" in line:
            yield from line.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True)
        else:
            yield line


def _long_line(what: str, line: LongLine) -> str:
    return (
        f"{what} is {line.size / 2**20:.1f} MB, over the {MAX_TEXT_BYTES // 2**20} MB limit of an article; "
        "skipped without reading it"
    )


class _CsvFeed:
    """Lines for the csv module; remembers a LongLine (which csv reads as an empty row)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.long: LongLine | None = None

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            if isinstance(line, LongLine):
                self.long = line
            yield line

    def take_long(self) -> LongLine | None:
        long, self.long = self.long, None
        return long


def _read_csv(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    lines = _universal_newlines(text_lines(inp, MAX_LINE_BYTES))
    first = next(lines, "")
    # article bodies exceed the csv module's 128 KB default; a field over the line limit (quoted over
    # several lines) stops the file with a csv.Error, reported below
    csv.field_size_limit(MAX_LINE_BYTES)
    feed = _CsvFeed(itertools.chain([first], lines))
    reader = csv.reader(feed, delimiter=_delimiter(first, inp.suffix))
    n = 0
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
        long = feed.take_long()
        if long is not None:
            raise Reject(_long_line("the CSV header line", long))
        if own_output(header):
            raise Reject(str(own_output(header)))
        if not {h.lower() for h in header} & set(ALIASES["text"]):
            shown = ", ".join(header[:12]) or "none"
            expected = ", ".join(ALIASES["text"][:5])
            raise Reject(f"CSV has no text column (columns: {shown}; expected one of {expected})")
        for n, values in enumerate(reader, 1):
            long = feed.take_long()
            if long is not None:
                yield ReadError(f"{inp.name}#{n}", _long_line(f"row {n}", long))
                continue
            if not any(v.strip() for v in values):
                continue
            yield row_article(dict(zip(header, values, strict=False)), inp.name, n, language)
    except csv.Error as e:
        where = f"after row {n}; the rest of the file was skipped" if n else "in the header"
        yield ReadError(f"{inp.name}#{n + 1}" if n else inp.name, f"CSV error {where}: {e}")


def _read_feed(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    import feedparser  # type: ignore[import-untyped]

    if inp.size > MAX_JSON_FILE_BYTES:
        raise Reject(f"feed is {inp.size / 2**20:.0f} MB, over the {MAX_JSON_FILE_BYTES // 2**20} MB limit")
    data = inp.read()
    kind = binary_kind(data[:HEAD_BYTES])
    if kind:
        raise Reject(f"binary file ({kind}), not text")
    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo"):
            reason = " ".join(str(feed.get("bozo_exception", "parse error")).split())[:150]
            raise Reject(f"not a readable RSS/Atom feed ({reason})")
        raise Reject("feed has no items")
    for n, entry in enumerate(feed.entries, 1):
        link = entry.get("link") or ""
        source = link if URL.match(link) else f"{inp.name}#{n}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary") or entry.get("description") or ""
        text = html_fragment_to_text(body) if body else ""
        title = html_fragment_to_text(entry.get("title") or "").strip()
        published = parse_published(entry.get("published") or entry.get("updated") or "")
        if published is None and entry.get("published_parsed"):
            published = datetime(*entry["published_parsed"][:6])
        if not text.strip() and not title:
            yield ReadError(source, f"feed item {n} has neither title nor text")
            continue
        yield finish_article(source, text if text.strip() else title, title, published, link, language)


def sniff(head: bytes) -> str | None:
    """The format of an input with an unknown suffix, from its first bytes."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            head = head[len(bom) :].decode(codec, "replace").encode("utf-8", "replace")
            break
    start = head.lstrip()[:1024].lower()
    if start.startswith((b"{", b"[")):
        return "json"
    if start.startswith(b"<"):
        if re.search(rb"<(rss|feed|rdf:rdf)\b", start):
            return "feed"
        if re.search(rb"<(!doctype html|html|head|body|article|div|p)\b", start):
            return "html"
    return None


_READERS = {
    "txt": _read_txt,
    "md": _read_md,
    "html": _read_html,
    "json": _read_json,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "feed": _read_feed,
}


def dispatch(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    if inp.size == 0:
        raise Reject("empty file")
    fmt = SUFFIX_FORMATS.get(inp.suffix)
    if fmt in ("txt", "md", "html") and inp.size > MAX_SINGLE_FILE_BYTES:  # refused before reading
        raise Reject(
            f"article text is {inp.size / 2**20:.1f} MB, over the {MAX_TEXT_BYTES // 2**20} MB limit"
        )
    head = inp.head()
    kind = binary_kind(head)
    if kind:
        raise Reject(f"binary file ({kind}), not text")
    sniffed = sniff(head)
    if fmt is None or (fmt == "feed" and sniffed in ("html", "json")):
        fmt = sniffed  # unknown suffix, or an .xml that is really a page or JSON
    if fmt is None:
        raise Reject(
            f"unsupported format ({inp.suffix or 'no suffix'}): not txt, md, html, json, jsonl, csv or rss/atom"
        )
    if fmt in ("txt", "md", "html") and inp.size > MAX_SINGLE_FILE_BYTES:
        raise Reject(
            f"article text is {inp.size / 2**20:.1f} MB, over the {MAX_TEXT_BYTES // 2**20} MB limit"
        )
    yield from _READERS[fmt](inp, language)
