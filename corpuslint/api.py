"""The Python API: what the command line calls, and what programs import.

    >>> from corpuslint import lint_text
    >>> [d.code for d in lint_text("See $\\\\url{https://example.org}$ now.", select=["M"])]
    ['M101']
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from corpuslint.config import Settings
from corpuslint.engine import linter as engine
from corpuslint.engine.cache import Cache, digest
from corpuslint.engine.linter import FileResult, Linter
from corpuslint.engine.suppressions import UNUSED
from corpuslint.fix.fixer import FixMode, FixPolicy, fix_document
from corpuslint.fix.safewrite import remove_leftovers
from corpuslint.frames import filter_frame, lint_frame
from corpuslint.model.diagnostic import Diagnostic
from corpuslint.model.document import Document
from corpuslint.model.finding import Finding, locate
from corpuslint.sources import files as sources
from corpuslint.sources.files import STDIN, Notice
from corpuslint.sources.records import is_data_file

if TYPE_CHECKING:
    import polars as pl

    from corpuslint.dataset.export import ExportResult


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
    features = []
    order = {path: i for i, path in enumerate(files)}
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
        if result.features is not None:
            features.append(result.features)
    if linter.wants_features:
        run.findings.extend(linter.corpus_findings(features))
    run.findings.extend(_unused_sidecar_entries(linter, settings, files, sidecar_rows))
    # Cached, fresh and corpus findings together, in the files' order (a stable sort).
    run.findings.sort(key=lambda f: (order.get(f.path, len(order)), f.location))
    return run


def _cached_run(cache: Cache | None, linter: Linter, settings: Settings, files: list[str],
                **options: Any) -> list[FileResult]:
    """engine.run over the files the cache has no result for: cached results, then fresh ones.

    Text files are cached; stdin and data files (JSONL, Parquet: one result per
    chunk) are always linted.
    """
    if cache is None:
        return list(engine.run(linter, settings, files, **options))
    hits: list[FileResult] = []
    digests: dict[str, str] = {}
    on_done = options.pop("on_done", None)
    for path in files:
        if path == sources.STDIN or is_data_file(path):
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
    fresh = list(engine.run(linter, settings, [p for p in files if p not in cached],
                            on_done=on_done, **options))
    for result in fresh:
        if result.path in digests:
            cache.put(result.path, digests[result.path], result)
    cache.save()
    return hits + fresh


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
    """The diagnostics for one text held in memory, in text order.

    `select` replaces the default rule set and `ignore` removes from it; both
    take codes or prefixes ("B", "M101") as the command line does. `path`
    names the text in messages and decides per-file ignores; `settings`
    (from `load_settings()`) brings a project's configuration. The corpus
    rules (D) need more than one text: `lint_frame` runs them across rows.
    Each Diagnostic has code, name, message, start and end (character
    offsets), severity and fix (None, or edits with their applicability).

        >>> from corpuslint import lint_text
        >>> [(d.code, d.start, d.end) for d in lint_text("Rates held\\n\\nExit mobile version\\n", select=["B"])]
        [('B101', 12, 31)]
    """
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
        >>> fix_text("See $\\\\url{https://example.org}$ now.", select=["M"]).text
        'See https://example.org now.'
    """
    settings = (settings or Settings()).with_overrides(
        select=tuple(select) if select is not None else None, ignore=tuple(ignore) or None
    )
    linter = Linter(settings)
    result = fix_document(Document(text, path), linter.lint, FixPolicy(unsafe, linter.fixable))
    return FixedText(result.doc.text, [d for _, d in result.applied])


def export(files: Sequence[str], output: str, settings: Settings | None = None, *,
           raw: bool = False, jobs: int | None = None) -> ExportResult:
    """Write the corpus to `output` (.parquet, .jsonl, .ndjson, .csv) if every batch validates."""
    from corpuslint.dataset import export as exporting

    return exporting.export(files, output, settings or Settings(), raw=raw, jobs=jobs)


def build_dataset(paths: Sequence[str], settings: Settings | None = None, *,
                  raw: bool = False, jobs: int | None = None) -> pl.DataFrame:
    """The corpus under `paths` as one frame, a row per article, validated by ArticleSchema.

    It holds the whole corpus in memory; `export` streams a corpus of any size to a file.
    Raises pandera's SchemaErrors (every failure case) when a row breaks the schema,
    ValueError naming each unreadable file or malformed record.
    """
    import polars as pl

    from corpuslint.dataset.rows import NearDuplicates, batches, other_fields
    from corpuslint.dataset.schema import article_schema, polars_schema, record_columns

    settings = settings or Settings()
    files, _ = discover(paths, settings)
    others = other_fields(files, settings)
    columns = list(record_columns(others).values())
    near = NearDuplicates(settings.corpus)
    frames, errors = [], []
    for batch in batches(files, settings, raw=raw, jobs=jobs, others=others):
        frames.append(near.fill(batch))
        errors.extend(batch.errors)
    if errors:
        raise ValueError("bad input: " + "; ".join(errors))
    frame = pl.concat(frames) if frames else pl.DataFrame(schema=polars_schema(columns))
    return article_schema(columns).validate(frame, lazy=True)


def report(paths: Sequence[str], output: str, settings: Settings | None = None, *,
           title: str | None = None) -> CheckRun:
    """Lint `paths` and write the HTML report to `output`; the run is returned for its counts.

    The page is written beside `output` and renamed into place, so a failed
    run never leaves half a report.

        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Rates held\\n\\nExit mobile version\\n")
        >>> run = report([str(folder)], str(folder / "report.html"))
        >>> [f.code for f in run.findings], (folder / "report.html").stat().st_size > 0
        (['B101', 'S207'], True)
    """
    from corpuslint.report import html

    settings = settings or Settings()
    files, notices = discover(paths, settings)
    run = check_paths(files, settings, with_excerpt=True)
    run.notices[:0] = notices
    # Beside the output, named by this process, created with the user's umask like any file.
    tmp = os.path.join(os.path.dirname(os.path.abspath(output)),
                       f".{os.path.basename(output)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            # A big data file is linted in chunks: count the files, not the chunks.
            html.render(run.findings, out, title=title or " ".join(paths), files=len(set(files)))
        os.replace(tmp, output)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.remove(tmp)
        raise
    return run
