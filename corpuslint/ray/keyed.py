"""The corpus pass's groupings as Ray shuffles: documents meet the others that share a key.

Three keys, three `groupby(...).map_groups(...)`:

- the body hash (D101): a group of two or more is a set of exact copies;
- each MinHash band's values (D102): the documents of a group are candidates,
  and each pair is verified in the group's own task, against the signatures
  that travelled with the rows (LSH's layout and test are `corpus_pass`'s, so
  the pairs are the ones the in-memory pass verifies);
- each short line's text (D104): counted once per source, a cluster being one
  source (the clusters from the first two, sent to the tasks: a few bytes per
  clustered document).

What is shuffled per document: 16 bytes of body hash, then per band a key of
`rows` 4-byte values plus the 512-byte signature, then its short lines. The
result (groups, verified pairs, repeated lines) is small and comes back to
the driver as a `corpus.Keyed`, which the rules read as they read their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from corpuslint.config import Settings
from corpuslint.corpus.corpus_pass import (
    NEAR_DUPLICATE_LSH_WEIGHTS,
    Keyed,
    band_layout,
    cluster_firsts,
    jaccards,
)
from corpuslint.corpus.features import LINES, SIGNATURE, DocFeatures
from corpuslint.corpus.minhash import NUM_PERM
from corpuslint.ray.session import connect


def group_by_key(features: Sequence[DocFeatures], settings: Settings, parts: frozenset[str]) -> Keyed:
    """The exact groups, near pairs and line counts of these documents, found on the Ray cluster.

    Only the parts the selected rules computed features for are grouped (`parts`).
    """
    docs = sorted(features, key=lambda d: d.order)
    if len(docs) < 2:
        return Keyed([])
    ray = connect(settings.ray_address)
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    rows = [{"doc": i, "body": doc.body_hash.hex(), "signature": doc.signature.tobytes(),
             "lines": [line.text for line in doc.lines]} for i, doc in enumerate(docs)]
    # Ray's default of 200 shuffle partitions costs seconds on a small corpus; one per 10,000
    # documents, up to 16 a CPU, keeps every task busy on a large one.
    parts_count = max(1, min(16 * cpus, len(rows) // 10_000 + 1))
    table = ray.data.from_items(rows, override_num_blocks=parts_count)
    exact = (table.select_columns(["doc", "body"]).groupby("body", num_partitions=parts_count)
             .map_groups(_exact, batch_format="numpy"))
    groups = sorted(sorted(int(d) for d in row["docs"]) for row in exact.iter_rows())
    if SIGNATURE not in parts:
        return Keyed(groups)
    threshold = settings.corpus.near_duplicate_threshold
    bands, per_band = band_layout(threshold, NEAR_DUPLICATE_LSH_WEIGHTS)
    pairs = (table.select_columns(["doc", "signature"])
             .flat_map(_band_rows, fn_kwargs={"bands": bands, "rows": per_band})
             .groupby("band", num_partitions=parts_count)
             .map_groups(_verified, fn_kwargs={"threshold": threshold}, batch_format="numpy"))
    found = [(int(row["a"]), int(row["b"])) for row in pairs.iter_rows()]
    near = (np.array([a for a, _ in found], dtype=np.int64), np.array([b for _, b in found], dtype=np.int64))
    if LINES not in parts:
        return Keyed(groups, near)
    source = {i: first for i, first in enumerate(cluster_firsts(len(docs), groups, found)) if first != i}
    counted = (table.select_columns(["doc", "lines"]).flat_map(_line_rows, fn_kwargs={"source": source})
               .groupby("text", num_partitions=parts_count).map_groups(
                   _line_count, fn_kwargs={"least": settings.corpus.repeated_line_min_documents},
                   batch_format="numpy"))
    return Keyed(groups, near, {row["text"]: int(row["sources"]) for row in counted.iter_rows()})


def _exact(group: dict[str, np.ndarray]) -> dict[str, Any]:
    docs = group["doc"]
    return {"docs": [docs.tolist()] if len(docs) > 1 else []}


def _band_rows(row: dict[str, Any], *, bands: int, rows: int) -> list[dict[str, Any]]:
    """One row per LSH band: the band's number and values as the key, with the whole signature."""
    signature = row["signature"]
    width = rows * 4  # uint32 values
    return [{"band": f"{band}:{signature[band * width:(band + 1) * width].hex()}", "doc": row["doc"],
             "signature": signature} for band in range(bands)]


def _verified(group: dict[str, np.ndarray], *, threshold: float) -> dict[str, Any]:
    """Every pair of the group (a < b) whose MinHash Jaccard reaches the threshold."""
    docs = group["doc"].astype(np.int64)
    if len(docs) < 2:
        return {"a": np.zeros(0, dtype=np.int64), "b": np.zeros(0, dtype=np.int64)}
    order = np.argsort(docs)
    docs = docs[order]
    signatures = np.stack([np.frombuffer(s, dtype=np.uint32) for s in group["signature"][order]])
    assert signatures.shape[1] == NUM_PERM
    lefts, rights = [], []
    for i in range(len(docs) - 1):  # one row against the later ones: memory linear in the group
        later = np.arange(i + 1, len(docs))
        chosen = later[jaccards(signatures, i, later) >= threshold]
        lefts.append(np.full(len(chosen), docs[i]))
        rights.append(docs[chosen])
    return {"a": np.concatenate(lefts), "b": np.concatenate(rights)}


def _line_rows(row: dict[str, Any], *, source: dict[int, int]) -> list[dict[str, Any]]:
    doc = int(row["doc"])
    return [{"text": text, "source": source.get(doc, doc)} for text in dict.fromkeys(row["lines"])]


def _line_count(group: dict[str, np.ndarray], *, least: int) -> dict[str, Any]:
    sources = len(np.unique(group["source"]))
    if sources < least:
        return {"text": np.zeros(0, dtype=object), "sources": np.zeros(0, dtype=np.int64)}
    return {"text": group["text"][:1], "sources": np.array([sources])}
