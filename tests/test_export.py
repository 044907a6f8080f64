"""`corpuslint export`, `corpuslint schema`, build_dataset and lint_frame: real files, real subprocesses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest
from clirun import corpuslint
from conftest import SEEDS

import corpuslint as api
from corpuslint.config import Settings
from corpuslint.dataset.export import read_export
from corpuslint.dataset.rows import document_id, utc
from corpuslint.dataset.schema import ArticleSchema, article_schema, polars_schema
from corpuslint.model.document import Document, Record

WRAPPED = "Markets slide\n\nShares fell on Monday.\nSee $\\url{https://example.org}$ now.\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder / "seeds")
    records = [{"id": "r1", "text": WRAPPED}, {"id": "r2", "text": WRAPPED}]  # the same text twice
    (folder / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["out.parquet", "out.jsonl", "out.ndjson", "out.csv"])
def test_each_format_reads_back_and_validates(corpus: Path, name: str) -> None:
    result = corpuslint("export", "seeds", "more.jsonl", "-o", name, "--isolated", "--jobs", "1",
                        cwd=corpus)
    assert result.returncode == 0, result.stderr
    assert "Wrote 7 rows" in result.stderr
    frame = read_export(str(corpus / name))
    assert frame.schema == polars_schema(["id"])  # the records' own id, as a column of its own
    article_schema(["id"]).validate(frame, lazy=True)
    assert frame.height == 7 and frame["corpuslint_id"].n_unique() == 7
    assert not list(corpus.glob(".*"))  # no temporary file or parts folder left behind
    records = frame.filter(pl.col("record").is_not_null()).sort("record")
    assert records["record_id"].to_list() == ["r1", "r2"] == records["id"].to_list()
    assert records["text"].to_list() == [WRAPPED.replace("$\\url{https://example.org}$",
                                                         "https://example.org")] * 2
    assert records["codes"].to_list()[0] == sorted({"M101", *records["codes"].to_list()[0]})
    assert "M101" in records["codes"].to_list()[0]
    assert records["urls"].to_list()[0] == ["https://example.org"]
    if name == "out.csv":
        raw = pl.read_csv(corpus / name)
        assert raw["urls"].dtype == pl.String and json.loads(raw["codes"][0]) == frame["codes"][0].to_list()


def test_raw_keeps_the_text(corpus: Path) -> None:
    result = corpuslint("export", "more.jsonl", "-o", "raw.jsonl", "--raw", "--isolated", cwd=corpus)
    assert result.returncode == 0, result.stderr
    assert read_export(str(corpus / "raw.jsonl"))["text"].to_list() == [WRAPPED, WRAPPED]


def test_a_failing_validation_prints_every_failure_and_writes_nothing(corpus: Path) -> None:
    # A timestamp in the future breaks the schema's not_in_the_future check.
    article = ("Markets slide\n\nPublished: 11 June 2099 14:05 GMT\n\n"
               "Shares fell on Monday in every market the traders watched.\n")
    (corpus / "future.txt").write_text(article, encoding="utf-8")
    (corpus / "out.parquet").write_bytes(b"old")
    result = corpuslint("export", "future.txt", "seeds", "-o", "out.parquet", "--isolated", cwd=corpus)
    assert result.returncode == 1
    assert "row 0: column published, check not_in_the_future, value" in result.stderr
    assert "Wrote nothing" in result.stderr
    assert (corpus / "out.parquet").read_bytes() == b"old"
    assert not list(corpus.glob(".*"))


def test_bad_input_exits_2_and_writes_nothing(corpus: Path) -> None:
    (corpus / "more.jsonl").write_text('{"text": "fine text"}\n{oops\n', encoding="utf-8")
    result = corpuslint("export", "more.jsonl", "-o", "out.jsonl", "--isolated", cwd=corpus)
    assert result.returncode == 2
    assert "more.jsonl:2: malformed record 2: not valid JSON" in result.stderr
    assert not (corpus / "out.jsonl").exists()
    unknown = corpuslint("export", "seeds", "-o", "out.xlsx", "--isolated", cwd=corpus)
    assert unknown.returncode == 2 and "unknown output format" in unknown.stderr


def test_ids_are_stable_and_unique(corpus: Path) -> None:
    first = api.build_dataset([str(corpus)], Settings(include=("*.txt", "*.jsonl")), jobs=1)
    second = api.build_dataset([str(corpus)], Settings(include=("*.txt", "*.jsonl")), jobs=1)
    assert first.height == 7
    assert first["corpuslint_id"].to_list() == second["corpuslint_id"].to_list()
    assert first["corpuslint_id"].n_unique() == 7
    same = first.filter(pl.col("record").is_not_null())
    assert same["content_hash"].n_unique() == 1 and same["corpuslint_id"].n_unique() == 2
    doc = Document("text", "a.jsonl", record=Record(1, None, 1))
    assert document_id(doc, "h") != document_id(Document("text", "a.jsonl"), "h")


def test_dates_are_utc_only_when_the_text_says_the_zone() -> None:
    assert str(utc("2024-06-11T14:05:00+01:00")) == "2024-06-11 13:05:00+00:00"
    assert utc("2024-06-11T14:05:00") is None  # a local time: kept only in published_iso
    assert utc("2024-06-11") is None
    assert utc("--06-11") is None


def test_lint_frame_gives_one_row_per_diagnostic() -> None:
    frame = pl.DataFrame({"key": ["a", "b", "c"], "body": [WRAPPED, None, "Clean."]})
    found = api.lint_frame(frame, text="body", id="key", settings=Settings(select=("M101",)))
    assert found.columns == ["index", "id", "code", "severity", "start", "end", "row", "column",
                             "message", "fixable"]
    assert found.rows() == [(0, "a", "M101", "error", 42, 69, 4, 5, "LaTeX wrapper around a URL", True)]


def test_schema_command_in_both_formats(tmp_path: Path) -> None:
    table = corpuslint("schema", cwd=tmp_path, env={"COLUMNS": "200"})
    assert table.returncode == 0
    assert "near_duplicate_of" in table.stdout and "not_in_the_future" in table.stdout
    schema = json.loads(corpuslint("schema", "--output-format", "json", cwd=tmp_path).stdout)
    assert list(schema["properties"]) == list(polars_schema())
    assert schema["properties"]["urls"] == {"type": "array", "items": {"type": "string"}}
    import jsonschema

    row = read_export_row(tmp_path)
    jsonschema.validate(row, schema)


def read_export_row(folder: Path) -> dict[str, object]:
    """One exported JSONL line, as a consumer of the export would read it."""
    (folder / "a.txt").write_text(WRAPPED, encoding="utf-8")
    done = corpuslint("export", "a.txt", "-o", "a.jsonl", "--isolated", cwd=folder)
    assert done.returncode == 0, done.stderr
    return json.loads((folder / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])


def test_near_duplicates_name_the_first_member_of_their_cluster(tmp_path: Path) -> None:
    """An article, a lightly edited copy under a new headline, and an unrelated one."""
    from conftest import BBC_SAMPLE

    original, other = sorted(BBC_SAMPLE.glob("business/*.txt"))[:2]
    text = original.read_text(encoding="utf-8")
    headline, _, body = text.partition("\n")
    edited = "Updated: " + headline + "\n" + body.replace(" the ", " a ", 2)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(edited, encoding="utf-8")
    (tmp_path / "c.txt").write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    frame = api.build_dataset([str(tmp_path)], settings=Settings(root=tmp_path))
    ids = dict(zip(frame["path"].map_elements(lambda p: Path(p).name, return_dtype=pl.String),
                   frame["corpuslint_id"], strict=True))
    nearest = dict(zip(ids, frame["near_duplicate_of"], strict=True))
    assert nearest == {"a.txt": None, "b.txt": ids["a.txt"], "c.txt": None}


@pytest.mark.parametrize("name", ["out.parquet", "out.jsonl", "out.csv"])
def test_export_keeps_the_records_other_fields_and_their_own_id(tmp_path: Path, name: str) -> None:
    records = [
        {"id": "u-1", "url": "https://example.org/a", "crawl_date": "2024-06-11", "text": WRAPPED,
         "language": "de", "meta": {"source": "cc"}},
        {"id": 7, "url": "https://example.org/b", "text": "Calm\n\nNothing happened today.\n"},
    ]
    (tmp_path / "crawl.json").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    shutil.copy(SEEDS / "000_66750ffbfb07dea2.txt", tmp_path / "one.txt")
    result = corpuslint("export", "crawl.json", "one.txt", "-o", name, "--isolated", "--jobs", "1",
                        cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    frame = read_export(str(tmp_path / name)).sort("path", "record")
    extra = ["id", "url", "crawl_date", "record_language", "meta"]
    assert frame.columns[-5:] == extra  # a field named like an article column gets `record_`
    article_schema(extra).validate(frame, lazy=True)
    assert frame["id"].to_list() == ["u-1", "7", None]
    assert frame["url"].to_list() == ["https://example.org/a", "https://example.org/b", None]
    assert frame["crawl_date"].to_list() == ["2024-06-11", None, None]
    assert frame["record_language"].to_list() == ["de", None, None]
    assert frame["meta"].to_list() == ['{"source": "cc"}', None, None]
    assert frame["corpuslint_id"].n_unique() == 3


def test_build_dataset_keeps_record_fields_too(tmp_path: Path) -> None:
    data = tmp_path / "c.jsonl"
    data.write_text(json.dumps({"id": "k", "url": "https://x.org", "text": WRAPPED}) + "\n", encoding="utf-8")
    frame = api.build_dataset([str(data)], Settings(root=tmp_path))
    assert frame.select("id", "url").row(0) == ("k", "https://x.org")
