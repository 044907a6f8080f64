"""The concise line, then the source with a caret under the span, then the fix as a diff."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from corpuslint.model.finding import Finding
from corpuslint.report import Style
from corpuslint.report._color import DIM, GREEN, RED, SEVERITY_COLOR, paint
from corpuslint.report.concise import headline

_MAX_SHOWN = 160  # characters of a long line shown around the span


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    for finding in findings:
        out.write(headline(finding, style) + "\n")
        excerpt = finding.excerpt
        if excerpt is None:
            out.write("\n")
            continue
        width = len(str(excerpt.first_row + len(excerpt.lines)))
        gutter = paint(" " * width + " |", DIM, style.color)
        out.write(gutter + "\n")
        start, end = finding.location, finding.end_location
        for offset, line in enumerate(excerpt.lines):
            row = excerpt.first_row + offset
            shown, shift = _clip(line, start.column if row == start.row else 1)
            number = paint(f"{row:>{width}} |", DIM, style.color)
            out.write(f"{number} {shown}\n")
            if start.row <= row <= end.row:
                first = (start.column if row == start.row else 1) - shift
                last = (end.column if row == end.row else len(line) + 1) - shift
                carets = "^" * max(1, min(last, len(shown) + 1) - first)
                color = SEVERITY_COLOR[finding.diagnostic.severity.label]
                out.write(f"{gutter} {' ' * (first - 1)}{paint(carets, color, style.color)}\n")
        fix = finding.diagnostic.fix
        if fix is not None and excerpt.fixed is not None:
            out.write(f"{gutter} = {fix.applicability.value} fix: {fix.title}\n")
            for line in excerpt.lines:
                out.write(paint(f"{' ' * width} - {_clip(line, 1)[0]}", RED, style.color) + "\n")
            for line in excerpt.fixed:
                out.write(paint(f"{' ' * width} + {_clip(line, 1)[0]}", GREEN, style.color) + "\n")
        out.write("\n")


def _clip(line: str, column: int) -> tuple[str, int]:
    """At most _MAX_SHOWN characters of a line, around `column`; and how many were cut in front."""
    if len(line) <= _MAX_SHOWN:
        return line, 0
    shift = max(0, min(column - 1 - _MAX_SHOWN // 4, len(line) - _MAX_SHOWN))
    text = line[shift : shift + _MAX_SHOWN]
    return ("…" + text[1:] if shift else text) + ("…" if shift + _MAX_SHOWN < len(line) else ""), shift
