"""Compressed inputs: `.gz`, `.bz2`, `.xz` and `.zst` files read as the file they hold.

A compressed file is known by its last suffix and judged by the name under
it: `corpus.jsonl.gz` is a JSONL corpus, `story.txt.zst` a text file. Reading
one streams its decompressed bytes; nothing is written back (a fix cannot
rewrite a compressed file in place: `corpuslint export` writes a clean copy).
The standard library reads gzip, bzip2 and xz; `zstandard` reads Zstandard.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import zlib
from collections.abc import Callable
from typing import BinaryIO

SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


class _ZstdError(ValueError):
    """A Zstandard stream that is not one, or is cut off."""


# What each library raises for bytes that are not its format (or a truncated stream).
_ERRORS: tuple[type[Exception], ...] = (EOFError, gzip.BadGzipFile, zlib.error, lzma.LZMAError, _ZstdError)


def _zstd(path: str) -> BinaryIO:
    return _ZstdFrames(open(path, "rb"))  # the reader closes it


class _ZstdFrames(io.RawIOBase):
    """Zstandard frames one after another, as `zstd -d` reads them; a cut-off frame is an error.

    zstandard's own stream reader ends quietly at a truncated frame, which would
    pass half a file as the whole.
    """

    def __init__(self, handle: BinaryIO) -> None:
        import zstandard  # imported when a .zst file is read: most runs never need it

        self._handle, self._new = handle, zstandard.ZstdDecompressor().decompressobj
        self._error = zstandard.ZstdError
        self._frame = self._new()
        self._pending = b""
        self._started = False  # whether the current frame has had any input

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            data = self._frame.unused_data if self._frame.eof else b""
            if self._frame.eof:
                self._frame, self._started = self._new(), False
            data = data or self._handle.read(1 << 20)
            if not data:
                if self._started:
                    raise _ZstdError("the last frame is cut off")
                return 0
            self._started = True
            try:
                self._pending = self._frame.decompress(data)
            except self._error as error:
                raise _ZstdError(str(error)) from None
        size = min(len(buffer), len(self._pending))
        buffer[:size], self._pending = self._pending[:size], self._pending[size:]
        return size

    def close(self) -> None:
        self._handle.close()
        super().close()


_OPENERS: dict[str, Callable[[str], BinaryIO]] = {
    ".gz": gzip.GzipFile,  # each opens a path for reading
    ".bz2": bz2.BZ2File,
    ".xz": lzma.LZMAFile,
    ".zst": _zstd,
}


class CorruptStream(ValueError):
    """A compressed file whose bytes cannot be decompressed (the library's words)."""


def compression(path: str) -> str | None:
    """The compression suffix of a path (".gz", ...), or None for a plain file."""
    suffix = os.path.splitext(path)[1].lower()
    return suffix if suffix in _OPENERS else None


def inner_name(path: str) -> str:
    """The name of what a compressed file holds ("a.jsonl.gz" -> "a.jsonl"); others as they are."""
    return path[: -len(os.path.splitext(path)[1])] if compression(path) else path


def open_binary(path: str) -> BinaryIO:
    """A binary stream of the file's bytes, decompressed when its name says it is compressed."""
    suffix = compression(path)
    if suffix is None:
        return open(path, "rb")  # the caller closes it
    return io.BufferedReader(_Checked(_OPENERS[suffix](path), suffix), 1 << 20)


def read_bytes(path: str) -> bytes:
    """Every (decompressed) byte of a file; OSError or CorruptStream when it cannot be read."""
    with open_binary(path) as handle:
        return handle.read()


class _Checked(io.RawIOBase):
    """A decompressing stream whose format errors become CorruptStream, naming the format."""

    def __init__(self, inner: BinaryIO, suffix: str) -> None:
        self._inner, self._suffix = inner, suffix

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except _ERRORS as error:
            raise CorruptStream(f"not a valid {self._suffix} stream ({error})") from None
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()
