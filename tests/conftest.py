"""Shared fixtures: where the seeds and corpora are, and the installed console script."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASES = ROOT / "tests" / "cases"
BBC_SAMPLE = ROOT / "tests" / "data" / "bbc-sample"


def _shared() -> Path | None:
    """../shared beside the checkout (CI, developers' machines); absent from a user's clone."""
    for folder in ROOT.parents:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared"
    return None


SHARED = _shared()
# The full false-positive set, when ../shared is there.
BBC_DEV = SHARED / "corpora" / "bbc-dev" if SHARED else ROOT / "missing-bbc-dev"


@pytest.fixture(scope="session")
def corpuslint_exe() -> str:
    """The installed console script: CLI tests run it in a real subprocess."""
    exe = shutil.which("corpuslint")
    if exe is None:
        pytest.fail("the corpuslint console script is not installed: pip install -e '.[test]'")
    return exe


def bbc_corpora() -> list[Path]:
    """The vendored sample always; the full bbc-dev set when ../shared is there."""
    return [BBC_SAMPLE] + ([BBC_DEV] if BBC_DEV.is_dir() else [])
