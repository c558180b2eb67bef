"""Text the dashboard shows: untrusted values escaped for Markdown, counts in words, the event table and the
detail view of one event.

Article text, titles, sources, actor and place names, error reasons and filter values from a shared link
are untrusted: every one goes through :func:`md` before it reaches a Streamlit Markdown sink
(``st.markdown``, ``st.caption``, ``st.success``/``st.warning``/``st.error``, ``st.info``), so
``![x](http://host/p.png)`` is shown as those characters and fetches nothing, and ``[Verified](https://…)``
is no link. Pure functions; the app only passes their results to Streamlit.
"""

from __future__ import annotations

import calendar
import contextlib
import html
import math
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from timeline.normalize import search_fold
from timeline.outlets import outlet

#: Characters with a meaning in Streamlit's Markdown (CommonMark, GFM, colour/icon directives, LaTeX).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: Unicode isolates: a date or a number inside Arabic text keeps its own left-to-right order.
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
#: Characters of the evidence the table shows before "…" (the detail view and the hover show all of it).
EVIDENCE_CHARS = 140
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")


def md(value: object) -> str:
    """``value`` as literal text for a Markdown sink: every Markdown character backslash-escaped, line
    breaks and control characters turned into spaces (a one-line sink stays one line)."""
    text = "" if missing(value) else str(value)
    text = _CONTROL.sub(" ", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    return _MD_SPECIAL.sub(r"\\\1", text)


def missing(value: object) -> bool:
    """None, NaN, NaT or pandas' NA."""
    if value is None:
        return True
    if isinstance(value, str):  # the common case, and never missing (pd.isna is slower)
        return False
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 place``, ``2 places``, ``1,204 articles`` (``many`` for irregular plurals)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def isolate(text: str) -> str:
    """``text`` wrapped in a left-to-right isolate, so bidi never reorders a date such as 2018-10-03."""
    return f"{LRI}{text}{PDI}"


def is_rtl(text: object) -> bool:
    """More Arabic letters than Latin ones."""
    s = "" if missing(text) else str(text)
    if s.isascii():  # no Arabic letter (the table's English rows: 5 us less per row)
        return False
    return len(_ARABIC.findall(s)) > len(_LATIN.findall(s))


#: Put before Arabic evidence in the table: an Arabic letter mark (invisible). Streamlit's table draws a cell
#: right to left, right-aligned, when its first strong letter is right-to-left; a right-to-left mark is no
#: letter to it, so Arabic that opens with Latin ("RT @AJABreaking: عاجل ...") was drawn left to right and
#: right-aligned, its start cut off at the column's left edge.
RTL_MARK = "\u061c"


def evidence_start(text: object, n: int = EVIDENCE_CHARS) -> str:
    """The start of the evidence (whole words, at most ``n`` characters) with "…" when cut; Arabic gets
    :data:`RTL_MARK` first, so the table draws the cell right to left from its right edge."""
    s = " ".join(("" if missing(text) else str(text)).split())
    if len(s) > n:
        cut = s[:n]
        s = (cut.rsplit(" ", 1)[0] if " " in cut[n // 2 :] else cut) + " …"
    return (RTL_MARK + s) if is_rtl(s) else s


def names(items: object, key: str = "name") -> str:
    """``"a, b"`` from a list of actor or place records."""
    if items is None or isinstance(items, float | str):
        return ""
    return ", ".join(
        [str(x.get(key)) for x in items if (type(x) is dict or isinstance(x, Mapping)) and x.get(key)]
    )


def table_date(start: object, precision: object) -> str:
    """The table's date cell, no more precise than the event's date: "2020-02-10" (a day), "2020-02-03
    (week)" (the week's Monday), "2020-01" (a month: "agreed in January" is no 1 January), "2020" (a year);
    text that sorts in date order. "" when undated."""
    if missing(start):
        return ""
    s = str(start)[:10]
    prec = "day" if missing(precision) else str(precision)
    return {"month": s[:7], "year": s[:4], "week": f"{s} (week)"}.get(prec, s)


def row_cells(shown: pd.DataFrame) -> dict[str, pd.Series]:
    """The cells of :func:`event_table` that are built per row (the slow part: 0.05-0.08 s per 5,000 rows):
    ``date`` (:func:`table_date`), ``start`` (of the evidence), ``actors``, ``places``, and ``sources`` when
    merged."""
    precision = shown["date_precision"] if "date_precision" in shown.columns else [None] * len(shown)
    cells = {
        "date": pd.Series(
            [table_date(d, p) for d, p in zip(shown["date_start"], precision, strict=True)],
            index=shown.index,
            dtype="str",
        ),
        "start": shown["evidence"].map(evidence_start),
        "actors": shown["actors"].map(names),
        "places": shown["places"].map(names),
    }
    if "sources" in shown.columns:
        cells["sources"] = shown["sources"].map(lambda xs: "; ".join(map(str, xs)) if xs is not None else "")
    return cells


class TableCells:
    """:func:`row_cells` of a frame's rows, each row built the first time a table shows it and kept (one per
    data version, shared by every filter state: a new filter builds only the rows no table showed yet)."""

    def __init__(self, events: pd.DataFrame) -> None:
        self.events = events
        self.done = np.zeros(len(events), dtype=bool)
        self.cells: dict[str, np.ndarray] = {}

    #: The columns :func:`event_table` reads besides the cells (the rest of a row is not taken).
    COLUMNS = ("type", "status", "title", "source", "review", "n_sources")
    #: The columns :func:`row_cells` reads.
    CELL_COLUMNS = ("date_start", "date_precision", "evidence", "actors", "places", "sources")

    def table(self, rows: np.ndarray) -> pd.DataFrame:
        """``event_table(events.iloc[rows])`` (``rows``: positions)."""
        if not len(rows):
            return event_table(self.events.iloc[rows])
        columns = [self.events.columns.get_loc(c) for c in self.COLUMNS if c in self.events.columns]
        shown = self.events.iloc[rows, columns]
        new = np.unique(rows[~self.done[rows]])
        if len(new):  # only the columns row_cells reads (taking all ~30 columns' rows: 8 ms per 3,000 rows)
            read = [self.events.columns.get_loc(c) for c in self.CELL_COLUMNS if c in self.events.columns]
            for name, values in row_cells(self.events.iloc[new, read]).items():
                column = self.cells.setdefault(name, np.empty(len(self.events), dtype=object))
                column[new] = values.to_numpy(dtype=object)
            self.done[new] = True
        cells = {k: pd.Series(v[rows], index=shown.index, dtype="str") for k, v in self.cells.items()}
        return event_table(shown, cells)


def event_table(shown: pd.DataFrame, cells: Mapping[str, pd.Series] | None = None) -> pd.DataFrame:
    """The events table as shown: date, the start of the evidence (one column, next to the date: an Arabic
    sentence starts with :data:`RTL_MARK`, so the table right-aligns that cell and shows its start at the
    right edge, an English one its start at the left edge; both within a laptop's table), type, status,
    actors, places, source (the article's title, else its source); ``n_sources``/``sources`` when reports
    are merged. The detail view shows the whole evidence. ``cells``: :func:`row_cells` of ``shown`` when
    already built (:class:`TableCells` keeps them per row)."""
    cells = row_cells(shown) if cells is None else cells
    table = pd.DataFrame(
        {
            "date": cells["date"],
            "evidence": cells["start"],
            "type": shown["type"],
            "status": shown["status"],
            "actors": cells["actors"],
            "places": cells["places"],
            "source": shown["title"].where(shown["title"].fillna("").astype(str) != "", shown["source"]),
        }
    )
    if "review" in shown.columns:  # a person's review state (timeline.review), next to the status
        table.insert(table.columns.get_loc("status") + 1, "review", shown["review"].to_numpy())
    if "n_sources" in shown.columns:
        table["n_sources"] = shown["n_sources"].to_numpy()
        table["sources"] = cells["sources"]
    return table.reset_index(drop=True)


#: The fields :func:`timeline.filters.index_events` writes as a reader sees them (a file source below the
#: corpus folder, never this machine's path; the outlet): the review panel draws its event with these.
SHOWN_AS = ("source_shown", "sources_shown", "merge_why", "outlet")


def source_labels(
    sources: Sequence[str], details: Mapping[str, tuple[str, str]] | None = None
) -> tuple[dict[str, str], str]:
    """Short labels for the "Sources" filter, the part that tells sources apart, and the folder they share.

    Files: the path below the folder every file source shares (``wiki_timeline.md``), an item of a file as
    ``file › item`` (``asnd.jsonl › asnd-1191…``); URLs: host and the last part of the path
    (``example.org › a-story``). Returns ``(labels by source, shared folder or "")``: the folder is said once
    (the widget's help), not repeated in every option until the names are cut off.

    With ``details`` (source -> (title, publication day)), a source whose outlet is known
    (:func:`timeline.outlets.outlet`: a URL's host, a source list's outlet) is labelled as a reader cites
    it: ``outlet · day · title``, the title cut so that the label fits a chip (:data:`SOURCE_LABEL_CHARS`),
    not by a post id or a file name; the full title and source are in the table and the detail."""
    files = [str(x).split("#", 1)[0] for x in sources if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", str(x))]
    folder = ""
    if files:
        parts = [f.replace("\\", "/").split("/")[:-1] for f in files]
        common = parts[0]
        for p in parts[1:]:
            n = 0
            while n < min(len(common), len(p)) and common[n] == p[n]:
                n += 1
            common = common[:n]
        folder = "/".join(common) + "/" if common else ""
    labels = {}
    for src in sources:
        text = str(src)
        url = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\.)?([^/?#]+)(.*)$", text)
        if url:
            tail = [x for x in re.split(r"[?#]", url[2])[0].split("/") if x]
            labels[src] = f"{url[1]} › {tail[-1]}" if tail else url[1]
            continue
        path, _, item = text.partition("#")
        path = path.replace("\\", "/")
        short = path[len(folder) :] if folder and path.startswith(folder) else path
        labels[src] = f"{short} › {item}" if item else short
    for src, (title, day) in (details or {}).items():
        if src not in labels:
            continue
        name = outlet(src)
        if not name:
            continue
        head = " · ".join(x for x in (name, str(day or "")[:10]) if x)
        room = SOURCE_LABEL_CHARS - len(head) - 3  # what is left of a chip's width for the title
        title = " ".join(str(title or "").split())
        title = title if len(title) <= room else title[: max(room - 1, 0)].rstrip() + "…"
        labels[src] = f"{head} · {title}" if room >= 8 and title else head
    return labels, folder


#: A Sources chip in the sidebar shows about this many characters whole (a longer label is cut off).
SOURCE_LABEL_CHARS = 42


def upload_messages(
    n_articles: int, n_events: int, errors: Sequence[tuple[str, str]], n_known: int = 0
) -> list[tuple[str, str]]:
    """What to tell after an upload, as (level, escaped Markdown) pairs; level is ``success``, ``info``,
    ``warning`` or ``error``. A batch where nothing could be read is an error, never a green "0 articles".
    ``n_known``: how many of the events found were already shown (an article uploaded again, or one the
    events already hold): the count then does not grow, and the message says why."""
    if n_articles == 0:
        head = "No article could be read" + (f": {plural(len(errors), 'file')} failed." if errors else ".")
        return [("error", head)] + [("error", f"{md(src)}: {md(why)}") for src, why in errors]
    level = "success" if n_events else "info"
    out = [
        (
            level,
            f"Read {plural(n_articles, 'article')}, found {plural(n_events, 'event')} (saved with the events"
            + (
                "; all were already among them)."
                if n_known and n_known >= n_events
                else f"; {n_known} of them were already among them)."
                if n_known
                else ")."
            ),
        )
    ]
    return out + [("warning", f"{md(src)}: {md(why)}") for src, why in errors]


#: Said of a date its event's words did not give: the article's day, or a date from the sentences around it.
DATED_BY_PUBLICATION = "dated by publication"
DATED_FROM_CONTEXT = "dated from context"
#: An event of a reference page whose text gave no date: dated by the page's last revision (source_kinds).
DATED_BY_REVISION = "dated by the page's last revision"


def is_reference_row(row: Mapping[str, Any]) -> bool:
    """True for an event from a reference page (:mod:`timeline.source_kinds`): its ``reference`` value when
    the row has one (:func:`timeline.filters.index_events`), else judged from its ``source``."""
    from timeline.source_kinds import source_kind

    if "reference" in row and not missing(row["reference"]):
        return bool(row["reference"])
    return not missing(row.get("source")) and source_kind(row.get("source")) == "reference"


def as_written(words: object, evidence: object) -> object:
    """An event's ``date_text`` as its sentence writes it: the extractor keeps the words folded to lower case
    ("on friday"); quoted to a reader they are the sentence's own ("on Friday"), found in ``evidence`` with
    case ignored. ``words`` unchanged when the sentence does not hold them (or either is missing)."""
    if missing(words) or missing(evidence) or not str(words).strip():
        return words
    found = re.search(re.escape(str(words).strip()), str(evidence), re.IGNORECASE)
    return found.group(0) if found else words


def date_basis(source: object, words: object = None) -> str:
    """Where an event's date comes from when its own words did not state it, for the hover and the detail:
    "dated by publication" (``date_source`` publication: the text gave no date, the article's day is used),
    "dated from context" (``date_text`` empty: the date came from the sentences around the event, not its
    own), 'dated from “yesterday”' (``date_source`` relative: resolved against the publication day); "" for
    a date the event's words state. ``words`` is the event's ``date_text``; None when the table has none
    (then only ``source`` is told)."""
    if source == "publication":
        return DATED_BY_PUBLICATION
    if words is None:
        return ""
    said = "" if missing(words) else str(words).strip()
    if not said:
        return DATED_FROM_CONTEXT
    return f"dated from “{said}”" if source == "relative" else ""


#: Seasons as the extractor dates them (``timeline.dates.find``: northern hemisphere, a season named with a
#: year is its three months): name -> (first month, the words that name it, folded as
#: :func:`timeline.normalize.search_fold` folds them). Winter runs from December into the next year.
SEASONS: dict[str, tuple[int, tuple[str, ...]]] = {
    "spring": (3, ("spring", "ربيع")),
    "summer": (6, ("summer", "صيف")),
    "autumn": (9, ("autumn", "fall", "خريف")),
    "winter": (12, ("winter", "شتاء")),
}


def season_label(start: object, end: object, words: object) -> str:
    """The season an event's words name, with its year ("summer 2019"), when the event's period (``start``,
    ``end``: ISO days) is exactly that season's three months and its words (``date_text``: "the summer of 2019", "صيف 2019") name that season, else "". A winter
    (December to February) is named with the year its words give ("winter 2019"), else its December's.
    The event records say no more than their period and words: this is how a season is known again."""
    if missing(start) or missing(end) or missing(words):
        return ""
    try:
        first, last = date.fromisoformat(str(start)[:10]), date.fromisoformat(str(end)[:10])
    except ValueError:
        return ""
    said = search_fold(str(words))
    for name, (month, names) in SEASONS.items():
        if first.month != month or first.day != 1:
            continue
        year, end_month = (first.year + 1, 2) if month == 12 else (first.year, month + 2)
        if last != date(year, end_month, calendar.monthrange(year, end_month)[1]):
            return ""
        if not any(_names_season(search_fold(n), said) for n in names):
            return ""
        shown = first.year
        if month == 12 and str(last.year) in said and str(first.year) not in said:
            shown = last.year
        return f"{name} {shown}"
    return ""


def _names_season(name: str, said: str) -> bool:
    """True when the folded words ``said`` hold the season's folded ``name``: an English word whole ("fall",
    not "fallen"), an Arabic one with its prefixes ("الصيف", "وشتاء")."""
    if _ARABIC.search(name):
        return name in said
    return re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", said) is not None


def period_end(start: str, precision: str) -> str:
    """The last day (ISO) of the month or year a ``month`` or ``year`` precision date ``start`` (ISO) names;
    "" for other precisions or a bad date."""
    try:
        d = date.fromisoformat(start[:10])
    except ValueError:
        return ""
    if precision == "month":
        return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1]).isoformat()
    return f"{d.year}-12-31" if precision == "year" else ""


def date_text(start: object, end: object, precision: object, source: object, words: object = None) -> str:
    """When an event happened in words: "10 Feb 2020", "Feb 2020 (month)", "3 – 5 Mar 2020", "summer 2019" (a
    season, :func:`season_label`); no "nan"; with
    where the date comes from when the event's words (``words``: its ``date_text``) did not state it
    (:func:`date_basis`): "10 Feb 2020 · dated from context"."""
    s = "" if missing(start) else str(start)[:10]
    try:
        d = date.fromisoformat(s)
    except ValueError:
        return s or "undated"
    prec = "day" if missing(precision) else str(precision)
    label = {"month": f"{d:%b %Y} (month)", "year": f"{d.year} (year)", "week": f"week of {d:%d %b %Y}"}.get(
        prec, f"{d:%d %b %Y}"
    )
    season = season_label(start, end, words) if prec in ("month", "year") else ""
    if season:  # the season names its months: no end date after it
        label = season
    e = "" if missing(end) else str(end)[:10]
    if e == period_end(s, prec):  # "Jan 2020 (month)" says its last day: no "– 31 Jan 2020" after it
        e = s
    if e and e != s and not season:
        with contextlib.suppress(ValueError):
            label += f" – {date.fromisoformat(e):%d %b %Y}"
    if basis := date_basis(source, words):
        label += f" · {basis}"
    return label


def event_detail(row: Mapping[str, Any]) -> tuple[str, str]:
    """The detail of one event: escaped Markdown (type, status, date, actors, places, figures, source: its
    outlet, title, day and ``source_shown`` when the row has them) and the evidence as HTML (escaped, right to
    left for Arabic)."""
    when = date_text(
        row.get("date_start"), row.get("date_end"), row.get("date_precision"), row.get("date_source"),
        as_written(row.get("date_text"), row.get("evidence")) if "date_text" in row else None,
    )  # fmt: skip
    roles: dict[str, list[str]] = {}  # an actor once, with each of its roles: "Turkey (target, participant)"
    for a in row.get("actors") or []:
        if isinstance(a, Mapping):
            said = roles.setdefault(str(a.get("name")), [])
            if str(a.get("role")) not in said:
                said.append(str(a.get("role")))
    actors = ", ".join(f"{md(name)} ({md(', '.join(r))})" for name, r in roles.items())
    places = ", ".join(md(p.get("name")) for p in row.get("places") or [] if isinstance(p, Mapping))
    figures = [f"{k} {int(row[k])}" for k in ("killed", "injured", "displaced") if not missing(row.get(k))]
    published = "" if missing(row.get("published")) else str(row.get("published"))[:10]
    if is_reference_row(row):  # its date is the page's last revision, not a report's day (as in CITATION.txt)
        published = f"reference page, revised {published}" if published else "reference page"
        when = when.replace(DATED_BY_PUBLICATION, DATED_BY_REVISION)
    title = "" if missing(row.get("title")) else str(row.get("title"))
    # the URL or the path below the corpus folder (filters.index_events), never this machine's folders
    where = row.get("source_shown") if not missing(row.get("source_shown")) else row.get("source")
    named = "" if missing(row.get("outlet")) else row.get("outlet")
    outlet = f"{md(named)}, " if named else ""
    head = (
        f"**{md(row.get('type'))} / {md(row.get('subtype') or '-')}** · {md(row.get('status'))} · "
        f"{isolate(md(when))}  \nActors: {actors or '-'}  \nPlaces: {places or '-'}  \n"
        + (f"Figures: {', '.join(figures)}  \n" if figures else "")
        + f"Source: {outlet}{FSI}{md(title)}{PDI} {isolate(md(published))} · {isolate(md(where))}"
    )
    reports = merged_reports(row)
    if len(reports) > 1:  # the actors and places of every report (the merge's reason names what they share)
        head = head.replace("  \nActors: ", "  \nActors (every report's): ", 1)
        head = head.replace("  \nPlaces: ", "  \nPlaces (every report's): ", 1)
    if len(reports) > 1:  # what the fields above unite: every report's source and sentence
        why = "" if missing(row.get("merge_why")) else f" ({md(row.get('merge_why'))})"
        head += f"  \n**Merged from {len(reports)} reports**{why}; the source above is report 1"
        return head, "".join(
            f'<p style="margin:0.4em 0 0 0">Report {k} · {html.escape(source)}</p>{_quote(evidence)}'
            for k, (source, evidence) in enumerate(reports, start=1)
        )
    return head, _quote("" if missing(row.get("evidence")) else str(row.get("evidence")))


def _quote(evidence: str) -> str:
    rtl = (
        ' dir="rtl" style="text-align:right;font-size:1.05em"'
        if is_rtl(evidence)
        else ' style="font-size:1.05em"'
    )
    return f"<blockquote{rtl}>{html.escape(evidence)}</blockquote>"


def merged_reports(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(source, evidence sentence) of each report a merged event unites (:mod:`timeline.dedup`: ``sources`` (as
    shown, ``sources_shown``, when the row has it) and ``evidences``, both by publication date; the
    representative's first), or the row's own one (its ``source_shown`` when it has one). A source
    several reports share is listed once in ``sources``: sources are then paired in order as far as they go."""
    evidences = _listed(row.get("evidences"), "\n\n")
    if len(evidences) < 2:
        own_source = row.get("source_shown") if not missing(row.get("source_shown")) else row.get("source")
        return [("" if missing(own_source) else str(own_source),
                 "" if missing(row.get("evidence")) else str(row.get("evidence")))]  # fmt: skip
    sources = _listed(row.get("sources_shown", row.get("sources")), ";")  # as shown (filters.index_events)
    own = str(row.get("evidence") or "")
    order = sorted(range(len(evidences)), key=lambda k: evidences[k] != own)  # the representative's first
    if len(sources) == len(evidences):
        return [(sources[k], evidences[k]) for k in order]
    return [(sources[k] if k < len(sources) else "", evidences[k]) for k in order]


def _listed(value: Any, sep: str) -> list[str]:
    if isinstance(value, str):
        return [x for x in value.split(sep) if x.strip()]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return [str(x) for x in value]


def merge_sentence(report: Any) -> str:
    """What merging reports of one event across articles did (a :class:`timeline.dedup.MergeReport`), in
    numbers that add up: ``18 reports merged into 9 events (62 reports → 53 events)``; 62 - 18 + 9 = 53. The
    counts are before the review state filter, which the header's note accounts for. "" when nothing merged."""
    if report is None or not report.groups:
        return ""
    n = report.merged + report.groups
    return (
        f"{plural(n, 'report')} merged into {plural(report.groups, 'event')} "
        f"({plural(report.events_in, 'report')} → {plural(report.events_out, 'event')})"
    )


def timeline_title(lanes: str) -> str:
    """The timeline's title in its exports (the page shows it under its own heading): what it draws and how
    its lanes are cut (``lanes``: ``type`` or ``actor``)."""
    by = "the actor's side" if lanes == "actor" else "event type"
    return f"Talks, ultimatums, offensives and ceasefires: timeline, lanes by {by}"


#: The dashboard's compact layout (CSS for ``st.html``): less space above the title and between blocks, a
#: smaller title and section heads, so on a 1366x768 laptop the map and the table start on the first screen;
#: a chosen filter value (a source's name) wraps in the narrow sidebar instead of being cut off.
COMPACT_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.75rem; padding-bottom: 2rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.6rem; padding: 0 0 0.1rem 0; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.1rem; padding: 0.25rem 0 0.6rem 0; }
[data-testid="stSidebar"] [data-tag] { height: auto; max-width: 100%; }
[data-testid="stSidebar"] [data-tag] span { white-space: normal; overflow-wrap: anywhere; text-overflow: clip; }
</style>"""


def unattached_note(actions: Sequence[str]) -> str:
    """What the extractor's precision leaves out: the reviews that could not be re-attached to an event
    (their event is gone or no longer covers their span), by action (``["reject", "reject", "confirm"]`` ->
    "3 reviews not attached to an event (2 rejections, 1 confirmation) are left out of this precision:
    a rejection left out makes it higher than the reviews say"); "" when every review is attached."""
    if not actions:
        return ""
    words = {"reject": ("rejection", "rejections"), "confirm": ("confirmation", "confirmations"),
             "edit": ("correction", "corrections"), "merge": ("merge", "merges"), "add": ("addition", "additions")}  # fmt: skip
    counts: dict[str, int] = {}
    for a in actions:
        counts[a] = counts.get(a, 0) + 1
    parts = ", ".join(
        f"{n} {words.get(a, (a, a + 's'))[n != 1]}" for a, n in sorted(counts.items(), key=lambda x: -x[1])
    )
    higher = " (a rejection left out makes it higher than the reviews say)" if "reject" in counts else ""
    return (
        f"{plural(len(actions), 'review')} not attached to an event ({parts}) "
        f"{'is' if len(actions) == 1 else 'are'} left out of this precision{higher}."
    )
