"""The results cache: hits give byte-identical output; a changed file, rule set or config misses."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import SEEDS

FORMATS = ["concise", "full", "json", "sarif"]


def _run(cwd: Path, exe: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([exe, "check", *args], cwd=cwd, capture_output=True, text=True)


def _project(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "corpuslint.toml").write_text('paths = ["seeds"]\n', encoding="utf-8")
    return tmp_path


def _cache_files(project: Path) -> list[Path]:
    return sorted((project / ".corpuslint_cache").rglob("*.pickle"))


def test_cache_hits_give_identical_output(tmp_path: Path, corpuslint_exe: str) -> None:
    project = _project(tmp_path)
    for fmt in FORMATS:
        cold = _run(project, corpuslint_exe, "--no-cache", "--output-format", fmt)
        filling = _run(project, corpuslint_exe, "--output-format", fmt)
        hit = _run(project, corpuslint_exe, "--output-format", fmt)
        assert cold.returncode == filling.returncode == hit.returncode == 1
        assert cold.stdout == filling.stdout == hit.stdout, fmt
        assert cold.stderr == hit.stderr
    assert (
        (project / ".corpuslint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    )
    assert len(_cache_files(project)) == 2  # with and without excerpts (`full` needs them)


def test_cache_is_keyed_by_content_and_config(tmp_path: Path, corpuslint_exe: str) -> None:
    project = _project(tmp_path)
    _run(project, corpuslint_exe)
    article = project / "seeds" / "002_71ed27c29c43aa56.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Exit mobile version", "Fin."), encoding="utf-8"
    )
    after_edit = _run(project, corpuslint_exe).stdout
    assert after_edit == _run(project, corpuslint_exe, "--no-cache").stdout
    assert "Exit mobile version" not in after_edit
    (project / "corpuslint.toml").write_text(
        'paths = ["seeds"]\nignore = ["B101"]\n', encoding="utf-8"
    )
    assert "B101" not in _run(project, corpuslint_exe).stdout
    assert len(_cache_files(project)) == 2


def test_no_cache_cache_dir_and_clean(tmp_path: Path, corpuslint_exe: str) -> None:
    project = _project(tmp_path)
    _run(project, corpuslint_exe, "--no-cache")
    assert not (project / ".corpuslint_cache").exists()
    _run(project, corpuslint_exe, "--cache-dir", "elsewhere")
    assert list((project / "elsewhere").rglob("*.pickle"))
    assert not (project / ".corpuslint_cache").exists()
    _run(project, corpuslint_exe)
    cleaned = subprocess.run([corpuslint_exe, "clean"], cwd=project, capture_output=True, text=True)
    assert cleaned.returncode == 0 and "Removed" in cleaned.stdout
    assert not (project / ".corpuslint_cache").exists()
    subprocess.run(
        [corpuslint_exe, "clean", "--cache-dir", "elsewhere"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    assert not (project / "elsewhere").exists()


def test_a_corrupt_cache_is_ignored(tmp_path: Path, corpuslint_exe: str) -> None:
    project = _project(tmp_path)
    expected = _run(project, corpuslint_exe).stdout
    for path in _cache_files(project):
        path.write_bytes(b"not a pickle")
    again = _run(project, corpuslint_exe)
    assert again.returncode == 1 and again.stdout == expected
