"""Exports for papers: the chart (PNG, SVG, HTML), the map (standalone HTML), the events (CSV, JSON,
GeoJSON, Parquet). Every export carries a citation (what, how many, which articles, active filters, date
of access): in the file's metadata (PNG text chunk, SVG ``<metadata>``, HTML ``<meta>`` and a caption,
JSON/GeoJSON ``citation`` and ``references`` members, Parquet schema metadata ``citation`` and
``references``) and, in every CSV (events and aggregate tables), as a last column ``citation`` holding the
same line on every row. The references (:func:`references`) name each article by outlet (the host of a URL
source), title, publication date and URL or file: the Citation (txt) download lists them all.

CSV files are written as UTF-8 with a byte-order mark (spreadsheet programs then read Arabic right), and a
text cell a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a carriage return) gets
a leading apostrophe (:func:`timeline.table.spreadsheet_safe`, OWASP's advice against CSV injection).

Static images use kaleido with the system's Chromium (Debian ``chromium``), never a downloaded browser;
when there is none, :class:`ImageExportUnavailable` says what to install.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import shutil
import struct
import textwrap
import warnings
import zlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import folium
import pandas as pd
import plotly.graph_objects as go

from timeline import outlets
from timeline.maps import STATIC_DIR, STATIC_URL
from timeline.source_kinds import KIND_WORDS, is_reference, reference_rows
from timeline.table import csv_frame, records, spreadsheet_safe, to_geojson

INSTALL_HINT = (
    "Static image export needs Chromium. Install it with `apt-get install chromium` (Debian/Ubuntu), "
    "or point BROWSER_PATH at a Chrome/Chromium binary. HTML export works without it."
)
_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


class ImageExportUnavailable(RuntimeError):
    """No Chromium to render static images with."""


def outlet(source: object) -> str:
    """Who published a source: the host of a URL (``www.`` dropped), else the outlet the source list beside
    a file names (:mod:`timeline.outlets`), else ""."""
    return outlets.outlet(source)


def outlets_of(sources: pd.Series) -> pd.Series:
    """The outlet (:func:`outlet`) of each source, "" when unknown; categorical and vectorised: URL hosts by
    one regular expression, files by one source list per folder (100k sources: ~0.1 s, not one look-up each)."""
    return outlets.outlets_of(sources).astype("category")


def _outlets(sources: pd.Series) -> list[str]:
    """The distinct outlets of the sources."""
    return sorted({o for o in outlets_of(pd.Series(sources.dropna().unique())) if o})


def _locator(source: object) -> str:
    """Where to find a source: its URL (a source list's for a file), else the file name (``#N``: an item)."""
    text = str(source or "")
    if found := outlets.url(text):
        return found
    return Path(text.split("#", 1)[0]).name + ("#" + text.split("#", 1)[1] if "#" in text else "")


def references(df: pd.DataFrame) -> list[str]:
    """One reference per article behind ``df``'s events, oldest first: ``outlet, "title", date, URL or file``
    (outlet only for URL sources; file sources are named by file, ``#N`` for the N-th item of a file); a
    reference page (:mod:`timeline.source_kinds`) says so, its date as its revision (``reference page,
    revised 2023-08-20``), not as a publication."""
    if df.empty:
        return []
    cols = [c for c in ("source", "title", "published") if c in df.columns]
    arts = df[cols].astype(object).where(df[cols].notna(), "")
    arts["source"] = arts["source"].astype(str).map(outlets.canonical_sources(arts["source"].unique()))
    arts = arts.drop_duplicates("source")  # one article, one line (its outlet from its own folder's list)
    day = arts["published"].astype(str).str[:10] if "published" in arts.columns else ""
    arts = arts.assign(day=day).sort_values(["day", "source"])
    arts["reference"] = is_reference(arts["source"])
    out = []
    for row in arts.to_dict("records"):
        title = " ".join(str(row.get("title") or "").split())
        reference = bool(row["reference"])
        day = f"reference page, revised {row['day']}" if reference and row["day"] else row["day"]
        parts = [
            outlet(row["source"]),
            f"\u201c{title}\u201d" if title else "",
            "reference page" if reference and not day else day,
            _locator(row["source"]),
        ]
        out.append(", ".join(p for p in parts if p))
    return out


def citation(
    df: pd.DataFrame, filters: str, accessed: date | None = None, n_reviewed: int | None = None
) -> str:
    """One line to cite an export: what, how many events from how many sources of each kind (news articles,
    reference pages: :mod:`timeline.source_kinds`), which outlets, the news articles published when (a
    reference page's date is its revision), with which filters, accessed when. The articles themselves:
    :func:`references`."""
    reference = reference_rows(df)  # per event: from a reference page
    # one article, counted once: a relative path of a file read from elsewhere is that file (outlets)
    names = outlets.canonical_sources(df["source"].unique()) if "source" in df.columns else {}
    n_articles = len(set(names.values()))
    n_pages = len({names[s] for s in df.loc[reference, "source"].unique()}) if reference.any() else 0
    if not n_articles:
        named = []
    elif "outlet" in df.columns:  # precomputed once per table (filters.index_events): fast on 100k events
        named = sorted({str(o) for o in df["outlet"].unique() if isinstance(o, str) and o})
    else:
        named = _outlets(df["source"].map(names))
    days = (
        df["published"].astype(str).str[:10][~reference]
        if "published" in df.columns
        else pd.Series([], dtype=str)
    )
    days = days[(days != "") & (days != "None") & (days != "nan") & (days != "NaT")]
    news = "news " if reference.any() else ""  # a reference page's date is a revision, not a publication
    span = f", {news}published {days.min()} to {days.max()}" if len(days) else ""
    by = f" by {', '.join(named[:6])}{' and others' if len(named) > 6 else ''}" if named else ""
    when = (accessed or date.today()).isoformat()
    counted = [
        (int(n), KIND_WORDS[kind]) for kind, n in (("news", n_articles - n_pages), ("reference", n_pages))
    ]
    kinds = (
        " and ".join(f"{n} {one if n == 1 else many}" for n, (one, many) in counted if n) or "0 news articles"
    )
    return (
        f"Events extracted with timeline from {kinds}{by}{span} "
        f"({len(df)} event{'s' * (len(df) != 1)}"
        + (f", {n_reviewed} reviewed by a person" if n_reviewed is not None else "")
        + f"; filters: {filters or 'all events'}; accessed {when}; "
        f"references in CITATION.txt)."
    )


def citation_file(cite: str, refs: Iterable[str] = ()) -> bytes:
    """CITATION.txt: the citation line, then every article as a reference (UTF-8)."""
    refs = list(refs)
    body = cite + "\n"
    if refs:
        body += f"\nSources ({len(refs)} article{'s' * (len(refs) != 1)}):\n" + "".join(
            f"- {r}\n" for r in refs
        )
    return body.encode("utf-8")


def csv_with_citation(table: pd.DataFrame, cite: str) -> bytes:
    """A table as CSV for spreadsheets: a ``citation`` column holding ``cite`` on every row, text cells
    made formula-safe, UTF-8 with a byte-order mark."""
    out = table.reset_index(drop=True).copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(spreadsheet_safe)
    out["citation"] = spreadsheet_safe(cite)
    # every field quoted: pandas leaves a bare carriage return unquoted, which readers take as a line end
    return out.to_csv(index=False, quoting=csv.QUOTE_ALL).encode("utf-8-sig")


def aggregate_csv(csv: bytes, cite: str) -> bytes:
    """An aggregate table's CSV (as ``aggregate_charts.table_csv`` writes it) with the citation column, the
    formula guard and the BOM of :func:`csv_with_citation`."""
    text = csv.decode("utf-8-sig")
    table = (
        pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False) if text.strip() else pd.DataFrame()
    )
    return csv_with_citation(table, cite)


