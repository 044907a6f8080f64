"""The command line a new user meets: the report command, severity counts, data-file records,
`--jobs`, rules in a pipe, pasteable settings and a look at the unsafe fixes. Real subprocesses."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import polars as pl
import pytest
from clirun import corpuslint
from conftest import SEEDS

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ARTICLE = "Rates held\n\nThe bank held rates on Monday. See $\\url{https://a.org}$.\n\nExit mobile version\n"


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "my-corpus")
    return tmp_path


def test_report_writes_the_page_and_exits_0(seeds: Path) -> None:
    result = corpuslint("report", "my-corpus", "-o", "out.html", "--isolated", cwd=seeds)
    assert result.returncode == 0, result.stderr
    assert "wrote out.html: 26 findings (2 errors, 17 warnings, 7 info)" in result.stderr
    page = (seeds / "out.html").read_text(encoding="utf-8")
    assert "26 findings in 5 files: 2 errors, 17 warnings, 7 info (15 fixable with --fix)." in page
    assert not list(seeds.glob(".out.html*"))  # no temporary file left


def test_report_options_select_and_bad_output(seeds: Path) -> None:
    only = corpuslint("report", "my-corpus", "-o", "b.html", "--isolated", "--select", "B101", cwd=seeds)
    assert only.returncode == 0 and "wrote b.html: 5 findings (0 errors, 5 warnings, 0 info)" in only.stderr
    missing = corpuslint("report", "my-corpus", "-o", "no/such/dir/r.html", "--isolated", cwd=seeds)
    assert missing.returncode == 2 and "cannot write no/such/dir/r.html" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_summary_counts_by_severity(seeds: Path) -> None:
    result = corpuslint("check", "my-corpus", "--isolated", cwd=seeds, env={"NO_COLOR": "1"})
    assert result.stderr.splitlines()[-1] == (
        "Found 26 issues: 2 errors, 17 warnings, 7 info (15 fixable with --fix, 4 more with --unsafe-fixes)")
    one = corpuslint("check", "my-corpus", "--isolated", "--select", "W101", cwd=seeds)
    assert one.stderr.splitlines()[-1] == "Found 1 issue: 0 errors, 1 warning, 0 info (0 fixable with --fix, 1 more with --unsafe-fixes)"


def test_unsafe_fixes_without_fix_lists_them_and_changes_nothing(seeds: Path) -> None:
    before = {p.name: p.read_bytes() for p in (seeds / "my-corpus").iterdir()}
    result = corpuslint("check", "my-corpus", "--isolated", "--unsafe-fixes", cwd=seeds)
    assert result.returncode == 1
    assert "4 unsafe fixes available (apply with --fix --unsafe-fixes" in result.stderr
    assert 'my-corpus/000_66750ffbfb07dea2.txt:59:16: W101 Insert "be"' in result.stderr
    assert 'my-corpus/003_2fcdbc8aa4f7d2dd.txt:30:27: W102 Replace with "break through"' in result.stderr
    assert {p.name: p.read_bytes() for p in (seeds / "my-corpus").iterdir()} == before


def test_show_one_record_by_number_or_id(tmp_path: Path) -> None:
    records = [{"id": "a1", "text": "Quiet day\n\nNothing happened.\n"},
               {"id": "b2", "text": "Markets rally in Tokyo\n\nBy Jane Doe\n\nShares rose.\n"}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    pl.DataFrame(records).write_parquet(tmp_path / "c.parquet")
    for name in ("c.jsonl", "c.parquet"):
        by_number = json.loads(corpuslint("show", name, "--record", "2", "--output-format", "json",
                                          cwd=tmp_path).stdout)
        by_id = json.loads(corpuslint("show", name, "--id", "b2", "--output-format", "json", cwd=tmp_path).stdout)
        assert by_number == by_id
        assert (by_number["record"], by_number["id"]) == (2, "b2")
        assert by_number["headline"]["value"] == "Markets rally in Tokyo"
    table = corpuslint("show", "c.jsonl", "--id", "a1", cwd=tmp_path, env={"COLUMNS": "200"})
    assert "c.jsonl record 1 (id a1)" in table.stdout and "Quiet day" in table.stdout
    for args, message in [((), "holds many articles: name one with --record N or --id ID"),
                          (("--id", "zz"), "no id 'zz' among its 2 records"),
                          (("--record", "9"), "no record 9 among its 2 records")]:
        bad = corpuslint("show", "c.jsonl", *args, cwd=tmp_path)
        assert bad.returncode == 2 and message in bad.stderr, bad.stderr
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert corpuslint("show", "a.txt", "--record", "1", cwd=tmp_path).returncode == 2


def test_check_takes_jobs_and_finds_the_same(tmp_path: Path) -> None:
    for i in range(80):  # more than the engine's minimum for a pool
        (tmp_path / f"{i:03d}.txt").write_text(ARTICLE.replace("Monday", f"day {i}"), encoding="utf-8")
    one = corpuslint("check", ".", "--isolated", "--jobs", "1", "--no-cache", "--output-format", "json",
                     cwd=tmp_path)
    two = corpuslint("check", ".", "--isolated", "--jobs", "2", "--no-cache", "--output-format", "json",
                     cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len(json.loads(one.stdout)) >= 160
    assert corpuslint("check", ".", "--jobs", "x", cwd=tmp_path).returncode == 2


def test_rules_in_a_pipe_print_one_line_a_rule(tmp_path: Path) -> None:
    out = corpuslint("rules", cwd=tmp_path, env={"COLUMNS": "40"}).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    listed = json.loads(corpuslint("rules", "--output-format", "json", cwd=tmp_path).stdout)
    assert len(rows) == len(listed)
    assert all(len(row) == 6 for row in rows)
    m101 = next(row for row in rows if row[0] == "M101")
    assert m101[:5] == ["M101", "latex-wrapped-url", "on", "error", "always"]


def test_show_settings_is_toml_a_user_can_paste(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.corpuslint]\nselect = ["B", "M101"]\nmin-body-words = 80\n'
        '[tool.corpuslint.per-file-ignores]\n"wire/*.txt" = ["B101"]\n', encoding="utf-8")
    shown = corpuslint("check", "--show-settings", cwd=tmp_path)
    assert shown.returncode == 0
    table = tomllib.loads(shown.stdout)["tool"]["corpuslint"]
    assert table["select"] == ["B", "M101"] and table["min-body-words"] == 80
    assert table["per-file-ignores"] == {"wire/*.txt": ["B101"]}
    pasted = tmp_path / "again"
    pasted.mkdir()
    (pasted / "pyproject.toml").write_text(shown.stdout, encoding="utf-8")
    again = corpuslint("check", "--show-settings", cwd=pasted)
    assert again.returncode == 0
    assert again.stdout.split("\n", 1)[1] == shown.stdout.split("\n", 1)[1]  # all but "Resolved from"


def test_unknown_config_key_suggestion_reaches_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "corpuslint.toml").write_text('selct = ["B"]\n', encoding="utf-8")
    result = corpuslint("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown setting 'selct': did you mean 'select'?" in result.stderr
