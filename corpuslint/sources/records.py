"""Corpora as data files: JSONL (NDJSON) and Parquet, one article per record.

A data file is cut into `Chunk`s, work items small enough for one process of
the pool: byte ranges of a JSONL file that end on a newline (the newlines
before a chunk are counted, so each record keeps its line number), row ranges
of a Parquet file; a compressed JSONL file is one chunk, read as a stream.
Reading a chunk yields a Document per record, its `Record`
saying where it came from, or a `Malformed` value for a record that cannot be
one (bad JSON, no text field, a text that is not a string): reported by record
number while the rest goes on. Nothing here knows of rules.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from corpuslint.model.document import Document, Record
from corpuslint.sources.compressed import CorruptStream, compression, inner_name, open_binary

SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
CHUNK_BYTES = 4 << 20  # a few thousand articles: enough work per task, little memory
PARQUET_ROWS = 2000
_BOM = b"\xef\xbb\xbf"


class Fields(NamedTuple):
    """The field names a record is read by (`--text-field`, `--id-field`, the ignore field)."""

    text: str = "text"
    id: str = "id"
    ignore: str = "corpuslint_ignore"


@dataclass(frozen=True, slots=True)
class Chunk:
    """Records `start`..`end` of a data file: bytes of a JSONL file, 0-based rows of a Parquet one.

    `first` is the 1-based line (JSONL) or record number (Parquet) of the
    chunk's first record; `error` says why the file could not be planned
    (then the chunk holds no record); `last` marks the file's final chunk.
    """

    path: str
    start: int
    end: int
    first: int
    last: bool = True
    error: str | None = None


class Malformed(NamedTuple):
    """A record that is not an article: where it is and why."""

    path: str
    record: int
    row: int
    reason: str


def is_data_file(path: str) -> bool:
    """A JSONL or Parquet file, compressed (compressed.SUFFIXES) or not."""
    return _kind(path) is not None


def _kind(path: str) -> str | None:
    return SUFFIXES.get(os.path.splitext(inner_name(path))[1].lower())


def plan(path: str, fields: Fields, *, chunk_bytes: int | None = None) -> list[Chunk]:
    """The chunks of a data file; one chunk with `error` set when it cannot be read as one."""
    try:
        if compression(path) is not None:
            chunks = _compressed_chunks(path)
        elif _kind(path) == "jsonl":
            chunks = _jsonl_chunks(path, chunk_bytes or CHUNK_BYTES)
        else:
            chunks = _parquet_chunks(path, fields)
    except OSError as error:
        return [Chunk(path, 0, 0, 1, error=error.strerror or str(error))]
    except _Unusable as error:
        return [Chunk(path, 0, 0, 1, error=str(error))]
    return chunks or [Chunk(path, 0, 0, 1)]


def read(chunk: Chunk, fields: Fields) -> Iterator[Document | Malformed]:
    """Each record of a chunk as a Document, or as Malformed."""
    if chunk.error is not None or chunk.end <= chunk.start:
        return iter(())
    if _kind(chunk.path) == "jsonl":
        return _jsonl_records(chunk, fields)
    return _parquet_records(chunk, fields)


class _Unusable(Exception):
    """A data file that is readable but holds no usable records (a message for the finding)."""


def _jsonl_chunks(path: str, size: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    start, line = 0, 1
    with open(path, "rb") as handle:
        while True:
            data = handle.read(size)
            if not data:
                break
            if len(data) == size and not data.endswith(b"\n"):
                data += handle.readline()  # end the chunk where its last record ends
            chunks.append(Chunk(path, start, start + len(data), line, last=False))
            line += data.count(b"\n")
            start += len(data)
    if chunks:
        chunks[-1] = Chunk(path, chunks[-1].start, chunks[-1].end, chunks[-1].first)
    return chunks


def _compressed_chunks(path: str) -> list[Chunk]:
    """A compressed JSONL file is one chunk, read as a stream: it cannot be entered midway."""
    if _kind(path) != "jsonl":
        raise _Unusable("a compressed Parquet file (Parquet compresses its own columns); "
                        "decompress it first")
    return [Chunk(path, 0, max(os.path.getsize(path), 1), 1)]


def _jsonl_lines(chunk: Chunk) -> Iterator[bytes]:
    """The chunk's lines (without the BOM of a file's first): a byte range, or a whole stream."""
    if compression(chunk.path) is not None:
        with open_binary(chunk.path) as handle:
            first = handle.readline()
            yield first[len(_BOM):] if first.startswith(_BOM) else first
            yield from handle
        return
    with open(chunk.path, "rb") as handle:
        handle.seek(chunk.start)
        data = handle.read(chunk.end - chunk.start)
    if chunk.start == 0 and data.startswith(_BOM):
        data = data[len(_BOM) :]
    yield from data.split(b"\n")


def _jsonl_records(chunk: Chunk, fields: Fields) -> Iterator[Document | Malformed]:
    line = chunk.first - 1
    lines = _jsonl_lines(chunk)
    while True:
        try:
            raw = next(lines, None)
        except (OSError, CorruptStream) as error:  # a compressed stream that breaks off
            reason = getattr(error, "strerror", None) or str(error)
            yield Malformed(chunk.path, line + 1, line + 1, f"the rest cannot be read: {reason}")
            return
        if raw is None:
            return
        line += 1
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except UnicodeDecodeError:
            yield Malformed(chunk.path, line, line, "not valid UTF-8")
            continue
        except ValueError as error:
            yield Malformed(chunk.path, line, line, f"not valid JSON ({error})")
            continue
        yield record_document(value, chunk.path, line, line, fields)


def _parquet_chunks(path: str, fields: Fields) -> list[Chunk]:
    import polars as pl

    try:
        schema = pl.read_parquet_schema(path)
        rows = pl.scan_parquet(path).select(pl.len()).collect().item()
    except (pl.exceptions.PolarsError, ValueError) as error:
        raise _Unusable(f"not a readable Parquet file ({error})") from None
    if fields.text not in schema:
        raise _Unusable(f"no {fields.text!r} column; --text-field names the text column")
    if schema[fields.text] != pl.String:
        raise _Unusable(f"the {fields.text!r} column holds {schema[fields.text]}, not strings")
    return [Chunk(path, start, min(start + PARQUET_ROWS, rows), start + 1,
                  last=start + PARQUET_ROWS >= rows)
            for start in range(0, rows, PARQUET_ROWS)]


def _parquet_records(chunk: Chunk, fields: Fields) -> Iterator[Document | Malformed]:
    import polars as pl

    names = list(pl.read_parquet_schema(chunk.path))
    wanted = [name for name in dict.fromkeys(fields) if name in names]
    frame = pl.scan_parquet(chunk.path).select(wanted).slice(chunk.start, chunk.end - chunk.start)
    for offset, row in enumerate(frame.collect().iter_rows(named=True)):
        number = chunk.first + offset
        yield record_document(row, chunk.path, number, number, fields)


def record_document(value: Any, path: str, number: int, row: int, fields: Fields) -> Document | Malformed:
    """One record's Document; Malformed when its text or its ignore field cannot be used."""
    if not isinstance(value, dict):
        return Malformed(path, number, row, f"a JSON {type(value).__name__}, not an object")
    text = value.get(fields.text)
    if text is None:
        return Malformed(path, number, row, f"no {fields.text!r} field")
    if not isinstance(text, str):
        return Malformed(path, number, row, f"{fields.text!r} is a {type(text).__name__}, not a string")
    ignore = value.get(fields.ignore) or []
    if not isinstance(ignore, list) or not all(isinstance(code, str) for code in ignore):
        return Malformed(path, number, row, f"{fields.ignore!r} is not a list of rule codes")
    found = value.get(fields.id)
    record_id = None if found is None else str(found)
    return Document(text, path, record=Record(number, record_id, row, tuple(ignore)))
