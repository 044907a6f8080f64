"""The corpus pass's window on big documents: the whole body's hash is the same, piece by piece."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuslint.corpus import window
from corpuslint.corpus.features import _body, extract
from corpuslint.corpus.minhash import minhash
from corpuslint.corpus.normal import normalise
from corpuslint.model.document import Document

PIECES = ["Word", "wörd", "  ", "\n", "\r\n", "\r", "ﬁ", "’", " x ", "\t", "Ünïcode", "\u00a0"]


@given(st.lists(st.sampled_from(PIECES), max_size=120))
def test_the_body_hashed_in_pieces_is_the_body_hashed_whole(parts: list[str]) -> None:
    text = "".join(parts)
    body = _body(Document(text, "a.txt"))[2]
    whole = hashlib.blake2b(body.encode(), digest_size=16).digest()
    original, window.PIECE = window.PIECE, 64  # many pieces from a short text
    try:
        assert window.whole_body_hash(text) == whole
    finally:
        window.PIECE = original


def test_a_big_document_s_features_come_from_its_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window, "FEATURE_WINDOW", 1_000)
    text = "Headline\n\n" + "".join(f"Line {i} of the body says something new.\n" for i in range(200))
    features = extract(Document(text, "big.txt"))
    assert features.line_starts[-1] <= 1_000 < len(text)  # only the window's lines
    assert features.body_hash == hashlib.blake2b(normalise(text.split("\n", 1)[1]).encode(),
                                                 digest_size=16).digest()


def test_minhash_in_blocks_gives_the_values_of_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    words = [f"w{i % 5000}" for i in range(40_000)]
    once = minhash(words)
    from corpuslint.corpus import minhash as module

    monkeypatch.setattr(module, "PERMUTE_AT_ONCE", 7)
    assert np.array_equal(minhash(words), once)
