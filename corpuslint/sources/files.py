"""Finding the files to lint and reading each into a Document.

Nothing here knows of rules. Every way a path can go wrong ends in a value,
never an exception: a `Notice` (skipped, with the reason) or an `Unreadable`
(the OS refused; reported as a finding, as ruff's E902).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from corpuslint.config import Settings
from corpuslint.model.document import Document
from corpuslint.sources.compressed import CorruptStream, inner_name, read_bytes

STDIN = "-"
_BOM = codecs.BOM_UTF8


@dataclass(frozen=True, slots=True)
class Notice:
    """A path that was skipped, and why, printed to stderr.

    `kind` names what was skipped ("binary", "not text", "unreadable", ...) for
    the run's summary; a notice without one (an empty file, read whole) is
    not a skip. A skipped path named on the command line fails the run unless
    `skip-unreadable` says otherwise.
    """

    path: str
    reason: str
    kind: str = ""


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
        return Notice(path, "binary file (contains NUL bytes), skipped", "binary")
    bom = data.startswith(_BOM)
    body = data[len(_BOM) :] if bom else data
    try:
        return Document(body.decode("utf-8"), path, bom=bom)
    except UnicodeDecodeError as error:
        text = body.decode("cp1252", errors="corpuslint-cp1252")
        return Document(text, path, bom=bom, encoding="cp1252", decode_error=error.start)


def read_document(path: str, stdin_name: str = STDIN) -> Document | Notice | Unreadable:
    """Read one file (or stdin for "-", reported as `stdin_name`); only regular files are opened.

    A compressed file (compressed.SUFFIXES) is read as the bytes it holds.
    """
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), stdin_name)
    checked = _regular_or_notice(path)
    if isinstance(checked, Notice):
        return checked
    try:
        data = read_bytes(path)
    except OSError as error:
        return Unreadable(path, _describe(error))
    except CorruptStream as error:
        return Unreadable(path, str(error))
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
            return Notice(path, "symbolic link loop, skipped", "symbolic link loop")
        return path  # reading it will turn the OS error into a finding
    if not stat.S_ISREG(info.st_mode):
        return Notice(path, f"not a regular file ({_kind(info.st_mode)}), skipped", "not a regular file")
    return path


class Globs:
    """Gitignore-style globs, matched as git does but fast when every glob is a bare name.

    A glob without a slash ("*.txt", "build") matches a path when it matches any
    one of the path's parts, so those globs are joined into one regex tried on
    each part. A list with a slashed or negated glob keeps pathspec's matcher.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self._spec = pathspec.PathSpec.from_lines("gitignore", lines)
        active = [p for p in self._spec.patterns if p.include is not None]
        self._by_part: re.Pattern[str] | None = None
        if all(p.include and "/" not in line.strip().rstrip("/")
               for p, line in zip(self._spec.patterns, lines, strict=True) if p.include is not None):
            self._by_part = re.compile("|".join(f"(?:{p.regex.pattern})" for p in active) or "(?!)")

    @property
    def by_name(self) -> bool:
        """Whether a name alone decides (so a walk tests each entry's name, not its whole path)."""
        return self._by_part is not None

    def match(self, relative: str) -> bool:
        if self._by_part is None:
            return self._spec.match_file(relative)
        return any(self._by_part.match(part) for part in relative.split("/"))

    def match_name(self, name: str) -> bool:
        """Whether a bare-name glob matches `name` (only when `by_name`)."""
        return self._by_part.match(name) is not None  # type: ignore[union-attr]


GitignoreChain = tuple[tuple[str, pathspec.PathSpec], ...]
"""The .gitignore files that apply in a folder: (their folder, their globs), nearest first."""


