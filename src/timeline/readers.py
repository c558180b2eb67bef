"""Read articles from files, folders or uploaded bytes: txt, md, html, json, jsonl, csv, rss/atom.

Every input yields :class:`Article` records or a :class:`ReadError` with a one-line reason; nothing
raises out of :func:`iter_articles` or :func:`read_bytes`, so one bad file never stops a batch.

Sources (the ``source`` of an article, shown to the researcher and used to click through):

* a txt/md/html file or a single-object ``.json``: the path as given (a file found in a folder is
  the folder as given joined with its relative path); uploads: the file name;
* a row of a JSON list, JSONL or CSV: its ``url`` (or ``link``); else its ``source`` column if that is
  a URL or a path; else ``FILE#ID`` with the row's ``id`` column (FA-KES rows: ``fakes.csv#1914947530``,
  as FA-KES' ``source`` is an outlet name like "nna", not a locator); else ``FILE#N``, N the 1-based
  row (JSONL: line) number;
* a feed item: its link, else ``FILE#N``.

Decoding: BOM first, then UTF-8 (line by line, so a few stray bytes in a big UTF-8 file cost only
those bytes), then detection (charset-normalizer) for legacy encodings such as Windows-1256.
JSONL and CSV are streamed row by row; txt/md/html over 40 MB are refused without being read.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from timeline.boilerplate import is_byline, strip_boilerplate, word_count
from timeline.model import Article, ReadError
from timeline.normalize import detect_language
from timeline.pubdate import leading_date, parse_published

MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_SINGLE_FILE_BYTES = 4 * MAX_TEXT_BYTES  # a txt/md/html file this big cannot hold < 10 MB of text
MAX_JSON_FILE_BYTES = 256 * 1024 * 1024
HEAD_BYTES = 64 * 1024
_BYLINE_SEARCH_LINES = 6
_MAX_TITLE_WORDS = 30

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

_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"\x7fELF", "executable"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ARABIC = re.compile(r"[\u0621-\u064a]")
_BAD_CHARS = re.compile(r"[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f]")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.IGNORECASE)
_PATHLIKE = re.compile(r"^[^\s]*[/\\][^\s]*$")
_HTML_HINT = re.compile(r"<(?:p|div|br|a|span|strong|em|h[1-6]|ul|li|article|img)\b[^>]*>", re.IGNORECASE)


class Reject(Exception):
    """An input that cannot be read; its message is the one-line reason of the ReadError."""


@dataclass(frozen=True)
class _Input:
    """A file or an upload: a name for ``source``, a suffix and a way to open its bytes."""

    name: str
    suffix: str
    size: int
    open: Callable[[], IO[bytes]]

    def read(self) -> bytes:
        with self.open() as fh:
            return fh.read()

    def head(self) -> bytes:
        with self.open() as fh:
            return fh.read(HEAD_BYTES)


# ---------------------------------------------------------------------------------------- decoding


def binary_kind(head: bytes) -> str | None:
    """What a binary file is ("PNG image", "binary data"), or None for text (UTF-16/32 count as text)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head and _nul_text_codec(head) is None:
        return "binary data (NUL bytes)"
    return None


def _nul_text_codec(head: bytes) -> str | None:
    """UTF-16/32 without a BOM: one byte of each pair takes few values (0 for ASCII, 6 for Arabic...)."""
    sample = head[:4096]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 4 or 0 not in sample:
        return None
    quarter = len(sample) // 4
    if sample[2::4].count(0) + sample[3::4].count(0) > 1.8 * quarter and sample[0::4].count(0) < quarter / 10:
        return "utf-32-le"
    for high_start, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        high, low = sample[high_start::2], sample[1 - high_start :: 2]
        top = sorted((high.count(b) for b in set(high)), reverse=True)[:3]
        if 0 in high and sum(top) >= 0.9 * len(high) and low.count(0) < 0.05 * len(low):
            return codec
    return None


def _looks_arabic(text: str) -> bool:
    """Most non-ASCII characters are Arabic letters (the test for a Windows-1256 reading)."""
    non_ascii = [c for c in text if ord(c) > 127 and not c.isspace()]
    return bool(non_ascii) and len(_ARABIC.findall(text)) >= 0.6 * len(non_ascii)


def _legacy_codec(sample: bytes) -> str:
    """A single-byte encoding for bytes that are not UTF-8: charset-normalizer, then cp1256/cp1252."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample[:HEAD_BYTES]).best()
        if best is not None and best.encoding and not best.encoding.startswith("utf_8"):
            return best.encoding
    except Exception:  # noqa: BLE001 - detection is a best effort; fall back below
        pass
    return "cp1256" if _looks_arabic(sample.decode("cp1256", "replace")) else "cp1252"


def _mostly_utf8(data: bytes) -> bool:
    """More valid UTF-8 multi-byte characters than invalid bytes: a UTF-8 text with stray bytes."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    return good >= bad


