"""Which sources are news articles and which are reference pages (an encyclopedia's or a wiki's article).

A reference page's date is its last revision (Wikipedia's ``pubDate``: 2023 for a page on the 2020 Idlib
campaign), not a publication: no event happened on it, no report was made on it. So the dashboard counts
sources by kind in citations (:func:`timeline.exports.citation`), gives the publication span of the news
articles only, lets no revision date stretch the timeline's range or end an ongoing event's bar
(:func:`timeline.charts.report_days`, :func:`timeline.charts.own_dated`), and keeps it out of "the latest
report" that ongoing campaigns run to (:func:`timeline.charts.latest_published`).

The event table (DESIGN.md) has no column for a source's kind; it is read from the metadata the table does
carry, the source's own name: a URL on a reference site (:data:`REFERENCE_HOSTS`), or a file whose name says
it holds one (``wiki_idlib.md``, ``wikipedia-timeline.html``, ``encyclopedia_syria.txt``:
:data:`REFERENCE_FILE`). Anything else is news.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

#: Hosts (and their subdomains: ``en.wikipedia.org``) whose pages are reference pages.
REFERENCE_HOSTS = ("wikipedia.org", "wikimedia.org", "wikiwand.com", "britannica.com", "encyclopedia.com")
#: A file name naming a wiki or an encyclopedia as a word of its own (``wiki_x.md``, ``x-wikipedia.html``).
REFERENCE_FILE = re.compile(r"(?:^|[^a-z])(?:wiki|wikipedia|encyclop(?:a)?edia)(?:[^a-z]|$)", re.IGNORECASE)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)")
#: How each kind is counted in words (singular, plural).
KIND_WORDS = {"news": ("news article", "news articles"), "reference": ("reference page", "reference pages")}


_CUE = re.compile(
    "wiki|encyclop|" + "|".join(re.escape(h.split(".")[0]) for h in REFERENCE_HOSTS), re.IGNORECASE
)
_HOST = re.compile(r"^(?:.*\.)?(?:" + "|".join(re.escape(h) for h in REFERENCE_HOSTS) + r")$")


def source_kind(source: object) -> str:
    """``"reference"`` for a reference page, else ``"news"`` (see the module's rule)."""
    return "reference" if is_reference(pd.Series([source], dtype=object))[0] else "news"


def is_reference(sources: pd.Series) -> np.ndarray:
    """Per row of ``sources``, True for a reference page; each distinct source judged once, with vectorised
    string operations (0.1 s for 100k distinct sources). A table indexed by :func:`timeline.filters.index_events`
    carries the answer as its ``reference`` column (:func:`reference_rows` reads it)."""
    codes, uniques = pd.factorize(pd.Series(sources, dtype=object), use_na_sentinel=True)
    names = pd.Series(np.asarray(uniques, dtype=object), dtype=object).astype(str)
    kinds = np.zeros(len(names) + 1, dtype=bool)  # the last entry: code -1 (missing), news
    maybe = names.str.contains(_CUE).to_numpy(dtype=bool)  # the rules below on these few only
    if maybe.any():
        kinds[np.flatnonzero(maybe)] = _judge(names[maybe].reset_index(drop=True))
    return kinds[codes]


def _judge(names: pd.Series) -> np.ndarray:
    """:func:`is_reference` of distinct source names (the module's rule)."""
    host = names.str.extract(_URL, expand=False)
    by_host = host.str.lower().str.match(_HOST).fillna(False).to_numpy(dtype=bool)
    file_name = (
        names.str.split("#", n=1).str[0].str.replace("\\", "/", regex=False).str.rsplit("/", n=1).str[-1]
    )
    by_file = file_name.str.contains(REFERENCE_FILE).fillna(False).to_numpy(dtype=bool)
    return np.where(host.notna().to_numpy(), by_host, by_file)


def reference_rows(df: pd.DataFrame) -> np.ndarray:
    """Per event row of ``df``, True for an event from a reference page: its ``reference`` column when the
    table has one (computed once per table), else :func:`is_reference` of its ``source`` (all False
    without one)."""
    if "reference" in df.columns:
        return df["reference"].to_numpy(dtype=bool)
    if "source" not in df.columns:
        return np.zeros(len(df), dtype=bool)
    return is_reference(df["source"])
