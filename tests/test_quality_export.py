"""H and P codes in `export`: the `codes` column, the scrubbed text, and the one-line Polars filter.

The docs (docs/quality-and-pii.md) give one Polars filter that keeps what
datatrove's Gopher + C4 + FineWeb pipeline keeps; this runs that pipeline and
the exported table side by side on the junk set and the vendored BBC sample.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import polars as pl
import pytest
from conftest import BBC_SAMPLE
from quality_junk import junk_documents

filters = pytest.importorskip("datatrove.pipeline.filters")
from datatrove.data import Document as DatatroveDocument  # noqa: E402

# The filter the docs show, verbatim.
PIPELINE_KEEPS = ~pl.col("codes").list.eval(pl.element().str.contains(r"^H(?:[124]|30)")).list.any()


def _pipeline_keeps(text: str) -> bool:
    doc = DatatroveDocument(text=text, id="x")
    steps = (filters.GopherRepetitionFilter(), filters.GopherQualityFilter(), filters.C4QualityFilter(),
             filters.FineWebQualityFilter())
    return all(step.filter(doc) is True for step in steps)  # C4 rewrites doc.text for FineWeb, as in a pipeline


def test_export_carries_h_and_p_codes_scrubs_text_and_the_filter_keeps_what_datatrove_keeps(
        tmp_path: Path, corpuslint_exe: str) -> None:
    texts = [text for _, text in junk_documents() if text.strip()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(BBC_SAMPLE.rglob("*.txt"))]
    texts.append("Harbour closed\n\nWrite to jane.doe@example.co.uk or call 020 7946 0018 about it.\n")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"doc{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                      encoding="utf-8")
    (tmp_path / "corpuslint.toml").write_text("quality = { fineweb-after-c4 = 1 }\n", encoding="utf-8")
    out = tmp_path / "out.parquet"
    done = subprocess.run([corpuslint_exe, "export", str(corpus), "-o", str(out), "--extend-select", "H,P",
                           "--unsafe-fixes", "--jobs", "1"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    frame = pl.read_parquet(out)
    codes = set(frame["codes"].explode().drop_nulls())
    assert {"H101", "H203", "H301", "P101", "P102"} <= codes
    assert any(code.startswith("H4") for code in codes), sorted(codes)
    scrubbed = frame.filter(pl.col("record_id") == f"doc{len(texts) - 1}")["text"][0]
    assert "<EMAIL>" in scrubbed and "<PHONE>" in scrubbed and "@" not in scrubbed
    kept = set(frame.filter(PIPELINE_KEEPS)["record_id"])
    expected = {f"doc{i}" for i, text in enumerate(texts) if _pipeline_keeps(text)}
    assert 0 < len(expected) < len(texts)
    assert kept == expected
