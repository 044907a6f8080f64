"""What the corpus pass knows of a document: compact features computed where it was read.

The per-document pass runs in worker processes and holds each Document for a
moment only; the corpus pass must see every document at once. So each worker
turns its Document into a few hashes and small arrays (about 3 kB for a news
article) and the corpus pass works on those alone: it never re-reads a file.
Features are computed only when a corpus rule is selected.

All hashes are stable across processes (crc32, blake2b), never Python's
salted `hash()`: features from different workers are compared with each other.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, compress, islice
from typing import NamedTuple

import numpy as np

from corpuslint.corpus.minhash import MAX_HASH, NUM_PERM, minhash, minhash_of_hashes, word_hashes
from corpuslint.corpus.normal import normalise
from corpuslint.corpus.window import MAX_SHORT_LINES, feature_window, whole_body_hash
from corpuslint.model.document import Document, Line, Location, Record

MAX_LINE = 200  # D104 looks at lines up to this long: site chrome is short
MIN_SENTENCE_TERMS = 5
MIN_VARIANT_KEY = 6  # "e-mail" and shorter keys are left alone

_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
# The same, kept by `split`: the text's pieces alternate between the gaps and the words.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# `_WORD_SPLIT` on case-folded ASCII text, where its classes are these: a byte table
# `re` tests faster than the Unicode categories.
_ASCII_WORD_SPLIT = re.compile(r"([a-z0-9]+(?:'[a-z]+)?)")
# A sentence ends at . ! ? or … (and any closing quotes), before a capital or digit.
# A sentence's end, from its stop: `re` scans fast for a leading class, where a leading
# lookbehind (the stop kept out of the match) is tried at every character; only
# match.end() is read, which is the same either way.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Text of only these characters has, once normalised, the words it has as written, case-folded
# (NFKC, the quote table and case folding change no letter into a non-letter here, nor back).
_PLAIN = re.compile(r"[^\x00-\x7f£€’“”–—…\u00a0]")
# "cease-fire", "El-Sisi": letters joined by hyphens.
_HYPHENATED = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
# Where one can start: before a hyphen between letters, at the start of the letters.
_INNER_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")
_LAST_LETTERS = re.compile(r"[^\W\d_]+\Z")
_LOOK_BACK = 64
# "El Sisi", "al Sisi": an Arabic article before a capitalised name. The match begins at
# the "l" (one character in), a literal `re` finds fast, where a class would be tried everywhere.
_PARTICLE_NAME = re.compile(r"l(?<=\b[AaEe]l)[ -][A-Z][^\W\d_]+")
_PARTICLES = frozenset({"al", "el"})
_STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them then there these
they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours said says say mr mrs ms
""".split())  # noqa: SIM905 - a word list reads best as text

