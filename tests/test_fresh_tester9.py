"""A fresh tester's findings (issue 9, fresh tester 9), each as a kind: one source is one line of a citation,
counted once, with its outlet; no export or detail shows the machine's folders; the URL holds every filter;
the review panel follows the events shown; playback draws the map; the map opens on the bulk of the events."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app_testing import app_without_merge as _app
from app_testing import run_clean as _run
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


# -- 6. the map opens on the bulk of the events -----------------------------------------------------------
def _places(rows: list[tuple[str, float, float, int, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["name", "lat", "lon", "n_events", "precision"])


def test_the_map_opens_on_the_bulk_of_the_events_and_holds_each_place_whole() -> None:
    from timeline.maps import opening_bounds

    campaign = _places([
        ("Saraqib", 35.86, 36.81, 17, "point"), ("Idlib", 35.93, 36.63, 6, "point"),
        ("Idlib Governorate", 35.75, 36.62, 4, "admin1"), ("Aleppo", 36.20, 37.16, 4, "point"),
        ("Moscow", 55.75, 37.62, 2, "point"), ("Ankara", 39.92, 32.85, 1, "point"),
    ])  # fmt: skip
    (south, west), (north, east) = opening_bounds(campaign)
    assert (
        north < 39 and south <= 35.75 - 60 / 111 + 1e-9 and west < 36.62 - 0.5
    )  # the governorate's circle whole
    talks = _places([("Ankara", 39.92, 32.85, 2, "point"), ("Moscow", 55.75, 37.62, 2, "point")])
    (south, west), (north, east) = opening_bounds(talks)
    assert south < 39.92 and north > 55.75 and west < 32.85 and east > 37.62  # both venues of the talks


# -- 7. small points -------------------------------------------------------------------------------------
def test_reviews_left_out_of_the_precision_are_said_beside_it() -> None:
    from timeline.present import unattached_note

    note = unattached_note(["reject", "reject", "reject"])
    assert note.startswith("3 reviews not attached to an event (3 rejections) are left out of this precision")
    assert "higher" in note  # a rejection left out raises the figure
    assert unattached_note([]) == ""


def test_review_gold_says_the_rejections_its_precision_leaves_out(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from timeline import review as rv
    from timeline.cli import main
    from timeline.store import EventStore

    rows = [event(evidence="Shelling hit Saraqib."), event("talks", evidence="Talks were held in Ankara.")]
    store = tmp_path / "store"
    EventStore(store).write(frame(rows), {r["article_id"]: r["article_id"] for r in rows})
    gone = {**rows[1], "article_id": "0" * 16}  # its event is no longer extracted
    log = rv.ReviewLog.beside(store)
    log.add(rv.confirm(rows[0], "ana"))
    log.add(rv.reject(gone, "ana", "not an event"))
    assert main(["review", "gold", "--store", str(store), "-o", str(tmp_path / "g.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "1 review not attached to an event (1 rejection) is left out of this precision" in err


def test_the_exported_map_has_a_legend_and_says_which_week_it_shows() -> None:
    from datetime import date

    from events_factory import sample_frame
    from timeline import maps

    summary = maps.place_summary(sample_frame())
    cite = exports.map_citation("Events extracted with timeline (8 events).", date(2020, 2, 24))
    page = exports.map_html(maps.build_map(summary), cite, exports.map_legend(summary)).decode()
    assert "Map: the events up to the week of 2020-02-24." in page
    legend = page[page.index('<div class="timeline-legend">') :]
    assert all(t in legend for t in ("talks", "offensive", "ceasefire", "circle: a region"))
    assert "of the week of 2020-02-24 only" in exports.map_citation("x.", date(2020, 2, 24), "week")


def test_back_shows_the_view_of_the_url_navigated_to(app_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit reruns the page with the URL Back goes to; the view used to stay as it was (the app read
    the URL on a session's first run only), and wrote its own URL again: Back did nothing."""
    from timeline import link_check

    at = _app()
    types = at.multiselect(key="f_types")
    first, second = types.options[:2]
    types.set_value([first])
    _run(at)
    before = {k: at.query_params[k] for k in at.query_params}
    at.multiselect(key="f_types").set_value([second])
    _run(at)
    assert at.query_params["type"] in (second, [second])
    monkeypatch.setattr(link_check, "history_navigation", lambda: True)  # the browser's Back
    for k in list(at.query_params):
        del at.query_params[k]
    for k, v in before.items():
        at.query_params[k] = v
    _run(at)
    assert at.session_state["f_types"] == [first]
    assert at.query_params["type"] in (first, [first])


def test_the_outer_lanes_marks_keep_clear_of_the_legend_and_the_axis() -> None:
    """At 1920 px the talks lane's ringed marks touched the legend row (5 px apart, measured in Chromium on
    the tester's store): the plot keeps a clear gap above its top lane's highest mark, review ring included."""
    from events_factory import sample_frame
    from timeline import charts

    fig = charts.timeline_figure(sample_frame())
    layout = fig.layout
    n = len(layout.yaxis.tickvals)
    low, high = layout.yaxis.range
    px_per_lane = (layout.height - layout.margin.t - layout.margin.b) / (high - low)
    ring = (charts.MARK_SIZE + 8) / 2  # a review ring's radius (px)
    assert (high - (n - 1 + 0.3)) * px_per_lane - ring >= 8  # the top lane's highest mark (jitter ±0.3)
    assert ((0 - 0.3) - low) * px_per_lane - ring >= 8  # the bottom lane's lowest, above the date axis
