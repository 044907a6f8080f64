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
from typing import TYPE_CHECKING, Any, NamedTuple

from corpuslint.config import ConfigError, Settings, load_settings
from corpuslint.config import parse_size
from corpuslint.engine import baseline
from corpuslint.engine.cache import CACHE_DIR, Cache, cached_run, default_dir
from corpuslint.engine.cache import clean as remove_cache
from corpuslint.engine.linter import FileResult, Linter
from corpuslint.engine.registry import Registry, RegistryError, UnknownSelector
from corpuslint.engine.rule import RuleInfo
from corpuslint.engine.ruledocs import as_dict as rule_dict
from corpuslint.engine.ruledocs import pages as rule_pages
from corpuslint.engine.ruledocs import table as rule_table
from corpuslint.errors import UsageError
from corpuslint.fix.fixer import FixMode, FixPolicy, fix_document
from corpuslint.fix.safewrite import remove_leftovers
from corpuslint.model.diagnostic import Diagnostic, Severity
from corpuslint.model.document import Document
from corpuslint.model.finding import Finding
from corpuslint.packs import PackError
from corpuslint.sources import files as sources
from corpuslint.sources.files import STDIN, MissingPath, Notice
from corpuslint.sources.records import is_data_file

if TYPE_CHECKING:
    import polars as pl

    from corpuslint.dataset.export import ExportResult
    from corpuslint.dataset.schema import Column

__all__ = ["CACHE_DIR", "CheckRun", "FixMode", "FixedText", "Options", "RuleInfo", "UsageError",
           "build_dataset", "check_paths", "configure", "discover", "export", "fix_text",
           "lint_frame", "lint_text", "resolve_paths", "rule_dict", "rule_pages", "rule_table"]


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
    """The files to lint and the notices for what was skipped; a path that is not there is a UsageError."""
    files: list[str] = []
    notices: list[Notice] = []
    try:
        for item in sources.discover(paths, settings):
            (notices if isinstance(item, Notice) else files).append(item)  # type: ignore[arg-type]
    except MissingPath as error:
        raise UsageError(str(error)) from error
    return files, notices


def data_files(files: Sequence[str]) -> list[str]:
    """The JSONL and Parquet corpora among `files` (linted record by record, never fixed in place)."""
    return [f for f in files if f != STDIN and is_data_file(f)]


def compressed_files(files: Sequence[str]) -> list[str]:
    """The compressed files among `files` (read through their compression, never fixed in place)."""
    from corpuslint.sources.compressed import compression

    return [f for f in files if f != STDIN and compression(f)]


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
    results = cached_run(None if fix is not None else cache, linter, settings, list(files),
                          with_excerpt=with_excerpt, stdin_name=stdin_name, on_done=on_done,
                          fix=fix)
    sidecar_rows: set[int] = set()
    for result in results:
        if result.notice is not None:
            run.notices.append(result.notice)
            run.findings.extend(result.findings)  # U001 or U004: the file's one finding
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
        features.extend(result.features)
    if linter.wants_features:
        from corpuslint.corpus.spill import groupings

        keyed = groupings(features, settings, linter.feature_parts)
        run.findings.extend(linter.corpus_findings(features, keyed))
    run.findings.extend(linter.unused_sidecar_findings(files, sidecar_rows))
    # Cached, fresh and corpus findings together, in the files' order (a stable sort).
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


def export(files: Sequence[str], output: str, settings: Settings | None = None, *,
           raw: bool = False, unsafe: bool = False, jobs: int | None = None) -> ExportResult:
    """Write the corpus to `output` (.parquet, .jsonl, .ndjson, .csv) if every batch validates;
    an output that cannot be written (unknown extension, no such folder) is a UsageError.

    The `text` column has the safe fixes applied, and the unsafe ones too with `unsafe`
    (what cleans crude page text: the B2 rules' fixes are unsafe).
    """
    from corpuslint.dataset import export as exporting

    try:
        return exporting.export(files, output, settings or Settings(), raw=raw, unsafe=unsafe,
                                jobs=jobs)
    except exporting.ExportError as error:
        raise UsageError(str(error)) from error


def build_dataset(paths: Sequence[str], settings: Settings | None = None, *,
                  raw: bool = False, jobs: int | None = None) -> pl.DataFrame:
    """The corpus under `paths` as one frame, a row per article, validated by ArticleSchema.

    It holds the whole corpus in memory; `export` streams a corpus of any size to a file.
    Raises pandera's SchemaErrors (every failure case) when a row breaks the schema,
    ValueError naming each unreadable file or malformed record.
    """
    import polars as pl

    from corpuslint.dataset.rows import NearDuplicates, batches
    from corpuslint.dataset.schema import ArticleSchema

    settings = settings or Settings()
    files, _ = discover(paths, settings)
    near = NearDuplicates(settings.corpus)
    frames, errors = [], []
    for batch in batches(files, settings, raw=raw, jobs=jobs):
        frames.append(near.fill(batch))
        errors.extend(batch.errors)
    if errors:
        raise ValueError("bad input: " + "; ".join(errors))
    frame = pl.concat(frames) if frames else pl.DataFrame(schema=_schema())
    return ArticleSchema.validate(frame, lazy=True)


def _schema() -> pl.Schema:
    from corpuslint.dataset.schema import polars_schema

    return polars_schema()


DIAGNOSTIC_COLUMNS = {
    "id": "String", "code": "String", "severity": "String", "start": "Int64", "end": "Int64",
    "row": "Int64", "column": "Int64", "message": "String", "fixable": "Boolean",
}


