"""The command line: parse, call the API, render. `main(argv) -> int` so tests can call it.

Exit codes, as ruff's: 0 nothing at or above `--fail-on`, 1 findings, 2 a usage,
configuration or internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from corpuslint import __version__
from corpuslint.cli import limits

if TYPE_CHECKING:
    from corpuslint.api import CheckRun
    from corpuslint.config import Settings
    from corpuslint.engine.cache import Cache
    from corpuslint.engine.linter import Linter
    from corpuslint.engine.registry import Registry
    from corpuslint.engine.rule import RuleInfo
    from corpuslint.fix.fixer import FixMode
    from corpuslint.model.finding import Finding

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

CHECK_EXAMPLES = """\
examples:
  corpuslint check                          lint the paths set in config (here: seeds/)
  corpuslint check corpus/ --statistics     count findings by rule
  corpuslint check a.txt --output-format full
  corpuslint check --select B,M --ignore B101 corpus/
  cat article.txt | corpuslint check - --stdin-filename article.txt
  corpuslint check corpus/ --output-format github   annotations in GitHub Actions
  corpuslint check corpus/ --fix            apply safe fixes, report what remains
  corpuslint check corpus/ --diff --unsafe-fixes   show every fix as a diff, write nothing
  cat article.txt | corpuslint check --fix -   fixed text on stdout, findings on stderr
  corpuslint check corpus/ --add-baseline baseline.json   accept today's findings
  corpuslint check corpus/ --baseline baseline.json       report only new ones
  corpuslint check corpus/ --watch              lint again whenever a file changes
  corpuslint check corpus.jsonl --text-field body   lint each record of a JSONL corpus
"""
EXPORT_EXAMPLES = """\
examples:
  corpuslint export corpus/ -o corpus.parquet      one validated row per article
  corpuslint export corpus.jsonl -o clean.jsonl --text-field body --id-field url
  corpuslint export corpus/ -o corpus.csv --raw    text as it was; urls, codes as JSON arrays
