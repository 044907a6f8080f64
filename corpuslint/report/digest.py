"""What the HTML report shows, counted from the findings: every total exact, every list capped.

A report on 100,000 findings must stay a page a browser opens at once, so the
lists (worst files and records, examples, the findings table) keep their first
few entries and say how many more there are; the counts behind the charts
cover every finding.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from corpuslint.model.diagnostic import Severity
from corpuslint.model.finding import Finding

FAMILIES = {
    "U": "encoding", "M": "markup", "B": "boilerplate", "S": "structure", "Q": "quotes",
    "W": "wording", "L": "language", "D": "across the corpus", "C": "directives",
}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class Limits:
    """How many entries each capped list keeps."""

    worst: int = 25
    examples_per_code: int = 3
    findings: int = 500
    clusters: int = 30
    members: int = 10


@dataclass(frozen=True)
class Place:
    """A file, or a record of a data file, with its counts by severity."""

    path: str
    record: int | None
    record_id: str | None
    counts: dict[Severity, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Digest:
    total: int = 0
    files: int = 0
    fixable: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)
    by_family: dict[str, Counter[Severity]] = field(default_factory=lambda: defaultdict(Counter))
    by_code: Counter[str] = field(default_factory=Counter)
    code_severity: dict[str, Severity] = field(default_factory=dict)
    code_name: dict[str, str] = field(default_factory=dict)
    worst_files: list[Place] = field(default_factory=list)
    files_with_findings: int = 0
    worst_records: list[Place] = field(default_factory=list)
    records_with_findings: int = 0
    examples: dict[str, list[Finding]] = field(default_factory=dict)
    shown: list[Finding] = field(default_factory=list)


def family(code: str) -> str:
    return f"{code[0]} {FAMILIES.get(code[0], 'other')}"


def digest(findings: Sequence[Finding], files: int, limits: Limits | None = None) -> Digest:
    """Count everything; keep the worst places, a few examples per code and the first findings."""
    limits = limits or Limits()
    out = Digest(total=len(findings), files=files, shown=list(findings[: limits.findings]))
    per_file: dict[str, Counter[Severity]] = defaultdict(Counter)
    per_record: dict[tuple[str, int], Counter[Severity]] = defaultdict(Counter)
    record_ids: dict[tuple[str, int], str | None] = {}
    for f in findings:
        d = f.diagnostic
        out.by_severity[d.severity] += 1
        out.by_family[family(d.code)][d.severity] += 1
        out.by_code[d.code] += 1
        # A code's severity can be overridden per finding; the chart colours by the worst seen.
        out.code_severity[d.code] = max(d.severity, out.code_severity.get(d.code, Severity.INFO))
        out.code_name[d.code] = d.name
        out.fixable += d.safely_fixable
        per_file[f.path][d.severity] += 1
        if f.record is not None:
            key = (f.path, f.record.number)
            per_record[key][d.severity] += 1
            record_ids[key] = f.record.id
        shown = out.examples.setdefault(d.code, [])
        if len(shown) < limits.examples_per_code:
            shown.append(f)
    out.files_with_findings = len(per_file)
    out.worst_files = _worst(
        (Place(path, None, None, dict(c)) for path, c in per_file.items()), limits.worst)
    out.records_with_findings = len(per_record)
    out.worst_records = _worst(
        (Place(p, n, record_ids[(p, n)], dict(c)) for (p, n), c in per_record.items()), limits.worst)
    out.examples = dict(sorted(out.examples.items()))
    return out


def _worst(places: Iterable[Place], limit: int) -> list[Place]:
    """Errors first, then warnings, then everything; ties in path order."""
    def key(p: Place) -> tuple[int, int, int, str, int]:
        return (-p.counts.get(Severity.ERROR, 0), -p.counts.get(Severity.WARNING, 0), -p.total,
                p.path, p.record or 0)

    return heapq.nsmallest(limit, places, key=key)
