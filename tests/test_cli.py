"""The installed console script in a subprocess: every output format parsed, flags and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from clirun import corpuslint

ARTICLE = (
    "Blinken Engages with Israeli Opposition Figures\n\n"
    "Blinken Engages with Israeli Opposition Figures\n\n"
    "During his visit, Blinken met Gantz. See $\\url{https://example.org/a}$ for more.\n\n"
    "Exit mobile version"
)
URL_LINE = ARTICLE.splitlines()[4]
URL_COL = URL_LINE.index("$\\url") + 1
URL_END = URL_COL + len("$\\url{https://example.org/a}$")
CONCISE = re.compile(
    r"^(?P<path>[^:]+):(?P<row>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3})(?P<fix> \[\*\])? (?P<msg>.+)$")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "clean.md").write_text("Markets rally\n\nShares rose on Monday.\n", encoding="utf-8")
    (tmp_path / "news" / "skip.csv").write_text("not,linted\n", encoding="utf-8")
    return tmp_path


def check(corpus: Path, *args: str, **kwargs: object):
    """The article is short on purpose: S207 (short-body) is left out so each test sees its rules."""
    return corpuslint("check", "--isolated", "--ignore", "S207", *args, cwd=corpus,
                      **kwargs)  # type: ignore[arg-type]


def test_concise_is_the_default(corpus: Path) -> None:
    result = check(corpus, "news")
    assert result.returncode == 1
    rows = [CONCISE.match(line) for line in result.stdout.splitlines()]
    assert all(rows), result.stdout
    assert [(m["path"], m["row"], m["col"], m["code"], bool(m["fix"])) for m in rows] == [
        ("news/a.txt", "3", "1", "S101", True),
        ("news/a.txt", "5", str(URL_COL), "M101", True),
        ("news/a.txt", "7", "1", "B101", True),
    ]
    assert result.stderr.strip() == "Found 3 issues: 1 error, 2 warnings, 0 info (3 fixable with --fix)"
    assert "\x1b[" not in result.stdout  # no colour into a pipe


def test_full_shows_source_caret_and_fix(corpus: Path) -> None:
    result = check(corpus, "news", "--select", "M101", "--output-format", "full")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"news/a.txt:5:{URL_COL}: M101 [*] LaTeX wrapper around a URL")
    source = next(i for i, line in enumerate(lines) if line.startswith("5 | "))
    caret_line = lines[source + 1]
    assert caret_line.index("^") == lines[source].index("$\\url")
    assert caret_line.count("^") == len("$\\url{https://example.org/a}$")
    assert any("safe fix: Unwrap the URL" in line for line in lines)
    assert any(line.strip() == "+ During his visit, Blinken met Gantz. See https://example.org/a for more."
               for line in lines)


def test_json_has_ruffs_shape(corpus: Path) -> None:
    result = check(corpus, "news", "--output-format", "json")
    found = json.loads(result.stdout)
    assert [f["code"] for f in found] == ["S101", "M101", "B101"]
    m101 = found[1]
    assert set(m101) == {"code", "name", "message", "severity", "filename", "location",
                         "end_location", "fix", "url", "noqa_row"}
    assert m101["name"] == "latex-wrapped-url"
    assert m101["severity"] == "error"
    assert m101["location"] == {"row": 5, "column": URL_COL}
    assert m101["end_location"] == {"row": 5, "column": URL_END}
    assert m101["fix"]["applicability"] == "safe"
    assert m101["fix"]["edits"][0]["content"] == "https://example.org/a"
    assert m101["url"].endswith("#m101-latex-wrapped-url")
    assert m101["noqa_row"] is None


def test_json_lines_is_one_object_a_line(corpus: Path) -> None:
    result = check(corpus, "news", "--output-format", "json-lines")
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["code"] for o in objects] == ["S101", "M101", "B101"]
    assert objects == json.loads(check(corpus, "news", "--output-format", "json").stdout)


def test_github_workflow_commands(corpus: Path) -> None:
    result = check(corpus, "news", "--output-format", "github")
    lines = result.stdout.splitlines()
    assert lines[1] == (f"::error file=news/a.txt,line=5,col={URL_COL},endLine=5,endColumn={URL_END},"
                        "title=M101::LaTeX wrapper around a URL")
    assert lines[0].startswith("::warning file=news/a.txt,line=3,col=1,")


def test_statistics_counts_by_code(corpus: Path) -> None:
    result = check(corpus, "news", "--statistics")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert sorted((r[1], r[0].strip()) for r in rows) == [("B101", "1"), ("M101", "1"), ("S101", "1")]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),
        (("--exit-zero",), 0),
        (("--fail-on", "error"), 1),  # M101 is an error
        (("--fail-on", "error", "--ignore", "M101"), 0),  # warnings only left
        (("--select", "B101", "--fail-on", "info"), 1),
    ],
)
def test_exit_codes(corpus: Path, args: tuple[str, ...], code: int) -> None:
    assert check(corpus, "news", *args).returncode == code


def test_fail_on_decides_exit_but_everything_is_reported(corpus: Path) -> None:
    result = check(corpus, "news", "--fail-on", "error", "--ignore", "M101")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 2


def test_quiet_prints_findings_only(corpus: Path) -> None:
    result = check(corpus, "news", "--quiet")
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr == ""


def test_stdin_with_a_filename(corpus: Path) -> None:
    result = check(corpus, "-", "--stdin-filename", "wire/story.txt", stdin=ARTICLE)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("wire/story.txt:3:1: S101")


def test_output_file(corpus: Path) -> None:
    out = corpus / "report.json"
    result = check(corpus, "news", "--output-format", "json", "--output-file", str(out))
    assert result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3


def test_show_files_honours_include(corpus: Path) -> None:
    result = check(corpus, "news", "--show-files")
    assert result.stdout.splitlines() == ["news/a.txt", "news/clean.md"]


def test_unknown_selector_on_the_command_line(corpus: Path) -> None:
    result = check(corpus, "news", "--select", "Q999")
    assert result.returncode == 2
    assert "unknown rule selector 'Q999'" in result.stderr
    assert result.stdout == ""


def test_version_and_help(corpus: Path) -> None:
    from corpuslint import __version__

    assert corpuslint("--version", cwd=corpus).stdout.strip() == f"corpuslint {__version__}"
    help_text = corpuslint("check", "--help", cwd=corpus).stdout
    assert "examples:" in help_text and "--output-format" in help_text


def test_rules_lists_every_rule_with_its_state(corpus: Path) -> None:
    rules = json.loads(corpuslint("rules", "--output-format", "json", cwd=corpus).stdout)
    by_code = {r["code"]: r for r in rules}
    assert by_code["M101"]["name"] == "latex-wrapped-url"
    assert by_code["M101"]["enabled_by_default"] is True
    assert set(by_code["S101"]["doc"]) == {"What it finds", "Why it matters", "Example", "Fix safety"}
    table = corpuslint("rules", cwd=corpus, env={"COLUMNS": "200"}).stdout
    assert re.search(r"M101\s+latex-wrapped-url\s+on\s+error", table)


def test_rule_prints_its_doc(corpus: Path) -> None:
    result = corpuslint("rule", "M101", cwd=corpus)
    assert result.stdout.startswith("M101 latex-wrapped-url\n")
    for part in ("## What it finds", "## Why it matters", "## Example", "## Fix safety"):
        assert part in result.stdout
    assert corpuslint("rule", "latex-wrapped-url", cwd=corpus).stdout == result.stdout
    missing = corpuslint("rule", "X123", cwd=corpus)
    assert missing.returncode == 2 and "unknown rule 'X123'" in missing.stderr