"""


class UsageError(Exception):
    """A problem with what the user asked for: printed as one line, exit 2."""


def _codes(value: str) -> list[str]:
    """`--select B,M101` and repeated `--select` both work."""
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    from corpuslint.report import FORMATS

    parser = argparse.ArgumentParser(
        prog="corpuslint",
        description="A linter and auto-fixer for text corpora of scraped news articles.",
        epilog="Run 'corpuslint COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"corpuslint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="lint files and report findings",
        description="Lint files, directories or stdin and report each finding with its rule code.",
        epilog=CHECK_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or directories to lint ('-' for stdin); default: `paths` in config")
    config = _selection_and_config(check)
    config.add_argument("--force-exclude", action="store_true", default=None,
                        help="apply exclude patterns to paths named on the command line too")
    config.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                        help="skip files that .gitignore ignores (default: true)")
    config.add_argument("--stdin-filename", metavar="NAME", help="the name to report stdin as")
    _record_options(config)
    config.add_argument("--show-settings", action="store_true", help="print the resolved settings")
    config.add_argument("--show-files", action="store_true", help="print the files that would be linted")
    config.add_argument("--no-corpus", action="store_true",
                        help="skip the corpus pass (D rules): for a hook given only some files")
    limits.add_options(config)
    # Hidden: run every check on every document, to compare with the fast paths (tests, bench).
    config.add_argument("--no-fast-path", action="store_true", help=argparse.SUPPRESS)
    output = check.add_argument_group("output")
    output.add_argument("--output-format", choices=list(FORMATS), metavar="FORMAT",
                        help=f"one of: {', '.join(FORMATS)} (default: concise)")
    output.add_argument("--output-file", metavar="PATH", help="write the report to a file")
    output.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule instead of the findings")
    output.add_argument("--fail-on", choices=["error", "warning", "info"],
                        help="lowest severity that makes the exit code 1 (default: warning)")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    output.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    output.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    adoption = check.add_argument_group("adoption")
    baseline = adoption.add_mutually_exclusive_group()
    baseline.add_argument("--add-baseline", metavar="FILE",
                          help="record today's findings in FILE and exit 0")
    baseline.add_argument("--baseline", metavar="FILE",
                          help="report only findings that FILE does not record")
    adoption.add_argument("--warn-unused-ignores", action="store_true",
                          help="report suppressions that suppressed nothing (C101)")
    adoption.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    adoption.add_argument("--cache-dir", metavar="DIR",
                          help="where to keep the cache (default: .corpuslint_cache beside the config)")
    adoption.add_argument("--watch", action="store_true", help="lint again whenever a file changes")
    fixing = check.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true",
                        help="apply safe fixes, then report what remains")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="apply unsafe fixes too (with --fix, --fix-only or --diff)")
    fixing.add_argument("--fix-only", action="store_true",
                        help="apply fixes and report nothing of what remains (implies --fix)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and write nothing; exit 1 if any")
    fixing.add_argument("--show-fixes", action="store_true",
                        help="list what was fixed, by file and rule")
    fixing.add_argument("--exit-non-zero-on-fix", action="store_true",
                        help="exit 1 when a file was fixed, even if nothing remains (for hooks)")

    export = commands.add_parser(
        "export", help="write the corpus as one validated table",
        description="Lint and clean every article and write one row per article (metadata, "
                    "cleaned text, counts, codes), validated against the schema. Nothing is "
                    "written unless every row validates.",
        epilog=EXPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("paths", nargs="*", metavar="PATH",
                        help="files, directories, JSONL or Parquet corpora; default: `paths` in config")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the table to write: .parquet, .jsonl, .ndjson or .csv")
    export.add_argument("--raw", action="store_true", help="keep the text as it was (no safe fixes)")
    export.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: every core)")
    _record_options(_selection_and_config(export))
    schema = commands.add_parser("schema", help="print the exported table's schema",
                                 description="Print every column of an export: dtype, nullability, "
                                             "checks; or the row as JSON Schema.")
    schema.add_argument("--output-format", choices=["table", "json"], default="table")

    rules = commands.add_parser("rules", help="list every rule with its default state",
                                description="List every rule: code, name, severity, default state, fix.")
    rules.add_argument("--output-format", choices=["table", "json", "markdown", "markdown-docs"],
                       default="table",
                       help="markdown: the README's rule table; markdown-docs: every rule's doc")
    rule = commands.add_parser("rule", help="print one rule's documentation",
                               description="Print a rule's documentation, e.g. 'corpuslint rule M101'.")
    rule.add_argument("code", metavar="CODE")
    rule.add_argument("--output-format", choices=["text", "json"], default="text")
    clean = commands.add_parser("clean", help="remove the cache",
                                description="Remove the cache folder (.corpuslint_cache beside the config).")
    clean.add_argument("--cache-dir", metavar="DIR", help="remove this cache folder instead")
    show = commands.add_parser("show", help="print the fields extracted from an article",
                               description="Print the headline, byline, dates, dateline, source, "
                                           "URLs, captions and language read from one file.")
    show.add_argument("file", metavar="FILE")
    show.add_argument("--output-format", choices=["table", "json"], default="table")
    return parser


def _selection_and_config(command: argparse.ArgumentParser) -> argparse._ArgumentGroup:
    """The options `check` and `export` share: which rules run, and which config; returns
    the configuration group for the command's own additions."""
    rules_group = command.add_argument_group("rule selection")
    rules_group.add_argument("--select", type=_codes, action="extend", metavar="CODES",
                             help="run only these codes or prefixes (e.g. B,M101 or ALL)")
    rules_group.add_argument("--extend-select", type=_codes, action="extend", metavar="CODES",
                             help="run these in addition to the selected rules")
    rules_group.add_argument("--ignore", type=_codes, action="extend", metavar="CODES",
                             help="do not run these codes or prefixes")
    config = command.add_argument_group("configuration")
    config.add_argument("--config", metavar="PATH",
                        help="use this pyproject.toml or corpuslint.toml instead of searching")
    config.add_argument("--isolated", action="store_true", help="ignore every config file")
    return config


