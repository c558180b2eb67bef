"""Hostile input at the reading edge (issue 11): terminal escapes, size limits before decoding,
encodings (BOMs, a UTF-8 title over a Windows-1256 body), the run's own outputs, URL citations."""

from __future__ import annotations

import json
import string
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.cli import main
from timeline.exports import citation
from timeline.model import Article, ReadError, printable
from timeline.readers import iter_articles, read_bytes
from timeline.readers.base import MAX_TEXT_BYTES

ARABIC_TITLE = "قصف مدفعي على ريف إدلب"
ARABIC_BODY = "قتل ثلاثة مدنيين جراء قصف مدفعي لقوات النظام السوري على بلدة كفرنبل في ريف إدلب الجنوبي.\n"
ENGLISH = "Shelling in Idlib\n\nThree civilians were killed when government artillery shelled Kafranbel on Tuesday.\n"
CONTROL = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


# -- 4. terminal escapes -------------------------------------------------------------------------------
@given(st.text(alphabet=st.sampled_from([*CONTROL, *string.printable, "ع", "é", "\u200f"])))
def test_printable_leaves_no_control_character_and_keeps_the_rest(text: str) -> None:
    shown = printable(text)
    assert not any(c in shown for c in CONTROL)
    assert [c for c in shown if c not in "\\"] == [c for c in shown if c not in "\\"]  # no crash, str out
    plain = "".join(c for c in text if c not in CONTROL)
    assert printable(plain) == plain  # printable text is untouched (Arabic, RLM included)


