"""A fresh tester's findings (issue 9, fresh tester 9), each as a kind: one source is one line of a citation,
counted once, with its outlet; no export or detail shows the machine's folders; the URL holds every filter;
the review panel follows the events shown; playback draws the map; the map opens on the bulk of the events."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from events_factory import event, frame
from timeline import exports, outlets
from timeline import filters as flt
from timeline.present import event_detail

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def _corpus(tmp_path: Path) -> Path:
    """A corpus folder with a source list: two posts of one file by an outlet, a wiki page with its URL."""
    folder = tmp_path / "machine" / "data" / "sample"
    folder.mkdir(parents=True)
    (folder / "sources.csv").write_text(
        "file,outlet,url,licence\nposts.jsonl,Al Jazeera (ASND dataset),,CC BY 4.0\n"
        "wiki_idlib.md,Wikipedia,https://en.wikipedia.org/wiki/Idlib,CC BY-SA\n",
        encoding="utf-8",
    )
    return folder


def _mixed(folder: Path) -> pd.DataFrame:
    """Events as the dashboard has them after a review log and an upload: the extraction's absolute paths,
    a reviewer's added events with the corpus's relative paths (one of them a post no extracted event
    has), and an uploaded file's bare name."""
    posts, wiki = f"{folder}/posts.jsonl", f"{folder}/wiki_idlib.md"
    return frame([
        event(source=f"{posts}#post-1", evidence="Shelling hit Saraqib.", published="2020-02-01T10:00:00"),
        event(source=f"{posts}#post-2", evidence="Airstrikes hit Idlib.", published="2020-02-02T10:00:00"),
        event(source=wiki, evidence="The army took Saraqib.", published="2023-08-20T12:00:00"),
        event(source="data/sample/posts.jsonl#post-2", evidence="Airstrikes hit Ariha.", published="2020-02-02T10:00:00"),
        event(source="data/sample/posts.jsonl#post-3", evidence="Clashes near Nairab.", published="2020-02-03T10:00:00"),
        event(source="data/sample/wiki_idlib.md", evidence="Turkey sent troops.", published="2023-08-20T12:00:00"),
        event(source="upload.txt", evidence="Government forces took Kafranbel.", published="2020-02-26T10:00:00"),
    ])  # fmt: skip


# -- 1. one source, one line, counted once, with its outlet ------------------------------------------------
def test_a_citation_counts_and_lists_each_article_once_with_its_outlet(tmp_path: Path) -> None:
    df = flt.index_events(_mixed(_corpus(tmp_path))).events
    cite = exports.citation(df, "")
    assert "4 news articles and 1 reference page " in cite  # post-1..3 and the upload; the wiki page once
    refs = exports.references(df)
    assert len(refs) == 5
    assert sum("post-2" in r for r in refs) == 1
    assert all(r.startswith("Al Jazeera (ASND dataset), ") for r in refs if "posts.jsonl" in r)
    assert [r for r in refs if "Idlib" in r or "wiki" in r] == [
        "Wikipedia, \u201coffensive report\u201d, reference page, revised 2023-08-20, https://en.wikipedia.org/wiki/Idlib"
    ]
    assert "Sources (5 articles)" in exports.citation_file(cite, refs).decode()


def test_canonical_sources_take_a_relative_path_to_the_absolute_file_of_that_path() -> None:
    names = outlets.canonical_sources(
        ["/srv/c/data/a.jsonl#1", "data/a.jsonl#2", "a/data/a.jsonl", "a.jsonl", "https://x.org/data/a.jsonl"]
    )
    assert names["data/a.jsonl#2"] == "/srv/c/data/a.jsonl#2"  # the same file, its own item
    assert names["a/data/a.jsonl"] == "a/data/a.jsonl"  # another folder
    assert names["a.jsonl"] == "a.jsonl"  # a bare name (an upload) is another article
    assert names["https://x.org/data/a.jsonl"] == "https://x.org/data/a.jsonl"


