"""The Ray executor: the work items as a Ray Dataset, each linted by the local executor's function.

`corpuslint check --executor ray` sends the same work items the process pool
gets (a text file, or a chunk of a data file) through `map_batches`, where each
is linted by `engine.executor.lint_item`: the function every executor runs per
item. Results come back pickled and in item order, so the report, the cache and
the corpus pass see exactly what a local run gives. The corpus pass's groupings
by key run on the cluster (ray/keyed.py). `export --executor ray` builds its
batches with the export's own `Builder.batch` the same way, and validates and
writes them on the driver as a local export does.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from corpuslint.config import Settings
from corpuslint.ray.session import connect

# One Linter (or export Builder) per Ray worker process and settings, built at its first batch.
_built: dict[tuple[str, str, bytes], Any] = {}


def _cached(kind: str, settings: Settings, make: Callable[[], Any]) -> Any:
    key = (kind, os.getcwd(), pickle.dumps(settings))
    if key not in _built:
        _built[key] = make()
    return _built[key]


def cached_linter(settings: Settings) -> Any:
    """This worker's Linter for these settings (built at its first batch)."""
    from corpuslint.engine.linter import Linter

    return _cached("linter", settings, lambda: Linter(settings))


def _lint_batch(batch: dict[str, np.ndarray], *, settings: Settings, with_excerpt: bool,
                cwd: str) -> dict[str, Any]:
    from corpuslint.engine.executor import lint_item

    os.chdir(cwd)  # paths (and the .corpuslint-ignore sidecar) are found as the driver finds them
    linter = cached_linter(settings)
    results = [pickle.dumps(lint_item(linter, pickle.loads(item), with_excerpt=with_excerpt))
               for item in batch["item"]]
    return {"seq": batch["seq"], "result": np.array(results, dtype=object)}


def _export_batch(batch: dict[str, np.ndarray], *, settings: Settings, raw: bool, unsafe: bool,
                  others: tuple[str, ...], cwd: str) -> dict[str, Any]:
    from corpuslint.dataset.rows import Builder

    os.chdir(cwd)
    builder = _cached(f"builder{raw}{unsafe}{others}", settings,
                      lambda: Builder(settings, raw=raw, unsafe=unsafe, others=others))
    built = [pickle.dumps(builder.batch(pickle.loads(item))) for item in batch["item"]]
    return {"seq": batch["seq"], "result": np.array(built, dtype=object)}


def _mapped(items: Sequence[Any], fn: Callable[..., dict[str, Any]], kwargs: dict[str, Any],
            address: str | None, per_batch: int) -> Iterator[Any]:
    """`fn` over the items on the cluster; each item's unpickled result, in the items' order."""
    ray = connect(address)
    if not items:
        return
    rows = [{"seq": i, "item": pickle.dumps(item)} for i, item in enumerate(items)]
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    ds = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), 4 * cpus)))
    # Paths stay as the user gave them (they name the findings): every node reads them
    # from the driver's working folder, which a cluster shares (NFS, a mounted bucket).
    done = ds.map_batches(fn, fn_kwargs={**kwargs, "cwd": os.getcwd()}, batch_size=per_batch,
                          batch_format="numpy")
    # Results arrive in any order; a driver holding them all is what the local executor does too.
    found = sorted(done.iter_rows(), key=lambda row: row["seq"])
    for row in found:
        yield pickle.loads(row["result"])


def lint_items(items: Sequence[Any], settings: Settings, *, with_excerpt: bool = False) -> Iterator[Any]:
    """engine.run's results (FileResult per item, in order), computed on the Ray cluster."""
    from corpuslint.engine.executor import CHUNK
    from corpuslint.sources.records import Chunk

    per_batch = 1 if any(isinstance(item, Chunk) for item in items) else CHUNK
    yield from _mapped(items, _lint_batch, {"settings": settings, "with_excerpt": with_excerpt},
                       settings.ray_address, per_batch)


def export_batches(items: Sequence[Any], settings: Settings, *, raw: bool = False,
                   unsafe: bool = False, others: Sequence[str] = ()) -> Iterator[Any]:
    """rows.batches' Batches (one per work item, in order), built on the Ray cluster."""
    kwargs = {"settings": settings, "raw": raw, "unsafe": unsafe, "others": tuple(others)}
    yield from _mapped(items, _export_batch, kwargs, settings.ray_address, 1)
