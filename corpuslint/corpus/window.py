"""How much of a big document the corpus pass looks at: a window, so memory is bounded.

A news article is a few kB; a scraped "document" can be a 100 MB dump. The
corpus features of a document (its MinHash signature, sentences, short lines
and spellings) are computed on its first FEATURE_WINDOW characters, cut at a
line end or a space, so a worker never holds more than a window's words. The
body's hash (exact duplicates) still covers the whole text: it is fed piece by
piece, each piece normalised on its own, which gives the hash of the whole.
Documents up to the window (every article of a normal corpus) are untouched.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from corpuslint.corpus.normal import normalise
from corpuslint.model.document import Document

FEATURE_WINDOW = 2_000_000  # characters: 400 times a long news article
PIECE = 1 << 20  # characters normalised at a time for the whole body's hash
MAX_SHORT_LINES = 20_000  # D104 reads at most this many short lines of one document

_NON_SPACE = re.compile(r"\S")
_LINE_END = re.compile(r"[\r\n]")


def feature_window(doc: Document) -> Document:
    """The document itself, or a new one holding its first FEATURE_WINDOW characters."""
    if len(doc.text) <= FEATURE_WINDOW:
        return doc
    return Document(doc.text[:_cut(doc.text, 0, FEATURE_WINDOW)], doc.path, record=doc.record)


def whole_body_hash(text: str) -> bytes:
    """The body's hash (blake2b of its normal form) for a body too big to normalise at once."""
    digest = hashlib.blake2b(digest_size=16)
    space = b""
    for piece in body_pieces(text):
        normal = normalise(piece)
        if normal:
            digest.update(space + normal.encode())
            space = b" "
    return digest.digest()


def body_pieces(text: str) -> Iterator[str]:
    """The body (what follows the first non-blank line) in pieces that each end in white space.

    A piece never splits a word, so normalising each and joining them with
    a space gives what normalising the whole body does. A document of one
    non-blank line is its own body, as `features._body` has it.
    """
    first = _NON_SPACE.search(text)
    if first is None:
        return
    end = _LINE_END.search(text, first.start())
    start = end.end() if end is not None and _NON_SPACE.search(text, end.end()) else 0
    while start < len(text):
        stop = _cut(text, start, start + PIECE)
        yield text[start:stop]
        start = stop


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece from `start` near `limit`: after its last line end, else its last space.

    A piece with neither in its second half is cut at the limit (inside a
    word: the pieces of two texts then agree only where the texts do).
    """
    if limit >= len(text):
        return len(text)
    floor = (start + limit) // 2
    for mark in ("\n", " "):
        at = text.rfind(mark, floor, limit)
        if at >= 0:
            return at + 1
    return limit
