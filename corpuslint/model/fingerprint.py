"""Fingerprints: what a finding is, apart from where it is.

A baseline, SARIF's `partialFingerprints` and GitLab's Code Quality
`fingerprint` all need to recognise a finding after the lines around it moved.
So a finding is named by its code and a hash of the text it flags (whitespace
runs folded, so re-wrapping a paragraph keeps it), plus its occurrence index
among findings of the same code and text in the same file.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpuslint.model.diagnostic import Diagnostic
    from corpuslint.model.document import Document
    from corpuslint.model.finding import Finding


def text_hash(doc: Document, diagnostic: Diagnostic) -> str:
    """A short hash of the code and the flagged text (the whole line for an empty span)."""
    start, end = diagnostic.start, diagnostic.end
    if end <= start and doc.lines:
        row = doc.location(start).row
        line = doc.lines[min(row, len(doc.lines)) - 1]
        start, end = line.start, line.end
    flagged = " ".join(doc.text[start:end].split())
    data = f"{diagnostic.code}\0{flagged}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def occurrences(findings: Iterable[Finding]) -> Iterator[tuple[Finding, int]]:
    """Each finding with how many equal ones (same file, code and text hash) came before it."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in findings:
        key = (finding.path, finding.code, finding.fingerprint)
        yield finding, seen[key]
        seen[key] += 1


def stable_id(finding: Finding, occurrence: int) -> str:
    """`path:CODE:hash:n`: one finding, recognisable after its lines moved."""
    return f"{finding.path}:{finding.code}:{finding.fingerprint}:{occurrence}"
