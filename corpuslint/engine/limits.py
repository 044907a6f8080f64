"""Bounds on what one document can cost: findings shown per code, rules run on a huge one.

A 20 MB line of "word word …" holds two million doubled words; nobody reads
past the first screenful, and rendering them all takes minutes and gigabytes.
So a report shows the first `cap` findings of each code in a document (in text
order) and one more finding of the same code saying how many were left out.
The fixer never sees the cap: it fixes everything.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import replace

from corpuslint.model.diagnostic import Diagnostic

# What a document over `max-document-size` is still checked for: one linear scan each.
CHEAP_CODES = frozenset({"U002", "U102", "U103"})
TOO_LARGE = "U005"


class FindingCap:
    """The first `cap` diagnostics of each code in text order, and how many more each had.

    Fed diagnostics in any order, it keeps a heap of `cap` per code, so memory
    stays bounded however many a rule yields.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._kept: dict[str, list[tuple[tuple[int, int, int], Diagnostic]]] = {}
        self._more: dict[str, int] = {}
        self._first_left_out: dict[str, Diagnostic] = {}
        self._seen = 0

    def add(self, diagnostics: Iterable[Diagnostic]) -> None:
        for d in diagnostics:
            self._seen += 1
            heap = self._kept.setdefault(d.code, [])
            # Negated keys: heap[0] is the kept diagnostic that comes last in the text.
            if len(heap) < self.cap:
                heapq.heappush(heap, ((-d.start, -d.end, -self._seen), d))
                continue
            last = heap[0][1]
            if d.start > last.start or (d.start == last.start and d.end >= last.end):
                dropped = d  # the common case, a rule yielding in text order: no heap work
            else:
                dropped = heapq.heappushpop(heap, ((-d.start, -d.end, -self._seen), d))[1]
            self._more[d.code] = self._more.get(d.code, 0) + 1
            first = self._first_left_out.get(d.code)
            if first is None or (dropped.start, dropped.end) < (first.start, first.end):
                self._first_left_out[d.code] = dropped

    def result(self) -> list[Diagnostic]:
        """What to show, in text order: the kept diagnostics and one note per code cut short."""
        shown = [d for heap in self._kept.values() for _, d in heap]
        for code, more in self._more.items():
            first = self._first_left_out[code]
            shown.append(replace(
                first, fix=None,
                message=f"{more:,} more {code} finding{'s' if more > 1 else ''} in this document "
                        f"not shown (--no-finding-cap shows all)"))
        shown.sort(key=lambda d: (d.start, d.end, d.code))
        return shown


def capped(diagnostics: Iterable[Diagnostic], cap: int) -> list[Diagnostic]:
    """`diagnostics` with at most `cap` of each code and a note for the rest (0: all of them)."""
    if not cap:
        return list(diagnostics)
    keep = FindingCap(cap)
    keep.add(diagnostics)
    return keep.result()
