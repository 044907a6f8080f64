"""MinHash of a document's word shingles, vectorised, as datasketch's legacy scheme computes it.

D102's near duplicates, D103's candidate pairs and the export's clusters all
compare these signatures, so they are computed one way, here. Every hash is
stable across processes (crc32), never Python's salted `hash()`.
"""

from __future__ import annotations

import zlib
from functools import cache

import numpy as np

NUM_PERM = 128
SHINGLE = 5  # word 5-grams: long enough that two different articles share few
MINHASH_SEED = 1
PERMUTE_AT_ONCE = 1 << 14  # shingles permuted together: 16 MB arrays of 128 x 16,384 values
_MERSENNE = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)
_SHINGLE_MULTIPLIERS = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1],
                                dtype=np.uint64)


def distinct(values: np.ndarray) -> np.ndarray:
    """np.unique of a 1-d array, by sorting: numpy 2's np.unique hashes, several times slower."""
    values = np.sort(values)
    keep = np.ones(len(values), dtype=bool)
    keep[1:] = values[1:] != values[:-1]
    return values[keep]


def word_hashes(words: list[str]) -> np.ndarray:
    return np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))


def minhash(words: list[str], k: int = SHINGLE) -> np.ndarray:
    """MinHash of the word k-grams, vectorised: one numpy pass, no Python loop per shingle.

    Each k-gram's 32-bit hash mixes its words' crc32s; the permutations and the
    32-bit truncation are datasketch's legacy scheme, so the result is a valid
    datasketch signature (LeanMinHash(seed=1, hashvalues=...)).
    """
    return minhash_of_hashes(word_hashes(words), k)


def minhash_of_hashes(hashed: np.ndarray, k: int = SHINGLE) -> np.ndarray:
    """`minhash` of words given by their hashes (`word_hashes`)."""
    if not len(hashed):
        return np.full(NUM_PERM, MAX_HASH, dtype=np.uint32)
    shingles = distinct(shingle_hashes(hashed, k))
    # A minimum of minimums: permuting PERMUTE_AT_ONCE shingles at a time bounds the
    # (NUM_PERM, n) arrays at a few MB, whatever the document's length; same values.
    low = np.full(NUM_PERM, MAX_HASH, dtype=np.uint64)
    for start in range(0, len(shingles), PERMUTE_AT_ONCE):
        np.minimum(low, permuted(shingles[start:start + PERMUTE_AT_ONCE], transposed=True).min(axis=1),
                   out=low)
    return low.astype(np.uint32)


def shingle_hashes(hashed: np.ndarray, k: int = SHINGLE) -> np.ndarray:
    """The 32-bit hash of each k-gram of the words' hashes, in order (k shrinks to fit)."""
    k = max(1, min(k, len(hashed)))
    count = len(hashed) - k + 1
    shingles = np.zeros(count, dtype=np.uint64)
    for i in range(k):  # a loop over the k positions, vectorised over every shingle
        shingles += hashed[i : i + count] * _SHINGLE_MULTIPLIERS[i]
    return (shingles ^ (shingles >> np.uint64(29))) & MAX_HASH


def permuted(shingles: np.ndarray, *, transposed: bool = False) -> np.ndarray:
    """Each shingle hash under the NUM_PERM permutations: an (n, NUM_PERM) array below 2**32.

    A signature is its minimum over the rows, so the rows of a whole
    vocabulary can be computed once and shared by every document using it.
    `transposed` gives the (NUM_PERM, n) array instead, whose minimum over
    each row (a contiguous one) numpy takes faster.
    """
    a, b = _permutations()
    if transposed:
        values = a[:, None] * shingles  # wraps modulo 2**64, as datasketch's does
        values += b[:, None]
    else:
        values = shingles[:, None] * a
        values += b
    # `% (2**61 - 1)` by the Mersenne identity x = (x & p) + (x >> 61) (mod p): same
    # values, without numpy's slow 64-bit division.
    reduced = values & _MERSENNE
    values >>= np.uint64(61)
    reduced += values
    # Then p once more off a sum of p or more (below p + 8): in the low 32 bits kept,
    # minus p (2**61 - 1) is plus one, and (sum + 1) >> 61 is 1 exactly then. Adds and
    # shifts only: a masked subtract (`where=`) costs more than the rest together.
    np.add(reduced, np.uint64(1), out=values)
    values >>= np.uint64(61)
    reduced += values
    reduced &= MAX_HASH
    return reduced


@cache
def _permutations() -> np.ndarray:
    """datasketch's legacy permutations, drawn as it draws them (a test compares the two).

    Drawn here rather than taken from datasketch, whose import (scipy with it)
    costs ~0.4 s: more than linting one file should take.
    """
    gen = np.random.RandomState(MINHASH_SEED)
    return np.array([(gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
                     for _ in range(NUM_PERM)], dtype=np.uint64).T