# -- 2. no absolute path in an export or the detail card ---------------------------------------------------
@pytest.mark.parametrize("fmt", ["CSV", "JSON", "GeoJSON", "Parquet"])
def test_exports_hold_no_absolute_path_when_file_sources_are_mixed(tmp_path: Path, fmt: str) -> None:
    folder = _corpus(tmp_path)
    df = flt.index_events(_mixed(folder)).events
    data = exports.events_export(df, fmt, exports.citation(df, ""))
    if fmt == "Parquet":
        got = pd.read_parquet(__import__("io").BytesIO(data))
        text = got.to_json(force_ascii=False) + json.dumps(dict(got.attrs), default=str)
    else:
        text = data.decode("utf-8-sig")
    assert str(tmp_path) not in text.replace("\\/", "/")
    assert "posts.jsonl#post-3" in text


def test_the_detail_card_shows_the_url_or_the_path_below_the_corpus(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    df = flt.index_events(_mixed(folder)).events
    heads = [event_detail(row)[0].replace("\\", "") for row in df.to_dict("records")]  # Markdown unescaped
    assert not any(str(tmp_path) in h for h in heads)
    assert any("Al Jazeera (ASND dataset), " in h and "posts.jsonl#post-1" in h for h in heads)
    assert any("https://en.wikipedia.org/wiki/Idlib" in h for h in heads)


# -- 4. the review panel follows the events shown ---------------------------------------------------------
def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["f_merge"] = False
    return _run(at)


def test_the_review_panel_lets_go_of_an_event_a_filter_takes_out_of_view(app_env: None) -> None:
    at = _app()
    at.session_state["table"] = {"selection": {"rows": [0], "columns": []}}
    _run(at)
    picked = at.session_state["rv_current"]
    assert [b for b in at.button if b.key == "rv_confirm"]
    _, view = at.session_state["_rv"]
    kind = view.events.set_index("event_id").loc[picked, "type"]
    other = next(t for t in view.events["type"] if t != kind)
    at.multiselect(key="f_types").set_value([other])
    _run(at)
    assert not [b for b in at.button if b.key in ("rv_confirm", "rv_reject")]  # Y and X review nothing unseen
    assert "rv_current" not in at.session_state


# -- 3. every filter round-trips through the URL --------------------------------------------------------
def _reload(at: AppTest) -> AppTest:
    """A new session on the URL ``at`` shows (a reload, or a colleague opening the link)."""
    again = AppTest.from_file(APP, default_timeout=60)
    for k in at.query_params:
        again.query_params[k] = at.query_params[k]
    return _run(again)


def test_every_sidebar_filter_comes_back_from_the_url(app_env: None) -> None:
    at = _app()
    changed = {}
    for box in at.sidebar.multiselect:  # each multiselect of the sidebar: one option other than its value
        if box.key == "f_sources":
            continue  # a source's value in the link is its path below the corpus (test_filters)
        names = [o.split(" · ", 1)[-1] if box.key == "f_actors" else o for o in box.options]  # "side · name"
        other = [o for o in names if o not in box.value][:1]
        changed[box.key] = [*box.value, *other] if box.key == "f_review" else other
        box.set_value(changed[box.key])
    _run(at)
    assert "f_review" in changed  # the Review state filter, with "rejected" added
    again = _reload(at)
    for key, value in changed.items():
        assert sorted(again.session_state[key]) == sorted(value), key


def test_the_review_state_filter_is_in_the_url_and_the_citation() -> None:
    view = flt.Filters(review=("unreviewed", "confirmed", "corrected", "rejected"))
    params = flt.to_query_params(view)
    assert params["review"] == ["unreviewed", "confirmed", "corrected", "rejected"]
    assert flt.from_query_params(params) == view
    assert "review: unreviewed, confirmed, corrected, rejected" in view.describe()
    assert "review" not in flt.to_query_params(flt.Filters())
