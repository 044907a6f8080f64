"""The pipeline's output on a sample corpus is a reviewed snapshot (tests/data/pipeline-snapshot.json).

Taken before the pipeline was restructured into one stream of batches, it
holds every finding (code, place, message, fix applicability) of `check` over
text files and over a JSONL corpus of the same texts, the notices, and the
exported rows' keys and codes. A refactor of sources, engine, corpus pass or
export must keep it byte-identical; with every fast path off the findings must
be the same too. A deliberate change of output regenerates it:
`CORPUSLINT_UPDATE_SNAPSHOT=1 pytest tests/test_pipeline_snapshot.py`, and the diff is reviewed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from sample_corpus import build_records, build_sample

from corpuslint import api
from corpuslint.config import Settings
from corpuslint.model.finding import Finding

SNAPSHOT = Path(__file__).parent / "data" / "pipeline-snapshot.json"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pipeline")
    texts = root / "texts"
    texts.mkdir()
    build_sample(texts)
    build_records(root / "records.jsonl", texts)
    return root


def _finding(f: Finding, root: Path) -> list[Any]:
    fix = f.diagnostic.fix
    return [os.path.relpath(f.path, root), f.code, f.location.row, f.location.column,
            f.end_location.row, f.end_location.column, _relative(f.diagnostic.message, root),
            fix.applicability.value if fix is not None else None]


def _relative(text: str, root: Path) -> str:
    """Paths inside messages (a corpus rule names the other file) as the snapshot stores them."""
    return text.replace(f"{root}{os.sep}", "")


def _check(root: Path, target: str, fast_path: bool, jobs: int | None = None) -> dict[str, Any]:
    settings = Settings(root=root, select=("ALL",), fast_path=fast_path)
    files, notices = api.discover([str(root / target)], settings)
    run = api.check_paths(files, settings)
    return {
        "findings": [_finding(f, root) for f in run.findings],
        "notices": [[os.path.relpath(n.path, root), _relative(n.reason, root)]
                    for n in [*notices, *run.notices]],
    }


def _export(root: Path, tmp: Path) -> dict[str, Any]:
    settings = Settings(root=root)
    files, _ = api.discover([str(root / "texts"), str(root / "records.jsonl")], settings)
    output = tmp / "out.jsonl"
    result = api.export(files, str(output), settings)
    assert not result.written  # the malformed record is bad input: nothing is written
    keep = ("path", "record", "record_id", "codes", "content_hash", "near_duplicate_of",
            "n_errors", "n_warnings", "language")
    clean = api.export([f for f in files if f.endswith(".txt")], str(output), settings)
    assert clean.written
    from corpuslint.dataset.export import read_export

    frame = read_export(str(output))
    # Ids hash the (temporary) path: the snapshot names the row a near-duplicate points to by its path.
    paths = dict(zip(frame["id"], frame["path"], strict=True))
    rows = [{**row, "path": _relative(row["path"], root),
             "near_duplicate_of": _relative(paths[row["near_duplicate_of"]], root)
             if row["near_duplicate_of"] else None}
            for row in frame.select(keep).to_dicts()]
    return {"errors": [_relative(e, root) for e in result.errors],
            "rows": result.rows, "clean_rows": rows}


def _compare(name: str, found: dict[str, Any]) -> None:
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
    if os.environ.get("CORPUSLINT_UPDATE_SNAPSHOT"):
        stored[name] = found
        SNAPSHOT.write_text(json.dumps(stored, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                            encoding="utf-8")
    assert json.dumps(found, sort_keys=True) == json.dumps(stored[name], sort_keys=True)


@pytest.mark.slow
@pytest.mark.parametrize("fast_path", [True, False], ids=["fast-path", "no-fast-path"])
def test_findings_over_text_files_match_the_snapshot(corpus: Path, fast_path: bool) -> None:
    found = _check(corpus, "texts", fast_path)
    assert len({f[1] for f in found["findings"]}) > 20  # the sample exercises most rules
    if fast_path:
        _compare("texts", found)
    else:
        assert json.loads(SNAPSHOT.read_text(encoding="utf-8"))["texts"] == found


@pytest.mark.slow
def test_findings_over_records_match_the_snapshot(corpus: Path) -> None:
    found = _check(corpus, "records.jsonl", fast_path=True)
    assert any(f[1] == "U003" for f in found["findings"])  # the malformed record is reported
    _compare("records", found)


@pytest.mark.slow
def test_exported_rows_match_the_snapshot(corpus: Path, tmp_path: Path) -> None:
    found = _export(corpus, tmp_path)
    assert found["errors"]
    _compare("export", found)
