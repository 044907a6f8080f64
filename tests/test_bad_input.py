"""Bad input gets a clear message and loses nothing: never a traceback, never a write."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from clirun import corpuslint

GOOD = "Markets rally\n\nShares rose on Monday.\n"


def check(cwd: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = corpuslint("check", "--isolated", *args, cwd=cwd, **kwargs)  # type: ignore[arg-type]
    assert "Traceback" not in result.stderr, result.stderr
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes but the results cache's: `check` writes its cache (as ruff does), nothing else."""
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink() and ".corpuslint_cache" not in p.parts}


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = check(tmp_path, "nowhere.txt")
    assert result.returncode == 2
    assert "nowhere.txt: no such file or directory" in result.stderr


def test_directory_without_matching_files_warns_and_passes(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "table.csv").write_text("a,b\n", encoding="utf-8")
    result = check(tmp_path, "data")
    assert result.returncode == 0
    assert "warning: no files to lint under data: none matches include (*.txt, *.md)" in result.stderr


def test_binary_file_is_skipped_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    before = snapshot(tmp_path)
    result = check(tmp_path, ".")
    assert result.returncode == 0
    assert "image.txt: binary file (contains NUL bytes), skipped" in result.stderr
    assert "1 file skipped: 1 binary" in result.stderr
    assert snapshot(tmp_path) == before


def test_a_run_that_read_nothing_never_says_all_checks_passed(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = check(tmp_path, "image.txt")
    assert result.returncode == 2
    assert "All checks passed!" not in result.stderr
    assert "No issues in the files read; 1 file not read (listed above)." in result.stderr


def test_non_utf8_is_read_as_cp1252_and_reported_at_the_first_bad_byte(tmp_path: Path) -> None:
    data = "Israel’s envoy said the café was shut.\n\nExit mobile version\n".encode("cp1252")
    (tmp_path / "legacy.txt").write_bytes(data)
    result = check(tmp_path, "legacy.txt", "--select", "U002,B101", "--output-format", "json")
    found = json.loads(result.stdout)
    assert [(f["code"], f["location"]["row"], f["location"]["column"]) for f in found] == [
        ("U002", 1, data.index(b"\x92") + 1), ("B101", 3, 1)]
    assert "0x92" in found[0]["message"] and "’" in found[0]["message"]
    assert found[0]["fix"]["applicability"] == "unsafe"
    assert result.returncode == 1
    assert (tmp_path / "legacy.txt").read_bytes() == data


def test_empty_file_is_skipped_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = check(tmp_path, "empty.txt")
    assert result.returncode == 0
    assert "empty.txt: empty file, nothing to lint" in result.stderr


def _without_root_powers() -> list[str]:
    """Root reads any file; without the two DAC capabilities, mode 000 means unreadable again."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux) to drop DAC override")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_file_is_a_finding_naming_the_os_error(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    exe = shutil.which("corpuslint")
    assert exe
    command = [*_without_root_powers(), exe, "check", "--isolated", "secret.txt"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    # Named outright and never read: the run fails, unless skipping is said to be fine.
    assert result.returncode == 2, result.stderr
    assert result.stdout.strip() == "secret.txt:1:1: U001 Cannot read the file: Permission denied [error]"
    assert "secret.txt was named but not read (unreadable)" in result.stderr
    assert "Traceback" not in result.stderr
    allowed = subprocess.run([*command, "--skip-unreadable"], cwd=tmp_path, capture_output=True,
                             text=True, timeout=60)
    assert allowed.returncode == 1, allowed.stderr
    assert "1 file skipped: 1 unreadable" in allowed.stderr


def test_fifo_is_skipped_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    # Opening a FIFO with no writer blocks forever: finishing at all shows it was not opened.
    result = check(tmp_path, ".", "pipe.txt", "--skip-unreadable", timeout=60)
    assert result.returncode == 0
    assert "pipe.txt: not a regular file (a FIFO), skipped" in result.stderr
    assert check(tmp_path, "pipe.txt", timeout=60).returncode == 2  # named, unread: not a pass


def test_symlink_loops_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ok.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub" / "back").symlink_to("..")
    result = check(tmp_path, ".", "loop.txt", "--show-files")
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["sub/ok.txt"]
    lint = check(tmp_path, ".", "loop.txt", "--skip-unreadable")
    assert "loop.txt: symbolic link loop, skipped" in lint.stderr
    assert "back: symbolic link loop, skipped" in lint.stderr


@pytest.mark.slow
def test_100mb_single_line_finishes_with_the_right_findings(tmp_path: Path) -> None:
    """Near-misses of every M101 form, 100 MB of them on one line, with two real wrappers."""
    near_misses = "$ \\url{ $\\frac{ $https:// \\href{x}{ $1m $ " * 4
    filler = near_misses * (100_000_000 // len(near_misses))
    first, last = "$\\url{https://example.org/a}$ ", " \\url{https://example.org/b}"
    (tmp_path / "huge.txt").write_text(first + filler + last, encoding="utf-8")
    # Over the default max-document-size (50MB): raised, so the rules run on all of it.
    result = check(tmp_path, "huge.txt", "--select", "M101,B101,S101", "--output-format", "json",
                   "--max-document-size", "200MB", timeout=600)
    found = json.loads(result.stdout)
    assert [(f["code"], f["location"]["column"]) for f in found] == [
        ("M101", 1), ("M101", len(first) + len(filler) + 2)]
