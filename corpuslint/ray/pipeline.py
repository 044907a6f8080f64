"""corpuslint in the middle of a Ray Data pipeline: `lint` and `clean` on a Dataset of articles.

A pipeline that already reads its corpus (`ray.data.read_json`, `read_parquet`)
hands the Dataset over; each row is one article, its text in the `text`
column and a stable name in the `id` column (the path of a file-based run:
findings and corpus rules name documents by it, and the corpus pass orders them
by it). The per-document work runs as `map_batches`; the corpus pass groups by
key on the cluster (ray/keyed.py), as `check --executor ray` does.
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np

from corpuslint.config import Settings
from corpuslint.model.document import Document
from corpuslint.model.finding import Finding
from corpuslint.ray.session import connect

COLUMNS = ("id", "code", "name", "severity", "message", "row", "column", "end_row", "end_column", "fixable")


def lint(ds: Any, text: str = "text", id: str = "id", settings: Settings | None = None) -> Any:
    """A Dataset of findings, one row a finding (COLUMNS: `id` names the article, `row` and
    `column` are inside its text).

    Per-document rules run where the rows are; corpus rules (D) over every row's
    features, grouped by key on the cluster.
    """
    from corpuslint.engine.linter import Linter
    from corpuslint.ray.keyed import group_by_key

    settings = settings or Settings()
    ray = connect(settings.ray_address)
    kwargs = {"settings": settings, "text": text, "id": id}
    found = ds.map_batches(_findings, fn_kwargs=kwargs, batch_format="numpy")
    linter = Linter(settings)
    if not linter.wants_features:
        return found
    features = [pickle.loads(row["features"])
                for row in ds.map_batches(_features, fn_kwargs=kwargs, batch_format="numpy").iter_rows()]
    keyed = group_by_key(features, settings, linter.feature_parts)
    corpus = [_flat(f) for f in linter.corpus_findings(features, keyed)]
    if not corpus:
        return found
    return found.union(ray.data.from_items(corpus))


def clean(ds: Any, text: str = "text", id: str = "id", settings: Settings | None = None, *,
          raw: bool = False) -> Any:
    """A Dataset of export rows (dataset/schema.py), each batch validated by the schema.

    `text` is cleaned by the safe fixes (kept as it was with `raw`); the
    metadata, counts and codes are the export's. `near_duplicate_of` is filled
    as the export fills it, in the order of the ids. A batch that breaks the
    schema fails the pipeline with pandera's SchemaErrors (every failure case).
    """
    settings = settings or Settings()
    connect(settings.ray_address)
    kwargs = {"settings": settings, "text": text, "id": id, "raw": raw}
    rows = ds.map_batches(_rows, fn_kwargs=kwargs, batch_format="pyarrow").materialize()
    nearest = _near_duplicates(rows, settings)
    return rows.map_batches(_fill_near, fn_kwargs={"nearest": nearest}, batch_format="pyarrow")


def _documents(batch: dict[str, np.ndarray], text: str, id: str) -> list[Document]:
    if id not in batch:
        raise ValueError(f"the dataset has no {id!r} column: corpuslint names each article by it (id=...)")
    return [Document(str(body), str(name)) for body, name in zip(batch[text], batch[id], strict=True)]


def _findings(batch: dict[str, np.ndarray], *, settings: Settings, text: str, id: str) -> dict[str, Any]:
    from corpuslint.model.finding import locate
    from corpuslint.ray.executor import cached_linter

    linter = cached_linter(settings)
    rows = [_flat(locate(doc, d)) for doc in _documents(batch, text, id) for d in linter.lint(doc)]
    return {name: np.array([r[name] for r in rows], dtype=object) for name in COLUMNS}


def _features(batch: dict[str, np.ndarray], *, settings: Settings, text: str, id: str) -> dict[str, Any]:
    from corpuslint.corpus.features import extract
    from corpuslint.ray.executor import cached_linter

    parts = cached_linter(settings).feature_parts
    found = [pickle.dumps(extract(doc, parts)) for doc in _documents(batch, text, id)]
    return {"features": np.array(found, dtype=object)}


def _flat(finding: Finding) -> dict[str, Any]:
    d = finding.diagnostic
    return {"id": finding.path, "code": d.code, "name": d.name, "severity": d.severity.label,
            "message": d.message, "row": finding.location.row, "column": finding.location.column,
            "end_row": finding.end_location.row, "end_column": finding.end_location.column,
            "fixable": d.fix is not None}


def _rows(batch: Any, *, settings: Settings, text: str, id: str, raw: bool) -> Any:
    import polars as pl

    from corpuslint.corpus.features import body_signature
    from corpuslint.dataset.rows import frame, row
    from corpuslint.dataset.schema import ArticleSchema
    from corpuslint.fix.fixer import FixPolicy
    from corpuslint.ray.executor import cached_linter

    linter = cached_linter(settings)
    policy = FixPolicy(False, linter.fixable)
    columns = batch.to_pydict()
    docs = _documents({k: np.array(v, dtype=object) for k, v in columns.items()}, text, id)
    made = frame([row(doc, linter, policy, raw=raw, language=settings.language) for doc in docs])
    ArticleSchema.validate(made, lazy=True)
    signatures = [body_signature(doc).tobytes() for doc in docs]
    return made.with_columns(pl.Series("_signature", signatures, dtype=pl.Binary)).to_arrow()


def _near_duplicates(rows: Any, settings: Settings) -> dict[str, str]:
    """Row id -> its cluster's first row id (the export's NearDuplicates, rows in the order of the ids)."""
    import polars as pl

    from corpuslint.dataset.rows import Batch, NearDuplicates

    table = pl.concat([pl.from_arrow(b) for b in rows.select_columns(["id", "path", "_signature"])
                       .iter_batches(batch_format="pyarrow")]).sort("path")
    signatures = [np.frombuffer(s, dtype=np.uint32) for s in table["_signature"].to_list()]
    filled = NearDuplicates(settings.corpus).fill(Batch(table.select("id"), signatures=signatures))
    return {i: n for i, n in zip(filled["id"], filled["near_duplicate_of"], strict=True) if n is not None}


def _fill_near(batch: Any, *, nearest: dict[str, str]) -> Any:
    import polars as pl

    made = pl.from_arrow(batch).drop("_signature")
    nearest_ids = [nearest.get(i) for i in made["id"].to_list()]
    return made.with_columns(pl.Series("near_duplicate_of", nearest_ids, dtype=pl.String)).to_arrow()
