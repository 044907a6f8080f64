"""JSONL and Parquet corpora in `check`: record locations, malformed records, per-record ignores, chunks."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from clirun import corpuslint

from corpuslint.config import Settings
from corpuslint.engine.executor import work_items
from corpuslint.engine.linter import Linter
from corpuslint.sources.records import Fields, plan, read

WRAPPED = "Markets slide\n\nShares fell on Monday.\nSee $\\url{https://example.org}$ now.\n"
CLEAN = "Markets slide\n\nShares fell on Monday in every market the traders watched.\n"


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_findings_point_at_the_record_line(tmp_path: Path) -> None:
    _jsonl(tmp_path / "corpus.jsonl", [json.dumps({"id": "a1", "text": CLEAN}), "",
                                       json.dumps({"id": "a2", "text": WRAPPED})])
    result = corpuslint("check", "corpus.jsonl", "--select", "M101", "--isolated", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ("corpus.jsonl:3:1: M101 [*] LaTeX wrapper around a URL "
                             "(record 3, id a2, text 4:5) [error]\n")
    found = json.loads(corpuslint("check", "corpus.jsonl", "--select", "M101", "--isolated",
                                  "--output-format", "json", cwd=tmp_path).stdout)
    assert [(f["location"]["row"], f["record"], f["record_id"], f["text_location"]) for f in found] == [
        (3, 3, "a2", {"row": 4, "column": 5})]


def test_malformed_records_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    _jsonl(tmp_path / "corpus.jsonl", [
        "{not json", json.dumps({"id": "x", "body": CLEAN}), json.dumps({"text": 7}),
        json.dumps(["a list"]), json.dumps({"text": WRAPPED, "corpuslint_ignore": "M101"}),
        json.dumps({"id": "ok", "text": WRAPPED})])
    result = corpuslint("check", "corpus.jsonl", "--select", "U003,M101", "--isolated",
                        "--output-format", "json", cwd=tmp_path)
    found = [(f["code"], f["location"]["row"], f["message"]) for f in json.loads(result.stdout)]
    assert [(code, row) for code, row, _ in found] == [
        ("U003", 1), ("U003", 2), ("U003", 3), ("U003", 4), ("U003", 5), ("M101", 6)]
    assert "Malformed record 2: no 'text' field" in found[1][2]
    assert "'text' is a int, not a string" in found[2][2]
    assert "'corpuslint_ignore' is not a list of rule codes" in found[4][2]


def test_text_and_id_fields_and_per_record_ignore(tmp_path: Path) -> None:
    _jsonl(tmp_path / "c.ndjson", [
        json.dumps({"url": "u1", "body": WRAPPED, "corpuslint_ignore": ["M101"]}),
        json.dumps({"url": "u2", "body": WRAPPED, "corpuslint_ignore": ["M"]}),
        json.dumps({"url": "u3", "body": WRAPPED, "corpuslint_ignore": ["S201"]})])
    result = corpuslint("check", "c.ndjson", "--select", "M101", "--isolated",
                        "--text-field", "body", "--id-field", "url", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "c.ndjson:3:1: M101 [*] LaTeX wrapper around a URL (record 3, id u3, text 4:5) [error]"]


def test_parquet_rows_are_record_numbers(tmp_path: Path) -> None:
    pl.DataFrame({"id": ["p1", "p2", "p3"], "text": [CLEAN, None, WRAPPED]}).write_parquet(
        tmp_path / "corpus.parquet")
    result = corpuslint("check", "corpus.parquet", "--select", "M101,U003", "--isolated", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "corpus.parquet:2:1: U003 Malformed record 2: no 'text' field [error]",
        "corpus.parquet:3:1: M101 [*] LaTeX wrapper around a URL (record 3, id p3, text 4:5) [error]"]


def test_parquet_without_the_text_column(tmp_path: Path) -> None:
    pl.DataFrame({"body": [CLEAN]}).write_parquet(tmp_path / "corpus.parquet")
    result = corpuslint("check", "corpus.parquet", "--isolated", cwd=tmp_path)
    assert "corpus.parquet:1:1: U003 No records read: no 'text' column" in result.stdout


def test_data_files_are_linted_only_when_named_or_included(tmp_path: Path) -> None:
    _jsonl(tmp_path / "corpus.jsonl", [json.dumps({"text": WRAPPED})])
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    assert corpuslint("check", ".", "--isolated", "--show-files", cwd=tmp_path).stdout == "a.txt\n"
    (tmp_path / "corpuslint.toml").write_text('include = ["*.txt", "*.jsonl"]\n', encoding="utf-8")
    assert corpuslint("check", ".", "--show-files", cwd=tmp_path).stdout == "a.txt\ncorpus.jsonl\n"


def test_diff_on_a_data_file_is_a_usage_error(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "corpus.jsonl", [json.dumps({"text": WRAPPED})])
    before = path.read_bytes()
    result = corpuslint("check", "corpus.jsonl", "--diff", "--isolated", cwd=tmp_path)
    assert result.returncode == 2
    assert "not on JSONL or Parquet corpora" in result.stderr
    assert path.read_bytes() == before


def test_chunks_end_on_newlines_and_keep_line_numbers(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "text": WRAPPED if i % 7 == 0 else CLEAN}) for i in range(1, 301)]
    path = _jsonl(tmp_path / "corpus.jsonl", lines)
    chunks = plan(str(path), Fields(), chunk_bytes=1000)
    assert len(chunks) > 20 and chunks[-1].last and not any(c.last for c in chunks[:-1])
    assert [c.end for c in chunks[:-1]] == [c.start for c in chunks[1:]]
    records = [doc for chunk in chunks for doc in read(chunk, Fields())]
    assert [d.record.number for d in records] == list(range(1, 301))
    assert [d.record.id for d in records] == [str(i) for i in range(1, 301)]
    settings = Settings().with_overrides(select=("M101",))
    linter = Linter(settings)
    rows = [f.location.row for chunk in chunks for f in linter.lint_chunk(chunk).findings]
    assert rows == list(range(7, 301, 7))
    assert len(work_items([str(path)], Fields())) == 1  # the default chunk size holds it whole


def test_a_big_jsonl_file_is_linted_in_parallel_chunks(tmp_path: Path, monkeypatch) -> None:
    from corpuslint.engine import executor as engine
    from corpuslint.sources import records

    lines = [json.dumps({"id": str(i), "text": WRAPPED if i % 5 == 0 else CLEAN}) for i in range(1, 201)]
    path = str(_jsonl(tmp_path / "corpus.jsonl", lines))
    monkeypatch.setattr(records, "CHUNK_BYTES", 2000)
    settings = Settings().with_overrides(select=("M101",))
    linter = Linter(settings)
    assert len(work_items([path], linter.fields)) >= 10
    done: list[str] = []
    pooled = list(engine.run(linter, settings, [path], jobs=2, on_done=lambda r: done.append(r.path)))
    rows = [f.location.row for result in pooled for f in result.findings]
    assert rows == list(range(5, 201, 5))
    assert done == [path]  # progress hears of the file once


def _article(topic: str, n: int = 12) -> str:
    sentences = " ".join(f"{topic} moved on day {i} as every trader in the market watched it closely."
                         for i in range(n))
    return f"{topic} today\n\n{sentences}\n"


def test_records_take_part_in_the_corpus_pass_placed_by_record(tmp_path: Path) -> None:
    shares, rain = _article("Shares"), _article("Rain")
    retitled = "A new headline\n\n" + shares.split("\n\n", 1)[1]
    _jsonl(tmp_path / "corpus.jsonl", [json.dumps({"id": f"r{i}", "text": text}) for i, text in
                                       enumerate([shares, rain, shares, retitled])])
    pl.DataFrame({"text": [rain, shares], "id": ["p0", "p1"]}).write_parquet(tmp_path / "more.parquet")
    result = corpuslint("check", "corpus.jsonl", "more.parquet", "--select", "D101", "--isolated",
                        cwd=tmp_path)
    assert result.returncode == 1
    first = "Same body as corpus.jsonl record 1 (id r0)"
    assert result.stdout.splitlines() == [
        f"corpus.jsonl:3:1: D101 {first} (record 3, id r2, text 1:1) [warning]",
        f"corpus.jsonl:4:1: D101 {first} (record 4, id r3, text 1:1) [warning]",
        "more.parquet:1:1: D101 Same body as corpus.jsonl record 2 (id r1) (record 1, id p0, text 1:1) [warning]",
        f"more.parquet:2:1: D101 {first} (record 2, id p1, text 1:1) [warning]",
    ]


def test_a_records_ignore_field_turns_off_a_corpus_rule_for_it(tmp_path: Path) -> None:
    shares = _article("Shares")
    _jsonl(tmp_path / "corpus.jsonl", [json.dumps({"text": shares}),
                                       json.dumps({"text": shares, "corpuslint_ignore": ["D101"]}),
                                       json.dumps({"text": shares})])
    result = corpuslint("check", "corpus.jsonl", "--select", "D101", "--isolated", cwd=tmp_path)
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == ["corpus.jsonl:3:1:"]


def test_export_marks_a_records_copies(tmp_path: Path) -> None:
    from corpuslint.dataset.export import read_export

    shares = _article("Shares")
    _jsonl(tmp_path / "corpus.jsonl", [json.dumps({"id": f"r{i}", "text": text}) for i, text in
                                       enumerate([shares, _article("Rain"), shares])])
    result = corpuslint("export", "corpus.jsonl", "-o", "out.parquet", "--isolated", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = read_export(str(tmp_path / "out.parquet"))
    first = rows["corpuslint_id"][0]
    assert rows["near_duplicate_of"].to_list() == [None, None, first]
