"""Linear time on any input (issue 11, item 5): every per-sentence step sees a bounded piece of text,
per-article work is done once, and no look-up walks a tree or backtracks over a whole field.

These tests count work (characters handed to a step, calls), not seconds: timing lives in
``bench/linear.py``.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline.extract.article as extract_module
import timeline.model as model_module
from timeline.extract import Resources, extract_article
from timeline.model import Article
from timeline.pipeline import extract_uploads
from timeline.readers import parse_html_page, read_bytes
from timeline.readers.articles import _PATHLIKE, HTML_HINT, URL
from timeline.text import MAX_SENTENCE_CHARS, oversized_sentences, split_sentences

SENTENCE = (
    "Russian warplanes carried out airstrikes on Idlib and shelled Aleppo on Monday, killing at least 12 "
    "civilians, while Turkey and Russia held talks in Ankara since 25 November, "
)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources.load()


@given(
    st.lists(st.sampled_from([*"ab ,.;\n،؟", "U.S. ", "Mr. ", "قصف "]), max_size=150).map("".join),
    st.integers(min_value=8, max_value=60),
)
def test_capped_sentences_are_short_ordered_and_keep_every_word(text: str, cap: int) -> None:
    capped, whole = split_sentences(text, cap), split_sentences(text, None)
    assert all(0 <= a < b <= len(text) and b - a <= cap for a, b in capped)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(capped, capped[1:], strict=False))
    words = "".join(text[a:b] for a, b in whole).split()
    assert "".join("".join(text[a:b] for a, b in capped).split()) == "".join(words)
    assert (capped == whole) == all(b - a <= cap for a, b in whole)


def test_every_sentence_step_sees_at_most_the_cap(
    monkeypatch: pytest.MonkeyPatch, resources: Resources
) -> None:
    seen: list[int] = []
    real = extract_module.find_dates

    def find_dates(text, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append(len(text))
        return real(text, *args, **kw)

    monkeypatch.setattr(extract_module, "find_dates", find_dates)
    text = SENTENCE * (60_000 // len(SENTENCE))  # 60 KB, no full stop
    events = extract_article(
        Article("a.txt", text, published=datetime(2020, 2, 10), language="en"), resources
    )
    assert events and seen and max(seen) <= MAX_SENTENCE_CHARS
    assert oversized_sentences(text) == [len(text.strip())]


def test_a_cut_sentence_is_reported_and_its_events_kept() -> None:
    body = "10 February 2020\nTitle\n\n" + SENTENCE * 100
    result = extract_uploads([("long.txt", body.encode())])
    notes = [e.reason for e in result.errors if e.reason.startswith("long sentences")]
    assert len(notes) == 1 and "3,000-character limit" in notes[0]
    assert result.n_events > 0


def test_the_article_text_is_hashed_once(monkeypatch: pytest.MonkeyPatch, resources: Resources) -> None:
    calls = []
    real = model_module.stable_hash

    def counting(*parts, **kw):  # noqa: ANN002, ANN003, ANN202
        calls.append(sum(len(str(p)) for p in parts))
        return real(*parts, **kw)

    monkeypatch.setattr(model_module, "stable_hash", counting)
    text = "قصفت قوات النظام مدينة سراقب يوم 8 شباط 2020، ما أدى لمقتل 3 مدنيين.\n\n" * 200
    events = extract_article(
        Article("a.txt", text, published=datetime(2020, 2, 10), language="ar"), resources
    )
    assert len(events) > 0
    assert sum(1 for n in calls if n >= len(text) // 2) == 1  # the whole text, once (was once per event)


def test_merging_looks_at_a_bounded_window_of_events(
    monkeypatch: pytest.MonkeyPatch, resources: Resources
) -> None:
    import timeline.mentions as mentions_module

    name = "corefer" if hasattr(mentions_module, "corefer") else "_compatible"
    calls = []
    real = getattr(mentions_module, name)

    def counting(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(mentions_module, name, counting)
    units = [
        "Russian jets struck Saraqib on 3 February 2020.\n\n",
        "The talks in Ankara were held under pressure.\n\n",
        "Regime forces shelled Maarat al-Numan.\n\n",
    ]
    counts = []
    for n in (300, 1200):
        calls.clear()
        extract_article(
            Article("a.txt", "".join(units) * n, published=datetime(2020, 2, 10), language="en"), resources
        )
        counts.append(len(calls))
    assert counts[1] <= 4 * counts[0] * 1.2  # linear in the number of mentions (quadratic: 16x)
    assert counts[1] <= 2 * mentions_module.ANCHOR_WINDOW * 3 * 1200


def test_deeply_nested_html_is_read_without_a_search_per_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    from bs4.element import Tag

    calls = []
    real = Tag.find

    def counting(self, *args, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(1)
        return real(self, *args, **kw)

    monkeypatch.setattr(Tag, "find", counting)
    for depth in (500, 4000):
        calls.clear()
        html = (
            "<html><body>"
            + '<div class="menu"><span>' * depth
            + "Jets struck Idlib."
            + "</span></div>" * depth
        )
        page = parse_html_page(html + "<p>Russian jets struck Saraqib on Monday.</p></body></html>")
        assert "Saraqib" in page.text
        assert len(calls) < 20  # a fixed number of searches (was two per tag: 8,000 walks of the tree)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (HTML_HINT, "<p " * 100_000),
        (_PATHLIKE, "a/" * 100_000 + " b"),
        (URL, "www." + "a/" * 100_000 + " b"),
        (URL, "http" + "a" * 200_000 + " "),
    ],
    ids=["html-hint", "pathlike", "url-www", "url-scheme"],
)
def test_reader_patterns_do_not_backtrack_over_a_field(pattern: re.Pattern[str], text: str) -> None:
    """Counted in steps of a linear scan: the match must end long before a quadratic one would."""
    import signal

    def too_slow(*_: object) -> None:
        raise TimeoutError("pattern backtracks (quadratic): 200 KB took over 20 s")

    old = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(20)  # a linear scan of 200 KB takes milliseconds; a quadratic one, hours
    try:
        pattern.search(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_json_text_with_unclosed_tags_is_read() -> None:
    body = (
        '{"title": "T", "published": "2020-02-10", "text": "Jets struck Idlib on Monday. '
        + "<p " * 50_000
        + '"}'
    )
    (item,) = list(read_bytes("a.json", body.encode()))
    assert isinstance(item, Article) and "Jets struck Idlib" in item.text
