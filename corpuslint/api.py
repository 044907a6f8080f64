"""The Python API: what the command line calls, and what programs import.

    >>> from corpuslint import lint_text
    >>> [d.code for d in lint_text("See $\\\\url{https://example.org}$ now.")]
    ['M101']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from corpuslint import engine, sources
from corpuslint.cache import Cache, digest
from corpuslint.config import Settings
from corpuslint.diagnostic import Diagnostic
from corpuslint.document import Document
from corpuslint.engine import FileResult, Linter
from corpuslint.finding import Finding, locate
from corpuslint.fixer import FixMode, FixPolicy, fix_document
from corpuslint.safewrite import remove_leftovers
from corpuslint.sources import STDIN, Notice
from corpuslint.suppressions import UNUSED


@dataclass
class CheckRun:
    """What `check_paths` found: findings in path order, notices, and how many files were read.

    With a fix: `findings` are what remains and `fixed` what was fixed; `diffs`
    and `output` (stdin's fixed bytes) are what to print; `warnings` and
    `errors` are "path: reason" for fixes that were not written.
    """

    findings: list[Finding] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files: int = 0
    fixed: list[Finding] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    output: bytes | None = None
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class FixedText(NamedTuple):
    """What `fix_text` gives: the text, and the diagnostics whose fixes made it."""

    text: str
    applied: list[Diagnostic]


def resolve_paths(paths: Sequence[str], settings: Settings) -> list[str]:
    """Paths from the command line as given; with none, `settings.paths` (relative to the config)."""
    if paths:
        return list(paths)
    cwd = Path.cwd()
    return [os.path.relpath(settings.root / p, cwd) for p in settings.paths]


def discover(paths: Sequence[str], settings: Settings) -> tuple[list[str], list[Notice]]:
    """The files to lint and the notices for what was skipped; raises sources.MissingPath."""
    files: list[str] = []
    notices: list[Notice] = []
    for item in sources.discover(paths, settings):
        (notices if isinstance(item, Notice) else files).append(item)  # type: ignore[arg-type]
    return files, notices


def check_paths(
    files: Sequence[str],
    settings: Settings,
    *,
    linter: Linter | None = None,
    with_excerpt: bool = False,
    stdin_name: str = "-",
    on_done: Callable[[FileResult], None] | None = None,
    cache: Cache | None = None,
    fix: FixMode | None = None,
) -> CheckRun:
    """Lint discovered files with the settings' rules; with `fix`, fix them (or diff them).

    With a cache, a plain check lints only the files that changed; a fix never uses it.
    """
    linter = linter or Linter(settings)
    run = CheckRun()
    if fix is not None and not fix.diff:
        remove_leftovers(os.path.dirname(os.path.realpath(f)) for f in files if f != STDIN)
    results = _cached_run(None if fix is not None else cache, linter, settings, list(files),
                          with_excerpt=with_excerpt, stdin_name=stdin_name, on_done=on_done,
                          fix=fix)
    sidecar_rows: set[int] = set()
    for result in results:
        if result.notice is not None:
            run.notices.append(result.notice)
            continue
        run.files += 1
        run.findings.extend(result.findings)
        sidecar_rows |= result.sidecar_rows
        run.fixed.extend(result.fixed)
        if result.diff:
            run.diffs.append(result.diff)
        if result.output is not None:
            run.output = result.output
        if result.warning:
            run.warnings.append(f"{result.path}: {result.warning}")
        if result.error:
            run.errors.append(result.error)
    run.findings.extend(_unused_sidecar_entries(linter, settings, files, sidecar_rows))
    return run


def _cached_run(cache: Cache | None, linter: Linter, settings: Settings, files: list[str],
                **options: Any) -> list[FileResult]:
    """engine.run over the files the cache has no result for; results in the files' order."""
    if cache is None:
        return list(engine.run(linter, settings, files, **options))
    done: dict[str, FileResult] = {}
    digests: dict[str, str] = {}
    on_done = options.pop("on_done", None)
    for path in files:
        if path == sources.STDIN:
            continue
        try:
            with open(path, "rb") as handle:
                digests[path] = digest(handle.read())
        except OSError:
            continue  # the engine reports it (U001)
        hit = cache.get(path, digests[path])
        if hit is not None:
            done[path] = hit
            if on_done is not None:
                on_done(hit)
    misses = [p for p in files if p not in done]
    fresh = engine.run(linter, settings, misses, on_done=on_done, **options)
    for path, result in zip(misses, fresh, strict=True):
        done[path] = result
        if path in digests:
            cache.put(path, digests[path], result)
    cache.save()
    return [done[p] for p in files]


def _unused_sidecar_entries(linter: Linter, settings: Settings, files: Sequence[str],
                            used_rows: set[int]) -> list[Finding]:
    """C101 for `.corpuslint-ignore` lines that matched linted files and suppressed nothing."""
    suppressor = linter.suppressor
    unused = suppressor.unused_entries(files, used_rows)
    if not unused or suppressor.sidecar is None:
        return []
    sidecar = suppressor.sidecar
    doc = Document(sidecar.text, os.path.relpath(sidecar.path))
    severity = settings.severity.get(UNUSED)
    findings = []
    for entry in unused:
        diagnostic = suppressor.unused_entry_diagnostic(doc, entry)
        if severity is not None:
            diagnostic = replace(diagnostic, severity=severity)
        findings.append(locate(doc, diagnostic))
    return findings


def lint_text(
    text: str,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    path: str = "-",
    settings: Settings | None = None,
) -> list[Diagnostic]:
    """The diagnostics for one text held in memory, in text order."""
    settings = (settings or Settings()).with_overrides(
        select=tuple(select) if select is not None else None, ignore=tuple(ignore) or None
    )
    return Linter(settings).lint(Document(text, path))



def fix_text(
    text: str,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    unsafe: bool = False,
    path: str = "-",
    settings: Settings | None = None,
) -> FixedText:
    """Fix one text in memory to a fixed point; returned as it was if the rules never settle.

    Each applied diagnostic's offsets refer to the text of the pass that applied it.

        >>> from corpuslint import fix_text
        >>> fix_text("See $\\url{https://example.org}$ now.").text
        'See https://example.org now.'
    """
    settings = (settings or Settings()).with_overrides(
        select=tuple(select) if select is not None else None, ignore=tuple(ignore) or None
    )
    linter = Linter(settings)
    result = fix_document(Document(text, path), linter.lint, FixPolicy(unsafe, linter.fixable))
    return FixedText(result.doc.text, [d for _, d in result.applied])
