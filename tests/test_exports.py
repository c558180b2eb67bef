"""Exports: every file carries the citation; data formats read back; the map page needs no network."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from timeline import exports
from timeline.charts import timeline_figure
from timeline.filters import Filters
from timeline.maps import build_map, load_basemap, place_summary

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def cite(events: pd.DataFrame) -> str:
    return exports.citation(events, Filters(types=("talks",)).describe(), date(2026, 1, 2))


def test_citation_names_sources_filters_and_access_date(events: pd.DataFrame, cite: str) -> None:
    n_articles = events["source"].nunique()
    days = events["published"].str[:10]
    assert f"from {n_articles} news articles, published {days.min()} to {days.max()}" in cite
    assert "types: talks" in cite and "accessed 2026-01-02" in cite and f"{len(events)} events" in cite
    assert "and 9 more" not in cite and "references in CITATION.txt" in cite


def test_references_give_outlet_title_date_and_url() -> None:
    from events_factory import event, frame

    df = frame(
        [
            event("talks", "2020-02-10", source="https://www.aljazeera.net/news/2020/2/10/x?a=1"),
            event("offensive", "2020-02-11", source="/home/me/corpus/smart.txt"),
            event("ceasefire", "2020-03-05", source="corpus/posts.jsonl#12"),
        ]
    ).assign(title=["محادثات في أنقرة", "Attack on Saraqib", "Moscow ceasefire"])
    refs = exports.references(df)
    assert (
        refs[0]
        == "aljazeera.net, \u201cمحادثات في أنقرة\u201d, 2020-02-10, https://www.aljazeera.net/news/2020/2/10/x?a=1"
    )
    assert refs[1] == "\u201cAttack on Saraqib\u201d, 2020-02-11, smart.txt"
    assert refs[2].endswith("2020-03-05, posts.jsonl#12")
    cite = exports.citation(df, "all events", date(2026, 1, 2))
    assert "3 news articles by aljazeera.net, published 2020-02-10 to 2020-03-05" in cite
    text = exports.citation_file(cite, refs).decode()
    assert text.startswith(cite) and "Sources (3 articles):" in text and all(r in text for r in refs)


def test_csv_carries_its_citation_with_a_bom_and_no_formulas(events: pd.DataFrame, cite: str) -> None:
    hostile = events.assign(
        title=['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "ok", "-"]
    )
    data = exports.events_export(hostile, "CSV", cite)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: spreadsheet programs read Arabic right
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert (back["citation"] == cite).all() and back.columns[-1] == "citation"
    assert list(back["title"][:6]) == [
        '\'=HYPERLINK("http://evil.example","x")',
        "'+1+2",
        "'-2+3",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
    ]
    assert list(back["title"][6:]) == ["ok", "'-"]
    assert not any(str(v).startswith(tuple("=+-@")) for col in back.columns for v in back[col])
    agg = exports.aggregate_csv(b"actor,count\n=cmd|' /C calc'!A0,3\nTurkey,-1\n", cite)
    table = pd.read_csv(io.BytesIO(agg), encoding="utf-8-sig", dtype=str)
    assert agg.startswith(b"\xef\xbb\xbf") and list(table["actor"]) == ["'=cmd|' /C calc'!A0", "Turkey"]
    assert list(table["count"]) == ["3", "-1"] and (table["citation"] == cite).all()  # numbers stay numbers


@pytest.mark.parametrize("fmt", ["CSV", "JSON", "GeoJSON", "Parquet"])
def test_data_exports_read_back(events: pd.DataFrame, cite: str, fmt: str) -> None:
    data = exports.events_export(events.assign(hover="x"), fmt, cite)  # helper columns are dropped
    if fmt == "CSV":
        back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
        assert len(back) == len(events) and "hover" not in back.columns and (back["citation"] == cite).all()
        assert back["actors"].iloc[0] == "TURGOV:Turkey;RUSGOV:Russia"
    elif fmt == "JSON":
        doc = json.loads(data)
        assert doc["citation"] == cite and len(doc["events"]) == len(events)
        assert doc["references"] == exports.references(events)
        assert doc["events"][0]["actors"][0]["code"] == "TURGOV"
    elif fmt == "GeoJSON":
        doc = json.loads(data)
        assert doc["citation"] == cite
        assert len(doc["features"]) == sum(max(1, len(xs)) for xs in events["places"])  # none left out
    else:
        table = pq.read_table(io.BytesIO(data))
        assert table.schema.metadata[b"citation"].decode() == cite
        assert table.num_rows == len(events) and "hover" not in table.column_names


def test_citation_file_without_references_is_the_line(cite: str) -> None:
    assert exports.citation_file(cite).decode().strip() == cite


def test_chart_html_is_self_contained_with_citation(events: pd.DataFrame, cite: str) -> None:
    page = exports.figure_html(timeline_figure(events), cite).decode()
    assert 'name="citation"' in page and "accessed 2026-01-02" in page
    assert not re.search(r'<script[^>]+src="https?://', page)  # plotly.js is inlined


def test_map_html_inlines_leaflet_and_keeps_the_citation(events: pd.DataFrame, cite: str) -> None:
    m = build_map(place_summary(events), basemap=load_basemap())
    page = exports.map_html(m, cite).decode()
    assert "/app/static/" not in page  # every local asset inlined
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page)
    assert "L.map(" in page and "accessed 2026-01-02" in page


def test_png_and_svg_metadata_helpers(cite: str) -> None:
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    tagged = exports.png_with_text(png, "Citation", cite)
    assert exports.png_text(tagged)["Citation"] == cite
    svg = exports.svg_with_metadata(b'<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>', cite)
    assert b"<metadata>" in svg and cite.encode() in svg


def test_without_chromium_image_export_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, events: pd.DataFrame
) -> None:
    monkeypatch.setattr(exports, "chromium_path", lambda: None)
    with pytest.raises(exports.ImageExportUnavailable, match="apt-get install chromium"):
        exports.figure_image(timeline_figure(events), "png", "cite")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_png_and_svg_with_system_chromium(events: pd.DataFrame, cite: str) -> None:
    fig = timeline_figure(events)
    png = exports.figure_image(fig, "png", cite, width=600, scale=1)
    assert png.startswith(b"\x89PNG") and exports.png_text(png)["Citation"] == cite
    svg = exports.figure_image(fig, "svg", cite, width=600, scale=1)
    assert svg.lstrip().startswith(b"<svg") and b"accessed 2026-01-02" in svg
