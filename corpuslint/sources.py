"""Finding the files to lint and reading each into a Document.

Nothing here knows of rules. Every way a path can go wrong ends in a value,
never an exception: a `Notice` (skipped, with the reason) or an `Unreadable`
(the OS refused; reported as a finding, as ruff's E902).
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from corpuslint.config import Settings
from corpuslint.document import Document

STDIN = "-"
_BOM = codecs.BOM_UTF8


@dataclass(frozen=True, slots=True)
class Notice:
    """A path that was skipped, and why; printed to stderr, never an exit-code matter."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file the OS would not let us read: the path and the OS's words."""

    path: str
    error: str


class MissingPath(FileNotFoundError):
    """A path named on the command line that does not exist (a usage error)."""


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the five bytes cp1252 leaves undefined as the code points of the same value."""
    assert isinstance(error, UnicodeDecodeError)
    return "".join(chr(b) for b in error.object[error.start : error.end]), error.end


codecs.register_error("corpuslint-cp1252", _cp1252_fallback)


def decode(data: bytes, path: str) -> Document | Notice:
    """Decode bytes as UTF-8 (BOM removed and remembered), or as cp1252 when they are not UTF-8."""
    if b"\x00" in data:
        return Notice(path, "binary file (contains NUL bytes), skipped")
    bom = data.startswith(_BOM)
    body = data[len(_BOM) :] if bom else data
    try:
        return Document(body.decode("utf-8"), path, bom=bom)
    except UnicodeDecodeError as error:
        text = body.decode("cp1252", errors="corpuslint-cp1252")
        return Document(text, path, bom=bom, encoding="cp1252", decode_error=error.start)


def read_document(path: str, stdin_name: str = STDIN) -> Document | Notice | Unreadable:
    """Read one file (or stdin for "-", reported as `stdin_name`); only regular files are opened."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), stdin_name)
    checked = _regular_or_notice(path)
    if isinstance(checked, Notice):
        return checked
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return Unreadable(path, _describe(error))
    if not data:
        return Notice(path, "empty file, nothing to lint")
    return decode(data, path)


def discover(paths: Sequence[str], settings: Settings) -> Iterator[str | Notice]:
    """Yield the files to lint under `paths` (sorted, each once) and notices for what was skipped.

    Directories are walked recursively; a file in them is linted when it
    matches `include` and not `exclude`/`extend-exclude` (gitignore-style
    globs, relative to the project root) nor a .gitignore. A file named
    outright is always linted, unless `force-exclude` applies the excludes to
    it too, as pre-commit needs. Raises MissingPath for a path that does not exist.
    """
    walker = _Walker(settings)
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            yield STDIN
            continue
        path = Path(given)
        if not os.path.lexists(path):
            raise MissingPath(f"{given}: no such file or directory")
        if path.is_dir():
            found: Iterator[str | Notice] = walker.walk(path)
        elif settings.force_exclude and walker.excluded(path, is_dir=False):
            continue
        else:
            found = iter([_regular_or_notice(given)])
        for item in found:
            key = item if isinstance(item, str) else item.path
            if key not in seen:
                seen.add(key)
                yield item


def _regular_or_notice(path: str) -> str | Notice:
    """The path when it names a regular file (or one the OS will explain when read); else a Notice."""
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Notice(path, "symbolic link loop, skipped")
        return path  # reading it will turn the OS error into a finding
    if not stat.S_ISREG(info.st_mode):
        return Notice(path, f"not a regular file ({_kind(info.st_mode)}), skipped")
    return path


class _Walker:
    def __init__(self, settings: Settings) -> None:
        self.root = settings.root.resolve()
        self.include = pathspec.PathSpec.from_lines("gitignore", settings.include)
        self.exclude = pathspec.PathSpec.from_lines(
            "gitignore", (*settings.exclude, *settings.extend_exclude)
        )
        self.respect_gitignore = settings.respect_gitignore
        self._gitignores: dict[Path, pathspec.PathSpec | None] = {}
        self._seen: set[tuple[int, int]] = set()

    def walk(self, folder: Path) -> Iterator[str | Notice]:
        try:
            info = folder.stat()
        except OSError as error:
            yield Notice(str(folder), f"cannot enter: {_describe(error)}")
            return
        if (info.st_dev, info.st_ino) in self._seen:
            yield Notice(str(folder), "symbolic link loop, skipped")
            return
        self._seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            yield Notice(str(folder), f"cannot list: {_describe(error)}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if self.excluded(path, is_dir=is_dir):
                continue
            if is_dir:
                yield from self.walk(path)
            elif self.include.match_file(self._relative(path)):
                yield _regular_or_notice(os.path.normpath(entry.path))

    def excluded(self, path: Path, *, is_dir: bool) -> bool:
        relative = self._relative(path) + ("/" if is_dir else "")
        if self.exclude.match_file(relative):
            return True
        return self.respect_gitignore and self._gitignored(path, is_dir)

    def _relative(self, path: Path) -> str:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix().lstrip("/")

    def _gitignored(self, path: Path, is_dir: bool) -> bool:
        absolute = Path(os.path.abspath(path))
        for folder in absolute.parents:
            spec = self._gitignore(folder)
            if spec is not None:
                relative = absolute.relative_to(folder).as_posix() + ("/" if is_dir else "")
                if spec.match_file(relative):
                    return True
            if folder == self.root or (folder / ".git").exists():
                break
        return False

    def _gitignore(self, folder: Path) -> pathspec.PathSpec | None:
        if folder not in self._gitignores:
            spec = None
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
                spec = pathspec.PathSpec.from_lines("gitignore", lines.splitlines())
            except OSError:
                pass
            self._gitignores[folder] = spec
        return self._gitignores[folder]


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a regular file"
