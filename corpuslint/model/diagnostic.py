"""What a rule reports: a Diagnostic with a span, a severity and perhaps a Fix.

A Fix is Edits plus an Applicability decided per diagnostic, as in ruff: the same
rule may offer a safe fix for one finding and only an unsafe one for another.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How bad a finding is; ordered, so `--fail-on` can compare levels."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {choices})") from None


class Applicability(enum.Enum):
    """Whether a fix may be applied without a human looking at it."""

    SAFE = "safe"
    """A careful human would always accept it: `--fix` applies it."""
    UNSAFE = "unsafe"
    """Probably right but worth a look: applied only with `--unsafe-fixes`."""
    DISPLAY_ONLY = "display-only"
    """A suggestion that is shown and never applied."""


class Edit(NamedTuple):
    """Replace the characters in [start, end) with `content`."""

    start: int
    end: int
    content: str = ""


class Fix(NamedTuple):
    """Edits that together repair one finding.

    `encoding`, when set, asks the writer to store the file in that encoding:
    the one fix that is not a text edit (re-encoding a cp1252 file as UTF-8).
    """

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability
    encoding: str | None = None

    @classmethod
    def safe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.SAFE)

    @classmethod
    def unsafe(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.UNSAFE)

    @classmethod
    def display_only(cls, title: str, *edits: Edit) -> Fix:
        return cls(title, edits, Applicability.DISPLAY_ONLY)

    @property
    def start(self) -> int:
        return min((e.start for e in self.edits), default=0)

    @property
    def end(self) -> int:
        return max((e.end for e in self.edits), default=0)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a rule's code and name, a message and a span of character offsets."""

    code: str
    name: str
    message: str
    start: int
    end: int
    severity: Severity
    fix: Fix | None = None

    @property
    def safely_fixable(self) -> bool:
        """True when plain `--fix` applies the fix (what `[*]` marks, as in ruff)."""
        return self.fix is not None and self.fix.applicability is Applicability.SAFE

    @property
    def fixable(self) -> bool:
        """True when `--fix` or `--unsafe-fixes` could apply the fix."""
        return self.fix is not None and self.fix.applicability is not Applicability.DISPLAY_ONLY
