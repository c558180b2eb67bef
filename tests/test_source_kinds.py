"""A reference page (a wiki's or an encyclopedia's article) is dated by its last revision: that date is no
event's date and no publication (issue 9, fresh tester 2)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from events_factory import event, frame
from timeline import charts, exports
from timeline.source_kinds import is_reference, source_kind

WIKI = "data/sample/wiki_turkish_operation_idlib_2019-2020.md"
REVISED = "2023-08-20T12:08:00"


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("https://en.wikipedia.org/wiki/Idlib", "reference"),
        ("https://www.britannica.com/place/Idlib", "reference"),
        (WIKI, "reference"),
        ("C:\\corpus\\wikipedia-timeline.html", "reference"),
        ("data/encyclopedia_syria.txt#3", "reference"),
        ("https://www.aljazeera.net/news/2020/2/10/idlib", "news"),
        ("https://notwikipedia.org.example.com/a", "news"),
        ("data/sample/asnd_idlib_2019-2020.jsonl#asnd-1", "news"),
        ("data/wikileaks_cables.txt", "news"),
        ("data/kiwi_report.txt", "news"),
        (None, "news"),
    ],
)
def test_a_source_is_a_reference_page_by_its_host_or_file_name(source: object, kind: str) -> None:
    assert source_kind(source) == kind
    assert is_reference(pd.Series([source])).tolist() == [kind == "reference"]


def _mixed() -> pd.DataFrame:
    """Two news reports (Feb 2020) and a reference page revised in 2023: an event its text dates, an
    ongoing one, and one dated by the revision alone (its text gives no date)."""
    news = [event("talks", "2020-02-10", source="data/seed.txt"),
            event("offensive", "2020-02-12", source="https://www.aljazeera.net/news/a")]  # fmt: skip
    wiki = [event("offensive", "2020-02-27", source=WIKI, published=REVISED),
            event("ceasefire", "2020-03-06", status="ongoing", source=WIKI, published=REVISED),
            event("offensive", "2023-08-20", source=WIKI, published=REVISED)]  # fmt: skip
    df = frame(news + wiki)
    df.loc[df["date_start"] == "2023-08-20", "date_source"] = "publication"
    return df


def test_the_citation_counts_sources_by_kind_and_dates_only_the_news() -> None:
    df = _mixed()
    cite = exports.citation(df, "all events", date(2026, 1, 2))
    assert "from 2 news articles and 1 reference page" in cite
    assert "published 2020-02-10 to 2020-02-12" in cite and "2023" not in cite  # a revision is no publication
    refs = exports.references(df)
    assert any("reference page, revised 2023-08-20" in r for r in refs)
    assert sum("reference page" in r for r in refs) == 1 and len(refs) == 3


def test_a_revision_date_stretches_no_timeline_and_ends_no_bar() -> None:
    df = _mixed()
    fig = charts.timeline_figure(df)
    lo, hi = pd.to_datetime(fig.layout.xaxis.range)
    assert lo < pd.Timestamp("2020-02-10") and pd.Timestamp("2020-03-06") < hi < pd.Timestamp("2020-06-01")
    bars = [x for t in fig.data if t.mode == "lines" for x in t.x if x]
    assert not [x for x in bars if x.startswith("2023")]  # the ongoing ceasefire is no bar to the revision
    assert charts.latest_published(df) == pd.Timestamp("2020-02-12")  # campaigns run to news, not revisions
    counts = charts.counts_figure(df, x_range=fig.layout.xaxis.range)
    assert list(counts.layout.xaxis.range) == list(fig.layout.xaxis.range)
