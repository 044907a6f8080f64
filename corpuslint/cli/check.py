"""`corpuslint check`: lint (or fix) files and report, once or on every change (`--watch`)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, TextIO

from corpuslint import api
from corpuslint.cli import limits, summary
from corpuslint.cli.console import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    color,
    error,
    info,
    open_output,
    warn,
)
from corpuslint.cli.options import configure
from corpuslint.errors import UsageError
from corpuslint.report import Style, renderer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from corpuslint.api import CheckRun
    from corpuslint.config import Settings
    from corpuslint.model.finding import Finding


def check(args: argparse.Namespace) -> int:
    if args.watch:
        from corpuslint.cli.watch import watch

        return watch(args, check_once)
    return check_once(args)


def check_once(args: argparse.Namespace) -> int:
    settings, linter = configure(args)
    if args.show_settings:
        from corpuslint.settings_toml import to_toml

        sys.stdout.write(to_toml(settings))
        print(f"# The rules these settings select: {', '.join(sorted(linter.codes))}")
        return EXIT_CLEAN
    paths = api.resolve_paths(args.paths, settings)
    files, notices = api.discover(paths, settings)
    if args.show_files:
        print("\n".join(files))
        return EXIT_CLEAN
    fix = _fix_mode(args)
    if fix is not None and fix.diff and api.data_files(files):
        raise UsageError(f"--diff works on text files, not on JSONL or Parquet corpora "
                         f"({api.data_files(files)[0]}); --fix rewrites their fixed records")
    if fix is not None and api.compressed_files(files):
        raise UsageError(f"--fix, --fix-only and --diff cannot rewrite a compressed file "
                         f"({api.compressed_files(files)[0]}); 'corpuslint export' writes a clean, "
                         "uncompressed copy")
    fmt = settings.output_format
    progress = None
    if _wants_progress(args, len(files)):
        from corpuslint.cli.progress import Progress

        progress = Progress(len(files))
    use_cache = fix is None and not args.no_cache and "-" not in args.paths
    try:
        run = api.check_paths(files, settings, linter=linter, with_excerpt=fmt == "full",
                              stdin_name=args.stdin_filename or "-",
                              on_done=progress.advance if progress else None, fix=fix,
                              cache=api.open_cache(settings, linter, args.cache_dir, fmt == "full")
                              if use_cache else None, jobs=args.jobs)
    finally:
        if progress:
            progress.close()
    if args.add_baseline:
        api.write_baseline(args.add_baseline, run.findings)
        info(f"recorded {len(run.findings)} finding(s) in {args.add_baseline}")
        return EXIT_CLEAN
    if args.baseline:
        known = len(run.findings)
        run.findings = api.new_findings(run.findings, args.baseline)
        if not args.quiet and known != len(run.findings):
            info(f"{known - len(run.findings)} finding(s) recorded in {args.baseline} not shown")
    notices.extend(run.notices)
    if not args.quiet:
        for notice in notices:
            warn(f"{notice.path}: {notice.reason}")
        if not files:
            warn(f"no files to lint under {', '.join(paths)}: none matches include "
                 f"({', '.join(settings.include)}) outside exclude and .gitignore; "
                 "--show-settings shows them")
    if fix is not None:
        skipped = sum(1 for n in notices if n.kind)
        return limits.finish(_fixed(args, run, settings, skipped), notices, paths, settings,
                             quiet=args.quiet)
    with open_output(args.output_file) as out:
        _report(run.findings, out, fmt, args.statistics)
    if not args.quiet:
        sys.stdout.flush()  # the report first, then the summary, when both go to one terminal
        if args.unsafe_fixes:
            summary.unsafe_fixes(run.findings)
        summary.summary(run.findings, skipped=sum(1 for n in notices if n.kind))
    code = EXIT_CLEAN if args.exit_zero else _exit_code(run.findings, settings)
    return limits.finish(code, notices, paths, settings, quiet=args.quiet)


def _report(findings: Sequence[Finding], out: TextIO, fmt: str, statistics: bool) -> None:
    if statistics:
        summary.statistics(findings, out, fmt)
    else:
        renderer(fmt)(findings, out, Style(color=color(out, fmt)))


def _exit_code(findings: Sequence[Finding], settings: Settings) -> int:
    failing = any(f.diagnostic.severity >= settings.fail_on for f in findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _fix_mode(args: argparse.Namespace) -> api.FixMode | None:
    """The fix the flags ask for, or None for a plain check."""
    if not (args.fix or args.fix_only or args.diff):
        # --unsafe-fixes alone lists the unsafe fixes there are (as ruff does); see check_once.
        if args.show_fixes or args.exit_non_zero_on_fix:
            raise UsageError("--show-fixes and --exit-non-zero-on-fix need --fix, --fix-only or --diff")
        return None
    if args.diff and (args.fix or args.fix_only):
        raise UsageError("--diff writes nothing; use it without --fix or --fix-only")
    return api.FixMode(unsafe=args.unsafe_fixes, diff=args.diff)


def _fixed(args: argparse.Namespace, run: CheckRun, settings: Settings, skipped: int) -> int:
    """Report a fixing run: stdout holds the diff, or stdin's fixed text, or what remains."""
    for warning in run.warnings:
        warn(warning)
    for message in run.errors:
        error(message)
    if run.output is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(run.output)
        sys.stdout.buffer.flush()
    out: TextIO
    if args.diff:
        with open_output(args.output_file) as out:
            out.write("".join(run.diffs))
    elif not args.fix_only:
        with open_output(args.output_file) as out:
            if run.output is not None and not args.output_file:
                out = sys.stderr  # stdout carries stdin's fixed text
            _report(run.findings, out, settings.output_format, args.statistics)
    if args.show_fixes:
        summary.show_fixes(run.fixed, "Would fix" if args.diff else "Fixed")
    if not args.quiet:
        summary.fix_summary(run, diff=args.diff, fix_only=args.fix_only, skipped=skipped)
    if run.errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if run.diffs else EXIT_CLEAN
    if args.exit_non_zero_on_fix and run.fixed:
        return EXIT_FINDINGS
    if args.fix_only or args.exit_zero:
        return EXIT_CLEAN
    return _exit_code(run.findings, settings)


def _wants_progress(args: argparse.Namespace, files: int) -> bool:
    """A bar only for people: a terminal, not CI, not quiet, and enough files to wait for."""
    return (not args.no_progress and not args.quiet and files >= 200
            and sys.stderr.isatty() and not os.environ.get("CI"))
