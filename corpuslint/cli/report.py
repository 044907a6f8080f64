"""`corpuslint report PATH -o report.html`: lint, then write the HTML report (report/html.py)."""

from __future__ import annotations

import argparse

from corpuslint import api
from corpuslint.cli import summary
from corpuslint.cli.console import EXIT_CLEAN, info, warn
from corpuslint.cli.options import configure
from corpuslint.errors import UsageError


def report(args: argparse.Namespace) -> int:
    """Exit 0 once the page is written, whatever it found: a report informs, `check` gates."""
    settings, linter = configure(args)
    paths = api.resolve_paths(args.paths, settings)
    try:
        run = api.write_report(paths, args.output, settings, linter=linter, jobs=args.jobs)
    except OSError as problem:
        raise UsageError(f"cannot write {args.output}: {problem.strerror or problem}") from None
    for notice in run.notices:
        warn(f"{notice.path}: {notice.reason}")
    found = len(run.findings)
    info(f"wrote {args.output}: {found} finding{'' if found == 1 else 's'} "
         f"({summary.by_severity(run.findings)})")
    return EXIT_CLEAN
