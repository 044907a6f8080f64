"""Programmatic rules, one module per family; each module lists its rules in `RULES`."""

from __future__ import annotations

MODULES = (
    "corpuslint.checks.brackets",
    "corpuslint.checks.duplication",
    "corpuslint.checks.encoding",
    "corpuslint.checks.language",
    "corpuslint.checks.layout",
    "corpuslint.checks.markdown",
    "corpuslint.checks.markup",
    "corpuslint.checks.emphasis",
    "corpuslint.checks.meta",
    "corpuslint.checks.quotes",
    "corpuslint.checks.structure",
    "corpuslint.checks.headline",
    "corpuslint.checks.unicode",
    "corpuslint.checks.metadata",
    "corpuslint.checks.weblines",
    "corpuslint.checks.wording",
    "corpuslint.checks.spelling",
    "corpuslint.checks.quality_gopher",
    "corpuslint.checks.quality_repetition",
    "corpuslint.checks.quality_c4",
    "corpuslint.checks.quality_fineweb",
    "corpuslint.checks.personal",
)
