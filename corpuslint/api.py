"""The Python API: what the command line calls, and what programs import.

    >>> from corpuslint import lint_text
    >>> [d.code for d in lint_text("See $\\\\url{https://example.org}$ now.")]
    ['M101']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpuslint import engine, sources
from corpuslint.config import Settings
from corpuslint.diagnostic import Diagnostic
from corpuslint.document import Document
from corpuslint.engine import FileResult, Linter
from corpuslint.finding import Finding
from corpuslint.sources import Notice


@dataclass
class CheckRun:
    """What `check_paths` found: findings in path order, notices, and how many files were read."""

    findings: list[Finding] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files: int = 0


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
) -> CheckRun:
    """Lint discovered files with the settings' rules."""
    linter = linter or Linter(settings)
    run = CheckRun()
    features = []
    order: dict[str, int] = {}
    for result in engine.run(linter, settings, list(files), with_excerpt=with_excerpt,
                             stdin_name=stdin_name, on_done=on_done):
        if result.notice is not None:
            run.notices.append(result.notice)
        else:
            run.files += 1
            run.findings.extend(result.findings)
        order.setdefault(result.path, len(order))
        if result.features is not None:
            features.append(result.features)
    if linter.wants_features:
        # Corpus findings join each file's own, keeping the files' order (a stable sort).
        run.findings.extend(linter.corpus_findings(features))
        run.findings.sort(key=lambda f: (order.get(f.path, len(order)), f.location))
    return run


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