def lint_frame(df: pl.DataFrame, text: str = "text", id: str = "id", *,
               settings: Settings | None = None) -> pl.DataFrame:
    """Lint a text column of a frame you already hold: one row per diagnostic.

    Columns: id (from the `id` column), code, severity, start and end (character
    offsets into the text), row and column (1-based, inside the text), message,
    fixable. A null text is skipped.

        >>> import polars as pl
        >>> from corpuslint import lint_frame
        >>> found = lint_frame(pl.DataFrame({"id": ["a"], "text": ["See $\\url{https://a.org}$."]}))
        >>> found.filter(pl.col("code") == "M101").select("id", "row", "column").row(0)
        ('a', 1, 5)
    """
    import polars as pl

    linter = Linter(settings or Settings())
    rows = []
    for key, body in df.select(pl.col(id).cast(pl.String), pl.col(text)).iter_rows():
        if body is None:
            continue
        doc = Document(body, str(key))
        for d in linter.lint(doc):
            where = doc.location(d.start)
            rows.append((key, d.code, d.severity.label, d.start, d.end, where.row, where.column,
                         d.message, d.fixable))
    schema = {name: getattr(pl, dtype) for name, dtype in DIAGNOSTIC_COLUMNS.items()}
    return pl.DataFrame(rows, schema=schema, orient="row")


@dataclass(frozen=True)
class Options:
    """What a command line lays over the config file; None (or empty) leaves the config's value."""

    config: str | None = None
    isolated: bool = False
    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    force_exclude: bool | None = None
    respect_gitignore: bool | None = None
    fail_on: str | None = None
    output_format: str | None = None
    text_field: str | None = None
    id_field: str | None = None
    executor: str | None = None
    ray_address: str | None = None
    corpus: bool = True
    fast_path: bool = True
    max_document_size: str | None = None  # "50MB", as in the config file
    finding_cap: bool = True
    skip_unreadable: bool | None = None


def configure(options: Options) -> tuple[Settings, Linter]:
    """The settings (config file, then `options`) and the Linter they select; bad ones are a UsageError."""
    try:
        settings = load_settings(Path(options.config) if options.config else None,
                                 isolated=options.isolated)
        settings = settings.with_overrides(
            select=tuple(options.select) if options.select is not None else None,
            extend_select=(*settings.extend_select, *options.extend_select),
            ignore=(*settings.ignore, *options.ignore),
            force_exclude=options.force_exclude,
            respect_gitignore=options.respect_gitignore,
            fail_on=Severity.parse(options.fail_on) if options.fail_on else None,
            output_format=options.output_format,
            text_field=options.text_field,
            id_field=options.id_field,
            executor=options.executor,
            ray_address=options.ray_address,
        )
        if not options.corpus:
            settings = replace(settings, corpus=replace(settings.corpus, enabled=False))
        if not options.fast_path:
            settings = replace(settings, fast_path=False)
        settings = settings.with_overrides(
            max_document_size=None if options.max_document_size is None
            else parse_size("--max-document-size", options.max_document_size),
            finding_cap=None if options.finding_cap else 0,
            skip_unreadable=options.skip_unreadable,
        )
        return settings, Linter(settings)
    except (ConfigError, PackError, RegistryError, UnknownSelector) as error:
        raise UsageError(str(error)) from None


def rules() -> list[RuleInfo]:
    """Every rule: the built-ins and plug-ins, and the packs named in the config found from here."""
    try:
        return list(Registry.load(load_settings().packs).infos.values())
    except (ConfigError, PackError, RegistryError) as error:
        raise UsageError(str(error)) from None


def rule(code_or_name: str) -> RuleInfo:
    """One rule, by code (any case) or by name."""
    for info in rules():
        if code_or_name.upper() == info.code or code_or_name == info.name:
            return info
    raise UsageError(f"unknown rule {code_or_name!r}; 'corpuslint rules' lists them")


def open_cache(settings: Settings, linter: Linter, folder: str | None, with_excerpt: bool) -> Cache:
    """The results cache for this run's rules and settings, in `folder` or beside the config."""
    return Cache.for_run(Path(folder) if folder else default_dir(settings), settings, linter,
                         with_excerpt)


def clean_cache(folder: str | None = None) -> tuple[Path, bool]:
    """Remove the cache folder (by default the one beside the config); whether there was one."""
    try:
        path = Path(folder) if folder else default_dir(load_settings())
    except ConfigError as error:
        raise UsageError(str(error)) from None
    return path, remove_cache(path)


def write_baseline(path: str, findings: Sequence[Finding]) -> None:
    """Record `findings` in the baseline file at `path`."""
    try:
        baseline.write(Path(path), findings)
    except (OSError, baseline.BaselineError) as error:
        raise UsageError(str(error)) from None


def new_findings(findings: Sequence[Finding], path: str) -> list[Finding]:
    """The findings the baseline file at `path` does not record."""
    try:
        return baseline.new_findings(findings, Path(path))
    except (OSError, baseline.BaselineError) as error:
        raise UsageError(str(error)) from None


def article_fields(path: str) -> tuple[Document, dict[str, Any]]:
    """One file's document and the fields `extract` reads from it (headline, byline, dates...)."""
    from corpuslint.article.extract import extract
    from corpuslint.sources.files import read_document

    doc = read_document(path)
    if not isinstance(doc, Document):
        raise UsageError(f"{path}: {getattr(doc, 'reason', None) or getattr(doc, 'error', '')}")
    return doc, extract(doc).to_dict()


def schema_columns() -> list[Column]:
    """The exported table's columns: name, dtype, nullability, checks, description."""
    from corpuslint.dataset.schema import columns

    return columns()


def row_json_schema() -> dict[str, Any]:
    """One exported row as JSON Schema (draft 2020-12)."""
    from corpuslint.dataset.schema import json_schema

    return json_schema()
