"""Running the installed console script in a real subprocess, as a user's shell would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def corpuslint(*args: str, cwd: Path, stdin: str | bytes | None = None,
               env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("corpuslint")
    assert exe, "the corpuslint console script is not installed"
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run([exe, *args], cwd=cwd, input=data, capture_output=True,
                            env={**os.environ, **(env or {})}, timeout=timeout)
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode("utf-8", "replace"),
                                       result.stderr.decode("utf-8", "replace"))
