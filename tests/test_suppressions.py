"""Suppressions: per-file-ignores, marker lines, the `.corpuslint-ignore` sidecar, and C101."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.model.document import Document
from corpuslint.model.edits import apply_edits

BOILERPLATE = "Exit mobile version"
ARTICLE = f"Markets rally\n\nShares rose on Monday.\n\n{BOILERPLATE}\n"


def _codes(text: str, *, select: tuple[str, ...] = ("B101", "M101")) -> list[tuple[str, int]]:
    doc = Document(text, "article.md")
    return [(d.code, doc.location(d.start).row) for d in Linter(Settings(select=select)).lint(doc)]


def _check(cwd: Path, exe: str, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    result = subprocess.run(
        [exe, "check", "--no-cache", "--output-format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    found = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, found, result.stderr


def test_without_a_marker_the_line_is_reported() -> None:
    assert _codes(ARTICLE) == [("B101", 5)]


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- corpuslint: ignore B101 -->",
        "<!-- corpuslint: ignore B -->",
        "<!--corpuslint:ignore M101, B101-->",
        "<!-- corpuslint: ignore -->",
    ],
)
def test_ignore_marker_covers_the_next_block(marker: str) -> None:
    text = f"Markets rally\n\nShares rose on Monday.\n\n{marker}\n{BOILERPLATE}\n"
    assert _codes(text) == []


def test_ignore_marker_covers_only_its_codes_and_only_the_next_block() -> None:
    text = (
        f"Markets rally\n\n<!-- corpuslint: ignore M101 -->\n{BOILERPLATE}\n\n"
        f"<!-- corpuslint: ignore B101 -->\nShares rose.\n\n{BOILERPLATE}\n"
    )
    assert _codes(text) == [("B101", 4), ("B101", 9)]


def test_disable_enable_covers_a_range() -> None:
    text = (
        f"Markets rally\n\n<!-- corpuslint: disable B101 -->\n{BOILERPLATE}\n\nShares rose.\n\n"
        f"{BOILERPLATE}\n<!-- corpuslint: enable B101 -->\n\n{BOILERPLATE}\n"
    )
    assert _codes(text) == [("B101", 11)]


def test_disable_without_enable_runs_to_the_end() -> None:
    text = (f"Markets rally\n\n<!-- corpuslint: disable -->\n\n{BOILERPLATE}\n\n"
            f"Shares.\n\n{BOILERPLATE}\n")
    assert _codes(text) == []


def test_unused_marker_is_x101_with_a_fix_that_removes_it() -> None:
    text = f"Markets rally\n\n<!-- corpuslint: ignore B101 -->\nShares rose.\n\n{BOILERPLATE}\n"
    doc = Document(text, "article.md")
    found = Linter(Settings(select=("B101", "C101"))).lint(doc)
    assert [(d.code, doc.location(d.start).row) for d in found] == [("C101", 3), ("B101", 6)]
    unused = found[0]
    assert "ignore B101" in unused.message
    assert unused.fix is not None
    assert (
        apply_edits(text, unused.fix.edits) == f"Markets rally\n\nShares rose.\n\n{BOILERPLATE}\n"
    )


def test_used_marker_and_marker_for_a_rule_that_did_not_run_are_not_x101() -> None:
    used = f"Markets rally\n\n<!-- corpuslint: ignore B101 -->\n{BOILERPLATE}\n"
    assert _codes(used, select=("B101", "C101")) == []
    not_run = "Markets rally\n\n<!-- corpuslint: ignore S101 -->\nShares rose.\n"
    assert _codes(not_run, select=("B101", "C101")) == []


def test_per_file_ignores_through_the_cli(tmp_path: Path, corpuslint_exe: str) -> None:
    (tmp_path / "corpuslint.toml").write_text(
        'select = ["B101"]\n[per-file-ignores]\n"legacy/*.txt" = ["B"]\n', encoding="utf-8"
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(ARTICLE, encoding="utf-8")
    code, found, _ = _check(tmp_path, corpuslint_exe, ".")
    assert code == 1
    assert [(Path(f["filename"]).as_posix(), f["code"]) for f in found] == [("new.txt", "B101")]


def test_sidecar_suppresses_by_glob_and_reports_unused_entries(
    tmp_path: Path, corpuslint_exe: str
) -> None:
    (tmp_path / ".corpuslint-ignore").write_text(
        "# accepted artifacts\nlegacy/*.txt B101\nlegacy/*.txt M101  # nothing to hide\n"
        "nowhere/*.txt B101\n",
        encoding="utf-8",
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(ARTICLE, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    code, found, _ = _check(sub, corpuslint_exe, "--isolated", "--select", "B101,M101", "..")
    assert code == 1
    assert [(Path(f["filename"]).name, f["code"]) for f in found] == [("new.txt", "B101")]
    # Found walking up from the current folder; the unused entry is reported where it is written.
    code, found, _ = _check(
        sub, corpuslint_exe, "--isolated", "--select", "B101,M101", "--warn-unused-ignores", ".."
    )
    unused = [
        (Path(f["filename"]).name, f["location"]["row"]) for f in found if f["code"] == "C101"
    ]
    assert unused == [(".corpuslint-ignore", 3)]  # row 4 matched no linted file: not judged


def test_sidecar_with_a_bad_line_is_a_usage_error(tmp_path: Path, corpuslint_exe: str) -> None:
    (tmp_path / ".corpuslint-ignore").write_text(
        "legacy/*.txt B101\njust-a-glob\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = _check(tmp_path, corpuslint_exe, "--isolated", ".")
    assert code == 2
    assert ".corpuslint-ignore:2: expected 'glob CODE[,CODE...]'" in err
    (tmp_path / ".corpuslint-ignore").write_text("*.txt Z999\n", encoding="utf-8")
    code, _, err = _check(tmp_path, corpuslint_exe, "--isolated", ".")
    assert code == 2 and "unknown rule code 'Z999'" in err
