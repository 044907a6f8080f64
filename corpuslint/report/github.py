"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from corpuslint.model.finding import Finding
from corpuslint.report import Style

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    for f in findings:
        d = f.diagnostic
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", f.path),
                ("line", f.location.row),
                ("col", f.location.column),
                ("endLine", f.end_location.row),
                ("endColumn", f.end_location.column),
                ("title", d.code),
            )
        )
        out.write(f"::{_LEVEL[d.severity.label]} {properties}::{_escape_data(d.message)}\n")
