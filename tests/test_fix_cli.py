"""`corpuslint check --fix` and its flags, through the installed console script in a subprocess."""

from __future__ import annotations

import codecs
import subprocess
from pathlib import Path

import pytest
from fixer_support import substitution_pack

URL = "https://www.radiohc.cu/en/noticias/357113"
ARTICLE = (
    "Blinken meets opposition leaders\n\nBlinken meets opposition leaders\n\n"
    "Hamas welcomed the resolution.\n\n $\\frac{" + URL + "$ \n\nExit mobile version\n"
)
FIXED = f"Blinken meets opposition leaders\n\nHamas welcomed the resolution.\n\n{URL}\n"
RULES = "M101,B101,S101,U002"


def _run(
    exe: str, cwd: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [exe, "check", "--isolated", "--select", RULES, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
    )


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_fix_writes_and_exits_0_when_everything_was_fixed(
    corpuslint_exe: str, article: Path
) -> None:
    done = _run(corpuslint_exe, article.parent, "--fix", "article.txt")
    assert done.returncode == 0, done.stderr
    assert article.read_text(encoding="utf-8") == FIXED
    assert done.stdout == b""
    assert b"Found 3 issues (3 fixed, 0 remaining)." in done.stderr


def test_fix_reports_what_remains_and_exits_1(corpuslint_exe: str, tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(b"Caf\xe9 owners met.\n\nExit mobile version\n")
    done = _run(corpuslint_exe, tmp_path, "--fix", "cafe.txt")
    assert done.returncode == 1
    assert path.read_bytes() == b"Caf\xe9 owners met.\n"  # still cp1252: U002's fix is unsafe
    assert b"cafe.txt:1:4: U002" in done.stdout
    assert b"Found 2 issues (1 fixed, 1 remaining)." in done.stderr


def test_unsafe_fixes_rewrite_the_file_as_utf8(corpuslint_exe: str, tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(b"Caf\xe9 owners met.\n\nExit mobile version\n")
    done = _run(corpuslint_exe, tmp_path, "--fix", "--unsafe-fixes", "cafe.txt")
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == "Café owners met.\n".encode()


def test_fix_only_reports_nothing_of_the_rest(corpuslint_exe: str, tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(b"Caf\xe9 owners met.\n\nExit mobile version\n")
    done = _run(corpuslint_exe, tmp_path, "--fix-only", "cafe.txt")
    assert done.returncode == 0
    assert done.stdout == b""
    assert done.stderr == b"Fixed 1 issue.\n"
    assert path.read_bytes() == b"Caf\xe9 owners met.\n"


def test_diff_prints_a_unified_diff_writes_nothing_and_exits_1(
    corpuslint_exe: str, article: Path
) -> None:
    done = _run(corpuslint_exe, article.parent, "--diff", "article.txt")
    assert done.returncode == 1
    assert article.read_text(encoding="utf-8") == ARTICLE
    diff = done.stdout.decode()
    assert diff.startswith("--- article.txt\n+++ article.txt\n@@ ")
    assert "-Exit mobile version\n" in diff and f"+{URL}\n" in diff
    assert "+Blinken" not in diff
    assert b"Would fix 3 issues." in done.stderr


def test_diff_of_a_clean_file_is_empty_and_exits_0(corpuslint_exe: str, tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(FIXED, encoding="utf-8")
    done = _run(corpuslint_exe, tmp_path, "--diff", "clean.txt")
    assert (done.returncode, done.stdout) == (0, b"")


def test_show_fixes_lists_what_was_fixed(corpuslint_exe: str, article: Path) -> None:
    done = _run(corpuslint_exe, article.parent, "--fix", "--show-fixes", "article.txt")
    assert done.returncode == 0
    assert (
        "Fixed 3 issues:\n- article.txt:\n    1 \u00d7 B101 (boilerplate-line)\n"
        "    1 \u00d7 M101 (latex-wrapped-url)\n    1 \u00d7 S101 (duplicated-headline)\n"
    ) in done.stderr.decode()


def test_exit_non_zero_on_fix(corpuslint_exe: str, article: Path) -> None:
    done = _run(corpuslint_exe, article.parent, "--fix", "--exit-non-zero-on-fix", "article.txt")
    assert done.returncode == 1
    assert article.read_text(encoding="utf-8") == FIXED
    again = _run(corpuslint_exe, article.parent, "--fix", "--exit-non-zero-on-fix", "article.txt")
    assert again.returncode == 0  # nothing left to fix


def test_fix_flags_without_fix_are_a_usage_error(corpuslint_exe: str, article: Path) -> None:
    for flags in (["--show-fixes"], ["--exit-non-zero-on-fix"], ["--diff", "--fix"]):
        done = _run(corpuslint_exe, article.parent, *flags, "article.txt")
        assert done.returncode == 2, flags
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_stdin_fixed_text_goes_to_stdout_and_the_report_to_stderr(
    corpuslint_exe: str, tmp_path: Path
) -> None:
    data = codecs.BOM_UTF8 + "Hamas welcomed it.\r\n\r\nExit mobile version\r\n\r\nCaf\xe9".encode()
    done = _run(corpuslint_exe, tmp_path, "--fix", "-", stdin=data)
    assert done.returncode == 0, done.stderr
    assert done.stdout == codecs.BOM_UTF8 + "Hamas welcomed it.\r\n\r\nCaf\xe9".encode()
    assert b"1 fixed, 0 remaining" in done.stderr


def test_stdin_with_nothing_to_fix_is_echoed(corpuslint_exe: str, tmp_path: Path) -> None:
    done = _run(corpuslint_exe, tmp_path, "--fix", "--isolated", "-", stdin=FIXED.encode())
    assert (done.returncode, done.stdout) == (0, FIXED.encode())


@pytest.mark.parametrize(
    ("name", "data", "fixed"),
    [
        ("crlf", ARTICLE.replace("\n", "\r\n").encode(), FIXED.replace("\n", "\r\n").encode()),
        ("bom", codecs.BOM_UTF8 + ARTICLE.encode(), codecs.BOM_UTF8 + FIXED.encode()),
        ("no-final-newline", ARTICLE.rstrip("\n").encode(), FIXED.rstrip("\n").encode()),
        (
            "bom-crlf-no-final-newline",
            codecs.BOM_UTF8 + ARTICLE.rstrip("\n").replace("\n", "\r\n").encode(),
            codecs.BOM_UTF8 + FIXED.rstrip("\n").replace("\n", "\r\n").encode(),
        ),
    ],
)
def test_fix_keeps_newlines_bom_final_newline_and_mode(
    corpuslint_exe: str, tmp_path: Path, name: str, data: bytes, fixed: bytes
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    path.chmod(0o604)
    done = _run(corpuslint_exe, tmp_path, "--fix", path.name)
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == fixed
    assert path.stat().st_mode & 0o777 == 0o604


def test_a_read_only_file_is_an_error_exit_2(corpuslint_exe: str, article: Path) -> None:
    article.chmod(0o444)
    done = _run(corpuslint_exe, article.parent, "--fix", "article.txt")
    assert done.returncode == 2
    assert (
        b"corpuslint: error: article.txt: the file is read-only; fixes not written" in done.stderr
    )
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_rules_that_never_settle_are_named_and_the_file_kept(
    corpuslint_exe: str, tmp_path: Path
) -> None:
    substitution_pack(tmp_path, {"X901": {"colour": "color"}, "X902": {"color": "colour"}})
    (tmp_path / "corpuslint.toml").write_text('packs = ["swaps.yaml"]\nselect = ["X9"]\n')
    path = tmp_path / "a.txt"
    path.write_text("The colour of money.\n", encoding="utf-8")
    done = subprocess.run(
        [corpuslint_exe, "check", "--fix", "a.txt"], cwd=tmp_path, capture_output=True, text=True
    )
    assert (
        "corpuslint: warning: a.txt: fixes did not settle after 2 passes (X901, X902); "
        "file left as it was"
    ) in done.stderr
    assert done.returncode == 1
    assert path.read_text(encoding="utf-8") == "The colour of money.\n"


def test_unfixable_in_config_leaves_those_findings(corpuslint_exe: str, article: Path) -> None:
    (article.parent / "pyproject.toml").write_text(
        '[tool.corpuslint]\nselect = ["M101", "B101", "S101"]\nunfixable = ["B101"]\n'
    )
    done = subprocess.run(
        [corpuslint_exe, "check", "--fix", "article.txt"],
        cwd=article.parent,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Exit mobile version" in article.read_text(encoding="utf-8")
    assert URL + "\n" in article.read_text(encoding="utf-8")
    assert "Found 3 issues (2 fixed, 1 remaining)." in done.stderr


def test_fix_many_files_in_worker_processes(corpuslint_exe: str, tmp_path: Path) -> None:
    """Enough files for the process pool: each is fixed and the counts add up."""
    for i in range(80):
        (tmp_path / f"a{i:03d}.txt").write_text(ARTICLE, encoding="utf-8")
    done = _run(corpuslint_exe, tmp_path, "--fix", ".")
    assert done.returncode == 0, done.stderr
    assert b"Found 240 issues (240 fixed, 0 remaining)." in done.stderr
    assert all(p.read_text(encoding="utf-8") == FIXED for p in tmp_path.glob("*.txt"))