def _fallback_line(raw: bytes) -> str:
    """A line that is not UTF-8 inside a UTF-8 file: Windows-1256 if that reads as Arabic, else replace."""
    arabic = raw.decode("cp1256", "replace")
    return arabic if _looks_arabic(arabic) else raw.decode("utf-8", "replace")


def text_lines(inp: _Input) -> Iterator[str]:
    """The decoded lines of ``inp`` (line ends kept), streamed; raises Reject for binary or empty input."""
    head = inp.head()
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise Reject("empty file" if not head else "empty file (only whitespace)")
    kind = binary_kind(head)
    if kind:
        raise Reject(f"binary file ({kind}), not text")
    codec = next((c for bom, c in _BOMS if head.startswith(bom)), None) or _nul_text_codec(head)
    if codec and codec != "utf-8-sig":
        with (
            inp.open() as stream,
            io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="") as fh,
        ):
            yield from fh
        return
    if codec is None and not _head_is_utf8(head) and not _mostly_utf8(head):
        codec = _legacy_codec(head)
    with inp.open() as binary:
        first = True
        for raw in binary:
            if first and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            first = False
            if codec in (None, "utf-8-sig"):
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield _fallback_line(raw)
            else:
                yield raw.decode(codec, "replace")


def _head_is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as e:
        return e.start >= len(head) - 3  # a character cut by the end of the sample


def decode(inp: _Input) -> str:
    """The whole text of ``inp``; Reject when it is binary, empty or mostly undecodable."""
    text = "".join(text_lines(inp))
    check_garbled(text)
    if not text.strip():
        raise Reject("empty file (only whitespace)")
    return text


def check_garbled(text: str) -> None:
    """Reject text where over 10% of characters are replacement or control characters."""
    if not text:
        return
    bad = len(_BAD_CHARS.findall(text))
    if bad and bad > 0.1 * len(text):
        raise Reject(
            f"text is garbled: {100 * bad / len(text):.0f}% of characters could not be decoded "
            "(binary data, or mixed or unknown encodings)"
        )


def _too_big(text: str) -> str | None:
    if len(text) * 4 <= MAX_TEXT_BYTES:
        return None
    size = len(text.encode("utf-8", "replace"))
    if size <= MAX_TEXT_BYTES:
        return None
    return f"article text is {size / 2**20:.1f} MB, over the {MAX_TEXT_BYTES // 2**20} MB limit"


# ---------------------------------------------------------------------------------------- articles


def _finish(
    source: str, text: str, title: str, published: datetime | None, url: str, language: str | None
) -> Article | ReadError:
    """Drop boilerplate and a repeated title, check size, set the language; one place for all formats."""
    problem = _too_big(text)
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


