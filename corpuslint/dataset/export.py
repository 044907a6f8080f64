"""`corpuslint export`: stream the corpus into one validated file, or write nothing.

Each batch is validated (pandera, lazily: every failure case, not the first)
and its ids checked against every earlier batch's (the only state kept for
the whole corpus, with the near-duplicate index), then appended to a
temporary file beside the output. Only when every batch validated is that
file renamed into place; otherwise it is removed and every failure is
returned. Memory therefore stays at a few batches whatever the corpus size.

CSV cannot hold lists: `urls` and `codes` are written there as JSON arrays in a string.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pandera.errors
import polars as pl

from corpuslint.config import Settings
from corpuslint.dataset.rows import SCHEMA, NearDuplicates, batches
from corpuslint.dataset.schema import ArticleSchema
from corpuslint.fix.safewrite import TEMP_SUFFIX
from corpuslint.sources.files import Notice

FORMATS = {".parquet": "parquet", ".jsonl": "ndjson", ".ndjson": "ndjson", ".csv": "csv"}
LIST_COLUMNS = ("urls", "codes")


class ExportError(ValueError):
    """An output that cannot be written (unknown extension, folder missing): a usage error."""


class Failure(NamedTuple):
    """One failure case of the schema: the column, the check, the row (0-based in the corpus), the value."""

    column: str | None
    check: str
    row: int | None
    value: Any


@dataclass
class ExportResult:
    """What an export did: `written` only when there were no `errors` (bad input) and no `failures`."""

    rows: int = 0
    written: bool = False
    failures: list[Failure] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def format_of(output: str) -> str:
    suffix = Path(output).suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"{output}: unknown output format {suffix or '(no extension)'!r}; "
                          f"use one of {', '.join(FORMATS)}")
    return FORMATS[suffix]


def export(files: Sequence[str], output: str, settings: Settings, *, raw: bool = False,
           unsafe: bool = False, jobs: int | None = None) -> ExportResult:
    """Lint, clean, validate and write `files` to `output`, batch by batch; all or nothing."""
    fmt = format_of(output)
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise ExportError(f"{output}: folder {folder} does not exist")
    result = ExportResult()
    writer = _Writer(fmt, output)
    seen: set[str] = set()
    near = NearDuplicates(settings.corpus)
    try:
        for batch in batches(files, settings, raw=raw, unsafe=unsafe, jobs=jobs):
            result.errors.extend(batch.errors)
            result.notices.extend(batch.notices)
            frame = near.fill(batch)
            result.failures.extend(validate(frame, result.rows, seen))
            result.rows += frame.height
            if not (result.errors or result.failures):
                writer.write(frame)
        if result.errors or result.failures:
            writer.discard()
        else:
            writer.commit()
            result.written = True
    except BaseException:
        writer.discard()
        raise
    return result


def validate(frame: pl.DataFrame, offset: int, seen: set[str]) -> list[Failure]:
    """Every failure case of one batch (rows counted from `offset`); adds its ids to `seen`."""
    failures: list[Failure] = []
    try:
        ArticleSchema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as error:
        for case in error.failure_cases.iter_rows(named=True):
            index = case.get("index")
            failures.append(Failure(case.get("column"), str(case.get("check")),
                                    None if index is None else offset + index, case.get("failure_case")))
    ids = frame.get_column("id").to_list()
    failures.extend(Failure("id", "unique across batches", offset + i, value)
                    for i, value in enumerate(ids) if value in seen)
    seen.update(ids)
    return failures


def read_export(path: str) -> pl.DataFrame:
    """An export read back with the schema's dtypes, whatever its format (CSV's lists decoded)."""
    fmt = format_of(path)
    if fmt == "parquet":
        return pl.read_parquet(path)
    if fmt == "ndjson":
        return pl.read_ndjson(path, schema=SCHEMA)
    text_schema = {name: pl.String for name in SCHEMA}
    frame = pl.read_csv(path, schema=text_schema)
    return frame.with_columns(
        *(pl.col(name).str.json_decode(SCHEMA[name]) for name in LIST_COLUMNS),
        *(pl.col(name).str.to_datetime(time_zone="UTC", time_unit="us")
          for name, dtype in SCHEMA.items() if isinstance(dtype, pl.Datetime)),
        *(pl.col(name).cast(dtype) for name, dtype in SCHEMA.items()
          if dtype.is_numeric()),
    )


ROW_GROUP_ROWS = 4096


class _Writer:
    """Appends batches to a temporary file beside the output; `commit` renames it into place.

    Polars cannot append to a Parquet file, so Parquet batches go to part
    files in a temporary folder, streamed into one file at the end.
    """

    def __init__(self, fmt: str, output: str) -> None:
        self.fmt, self.output = fmt, output
        folder = os.path.dirname(os.path.abspath(output))
        prefix = f".{os.path.basename(output)}.{os.getpid()}."
        handle, self.temp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)
        self.handle = os.fdopen(handle, "wb")
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.temp, 0o666 & ~mask)  # mkstemp's 0600 would outlive the rename
        self.parts = None
        if fmt == "parquet":
            self.parts = tempfile.mkdtemp(prefix=prefix, suffix=".parts", dir=folder)
        self.batches = 0

    def write(self, frame: pl.DataFrame) -> None:
        if self.fmt == "ndjson":
            frame.write_ndjson(self.handle)
        elif self.fmt == "csv":
            frame.with_columns(*(_json_array(name) for name in LIST_COLUMNS)).write_csv(
                self.handle, include_header=self.batches == 0)
        else:
            assert self.parts is not None
            frame.write_parquet(os.path.join(self.parts, f"{self.batches:08d}.parquet"))
        self.batches += 1

    def commit(self) -> None:
        if self.batches == 0:
            self.write(pl.DataFrame(schema=SCHEMA))  # an empty corpus is an empty table, with its header
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        if self.parts is not None:
            # Small row groups keep the streaming copy's memory flat: with Polars' default
            # (hundreds of thousands of rows) one row group of a 1 GB corpus filled 900 MB.
            pl.scan_parquet(os.path.join(self.parts, "*.parquet")).sink_parquet(
                self.temp, row_group_size=ROW_GROUP_ROWS)
            shutil.rmtree(self.parts, ignore_errors=True)
        os.replace(self.temp, self.output)

    def discard(self) -> None:
        self.handle.close()
        if os.path.exists(self.temp):
            os.unlink(self.temp)
        if self.parts is not None:
            shutil.rmtree(self.parts, ignore_errors=True)


def _json_array(name: str) -> pl.Expr:
    return pl.col(name).map_elements(lambda items: json.dumps(list(items), ensure_ascii=False),
                                     return_dtype=pl.String)
