"""Who published a source, and how to name a file source without the machine's folders.

The outlet of a URL source is its host (``www.`` dropped). A file says nothing about its publisher, so a
folder of articles may hold a source list, ``sources.csv`` (UTF-8, a header row), one row per file of that
folder: ``file`` (the file name), ``outlet`` (who published it), and optionally ``url`` (where it was
published) and ``licence``. An item of a file of several (``posts.jsonl#post-7``) is the file's. The
bundled sample ships one (``data/sample/sources.csv``); a researcher adds one beside their own articles.

File sources are shown and exported relative to the folder they share (:func:`relative_sources`): never
the absolute path of the machine that extracted them (``/home/...``) in a CSV, a citation or a link.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import pandas as pd

SOURCE_LIST = "sources.csv"
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)")
_ABSOLUTE = re.compile(r"^(?:/|\\\\|[a-zA-Z]:[\\/])")


def is_url(source: object) -> bool:
    return bool(_URL.match(str(source or "")))


@lru_cache(maxsize=256)
def source_list(folder: str) -> dict[str, dict[str, str]]:
    """The rows of ``folder``'s ``sources.csv`` by file name (``{}`` when there is none or it cannot be read:
    a source list only adds names, so a damaged one never stops the dashboard). Cached per folder."""
    path = Path(folder) / SOURCE_LIST
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    out = {}
    for row in rows:
        clean = {str(k).strip().lower(): str(v or "").strip() for k, v in row.items() if k}
        if clean.get("file"):
            out[clean["file"]] = clean
    return out


def listed(source: object) -> dict[str, str]:
    """The source list's row for a file source (``{}`` for a URL or a file no list names)."""
    text = str(source or "")
    if not text or is_url(text):
        return {}
    path = Path(text.split("#", 1)[0])
    return source_list(str(path.parent)).get(path.name, {})


def outlet(source: object) -> str:
    """Who published ``source``: the host of a URL (lower case, no ``www.``), the ``outlet`` a source list
    gives a file, else ""."""
    m = _URL.match(str(source or ""))
    if m:
        return m[1].lower().removeprefix("www.")
    return listed(source).get("outlet", "")


def url(source: object) -> str:
    """Where ``source`` was published: the URL itself, or the ``url`` a source list gives a file, else ""."""
    text = str(source or "")
    return text if is_url(text) else listed(text).get("url", "")


def is_absolute(source: object) -> bool:
    """Whether a file source is an absolute path of the machine that read it (``/home/…``, ``C:\\…``)."""
    text = str(source or "")
    return not is_url(text) and bool(_ABSOLUTE.match(text))


def canonical_sources(sources: Iterable[object]) -> dict[str, str]:
    """Each source under one name per article: a relative file source (``data/sample/a.jsonl#7``, as a review
    log or an upload records it) whose file is an absolute source's file path read from elsewhere
    (``/work/main/data/sample/a.jsonl#3``: the same path at its end, from a whole folder name on) becomes that
    absolute path, its ``#item`` kept; every other source maps to itself. So one article is counted, cited
    and labelled once, with the outlet its folder's source list gives. ``{source: canonical source}``."""
    sources = [str(s) for s in dict.fromkeys(str(s or "") for s in sources)]
    files = {s.split("#", 1)[0].replace("\\", "/") for s in sources if is_absolute(s)}
    by_tail: dict[str, str] = {}
    for path in sorted(files):  # each tail of an absolute path, whole folder names: the first path wins
        parts = path.split("/")
        for i in range(1, len(parts)):
            by_tail.setdefault("/".join(parts[i:]), path)
    out = {}
    for src in sources:
        path, hash_, item = src.partition("#")
        rel = path.replace("\\", "/").removeprefix("./")
        # a bare file name (an upload) names no folder: another file of that name is another article
        found = by_tail.get(rel) if "/" in rel and not is_url(src) and not is_absolute(src) else None
        out[src] = found + hash_ + item if found else src
    return out


def shared_folder(sources: Iterable[object]) -> str:
    """The folder every file source with a folder lies in (``/work/data/sample/``, with a trailing ``/``), or
    "" (a bare file name, as an upload is recorded, names no folder and is left out)."""
    common: list[str] | None = None
    for src in sources:
        text = str(src or "")
        if not text or is_url(text) or "/" not in text.split("#", 1)[0].replace("\\", "/"):
            continue
        parts = text.split("#", 1)[0].replace("\\", "/").split("/")[:-1]
        if common is None:
            common = parts
            continue
        n = 0
        while n < min(len(common), len(parts)) and common[n] == parts[n]:
            n += 1
        common = common[:n]
    return "/".join(common) + "/" if common else ""


