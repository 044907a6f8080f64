"""The corpus pass's findings grouped back into clusters, for the HTML report.

The D rules report each member of a cluster on its own, naming the cluster's
first document in the message ("Same body as PATH", "Near-duplicate of PATH
(…)", "Rewrite of PATH: …") or quoting the repeated line ('Line "…" repeats in
N documents'). Grouping by that key rebuilds each cluster: its head and the
documents that copy, rewrite or repeat it. tests/test_html_report.py runs the
real corpus pass, so a change to these messages fails there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpuslint.model.finding import Finding

# code -> (what the report calls the kind, how to find the cluster's key in the message)
KINDS: dict[str, tuple[str, re.Pattern[str]]] = {
    "D101": ("Exact duplicates", re.compile(r"^Same body as (?P<key>.+)$", re.S)),
    "D102": ("Near duplicates", re.compile(r"^Near-duplicate of (?P<key>.+) \(estimated Jaccard", re.S)),
    "D103": ("Rewrites", re.compile(r"^Rewrite of (?P<key>.+): \d+% of the sentences", re.S)),
    "D104": ("Repeated lines", re.compile(r'^Line (?P<key>".*") repeats in \d+ documents$', re.S)),
}


@dataclass
class Cluster:
    """A head (the first document, or the repeated line) and the findings that point at it."""

    code: str
    head: str
    members: list[Finding] = field(default_factory=list)


@dataclass
class ClusterKind:
    title: str
    code: str
    clusters: list[Cluster]
    total: int
    """How many clusters there are; `clusters` holds the largest few."""


def clusters(findings: Sequence[Finding], limit: int = 30) -> list[ClusterKind]:
    """For each kind with findings, its clusters, largest first, at most `limit` of them."""
    grouped: dict[str, dict[str, Cluster]] = {code: {} for code in KINDS}
    for f in findings:
        kind = KINDS.get(f.code)
        if kind is None:
            continue
        message = f.diagnostic.message
        if f.record is not None:  # a record's message ends with where it sits in the text
            message = message.rsplit(" (record ", 1)[0]
        match = kind[1].match(message)
        key = match.group("key") if match else message
        grouped[f.code].setdefault(key, Cluster(f.code, key)).members.append(f)
    kinds = []
    for code, found in grouped.items():
        if found:
            ranked = sorted(found.values(), key=lambda c: (-len(c.members), c.head))
            kinds.append(ClusterKind(KINDS[code][0], code, ranked[:limit], len(ranked)))
    return kinds
