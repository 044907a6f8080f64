"""The Ray executor against the local one, on a real local Ray (2 CPUs, loopback only).

The sample has every kind of duplication the corpus pass groups by key: exact
copies (text files and JSONL records), near copies, a rewrite (seeds 001/002)
and a line repeated under many articles. `--executor ray` must give exactly the
local findings, and `export --executor ray` exactly the local rows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from dup_sample import build_duplicates

from corpuslint.cli import main
from corpuslint.dataset.export import read_export

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1",
             log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_duplicates(tmp_path_factory.mktemp("sample"))


def _check(folder: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        code = main(["check", "--isolated", "--no-cache", "--output-format", "json", "--exit-zero",
                     "news", "corpus.jsonl", *extra])
    finally:
        os.chdir(cwd)
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_ray_gives_exactly_the_local_findings(local_ray: None, sample: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    local = _check(sample, capsys, "--executor", "local")
    distributed = _check(sample, capsys, "--executor", "ray")
    codes = {f["code"] for f in local}
    # The sample exercises every grouping the shuffles make, and the per-document rules too.
    assert {"D101", "D102", "D103", "D104"} <= codes and any(not c.startswith("D") for c in codes)
    assert sum(f["code"] == "D104" for f in local) >= 10
    # A file and a record with one body: the file (later by path) names the record.
    assert any(f["code"] == "D101" and f["filename"] == "news/07.txt"
               and "corpus.jsonl record 22 (id copy-of-file-07)" in f["message"] for f in local)
    assert distributed == local


def test_ray_export_writes_exactly_the_local_rows(local_ray: None, sample: Path) -> None:
    tables = {}
    for executor in ("local", "ray"):
        output = sample / f"{executor}.parquet"
        assert main(["export", "--isolated", "--executor", executor, str(sample / "news"),
                     str(sample / "corpus.jsonl"), "-o", str(output)]) == 0
        tables[executor] = read_export(str(output))
    assert tables["local"].height == 24 + 2 + 2 + 22  # files, copy and near copy, seeds, records
    assert tables["local"]["near_duplicate_of"].drop_nulls().len() >= 3
    assert tables["ray"].equals(tables["local"])


def _rows(folder: Path) -> list[dict[str, str]]:
    return [{"id": str(path.relative_to(folder)), "text": path.read_text(encoding="utf-8")}
            for path in sorted((folder / "news").glob("*.txt"))]


def test_the_pipeline_api_lints_a_dataset_as_check_lints_the_files(
        local_ray: None, sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import corpuslint.ray

    cwd = os.getcwd()
    os.chdir(sample)
    try:
        assert main(["check", "--isolated", "--no-cache", "--output-format", "json", "--exit-zero",
                     "news"]) == 0
    finally:
        os.chdir(cwd)
    expected = sorted((f["filename"], f["code"], f["location"]["row"], f["location"]["column"], f["message"])
                      for f in json.loads(capsys.readouterr().out))
    found = corpuslint.ray.lint(ray.data.from_items(_rows(sample)), text="text").take_all()
    assert sorted((f["id"], f["code"], f["row"], f["column"], f["message"]) for f in found) == expected
    assert {"D102", "D103", "D104"} <= {f["code"] for f in found}


def test_the_pipeline_api_cleans_a_dataset_into_the_exports_rows(local_ray: None, sample: Path) -> None:
    import polars as pl

    import corpuslint.ray

    cwd = os.getcwd()
    os.chdir(sample)
    try:
        assert main(["export", "--isolated", "news", "-o", "news.parquet"]) == 0
    finally:
        os.chdir(cwd)
    exported = read_export(str(sample / "news.parquet")).sort("path")
    cleaned = corpuslint.ray.clean(ray.data.from_items(_rows(sample)))
    rows = pl.concat([pl.from_arrow(b) for b in cleaned.iter_batches(batch_format="pyarrow")]).sort("path")
    assert rows.select(exported.columns).equals(exported)
    assert rows["near_duplicate_of"].drop_nulls().len() >= 2