class _Walker:
    def __init__(self, settings: Settings) -> None:
        self.root = str(settings.root.resolve())
        self.include = Globs(settings.include)
        self.exclude = Globs((*settings.exclude, *settings.extend_exclude))
        self.respect_gitignore = settings.respect_gitignore
        self._gitignores: dict[str, pathspec.PathSpec | None] = {}
        self._seen: set[tuple[int, int]] = set()

    def walk(self, folder: Path) -> Iterator[str | Notice]:
        absolute = os.path.abspath(folder)
        relative = self._relative(absolute)
        if relative and self.exclude.by_name and self.exclude.match(relative):
            return  # inside an excluded folder: its entries would each match
        chain: GitignoreChain = ()
        if self.respect_gitignore and absolute != self.root and not os.path.exists(
                os.path.join(absolute, ".git")):
            chain = self._chain_above(os.path.dirname(absolute))
        yield from self._walk(os.path.normpath(folder), absolute, relative, chain,
                              included=self.include.by_name and self.include.match(relative))

    def _walk(self, folder: str, absolute: str, relative: str, chain: GitignoreChain,
              *, included: bool) -> Iterator[str | Notice]:
        """Walk one folder; `included` says a part of its path already matched `include`."""
        try:
            info = os.stat(folder)
        except OSError as error:
            yield Notice(folder, f"cannot enter: {_describe(error)}", "unreadable")
            return
        if (info.st_dev, info.st_ino) in self._seen:
            yield Notice(folder, "symbolic link loop, skipped", "symbolic link loop")
            return
        self._seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            yield Notice(folder, f"cannot list: {_describe(error)}", "unreadable")
            return
        if self.respect_gitignore:
            spec = self._gitignore(absolute)
            if os.path.exists(os.path.join(absolute, ".git")):
                chain = ()  # a repository's own .gitignore files stop at its root
            chain = ((absolute, spec), *chain) if spec is not None else chain
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            path = entry.name if folder == "." else os.path.join(folder, entry.name)
            entry_relative = f"{relative}/{entry.name}" if relative else entry.name
            entry_absolute = f"{absolute}/{entry.name}"
            if self.exclude.match_name(entry.name) if self.exclude.by_name else \
                    self.exclude.match(entry_relative + ("/" if is_dir else "")):
                continue
            if chain and _ignored(chain, entry_absolute, is_dir):
                continue
            if is_dir:
                yield from self._walk(path, entry_absolute, entry_relative, chain,
                                      included=included or (self.include.by_name
                                                            and self.include.match_name(entry.name)))
            elif included or self._included(entry_relative):
                # scandir knows a plain file without a stat; a link or a special file gets one
                regular = entry.is_file(follow_symlinks=False)
                yield path if regular else _regular_or_notice(path)

    def _included(self, relative: str) -> bool:
        """Whether `include` matches a file, or the file a compressed one holds ("a.txt" for "a.txt.gz")."""
        for candidate in dict.fromkeys((relative, inner_name(relative))):
            if self.include.match(candidate if not self.include.by_name else candidate.rsplit("/", 1)[-1]):
                return True
        return False

    def excluded(self, path: Path, *, is_dir: bool) -> bool:
        absolute = os.path.abspath(path)
        if self.exclude.match(self._relative(absolute) + ("/" if is_dir else "")):
            return True
        return self.respect_gitignore and _ignored(self._chain_above(os.path.dirname(absolute)),
                                                   absolute, is_dir)

    def _relative(self, absolute: str) -> str:
        if absolute == self.root:
            return ""
        if absolute.startswith(self.root.rstrip("/") + "/"):
            return absolute[len(self.root.rstrip("/")) + 1:]
        return absolute.lstrip("/")

    def _chain_above(self, folder: str) -> GitignoreChain:
        """The .gitignore files that apply to entries of `folder`, up to the root or a repository's."""
        chain: list[tuple[str, pathspec.PathSpec]] = []
        current = folder
        while True:
            spec = self._gitignore(current)
            if spec is not None:
                chain.append((current, spec))
            parent = os.path.dirname(current)
            if current == self.root or parent == current or os.path.exists(os.path.join(current, ".git")):
                return tuple(chain)
            current = parent

    def _gitignore(self, folder: str) -> pathspec.PathSpec | None:
        if folder not in self._gitignores:
            spec = None
            try:
                with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
                    spec = pathspec.PathSpec.from_lines("gitignore", handle.read().splitlines())
            except OSError:
                pass
            self._gitignores[folder] = spec
        return self._gitignores[folder]


def _ignored(chain: GitignoreChain, absolute: str, is_dir: bool) -> bool:
    """Whether a .gitignore of the chain ignores the path."""
    suffix = "/" if is_dir else ""
    return any(spec.match_file(absolute[len(folder.rstrip("/")) + 1:] + suffix) for folder, spec in chain)


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