@dataclass(frozen=True, slots=True)
class Variant:
    """One spelling of a compound or name in a document: `form` at `start`, compared by `key`."""

    key: str
    form: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ShortLine:
    """A non-blank line of at most MAX_LINE characters: where it is and its text, stripped."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, eq=False)
class DocFeatures:
    """A document as the corpus pass sees it.

    - `line_starts`: the offset each line begins at, to place findings (rows, columns).
    - `head`: the span of the first non-blank line, where document-level findings go.
    - `body_hash`: blake2b of the normalised body (D101).
    - `signature`: MinHash of the body's word 5-grams, datasketch's legacy permutations (D102).
    - `lines`: the short lines (D104).
    - `terms`, `sentence_ends`: content-word hashes of the body's sentences, flattened,
      and where each sentence ends in `terms` (D103).
    - `variants`, `words`, `word_starts`: hyphenated and particle spellings, and the
      crc32 of each distinct long word with its first offset (D105).
    """

    path: str
    line_starts: np.ndarray
    head: tuple[int, int]
    body_hash: bytes
    signature: np.ndarray
    lines: tuple[ShortLine, ...]
    terms: np.ndarray
    sentence_ends: np.ndarray
    variants: tuple[Variant, ...]
    words: np.ndarray
    word_starts: np.ndarray
    record: Record | None = None  # where it sits in a JSONL or Parquet corpus

    @property
    def name(self) -> str:
        """How a finding names this document: its path, and its record in a data file."""
        if self.record is None:
            return self.path
        return f"{self.path} record {self.record.number}" + (
            f" (id {self.record.id})" if self.record.id is not None else "")

    @property
    def order(self) -> tuple[str, int]:
        """The corpus pass's order: by path, then by record (a file's records in file order)."""
        return self.path, self.record.number if self.record is not None else 0

    def location(self, offset: int) -> Location:
        row = bisect.bisect_right(self.line_starts, offset)
        return Location(row, offset - int(self.line_starts[row - 1]) + 1)


# The optional parts, asked for by rules' `needs`: the near-duplicate signature (D102's
# clusters, which D103 and D104 read too), the short lines, sentences and spellings.
SIGNATURE, LINES, SENTENCES, SPELLINGS = "signature", "lines", "sentences", "spellings"
_EMPTY = np.zeros(0, dtype=np.uint32)


ALL_PARTS = frozenset({SIGNATURE, LINES, SENTENCES, SPELLINGS})
_NO_SIGNATURE = np.full(NUM_PERM, MAX_HASH, dtype=np.uint32)  # an empty body's


def extract(doc: Document, parts: frozenset[str] = ALL_PARTS) -> DocFeatures:
    """The features of one document (run in the worker that read it).

    The body's hash is always computed; the other parts only when a selected
    rule needs them (`parts`), each once: spellings and sentences read one
    scan of the words, which MinHash reuses when the body is plain text.
    """
    whole, doc = doc, feature_window(doc)
    content, body_lines, body = _body(doc)
    head = (content[0].start, content[0].end) if content else (0, 0)
    words = _words(doc.text) if parts & {SENTENCES, SPELLINGS} else None
    variants, long_words, long_starts = (
        _spellings(doc.text, words) if SPELLINGS in parts else ((), _EMPTY, _EMPTY.astype(np.int64)))
    terms, ends = (
        _sentences(doc.text, body_lines, words) if SENTENCES in parts
        else (_EMPTY, _EMPTY.astype(np.int32)))
    return DocFeatures(
        path=doc.path,
        line_starts=np.array(doc.index.starts, dtype=np.int64),
        head=head,
        body_hash=_body_hash(body) if doc is whole else whole_body_hash(whole.text),
        signature=_signature(doc.text, body_lines, body, words) if SIGNATURE in parts else _NO_SIGNATURE,
        lines=tuple(islice((ShortLine(line.start, line.end, line.text.strip()) for line in content
                            if LINES in parts and len(line.text.strip()) <= MAX_LINE), MAX_SHORT_LINES)),
        terms=terms,
        sentence_ends=ends,
        variants=variants,
        words=long_words,
        word_starts=long_starts,
        record=whole.record,
    )


def _body_hash(body: str) -> bytes:
    return hashlib.blake2b(body.encode(), digest_size=16).digest()


def _body(doc: Document) -> tuple[list[Line], list[Line], str]:
    """The non-empty lines, the body's lines, and the body as duplicates compare it.

    The body is what follows the headline: the same article republished under a
    new headline is still a duplicate. A one-line document is its own body.
    """
    content = [line for line in doc.lines if line.text.strip()]
    body_lines = content[1:] if len(content) > 1 else content
    return content, body_lines, normalise(" ".join(line.text for line in body_lines))


def body_signature(doc: Document) -> np.ndarray:
    """The MinHash signature of a document's body: what D102 and the export's clusters compare."""
    return minhash(_WORD.findall(_body(doc)[2]))


def _folded(words: list[str]) -> list[str]:
    """Each word case-folded, in one call (case folding maps each character on its own)."""
    return "\0".join(words).casefold().split("\0") if words else []


class _Words(NamedTuple):
    """A text's words (`_WORD`), case-folded, the offset each begins at, and their `word_hashes`."""

    folded: list[str]
    starts: np.ndarray
    hashes: np.ndarray


def _words(text: str) -> _Words:
    """One scan for the words that spellings, sentences and MinHash read.

    A word never spans a line break nor a sentence's end (punctuation and
    space), so the words of a sentence are those starting inside it. The scan
    splits the text (no match object per word): each word starts where the
    pieces before it end. ASCII text is case-folded first, which keeps every
    offset and every word's span (casefold is lower there, letters stay letters).
    """
    plain = text.isascii()
    pieces = _ASCII_WORD_SPLIT.split(text.casefold()) if plain else _WORD_SPLIT.split(text)
    folded = pieces[1::2] if plain else _folded(pieces[1::2])
    ends = np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
    return _Words(folded, ends[:-1:2], word_hashes(folded))


def _body_words(body_lines: list[Line], words: _Words | None) -> list[str] | None:
    """The words of the normalised body, from the document's words when the body is plain text.

    None when there are no words to reuse or the body holds a character that
    normalising could change into (or out of) a word's.
    """
    if words is None or not body_lines or any(_PLAIN.search(line.text) for line in body_lines):
        return None
    folded = words.folded[int(np.searchsorted(words.starts, body_lines[0].start)):]
    joined = "\0".join(folded)
    return joined.replace("’", "'").split("\0") if "’" in joined else folded


