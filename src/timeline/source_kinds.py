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
from pathlib import PurePosixPath

import numpy as np
import pandas as pd

#: Hosts (and their subdomains: ``en.wikipedia.org``) whose pages are reference pages.
REFERENCE_HOSTS = ("wikipedia.org", "wikimedia.org", "wikiwand.com", "britannica.com", "encyclopedia.com")
#: A file name naming a wiki or an encyclopedia as a word of its own (``wiki_x.md``, ``x-wikipedia.html``).
REFERENCE_FILE = re.compile(r"(?:^|[^a-z])(?:wiki|wikipedia|encyclop(?:a)?edia)(?:[^a-z]|$)", re.IGNORECASE)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)")
#: How each kind is counted in words (singular, plural).
KIND_WORDS = {"news": ("news article", "news articles"), "reference": ("reference page", "reference pages")}


def source_kind(source: object) -> str:
    """``"reference"`` for a reference page, else ``"news"`` (see the module's rule)."""
    text = "" if source is None or (isinstance(source, float) and np.isnan(source)) else str(source)
    url = _URL.match(text)
    if url:
        host = url[1].lower()
        return "reference" if any(host == h or host.endswith("." + h) for h in REFERENCE_HOSTS) else "news"
    name = PurePosixPath(text.split("#", 1)[0].replace("\\", "/")).name
    return "reference" if REFERENCE_FILE.search(name) else "news"


def is_reference(sources: pd.Series) -> np.ndarray:
    """Per row of ``sources``, True for a reference page (each distinct source judged once)."""
    values = pd.Series(sources, dtype=object).fillna("").astype(str)
    kinds = {s: source_kind(s) == "reference" for s in pd.unique(values)}
    return np.fromiter((kinds[s] for s in values), dtype=bool, count=len(values))
