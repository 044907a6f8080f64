"""`path:row:col: CODE [*] message`, one finding a line; `[*]` marks one `--fix` repairs."""

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
    return f"{paint(where, BOLD, style.color)} {code}{marker} {d.message}"


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    for finding in findings:
        out.write(headline(finding, style) + "\n")
