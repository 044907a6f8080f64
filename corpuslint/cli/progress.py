"""A progress bar on stderr, for people at a terminal only (the CLI decides when)."""

from __future__ import annotations

from typing import Any


class Progress:
    """Counts files as they finish; rich draws the bar on stderr."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._task = self._bar.add_task("lint", total=total)
        self._bar.start()

    def advance(self, _result: Any = None) -> None:
        self._bar.advance(self._task)

    def close(self) -> None:
        self._bar.stop()
