"""Rules about corpuslint's own directives in a corpus (family C, as ruff's RUF100)."""

from __future__ import annotations

from collections.abc import Iterator

from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.engine.suppressions import UNUSED, UNUSED_NAME
from corpuslint.model.diagnostic import Diagnostic, Severity
from corpuslint.model.document import Document


class UnusedSuppression(Rule):
    """A suppression that suppressed nothing.

    ## What it finds
    A marker line (`<!-- corpuslint: ignore B101 -->`, or a `disable` range)
    or a `.corpuslint-ignore` entry that covered no finding of a rule that ran.
    Off by default: `--warn-unused-ignores` (or selecting C101) turns it on.

    ## Why it matters
    A suppression outlives the artifact it was written for: once the text is
    cleaned, it silently hides the next real finding in the same place.

    ## Example
    Before: `<!-- corpuslint: ignore B101 -->` above a paragraph with no boilerplate
    After: the marker line removed

    ## Fix safety
    Safe for a marker line: deleting an HTML comment that hides nothing changes
    no text a reader sees. A sidecar entry has no fix (it is not a linted file).
    """

    code = UNUSED
    name = UNUSED_NAME
    severity = Severity.WARNING
    enabled_by_default = False
    fix_availability = FixAvailability.SOMETIMES

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return iter(())  # reported by the engine, which sees what each suppression did


RULES = (UnusedSuppression,)
