"""Writing fixes to disk: atomic replace, mode, symlinks, files changed underneath, leftovers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from corpuslint.api import discover
from corpuslint.config import Settings
from corpuslint.engine.linter import Linter
from corpuslint.fix.fixer import FixMode, FixPolicy, fix_file
from corpuslint.fix.safewrite import TEMP_SUFFIX, remove_leftovers, write_atomic
from corpuslint.model.document import Document
from corpuslint.sources.files import read_document

ARTICLE = "Hamas welcomed the resolution.\n\nExit mobile version\n"
FIXED = "Hamas welcomed the resolution.\n"


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


def _read(path: Path) -> Document:
    doc = read_document(str(path))
    assert isinstance(doc, Document)
    return doc


def _fix_file(doc: Document):
    linter = Linter(Settings(select=("B101",)))
    return fix_file(doc, linter.lint, FixPolicy(), FixMode())


def test_write_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0o640)
    assert write_atomic(str(path), FIXED.encode(), expected=ARTICLE.encode())
    assert path.read_text(encoding="utf-8") == FIXED
    assert path.stat().st_mode & 0o777 == 0o640
    assert _temps(tmp_path) == []


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert write_atomic(str(link), FIXED.encode(), expected=ARTICLE.encode())
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED


def test_a_file_changed_after_it_was_read_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = _read(path)  # what the fixer linted…
    edited = ARTICLE + "\nAn editor added this paragraph meanwhile.\n"
    path.write_text(edited, encoding="utf-8")  # …and what is on disk when it comes to write
    done = _fix_file(doc)
    assert done.warning == "changed on disk since it was read; fixes not written"
    assert done.applied == () and [d.code for d in done.remaining] == ["B101"]
    assert path.read_text(encoding="utf-8") == edited
    assert _temps(tmp_path) == []


def test_a_read_only_file_is_a_clear_error_and_stays_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0o444)
    done = _fix_file(_read(path))
    assert done.error is not None and "read-only" in done.error and str(path) in done.error
    assert done.applied == ()
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert _temps(tmp_path) == []


def test_text_the_encoding_cannot_store_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    from fixer_support import swap_rule

    path = tmp_path / "a.txt"
    path.write_bytes(b"Caf\xe9 -> menu\n")
    doc = _read(path)
    assert doc.encoding == "cp1252"
    done = fix_file(doc, swap_rule("X961", "->", "\u2192"), FixPolicy(), FixMode())
    assert done.error is not None and "cp1252 cannot store" in done.error
    assert path.read_bytes() == b"Caf\xe9 -> menu\n"
    assert _temps(tmp_path) == []


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def test_leftovers_of_dead_runs_are_removed_and_others_kept(tmp_path: Path) -> None:
    dead = tmp_path / f".a.txt.{_dead_pid()}.k3j2h1g0{TEMP_SUFFIX}"
    live = tmp_path / f".b.txt.{os.getppid()}.abcdefgh{TEMP_SUFFIX}"
    lookalike = tmp_path / "notes.corpuslint-tmp.txt"
    for path in (dead, live, lookalike):
        path.write_text("half-written", encoding="utf-8")
    assert remove_leftovers([str(tmp_path)]) == [str(dead)]
    assert not dead.exists() and live.exists() and lookalike.exists()


def test_discovery_never_lists_a_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / f".a.txt.{_dead_pid()}.k3j2h1g0{TEMP_SUFFIX}").write_text(ARTICLE, encoding="utf-8")
    settings = Settings(root=tmp_path, include=("*",))
    files, _ = discover([str(tmp_path)], settings)
    assert [Path(f).name for f in files] == ["a.txt"]
