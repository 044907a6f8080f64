"""Real git for the tests that play a user's repository: commits, and this checkout as a hook repo."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True,
                            capture_output=True, text=True)
    return result.stdout.strip()


def snapshot(repo: Path, tag: str | None = None) -> str:
    """This checkout's working tree (tracked and new files) committed as a one-commit repository
    at `repo` (so uncommitted changes are seen too); returns the commit, tagged `tag` if given."""
    listed = git("ls-files", "--cached", "--others", "--exclude-standard", cwd=ROOT).splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            target = repo / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)
    if tag:
        git("tag", tag, cwd=repo)
    return git("rev-parse", "HEAD", cwd=repo)