# -- chart ---------------------------------------------------------------------------------------------
def chromium_path() -> str | None:
    """The browser kaleido will use: ``BROWSER_PATH`` or a Chromium/Chrome on PATH."""
    env = os.environ.get("BROWSER_PATH")
    if env and Path(env).exists():
        return env
    for name in _CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def start_image_server() -> bool:
    """Start kaleido's persistent browser (images then take ~0.3 s instead of ~4 s); False if none."""
    path = chromium_path()
    if path is None:
        return False
    import kaleido

    os.environ.setdefault("BROWSER_PATH", path)
    kaleido.start_sync_server(silence_warnings=True, mathjax=False)
    return True


def with_caption(fig: go.Figure, cite: str, width: int = 1400) -> go.Figure:
    """A copy of ``fig`` with the citation as a small caption under the plot, wrapped to ``width`` px."""
    out = go.Figure(fig)
    chars = max(40, int((width - 30) / (9 * 0.62)))  # 9 px sans-serif: about 5.6 px a character
    lines = textwrap.wrap(cite, chars) or [""]
    margin_b = (out.layout.margin.b or 30) + 28 + 12 * len(lines)
    out.update_layout(margin={"b": margin_b})
    left, right = out.layout.margin.l or 0, out.layout.margin.r or 0
    x = -max(left - 10, 0) / max(width - left - right, 1)  # from the image's left edge, not the plot's
    out.add_annotation(
        text="<br>".join(html.escape(line) for line in lines),
        xref="paper", yref="paper", x=x, y=0, xanchor="left", yanchor="top", yshift=-margin_b + 16 + 12 * len(lines),
        showarrow=False, font={"size": 9, "color": "#555"}, align="left",
    )  # fmt: skip
    return out


