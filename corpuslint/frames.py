"""Linting a Polars frame you already hold: `lint_frame` and `filter_frame`.

The frame is a corpus: each row's text is a document, and the corpus rules
(D: duplicates, rewrites, repeated lines) run across its rows. A large frame
is linted on every core, in slices of rows, each worker building its Linter
once; the corpus pass then runs once over every row's features.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from corpuslint.config import Settings
from corpuslint.engine.executor import process_pool
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document

if TYPE_CHECKING:
    import polars as pl

    from corpuslint.corpus.features import DocFeatures

PARALLEL_MIN_ROWS = 2_000  # below this a process pool costs more than it saves
SLICE = 500  # rows a worker lints per task

DIAGNOSTIC_COLUMNS = {
    "index": "Int64", "id": "String", "code": "String", "severity": "String", "start": "Int64",
    "end": "Int64", "row": "Int64", "column": "Int64", "message": "String", "fixable": "Boolean",
}

Row = tuple[Any, ...]
_worker: Linter | None = None


def lint_frame(df: pl.DataFrame | pl.LazyFrame, text: str = "text", id: str | None = "id", *,
               settings: Settings | None = None, jobs: int | None = None) -> pl.DataFrame:
    """Lint a text column: one row per diagnostic.

    Columns: index (the row's 0-based position in `df`), id (the `id` column's
    value as a string; null when the frame has no such column), code, severity,
    start and end (character offsets into the text), row and column (1-based,
    inside the text), message, fixable. A null text is skipped. A LazyFrame is
    collected (only the two columns); `jobs` worker processes (default: every
    core) lint a frame of PARALLEL_MIN_ROWS rows or more.

        >>> import polars as pl
        >>> from corpuslint import lint_frame
        >>> found = lint_frame(pl.DataFrame({"text": ["Rates held\\n\\nExit mobile version\\n"]}))
        >>> found.select("index", "id", "code", "row", "column").rows()
        [(0, None, 'B101', 3, 1), (0, None, 'S207', 3, 1)]
    """
    import polars as pl

    texts, keys = _columns(df, text, id)
    settings = settings or Settings()
    linter = Linter(settings)
    # Documents are named by position, so the corpus pass's findings map back to their row.
    rows, features = _lint_rows(linter, settings, texts, jobs)
    if linter.wants_features and features:
        for f in linter.corpus_findings(features):
            d = f.diagnostic
            index = int(f.path)
            rows.append((index, None, d.code, d.severity.label, d.start, d.end, f.location.row,
                         f.location.column, d.message, d.fixable))
        rows.sort(key=lambda r: (r[0], r[4], r[2]))
    rows = [(r[0], keys[r[0]] if keys is not None else None, *r[2:]) for r in rows]
    schema = {name: getattr(pl, dtype) for name, dtype in DIAGNOSTIC_COLUMNS.items()}
    return pl.DataFrame(rows, schema=schema, orient="row")


def filter_frame(df: pl.DataFrame | pl.LazyFrame, *, drop: Sequence[str] = (),
                 keep: Sequence[str] = (), text: str = "text",
                 settings: Settings | None = None) -> pl.DataFrame:
    """The rows of `df` without those flagged by `drop`, or only those flagged by `keep`.

    Selectors are codes or prefixes, as in `select` ("B" for every boilerplate
    rule, "D102" for near duplicates: the first row of a cluster is kept, its
    copies are flagged). Only the rules named run.

        >>> import polars as pl
        >>> from corpuslint import filter_frame
        >>> df = pl.DataFrame({"text": ["Rates held\\n\\nExit mobile version\\n", "Rates held\\n"]})
        >>> filter_frame(df, drop=["B"])["text"].to_list()
        ['Rates held\\n']
    """
    import polars as pl

    if bool(drop) == bool(keep):
        raise ValueError("filter_frame: give one of drop= or keep=, with at least one code")
    settings = (settings or Settings()).with_overrides(select=tuple(drop or keep))
    frame = df.collect() if isinstance(df, pl.LazyFrame) else df
    flagged = lint_frame(frame, text, None, settings=settings)["index"].unique()
    mask = pl.int_range(pl.len()).is_in(flagged.implode())
    return frame.filter(~mask if drop else mask)


def _columns(df: pl.DataFrame | pl.LazyFrame, text: str,
             id: str | None) -> tuple[list[str | None], list[str | None] | None]:
    import polars as pl

    names = df.collect_schema().names() if isinstance(df, pl.LazyFrame) else df.columns
    if text not in names:
        raise ValueError(f"lint_frame: no column {text!r} (columns: {', '.join(names)})")
    wanted = [pl.col(text)] + ([pl.col(id).cast(pl.String)] if id is not None and id in names else [])
    frame = df.lazy().select(wanted).collect()
    keys = frame[id].to_list() if len(wanted) == 2 else None
    return frame[text].to_list(), keys


def _lint_rows(linter: Linter, settings: Settings, texts: list[str | None],
               jobs: int | None) -> tuple[list[Row], list[DocFeatures]]:
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(texts) < PARALLEL_MIN_ROWS:
        return _lint_slice(linter, 0, texts)
    slices = [(start, texts[start : start + SLICE]) for start in range(0, len(texts), SLICE)]
    rows: list[Row] = []
    features: list[DocFeatures] = []
    # engine's pool: started from a fresh server process, since Polars has run here (a forked
    # worker would wait forever on Polars' locks).
    with process_pool(jobs, _start, (settings,)) as pool:
        for found, feats in pool.map(_in_worker, slices):
            rows.extend(found)
            features.extend(feats)
    return rows, features


def _lint_slice(linter: Linter, start: int, texts: list[str | None]) -> tuple[list[Row], list[DocFeatures]]:
    rows: list[Row] = []
    features = []
    for index, body in enumerate(texts, start):
        if body is None:
            continue
        doc = Document(body, str(index))
        for d in linter.lint(doc):
            where = doc.location(d.start)
            rows.append((index, None, d.code, d.severity.label, d.start, d.end, where.row,
                         where.column, d.message, d.fixable))
        feats = linter.features(doc)
        if feats is not None:
            features.append(feats)
    return rows, features


def _start(settings: Settings) -> None:
    global _worker  # one Linter per worker process, built once
    _worker = Linter(settings)


def _in_worker(task: tuple[int, list[str | None]]) -> tuple[list[Row], list[DocFeatures]]:
    assert _worker is not None
    return _lint_slice(_worker, *task)
