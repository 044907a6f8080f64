"""What only a person at a terminal sees: colour and the progress bar (and what CI never sees)."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

ARTICLE = "Markets rally\n\nSee $\\url{https://example.org/a}$ for the data.\n"


def _run_on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run with stdout and stderr on a pseudo-terminal; return everything it printed."""
    exe = shutil.which("corpuslint")
    assert exe
    primary, secondary = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    process = subprocess.Popen([exe, *args], cwd=cwd, stdout=secondary, stderr=secondary,
                               stdin=subprocess.DEVNULL, env={**environment, **env})
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


def _corpus(tmp_path: Path, files: int) -> Path:
    for i in range(files):
        (tmp_path / f"a{i:04d}.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_colour_on_a_terminal_and_not_with_no_color(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 1)
    coloured = _run_on_a_terminal(["check", "--isolated", "."], corpus, {})
    assert "\x1b[" in coloured and "M101" in coloured
    plain = _run_on_a_terminal(["check", "--isolated", "."], corpus, {"NO_COLOR": "1"})
    assert "\x1b[" not in plain and "a0000.txt:3:5: M101 [*]" in plain


def test_progress_bar_for_people_only(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 250)
    args = ["check", "--isolated", "--quiet", "--exit-zero", "--statistics", "."]
    on_terminal = _run_on_a_terminal(args[:2] + args[3:], corpus, {"NO_COLOR": "1"})
    assert "linting" in on_terminal and "250/250" in on_terminal
    in_ci = _run_on_a_terminal(args[:2] + args[3:], corpus, {"CI": "true", "NO_COLOR": "1"})
    assert "linting" not in in_ci
    piped = subprocess.run([shutil.which("corpuslint") or "corpuslint", *args], cwd=corpus,
                           capture_output=True, text=True, timeout=120)
    assert "linting" not in piped.stderr
