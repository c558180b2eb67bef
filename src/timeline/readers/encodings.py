"""Bytes to text: binary sniffing, BOMs, UTF-16/32 without a BOM, UTF-8 with stray bytes, Windows-1256.

Decoding: BOM first (and dropped), then UTF-8 line by line (a few stray bytes in a big UTF-8 file cost
only those bytes; a UTF-8 title over a Windows-1256 body is read line by line, each line in the codec
that fits it), then detection (charset-normalizer) for legacy encodings such as Windows-1256.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO

from timeline.readers.base import HEAD_BYTES, Input, Reject

_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"\x7fELF", "executable"),
)
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ARABIC = re.compile(r"[\u0621-\u064a]")
_BAD_CHARS = re.compile(r"[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f]")


def binary_kind(head: bytes) -> str | None:
    """What a binary file is ("PNG image", "binary data"), or None for text (UTF-16/32 count as text)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in head and _nul_text_codec(head) is None:
        return "binary data (NUL bytes)"
    return None


def _nul_text_codec(head: bytes) -> str | None:
    """UTF-16/32 without a BOM: one byte of each pair takes few values (0 for ASCII, 6 for Arabic...)."""
    sample = head[:4096]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 4 or 0 not in sample:
        return None
    quarter = len(sample) // 4
    if sample[2::4].count(0) + sample[3::4].count(0) > 1.8 * quarter and sample[0::4].count(0) < quarter / 10:
        return "utf-32-le"
    for high_start, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        high, low = sample[high_start::2], sample[1 - high_start :: 2]
        top = sorted((high.count(b) for b in set(high)), reverse=True)[:3]
        if 0 in high and sum(top) >= 0.9 * len(high) and low.count(0) < 0.05 * len(low):
            return codec
    return None


def _looks_arabic(text: str) -> bool:
    """Most non-ASCII characters are Arabic letters (the test for a Windows-1256 reading)."""
    non_ascii = [c for c in text if ord(c) > 127 and not c.isspace()]
    return bool(non_ascii) and len(_ARABIC.findall(text)) >= 0.6 * len(non_ascii)


def _legacy_codec(sample: bytes) -> str:
    """A single-byte encoding for bytes that are not UTF-8: Windows-1256 when that reads as Arabic (the
    project reads Arabic and English only; detectors guess wrong on a few words), else charset-normalizer,
    else Windows-1252."""
    if _looks_arabic(sample.decode("cp1256", "replace")):
        return "cp1256"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample[:HEAD_BYTES]).best()
        if best is not None and best.encoding and not best.encoding.startswith("utf_8"):
            return best.encoding
    except Exception:  # noqa: BLE001 - detection is a best effort; fall back below
        pass
    return "cp1252"


def _mostly_utf8(data: bytes) -> bool:
    """More valid UTF-8 multi-byte characters than invalid bytes: a UTF-8 text with stray bytes."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    return good >= bad


def _fallback_line(raw: bytes) -> str:
    """A line that is not UTF-8 inside a UTF-8 file: Windows-1256 if that reads as Arabic, else replace."""
    arabic = raw.decode("cp1256", "replace")
    return arabic if _looks_arabic(arabic) else raw.decode("utf-8", "replace")


class LongLine(str):
    """Stands for a line over the limit given to :func:`text_lines`: empty, ``size`` says how long it was.

    The line itself was skipped without being decoded or kept (a 250 MB CSV field costs a 1 MB buffer).
    """

    size: int

    def __new__(cls, size: int) -> LongLine:
        line = super().__new__(cls, "\n")
        line.size = size
        return line


def _raw_lines(stream: IO[bytes], max_line: int | None) -> Iterator[bytes | LongLine]:
    """Byte lines of ``stream``; a line over ``max_line`` bytes is read through in chunks and dropped."""
    limit = -1 if max_line is None else max_line + 1
    while raw := stream.readline(limit):
        if max_line is not None and len(raw) > max_line and not raw.endswith(b"\n"):
            size = len(raw)
            while chunk := stream.readline(2**20):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
            yield LongLine(size)
            continue
        yield raw


def _wide_lines(fh: IO[str], max_line: int | None) -> Iterator[str]:
    """Lines of a decoded UTF-16/32 stream; a line over ``max_line`` characters becomes a LongLine."""
    limit = -1 if max_line is None else max_line + 1
    while line := fh.readline(limit):
        if max_line is not None and len(line) > max_line and not line.endswith(("\n", "\r")):
            size = len(line)
            while chunk := fh.readline(2**20):
                size += len(chunk)
                if chunk.endswith(("\n", "\r")):
                    break
            yield LongLine(2 * size)
            continue
        yield line


def text_lines(inp: Input, max_line: int | None = None) -> Iterator[str]:
    """The decoded lines of ``inp`` (line ends kept, a leading BOM dropped), streamed.

    A line over ``max_line`` bytes is not decoded: a :class:`LongLine` stands for it. Raises Reject
    for binary or empty input.
    """
    head = inp.head()
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise Reject("empty file" if not head else "empty file (only whitespace)")
    kind = binary_kind(head)
    if kind:
        raise Reject(f"binary file ({kind}), not text")
    codec = next((c for bom, c in BOMS if head.startswith(bom)), None) or _nul_text_codec(head)
    if codec and codec != "utf-8-sig":
        with (
            inp.open() as stream,
            io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="") as fh,
        ):
            first = True
            for line in _wide_lines(fh, max_line):
                yield line[1:] if first and line.startswith("\ufeff") else line
                first = False
        return
    if codec is None and not _head_is_utf8(head) and not _mostly_utf8(head):
        codec = _legacy_codec(_not_utf8_lines(head))
    with inp.open() as binary:
        first = True
        for raw in _raw_lines(binary, max_line):
            if isinstance(raw, LongLine):
                yield raw
                continue
            if first and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            first = False
            try:  # a UTF-8 line (a title or byline over a Windows-1256 body) is read as UTF-8
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield _fallback_line(raw) if codec in (None, "utf-8-sig") else raw.decode(codec, "replace")


def _not_utf8_lines(head: bytes) -> bytes:
    """The lines of ``head`` that are not UTF-8 (what a legacy codec must be detected on)."""
    out = []
    for raw in head.splitlines(keepends=True):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            out.append(raw)
    return b"".join(out) or head


def _head_is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as e:
        return e.start >= len(head) - 3  # a character cut by the end of the sample


def decode(inp: Input) -> str:
    """The whole text of ``inp``; Reject when it is binary, empty or mostly undecodable."""
    text = "".join(text_lines(inp))
    check_garbled(text)
    if not text.strip():
        raise Reject("empty file (only whitespace)")
    return text


def check_garbled(text: str) -> None:
    """Reject text where over 10% of characters are replacement or control characters."""
    if not text:
        return
    bad = len(_BAD_CHARS.findall(text))
    if bad and bad > 0.1 * len(text):
        raise Reject(
            f"text is garbled: {100 * bad / len(text):.0f}% of characters could not be decoded "
            "(binary data, or mixed or unknown encodings)"
        )