@given(
    st.text(
        alphabet=st.sampled_from(["\x1b", "[", "3", "1", "m", "\r", "\u202e", "\x9b", "a", "/"]), min_size=1
    )
)
def test_read_errors_never_carry_control_characters(name: str) -> None:
    for item in read_bytes(f"{name}.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(64))):
        assert isinstance(item, ReadError)
        assert not any(c in item.source + item.reason for c in CONTROL)


def test_console_and_error_report_escape_a_hostile_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil\x1b]0;pwned\x07\x1b[2J\u202e.txt").write_bytes(b"")
    (corpus / "ok.txt").write_text(ENGLISH.replace("Tuesday", "Tuesday 4 February 2020"), encoding="utf-8")
    for extra in ([], ["--errors", str(tmp_path / "errors.jsonl")]):
        main(["extract", str(corpus), "-o", str(tmp_path / "ev.jsonl"), "--no-progress", *extra])
        stderr = capsys.readouterr().err
        assert "\\x1b" in stderr or extra  # the name is shown, escaped
        assert not any(c in stderr for c in CONTROL if c not in "\n")
    report = (tmp_path / "errors.jsonl").read_text(encoding="utf-8")
    assert "evil" in report and not any(c in report for c in CONTROL if c != "\n")
    assert not any(c in json.loads(report.splitlines()[0])["source"] for c in CONTROL)


# -- 6. memory: over-limit fields refused before decoding -----------------------------------------------
def test_a_huge_csv_field_is_refused_before_decoding_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    with path.open("wb") as fh:
        fh.write(b"title,text,published\nA,Turkish troops entered Idlib on Monday.,2020-02-03\n")
        fh.write(b"B,")
        for _ in range(6 * MAX_TEXT_BYTES // 2**20):  # a 60 MB field on one line
            fh.write(b"x" * 2**20)
        fh.write(b",2020-02-03\nC,Russian jets struck Saraqeb on Tuesday.,2020-02-04\n")
    tracemalloc.start()
    items = list(iter_articles([path]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    assert "row 2 is 60.0 MB, over the 10 MB limit" in items[1].reason and items[1].source.endswith("#2")
    assert peak < 3 * MAX_TEXT_BYTES  # the field was never held, let alone decoded (was 2.4 GB for 250 MB)


def test_a_huge_jsonl_line_in_utf16_is_refused_too() -> None:
    rows = [
        json.dumps({"text": "Turkish troops entered Idlib on Monday."}),
        json.dumps({"text": "x" * (11 * 2**20)}),
    ]
    items = list(read_bytes("rows.jsonl", "\n".join(rows).encode("utf-16")))
    assert isinstance(items[0], Article) and isinstance(items[1], ReadError)
    assert "over the 10 MB limit" in items[1].reason


def test_a_huge_json_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b" " * (65 * 2**20) + b"]")
    (item,) = list(iter_articles([path]))
    assert isinstance(item, ReadError) and "JSONL" in item.reason


# -- 9. the run's own outputs are not read back --------------------------------------------------------
def test_a_rerun_does_not_read_its_own_outputs(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("4 February 2020\n" + ENGLISH, encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"")
    args = [
        "extract",
        str(corpus),
        "-o",
        str(corpus / "events.jsonl"),
        "--errors",
        str(corpus / "errors.jsonl"),
    ]
    runs = []
    for _ in range(2):
        main([*args, "--no-progress"])
        runs.append(capsys.readouterr().err.splitlines()[-1])
    assert runs[0] == runs[1] and "1 article read" in runs[1]
    errors = [json.loads(line) for line in (corpus / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(e["source"]).name for e in errors] == ["bad.txt"]


def test_another_runs_outputs_are_recognised_not_read_as_articles(tmp_path: Path) -> None:
    event = {
        "event_id": "1",
        "article_id": "2",
        "evidence": "Jets struck Idlib.",
        "title": "t",
        "source": "s",
    }
    (tmp_path / "old.jsonl").write_text(json.dumps(event) + "\n", encoding="utf-8")
    (tmp_path / "old.json").write_text(json.dumps([event]), encoding="utf-8")
    (tmp_path / "old.csv").write_text("event_id,evidence,title\n1,Jets struck Idlib.,t\n", encoding="utf-8")
    (tmp_path / "errors.jsonl").write_text('{"source": "a.txt", "reason": "empty file"}\n', encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert len(items) == 4 and all(isinstance(i, ReadError) for i in items)
    assert all("written by timeline" in i.reason for i in items)


# -- 10. encodings ----------------------------------------------------------------------------------------
def test_utf16_and_utf32_txt_with_a_bom_keep_no_bom_in_the_title() -> None:
    for codec in ("utf-16", "utf-16-be", "utf-32", "utf-32-be"):
        bom = {"utf-16-be": "\ufeff", "utf-32-be": "\ufeff"}.get(codec, "")
        data = (bom + ARABIC_TITLE + "\n\n" + ARABIC_BODY).encode(codec)
        (art,) = list(read_bytes("a.txt", data))
        assert isinstance(art, Article) and art.title == ARABIC_TITLE, (codec, art)


def test_utf16_json_and_jsonl_with_a_bom_are_read() -> None:
    row = {"title": ARABIC_TITLE, "text": ARABIC_BODY, "published": "2020-02-04"}
    for name, body in (("a.json", json.dumps(row, ensure_ascii=False)), ("a.jsonl", json.dumps(row) + "\n")):
        for codec in ("utf-16", "utf-8-sig"):
            (art,) = list(read_bytes(name, body.encode(codec)))
            assert isinstance(art, Article) and art.title == ARABIC_TITLE, (name, codec, art)


def test_utf8_title_and_byline_over_a_windows_1256_body_are_decoded_by_line() -> None:
    head = f"{ARABIC_TITLE}\n\nتم النشر بتاريخ : 10 فبراير، 2020\n\n".encode()
    body = (ARABIC_BODY * 3).encode("cp1256")
    (art,) = list(read_bytes("mixed.txt", head + body))
    assert isinstance(art, Article)
    assert art.title == ARABIC_TITLE and "كفرنبل" in art.text
    assert art.published is not None and art.published.date().isoformat() == "2020-02-10"


@settings(max_examples=30)
@given(
    st.lists(
        st.sampled_from([ARABIC_BODY, "Jets struck Idlib on Monday.\n", "عنوان\n"]), min_size=1, max_size=6
    ),
    st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_any_mix_of_utf8_and_windows_1256_lines_reads_every_line(lines: list[str], utf8: list[bool]) -> None:
    data = b"".join(line.encode("utf-8" if u else "cp1256") for line, u in zip(lines, utf8, strict=False))
    for item in read_bytes("mixed.txt", b"Title\n\n" + data):
        assert isinstance(item, Article)
        for line in lines:
            assert line.strip() in item.text or line.strip() == item.title


def test_url_sources_keep_their_host_in_citations() -> None:
    import pandas as pd

    from timeline.exports import references

    df = pd.DataFrame({"source": ["https://www.example.com/news/2020/idlib-1", "data/articles/a.txt"]})
    assert "by example.com" in citation(df, "")  # the outlet is the URL's host
    refs = " | ".join(references(df))
    assert (
        "https://www.example.com/news/2020/idlib-1" in refs
        and "a.txt" in refs
        and "data/articles" not in refs
    )
