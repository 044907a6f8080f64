"""Crash safety: SIGKILL a `--fix` run part-way; every file is as it was or as fixed, and a rerun
finishes the job and leaves no temporary file behind."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.fix.fixer import fix_document
from corpuslint.fix.safewrite import TEMP_SUFFIX
from corpuslint.model.document import Document

FILES = 2000
SELECT = ("M101", "B101", "S101")
# The run is killed once this file (files are handed out in order, 16 at a time) is fixed.
KILL_AFTER = 150


def _article(i: int) -> str:
    headline = f"Talks resume on day {i} of the ceasefire push"
    return (
        f"{headline}\n\n{headline}\n\n"
        f"Diplomats met for the {i}th time on Tuesday, officials said.\n\n"
        f"The statement is at $\\url{{https://www.state.gov/briefing/{i}}}$ in full.\n\n"
        "Exit mobile version\n"
    )


@pytest.mark.slow
def test_a_killed_fix_run_leaves_every_file_whole(corpuslint_exe: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    linter = Linter(Settings(select=SELECT))
    originals: dict[Path, bytes] = {}
    fixed: dict[Path, bytes] = {}
    for i in range(FILES):
        path = corpus / f"article-{i:04d}.txt"
        text = _article(i)
        path.write_text(text, encoding="utf-8")
        originals[path] = text.encode()
        fixed[path] = fix_document(Document(text), linter.lint).doc.text.encode()
        assert fixed[path] != originals[path]
    watch = sorted(originals)[KILL_AFTER]

    command = [
        corpuslint_exe,
        "check",
        "--isolated",
        "--select",
        ",".join(SELECT),
        "--fix",
        "--no-progress",
        "-q",
        str(corpus),
    ]
    run = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )  # its own process group: workers die with it
    deadline = time.monotonic() + 120
    while watch.read_bytes() != fixed[watch] and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(run.pid, signal.SIGKILL)
    assert run.wait() == -signal.SIGKILL, "the run finished before it could be killed part-way"

    states = {p: p.read_bytes() for p in originals}
    torn = [p.name for p, data in states.items() if data not in (originals[p], fixed[p])]
    assert torn == []
    done = sum(states[p] == fixed[p] for p in originals)
    assert 0 < done < FILES

    leftovers = list(corpus.glob(f"*{TEMP_SUFFIX}"))
    _wait_until_gone({int(p.name.split(".")[-3]) for p in leftovers})
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert TEMP_SUFFIX not in rerun.stdout + rerun.stderr  # a leftover is never linted
    assert [p.name for p in originals if p.read_bytes() != fixed[p]] == []
    assert [p.name for p in tmp_path.rglob(f"*{TEMP_SUFFIX}")] == []
    print(f"killed after {done} of {FILES} files were fixed; {len(leftovers)} temporary files left")


def _wait_until_gone(pids: set[int]) -> None:
    """SIGKILL is delivered asynchronously: let the killed workers exit before the rerun."""
    from corpuslint.fix.safewrite import _alive

    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.01)
