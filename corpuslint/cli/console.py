"""What every command prints through: exit codes, stderr messages, the report's output, tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from corpuslint.errors import UsageError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def error(message: str) -> None:
    sys.stderr.write(f"corpuslint: error: {message}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"corpuslint: warning: {message}\n")


def info(message: str) -> None:
    sys.stderr.write(f"corpuslint: {message}\n")
    sys.stderr.flush()


def color(out: TextIO, fmt: str) -> bool:
    """Colour only for a person: a terminal, a human format, no NO_COLOR."""
    from corpuslint.report import MACHINE_READABLE

    return (fmt not in MACHINE_READABLE and hasattr(out, "isatty") and out.isatty()
            and not os.environ.get("NO_COLOR"))


def print_table(columns: Sequence[str], rows: Iterable[Sequence[str]], title: str | None = None) -> None:
    """A borderless table on stdout (rich is imported only by the commands that print one)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    Console(no_color=bool(os.environ.get("NO_COLOR"))).print(table)


class open_output:
    """stdout, or a file opened for the report and closed after it."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        try:
            self.handle = open(self.path, "w", encoding="utf-8")
        except OSError as problem:
            raise UsageError(f"cannot write {self.path}: {problem.strerror or problem}") from None
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()
