"""Helpers the fixer tests share: a user pack of substitutions, and small rule functions.

The rule functions are real lint callables (Document -> diagnostics), the
shape the fixer takes; they stand for rules that misbehave in ways no
built-in rule does (fixes that never settle, fixes that insert newlines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from corpuslint.model.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from corpuslint.model.document import Document

_DOC = """\
    doc:
      What it finds: A spelling.
      Why it matters: Tests need a rule to fix.
      Example: "Before: colour. After: color."
      Fix safety: Safe in this test.
"""


def substitution_pack(
    folder: Path, swaps: dict[str, dict[str, str]], applicability: str = "safe"
) -> Path:
    """A user pack with one substitution rule per code: {code: {pattern: replacement}}."""
    lines = ["rules:"]
    for code in swaps:
        lines += [
            f"  {code}:",
            f"    name: test-swap-{code.lower()}",
            "    summary: A spelling a test swaps.",
            _DOC.rstrip("\n"),
        ]
    lines.append("entries:")
    for code, swap in swaps.items():
        lines += [
            f"  - code: {code}",
            f"    name: test-swap-{code.lower()}",
            "    kind: substitution",
            f"    applicability: {applicability}",
            "    swap:",
        ]
        lines += [f"      {pattern}: {replacement}" for pattern, replacement in swap.items()]
    path = folder / "swaps.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def swap_rule(code: str, old: str, new: str, applicability: Applicability = Applicability.SAFE):
    """A lint function that replaces every `old` with `new`."""
    pattern = re.compile(re.escape(old))

    def lint(doc: Document) -> Iterator[Diagnostic]:
        for m in pattern.finditer(doc.text):
            fix = Fix(f"Replace with {new!r}", (Edit(m.start(), m.end(), new),), applicability)
            yield Diagnostic(
                code, f"swap-{code.lower()}", f"{old!r}", m.start(), m.end(), Severity.WARNING, fix
            )

    return lint


def combined(*rules):
    """Several lint functions as one, diagnostics in text order (as Linter.lint gives them)."""

    def lint(doc: Document) -> list[Diagnostic]:
        found = [d for rule in rules for d in rule(doc)]
        return sorted(found, key=lambda d: (d.start, d.end, d.code))

    return lint
