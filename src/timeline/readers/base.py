"""What every reader shares: the size limits, the input handle, the rejection of an input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_SINGLE_FILE_BYTES = 4 * MAX_TEXT_BYTES  # a txt/md/html file this big cannot hold < 10 MB of text
MAX_JSON_FILE_BYTES = 256 * 1024 * 1024
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
