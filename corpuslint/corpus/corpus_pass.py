"""The corpus pass: rules over every document at once, on the features the workers computed.

Per-document rules see one Document; corpus rules (duplicates, rewrites,
repeated lines, spellings) need the whole corpus. They implement
`CorpusCheck.check_corpus(corpus)` instead of `check(doc)` and see a `Corpus`:
the documents' features in a fixed order (sorted by path), plus the
near-duplicate clusters, computed once and shared by the rules that need them.

Everything here is near-linear in the number of documents: exact duplicates
by hash, near duplicates by MinHash with LSH, rewrite candidates by a second
LSH over content words. No rule compares all pairs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import chain
from typing import ClassVar, Protocol

import numpy as np

from corpuslint.config import CorpusSettings
from corpuslint.corpus.features import ALL_PARTS, LINES, SIGNATURE, DocFeatures
from corpuslint.corpus.minhash import NUM_PERM, distinct
from corpuslint.engine.rule import Check, Rule, RuleInfo
from corpuslint.model.diagnostic import Diagnostic
from corpuslint.model.document import Location
from corpuslint.model.finding import Finding

LSH_MAX_THRESHOLD = 0.9
NEAR_DUPLICATE_LSH_WEIGHTS = (0.1, 0.9)
_PAIR_CHUNK = 1 << 22  # candidate pairs made at a time: 64 MB of indices

PairFilter = Callable[[np.ndarray, np.ndarray], np.ndarray]


class CorpusCheck(Protocol):
    """A rule over the whole corpus: metadata and `check_corpus` (no per-document `check`)."""

    info: RuleInfo

    def check_corpus(self, corpus: Corpus) -> Iterator[tuple[int, Diagnostic]]: ...


def is_corpus_check(check: Check | CorpusCheck) -> bool:
    return hasattr(check, "check_corpus")


def needed_parts(checks: Sequence[CorpusCheck]) -> frozenset[str]:
    """The optional features the checks read (a plug-in without `needs` gets them all)."""
    return frozenset().union(*(getattr(c, "needs", ALL_PARTS) for c in checks))


class CorpusRule(Rule):
    """Base class of corpus rules: `check_corpus` yields (document index, Diagnostic).

    `check(doc)` is never called: the engine sends corpus rules to the corpus pass.
    `needs` names the optional features (features.SIGNATURE, LINES, SENTENCES,
    SPELLINGS) the rule reads, so the workers compute only what the selected
    rules use; by default the signature and lines, which every rule once had.
    """

    needs: ClassVar[frozenset[str]] = frozenset({SIGNATURE, LINES})

    def check_corpus(self, corpus: Corpus) -> Iterator[tuple[int, Diagnostic]]:
        raise NotImplementedError

    def at_head(self, doc: DocFeatures, message: str) -> Diagnostic:
        """A finding about the whole document, placed on its first non-blank line."""
        return self.diagnostic(*doc.head, message)


@dataclass(frozen=True, slots=True)
class Keyed:
    """What grouping documents by a key gives, computed elsewhere (a Ray shuffle, a Polars join).

    `exact_groups`: document indices with one body hash (groups of two or more, each in
    order); `near_pairs`: verified near-duplicate pairs (a < b), in any order and with
    repeats; `line_sources`: for D104, each short line's number of distinct sources
    (clusters counted once), for the lines that reach `repeated_line_min_documents`.
    A pass given these skips its own grouping; the rules' findings are the same. A part
    left None (its features were not computed) is grouped in memory if a rule asks.
    """

    exact_groups: list[list[int]]
    near_pairs: tuple[np.ndarray, np.ndarray] | None = None
    line_sources: dict[str, int] | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    """Copies or near copies of each other; `members[0]` (first by path) represents them."""

    members: tuple[int, ...]


class Corpus:
    """The documents' features in path order (a data file's in record order), and what rules share."""

    def __init__(self, docs: Sequence[DocFeatures], settings: CorpusSettings,
                 keyed: Keyed | None = None) -> None:
        self.docs = sorted(docs, key=lambda d: d.order)
        self.settings = settings
        self.keyed = keyed

    def __len__(self) -> int:
        return len(self.docs)

    @cached_property
    def exact_groups(self) -> list[list[int]]:
        """Documents with the same normalised body, in order; only groups of two or more."""
        if self.keyed is not None:
            return self.keyed.exact_groups
        groups: dict[bytes, list[int]] = defaultdict(list)
        for i, doc in enumerate(self.docs):
            groups[doc.body_hash].append(i)
        return [g for g in groups.values() if len(g) > 1]

    @cached_property
    def signatures(self) -> np.ndarray:
        return np.stack([d.signature for d in self.docs]) if self.docs else np.zeros((0, NUM_PERM))

    def jaccard(self, a: int, b: int) -> float:
        """The MinHash estimate of the Jaccard similarity of two bodies' word 5-grams."""
        return float(np.mean(self.signatures[a] == self.signatures[b]))

    @cached_property
    def clusters(self) -> list[Cluster]:
        """Exact and near duplicates joined (union-find over LSH candidates at the threshold)."""
        near = (zip(*(side.tolist() for side in chosen), strict=True) for chosen in self._near_pairs())
        firsts = cluster_firsts(len(self.docs), self.exact_groups, chain.from_iterable(near))
        members: dict[int, list[int]] = defaultdict(list)
        for i, first in enumerate(firsts):
            members[first].append(i)
        return [Cluster(tuple(m)) for m in members.values() if len(m) > 1]

    def _near_pairs(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """The pairs of documents at least `near-duplicate-threshold` similar (LSH, then verified)."""
        if self.keyed is not None and self.keyed.near_pairs is not None:
            yield self.keyed.near_pairs
            return
        threshold = self.settings.near_duplicate_threshold

        def similar(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            return jaccards(self.signatures, a, b) >= threshold

        # Each candidate costs one vectorised comparison of signatures: weigh misses more.
        yield from Bands(self.signatures, threshold, NEAR_DUPLICATE_LSH_WEIGHTS).pairs(similar)

    def line_sources(self, needed: float) -> dict[str, int]:
        """Each short line seen in at least `needed` distinct sources (a cluster counts once)."""
        if self.keyed is not None and self.keyed.line_sources is not None:
            return {text: n for text, n in self.keyed.line_sources.items() if n >= needed}
        sources: dict[str, set[int]] = defaultdict(set)
        for i, doc in enumerate(self.docs):
            for line in doc.lines:
                sources[line.text].add(self.cluster_of.get(i, i))
        return {text: len(s) for text, s in sources.items() if len(s) >= needed}

    @cached_property
    def cluster_of(self) -> dict[int, int]:
        """Document index -> index of its cluster's representative, for clustered documents."""
        return {i: c.members[0] for c in self.clusters for i in c.members}


def cluster_firsts(count: int, groups: Iterable[Sequence[int]],
                   pairs: Iterable[tuple[int, int]]) -> list[int]:
    """Each document's cluster, named by its first member: union-find over copies and near pairs."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for group in groups:
        for i in group[1:]:
            join(group[0], i)
    for a, b in pairs:
        join(a, b)
    return [root(i) for i in range(count)]


def jaccards(signatures: np.ndarray, a: np.ndarray | int, b: np.ndarray) -> np.ndarray:
    """`Corpus.jaccard` of many pairs at once (the same figures: a count out of 128 is exact)."""
    return np.count_nonzero(signatures[a] == signatures[b], axis=-1) / signatures.shape[1]


def band_layout(threshold: float, weights: tuple[float, float]) -> tuple[int, int]:
    """datasketch's (bands, rows per band) for a threshold, as MinHashLSH chooses them."""
    from datasketch.lsh import _optimal_param  # 0.5 s with scipy: only when there are pairs to find

    # Above 0.9 datasketch finds no band layout; candidates are verified at the real threshold.
    return _optimal_param(min(threshold, LSH_MAX_THRESHOLD), NUM_PERM, *weights)


class Bands:
    """Documents grouped by each LSH band of their MinHash signatures: who may be similar.

    The candidates are the pairs datasketch's MinHashLSH returns (its band
    layout; a band matches when all its values are equal), found with numpy
    sorts instead of a dict per band. `weights` (false positives, false
    negatives) choose the layout: a caller that verifies every candidate
    cheaply can weigh misses more.
    """

    def __init__(self, signatures: np.ndarray, threshold: float,
                 weights: tuple[float, float] = (0.5, 0.5)) -> None:
        # Per band: documents sorted by their band's values, and each document's group in it.
        self.orders: list[np.ndarray] = []
        self.groups: list[tuple[np.ndarray, np.ndarray]] = []
        if len(signatures) < 2:
            return  # no pairs, and no datasketch import (0.5 s with scipy) for one document
        bands, rows = band_layout(threshold, weights)
        for band in range(bands):
            values = signatures[:, band * rows:(band + 1) * rows]
            order = np.lexsort(values.T[::-1])
            ordered = values[order]
            new = np.ones(len(order), dtype=bool)
            new[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
            bounds = np.append(np.flatnonzero(new), len(order))
            group = np.cumsum(new) - 1
            first, last = np.empty_like(order), np.empty_like(order)
            first[order], last[order] = bounds[group], bounds[group + 1]
            self.orders.append(order)
            self.groups.append((first, last))

    def partners(self, doc: int) -> np.ndarray:
        """The later documents (by index, in order) sharing a band with `doc`."""
        found = np.concatenate([np.zeros(0, dtype=np.int64)] + [
            order[first[doc]:last[doc]] for order, (first, last) in zip(self.orders, self.groups, strict=True)
            if last[doc] - first[doc] > 1])
        return distinct(found[found > doc])

    def pairs(self, keep: PairFilter) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Every candidate pair (a < b) that `keep(a, b)` (vectorised) passes, in chunks.

        A pair found in several bands comes once per band; a chunk holds about
        _PAIR_CHUNK pairs, so a band value shared by thousands of documents is
        never held whole.
        """
        for order, (_, last) in zip(self.orders, self.groups, strict=True):
            sorted_last = last[order]
            # Position p of a group ending at e pairs with the positions after it.
            partners = sorted_last - np.arange(len(order)) - 1
            made = np.cumsum(partners)
            start = 0
            while start < len(order) and made[-1] > (made[start - 1] if start else 0):
                before = int(made[start - 1]) if start else 0
                stop = max(start + 1, int(np.searchsorted(made, before + _PAIR_CHUNK, side="right")))
                counts = partners[start:stop]
                left = np.repeat(np.arange(start, stop), counts)
                right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(counts) - counts, counts)
                a, b = np.minimum(order[left], order[right]), np.maximum(order[left], order[right])
                chosen = keep(a, b)
                yield a[chosen], b[chosen]
                start = stop


def run(checks: Sequence[CorpusCheck], docs: Sequence[DocFeatures], settings: CorpusSettings,
        keyed: Keyed | None = None) -> Iterator[tuple[DocFeatures, Diagnostic]]:
    """Every corpus check's diagnostics, each with the document it is about."""
    corpus = Corpus(docs, settings, keyed)
    for check in checks:
        for index, diagnostic in check.check_corpus(corpus):
            yield corpus.docs[index], diagnostic


def locate(doc: DocFeatures, diagnostic: Diagnostic) -> Finding:
    """A corpus diagnostic placed in its file, from the features alone (no excerpt: no text).

    Its fingerprint (what a baseline matches) is the message, which names the
    other document or the repeated text, not the lines it sits on.
    """
    fingerprint = hashlib.blake2b(f"{diagnostic.code}\0{diagnostic.message}".encode(),
                                  digest_size=8).hexdigest()
    record = doc.record
    if record is not None:  # placed at the record, as model.finding.locate places a record's findings
        inside = doc.location(diagnostic.start)
        where = f"record {record.number}" + (f", id {record.id}" if record.id is not None else "")
        at = Location(record.row, 1)
        message = f"{diagnostic.message} ({where}, text {inside.row}:{inside.column})"
        return Finding(doc.path, replace(diagnostic, message=message), at, at, (), record=record,
                       text_location=inside, fingerprint=fingerprint)
    return Finding(doc.path, diagnostic, doc.location(diagnostic.start),
                   doc.location(diagnostic.end), (), fingerprint=fingerprint)
