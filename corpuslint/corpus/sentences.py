"""D103's view of an article: its sentences as TF-IDF vectors, and how in order two articles match.

A rewrite keeps the story's sentences in their order while changing their
words; comparing sentence vectors in order finds that where a shingle-based
near-duplicate test does not.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from corpuslint.corpus.features import DocFeatures
from corpuslint.corpus.minhash import NUM_PERM, distinct, permuted, shingle_hashes, word_hashes

# A sentence "has a counterpart" when its best match is at least this similar (cosine, TF-IDF).
SENTENCE_MATCH = 0.1


@dataclass(frozen=True, slots=True)
class Sentences:
    """A document's sentences as TF-IDF vectors over its own distinct terms (sorted)."""

    terms: np.ndarray
    matrix: np.ndarray  # sentences x terms


class SentenceVectors:
    """Each document's sentences as TF-IDF vectors of content words (IDF from these documents).

    Held flat (every document's terms end to end), as the corpus pass holds
    tens of thousands of documents; a document's dense matrix is made when a
    pair needs it.
    """

    def __init__(self, docs: list[DocFeatures]) -> None:
        self.docs = docs
        self.distinct = [distinct(d.terms) for d in docs]
        bounds = np.cumsum([0] + [len(d.terms) for d in docs])
        self.bounds = bounds
        if not docs:
            self.vocabulary = self.weights = np.zeros(0)
            return
        # IDF smoothed as scikit-learn's: log((1 + n) / (1 + df)) + 1.
        self.vocabulary, df = np.unique(np.concatenate(self.distinct), return_counts=True)
        idf = np.log((1 + len(docs)) / (1 + df)) + 1
        terms = np.concatenate([d.terms for d in docs])
        weight = idf[np.searchsorted(self.vocabulary, terms)]
        # Sentence numbers across every document, so one bincount sums them all.
        sentence_bounds = np.cumsum([0] + [len(d.sentence_ends) for d in docs])
        rows = np.concatenate([np.searchsorted(d.sentence_ends, np.arange(len(d.terms)), side="right")
                               + first for d, first in zip(docs, sentence_bounds, strict=False)])
        norms = np.sqrt(np.bincount(rows, weight**2))  # a repeated term adds up, as tf does
        self.rows = rows - np.repeat(sentence_bounds[:-1], np.diff(bounds))
        self.weights = weight / norms[rows]

    def term_counts(self) -> np.ndarray:
        """How many distinct content words each document has."""
        return np.array([len(terms) for terms in self.distinct], dtype=np.int64)

    def term_signatures(self) -> np.ndarray:
        """MinHash of each document's distinct content words (as `minhash` of their decimal forms).

        A word's hashes under the permutations are computed once for the
        vocabulary; a document's signature is their minimum over its words.
        """
        if not self.docs:
            return np.zeros((0, NUM_PERM), dtype=np.uint32)
        chunks = np.array_split(self.vocabulary, 1 + len(self.vocabulary) // 4096)
        table = np.concatenate([
            permuted(shingle_hashes(word_hashes([str(t) for t in chunk.tolist()]), 1)).astype(np.uint32)
            for chunk in chunks])
        signatures = np.empty((len(self.docs), NUM_PERM), dtype=np.uint32)
        for first in range(0, len(self.docs), 256):
            group = self.distinct[first:first + 256]
            ids = np.searchsorted(self.vocabulary, np.concatenate(group))
            lengths = np.array([len(terms) for terms in group])
            # Each document's rows padded to the longest with its first (harmless to a minimum):
            # one (documents, words, NUM_PERM) minimum, far faster than np.minimum.reduceat.
            columns = np.arange(lengths.max())
            cells = (np.cumsum(lengths) - lengths)[:, None] + np.where(columns < lengths[:, None], columns, 0)
            signatures[first:first + len(group)] = table[ids[cells]].min(axis=1)
        return signatures

    def dense(self, i: int) -> Sentences:
        """Document i's sentence vectors as a dense matrix over its distinct terms."""
        doc, terms = self.docs[i], self.distinct[i]
        span = slice(self.bounds[i], self.bounds[i + 1])
        cells = self.rows[span] * len(terms) + np.searchsorted(terms, doc.terms)
        size = len(doc.sentence_ends) * len(terms)
        matrix = np.bincount(cells, self.weights[span], minlength=size).reshape(len(doc.sentence_ends), -1)
        return Sentences(terms, matrix)

    @staticmethod
    def coverage(a: Sentences, b: Sentences) -> float:
        """The larger share of either article's sentences in an in-order chain of best matches.

        Only the shared terms count (others add nothing to a dot product).
        """
        _, in_a, in_b = np.intersect1d(a.terms, b.terms, assume_unique=True, return_indices=True)
        if not len(in_a):
            return 0.0
        # C-ordered copies, as the matrices over the shared terms were made before: BLAS sums
        # in another order for a Fortran-ordered operand (a column pick is one), and a last
        # bit of difference moves a best match or a 0.1 cut.
        shared_a, shared_b = (np.ascontiguousarray(m) for m in (a.matrix[:, in_a], b.matrix[:, in_b]))
        similarity = np.dot(shared_a, shared_b.T)
        return max(_in_order(similarity), _in_order(similarity.T))


def _in_order(similarity: np.ndarray) -> float:
    """Share of rows whose best-matching columns form the longest increasing run (LIS)."""
    best = similarity.argmax(axis=1)
    matched = similarity.max(axis=1) >= SENTENCE_MATCH
    tails: list[int] = []
    for column in best[matched].tolist():
        k = bisect.bisect_left(tails, column)
        tails[k:k + 1] = [column]
    return len(tails) / similarity.shape[0]
