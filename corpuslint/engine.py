"""Runs the selected rules over documents, one file per task, on every core.

The engine owns everything around a rule: selection, prefilters, severity
overrides, per-file ignores and suppressions, turning OS errors into findings,
and the process pool. A rule only ever sees one Document.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pathspec
import re2

from corpuslint.config import Settings
from corpuslint.diagnostic import Diagnostic
from corpuslint.document import Document, Location
from corpuslint.finding import Finding, locate
from corpuslint.fixer import FixMode, FixPolicy, fix_file
from corpuslint.registry import Registry, RegistryError, UnknownSelector
from corpuslint.rule import Check, Rule
from corpuslint.sources import STDIN, Notice, Unreadable, read_document
from corpuslint.suppressions import UNUSED, Suppressor, find_sidecar, load_sidecar

IO_ERROR = "U001"
# Below this many files a process pool costs more to start than it saves.
PARALLEL_MIN_FILES = 64
CHUNK = 16


@dataclass(frozen=True, slots=True)
class FileResult:
    """What linting one file gave: its findings, or the notice it was skipped with.

    With a fix: `findings` are what remains, `fixed` what was (or, for a diff,
    would be) fixed; `output` is stdin's fixed bytes; `warning` and `error`
    say why a fix was not written.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    notice: Notice | None = None
    sidecar_rows: frozenset[int] = frozenset()
    """The `.corpuslint-ignore` lines that suppressed something in this file."""
    fixed: tuple[Finding, ...] = ()
    diff: str = ""
    output: bytes | None = None
    warning: str | None = None
    error: str | None = None


class Linter:
    """The rules a run selected, ready to check documents."""

    def __init__(self, settings: Settings, registry: Registry | None = None) -> None:
        self.registry = registry or Registry.load(settings.packs)
        self.codes = self.registry.select(settings.select, settings.extend_select, settings.ignore)
        self._checks = tuple(
            check.configure(settings) if isinstance(check, Rule) else check
            for check in self.registry.checks_for(self.codes)
        )
        self._prefilters = PrefilterSet(self._checks)
        for code in settings.severity:
            if code not in self.registry.infos:
                raise UnknownSelector(f"severity: unknown rule code {code!r}")
        self._severity = dict(settings.severity)
        # `fixable` defaults to every code; `unfixable` removes, the most specific selector winning.
        self.fixable = self.registry.select(settings.fixable or ("ALL",), (), settings.unfixable)
        self._root = settings.root
        self._per_file_ignores = [
            (pathspec.PathSpec.from_lines("gitwildmatch", [glob]), self._resolve_all(selectors))
            for glob, selectors in settings.per_file_ignores.items()
        ]
        sidecar = find_sidecar(Path.cwd())
        self.suppressor = Suppressor(
            load_sidecar(sidecar, self.registry.infos) if sidecar else None,
            self.codes, report_unused=UNUSED in self.codes,
        )

    def _resolve_all(self, selectors: Iterable[str]) -> frozenset[str]:
        codes: set[str] = set()
        for selector in selectors:
            codes |= self.registry.resolve(selector)
        return frozenset(codes)

    def ignored_codes(self, path: str) -> frozenset[str]:
        """The codes `per-file-ignores` turns off for this path."""
        if not self._per_file_ignores or path == "-":
            return frozenset()
        absolute = os.path.abspath(path)
        try:
            relative = os.path.relpath(absolute, self._root)
        except ValueError:
            relative = absolute
        ignored: set[str] = set()
        for spec, codes in self._per_file_ignores:
            if spec.match_file(relative):
                ignored |= codes
        return frozenset(ignored)

    def lint(self, doc: Document) -> list[Diagnostic]:
        """Every selected rule's diagnostics for one document, in text order."""
        return self.lint_suppressed(doc)[0]

    def lint_suppressed(self, doc: Document) -> tuple[list[Diagnostic], frozenset[int]]:
        """The diagnostics left after suppressions, and the sidecar rows that suppressed some."""
        ignored = self.ignored_codes(doc.path)
        found: list[Diagnostic] = []
        for check in self._prefilters.candidates(doc.text):
            if check.info.code not in ignored:
                found.extend(check.check(doc))
        found, sidecar_rows = self.suppressor.apply(doc, found)
        if self._severity:
            found = [
                replace(d, severity=self._severity[d.code]) if d.code in self._severity else d
                for d in found
            ]
        found.sort(key=lambda d: (d.start, d.end, d.code))
        return found, sidecar_rows

    def lint_file(self, path: str, *, with_excerpt: bool = False, stdin_name: str = "-",
                  fix: FixMode | None = None) -> FileResult:
        read = read_document(path, stdin_name)
        if isinstance(read, Notice):
            return FileResult(read.path, notice=read)
        if isinstance(read, Unreadable):
            return FileResult(path, self._io_error(read))
        if fix is not None:
            return self._fix_file(read, fix, with_excerpt=with_excerpt, to_stdout=path == STDIN)
        diagnostics, sidecar_rows = self.lint_suppressed(read)
        findings = tuple(locate(read, d, with_excerpt=with_excerpt) for d in diagnostics)
        return FileResult(read.path, findings, sidecar_rows=sidecar_rows)

    def _fix_file(self, doc: Document, mode: FixMode, *, with_excerpt: bool,
                  to_stdout: bool) -> FileResult:
        policy = FixPolicy(mode.unsafe, self.fixable)
        done = fix_file(doc, self.lint, policy, mode, to_stdout=to_stdout)
        return FileResult(
            doc.path,
            tuple(locate(done.doc, d, with_excerpt=with_excerpt) for d in done.remaining),
            fixed=tuple(locate(pass_doc, d) for pass_doc, d in done.applied),
            diff=done.diff, output=done.output, warning=done.warning, error=done.error,
        )

    def _io_error(self, unreadable: Unreadable) -> tuple[Finding, ...]:
        if IO_ERROR not in self.codes or IO_ERROR in self.ignored_codes(unreadable.path):
            return ()
        info = self.registry.infos[IO_ERROR]
        severity = self._severity.get(IO_ERROR, info.severity)
        diagnostic = Diagnostic(IO_ERROR, info.name, f"Cannot read the file: {unreadable.error}",
                                0, 0, severity)
        start = Location(1, 1)
        return (Finding(unreadable.path, diagnostic, start, start, ()),)


