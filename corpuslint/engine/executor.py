"""Runs a Linter over many paths: in this process, in a process pool on every core, or on Ray.

Each work item is a text file or a chunk of a data file (sources/records.py
cuts those, so one big data file still keeps every worker busy); `lint_item`
is what every executor runs per item, so their findings are the same.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from corpuslint.config import Settings
from corpuslint.engine.linter import FileResult, Linter
from corpuslint.fix.fixer import FixMode
from corpuslint.sources.files import STDIN
from corpuslint.sources.records import Chunk, Fields, is_data_file, plan

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Below this many files a process pool costs more to start than it saves.
PARALLEL_MIN_FILES = 64
CHUNK = 16
RECORDS_PER_CHUNK = 2_000  # about what records.CHUNK_BYTES holds of news articles

Task = tuple[str | Chunk, bool, FixMode | None]  # path or chunk, with_excerpt, fix
_worker: Linter | None = None


def _start_worker(settings: Settings, documents: int) -> None:
    global _worker  # one Linter per worker process, built once
    _worker = Linter(settings)
    _worker.prefilters.expect(documents)


def lint_item(linter: Linter, item: str | Chunk, *, with_excerpt: bool = False, stdin_name: str = "-",
              fix: FixMode | None = None) -> FileResult:
    """One work item's result: what every executor (serial, process pool, Ray) runs per item."""
    if isinstance(item, Chunk):
        return linter.lint_chunk(item, with_excerpt=with_excerpt)
    return linter.lint_file(item, with_excerpt=with_excerpt, stdin_name=stdin_name, fix=fix)


def _lint_in_worker(task: Task) -> FileResult:
    assert _worker is not None
    item, with_excerpt, fix = task
    return lint_item(_worker, item, with_excerpt=with_excerpt, fix=fix)


def run(
    linter: Linter,
    settings: Settings,
    paths: list[str],
    *,
    with_excerpt: bool = False,
    stdin_name: str = "-",
    jobs: int | None = None,
    on_done: Callable[[FileResult], None] | None = None,
    fix: FixMode | None = None,
) -> Iterator[FileResult]:
    """Lint (and with `fix`, fix) `paths`, in order, in a process pool when there are enough.

    A data file becomes several results, one per chunk; `on_done` hears of it once, at its last.
    """
    jobs = jobs or os.cpu_count() or 1
    # A fix rewrites a data file whole, so it is one task; a check cuts it into chunks.
    items = work_items(paths, linter.fields) if fix is None else list(paths)
    chunks = sum(isinstance(item, Chunk) for item in items)
    if settings.executor == "ray" and "-" not in paths and fix is None:
        from corpuslint.ray.executor import lint_items

        results: Iterable[FileResult] = lint_items(items, settings, with_excerpt=with_excerpt)
    elif jobs == 1 or "-" in paths or (len(items) < PARALLEL_MIN_FILES and chunks < 2):
        results = (
            lint_item(linter, item, with_excerpt=with_excerpt, stdin_name=stdin_name, fix=fix)
            for item in items)
    else:
        # About how many documents each worker will screen (a data file's chunk holds thousands).
        documents = (len(items) - chunks + chunks * RECORDS_PER_CHUNK) // jobs
        pool = process_pool(jobs, _start_worker, (settings, documents))
        # A chunk is a task's worth of work by itself; files go to a worker CHUNK at a time.
        results = _pooled(pool, [(item, with_excerpt, fix) for item in items], 1 if chunks else CHUNK)
    for item, result in zip(items, results, strict=True):
        if on_done is not None and (not isinstance(item, Chunk) or item.last):
            on_done(result)
        yield result


def process_pool(jobs: int, initializer: Callable[..., None],
                 initargs: tuple[Any, ...]) -> ProcessPoolExecutor:
    """A pool of `jobs` workers; started from a fresh server process once Polars has run here.

    Polars' thread pool does not survive a fork: a worker forked after the
    parent planned a Parquet file waits forever on its locks. Without Polars
    loaded, a plain fork starts workers fastest.
    """
    import multiprocessing
    import sys
    from concurrent.futures import ProcessPoolExecutor  # a short run never starts a pool

    context = multiprocessing.get_context("forkserver" if "polars" in sys.modules else None)
    return ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=initargs,
                               mp_context=context)


def work_items(paths: Sequence[str], fields: Fields) -> list[str | Chunk]:
    """The tasks for `paths`: a text file as itself, a JSONL or Parquet file as its chunks."""
    items: list[str | Chunk] = []
    for path in paths:
        if path != STDIN and is_data_file(path):
            items.extend(plan(path, fields))
        else:
            items.append(path)
    return items


def _pooled(pool: ProcessPoolExecutor, tasks: list[Task], chunksize: int) -> Iterator[FileResult]:
    with pool:
        yield from pool.map(_lint_in_worker, tasks, chunksize=chunksize)