def figure_title(fig: go.Figure) -> str:
    """The title text ``fig`` carries ("" for none)."""
    title = fig.layout.title
    return str(title.text or "") if title is not None else ""


def titled(fig: go.Figure, title: str | None) -> go.Figure:
    """``fig`` as exported: with its own title, or else a copy carrying ``title`` above the plot (the top
    margin and the height grown by :data:`TITLE_ROOM` px, so the plot keeps its size). A chart shown under
    a heading of the page has no title of its own, and its file would have none."""
    if figure_title(fig) or not title:
        return fig
    out = go.Figure(fig)
    top = int(out.layout.margin.t if out.layout.margin.t is not None else 80)
    out.update_layout(
        title={"text": html.escape(title), "x": 0.01, "xanchor": "left", "yref": "container", "y": 1,
               "yanchor": "top", "pad": {"t": 8}, "font": {"size": 16}},
        margin={"t": top + TITLE_ROOM},
    )  # fmt: skip
    if out.layout.height:
        out.update_layout(height=int(out.layout.height) + TITLE_ROOM)
    return out


#: The room (px) a title added for an export takes above the plot.
TITLE_ROOM = 32


def figure_image(
    fig: go.Figure, fmt: str, cite: str, width: int = 1400, scale: float = 2.0, title: str | None = None
) -> bytes:
    """PNG or SVG of ``fig`` with its title (``title`` when it has none: :func:`titled`), the citation as
    caption and in the file's metadata."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown image format {fmt!r}: use png or svg")
    path = chromium_path()
    if path is None:
        raise ImageExportUnavailable(INSTALL_HINT)
    os.environ.setdefault("BROWSER_PATH", path)
    fig = titled(fig, title)
    captioned = with_caption(fig, cite, width)
    height = int(fig.layout.height or 450) + int(captioned.layout.margin.b) - int(fig.layout.margin.b or 30)
    try:
        with warnings.catch_warnings():  # plotly warns that its options are ignored by a running server
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            data = captioned.to_image(format=fmt, width=width, height=height, scale=scale)
    except Exception as exc:  # kaleido's own errors vary by version; say what to do
        raise ImageExportUnavailable(f"{INSTALL_HINT} ({type(exc).__name__}: {exc})") from exc
    return png_with_text(data, "Citation", cite) if fmt == "png" else svg_with_metadata(data, cite)


def png_with_text(png: bytes, key: str, text: str) -> bytes:
    """Insert an ``iTXt`` chunk (UTF-8 text) after the PNG header chunk."""
    sig, rest = png[:8], png[8:]
    ihdr_len = struct.unpack(">I", rest[:4])[0]
    ihdr_end = 8 + 4 + 4 + ihdr_len + 4
    body = key.encode("latin-1") + b"\0\0\0" + b"\0" + b"\0" + text.encode("utf-8")
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    return sig + png[8:ihdr_end] + chunk + png[ihdr_end:]


def png_text(png: bytes) -> dict[str, str]:
    """The iTXt/tEXt chunks of a PNG (to check an export's citation)."""
    out: dict[str, str] = {}
    pos = 8
    while pos < len(png):
        length = struct.unpack(">I", png[pos : pos + 4])[0]
        kind = png[pos + 4 : pos + 8]
        body = png[pos + 8 : pos + 8 + length]
        if kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            out[key.decode("latin-1")] = rest[4:].split(b"\0", 1)[-1].decode("utf-8")
        elif kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
        pos += 12 + length
    return out


def svg_with_metadata(svg: bytes, cite: str) -> bytes:
    """Put the citation in ``<title>``-free ``<metadata>`` and ``<desc>`` right after the root tag."""
    text = svg.decode("utf-8")
    tag_end = text.index(">", text.index("<svg")) + 1
    meta = f"<metadata>{html.escape(cite)}</metadata><desc>{html.escape(cite)}</desc>"
    return (text[:tag_end] + meta + text[tag_end:]).encode("utf-8")


def figure_html(fig: go.Figure, cite: str, title: str | None = None) -> bytes:
    """A self-contained page (plotly.js inlined, no network) with the chart's title (``title`` when the
    figure has none: :func:`titled`) on the chart and as the page's title, the citation as meta and caption."""
    fig = titled(fig, title)
    body = fig.to_html(include_plotlyjs=True, full_html=False, config={"displaylogo": False})
    return _page(html.unescape(figure_title(fig)) or "timeline", body, cite).encode("utf-8")


def _page(title: str, body: str, cite: str, head: str = "") -> str:
    c = html.escape(cite)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="citation" content="{c}">{head}</head>'
        f'<body>{body}<p style="font:12px sans-serif;color:#555">{c}</p></body></html>\n'
    )


