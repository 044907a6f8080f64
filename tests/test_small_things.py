"""Small things a new user meets: plurals, typo'd config keys, pasteable settings, `.json` corpora."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from clirun import corpuslint

from corpuslint import lint_text
from corpuslint.config import ConfigError, Settings, load_settings, settings_from_table
from corpuslint.model.diagnostic import Severity
from corpuslint.settings_toml import to_toml

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def test_short_body_message_uses_the_singular_for_one_word() -> None:
    one = [d.message for d in lint_text("Rates held\n\nUp.\n", select=["S207"])]
    two = [d.message for d in lint_text("Rates held\n\nUp again.\n", select=["S207"])]
    assert one == ["Body has 1 word, fewer than the minimum of 50"]
    assert two == ["Body has 2 words, fewer than the minimum of 50"]


@pytest.mark.parametrize(("table", "suggestion"), [
    ({"selct": ["M"]}, "unknown setting 'selct': did you mean 'select'?"),
    ({"extend_select": ["M"]}, "unknown setting 'extend_select': did you mean 'extend-select'?"),
    ({"min-body-word": 3}, "unknown setting 'min-body-word': did you mean 'min-body-words'?"),
    ({"corpus": {"rewrite-treshold": 0.5}}, "unknown setting corpus.rewrite-treshold: did you mean 'rewrite-threshold'?"),
])
def test_unknown_config_key_suggests_the_nearest(table: dict[str, object], suggestion: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_table(table, Path("."))
    assert suggestion in str(caught.value)


def test_an_unknown_key_with_nothing_near_gets_no_suggestion() -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_table({"zzz": 1}, Path("."))
    assert "did you mean" not in str(caught.value) and "known settings:" in str(caught.value)


def test_settings_toml_reads_back_as_the_same_settings(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.corpuslint]\nselect = ["B", "M1"]\nignore = ["B101"]\npaths = ["corpus"]\n'
        'packs = ["house.yaml"]\nfail-on = "error"\nmin-body-words = 80\nfast-path = false\n'
        '[tool.corpuslint.severity]\nS101 = "info"\n'
        '[tool.corpuslint.per-file-ignores]\n"archive/*.txt" = ["U002"]\n'
        '[tool.corpuslint.corpus]\nrewrite-threshold = 0.6\n', encoding="utf-8")
    settings = load_settings(config)
    shown = to_toml(settings)
    pasted = tmp_path / "again" / "pyproject.toml"
    pasted.parent.mkdir()
    pasted.write_text(shown, encoding="utf-8")
    again = load_settings(pasted)
    assert again.select == ("B", "M1") and again.ignore == ("B101",) and again.paths == ("corpus",)
    assert again.severity == {"S101": Severity.INFO} and again.fail_on is Severity.ERROR
    assert again.per_file_ignores == {"archive/*.txt": ("U002",)}
    assert again.corpus.rewrite_threshold == 0.6 and again.min_body_words == 80 and not again.fast_path
    assert [p.name for p in again.packs] == ["house.yaml"]
    assert tomllib.loads(shown)["tool"]["corpuslint"]["packs"] == ["house.yaml"]


def test_default_settings_toml_says_what_is_unset() -> None:
    shown = to_toml(Settings())
    assert "# select is unset: the rules on by default" in shown
    assert tomllib.loads(shown)["tool"]["corpuslint"]["fail-on"] == "warning"


def test_a_json_lines_file_named_json_is_linted_by_record(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "Rates held\n\nExit mobile version\n", "url": "https://x.org/a"}]
    (tmp_path / "crawl.json").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "array.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    result = corpuslint("check", "--isolated", "--select", "B101,U003", "crawl.json", "array.json",
                        cwd=tmp_path, env={"NO_COLOR": "1"})
    assert "crawl.json:1:1: B101 [*] Boilerplate line: Exit mobile version (record 1, id a, text 3:1)" in result.stdout
    assert "array.json:1:1: U003 No records read: a .json file is read as JSON lines" in result.stdout
    assert result.returncode == 1


def test_concise_lines_name_the_severity_when_colour_is_off(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rates held\n\nShares rose on Monday. See $\\url{https://a.org}$.\n\n"
                                    "Exit mobile version\n", encoding="utf-8")
    result = corpuslint("check", "--isolated", "--select", "M101,B101,S207", "a.txt", cwd=tmp_path,
                        env={"NO_COLOR": "1"})
    assert result.stdout.splitlines() == [
        "a.txt:3:1: S207 Body has 9 words, fewer than the minimum of 50 [info]",
        "a.txt:3:28: M101 [*] LaTeX wrapper around a URL [error]",
        "a.txt:5:1: B101 [*] Boilerplate line: Exit mobile version [warning]",
    ]


def test_concise_lines_leave_the_severity_to_colour_on_a_terminal() -> None:
    import io

    from corpuslint.model.document import Document
    from corpuslint.model.finding import locate
    from corpuslint.report import Style
    from corpuslint.report.concise import render

    doc = Document("Rates held\n\nExit mobile version\n", "a.txt")
    found = [locate(doc, d) for d in lint_text(doc.text, select=["B101"])]
    coloured, plain = io.StringIO(), io.StringIO()
    render(found, coloured, Style(color=True))
    render(found, plain, Style(color=False))
    assert "\x1b[33m" in coloured.getvalue() and "[warning]" not in coloured.getvalue()
    assert plain.getvalue() == "a.txt:3:1: B101 [*] Boilerplate line: Exit mobile version [warning]\n"
