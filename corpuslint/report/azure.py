"""Azure Pipelines logging commands: each finding becomes an issue on the build."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from corpuslint.model.finding import Finding
from corpuslint.report import Style

# Azure knows only errors and warnings; info findings are shown as warnings.
_TYPE = {"error": "error", "warning": "warning", "info": "warning"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(";", "%3B").replace("]", "%5D")


def render(findings: Sequence[Finding], out: TextIO, style: Style) -> None:
    for f in findings:
        d = f.diagnostic
        properties = ";".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("type", _TYPE[d.severity.label]),
                ("sourcepath", f.path),
                ("linenumber", f.location.row),
                ("columnnumber", f.location.column),
                ("code", d.code),
            )
        )
        out.write(f"##vso[task.logissue {properties};]{_escape_data(d.message)}\n")