class PrefilterSet:
    """Every selected check's prefilter, matched in one pass over a document.

    RE2's multi-pattern Set answers "which of these patterns occur?" in a
    single scan, so a clean document costs one pass however many rules are
    selected; a check runs only on documents where its prefilter matched.
    Checks without a prefilter always run.
    """

    def __init__(self, checks: Sequence[Check]) -> None:
        self._always = [c for c in checks if c.prefilter is None]
        self._filtered = [c for c in checks if c.prefilter is not None]
        self._order = {id(c): i for i, c in enumerate(checks)}
        self._set = None
        if self._filtered:
            options = re2.Options()
            options.log_errors = False
            # The default 8 MB is too little for every rule's prefilter in one Set.
            options.max_mem = 256 << 20
            self._set = re2.Set.SearchSet(options)
            for check in self._filtered:
                try:
                    self._set.Add(check.prefilter)
                except re2.error as error:
                    raise RegistryError(
                        f"rule {check.info.code} ({check.info.origin}): prefilter "
                        f"{check.prefilter!r} is not RE2 syntax: {error}") from None
            self._set.Compile()

    def candidates(self, text: str) -> list[Check]:
        """The checks to run on `text`, in registry order."""
        if self._set is None:
            return self._always
        hits = [self._filtered[i] for i in self._set.Match(text) or ()]  # None when nothing matched
        if not hits:
            return self._always
        return sorted([*self._always, *hits], key=lambda c: self._order[id(c)])


Task = tuple[str, bool, FixMode | None]  # path, with_excerpt, fix
_worker: Linter | None = None


def _start_worker(settings: Settings) -> None:
    global _worker  # one Linter per worker process, built once
    _worker = Linter(settings)


def _lint_in_worker(task: Task) -> FileResult:
    assert _worker is not None
    path, with_excerpt, fix = task
    return _worker.lint_file(path, with_excerpt=with_excerpt, fix=fix)


def run(
    linter: Linter,
    settings: Settings,
    paths: list[str],
    *,
    with_excerpt: bool = False,
    stdin_name: str = "-",
    jobs: int | None = None,
    on_done: Callable[[FileResult], None] | None = None,
    fix: FixMode | None = None,
) -> Iterator[FileResult]:
    """Lint (and with `fix`, fix) `paths`, in order, in a process pool when there are enough."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(paths) < PARALLEL_MIN_FILES or "-" in paths:
        results: Iterable[FileResult] = (
            linter.lint_file(p, with_excerpt=with_excerpt, stdin_name=stdin_name, fix=fix)
            for p in paths
        )
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings,))
        results = _pooled(pool, [(p, with_excerpt, fix) for p in paths])
    for result in results:
        if on_done is not None:
            on_done(result)
        yield result


def _pooled(pool: ProcessPoolExecutor, tasks: list[Task]) -> Iterator[FileResult]:
    with pool:
        yield from pool.map(_lint_in_worker, tasks, chunksize=CHUNK)
