"""The H rules' thresholds, datatrove's defaults, and the base class that compares with them.

Every number datatrove's GopherQualityFilter, GopherRepetitionFilter,
C4QualityFilter and FineWebQualityFilter take is a key of
`[tool.corpuslint.quality]`, named after datatrove's argument; as in
datatrove, 0 turns that test off. The statistics come from
article/textstats.py and article/linestats.py, computed once per document;
a rule only compares them with its limit and says by how much it missed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

from corpuslint.config import Settings
from corpuslint.engine.rule import FixAvailability, Rule
from corpuslint.model.diagnostic import Diagnostic, Severity
from corpuslint.model.document import Document

DEFAULTS: dict[str, float] = {
    "gopher-min-doc-words": 50, "gopher-max-doc-words": 100_000,
    "gopher-min-avg-word-length": 3, "gopher-max-avg-word-length": 10,
    "gopher-max-symbol-word-ratio": 0.1, "gopher-max-bullet-lines-ratio": 0.9,
    "gopher-max-ellipsis-lines-ratio": 0.3, "gopher-max-non-alpha-words-ratio": 0.8,
    "gopher-min-stop-words": 2,
    "repetition-dup-para-frac": 0.3, "repetition-dup-para-char-frac": 0.2,
    "repetition-dup-line-frac": 0.3, "repetition-dup-line-char-frac": 0.2,
    "repetition-top-2-gram": 0.2, "repetition-top-3-gram": 0.18, "repetition-top-4-gram": 0.16,
    "repetition-dup-5-gram": 0.15, "repetition-dup-6-gram": 0.14, "repetition-dup-7-gram": 0.13,
    "repetition-dup-8-gram": 0.12, "repetition-dup-9-gram": 0.11, "repetition-dup-10-gram": 0.10,
    "c4-min-num-sentences": 5,
    "fineweb-line-punct-thr": 0.12, "fineweb-short-line-thr": 0.67,
    "fineweb-char-duplicates-ratio": 0.01, "fineweb-new-line-ratio": 0.3,
    # Not a datatrove argument: 1 measures the H4 rules on the text C4 keeps, as FineWeb's
    # pipeline (Gopher, then C4, then FineWeb) does; 0 on the text as it is, as the filter alone does.
    "fineweb-after-c4": 0,
}


class QualityRule(Rule):
    """A document-level H rule: one reason a datatrove filter drops a document.

    A subclass names its statistics (`stats`, a `Document.derived` analysis
    shared by its family), the limits it reads (`keys`) and `verdict`, which
    returns the message when the document fails, else None.
    """

    severity = Severity.INFO
    enabled_by_default = False
    fix_availability = FixAvailability.NEVER
    keys: ClassVar[tuple[str, ...]] = ()
    stats: ClassVar[Callable[[Document], Any]]

    def __init__(self, limits: Mapping[str, float] | None = None) -> None:
        super().__init__()
        self.limits = {key: (limits or {}).get(key, DEFAULTS[key]) for key in self.keys}
        self.measure = self.statistics(limits or {})

    @classmethod
    def statistics(cls, limits: Mapping[str, float]) -> Callable[[Document], Any]:
        """The analysis this rule compares, as the settings choose it (the family's, by default)."""
        return cls.stats

    def configure(self, settings: Settings) -> QualityRule:
        return type(self)(settings.quality)

    def verdict(self, stats: Any) -> str | None:
        raise NotImplementedError

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        message = self.verdict(doc.derived(self.measure))
        if message is not None:
            first = doc.lines[0] if doc.lines else None
            yield self.diagnostic(0, first.end if first else 0, message)


def number(value: float) -> str:
    """A measured ratio or limit as a message shows it: whole numbers bare, others to 3 places."""
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}".rstrip("0")
