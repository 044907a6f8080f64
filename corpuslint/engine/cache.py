"""The results cache: a file whose bytes, rules and settings did not change is not linted again.

One cache file per (rule set version, config hash, output needs) under
`.corpuslint_cache/` beside the config (ruff's layout), mapping each file's
absolute path to the hash of its bytes and its FileResult. A hit needs the
same bytes, so an edit, a `git checkout` or a `--fix` is always seen, whatever
the file's mtime says. The folder holds its own `.gitignore` of `*`.

The file is a pickle: it is written and read only by corpuslint, in a folder
the user's own runs created, and loading 50,000 results from JSON would cost
what the cache saves.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import corpuslint
from corpuslint import __version__
from corpuslint.config import Settings
from corpuslint.engine.executor import run
from corpuslint.engine.linter import FileResult, Linter
from corpuslint.sources.files import STDIN
from corpuslint.sources.records import is_data_file

CACHE_DIR = ".corpuslint_cache"
_SCHEMA = 1
# Settings that change what a file's findings are; the rest (paths, output, fail-on) do not.
_IRRELEVANT = (
    "paths",
    "output-format",
    "fail-on",
    "force-exclude",
    "include",
    "exclude",
    "extend-exclude",
    "respect-gitignore",
)


def default_dir(settings: Settings) -> Path:
    return settings.root / CACHE_DIR


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def rules_version(linter: Linter) -> str:
    """The release, the selected codes, every source and pack file (a checkout's edits count)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{__version__}\0{sorted(linter.codes)}".encode())
    package = Path(corpuslint.__file__).parent
    # An editable install reads packs from the checkout's rules/, a wheel from the package.
    sources = [
        *package.rglob("*.py"),
        *package.rglob("*.yaml"),
        *package.parent.glob("rules/*.yaml"),
    ]
    for path in sorted(sources):
        info = path.stat()
        h.update(f"{path}\0{info.st_mtime_ns}\0{info.st_size}\0".encode())
    return h.hexdigest()


def config_hash(settings: Settings, linter: Linter, with_excerpt: bool) -> str:
    """The settings that shape findings, user packs, the sidecar, and what the report needs."""
    h = hashlib.blake2b(digest_size=16)
    for line in settings.describe().splitlines():
        if line.split(" = ", 1)[0] not in _IRRELEVANT:
            h.update(line.encode() + b"\n")
    for pack in settings.packs:
        h.update(pack.read_bytes() if pack.is_file() else b"-")
    sidecar = linter.suppressor.sidecar
    h.update(f"{sidecar.path}\0{sidecar.text}".encode() if sidecar else b"-")
    h.update(b"excerpt" if with_excerpt else b"plain")
    return h.hexdigest()


class Cache:
    """Results by absolute path and content hash; loaded once, saved once per run."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.file = folder / f"v{_SCHEMA}" / f"{key}.pickle"
        self._entries: dict[str, tuple[str, FileResult]] = self._load()
        self._dirty = False

    @classmethod
    def for_run(cls, folder: Path, settings: Settings, linter: Linter, with_excerpt: bool) -> Cache:
        key = hashlib.blake2b(
            (rules_version(linter) + config_hash(settings, linter, with_excerpt)).encode(),
            digest_size=16,
        ).hexdigest()
        return cls(folder, key)

    def _load(self) -> dict[str, tuple[str, FileResult]]:
        try:
            with self.file.open("rb") as handle:
                entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return {}  # no cache yet, or one from another version: lint afresh
        return entries if isinstance(entries, dict) else {}

    def get(self, path: str, content: str) -> FileResult | None:
        """The cached result for these bytes at this path, renamed to `path` as given now."""
        entry = self._entries.get(os.path.abspath(path))
        if entry is None or entry[0] != content:
            return None
        result = entry[1]
        if result.path != path:
            findings = tuple(replace(f, path=path) for f in result.findings)
            result = replace(result, path=path, findings=findings)
        return result

    def put(self, path: str, content: str, result: FileResult) -> None:
        self._entries[os.path.abspath(path)] = (content, result)
        self._dirty = True

    def save(self) -> None:
        """Write atomically; entries of files that are gone are dropped."""
        if not self._dirty:
            return
        entries = {p: e for p, e in self._entries.items() if os.path.exists(p)}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        _mark(self.folder)
        fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except BaseException:
            os.unlink(tmp)
            raise


def _mark(folder: Path) -> None:
    """Keep the cache out of git and out of backups, as ruff's cache does."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Automatically created by corpuslint.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by corpuslint.\n",
            encoding="utf-8",
        )


def clean(folder: Path) -> bool:
    """Remove the cache folder; False when there was none."""
    if not folder.is_dir():
        return False
    shutil.rmtree(folder)
    return True


def cached_run(cache: Cache | None, linter: Linter, settings: Settings, files: list[str],
                **options: Any) -> list[FileResult]:
    """engine.run over the files the cache has no result for: cached results, then fresh ones.

    Text files are cached; stdin and data files (JSONL, Parquet: one result per
    chunk) are always linted.
    """
    if cache is None:
        return list(run(linter, settings, files, **options))
    hits: list[FileResult] = []
    digests: dict[str, str] = {}
    on_done = options.pop("on_done", None)
    for path in files:
        if path == STDIN or is_data_file(path):
            continue
        try:
            with open(path, "rb") as handle:
                digests[path] = digest(handle.read())
        except OSError:
            continue  # the engine reports it (U001)
        hit = cache.get(path, digests[path])
        if hit is not None:
            hits.append(hit)
            if on_done is not None:
                on_done(hit)
    cached = {hit.path for hit in hits}
    fresh = list(run(linter, settings, [p for p in files if p not in cached],
                            on_done=on_done, **options))
    for result in fresh:
        if result.path in digests:
            cache.put(result.path, digests[result.path], result)
    cache.save()
    return hits + fresh