def relative_sources(sources: Iterable[object]) -> dict[str, str]:
    """Each source as shown, exported and put in a link: a URL as it is; a file as its path below the folder
    all file sources share (``asnd.jsonl#asnd-1191``), so no machine's folder is written out. A single
    file source becomes its name; a relative source (an upload's file name) stays as it is."""
    sources = [str(s) for s in dict.fromkeys(str(s or "") for s in sources)]
    folder = shared_folder(sources)
    out = {}
    for src in sources:
        text = src.replace("\\", "/")
        if is_url(src):
            out[src] = src
        elif folder and text.startswith(folder):
            out[src] = text[len(folder) :]
        elif is_absolute(src):  # absolute and relative paths share no folder: a machine's path is never shown
            out[src] = text.split("#", 1)[0].rsplit("/", 1)[-1] + (
                "#" + text.split("#", 1)[1] if "#" in text else ""
            )
        else:
            out[src] = text
    return out


def portable_sources(sources: Iterable[object], here: Path | str) -> dict[str, str]:
    """Each source as an event file written by ``timeline extract`` holds it: a file below ``here`` (the
    folder the command runs in) as its path from there (``data/sample/a.jsonl#7``, as if given so: the file
    is found again from there, with its folder's source list), any other file as :func:`relative_sources`
    writes it (below the folder the files share); URLs and relative paths as they are. No machine's folder
    is written out. ``{source: portable source}``."""
    base = Path(here).resolve().as_posix().rstrip("/") + "/"
    sources = [str(s) for s in dict.fromkeys(str(s or "") for s in sources)]
    below = {s: s.replace("\\", "/")[len(base) :] for s in sources if s.replace("\\", "/").startswith(base)}
    shared = relative_sources(s for s in sources if s not in below)  # the other files: their shared folder
    return {s: s if is_url(s) or not is_absolute(s) else below.get(s) or shared.get(s, s) for s in sources}


def portable_events(events: pd.DataFrame, here: Path | str) -> pd.DataFrame:
    """``events`` with ``source`` (and a merge's ``sources`` and ``merge_why``) as :func:`portable_sources`
    writes them; the same rows and columns."""
    if not len(events) or "source" not in events.columns:
        return events
    listed = [s for xs in events["sources"] for s in xs] if "sources" in events.columns else []
    names = portable_sources([*events["source"], *listed], here)
    out = events.copy()
    out["source"] = out["source"].map(lambda s: names.get(str(s or ""), s))
    if "sources" in out.columns:
        out["sources"] = [[names.get(str(x), str(x)) for x in xs] for xs in out["sources"]]
    if "merge_why" in out.columns:
        out["merge_why"] = sources_in_text(out["merge_why"], names)
    return out


def sources_in_text(texts: Iterable[object], shown: Mapping[str, str]) -> list[str]:
    """Each of ``texts`` (sentences such as a merge's ``merge_why``: "… date from /home/me/corpus/a.txt") with
    every source ``shown`` names written as shown (:func:`relative_sources`; the longest first), so no
    machine's folder is shown or exported inside a sentence either; "" for a missing text."""
    keys = sorted((k for k, v in shown.items() if k and k != v), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, keys))) if keys else None
    out = []
    for text in texts:
        said = "" if text is None or (isinstance(text, float) and text != text) else str(text)
        out.append(pattern.sub(lambda m: shown[m.group(0)], said) if pattern and said else said)
    return out


def outlets_of(sources: pd.Series) -> pd.Series:
    """:func:`outlet` of each source (strings, "" when unknown), vectorised: URL hosts by one regular
    expression, file sources by the source list of each distinct folder."""
    text = sources.astype(str)
    hosts = text.str.extract(_URL, expand=False)
    out = hosts.fillna("").str.lower().str.removeprefix("www.")
    files = hosts.isna() & (text != "")
    if not files.any():
        return out
    parts = text[files].str.partition("#")[0].str.replace("\\", "/", regex=False).str.rpartition("/")
    folder, slash, name = parts[0], parts[1], parts[2]
    folder = folder.where(slash != "", ".").where((folder != "") | (slash == ""), "/")
    for each in folder.unique():
        listed = source_list(each)
        if listed:
            here = folder == each
            names = {n: row.get("outlet", "") for n, row in listed.items()}
            out.loc[here[here].index] = name[here].map(names).fillna("").to_numpy()
    return out
