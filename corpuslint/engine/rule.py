"""What a rule is: metadata (RuleInfo) plus one check over a Document.

Programmatic rules subclass `Rule` in `corpuslint/checks/<family>.py`; their
docstring is their documentation. Declarative pack entries (see packs.py) build
the same RuleInfo from YAML and implement the same `Check` protocol, so the
engine treats both alike.
"""

from __future__ import annotations

import enum
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

import re2

from corpuslint.model.diagnostic import Diagnostic, Fix, Severity
from corpuslint.model.document import Document

if TYPE_CHECKING:
    from corpuslint.config import Settings

CODE_PATTERN = re.compile(r"[A-Z][0-9]{3}")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
DOC_SECTIONS = ("What it finds", "Why it matters", "Example", "Fix safety")


class FixAvailability(enum.Enum):
    """Whether a rule's findings come with a fix: shown by `corpuslint rules`."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


class RuleDoc(dict[str, str]):
    """The four-part doc, keyed by DOC_SECTIONS; a missing part is an empty string."""

    @classmethod
    def from_markdown(cls, text: str) -> RuleDoc:
        """Parse `## Section` headed parts out of a docstring (ruff's layout)."""
        doc = cls.fromkeys(DOC_SECTIONS, "")
        current: str | None = None
        lines: list[str] = []
        for line in _dedent(text).splitlines():
            if line.startswith("## "):
                if current is not None:
                    doc[current] = "\n".join(lines).strip()
                current, lines = line[3:].strip(), []
            elif current is not None:
                lines.append(line)
        if current is not None:
            doc[current] = "\n".join(lines).strip()
        return doc

    def missing(self) -> list[str]:
        return [s for s in DOC_SECTIONS if not self.get(s, "").strip()]

    def to_markdown(self) -> str:
        return "\n\n".join(f"## {s}\n{self.get(s, '')}" for s in DOC_SECTIONS)


def _dedent(text: str) -> str:
    """Dedent a docstring whose first line starts right after the quotes."""
    first, _, rest = text.partition("\n")
    return first.strip() + "\n" + textwrap.dedent(rest)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Everything the registry, the docs and the reports know about a rule code."""

    code: str
    name: str
    summary: str
    doc: RuleDoc
    severity: Severity
    enabled_by_default: bool
    fix: FixAvailability
    origin: str

    def validate(self) -> list[str]:
        """Problems with this metadata, as messages; empty when it is well formed."""
        problems = []
        if not CODE_PATTERN.fullmatch(self.code):
            problems.append(f"code {self.code!r} is not a letter and three digits")
        if not NAME_PATTERN.fullmatch(self.name):
            problems.append(f"name {self.name!r} is not kebab-case")
        if not self.summary:
            problems.append("summary is empty")
        problems.extend(f"doc lacks the part {part!r}" for part in self.doc.missing())
        return problems


class Check(Protocol):
    """The engine's view of a rule: metadata, an optional prefilter and `check`.

    `prefilter` is a pattern that every document the check could report must
    match; documents without a match skip the check. It is written in the
    syntax RE2, Rust's regex and Python's re share, so that a vectorised pass
    (Polars) can evaluate it over a whole batch at once.
    """

    info: RuleInfo
    prefilter: str | None

    def check(self, doc: Document) -> Iterator[Diagnostic]: ...

    def configure(self, settings: Settings) -> Check:
        """The check as the run's settings set it up (itself, for a check with no options)."""
        ...


class Rule:
    """Base class of programmatic rules: class attributes hold the metadata.

    A subclass sets `code`, `name`, `severity` and the rest, writes its doc as
    the class docstring (a one-line summary, then the four `## ` parts) and
    implements `check`. It reads nothing but the Document and keeps no state
    between documents.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NEVER
    prefilter: ClassVar[str | None] = None

    info: RuleInfo

    def __init__(self) -> None:
        doc = self.__doc__ or ""
        self.info = RuleInfo(
            code=self.code,
            name=self.name,
            summary=doc.strip().splitlines()[0].strip() if doc.strip() else "",
            doc=RuleDoc.from_markdown(doc),
            severity=self.severity,
            enabled_by_default=self.enabled_by_default,
            fix=self.fix_availability,
            origin=f"{type(self).__module__}.{type(self).__qualname__}",
        )

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def configure(self, settings: Settings) -> Rule:
        """This rule as the run's settings set it up; most rules take no settings.

        A rule with an option (S207's `min-body-words`) returns a new instance
        holding it, so the rule still keeps no state between documents.
        """
        return self

    def diagnostic(self, start: int, end: int, message: str, fix: Fix | None = None) -> Diagnostic:
        """A Diagnostic of this rule, at its default severity (the engine applies overrides)."""
        return Diagnostic(self.code, self.name, message, start, end, self.severity, fix)


LinearPattern = re2._Regexp


def re2_options(*, ignore_case: bool = False) -> re2.Options:
    """RE2's options as corpuslint uses them: errors are raised, never logged to the user's stderr."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    return options


def compile_linear(pattern: str, *, ignore_case: bool = False) -> LinearPattern:
    """Compile with RE2, whose matching time is linear in the text, whatever the pattern.

    Raises ValueError with RE2's reason when the pattern uses what RE2 cannot
    run in linear time (backreferences, lookaround).
    """
    try:
        return re2.compile(pattern, re2_options(ignore_case=ignore_case))
    except re2.error as error:
        reason = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else error
        raise ValueError(f"{reason}") from None


DOCS_URL = "https://github.com/corpuslint/corpuslint/blob/main/docs/rules.md"


def docs_url(code: str, name: str) -> str:
    """The rule's anchor in docs/rules.md (a GitHub heading anchor of `CODE name`)."""
    return f"{DOCS_URL}#{code.lower()}-{name}"
