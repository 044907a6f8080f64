"""File discovery: include/exclude globs and .gitignore files, as git reads them.

The walk matches bare-name globs on each entry's name and keeps a chain of
.gitignore files per folder (sources.Globs, sources._Walker); these tests hold
it to pathspec's whole-path reading and to git's rules on a real tree.
"""

from __future__ import annotations

from pathlib import Path

import pathspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuslint import api
from corpuslint.config import DEFAULT_EXCLUDE, Settings
from corpuslint.sources.files import Globs

PARTS = ["a", "b.txt", "build", "notes.md", "x.corpuslint-tmp", ".git", "data", "raw"]
GLOB_LISTS = [
    ("*.txt", "*.md"),
    DEFAULT_EXCLUDE,
    ("data/raw/", "*.txt"),  # a slashed glob: pathspec decides
    ("*.txt", "!b.txt"),  # a negation: pathspec decides
]


@pytest.mark.parametrize("lines", GLOB_LISTS)
@given(parts=st.lists(st.sampled_from(PARTS), min_size=1, max_size=4), folder=st.booleans())
def test_globs_match_what_pathspec_matches(lines: tuple[str, ...], parts: list[str], folder: bool) -> None:
    relative = "/".join(parts) + ("/" if folder else "")
    expected = pathspec.PathSpec.from_lines("gitignore", lines).match_file(relative)
    assert Globs(lines).match(relative) == expected


def test_only_bare_name_globs_are_matched_by_name() -> None:
    assert Globs(("*.txt", "build")).by_name
    assert not Globs(("data/raw/", "*.txt")).by_name
    assert not Globs(("*.txt", "!b.txt")).by_name


def _write(root: Path, *paths: str) -> None:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("Headline\n\nBody.\n", encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _write(tmp_path, "a.txt", "x.tmp.txt", "build/b.txt", "ignored/c.txt", "sub/skip.txt",
           "sub/keep.txt", "nested/y.tmp.txt", "deep/er/d.md", "image.png")
    (tmp_path / ".gitignore").write_text("ignored/\n*.tmp.txt\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("skip.txt\n", encoding="utf-8")
    (tmp_path / "nested" / ".git").mkdir()  # a repository of its own: the root's .gitignore stops there
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _found(root: Path, paths: list[str], **options: object) -> list[str]:
    files, _ = api.discover(paths, Settings(root=root, **options))  # type: ignore[arg-type]
    return files


def test_the_walk_follows_gitignore_files_and_stops_at_a_nested_repository(tree: Path) -> None:
    assert _found(tree, ["."]) == ["a.txt", "deep/er/d.md", "nested/y.tmp.txt", "sub/keep.txt"]


def test_without_gitignore_only_the_excludes_apply(tree: Path) -> None:
    assert _found(tree, ["."], respect_gitignore=False) == [
        "a.txt", "deep/er/d.md", "ignored/c.txt", "nested/y.tmp.txt", "sub/keep.txt",
        "sub/skip.txt", "x.tmp.txt"]


def test_a_folder_inside_an_excluded_one_yields_nothing(tree: Path) -> None:
    assert _found(tree, ["build"]) == []


def test_a_subfolder_walk_reads_the_gitignore_files_above_it(tree: Path) -> None:
    assert _found(tree, ["sub"]) == ["sub/keep.txt"]
    assert _found(tree, [str(tree / "sub")]) == [str(tree / "sub" / "keep.txt")]
