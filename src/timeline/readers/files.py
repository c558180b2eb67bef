"""Files, folders and uploads to articles: walking folders, dispatching by format, one error per failure."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.model import Article, ReadError
from timeline.readers.base import Input, Reject, one_line
from timeline.readers.formats import dispatch


def _read_input(inp: Input, language: str | None) -> Iterator[Article | ReadError]:
    """Run the reader of ``inp``, turning any failure into a ReadError so the batch goes on."""
    try:
        n = 0
        for item in dispatch(inp, language):
            n += 1
            yield item if isinstance(item, Article) else ReadError(item.source, one_line(item.reason))
        if n == 0:  # e.g. a CSV with a header and no rows: say so rather than stay silent
            yield ReadError(inp.name, "no article found in the file")
    except Reject as e:
        yield ReadError(inp.name, one_line(str(e)))
    except OSError as e:
        yield ReadError(inp.name, one_line(f"cannot read: {e.strerror or e}"))
    except MemoryError:
        yield ReadError(inp.name, "out of memory while reading")
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop the batch; say what happened
        yield ReadError(inp.name, one_line(f"could not read ({type(e).__name__}: {e})"))


def _file_input(path: Path, name: str) -> Input:
    return Input(name, path.suffix.lower(), path.stat().st_size, lambda: open(path, "rb"))


#: A folder's own documentation (README, ATTRIBUTION, LICENSE ...) and its source list (``sources.csv``, the
#: outlets of its files: :mod:`timeline.outlets`) are not articles.
_DOC_FILE = re.compile(
    r"^((readme|attribution|licen[cs]e|copying|changelog|notice|citation)([._-].*)?|sources\.csv)$", re.I
)


def _walk(root: Path, skip: frozenset[Path] = frozenset()) -> tuple[list[Path], list[ReadError]]:
    """Files under ``root`` in sorted order, skipping hidden files and folders, the folder's
    documentation files (README, ATTRIBUTION ...; a file named explicitly is still read) and the
    files and folders in ``skip`` (resolved paths)."""
    errors: list[ReadError] = []
    found: list[Path] = []

    def on_error(e: OSError) -> None:
        errors.append(ReadError(str(e.filename or root), f"cannot list folder: {e.strerror or e}"))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _skipped(Path(folder) / d, skip)]
        found.extend(
            Path(folder) / f
            for f in files
            if not f.startswith(".") and not _DOC_FILE.match(f) and not _skipped(Path(folder) / f, skip)
        )
    found.sort(key=lambda p: p.relative_to(root).parts)
    return found, errors


def _skipped(path: Path, skip: frozenset[Path]) -> bool:
    return bool(skip) and path.resolve() in skip


def iter_articles(
    paths: Iterable[str | Path], language: str | None = None, exclude: Iterable[str | Path | None] = ()
) -> Iterator[Article | ReadError]:
    """Articles from files and folders (recursive, sorted, hidden files skipped), in order.

    ``language`` forces the language of every article; None detects it ('' when unknown).
    ``exclude``: files or folders never read, even inside a folder given (the run's own outputs:
    ``-o``, ``--errors``, ``--store``, which a re-run would otherwise read back as articles).
    """
    skip = frozenset(Path(p).resolve() for p in exclude if p)
    for given in paths:
        name = str(given)
        try:
            path = Path(given)
            if _skipped(path, skip):
                continue
            if path.is_dir():
                files, errors = _walk(path, skip)
                yield from errors
                for f in files:
                    try:
                        inp = _file_input(f, str(f))
                    except OSError as e:
                        yield ReadError(str(f), one_line(f"cannot read: {e.strerror or e}"))
                        continue
                    yield from _read_input(inp, language)
            elif path.is_file():
                yield from _read_input(_file_input(path, name), language)
            elif path.exists():
                yield ReadError(name, "not a regular file or folder")
            else:
                yield ReadError(name, "no such file or folder")
        except OSError as e:
            yield ReadError(name, one_line(f"cannot read: {e.strerror or e}"))
        except Exception as e:  # noqa: BLE001 - never raise out of the batch
            yield ReadError(name, one_line(f"could not read ({type(e).__name__}: {e})"))


def read_bytes(name: str, data: bytes, language: str | None = None) -> Iterator[Article | ReadError]:
    """Articles from an upload (the browser gives a file name and bytes); format by the name's suffix."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    payload = bytes(data or b"")
    inp = Input(str(name), Path(str(name)).suffix.lower(), len(payload), lambda: io.BytesIO(payload))
    yield from _read_input(inp, language)


def read_articles(
    paths: Iterable[str | Path], language: str | None = None
) -> tuple[list[Article], list[ReadError]]:
    """All articles and all errors of ``paths`` as two lists (convenience over :func:`iter_articles`)."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for item in iter_articles(paths, language):
        if isinstance(item, Article):
            articles.append(item)
        else:
            errors.append(item)
    return articles, errors
