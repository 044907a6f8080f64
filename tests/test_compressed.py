"""Compressed inputs (.gz, .bz2, .xz, .zst): read as the file they hold, never fixed in place."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from clirun import corpuslint

from corpuslint.dataset.export import read_export

WRAPPED = "Markets slide\n\nShares fell on Monday.\nSee $\\url{https://example.org}$ now.\n"
CLEAN = "Markets slide\n\nShares fell on Monday in every market the traders watched.\n"

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": zstandard.ZstdCompressor().compress,
}
FORMATS = sorted(COMPRESSORS)


def _write(path: Path, data: bytes) -> Path:
    """`path` holding `data` compressed by its suffix's format."""
    path.write_bytes(COMPRESSORS[path.suffix](data))
    return path


def _json(cwd: Path, *args: str) -> list[dict[str, object]]:
    result = corpuslint("check", "--isolated", "--output-format", "json", *args, cwd=cwd)
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_compressed_text_file_is_linted_as_the_text_it_holds(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "plain.txt").write_text(WRAPPED, encoding="utf-8")
    _write(tmp_path / f"story.txt{suffix}", WRAPPED.encode())
    found = _json(tmp_path, "--select", "M101", "plain.txt", f"story.txt{suffix}")
    assert [(f["filename"], f["location"], f["message"]) for f in found] == [
        (name, {"row": 4, "column": 5}, "LaTeX wrapper around a URL")
        for name in ("plain.txt", f"story.txt{suffix}")]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_compressed_jsonl_corpus_is_linted_record_by_record(tmp_path: Path, suffix: str) -> None:
    lines = [json.dumps({"id": "a1", "text": CLEAN}), json.dumps({"id": "a2", "text": WRAPPED})]
    _write(tmp_path / f"corpus.jsonl{suffix}", ("\n".join(lines) + "\n").encode())
    found = _json(tmp_path, "--select", "M101", f"corpus.jsonl{suffix}")
    assert [(f["filename"], f["location"]["row"], f["record"], f["record_id"]) for f in found] == [
        (f"corpus.jsonl{suffix}", 2, 2, "a2")]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_walk_finds_compressed_files_its_include_matches(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "news").mkdir()
    _write(tmp_path / "news" / f"story.txt{suffix}", WRAPPED.encode())
    _write(tmp_path / "news" / f"notes.csv{suffix}", b"a,b\n")
    result = corpuslint("check", "--isolated", "--show-files", "news", cwd=tmp_path)
    assert result.stdout.split() == [f"news/story.txt{suffix}"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_corrupt_compressed_file_is_an_io_error_finding(tmp_path: Path, suffix: str) -> None:
    good = COMPRESSORS[suffix](WRAPPED.encode() * 50)
    (tmp_path / f"broken.txt{suffix}").write_bytes(good[: len(good) // 2])
    result = corpuslint("check", "--isolated", "--select", "U001", f"broken.txt{suffix}", cwd=tmp_path)
    assert result.returncode == 2  # named and never read: the run fails (docs/bad-input.md)
    assert f"broken.txt{suffix}:1:1: U001 Cannot read the file: not a valid {suffix} stream" in result.stdout
    skipping = corpuslint("check", "--isolated", "--select", "U001", f"broken.txt{suffix}",
                          "--skip-unreadable", cwd=tmp_path)
    assert skipping.returncode == 1


def test_fix_refuses_a_compressed_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt.gz", WRAPPED.encode())
    before = path.read_bytes()
    result = corpuslint("check", "--isolated", "--fix", "story.txt.gz", cwd=tmp_path)
    assert result.returncode == 2
    assert "cannot rewrite a compressed file (story.txt.gz)" in result.stderr
    assert "'corpuslint export' writes a clean, uncompressed copy" in result.stderr
    assert path.read_bytes() == before


def test_export_writes_a_clean_copy_of_a_compressed_corpus(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a1", "text": CLEAN}), json.dumps({"id": "a2", "text": WRAPPED})]
    _write(tmp_path / "corpus.jsonl.zst", ("\n".join(lines) + "\n").encode())
    result = corpuslint("export", "--isolated", "corpus.jsonl.zst", "-o", "clean.parquet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = read_export(str(tmp_path / "clean.parquet"))
    assert rows["record_id"].to_list() == ["a1", "a2"]
    assert "\\url" not in rows["text"][1] and "https://example.org" in rows["text"][1]


def test_a_compressed_parquet_file_is_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "corpus.parquet.gz").write_bytes(gzip.compress(b"PAR1 not really"))
    result = corpuslint("check", "--isolated", "corpus.parquet.gz", cwd=tmp_path)
    assert result.returncode == 1
    assert "a compressed Parquet file" in result.stdout
