"""Runs the selected rules over a document, a file or a data-file chunk (engine/executor.py spreads them).

The engine owns everything around a rule: selection, prefilters, severity
overrides, per-file ignores and suppressions, and turning OS errors into findings. A rule only ever sees one Document, whether it came from
a text file or from a record of a JSONL or Parquet corpus (records.py cuts those
into chunks, so one big data file still keeps every worker busy).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pathspec

from corpuslint.config import Settings
from corpuslint.corpus import corpus_pass as corpus
from corpuslint.corpus.features import DocFeatures, extract
from corpuslint.engine import limits
from corpuslint.engine.registry import Registry, UnknownSelector
from corpuslint.engine.screen import PrefilterSet
from corpuslint.engine.suppressions import UNUSED, Suppressor, find_sidecar, load_sidecar
from corpuslint.fix.fixer import FixMode, FixPolicy, fix_file
from corpuslint.fix.records import fix_data_file
from corpuslint.fix.safewrite import WriteError
from corpuslint.model.diagnostic import Diagnostic
from corpuslint.model.document import Document, Location
from corpuslint.model.finding import Finding, locate
from corpuslint.sources.compressed import compression
from corpuslint.sources.files import STDIN, Notice, Unreadable, read_document
from corpuslint.sources.nottext import not_text
from corpuslint.sources.records import Chunk, Fields, Malformed, is_data_file, plan, read

if TYPE_CHECKING:
    pass

IO_ERROR = "U001"
MALFORMED_RECORD = "U003"
NOT_TEXT = "U004"


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
    features: tuple[DocFeatures, ...] = ()  # for the corpus pass, when a corpus rule runs


class Linter:
    """The rules a run selected, ready to check documents."""

    def __init__(self, settings: Settings, registry: Registry | None = None) -> None:
        self.registry = registry or Registry.load(settings.packs)
        self.codes = self.registry.select(settings.select, settings.extend_select, settings.ignore)
        selected = self.registry.checks_for(self.codes)
        self._checks = tuple(
            check.configure(settings)
            for check in selected if not corpus.is_corpus_check(check)
        )
        self.prefilters = PrefilterSet(self._checks, screen=settings.fast_path)
        # Corpus rules run once over every document's features, after the per-document pass.
        self.corpus_checks = [c for c in selected if corpus.is_corpus_check(c)]
        self._corpus_settings = settings.corpus
        self.wants_features = bool(self.corpus_checks) and settings.corpus.enabled
        self.feature_parts = corpus.needed_parts(self.corpus_checks)
        for code in settings.severity:
            if code not in self.registry.infos:
                raise UnknownSelector(f"severity: unknown rule code {code!r}")
        self._severity = dict(settings.severity)
        # `fixable` defaults to every code; `unfixable` removes, the most specific selector winning.
        self.fixable = self.registry.select(settings.fixable or ("ALL",), (), settings.unfixable)
        self._root = settings.root
        self._max_size = settings.max_document_size
        self.finding_cap = settings.finding_cap
        self.fields = Fields(settings.text_field, settings.id_field, settings.ignore_field)
        self._record_ignores: dict[tuple[str, ...], frozenset[str]] = {}
        self._per_file_ignores = [
            (pathspec.PathSpec.from_lines("gitignore", [glob]), self._resolve_all(selectors))
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

    def _record_ignored(self, selectors: tuple[str, ...]) -> frozenset[str]:
        """The codes a record's ignore field names (prefixes too); unknown ones are skipped."""
        if selectors not in self._record_ignores:
            codes: set[str] = set()
            for selector in selectors:
                try:
                    codes |= self.registry.resolve(selector)
                except UnknownSelector:
                    continue
            self._record_ignores[selectors] = frozenset(codes)
        return self._record_ignores[selectors]

    def lint(self, doc: Document) -> list[Diagnostic]:
        """Every selected rule's diagnostics for one document, in text order."""
        return self.lint_suppressed(doc)[0]

    def lint_suppressed(self, doc: Document, *, cap: int = 0) -> tuple[list[Diagnostic], frozenset[int]]:
        """The diagnostics left after suppressions, and the sidecar rows that suppressed some.

        With a `cap`, at most that many of each code (limits.FindingCap), counted
        as they come when nothing can suppress them, so a rule that yields
        millions never has them all in memory.
        """
        ignored = self.ignored_codes(doc.path)
        if doc.record is not None and doc.record.ignore:
            ignored |= self._record_ignored(doc.record.ignore)
        oversized = len(doc.text) > self._max_size
        checks = [c for c in self._checks if c.info.code in limits.CHEAP_CODES] if oversized \
            else self.prefilters.candidates(doc.text)
        streamed = limits.FindingCap(cap) if cap and self.suppressor.quiet(doc) else None
        found: list[Diagnostic] = []
        for check in checks:
            if check.info.code not in ignored:
                (streamed.add if streamed else found.extend)(check.check(doc))
        if oversized and limits.TOO_LARGE not in ignored:
            found.extend(self._too_large(doc))
        if streamed is not None:
            streamed.add(found)
            found = streamed.result()
        found, sidecar_rows = self.suppressor.apply(doc, _outermost(found))
        if cap and streamed is None:
            found = limits.capped(found, cap)
        if self._severity:
            found = [
                replace(d, severity=self._severity[d.code]) if d.code in self._severity else d
                for d in found
            ]
        found.sort(key=lambda d: (d.start, d.end, d.code))
        return found, sidecar_rows

    def _not_text(self, doc: Document, *, with_excerpt: bool = False) -> FileResult | None:
        """A U004 finding and a notice for a document that is not text (it is then skipped)."""
        reason = not_text(doc.text)
        if reason is None:
            return None
        findings: tuple[Finding, ...] = ()
        if NOT_TEXT in self.codes and NOT_TEXT not in self.ignored_codes(doc.path):
            info = self.registry.infos[NOT_TEXT]
            diagnostic = Diagnostic(NOT_TEXT, info.name, f"Not text: {reason}; skipped", 0, 0,
                                    self._severity.get(NOT_TEXT, info.severity))
            findings = (locate(doc, diagnostic, with_excerpt=with_excerpt),)
        return FileResult(doc.path, findings, notice=Notice(doc.path, f"not text ({reason}), skipped",
                                                            "not text"))

    def _too_large(self, doc: Document) -> list[Diagnostic]:
        if limits.TOO_LARGE not in self.codes:
            return []
        info = self.registry.infos[limits.TOO_LARGE]
        cheap = ", ".join(sorted(limits.CHEAP_CODES & set(self.codes)))
        message = (f"Document of {len(doc.text):,} characters is over max-document-size "
                   f"({self._max_size:,}): checked only for {cheap or 'nothing else'}")
        return [Diagnostic(info.code, info.name, message, 0, 0, info.severity)]

    def lint_file(self, path: str, *, with_excerpt: bool = False, stdin_name: str = "-",
                  fix: FixMode | None = None) -> FileResult:
        if path != STDIN and is_data_file(path):
            if fix is not None:
                return self._fix_data_file(path, fix, with_excerpt=with_excerpt)
            parts = [self.lint_chunk(c, with_excerpt=with_excerpt) for c in plan(path, self.fields)]
            return FileResult(path, tuple(f for part in parts for f in part.findings),
                              features=tuple(f for part in parts for f in part.features))
        if fix is not None and compression(path):
            raise ValueError("fixing a compressed file is not supported; export writes a clean copy")
        read = read_document(path, stdin_name)
        if isinstance(read, Notice):
            return FileResult(read.path, notice=read)
        if isinstance(read, Unreadable):
            return FileResult(path, self._io_error(read),
                              notice=Notice(path, f"cannot read ({read.error}), skipped", "unreadable"))
        skipped = self._not_text(read, with_excerpt=with_excerpt)
        if skipped is not None:
            return skipped
        if fix is not None:
            return self._fix_file(read, fix, with_excerpt=with_excerpt, to_stdout=path == STDIN)
        diagnostics, sidecar_rows = self.lint_suppressed(read, cap=self.finding_cap)
        findings = tuple(locate(read, d, with_excerpt=with_excerpt) for d in diagnostics)
        features = (extract(read, self.feature_parts),) if self.wants_features else ()
        return FileResult(read.path, findings, features=features, sidecar_rows=sidecar_rows)

    def features(self, doc: Document) -> DocFeatures | None:
        """What the corpus pass needs of a document, when a corpus rule runs (lint_frame's rows)."""
        return extract(doc, self.feature_parts) if self.wants_features else None

    def corpus_findings(self, features: list[DocFeatures],
                        keyed: corpus.Keyed | None = None) -> list[Finding]:
        """The corpus rules' findings from every document's features, with ignores and severities.

        `keyed`: the groupings by key when another executor computed them (corpus.Keyed).
        """
        found = []
        for doc, diagnostic in corpus.run(self.corpus_checks, features, self._corpus_settings, keyed):
            if diagnostic.code in self.ignored_codes(doc.path) or (
                    doc.record is not None and diagnostic.code in self._record_ignored(doc.record.ignore)):
                continue
            if diagnostic.code in self._severity:
                diagnostic = replace(diagnostic, severity=self._severity[diagnostic.code])
            found.append(corpus.locate(doc, diagnostic))
        return sorted(found, key=lambda f: (f.path, f.location, f.code))

    def unused_sidecar_findings(self, files: Sequence[str], used_rows: set[int]) -> list[Finding]:
        """C101 for `.corpuslint-ignore` lines that matched linted files and suppressed nothing."""
        sidecar = self.suppressor.sidecar
        unused = self.suppressor.unused_entries(files, used_rows)
        if not unused or sidecar is None:
            return []
        doc = Document(sidecar.text, os.path.relpath(sidecar.path))
        severity = self._severity.get(UNUSED)
        findings = []
        for entry in unused:
            diagnostic = self.suppressor.unused_entry_diagnostic(doc, entry)
            if severity is not None:
                diagnostic = replace(diagnostic, severity=severity)
            findings.append(locate(doc, diagnostic))
        return findings

    def _fix_file(self, doc: Document, mode: FixMode, *, with_excerpt: bool,
                  to_stdout: bool) -> FileResult:
        policy = FixPolicy(mode.unsafe, self.fixable)
        done = fix_file(doc, self.lint, policy, mode, to_stdout=to_stdout)
        return FileResult(
            doc.path,
            tuple(locate(done.doc, d, with_excerpt=with_excerpt)
                  for d in limits.capped(done.remaining, self.finding_cap)),
            fixed=tuple(locate(pass_doc, d) for pass_doc, d in done.applied),
            diff=done.diff, output=done.output, warning=done.warning, error=done.error,
            # The corpus pass runs after a fix too, on the texts as fixed.
            features=(extract(done.doc, self.feature_parts),) if self.wants_features else (),
        )

    def lint_chunk(self, chunk: Chunk, *, with_excerpt: bool = False) -> FileResult:
        """Every record of one chunk of a data file; a malformed record is a U003 finding."""
        if chunk.error is not None:
            return FileResult(chunk.path, self._engine_finding(
                MALFORMED_RECORD, chunk.path, 1, f"No records read: {chunk.error}"))
        findings: list[Finding] = []
        features: list[DocFeatures] = []
        for item in read(chunk, self.fields):
            part = self._record_result(item, with_excerpt=with_excerpt)
            findings.extend(part.findings)
            features.extend(part.features)
        return FileResult(chunk.path, tuple(findings), features=tuple(features))

    def _record_result(self, item: Document | Malformed, *, with_excerpt: bool) -> FileResult:
        """A record's findings (U003 when malformed, U004 when not text, else the rules') and features."""
        if isinstance(item, Malformed):
            return FileResult(item.path, self._engine_finding(
                MALFORMED_RECORD, item.path, item.row, f"Malformed record {item.record}: {item.reason}"))
        skipped = self._not_text(item)
        if skipped is not None:
            return skipped
        findings = tuple(locate(item, d, with_excerpt=with_excerpt)
                         for d in self.lint_suppressed(item, cap=self.finding_cap)[0])
        return FileResult(item.path, findings,
                          features=(extract(item, self.feature_parts),) if self.wants_features else ())

    def _fix_data_file(self, path: str, mode: FixMode, *, with_excerpt: bool) -> FileResult:
        """`--fix` on a JSONL or Parquet file (fix/records.py); what is left reported as `check` would."""
        planned = plan(path, self.fields)
        if planned[0].error is not None:
            return self.lint_chunk(planned[0])
        policy = FixPolicy(mode.unsafe, self.fixable)
        try:
            done = fix_data_file(path, self.fields, self.lint, policy, lambda doc: not_text(doc.text) is not None)
        except WriteError as error:
            return FileResult(path, error=str(error))
        findings = [f for item in done.left for f in self._record_result(item, with_excerpt=with_excerpt).findings]
        findings.extend(locate(r.doc, d, with_excerpt=with_excerpt)
                        for r in done.results for d in limits.capped(r.remaining, self.finding_cap))
        # The corpus pass runs on the records as fixed, as it does on fixed text files.
        features = tuple(extract(r.doc, self.feature_parts) for r in done.results) if self.wants_features else ()
        return FileResult(path, tuple(sorted(findings, key=lambda f: (f.location, f.code))),
                          fixed=tuple(locate(pass_doc, d) for r in done.results for pass_doc, d in r.applied),
                          warning=done.warning, features=features)

    def _io_error(self, unreadable: Unreadable) -> tuple[Finding, ...]:
        return self._engine_finding(IO_ERROR, unreadable.path, 1,
                                    f"Cannot read the file: {unreadable.error}")

    def _engine_finding(self, code: str, path: str, row: int, message: str) -> tuple[Finding, ...]:
        """A finding no rule can make (the file or record never became a Document)."""
        if code not in self.codes or code in self.ignored_codes(path):
            return ()
        info = self.registry.infos[code]
        severity = self._severity.get(code, info.severity)
        diagnostic = Diagnostic(code, info.name, message, 0, 0, severity)
        start = Location(row, 1)
        return (Finding(path, diagnostic, start, start, ()),)


def _outermost(found: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per artifact: a finding inside another of the same code is dropped.

    A pack's entries are checks of their own, so a comment-section line may be
    both a line entry's and, as a block's header, its block's; the block's
    finding (and its one fix) stands for both.
    """
    if len(found) < 2:
        return found
    found.sort(key=lambda d: (d.start, -d.end, d.code))
    reach: dict[str, int] = {}
    kept: list[Diagnostic] = []
    for diagnostic in found:
        if reach.get(diagnostic.code, -1) >= diagnostic.end and diagnostic.end > diagnostic.start:
            continue
        kept.append(diagnostic)
        reach[diagnostic.code] = max(reach.get(diagnostic.code, -1), diagnostic.end)
    return kept
