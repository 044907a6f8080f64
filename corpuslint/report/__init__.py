"""Output formats, one module each; every module has `render(findings, out, style)`.

A report sees only Findings (already located), never documents or files, so
a new format is one small module and one line in FORMATS.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO

from corpuslint.model.finding import Finding

# format name -> module; imported only when chosen, to keep start-up fast
FORMATS = {
    "concise": "corpuslint.report.concise",
    "full": "corpuslint.report.full",
    "json": "corpuslint.report.json",
    "json-lines": "corpuslint.report.jsonlines",
    "github": "corpuslint.report.github",
    "sarif": "corpuslint.report.sarif",
    "junit": "corpuslint.report.junit",
    "gitlab": "corpuslint.report.gitlab",
    "azure": "corpuslint.report.azure",
}
# Formats a program reads: no colour, no progress bar, nothing but the data on stdout.
MACHINE_READABLE = frozenset(
    {"json", "json-lines", "github", "sarif", "junit", "gitlab", "azure"}
)


@dataclass(frozen=True)
class Style:
    """How to render for this reader: colour only on a terminal without NO_COLOR."""

    color: bool = False


class Renderer(Protocol):
    def __call__(self, findings: Sequence[Finding], out: TextIO, style: Style) -> None: ...


def renderer(name: str) -> Renderer:
    return importlib.import_module(FORMATS[name]).render  # type: ignore[no-any-return]
