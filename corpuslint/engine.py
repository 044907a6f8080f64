"""Runs the selected rules over documents, one file per task, on every core.

The engine owns everything around a rule: selection, prefilters, severity
overrides, per-file ignores, turning OS errors into findings, and the process
pool. A rule only ever sees one Document.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

import pathspec
import re2

from corpuslint import corpus
from corpuslint.config import Settings
from corpuslint.diagnostic import Diagnostic
from corpuslint.document import Document, Location
from corpuslint.features import DocFeatures, extract
from corpuslint.finding import Finding, locate
from corpuslint.fixer import FixMode, FixPolicy, fix_file
from corpuslint.registry import Registry, RegistryError, UnknownSelector
from corpuslint.rule import Check, Rule
from corpuslint.sources import STDIN, Notice, Unreadable, read_document

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
    fixed: tuple[Finding, ...] = ()
    diff: str = ""
    output: bytes | None = None
    warning: str | None = None
    error: str | None = None
    features: DocFeatures | None = None  # for the corpus pass, when a corpus rule runs


class Linter:
    """The rules a run selected, ready to check documents."""

    def __init__(self, settings: Settings, registry: Registry | None = None) -> None:
        self.registry = registry or Registry.load(settings.packs)
        self.codes = self.registry.select(settings.select, settings.extend_select, settings.ignore)
        selected = self.registry.checks_for(self.codes)
        self._checks = tuple(
            check.configure(settings) if isinstance(check, Rule) else check
            for check in selected if not corpus.is_corpus_check(check)
        )
        self._prefilters = PrefilterSet(self._checks, screen=settings.fast_path)
        # Corpus rules run once over every document's features, after the per-document pass.
        self.corpus_checks = [c for c in selected if corpus.is_corpus_check(c)]
        self._corpus_settings = settings.corpus
        self.wants_features = bool(self.corpus_checks) and settings.corpus.enabled
        self._feature_parts = corpus.needed_parts(self.corpus_checks)
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
        ignored = self.ignored_codes(doc.path)
        found: list[Diagnostic] = []
        for check in self._prefilters.candidates(doc.text):
            if check.info.code not in ignored:
                found.extend(check.check(doc))
        if self._severity:
            found = [
                replace(d, severity=self._severity[d.code]) if d.code in self._severity else d
                for d in found
            ]
        found.sort(key=lambda d: (d.start, d.end, d.code))
        return found

    def lint_file(self, path: str, *, with_excerpt: bool = False, stdin_name: str = "-",
                  fix: FixMode | None = None) -> FileResult:
        read = read_document(path, stdin_name)
        if isinstance(read, Notice):
            return FileResult(read.path, notice=read)
        if isinstance(read, Unreadable):
            return FileResult(path, self._io_error(read))
        if fix is not None:
            return self._fix_file(read, fix, with_excerpt=with_excerpt, to_stdout=path == STDIN)
        findings = tuple(locate(read, d, with_excerpt=with_excerpt) for d in self.lint(read))
        features = extract(read, self._feature_parts) if self.wants_features else None
        return FileResult(read.path, findings, features=features)

    def corpus_findings(self, features: list[DocFeatures]) -> list[Finding]:
        """The corpus rules' findings from every document's features, with ignores and severities."""
        found = []
        for doc, diagnostic in corpus.run(self.corpus_checks, features, self._corpus_settings):
            if diagnostic.code in self.ignored_codes(doc.path):
                continue
            if diagnostic.code in self._severity:
                diagnostic = replace(diagnostic, severity=self._severity[diagnostic.code])
            found.append(corpus.locate(doc, diagnostic))
        return sorted(found, key=lambda f: (f.path, f.location, f.code))

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
    """Every selected check's prefilter, screened in one pass over a document.

    RE2's FilteredRE2 extracts the literal strings ("atoms") each prefilter
    needs and finds them all in a single scan, which names the prefilters
    that could match; only those are then run, and a check runs only where
    its prefilter matched. A clean document therefore costs about one pass
    however many rules are selected. (A single RE2 Set of all prefilters
    would also be one pass, but its combined automaton grows with every
    pack pattern until it is slower than running them one by one.)
    Checks without a prefilter always run.
    """

    def __init__(self, checks: Sequence[Check], *, screen: bool = True) -> None:
        self._always = [c for c in checks if c.prefilter is None or not screen]
        self._filtered = [c for c in checks if c.prefilter is not None and screen]
        self._order = {id(c): i for i, c in enumerate(checks)}
        # Each prefilter again, from UTF-8 bytes, to confirm the filter's guesses on the
        # text encoded once (RE2's wrapper would re-encode the text per search); compiled
        # on first use, as a short run needs few of them and compiling costs ~2 ms each.
        self._patterns: list[re2._Regexp | None] = [None] * len(self._filtered)
        self._filter = re2.Filter() if self._filtered else None
        self._options = options = re2.Options()
        options.log_errors = False
        for check in self._filtered:
            try:
                self._filter.Add(check.prefilter, options)  # type: ignore[union-attr]
            except re2.error as error:
                raise RegistryError(
                    f"rule {check.info.code} ({check.info.origin}): prefilter "
                    f"{check.prefilter!r} is not RE2 syntax: {error}") from None
        if self._filter is not None:
            self._filter.Compile()

    def candidates(self, text: str) -> list[Check]:
        """The checks to run on `text`, in registry order."""
        if self._filter is None:
            return self._always
        encoded = text.encode()
        potential = self._filter.Match(encoded, potential=True) or ()  # None when nothing could match
        hits = [self._filtered[i] for i in potential if self._confirm(i, encoded)]
        if not hits:
            return self._always
        return sorted([*self._always, *hits], key=lambda c: self._order[id(c)])


    def _confirm(self, i: int, encoded: bytes) -> bool:
        pattern = self._patterns[i]
        if pattern is None:
            prefilter = self._filtered[i].prefilter.encode()  # type: ignore[union-attr]
            pattern = self._patterns[i] = re2.compile(prefilter, self._options)
        return pattern.search(encoded) is not None


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

