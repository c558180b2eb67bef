"""Bad input gives one clear ReadError and the batch goes on; odd encodings are decoded, not refused."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.model import Article, ReadError
from timeline.readers import iter_articles, read_bytes

ARABIC = "قصف مدفعي على ريف إدلب\n\nقتل ثلاثة مدنيين جراء قصف مدفعي لقوات النظام السوري على بلدة كفرنبل في ريف إدلب الجنوبي.\n"
ENGLISH = "Shelling in Idlib\n\nThree civilians were killed when government artillery shelled Kafranbel on Tuesday.\n"
SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".xml", ".rss", ".atom", ".dat", "")


def one(items: list[Article | ReadError]) -> Article | ReadError:
    assert len(items) == 1, items
    return items[0]


def error(items: list[Article | ReadError]) -> str:
    item = one(items)
    assert isinstance(item, ReadError), item
    assert "\n" not in item.reason and item.reason
    return item.reason


def test_missing_path() -> None:
    assert "no such file" in error(list(iter_articles(["/nonexistent/story.txt"])))


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.csv").write_bytes(b"\n \n")
    reasons = [e.reason for e in iter_articles(sorted(tmp_path.iterdir())) if isinstance(e, ReadError)]
    assert len(reasons) == 2 and all("empty" in r for r in reasons)


def test_binary_files_are_refused_by_kind() -> None:
    assert "PNG image" in error(list(read_bytes("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))))
    assert "binary" in error(list(read_bytes("dump.json", b"{\x00\x01\x02\x00\x00\x07" * 50)))


def test_windows_1256_arabic_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    art = one(list(iter_articles([path])))
    assert isinstance(art, Article) and art.language == "ar"
    assert art.title == "قصف مدفعي على ريف إدلب" and "كفرنبل" in art.text


def test_utf16_arabic_with_and_without_bom() -> None:
    for data in (ARABIC.encode("utf-16"), ARABIC.encode("utf-16-le"), ARABIC.encode("utf-16-be")):
        art = one(list(read_bytes("utf16.txt", data)))
        assert isinstance(art, Article) and "كفرنبل" in art.text, art


def test_utf16_csv_is_streamed() -> None:
    data = f'title,text\nقصف,"{ARABIC.splitlines()[2]}"\n'.encode("utf-16")
    art = one(list(read_bytes("rows.csv", data)))
    assert isinstance(art, Article) and art.title == "قصف" and "كفرنبل" in art.text


def test_mixed_encodings_decode_line_by_line() -> None:
    utf8_line = "قتل ثلاثة مدنيين جراء قصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي.\n".encode()
    cp1256_line = "وأضاف الدفاع المدني أن فرقه انتشلت الضحايا من تحت الأنقاض.\n".encode("cp1256")
    art = one(list(read_bytes("mixed.txt", "عنوان\n\n".encode() + utf8_line + b"\n" + cp1256_line)))
    assert isinstance(art, Article)
    assert "كفرنبل" in art.text and "الدفاع المدني" in art.text


def test_stray_bytes_in_utf8_are_replaced_not_fatal() -> None:
    data = b"Title\n\nTurkish troops entered Idlib \x95_ on Monday, officials said.\n"  # as in FA-KES
    art = one(list(read_bytes("stray.txt", data)))
    assert isinstance(art, Article) and "Turkish troops entered Idlib" in art.text


def test_garbage_text_is_reported() -> None:
    junk = bytes((i * 37 + 11) % 31 for i in range(4000))  # control characters, no NUL-free text
    assert "garbled" in error(list(read_bytes("junk.txt", b"x" + junk.replace(b"\x00", b"\x01"))))


def test_truncated_json() -> None:
    reason = error(list(read_bytes("cut.json", b'[{"title": "a", "text": "Troops entered Idlib')))
    assert "invalid JSON" in reason


def test_bad_jsonl_line_is_one_error_and_the_rest_is_read() -> None:
    rows = [
        json.dumps({"text": "Turkish troops entered Idlib on Monday."}),
        '{"text": "cut',
        json.dumps({"text": "Russian jets struck Saraqeb on Tuesday."}),
    ]
    items = list(read_bytes("rows.jsonl", "\n".join(rows).encode()))
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    assert items[1].source == "rows.jsonl#2"


def test_csv_without_text_column_and_with_missing_field() -> None:
    assert "no text column" in error(list(read_bytes("x.csv", b"title,date\nA,2020-01-01\n")))
    items = list(read_bytes("y.csv", b"title,text\nA,Troops entered Idlib on Monday.\nB\n"))
    assert isinstance(items[0], Article) and isinstance(items[1], ReadError) and "no text" in items[1].reason


def test_html_without_body() -> None:
    reason = error(list(read_bytes("page.html", b"<html><head><title>Empty</title></head></html>")))
    assert "no article text" in reason


def test_very_large_text_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 2**20)  # sparse: 50 MB on paper
    reason = error(list(iter_articles([path])))
    assert reason == "article text is 50.0 MB, over the 10 MB limit"


def test_oversized_row_is_one_error_and_the_rest_is_read() -> None:
    big = "word " * (11 * 2**20 // 5 + 10)
    rows = [
        json.dumps({"text": "Turkish troops entered Idlib on Monday."}),
        json.dumps({"text": big}),
        json.dumps({"text": "Russian jets struck Saraqeb on Tuesday."}),
    ]
    items = list(read_bytes("rows.jsonl", "\n".join(rows).encode()))
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    assert "over the 10 MB limit" in items[1].reason


def test_no_date_is_not_an_error() -> None:
    art = one(list(read_bytes("nodate.txt", ENGLISH.encode())))
    assert isinstance(art, Article) and art.published is None


def test_unknown_language_is_empty() -> None:
    art = one(list(read_bytes("nums.txt", b"Report\n\n2020 2021 2022 -- 17 / 45 / 99\n")))
    assert isinstance(art, Article) and art.language == ""


def test_unsupported_format() -> None:
    assert "unsupported format" in error(list(read_bytes("notes.xyz", b"just some words here\n")))
    assert "ZIP" in error(list(read_bytes("report.docx", b"PK\x03\x04" + b"\x00" * 100)))


def test_folder_with_good_and_bad_files_goes_on(tmp_path: Path) -> None:
    (tmp_path / "1_good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "2_empty.txt").write_bytes(b"")
    (tmp_path / "3_image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "4_cut.json").write_bytes(b'{"text": ')
    (tmp_path / "5_arabic.txt").write_bytes(ARABIC.encode("cp1256"))
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "ReadError", "ReadError", "ReadError", "Article", "ReadError"]
    assert all(i.source.startswith(str(tmp_path)) for i in items)


SETTINGS = settings(max_examples=40, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=600))
def test_random_bytes_never_raise(suffix: str, data: bytes) -> None:
    items = list(read_bytes("upload" + suffix, data))
    assert items and all(isinstance(i, Article | ReadError) for i in items)


@SETTINGS
@given(
    suffix=st.sampled_from(SUFFIXES),
    text=st.text(alphabet=st.sampled_from(list("قصف إدلب،.:|#{}[]<>\"'\n, abc XYZ 0123٤٥/-")), max_size=300),
)
def test_random_arabic_english_text_never_raises(suffix: str, text: str) -> None:
    for encoding in ("utf-8", "utf-16", "cp1256"):
        items = list(read_bytes("upload" + suffix, text.encode(encoding, "replace")))
        assert items and all(isinstance(i, Article | ReadError) for i in items)
        assert all("\n" not in i.reason for i in items if isinstance(i, ReadError))


def test_windows_1256_csv_is_streamed_and_decoded() -> None:
    rows = "title,text,date\nقصف,قتل ثلاثة مدنيين جراء قصف مدفعي على بلدة كفرنبل.,10 شباط 2020\r\n"
    art = one(list(read_bytes("rows.csv", rows.encode("cp1256"))))
    assert isinstance(art, Article) and art.title == "قصف" and "كفرنبل" in art.text
    assert art.published is not None and art.published.month == 2
