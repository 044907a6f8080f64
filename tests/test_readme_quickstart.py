"""The README's "Use it on your corpus" section, run as a new user would, in a fresh repository.

Every shell command in the section's ```sh blocks runs as written, in a new
virtualenv, in a git repository holding the seeds as `my-corpus/`; the
pre-commit config is the section's YAML, and a commit then goes through the
hook. The one change made to the text: the project's GitHub address points at
a local snapshot of this checkout (tagged as the README's release), so the
install and the hook install this very tree, without a network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS
from gitrepo import GIT_ENV, git, snapshot

pytestmark = pytest.mark.slow

URL = "https://github.com/corpuslint/corpuslint"


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Use it on your corpus\n(.*?)^## ", text, re.S | re.M)
    assert match, "README.md lacks its 'Use it on your corpus' section"
    return match.group(1)


def _blocks(section: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section, re.S)


def test_the_section_is_short_and_names_one_per_file_hook() -> None:
    section = _section()
    assert len(section.splitlines()) < 60
    hooks = [h["id"] for block in _blocks(section, "yaml") if "repos:" in block
             for repo in yaml.safe_load(block)["repos"] for h in repo["hooks"]]
    assert hooks == ["corpuslint-fix"]
    published = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) <= published


def test_every_install_line_names_this_projects_distribution() -> None:
    """`corpuslint` on PyPI is another project: ours is `corpuslint-text`, installed by that name
    or from this repository, never as `corpuslint`."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "corpuslint-text"
    assert "corpuslint" in project["scripts"]  # the command keeps its name
    texts = [(ROOT / name).read_text(encoding="utf-8") for name in
             ("README.md", "action.yml", ".pre-commit-hooks.yaml", *(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")))]
    installs = [line for text in texts for line in text.splitlines() if re.search(r"pip\S* install", line)]
    assert installs
    for line in installs:
        # `pip install corpuslint`, `--quiet "corpuslint==$VERSION"`: the other project's name
        assert not re.search(r"install\s+(?:-\S+\s+)*[\"']?corpuslint(?:==[^\s\"']*)?[\"']?(?:\s|$)", line), line


def test_the_ci_step_uses_the_actions_inputs() -> None:
    steps = [yaml.safe_load(block) for block in _blocks(_section(), "yaml") if "uses:" in block]
    assert steps, "no CI step in the section"
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in steps[0] if s["uses"].startswith("corpuslint/corpuslint@"))
    assert set(step["with"]) <= set(action["inputs"])
    install = next(s for s in action["runs"]["steps"] if s.get("name") == "Install corpuslint")
    assert '"corpuslint-text==$VERSION"' in install["run"] and "$GITHUB_ACTION_PATH" in install["run"]


def _sh(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900)


def test_use_it_on_your_corpus_as_written(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    section = _section()
    release = re.search(r"rev: (v[\d.]+)", section)
    assert release, "the pre-commit config names no release"
    hook_repo = tmp_path / "corpuslint-clone"
    hook_repo.mkdir()
    snapshot(hook_repo, tag=release.group(1))
    # pip (before 24) reads a git+file URL only with a host: file://localhost/PATH, which git takes too.
    local = f"file://localhost{hook_repo}"

    user = tmp_path / "project"
    shutil.copytree(SEEDS, user / "my-corpus")
    git("init", "-q", cwd=user)
    git("add", "-A", cwd=user)
    git("commit", "-q", "-m", "corpus", cwd=user)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pre_commit = shutil.which("pre-commit")
    assert pre_commit, "pre-commit is not installed: pip install -e '.[test]'"
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "VIRTUAL_ENV": str(venv), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "NO_COLOR": "1", **GIT_ENV}
    env["PATH"] = f"{env['PATH']}{os.pathsep}{os.path.dirname(pre_commit)}"  # pre-commit after the venv

    config = next(b for b in _blocks(section, "yaml") if "repos:" in b)
    results = {}
    for block in _blocks(section, "sh"):
        for command in filter(None, (line.split(" #")[0].strip() for line in block.splitlines())):
            if command == "pre-commit install":
                (user / ".pre-commit-config.yaml").write_text(config.replace(URL, str(hook_repo)))
            results[command] = _sh(command.replace(URL, local), user, env)

    install = next(c for c in results if c.startswith("pip install"))
    assert results[install].returncode == 0, results[install].stderr[-3000:]
    assert shutil.which("corpuslint", path=str(venv / "bin"))
    check = results["corpuslint check my-corpus/"]
    assert check.returncode == 1 and "my-corpus/002_71ed27c29c43aa56.txt:31:1: B101" in check.stdout
    fixed = results["corpuslint check my-corpus/ --fix"]
    assert "fixed" in fixed.stderr and fixed.returncode == 1  # S201 and others have no fix
    assert b"Exit mobile version" not in (user / "my-corpus" / "002_71ed27c29c43aa56.txt").read_bytes()
    report = results["corpuslint report my-corpus/ -o report.html"]
    assert report.returncode == 0, report.stderr
    assert "corpuslint report" in (user / "report.html").read_text(encoding="utf-8")
    assert results["pre-commit install"].returncode == 0, results["pre-commit install"].stderr
    assert (user / ".git" / "hooks" / "pre-commit").exists()

    # A new article with residue: the hook fixes it and stops the commit; the fixed file commits.
    article = user / "my-corpus" / "005_new.txt"
    article.write_text("Rates held\n\nThe bank held rates on Monday, as markets expected it to do "
                       "after a quiet month.\n\nExit mobile version\n", encoding="utf-8")
    git("add", str(article), cwd=user)
    first = _sh("git commit -q -m 'new article'", user, env)
    assert first.returncode == 1, first.stdout + first.stderr
    said = first.stdout + first.stderr  # git runs the hook with its output on stderr
    assert "corpuslint (fix)" in said and "files were modified by this hook" in said, said
    assert "Exit mobile version" not in article.read_text(encoding="utf-8")
    git("add", str(article), cwd=user)
    second = _sh("git commit -q -m 'new article, fixed'", user, env)
    assert second.returncode == 0, second.stdout + second.stderr
