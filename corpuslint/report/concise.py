"""`path:row:col: CODE [*] message`, one finding a line; `[*]` marks one `--fix` repairs.

Colour tells the severity on a terminal; without colour (a pipe, a log, NO_COLOR)
the line ends with it in brackets, as ESLint's `unix` format does, so the
position and code stay where editors and problem matchers look for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from corpuslint.model.finding import Finding
from corpuslint.report import Style
from corpuslint.report._color import BOLD, SEVERITY_COLOR, paint


def headline(finding: Finding, style: Style) -> str:
    """The one line that names a finding; `full` starts each finding with it too."""
    d = finding.diagnostic
    where = f"{finding.path}:{finding.location.row}:{finding.location.column}:"
    code = paint(d.code, BOLD + SEVERITY_COLOR[d.severity.label], style.color)
    marker = " [*]" if d.safely_fixable else ""
    severity = "" if style.color else f" [{d.severity.label}]"
    return f"{paint(where, BOLD, style.color)} {code}{marker} {d.message}{severity}"


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    for finding in findings:
        out.write(headline(finding, style) + "\n")