def _signature(text: str, body_lines: list[Line], body: str, words: _Words | None) -> np.ndarray:
    """The body's MinHash, from the document's words and hashes when they are the body's."""
    reused = _body_words(body_lines, words)
    if not reused:
        return minhash(_WORD.findall(body))
    if text.find("’", body_lines[0].start) >= 0:  # the words may have changed: hash them anew
        return minhash(reused)
    return minhash_of_hashes(words.hashes[len(words.folded) - len(reused):])  # type: ignore[union-attr]


def _sentences(text: str, body_lines: list[Line], words: _Words) -> tuple[np.ndarray, np.ndarray]:
    """The content words of the body's sentences of MIN_SENTENCE_TERMS or more, and their ends.

    Sentences end at each body line's start and at each `_SENTENCE_END`, found
    in one scan from the body's first line to its last. A match a line alone
    would not give (its space runs on to the next line) ends in the spaces
    before that line's first character: no word lies between it and the line's
    start, so the words fall into the same sentences.
    """
    if not body_lines:
        return _EMPTY, _EMPTY.astype(np.int32)
    ends = _SENTENCE_END.finditer(text, body_lines[0].start, body_lines[-1].end)
    bounds = np.sort(np.fromiter(chain((line.start for line in body_lines), map(re.Match.end, ends)),
                                 dtype=np.int64))
    first = int(np.searchsorted(words.starts, body_lines[0].start))
    folded = words.folded[first:]
    # Three tests by C iterators (no Python step per word): long enough, no stop word, no number.
    count = len(folded)
    content = np.flatnonzero(
        (np.fromiter(map(len, folded), dtype=np.int64, count=count) > 2)
        & ~np.fromiter(map(_STOPWORDS.__contains__, folded), dtype=bool, count=count)
        & ~np.fromiter(map(str.isdigit, folded), dtype=bool, count=count))
    sentence = np.searchsorted(bounds, words.starts[first:][content], side="right")
    counts = np.bincount(sentence, minlength=len(bounds) + 1)
    chosen = counts >= MIN_SENTENCE_TERMS
    terms = words.hashes[first:][content[chosen[sentence]]]
    return terms.astype(np.uint32), np.cumsum(counts[chosen]).astype(np.int32)


def _hyphenated(text: str) -> Iterator[tuple[int, int]]:
    """The spans `_HYPHENATED.finditer(text)` gives, trying it only where a hyphen allows.

    A match begins at the first letter of a run of letters that a hyphen and a
    letter follow (inside a run, its `\\b` fails); the scan of every position
    costs five times the search for hyphens.
    """
    done = tried = -1
    for hyphen in _INNER_HYPHEN.finditer(text):
        end = hyphen.start()
        if end < done:
            continue  # inside the last match: the scan resumes after it
        window = max(0, end - _LOOK_BACK)
        letters = _LAST_LETTERS.search(text, window, end)
        if letters.start() == window and window:
            letters = _LAST_LETTERS.search(text, 0, end)
        if letters.start() < done or letters.start() == tried:
            continue
        tried = letters.start()
        match = _HYPHENATED.match(text, tried)
        if match:
            done = match.end()
            yield match.span()


def variant_key(form: str) -> str:
    """How spellings of one term compare: case, hyphens and spaces dropped, al-/el- alike."""
    parts = [p for p in re.split(r"[-\s]+", form.casefold()) if p]
    if len(parts) > 1 and parts[0] in _PARTICLES:
        parts[0] = "al"
    return "".join(parts)


def _spellings(text: str, words: _Words) -> tuple[tuple[Variant, ...], np.ndarray, np.ndarray]:
    variants = {}
    for start, end in [*_hyphenated(text),
                       *((m.start() - 1, m.end()) for m in _PARTICLE_NAME.finditer(text))]:
        form = text[start:end]
        key = variant_key(form)
        if len(key) >= MIN_VARIANT_KEY and (key, form) not in variants:
            variants[key, form] = Variant(key, form, start, end)
    # Every long word's first offset without a Python step per word: words filtered by C
    # iterators, and a dict fed backwards keeps each word's first offset.
    long = list(map(MIN_VARIANT_KEY.__le__, map(len, words.folded)))
    first = dict(zip(reversed(list(compress(words.folded, long))),
                     reversed(list(compress(range(len(long)), long))), strict=True))
    order = np.sort(np.fromiter(first.values(), dtype=np.int64, count=len(first)))  # as they first appear
    return (
        tuple(sorted(variants.values(), key=lambda v: v.start)),
        words.hashes[order].astype(np.uint32),
        words.starts[order],
    )