# -- map -----------------------------------------------------------------------------------------------
_SCRIPT = re.compile(r'<script src="(?P<url>[^"]+)"></script>')
_LINK = re.compile(r'<link rel="stylesheet" href="(?P<url>[^"]+)"\s*/?>')


def inline_assets(page: str, static_dir: Path = STATIC_DIR, base_url: str = STATIC_URL) -> str:
    """Replace links to our static files by their contents, so the page opens from ``file://`` offline."""

    def local(url: str) -> Path | None:
        if not url.startswith(base_url + "/"):
            return None
        path = static_dir / url[len(base_url) + 1 :]
        return path if path.is_file() else None

    def script(m: re.Match[str]) -> str:
        path = local(m["url"])
        if path is None:
            return m[0]
        code = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f"<script>{code}</script>"

    def style(m: re.Match[str]) -> str:
        path = local(m["url"])
        return f"<style>{path.read_text(encoding='utf-8')}</style>" if path else m[0]

    return _LINK.sub(style, _SCRIPT.sub(script, page))


#: The exported map page's layout: the map fills the window above the citation (a column), so the citation
#: never covers the map's scale bar or notes (it used to float over the map's bottom edge).
_MAP_PAGE_CSS = (
    "<style>html,body{height:100%;margin:0}body{display:flex;flex-direction:column}"
    ".folium-map{flex:1 1 auto;height:auto!important;min-height:0}"
    ".timeline-citation{flex:0 0 auto;font:11px sans-serif;color:#333;padding:3px 6px;background:#fff}"
    ".timeline-legend{flex:0 0 auto;font:11px sans-serif;color:#333;padding:3px 6px;background:#fff}</style>"
)


def map_citation(cite: str, week: date | None, mode: str = "cumulative", n_weeks: int = 4) -> str:
    """The exports' citation with the week the map shows (``mode`` as ``maps.MAP_MODES``): "… Map: the events
    up to the week of 2020-02-24." ("of the week of … only", "of the 4 weeks to the week of …"); ``week``
    None (a map without weeks): "every week's events"."""
    if week is None:
        shown = "every week's events"
    elif mode == "week":
        shown = f"the events of the week of {week.isoformat()} only"
    elif mode == "window":
        shown = f"the events of the {n_weeks} weeks to the week of {week.isoformat()}"
    else:
        shown = f"the events up to the week of {week.isoformat()}"
    return f"{cite.rstrip('.')}. Map: {shown}."


def map_legend(summary: pd.DataFrame) -> str:
    """The exported map's legend (HTML, escaped): each event type's colour (a place's colour is its most
    frequent type's), the size, and what a dot and a circle are."""
    from timeline.charts import type_color

    types = [str(t) for t in dict.fromkeys(summary["dominant_type"])] if "dominant_type" in summary else []
    swatch = "".join(
        f'<span style="white-space:nowrap;margin-right:10px"><span style="display:inline-block;width:10px;'
        f'height:10px;border-radius:5px;background:{type_color(t)};margin-right:3px"></span>{html.escape(t)}</span>'
        for t in sorted(types)
    )
    return (
        f'<div class="timeline-legend">{swatch}<span>colour: the place\'s most frequent event type · size: '
        "number of events · dot: a town or village · circle: a region (~25 km) or governorate (~60 km)</span></div>"
    )


