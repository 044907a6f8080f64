"""The corpus pass's fast paths against the plain code they replace.

Bands (numpy LSH) against datasketch's MinHashLSH; the hyphen-led search of
spellings against the scan of every position; the words MinHash reuses from
the document against the normalised body's; and a rule's `needs` against the
features it leaves out.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from conftest import BBC_SAMPLE

from corpuslint.corpus.corpus_pass import NEAR_DUPLICATE_LSH_WEIGHTS, Bands
from corpuslint.corpus.features import (
    _HYPHENATED,
    _WORD,
    SIGNATURE,
    _body,
    _body_words,
    _hyphenated,
    _words,
    extract,
)
from corpuslint.corpus.minhash import minhash
from corpuslint.model.document import Document

TRICKY = [
    "cease-fire", "a cease-fire-deal9 x", "ab-cd-ef9 gh-ij", "_ab-cd 3ab-cd ab-9", "x--y a-b-",
    "é-Σ, ß-straße", "word-" + "a" * 70 + "-word", "a" * 70 + "-b", "El-Sisi al-Sisi al Sisi",
    "re-sign the re-re-sign", "-a-b-", "a-b\nc-d", "don’t-stop rock'n-roll",
]


@pytest.mark.parametrize("text", TRICKY)
def test_hyphen_led_search_finds_what_the_full_scan_finds(text: str) -> None:
    assert list(_hyphenated(text)) == [m.span() for m in _HYPHENATED.finditer(text)]


def test_hyphen_led_search_on_random_text() -> None:
    rng = random.Random(3)
    pieces = [*"ab-_9 é'’Z.\n", "Al", "x-y-z", "ab" * 40]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    assert [list(_hyphenated(t)) for t in texts] == [
        [m.span() for m in _HYPHENATED.finditer(t)] for t in texts]


@pytest.mark.parametrize("body", [
    "Headline\n\nIt’s a £5bn deal – “big”… and\u00a0more.",
    "Headline\n\nPlain ASCII text, with digits 42 and don't.",
    "Headline\n\nCafé ﬁnance: ‘quoted’ İstanbul.",  # not plain: the normalised body's own words
])
def test_minhash_words_are_the_normalised_bodys(body: str) -> None:
    doc = Document(body)
    _, body_lines, normalised = _body(doc)
    reused = _body_words(body_lines, _words(doc.text))
    expected = _WORD.findall(normalised)
    assert reused is None or reused == expected
    assert (extract(doc).signature == minhash(expected)).all()


def _signatures() -> np.ndarray:
    rng = random.Random(5)
    texts = [p.read_text(encoding="utf-8") for p in sorted(BBC_SAMPLE.rglob("*.txt"))]
    copies = [" ".join(w if rng.random() > 0.01 else rng.choice(t.split()) for w in t.split())
              for t in texts]
    return np.stack([extract(Document(t)).signature for t in texts + copies])


@pytest.mark.parametrize(("threshold", "weights"), [(0.8, NEAR_DUPLICATE_LSH_WEIGHTS), (0.2, (0.5, 0.5))])
def test_bands_find_the_pairs_datasketch_finds(threshold: float, weights: tuple[float, float]) -> None:
    from datasketch import LeanMinHash, MinHashLSH

    signatures = _signatures()
    lsh = MinHashLSH(threshold=threshold, num_perm=signatures.shape[1], weights=weights)
    expected = set()
    for i, signature in enumerate(signatures):
        sketch = LeanMinHash(seed=1, hashvalues=signature.astype(np.uint64), scheme="legacy")
        expected |= {(j, i) for j in lsh.query(sketch)}
        lsh.insert(i, sketch, check_duplication=False)
    bands = Bands(signatures, threshold, weights)
    by_partners = {(a, b) for a in range(len(signatures)) for b in bands.partners(a).tolist()}
    by_pairs = {pair for a, b in bands.pairs(lambda a, b: np.ones(len(a), dtype=bool))
                for pair in zip(a.tolist(), b.tolist(), strict=True)}
    assert len(expected) > len(signatures) // 4  # most copies at least
    assert by_partners == by_pairs == expected


def test_a_rule_without_the_signature_leaves_minhash_out() -> None:
    doc = Document("Headline\n\nA body of several words for the shingles to cover.\n")
    without = extract(doc, frozenset())
    assert (without.signature == np.iinfo(np.uint32).max).all()
    assert without.lines == ()
    assert (extract(doc, frozenset({SIGNATURE})).signature == extract(doc).signature).all()
    assert without.body_hash == extract(doc).body_hash
