"""The lines around a report: counts by rule, the closing summary, what a fix did."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from corpuslint.api import CheckRun
    from corpuslint.model.finding import Finding


def statistics(findings: Sequence[Finding], out: TextIO, fmt: str) -> None:
    """`--statistics`: the number of findings per rule, most first."""
    counts = Counter(f.diagnostic.code for f in findings)
    names = {f.diagnostic.code: f.diagnostic.name for f in findings}
    fixable = {f.diagnostic.code for f in findings if f.diagnostic.safely_fixable}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt in ("json", "json-lines"):
        json.dump([{"code": c, "name": names[c], "count": n, "fixable": c in fixable}
                   for c, n in rows], out, indent=2)
        out.write("\n")
        return
    width = len(str(max(counts.values(), default=0)))
    for code, count in rows:
        out.write(f"{count:>{width}}\t{code}\t{'[*]' if code in fixable else '[ ]'} {names[code]}\n")


def summary(findings: Sequence[Finding], *, skipped: int = 0) -> None:
    """"Found 27 issues: 2 errors, 18 warnings, 7 info (15 fixable with --fix)": the counts by
    severity, so a reader without colour still sees what fails the run. A run that skipped
    files never says that all checks passed: they were not all checked."""
    if not findings:
        sys.stderr.write(_nothing_found(skipped))
        return
    safe = sum(f.diagnostic.safely_fixable for f in findings)
    unsafe = sum(f.diagnostic.fixable for f in findings) - safe
    more = f", {unsafe} more with --unsafe-fixes" if unsafe else ""
    sys.stderr.write(f"Found {_issues(len(findings))}: {by_severity(findings)} "
                     f"({safe} fixable with --fix{more})\n")


def by_severity(findings: Sequence[Finding]) -> str:
    """"2 errors, 18 warnings, 7 info": every level, zeros included, worst first."""
    counts = Counter(f.diagnostic.severity.label for f in findings)
    return ", ".join(f"{counts[label]} {label}" if label == "info" else _plural(counts[label], label)
                     for label in ("error", "warning", "info"))


def unsafe_fixes(findings: Sequence[Finding]) -> None:
    """`--unsafe-fixes` without `--fix`: the unsafe fixes there are, as ruff lists them, to review
    before applying them with `--fix --unsafe-fixes`."""
    unsafe = [f for f in findings if f.diagnostic.fixable and not f.diagnostic.safely_fixable]
    if not unsafe:
        sys.stderr.write("No unsafe fixes available.\n")
        return
    sys.stderr.write(f"{_plural(len(unsafe), 'unsafe fix')} available "
                     "(apply with --fix --unsafe-fixes; --diff --unsafe-fixes shows them):\n")
    for f in unsafe:
        fix = f.diagnostic.fix
        assert fix is not None
        sys.stderr.write(f"  {f.path}:{f.location.row}:{f.location.column}: {f.code} {fix.title}\n")


def show_fixes(fixed: Sequence[Finding], verb: str) -> None:
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


def fix_summary(run: CheckRun, *, diff: bool, fix_only: bool, skipped: int = 0) -> None:
    fixed, remaining = len(run.fixed), len(run.findings)
    if diff:
        sys.stderr.write(f"Would fix {_issues(fixed)}.\n" if fixed else "No fixes available.\n")
    elif fix_only:
        sys.stderr.write(f"Fixed {_issues(fixed)}.\n" if fixed else "No fixes applied.\n")
    elif fixed or remaining:
        found = _issues(fixed + remaining)
        sys.stderr.write(f"Found {found} ({fixed} fixed, {remaining} remaining).\n")
    else:
        sys.stderr.write(_nothing_found(skipped))


def _nothing_found(skipped: int) -> str:
    if skipped:
        return f"No issues in the files read; {_plural(skipped, 'file')} not read (listed above).\n"
    return "All checks passed!\n"


def _issues(count: int) -> str:
    return _plural(count, "issue")


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun}es" if noun.endswith("x") else f"{count} {noun}s"
