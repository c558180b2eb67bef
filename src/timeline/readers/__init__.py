"""Read articles from files, folders or uploaded bytes: txt, md, html, json, jsonl, csv, rss/atom.

Every input yields :class:`~timeline.model.Article` records or a :class:`~timeline.model.ReadError`
with a one-line reason; nothing raises out of :func:`iter_articles` or :func:`read_bytes`, so one bad
file never stops a batch.

Sources (the ``source`` of an article, shown to the researcher and used to click through):

* a txt/md/html file or a single-object ``.json``: the path as given (a file found in a folder is
  the folder as given joined with its relative path); uploads: the file name;
* a row of a JSON list, JSONL or CSV: its ``url`` (or ``link``); else its ``source`` column if that is
  a URL or a path; else ``FILE#ID`` with the row's ``id`` column (FA-KES rows: ``fakes.csv#1914947530``,
  as FA-KES' ``source`` is an outlet name like "nna", not a locator); else ``FILE#N``, N the 1-based
  row (JSONL: line) number;
* a feed item: its link, else ``FILE#N``.

Modules: :mod:`~timeline.readers.files` (folders, uploads, dispatch), :mod:`~timeline.readers.formats`
(one reader per format), :mod:`~timeline.readers.encodings` (bytes to text),
:mod:`~timeline.readers.articles` (header, source, checks), :mod:`~timeline.readers.markup` (Markdown
and HTML to text), :mod:`~timeline.readers.base` (limits). Limits: see :mod:`~timeline.readers.base`.
"""

from timeline.readers.articles import ALIASES, row_article, row_source, split_header
from timeline.readers.base import (
    HEAD_BYTES,
    MAX_JSON_FILE_BYTES,
    MAX_SINGLE_FILE_BYTES,
    MAX_TEXT_BYTES,
    Reject,
)
from timeline.readers.encodings import binary_kind, check_garbled, decode, text_lines
from timeline.readers.files import iter_articles, read_articles, read_bytes
from timeline.readers.formats import SUFFIX_FORMATS, sniff
from timeline.readers.markup import (
    HtmlPage,
    html_fragment_to_text,
    markdown_to_text,
    parse_html_page,
    split_front_matter,
)

__all__ = [
    "ALIASES",
    "HEAD_BYTES",
    "MAX_JSON_FILE_BYTES",
    "MAX_SINGLE_FILE_BYTES",
    "MAX_TEXT_BYTES",
    "SUFFIX_FORMATS",
    "HtmlPage",
    "Reject",
    "binary_kind",
    "check_garbled",
    "decode",
    "html_fragment_to_text",
    "iter_articles",
    "markdown_to_text",
    "parse_html_page",
    "read_articles",
    "read_bytes",
    "row_article",
    "row_source",
    "sniff",
    "split_front_matter",
    "split_header",
    "text_lines",
]
