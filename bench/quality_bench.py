"""The H families against datatrove's four quality filters, side by side (run by bench/run.py).

Both run on one core over the same documents, each in its own process (the
peers of run.py): datatrove's GopherRepetitionFilter, GopherQualityFilter,
C4QualityFilter and FineWebQualityFilter one after another over every
document, with their default parameters; corpuslint's Linter with `--select H`
(every H rule, the four families at once). Loading spaCy and building the
linter happen before the clock starts. The ratio of the two rates is the figure
issue 17 asks for; read it within one run, as the machine is shared.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SECTION = "## Quality heuristics (H) against datatrove"


def prepare_datatrove() -> Callable[[list[str]], None]:
    # bench/profile.py would shadow the standard library's `profile`, which datatrove imports (cProfile).
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    from datatrove.data import Document
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    steps = [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]
    steps[1].filter(Document(text="The tokenizer loads on its first document.", id="warm-up"))

    def run(texts: list[str]) -> None:
        for step in steps:
            for i, text in enumerate(texts):
                step.filter(Document(text=text, id=str(i)))
    return run


def prepare_corpuslint() -> Callable[[list[str]], None]:
    from corpuslint.config import Settings
    from corpuslint.engine.linter import Linter
    from corpuslint.model.document import Document

    linter = Linter(Settings(select=("H",)))

    def run(texts: list[str]) -> None:
        for text in texts:
            linter.lint(Document(text))
    return run


def section(datatrove: Any, corpuslint: Any, corpus: str, date: str) -> str:
    """The RESULTS.md section from run.py's two Rows (wall and CPU seconds for the same documents)."""
    def rates(row: Any) -> tuple[float, float]:
        return row.docs / row.wall, row.docs / row.cpu if row.cpu else 0.0

    (dt_wall, dt_cpu), (cl_wall, cl_cpu) = rates(datatrove), rates(corpuslint)
    return "\n".join([
        SECTION, "",
        f"`python bench/run.py --only quality-datatrove,quality-corpuslint` on {date}: the first "
        f"{corpuslint.docs:,} documents of {corpus}, one process on one core each, clocks started after "
        "loading spaCy and the rules. The machine is shared, so CPU seconds (process time) are the "
        "steadier measure; wall time is shown too.", "",
        "| run | docs/s (CPU) | docs/s (wall) |", "|---|---:|---:|",
        f"| datatrove: GopherRepetition, GopherQuality, C4Quality, FineWebQuality, one after another "
        f"| {dt_cpu:,.1f} | {dt_wall:,.1f} |",
        f"| corpuslint: `--select H` (the four families, statistics computed once) | {cl_cpu:,.1f} "
        f"| {cl_wall:,.1f} |",
        "", f"corpuslint is **{cl_cpu / dt_cpu:.1f}x** datatrove's four filters in CPU time "
        f"({cl_wall / dt_wall:.1f}x in wall time).", "",
    ])