def _record_options(group: argparse._ActionsContainer) -> None:
    group.add_argument("--text-field", metavar="NAME",
                       help="JSONL/Parquet corpora: the field holding the text (default: text)")
    group.add_argument("--id-field", metavar="NAME",
                       help="JSONL/Parquet corpora: the field holding the record's id (default: id)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "clean":
            return _clean(args)
        if args.command == "show":
            return _show(args)
        if args.command == "export":
            return _export(args)
        if args.command == "schema":
            return _schema(args)
        return _rule(args)
    except UsageError as error:
        _error(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`corpuslint rules | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    except Exception as error:
        if os.environ.get("CORPUSLINT_DEBUG"):
            raise
        _error(f"internal error: {type(error).__name__}: {error}\n"
               "  set CORPUSLINT_DEBUG=1 for the traceback, and please report it")
        return EXIT_ERROR


def _error(message: str) -> None:
    sys.stderr.write(f"corpuslint: error: {message}\n")


def _warn(message: str) -> None:
    sys.stderr.write(f"corpuslint: warning: {message}\n")


def _load(args: argparse.Namespace) -> tuple[Settings, Linter]:
    """Settings from config and flags, and the Linter they select; usage errors become UsageError."""
    from dataclasses import replace
    from pathlib import Path

    from corpuslint.config import ConfigError, load_settings
    from corpuslint.engine.linter import Linter
    from corpuslint.engine.registry import RegistryError, UnknownSelector
    from corpuslint.model.diagnostic import Severity
    from corpuslint.packs import PackError

    # `check` and `export` share this; options only `check` has read as unset for `export`.
    given = vars(args)
    try:
        settings = load_settings(Path(args.config) if args.config else None, isolated=args.isolated)
        settings = settings.with_overrides(
            select=tuple(args.select) if args.select is not None else None,
            extend_select=(*settings.extend_select, *(args.extend_select or ()),
                           *(("C101",) if given.get("warn_unused_ignores") else ())),
            ignore=(*settings.ignore, *(args.ignore or ())),
            force_exclude=given.get("force_exclude"),
            respect_gitignore=given.get("respect_gitignore"),
            fail_on=Severity.parse(given["fail_on"]) if given.get("fail_on") else None,
            output_format=given.get("output_format"),
            text_field=args.text_field,
            id_field=args.id_field,
        )
        if given.get("no_corpus"):
            settings = replace(settings, corpus=replace(settings.corpus, enabled=False))
        if getattr(args, "no_fast_path", False):
            settings = replace(settings, fast_path=False)
        settings = limits.apply(settings, given)
        return settings, Linter(settings)
    except (ConfigError, PackError, RegistryError, UnknownSelector) as error:
        raise UsageError(str(error)) from None


def _check(args: argparse.Namespace) -> int:
    if args.watch:
        return _watch(args)
    return _check_once(args)


def _watch(args: argparse.Namespace) -> int:
    """Lint, then lint again after every change, until interrupted; config is re-read each time."""
    from watchfiles import DefaultFilter, watch

    from corpuslint.engine.cache import CACHE_DIR

    def once() -> list[str]:
        try:
            _check_once(args)
            settings, _ = _load(args)
        except UsageError as error:
            _error(str(error))
            return list(args.paths) or ["."]
        finally:
            sys.stdout.flush()
        return _watched(args, settings)

    watched = once()
    quiet_dirs = (*DefaultFilter.ignore_dirs, CACHE_DIR)
    while True:
        # The watcher is running once it yields its first (empty) timeout: only then is it
        # announced, so a change made after the announcement is never missed.
        changes = watch(*watched, watch_filter=DefaultFilter(ignore_dirs=quiet_dirs),
                        yield_on_timeout=True, rust_timeout=200)
        announced = False
        try:
            for changed in changes:
                if changed:
                    break
                if not announced:
                    _info(f"Watching {', '.join(watched)} for changes (Ctrl-C to stop)")
                    announced = True
        except KeyboardInterrupt:
            return EXIT_CLEAN
        _info(f"{len(changed)} change(s) seen, linting again")
        watched = once()


def _watched(args: argparse.Namespace, settings: Settings) -> list[str]:
    """The folders to watch: the paths linted, and the config file so a change to it counts."""
    from corpuslint import api

    paths = [p for p in api.resolve_paths(args.paths, settings) if p != "-"]
    if settings.config_file is not None:
        paths.append(str(settings.config_file))
    return [p for p in paths if os.path.exists(p)] or ["."]


def _info(message: str) -> None:
    sys.stderr.write(f"corpuslint: {message}\n")
    sys.stderr.flush()


def _check_once(args: argparse.Namespace) -> int:
    from corpuslint import api
    from corpuslint.report import Style, renderer
    from corpuslint.sources.files import MissingPath

    settings, linter = _load(args)
    if args.show_settings:
        print(settings.describe())
        print(f"selected = {sorted(linter.codes)}")
        return EXIT_CLEAN
    paths = api.resolve_paths(args.paths, settings)
    try:
        files, notices = api.discover(paths, settings)
    except MissingPath as error:
        raise UsageError(f"{error}") from None
    if args.show_files:
        print("\n".join(files))
        return EXIT_CLEAN

    fix = _fix_mode(args)
    if fix is not None:
        from corpuslint.sources.records import is_data_file

        data_files = [f for f in files if f != "-" and is_data_file(f)]
        if data_files:
            raise UsageError(f"--fix, --fix-only and --diff work on text files, not on JSONL or "
                             f"Parquet corpora ({data_files[0]}); 'corpuslint export' writes "
                             "the cleaned corpus")
    fmt = settings.output_format
    progress = None
    if _wants_progress(args, fmt, len(files)):
        from corpuslint.cli.progress import Progress

        progress = Progress(len(files))
    try:
        run = api.check_paths(files, settings, linter=linter, with_excerpt=fmt == "full",
                              stdin_name=args.stdin_filename or "-",
                              on_done=progress.advance if progress else None, fix=fix,
                              cache=None if fix else _cache(args, settings, linter, fmt == "full"))
    finally:
        if progress:
            progress.close()
    if args.add_baseline or args.baseline:
        return_code = _apply_baseline(args, run)
        if return_code is not None:
            return return_code
    notices.extend(run.notices)
    if not args.quiet:
        for notice in notices:
            _warn(f"{notice.path}: {notice.reason}")
        if not files:
            _warn(f"no files to lint under {', '.join(paths)}: none matches include "
                  f"({', '.join(settings.include)}) outside exclude and .gitignore; "
                  "--show-settings shows them")
    if fix is not None:
        return limits.finish(_fixed(args, run, settings), notices, paths, settings, quiet=args.quiet)

    out: TextIO
    with _open_output(args.output_file) as out:
        style = Style(color=_color(out, fmt))
        if args.statistics:
            _statistics(run.findings, out, fmt)
        else:
            renderer(fmt)(run.findings, out, style)
    if not args.quiet:
        sys.stdout.flush()  # the report first, then the summary, when both go to one terminal
        _summary(run.findings)
    failing = any(f.diagnostic.severity >= settings.fail_on for f in run.findings)
    code = EXIT_CLEAN if args.exit_zero else EXIT_FINDINGS if failing else EXIT_CLEAN
    return limits.finish(code, notices, paths, settings, quiet=args.quiet)


def _cache(args: argparse.Namespace, settings: Settings, linter: Linter,
           with_excerpt: bool) -> Cache | None:
    from pathlib import Path

    from corpuslint.engine.cache import Cache, default_dir

    if args.no_cache or "-" in args.paths:
        return None
    folder = Path(args.cache_dir) if args.cache_dir else default_dir(settings)
    return Cache.for_run(folder, settings, linter, with_excerpt)


def _apply_baseline(args: argparse.Namespace, run: CheckRun) -> int | None:
    """Record the findings (and say how to exit), or keep only those the baseline lacks."""
    from pathlib import Path

    from corpuslint.engine import baseline

    try:
        if args.add_baseline:
            baseline.write(Path(args.add_baseline), run.findings)
            _info(f"recorded {len(run.findings)} finding(s) in {args.add_baseline}")
            return EXIT_CLEAN
        known = len(run.findings)
        run.findings = baseline.new_findings(run.findings, Path(args.baseline))
    except (OSError, baseline.BaselineError) as error:
        raise UsageError(str(error)) from None
    if not args.quiet and known != len(run.findings):
        _info(f"{known - len(run.findings)} finding(s) recorded in {args.baseline} not shown")
    return None


def _clean(args: argparse.Namespace) -> int:
    from pathlib import Path

    from corpuslint.config import ConfigError, load_settings
    from corpuslint.engine.cache import clean, default_dir

    try:
        folder = Path(args.cache_dir) if args.cache_dir else default_dir(load_settings())
    except ConfigError as error:
        raise UsageError(str(error)) from None
    print(f"Removed {folder}" if clean(folder) else f"No cache at {folder}")
    return EXIT_CLEAN
def _fix_mode(args: argparse.Namespace) -> FixMode | None:
    """The fix the flags ask for, or None for a plain check."""
    from corpuslint.fix.fixer import FixMode

    if not (args.fix or args.fix_only or args.diff):
        if args.unsafe_fixes or args.show_fixes or args.exit_non_zero_on_fix:
            raise UsageError("--unsafe-fixes, --show-fixes and --exit-non-zero-on-fix "
                             "need --fix, --fix-only or --diff")
        return None
    if args.diff and (args.fix or args.fix_only):
        raise UsageError("--diff writes nothing; use it without --fix or --fix-only")
    return FixMode(unsafe=args.unsafe_fixes, diff=args.diff)


def _fixed(args: argparse.Namespace, run: CheckRun, settings: Settings) -> int:
    """Report a fixing run: stdout holds the diff, or stdin's fixed text, or what remains."""
    from corpuslint.report import Style, renderer

    for warning in run.warnings:
        _warn(warning)
    for error in run.errors:
        _error(error)
    if run.output is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(run.output)
        sys.stdout.buffer.flush()
    if args.diff:
        out: TextIO
        with _open_output(args.output_file) as out:
            out.write("".join(run.diffs))
    elif not args.fix_only:
        with _open_output(args.output_file) as out:
            if run.output is not None and not args.output_file:
                out = sys.stderr  # stdout carries stdin's fixed text
            style = Style(color=_color(out, settings.output_format))
            if args.statistics:
                _statistics(run.findings, out, settings.output_format)
            else:
                renderer(settings.output_format)(run.findings, out, style)
    if args.show_fixes:
        _show_fixes(run.fixed, "Would fix" if args.diff else "Fixed")
    if not args.quiet:
        _fix_summary(run, args)
    if run.errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if run.diffs else EXIT_CLEAN
    if args.exit_non_zero_on_fix and run.fixed:
        return EXIT_FINDINGS
    if args.fix_only or args.exit_zero:
        return EXIT_CLEAN
    failing = any(f.diagnostic.severity >= settings.fail_on for f in run.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _show_fixes(fixed: Sequence[Finding], verb: str) -> None:
    """What was fixed, by file then rule, as ruff's --show-fixes lists it."""
    if not fixed:
        sys.stderr.write("No fixes available.\n" if verb == "Would fix" else "No fixes applied.\n")
        return
    by_path: dict[str, Counter[tuple[str, str]]] = {}
    for f in fixed:
        by_path.setdefault(f.path, Counter())[(f.diagnostic.code, f.diagnostic.name)] += 1
    sys.stderr.write(f"{verb} {_issues(len(fixed))}:\n")
    for path, counts in by_path.items():
        sys.stderr.write(f"- {path}:\n")
        for (code, name), count in sorted(counts.items()):
            sys.stderr.write(f"    {count} \u00d7 {code} ({name})\n")  # as ruff prints


def _issues(count: int) -> str:
    return f"{count} issue" if count == 1 else f"{count} issues"


def _fix_summary(run: CheckRun, args: argparse.Namespace) -> None:
    fixed, remaining = len(run.fixed), len(run.findings)
    if args.diff:
        sys.stderr.write(f"Would fix {_issues(fixed)}.\n" if fixed else "No fixes available.\n")
    elif args.fix_only:
        sys.stderr.write(f"Fixed {_issues(fixed)}.\n" if fixed else "No fixes applied.\n")
    elif fixed or remaining:
        found = _issues(fixed + remaining)
        sys.stderr.write(f"Found {found} ({fixed} fixed, {remaining} remaining).\n")
    else:
        sys.stderr.write("All checks passed!\n")


def _wants_progress(args: argparse.Namespace, fmt: str, files: int) -> bool:
    """A bar only for people: a terminal, not CI, not quiet, and enough files to wait for."""
    return (not args.no_progress and not args.quiet and files >= 200
            and sys.stderr.isatty() and not os.environ.get("CI"))


def _color(out: TextIO, fmt: str) -> bool:
    from corpuslint.report import MACHINE_READABLE

    return (fmt not in MACHINE_READABLE and hasattr(out, "isatty") and out.isatty()
            and not os.environ.get("NO_COLOR"))


class _open_output:
    """stdout, or a file opened for the report and closed after it."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        try:
            self.handle = open(self.path, "w", encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {self.path}: {error.strerror or error}") from None
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


def _statistics(findings: Sequence[Finding], out: TextIO, fmt: str) -> None:
    counts = Counter(f.diagnostic.code for f in findings)
    names = {f.diagnostic.code: f.diagnostic.name for f in findings}
    fixable = {f.diagnostic.code for f in findings if limits.can_fix(f) and f.diagnostic.safely_fixable}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt in ("json", "json-lines"):
        json.dump([{"code": c, "name": names[c], "count": n, "fixable": c in fixable}
                   for c, n in rows], out, indent=2)
        out.write("\n")
        return
    width = len(str(max(counts.values(), default=0)))
    for code, count in rows:
        out.write(f"{count:>{width}}\t{code}\t{'[*]' if code in fixable else '[ ]'} {names[code]}\n")


def _summary(findings: Sequence[Finding]) -> None:
    if not findings:
        sys.stderr.write("All checks passed!\n")
        return
    safe = sum(f.diagnostic.safely_fixable for f in findings if limits.can_fix(f))
    unsafe = sum(f.diagnostic.fixable for f in findings if limits.can_fix(f)) - safe
    noun = "issue" if len(findings) == 1 else "issues"
    more = f", {unsafe} more with --unsafe-fixes" if unsafe else ""
    sys.stderr.write(f"Found {len(findings)} {noun} ({safe} fixable with --fix{more})\n")


def _registry() -> Registry:
    """Built-in rules plus the user packs named in the config found from here."""
    from corpuslint.config import ConfigError, load_settings
    from corpuslint.engine.registry import Registry, RegistryError
    from corpuslint.packs import PackError

    try:
        return Registry.load(load_settings().packs)
    except (ConfigError, PackError, RegistryError) as error:
        raise UsageError(str(error)) from None


def _rules(args: argparse.Namespace) -> int:
    infos = list(_registry().infos.values())
    if args.output_format == "json":
        json.dump([_rule_json(i) for i in infos], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    if args.output_format.startswith("markdown"):
        from corpuslint.engine import ruledocs

        render = ruledocs.table if args.output_format == "markdown" else ruledocs.pages
        sys.stdout.write(render(infos))
        return EXIT_CLEAN
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for column in ("code", "name", "default", "severity", "fix", "summary"):
        table.add_column(column)
    for i in infos:
        table.add_row(i.code, i.name, "on" if i.enabled_by_default else "off",
                      i.severity.label, i.fix.value, i.summary)
    Console(no_color=bool(os.environ.get("NO_COLOR"))).print(table)
    return EXIT_CLEAN


def _rule_json(info: RuleInfo) -> dict[str, object]:
    from corpuslint.engine.rule import docs_url

    return {
        "code": info.code, "name": info.name, "summary": info.summary,
        "severity": info.severity.label, "enabled_by_default": info.enabled_by_default,
        "fix": info.fix.value, "doc": dict(info.doc), "url": docs_url(info.code, info.name),
        "origin": info.origin,
    }


def _rule(args: argparse.Namespace) -> int:
    infos = _registry().infos
    info = infos.get(args.code.upper())
    if info is None:
        by_name = {i.name: i for i in infos.values()}
        info = by_name.get(args.code)
    if info is None:
        raise UsageError(f"unknown rule {args.code!r}; 'corpuslint rules' lists them")
    if args.output_format == "json":
        json.dump(_rule_json(info), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    state = "on by default" if info.enabled_by_default else "off by default (select it to run it)"
    print(f"{info.code} {info.name}\n\n{info.summary}\n")
    print(f"Severity: {info.severity.label}. {state.capitalize()}. Fix: {info.fix.value}.\n")
    print(info.doc.to_markdown())
    return EXIT_CLEAN


def _show(args: argparse.Namespace) -> int:
    from corpuslint.article.extract import extract
    from corpuslint.model.document import Document
    from corpuslint.sources.files import read_document

    doc = read_document(args.file)
    if not isinstance(doc, Document):
        raise UsageError(f"{args.file}: {getattr(doc, 'reason', None) or getattr(doc, 'error', '')}")
    fields = extract(doc).to_dict()
    if args.output_format == "json":
        json.dump({"path": doc.path, **fields}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", title=doc.path)
    for column in ("field", "line", "value"):
        table.add_column(column)
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                shown = item["value"]
                if isinstance(shown, dict):
                    shown = ", ".join(f"{k}={v}" for k, v in shown.items() if v is not None)
                table.add_row(name, str(doc.location(item["start"]).row), str(shown))
            else:
                table.add_row(name, "", "-" if item is None else str(item))
        if value == []:
            table.add_row(name, "", "-")
    Console(no_color=bool(os.environ.get("NO_COLOR"))).print(table)
    return EXIT_CLEAN


def _export(args: argparse.Namespace) -> int:
    """Exit 0 when written, 1 when a row broke the schema, 2 for bad input; nothing written unless 0."""
    from corpuslint import api
    from corpuslint.dataset.export import ExportError
    from corpuslint.sources.files import MissingPath

    settings, _ = _load(args)
    paths = api.resolve_paths(args.paths, settings)
    try:
        files, notices = api.discover(paths, settings)
        if "-" in files:
            raise UsageError("export reads files, not stdin")
        result = api.export(files, args.output, settings, raw=args.raw, jobs=args.jobs)
    except (MissingPath, ExportError) as error:
        raise UsageError(str(error)) from None
    for notice in [*notices, *result.notices]:
        _warn(f"{notice.path}: {notice.reason}")
    for message in result.errors:
        _error(message)
    if result.failures:
        sys.stderr.write(f"{len(result.failures)} schema failure(s):\n")
        for f in result.failures:
            sys.stderr.write(f"  row {f.row if f.row is not None else '-'}: column {f.column}, "
                             f"check {f.check}, value {f.value!r}\n")
    if result.errors:
        sys.stderr.write(f"Wrote nothing: {len(result.errors)} unreadable file(s) or malformed "
                         "record(s).\n")
        return EXIT_ERROR
    if result.failures:
        sys.stderr.write(f"Wrote nothing: {result.rows} rows, {len(result.failures)} failed the schema.\n")
        return EXIT_FINDINGS
    sys.stderr.write(f"Wrote {result.rows} rows to {args.output}.\n")
    return EXIT_CLEAN


def _schema(args: argparse.Namespace) -> int:
    from corpuslint.dataset.schema import ArticleSchema, json_schema

    if args.output_format == "json":
        json.dump(json_schema(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", title="corpuslint export: one row per article")
    for column in ("column", "dtype", "null", "checks", "description"):
        table.add_column(column)
    for name, column in ArticleSchema.to_schema().columns.items():
        checks = [c.name for c in column.checks] + (["unique"] if column.unique else [])
        table.add_row(name, str(column.dtype), "yes" if column.nullable else "no",
                      ", ".join(checks), column.description or "")
    Console(no_color=bool(os.environ.get("NO_COLOR"))).print(table)
    return EXIT_CLEAN
