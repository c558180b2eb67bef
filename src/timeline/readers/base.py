"""What every reader shares: the size limits, the input handle, the rejection of an input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

#: The longest article text (UTF-8 bytes); a longer one is reported and skipped.
MAX_TEXT_BYTES = 10 * 1024 * 1024
#: A txt/md/html file this big cannot hold < 10 MB of text: refused before it is read.
MAX_SINGLE_FILE_BYTES = 4 * MAX_TEXT_BYTES
#: A .json file or a feed is parsed whole (about 8 bytes of memory per byte of file): larger ones are
#: refused before reading; JSONL and CSV are streamed row by row and have no file limit.
MAX_JSON_FILE_BYTES = 64 * 1024 * 1024
#: The longest line of a JSONL or CSV file (bytes): a longer one (a row with a field over the text
#: limit) is reported and skipped without being decoded; the rest of the file is read.
MAX_LINE_BYTES = MAX_TEXT_BYTES + 1024 * 1024
HEAD_BYTES = 64 * 1024


class Reject(Exception):
    """An input that cannot be read; its message is the one-line reason of the ReadError."""


@dataclass(frozen=True)
class Input:
    """A file or an upload: a name for ``source``, a suffix and a way to open its bytes."""

    name: str
    suffix: str
    size: int
    open: Callable[[], IO[bytes]]

    def read(self) -> bytes:
        with self.open() as fh:
            return fh.read()

    def head(self) -> bytes:
        with self.open() as fh:
            return fh.read(HEAD_BYTES)


def one_line(text: str, limit: int = 240) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