def _read_txt(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
    title, published, body = split_header(decode(inp))
    yield _finish(inp.name, body, title, published, "", language)


def _read_md(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
    meta, body = split_front_matter(decode(inp))
    text = markdown_to_text(body)
    title = _pick(meta, "title")
    # front matter "date" is often what the page is about (an infobox), pubDate is the publication
    published = parse_published(_pick(meta, "published", ("pubdate", "published", "pub_date", "date")))
    if not title or published is None:
        found_title, found_date, text = split_header(text, find_title=not title)
        title, published = title or found_title, published or found_date
    yield _finish(inp.name, text, title, published, _pick(meta, "url"), language)


def _read_html(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
    page = parse_html_page(decode(inp))
    if not page.text.strip():
        yield ReadError(inp.name, "HTML page has no article text (no body, or only navigation and scripts)")
        return
    published = parse_published(page.published)
    text = page.text
    if published is None:
        _, published, text = split_header(text, find_title=not page.title)
    yield _finish(inp.name, text, page.title, published, page.url, language)


def _pick(row: dict[str, Any], role: str, aliases: tuple[str, ...] = ()) -> str:
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


def row_source(row: dict[str, Any], file_name: str, n: int) -> tuple[str, str]:
    """(source, url) of a row under the rule in the module docstring."""
    url = _pick(row, "url")
    if url:
        return url, url if _URL.match(url) else ""
    src = _pick(row, "source")
    if src and (_URL.match(src) or _PATHLIKE.match(src)):
        return src, src if _URL.match(src) else ""
    rid = _pick(row, "id")
    return (f"{file_name}#{rid}" if rid else f"{file_name}#{n}"), ""


def row_article(row: dict[str, Any], file_name: str, n: int, language: str | None) -> Article | ReadError:
    """One record of a JSON list, JSONL or CSV file as an article."""
    source, url = row_source(row, file_name, n)
    text = _pick(row, "text")
    if not text:
        return ReadError(source, f"row {n} has no text (looked for {', '.join(ALIASES['text'][:4])})")
    if _too_big(text):
        return ReadError(source, str(_too_big(text)))
    if _HTML_HINT.search(text):
        text = html_fragment_to_text(text)
    published = parse_published(_pick(row, "published"))
    lead = leading_date(text, _pick(row, "title"))
    if lead is not None:
        text = text[lead.end :].lstrip(" \t.,:-–|")
        published = published or lead.value
    return _finish(source, text, _pick(row, "title"), published, url, language)


def _read_json(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
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
    if isinstance(data, dict) and not _pick(data, "text"):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:  # {"articles": [...]} as news APIs export
            data = lists[0]
    if isinstance(data, dict):
        art = row_article(data, inp.name, 1, language)
        if isinstance(art, Article):
            yield replace(art, source=inp.name, url=art.url or _pick(data, "url"))
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


def _read_jsonl(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
    count = 0
    for n, line in enumerate(text_lines(inp), 1):
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


def _read_csv(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
    lines = _universal_newlines(text_lines(inp))
    first = next(lines, "")
    csv.field_size_limit(2**31 - 1)  # article bodies exceed the 128 KB default; size is checked per row
    reader = csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first, inp.suffix))
    n = 0
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
        if not {h.lower() for h in header} & set(ALIASES["text"]):
            shown = ", ".join(header[:12]) or "none"
            expected = ", ".join(ALIASES["text"][:5])
            raise Reject(f"CSV has no text column (columns: {shown}; expected one of {expected})")
        for n, values in enumerate(reader, 1):
            if not any(v.strip() for v in values):
                continue
            yield row_article(dict(zip(header, values, strict=False)), inp.name, n, language)
    except csv.Error as e:
        where = f"after row {n}; the rest of the file was skipped" if n else "in the header"
        yield ReadError(f"{inp.name}#{n + 1}" if n else inp.name, f"CSV error {where}: {e}")


def _read_feed(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
    import feedparser  # type: ignore[import-untyped]

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
        source = link if _URL.match(link) else f"{inp.name}#{n}"
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
        yield _finish(source, text if text.strip() else title, title, published, link, language)


def sniff(head: bytes) -> str | None:
    """The format of an input with an unknown suffix, from its first bytes."""
    for bom, codec in _BOMS:
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


def _dispatch(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
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


def _one_line(text: str, limit: int = 240) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _read_input(inp: _Input, language: str | None) -> Iterator[Article | ReadError]:
    """Run the reader of ``inp``, turning any failure into a ReadError so the batch goes on."""
    try:
        n = 0
        for item in _dispatch(inp, language):
            n += 1
            yield item if isinstance(item, Article) else ReadError(item.source, _one_line(item.reason))
        if n == 0:  # e.g. a CSV with a header and no rows: say so rather than stay silent
            yield ReadError(inp.name, "no article found in the file")
    except Reject as e:
        yield ReadError(inp.name, _one_line(str(e)))
    except OSError as e:
        yield ReadError(inp.name, _one_line(f"cannot read: {e.strerror or e}"))
    except MemoryError:
        yield ReadError(inp.name, "out of memory while reading")
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop the batch; say what happened
        yield ReadError(inp.name, _one_line(f"could not read ({type(e).__name__}: {e})"))


def _file_input(path: Path, name: str) -> _Input:
    return _Input(name, path.suffix.lower(), path.stat().st_size, lambda: open(path, "rb"))


#: A folder's own documentation (README, ATTRIBUTION, LICENSE ...) is not an article.
_DOC_FILE = re.compile(r"^(readme|attribution|licen[cs]e|copying|changelog|notice|citation)([._-].*)?$", re.I)


def _walk(root: Path) -> tuple[list[Path], list[ReadError]]:
    """Files under ``root`` in sorted order, skipping hidden files and folders and the folder's
    documentation files (README, ATTRIBUTION ...; a file named explicitly is still read)."""
    errors: list[ReadError] = []
    found: list[Path] = []

    def on_error(e: OSError) -> None:
        errors.append(ReadError(str(e.filename or root), f"cannot list folder: {e.strerror or e}"))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder) / f for f in files if not f.startswith(".") and not _DOC_FILE.match(f))
    found.sort(key=lambda p: p.relative_to(root).parts)
    return found, errors


def iter_articles(paths: Iterable[str | Path], language: str | None = None) -> Iterator[Article | ReadError]:
    """Articles from files and folders (recursive, sorted, hidden files skipped), in order.

    ``language`` forces the language of every article; None detects it ('' when unknown).
    """
    for given in paths:
        name = str(given)
        try:
            path = Path(given)
            if path.is_dir():
                files, errors = _walk(path)
                yield from errors
                for f in files:
                    try:
                        inp = _file_input(f, str(f))
                    except OSError as e:
                        yield ReadError(str(f), _one_line(f"cannot read: {e.strerror or e}"))
                        continue
                    yield from _read_input(inp, language)
            elif path.is_file():
                yield from _read_input(_file_input(path, name), language)
            elif path.exists():
                yield ReadError(name, "not a regular file or folder")
            else:
                yield ReadError(name, "no such file or folder")
        except OSError as e:
            yield ReadError(name, _one_line(f"cannot read: {e.strerror or e}"))
        except Exception as e:  # noqa: BLE001 - never raise out of the batch
            yield ReadError(name, _one_line(f"could not read ({type(e).__name__}: {e})"))


def read_bytes(name: str, data: bytes, language: str | None = None) -> Iterator[Article | ReadError]:
    """Articles from an upload (the browser gives a file name and bytes); format by the name's suffix."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    payload = bytes(data or b"")
    inp = _Input(str(name), Path(str(name)).suffix.lower(), len(payload), lambda: io.BytesIO(payload))
    yield from _read_input(inp, language)


def read_articles(
    paths: Iterable[str | Path], language: str | None = None
) -> tuple[list[Article], list[ReadError]]:
    """All articles and all errors of ``paths`` as two lists (convenience over :func:`iter_articles`)."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in iter_articles(paths, language):
        if isinstance(item, Article):
            articles.append(item)
        else:
            errors.append(item)
    return articles, errors


# ------------------------------------------------------------------------------------------ markup

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_YAML_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (
        re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE),
        "",
    ),  # table rules
    (re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]+[^ \t\n]+.*$", re.MULTILINE), ""),  # reference definitions
    (
        re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE),
        r"\n\1\n",
    ),  # headings: own paragraph
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*[*+\-•][ \t]+", re.MULTILINE), ""),  # bullets
    (re.compile(r"!\[[^\]\[\n]{0,500}\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}\)"), ""),  # images
    (
        re.compile(
            r"\[([^\]\[\n]{0,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
        ),
        r"\1",
    ),
    (
        re.compile(
            r"\[(?:\^?\d{1,4}|\^\w{1,20}|[a-z]|note \d{1,4}|[a-z ]{1,40} needed|when\?|who\?|\d{1,4}[a-z]?|)\]"
        ),
        "",
    ),
    (re.compile(r"\[([^\]\[\n]{1,500})\]\[[^\]\[\n]{0,100}\]"), r"\1"),  # [text][ref]
    (re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),  # _italic_
    (re.compile(r"`([^`\n]{0,300})`"), r"\1"),  # inline code
    (re.compile(r"</?[a-zA-Z][^<>\n]{0,500}>"), " "),  # inline HTML tags
    (
        re.compile(r"^[ \t]*\|[ \t]*(.*?)[ \t]*\|[ \t]*$", re.MULTILINE),
        r"\1",
    ),  # table rows: cells stay, split by |
    (re.compile(r"[ \t]+$", re.MULTILINE), ""),
    (re.compile(r"\n{3,}"), "\n\n"),
)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (``---`` block at the top, all values as strings) and the Markdown after it."""
    m = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not m:
        return {}, text
    block, body = m.group(1), text.lstrip("\ufeff")[m.end() :]
    meta: dict[str, Any] = {}
    try:
        import yaml  # type: ignore[import-untyped]  # PyYAML comes with dask; fallback below

        loaded = yaml.load(block, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
        if isinstance(loaded, dict):
            meta = loaded
    except Exception:  # noqa: BLE001 - malformed front matter: keep the simple reading
        for line in block.splitlines():
            kv = _YAML_LINE.match(line)
            if kv:
                meta[kv.group(1)] = kv.group(2).strip("\"'")
    return meta, body


def markdown_to_text(markdown: str) -> str:
    """Markdown as plain sentences: links become their text, marks, images and reference markers go."""
    text = markdown
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text.strip("\n")


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "nav",
    "aside",
    "footer",
    "object",
    "embed",
    "head",
)
_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
)
_BOILER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:related|share|sharing|social|comments?|breadcrumbs?|newsletter|promo|adverts?|advertisement"
    r"|ads?|sidebar|widget|menu|navbar|nav|footer|masthead|tags|read-?more|recommended|most-?read|popular"
    r"|subscribe|cookies?|outbrain|taboola)(?:$|[\s_-])",
    re.IGNORECASE,
)
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)


@dataclass(frozen=True)
class HtmlPage:
    """What a news page gives: title, a published date string, canonical url and the body text."""

    title: str
    published: str
    url: str
    text: str


def _soup(html: str) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml")


_PARAGRAPH, _LINE = "\u2029", "\u2028"
_MAX_PARAGRAPHS = 2000  # enough for any article; bounds the work on pathological nesting
_HTML_SPACE = re.compile(r"[ \t\r\n\f\v\xa0]+")


def _element_text(element: Any) -> str:
    """Text of an element with one line per paragraph (block elements), inline links kept in place."""
    from bs4.element import PreformattedString

    parts: list[str] = []
    stack: list[Any] = [element]
    while stack:  # depth-first without recursion: pages can nest thousands deep
        node = stack.pop()
        if isinstance(node, str):
            if not isinstance(node, PreformattedString):
                parts.append(str(node))
            continue
        if node.name == "br":
            parts.append(_LINE)
            continue
        block = node.name in _BLOCK_TAGS
        if block:
            parts.append(_PARAGRAPH)
            stack.append(_PARAGRAPH)
        stack.extend(reversed(node.contents))
    text = _HTML_SPACE.sub(" ", "".join(parts)).replace(_PARAGRAPH, "\n\n").replace(_LINE, "\n")
    lines = (line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's description, a JSON field holding HTML)."""
    soup = _soup(html)
    for tag in soup.find_all(("script", "style", "noscript", "template")):
        tag.decompose()
    return _element_text(soup)


def _meta(soup: Any, *names: str) -> str:
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        if key in names and (tag.get("content") or "").strip():
            return str(tag["content"]).strip()
    return ""


def _json_ld_date(soup: Any) -> str:
    for script in soup.find_all("script", type="application/ld+json"):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.get_text() or "")
        if match:
            return match.group(1)
    return ""


