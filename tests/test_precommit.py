"""The published hooks (.pre-commit-hooks.yaml) run by the real pre-commit, as users run them.

The hook repository is a snapshot of this checkout's working tree, committed
to a temporary git repository, so the test sees uncommitted changes too.
pre-commit clones it (a local path: no network) and pip-installs corpuslint
into its own virtualenv from PyPI; one PRE_COMMIT_HOME for the session keeps
that to one install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS
from gitrepo import git, snapshot

pytestmark = pytest.mark.slow

# A pack of one rule whose findings have no fix: the check hook must keep failing on it.
UNFIXABLE_PACK = """\
rules:
  W901:
    name: reader-prompt
    summary: A prompt to the reader left in the article.
    severity: warning
    fix: never
    doc:
      What it finds: A prompt such as "Click here" inside the text.
      Why it matters: It is page chrome, not part of the article.
      Example: "Before: Click here. After: (a human rewrites the sentence)"
      Fix safety: There is no fix; the sentence needs a human.
entries:
  - code: W901
    name: reader-prompt
    kind: existence
    message: "Reader prompt: %s"
    tokens: [Click here]
"""


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout's working tree (tracked and new files) as a one-commit repository."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook-repo")
    return repo, snapshot(repo)


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _corpus(tmp_path: Path, hook_repo: tuple[Path, str], hooks: list[str], config: str) -> Path:
    """A user's repository: the seeds, a corpuslint config, a pre-commit config using our hooks."""
    repo_path, rev = hook_repo
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, corpus / "articles" / seed.name)
    (corpus / "corpuslint.toml").write_text(config, encoding="utf-8")
    hook_list = "\n".join(f"      - id: {h}" for h in hooks)
    (corpus / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo_path}\n    rev: {rev}\n    hooks:\n{hook_list}\n",
        encoding="utf-8",
    )
    git("init", "-q", cwd=corpus)
    git("add", "-A", cwd=corpus)
    return corpus


def _run(corpus: Path, home: Path, hook: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("pre-commit")
    if exe is None:
        pytest.fail("pre-commit is not installed: pip install -e '.[test]'")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)  # the hook must run its own install, not this checkout's
    return subprocess.run(
        [exe, "run", hook, "--all-files", "--color", "never"],
        cwd=corpus,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


FIXABLE_ONLY = 'select = ["M101", "B101"]\n'


def test_check_hook_fails_with_the_diagnostics(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    corpus = _corpus(tmp_path, hook_repo, ["corpuslint"], FIXABLE_ONLY)
    # Code is not a corpus: types_or keeps the hook off it even when it holds an artifact.
    (corpus / "scraper.py").write_text('FOOTER = """\nExit mobile version\n"""\n', encoding="utf-8")
    git("add", "-A", cwd=corpus)
    result = _run(corpus, pre_commit_home, "corpuslint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "articles/001_407f6368bc9a3485.txt:37:2: M101" in result.stdout
    assert "articles/002_71ed27c29c43aa56.txt:31:1: B101" in result.stdout
    assert "scraper.py" not in result.stdout
    assert "S101" not in result.stdout  # the config's selection reached the hook


def test_force_exclude_applies_to_files_pre_commit_names(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    config = FIXABLE_ONLY + 'extend-exclude = ["articles/00[0-2]_*.txt", "articles/004_*"]\n'
    corpus = _corpus(tmp_path, hook_repo, ["corpuslint"], config)
    result = _run(corpus, pre_commit_home, "corpuslint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "articles/003_2fcdbc8aa4f7d2dd.txt:52:1: B101" in result.stdout
    assert "articles/002_" not in result.stdout


def test_fix_hook_rewrites_and_then_check_passes(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    corpus = _corpus(tmp_path, hook_repo, ["corpuslint-fix", "corpuslint"], FIXABLE_ONLY)
    before = {p.name: p.read_bytes() for p in (corpus / "articles").iterdir()}
    fixed = _run(corpus, pre_commit_home, "corpuslint-fix")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # pre-commit fails a hook that edits
    assert "files were modified by this hook" in fixed.stdout
    after = {p.name: p.read_bytes() for p in (corpus / "articles").iterdir()}
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {
        "000_66750ffbfb07dea2.txt",
        "001_407f6368bc9a3485.txt",
        "002_71ed27c29c43aa56.txt",
        "003_2fcdbc8aa4f7d2dd.txt",
        "004_c5f01a48e0208218.txt",
    }
    assert b"Exit mobile version" not in after["002_71ed27c29c43aa56.txt"]
    again = _run(corpus, pre_commit_home, "corpuslint")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _run(corpus, pre_commit_home, "corpuslint-fix").returncode == 0


def test_unfixable_finding_keeps_the_check_hook_failing(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    corpus = _corpus(
        tmp_path,
        hook_repo,
        ["corpuslint-fix", "corpuslint"],
        FIXABLE_ONLY.replace("]", ', "W901"]') + 'packs = ["house.yaml"]\n',
    )
    (corpus / "house.yaml").write_text(UNFIXABLE_PACK, encoding="utf-8")
    article = corpus / "articles" / "005_prompt.txt"
    article.write_text(
        "Markets rally\n\nShares rose on Monday. Click here for more.\n", encoding="utf-8"
    )
    git("add", "-A", cwd=corpus)
    _run(corpus, pre_commit_home, "corpuslint-fix")
    result = _run(corpus, pre_commit_home, "corpuslint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "articles/005_prompt.txt:3:24: W901 Reader prompt: Click here" in result.stdout
    assert "B101" not in result.stdout and "M101" not in result.stdout
