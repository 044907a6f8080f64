"""`--fix` on a JSONL or Parquet corpus: each record's text fixed, the file rewritten atomically.

A JSONL file keeps every byte but the text values of the records a fix
changed: the value's span is found in the raw line and only it is replaced,
so other fields, their order, spacing and escapes, blank lines, the BOM and
line order all stay as they were (written in the line's own style: `\\uXXXX`
escapes when the line was ASCII). A Parquet file is rewritten with the same
schema and row order. Records that are malformed or not text are left alone
(the engine reports them). Nothing here decides what to report.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from corpuslint.fix.fixer import FixPolicy, FixResult, Lint, fix_document
from corpuslint.fix.safewrite import write_atomic
from corpuslint.model.document import Document
from corpuslint.sources.records import SUFFIXES, Fields, Malformed, record_document

_BOM = b"\xef\xbb\xbf"
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()

Skip = Callable[[Document], bool]  # a record the engine reports instead of fixing (not text)


@dataclass
class DataFix:
    """What fixing a data file did: each record's fix result, and the records left to the engine."""

    results: list[FixResult] = field(default_factory=list)
    left: list[Document | Malformed] = field(default_factory=list)
    written: bool = False
    warning: str | None = None


def fix_data_file(path: str, fields: Fields, lint: Lint, policy: FixPolicy, skip: Skip) -> DataFix:
    """Fix every record of a JSONL or Parquet file and rewrite it atomically; raises WriteError."""
    with open(path, "rb") as handle:
        data = handle.read()
    if SUFFIXES[os.path.splitext(path)[1].lower()] == "jsonl":
        done, fixed = _fix_jsonl(path, data, fields, lint, policy, skip)
    else:
        done, fixed = _fix_parquet(path, data, fields, lint, policy, skip)
    if fixed != data:
        if not write_atomic(path, fixed, expected=data):
            return DataFix(left=done.left, warning="changed on disk since it was read; fixes not written",
                           results=[_unapplied(r) for r in done.results])
        done.written = True
    return done


def _unapplied(result: FixResult) -> FixResult:
    return FixResult(result.original, result.original, (), result.initial, result.initial, 0)


def _fix_record(doc: Document | Malformed, lint: Lint, policy: FixPolicy, skip: Skip,
                done: DataFix) -> str | None:
    """The record's fixed text, or None when it is left as it was."""
    if isinstance(doc, Malformed) or skip(doc):
        done.left.append(doc)
        return None
    result = fix_document(doc, lint, policy)
    if result.doc.text == doc.text or result.unsettled:
        result = _unapplied(result) if result.unsettled else result
    done.results.append(result)
    return result.doc.text if result.doc.text != doc.text else None


def _fix_jsonl(path: str, data: bytes, fields: Fields, lint: Lint, policy: FixPolicy,
               skip: Skip) -> tuple[DataFix, bytes]:
    done = DataFix()
    bom = _BOM if data.startswith(_BOM) else b""
    lines = data[len(bom):].split(b"\n")
    for index, raw in enumerate(lines):
        if not raw.strip():
            continue
        number = index + 1
        try:
            doc: Document | Malformed = record_document(json.loads(raw), path, number, number, fields)
        except ValueError as error:  # UnicodeDecodeError is one
            doc = Malformed(path, number, number, f"not valid JSON ({error})")
        text = _fix_record(doc, lint, policy, skip, done)
        if text is not None:
            lines[index] = _with_text(raw.decode("utf-8"), fields.text, text).encode("utf-8")
    return done, bom + b"\n".join(lines)


def _with_text(line: str, key: str, text: str) -> str:
    """The JSON object on `line` with the value of its `key` (the last, as json.loads reads it) replaced."""
    start, end = _value_span(line, key)
    ascii_only = line.isascii()
    return line[:start] + json.dumps(text, ensure_ascii=ascii_only) + line[end:]


def _value_span(line: str, key: str) -> tuple[int, int]:
    """Where the value of `key` lies in a line json.loads read as an object holding it."""
    at = _SPACE.match(line, 0).end() + 1  # past "{"
    span = None
    while True:
        at = _SPACE.match(line, at).end()
        name, at = json.decoder.scanstring(line, at + 1)  # type: ignore[attr-defined]
        at = _SPACE.match(line, at).end() + 1  # past ":"
        start = _SPACE.match(line, at).end()
        _, end = _DECODER.raw_decode(line, start)
        if name == key:
            span = (start, end)
        at = _SPACE.match(line, end).end()
        if line[at] != ",":
            assert span is not None, "the record was read with this field"
            return span
        at += 1


def _fix_parquet(path: str, data: bytes, fields: Fields, lint: Lint, policy: FixPolicy,
                 skip: Skip) -> tuple[DataFix, bytes]:
    import polars as pl

    done = DataFix()
    frame = pl.read_parquet(io.BytesIO(data))
    wanted = [name for name in dict.fromkeys(fields) if name in frame.columns]
    texts = frame.get_column(fields.text).to_list()
    changed = False
    for index, row in enumerate(frame.select(wanted).iter_rows(named=True)):
        text = _fix_record(record_document(row, path, index + 1, index + 1, fields), lint, policy, skip, done)
        if text is not None:
            texts[index], changed = text, True
    if not changed:
        return done, data
    out = io.BytesIO()
    column = pl.Series(fields.text, texts, dtype=frame.schema[fields.text])
    frame.with_columns(column).write_parquet(out)
    return done, out.getvalue()
