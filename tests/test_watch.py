"""`corpuslint check --watch` lints again when a file changes (a real subprocess, bounded waits)."""

from __future__ import annotations

import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import IO

import pytest

pytestmark = pytest.mark.slow  # watchfiles debounces for over a second

WAIT = 30.0  # seconds; only a broken watcher waits this long


def _pump(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


def _wait_for(lines: queue.Queue[str], needle: str, seen: list[str]) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return
    raise AssertionError(f"{needle!r} not seen within {WAIT}s; saw: {''.join(seen)}")


def test_watch_lints_again_after_a_change(tmp_path: Path, corpuslint_exe: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Markets rally\n\nShares rose.\n\nExit mobile version\n",
                                  encoding="utf-8")
    clean = corpus / "b.txt"
    clean.write_text("Oil slips\n\nPrices fell.\n", encoding="utf-8")
    process = subprocess.Popen(
        [corpuslint_exe, "check", "--isolated", "--select", "B101", "--watch", "corpus"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        _wait_for(lines, "corpus/a.txt:5:1: B101", seen)
        _wait_for(lines, "Watching corpus", seen)
        assert not any("b.txt" in line for line in seen)
        clean.write_text("Oil slips\n\nPrices fell.\n\nSkip to content\n", encoding="utf-8")
        _wait_for(lines, "corpus/b.txt:5:1: B101", seen)
        assert process.poll() is None, "the watcher must keep running"
    finally:
        process.terminate()
        process.wait(timeout=WAIT)
        assert process.stdout is not None
        process.stdout.close()
