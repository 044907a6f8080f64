"""The corpus pass's groupings out of core: keys written to Parquet per batch, grouped by Polars.

In memory, grouping documents by body hash, by LSH band and by short line
costs a dict entry (or a numpy row) per document and per line, which grows with
the corpus. Past `corpus.spill-over` documents the keys go to Parquet files in a
temporary folder instead, BATCH documents a part, and Polars' streaming engine
groups and joins them there (the documents' features themselves stay in memory
for the rules: spilling them too is what would bound the whole pass):

- exact copies: `group_by(body)`;
- near copies: the band table (document, band, the band's MinHash values) joined
  with itself on (band, values), the pairs joined to both signatures and kept at
  the threshold: the candidates and the test of `corpus_pass.Bands`;
- repeated lines: (line, source) pairs, a source being a document's cluster,
  counted by `group_by(line)`.

What comes back is a `corpus_pass.Keyed`, as from the Ray executor's shuffles,
so the rules and their findings are the same.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import polars as pl

from corpuslint.config import CorpusSettings, Settings
from corpuslint.corpus.corpus_pass import NEAR_DUPLICATE_LSH_WEIGHTS, Keyed, band_layout, cluster_firsts
from corpuslint.corpus.features import LINES, SIGNATURE, DocFeatures
from corpuslint.corpus.minhash import NUM_PERM

BATCH = 20_000  # documents a Parquet part: a few MB of keys


class KeySpill:
    """The keys of every document added, in Parquet parts under a temporary folder."""

    def __init__(self, settings: CorpusSettings, parts: frozenset[str], folder: Path | None = None) -> None:
        self.settings, self.parts = settings, parts
        self._temp = tempfile.TemporaryDirectory(prefix="corpuslint-keys-", dir=folder)
        self.folder = Path(self._temp.name)
        self._bands, self._rows = band_layout(settings.near_duplicate_threshold, NEAR_DUPLICATE_LSH_WEIGHTS)
        self._pending: list[dict[str, object]] = []
        self._written = 0

    def add(self, docs: Iterable[DocFeatures]) -> None:
        width = self._rows
        for doc in docs:
            row: dict[str, object] = {"path": doc.path, "record": doc.order[1], "body": doc.body_hash}
            if SIGNATURE in self.parts:
                signature = doc.signature.astype(np.uint32)
                row["signature"] = signature.tobytes()
                row["bands"] = [signature[b * width:(b + 1) * width].tobytes() for b in range(self._bands)]
            if LINES in self.parts:
                row["lines"] = list(dict.fromkeys(line.text for line in doc.lines))
            self._pending.append(row)
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            pl.DataFrame(self._pending).write_parquet(self.folder / f"part-{self._written:06d}.parquet")
            self._written += 1
            self._pending = []

    def keyed(self) -> Keyed:
        """The groupings of every document added (its index: its place in the corpus pass's order)."""
        self._flush()
        if not self._written:
            return Keyed([])
        scanned = pl.scan_parquet(self.folder / "part-*.parquet")
        # The corpus pass's order: by path, then record (UTF-8 bytes sort as code points do).
        index = scanned.select("path", "record").sort("path", "record").with_row_index("doc")
        docs = scanned.join(index, on=["path", "record"])
        exact = (docs.group_by("body").agg(pl.col("doc").sort()).filter(pl.col("doc").list.len() > 1)
                 .collect(engine="streaming"))
        groups = sorted(exact["doc"].to_list())
        if SIGNATURE not in self.parts:
            return Keyed(groups)
        pairs = self._near_pairs(docs)
        if LINES not in self.parts:
            return Keyed(groups, pairs)
        count = index.select(pl.len()).collect().item()
        firsts = cluster_firsts(count, groups, zip(pairs[0].tolist(), pairs[1].tolist(), strict=True))
        sources = pl.LazyFrame({"doc": np.arange(count, dtype=np.uint32), "source": np.array(firsts)})
        counted = (docs.select("doc", "lines").explode("lines").drop_nulls("lines")
                   .join(sources, on="doc").group_by("lines").agg(pl.col("source").n_unique())
                   .filter(pl.col("source") >= self.settings.repeated_line_min_documents)
                   .collect(engine="streaming"))
        return Keyed(groups, pairs, dict(zip(counted["lines"], counted["source"], strict=True)))

    def _near_pairs(self, docs: pl.LazyFrame) -> tuple[np.ndarray, np.ndarray]:
        bands = (docs.select("doc", "bands").with_columns(band=pl.int_ranges(pl.col("bands").list.len()))
                 .explode("bands", "band"))
        candidates = (bands.join(bands, on=["band", "bands"], suffix="_b")
                      .filter(pl.col("doc") < pl.col("doc_b")).select(a="doc", b="doc_b").unique())
        signatures = docs.select("doc", "signature")
        joined = (candidates.join(signatures.rename({"doc": "a", "signature": "sa"}), on="a")
                  .join(signatures.rename({"doc": "b", "signature": "sb"}), on="b")
                  .collect(engine="streaming"))
        if not joined.height:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        left = np.frombuffer(b"".join(joined["sa"].to_list()), dtype=np.uint32).reshape(-1, NUM_PERM)
        right = np.frombuffer(b"".join(joined["sb"].to_list()), dtype=np.uint32).reshape(-1, NUM_PERM)
        # `corpus_pass.jaccards`'s figure: a count out of 128, compared with the threshold.
        kept = np.count_nonzero(left == right, axis=1) / NUM_PERM >= self.settings.near_duplicate_threshold
        return (joined["a"].to_numpy().astype(np.int64)[kept], joined["b"].to_numpy().astype(np.int64)[kept])

    def close(self) -> None:
        self._temp.cleanup()


def groupings(features: Sequence[DocFeatures], settings: Settings, parts: frozenset[str]) -> Keyed | None:
    """The groupings made outside the corpus pass's memory: Ray shuffles with `executor = "ray"`,
    Polars over Parquet past `corpus.spill-over` documents; None: the pass groups in memory."""
    if settings.executor == "ray":
        from corpuslint.ray.keyed import group_by_key

        return group_by_key(features, settings, parts)
    if len(features) < max(2, settings.corpus.spill_over):
        return None
    spill = KeySpill(settings.corpus, parts)
    try:
        for first in range(0, len(features), BATCH):
            spill.add(features[first:first + BATCH])
        return spill.keyed()
    finally:
        spill.close()