def _is_boiler_block(tag: Any) -> bool:
    if tag.name in ("html", "body", "article", "main") or tag.get("itemprop") == "articleBody":
        return False
    attrs = " ".join([*(tag.get("class") or []), str(tag.get("id") or ""), str(tag.get("role") or "")])
    return bool(attrs.strip()) and bool(_BOILER_CLASS.search(attrs))


def _main_container(soup: Any) -> Any:
    """The element that holds the story: articleBody, the largest <article>, <main>, or the densest block."""
    body = soup.find(attrs={"itemprop": "articleBody"})
    if body is not None:
        return body
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    scores: dict[int, tuple[Any, int]] = {}  # by id(): hashing a bs4 Tag serialises its whole subtree
    for p in soup.find_all("p", limit=_MAX_PARAGRAPHS):
        if p.parent is not None:
            parent, score = scores.get(id(p.parent), (p.parent, 0))
            scores[id(p.parent)] = (parent, score + len(p.get_text()))
    best, best_score = None, 0
    for parent, score in scores.values():
        if score > best_score:
            best, best_score = parent, score
    return best if best is not None else (soup.body or soup)


def parse_html_page(html: str) -> HtmlPage:
    """Title, date, url and main text of a news page, without navigation, asides, footers, related blocks."""
    soup = _soup(html)
    title = _meta(soup, "og:title", "twitter:title")
    published = _meta(soup, *_PUBLISHED_META) or _json_ld_date(soup)
    url = _meta(soup, "og:url")
    if not url:
        canonical = soup.find("link", rel="canonical")
        url = str(canonical.get("href") or "") if canonical is not None else ""
    if not published:
        stamp = soup.find(attrs={"itemprop": "datePublished"}) or soup.find("time")
        if stamp is not None:
            published = str(stamp.get("datetime") or stamp.get("content") or stamp.get_text() or "")
    if not title:
        h1 = soup.find("h1")
        title_tag = soup.find("title")
        title = (h1 or title_tag).get_text(" ", strip=True) if (h1 or title_tag) is not None else ""
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all("header"):
        if tag.find_parent("article") is None:
            tag.decompose()
    total = len(soup.get_text())
    for tag in soup.find_all(True):
        if getattr(tag, "decomposed", False) or not _is_boiler_block(tag):
            continue
        holds_story = tag.find(("article", "main")) or tag.find(attrs={"itemprop": "articleBody"})
        if not holds_story and len(tag.get_text()) < 0.5 * total:
            tag.decompose()
    return HtmlPage(" ".join(title.split()), published, url, _element_text(_main_container(soup)))
