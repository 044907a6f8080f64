"""The corpus pass's groupings out of core (Polars over Parquet) against the in-memory pass."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from dup_sample import build_duplicates

from corpuslint import api
from corpuslint.config import Settings
from corpuslint.corpus.spill import KeySpill
from corpuslint.engine.linter import Linter


def _findings(settings: Settings, folder: Path) -> list[tuple[object, ...]]:
    files, _ = api.discover([str(folder / "news"), str(folder / "corpus.jsonl")], settings)
    run = api.check_paths(files, settings)
    return [(f.path, f.code, f.location, f.diagnostic.message)
            for f in run.findings]


@pytest.mark.slow
def test_spilled_groupings_give_exactly_the_in_memory_findings(tmp_path: Path) -> None:
    folder = build_duplicates(tmp_path)
    in_memory = Settings(root=folder, select=("D",))
    spilled = replace(in_memory, corpus=replace(in_memory.corpus, spill_over=0))
    expected = _findings(in_memory, folder)
    assert {"D101", "D102", "D103", "D104"} <= {code for _, code, _, _ in expected}
    assert _findings(spilled, folder) == expected


def test_the_spill_writes_parquet_parts_and_groups_them(tmp_path: Path) -> None:
    from corpuslint.corpus.features import extract
    from corpuslint.model.document import Document

    body = "\n\n" + " ".join(f"word{i} and more text about item {i}." for i in range(60)) + "\n"
    docs = [Document(f"Headline {i}{body if i % 3 else body.replace('word7 ', 'wordseven ')}", f"d{i}.txt")
            for i in range(7)]
    linter = Linter(Settings(select=("D",)))
    spill = KeySpill(linter._corpus_settings, linter.feature_parts, folder=tmp_path)
    spill.add([extract(d, linter.feature_parts) for d in docs])
    keyed = spill.keyed()
    assert len(list(spill.folder.glob("part-*.parquet"))) == 1
    # d1, d2, d4, d5 share one body; d0, d3, d6 another (exact copies), and the two are near copies.
    assert keyed.exact_groups == [[0, 3, 6], [1, 2, 4, 5]]
    pairs = set(zip(keyed.near_pairs[0].tolist(), keyed.near_pairs[1].tolist(), strict=True))
    assert (0, 1) in pairs and all(a < b for a, b in pairs)
    spill.close()
    assert not spill.folder.exists()