def map_html(m: folium.Map, cite: str, legend: str = "") -> bytes:
    """The map as one standalone page (Leaflet and plugins inlined) with ``legend`` (HTML, as
    :func:`map_legend` writes it) and the citation under the map."""
    page = m.get_root().render()
    page = inline_assets(page)
    meta = f'<meta name="citation" content="{html.escape(cite)}">'
    caption = legend + f'<div class="timeline-citation">{html.escape(cite)}</div>'
    page = page.replace("<head>", "<head>" + meta, 1)
    page = page.replace("</head>", _MAP_PAGE_CSS + "</head>", 1)
    return page.replace("</body>", caption + "</body>", 1).encode("utf-8")


# -- data ----------------------------------------------------------------------------------------------
def _schema_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The schema's columns, the merge columns and the review state (drop the app's helper columns like
    ``day`` and ``hover``). The rows are the events as shown: merged reports keep their ``merged_ids``, and a
    view shown unmerged gets each row as an event of its own (:func:`timeline.dedup.as_final`), so the file,
    served again, shows the same events whether the dashboard merges reports or not."""
    from timeline.dedup import MERGED_COLUMNS, as_final
    from timeline.model import EVENT_COLUMNS

    keep = (*EVENT_COLUMNS, *MERGED_COLUMNS, "review", "review_reason")
    out = as_final(df[[c for c in keep if c in df.columns]].reset_index(drop=True))
    # who published each article, next to its source; file sources below the folder they share
    names = outlets.canonical_sources([*out["source"], *(s for xs in out["sources"] for s in xs)])
    out["source"] = out["source"].astype(str).map(names)
    out["sources"] = [[names.get(str(s), str(s)) for s in xs] for xs in out["sources"]]
    out.insert(out.columns.get_loc("source") + 1, "outlet", outlets_of(out["source"]).astype(str))
    if "outlet" in df.columns:  # the outlet the events came with (an exported file's, served again)
        given = df["outlet"].reset_index(drop=True).astype(object).where(df["outlet"].notna().to_numpy(), "")
        out["outlet"] = given.astype(str).where(given.astype(str) != "", out["outlet"]).to_numpy()
    shared = outlets.relative_sources([*out["source"], *(s for xs in out["sources"] for s in xs)])
    out["source"] = out["source"].astype(str).map(shared)
    out["sources"] = [[shared.get(str(s), str(s)) for s in xs] for xs in out["sources"]]
    if (
        "merge_why" in out.columns
    ):  # a merge's sentence names sources too: as exported, never a machine's path
        final = {k: shared.get(v, v) for k, v in names.items()} | shared
        out["merge_why"] = outlets.sources_in_text(out["merge_why"], final)
    return out


def events_csv(df: pd.DataFrame, cite: str) -> bytes:
    """CSV (lists joined with ";", the schema's columns, then ``citation``); see :func:`csv_with_citation`."""
    return csv_with_citation(csv_frame(_schema_frame(df)), cite)


def events_json(df: pd.DataFrame, cite: str) -> bytes:
    """``{"citation": ..., "references": [...], "events": [...]}`` with lists kept as lists."""
    doc = {"citation": cite, "references": references(df), "events": records(_schema_frame(df))}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def events_geojson(df: pd.DataFrame, cite: str) -> bytes:
    """One point feature per (event, place), the citation and references as members of the collection."""
    doc = to_geojson(_schema_frame(df))
    doc = {"type": doc["type"], "citation": cite, "references": references(df), "features": doc["features"]}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def events_parquet(df: pd.DataFrame, cite: str) -> bytes:
    """Parquet with the citation under the schema metadata key ``citation``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(_schema_frame(df), preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"citation"] = cite.encode("utf-8")
    meta[b"references"] = json.dumps(references(df), ensure_ascii=False).encode("utf-8")
    buf = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(meta), buf)
    return buf.getvalue()


#: name -> (file suffix, MIME type) of the data exports
DATA_FORMATS = {
    "CSV": ("csv", "text/csv"),
    "JSON": ("json", "application/json"),
    "GeoJSON": ("geojson", "application/geo+json"),
    "Parquet": ("parquet", "application/vnd.apache.parquet"),
}


def events_export(df: pd.DataFrame, fmt: str, cite: str) -> bytes:
    """Bytes of the filtered events in ``fmt`` (a key of :data:`DATA_FORMATS`)."""
    if fmt == "CSV":
        return events_csv(df, cite)
    if fmt == "JSON":
        return events_json(df, cite)
    if fmt == "GeoJSON":
        return events_geojson(df, cite)
    if fmt == "Parquet":
        return events_parquet(df, cite)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(DATA_FORMATS)}")
