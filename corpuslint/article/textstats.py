"""The statistics the Gopher, C4 and FineWeb heuristics decide on, computed once per document.

datatrove runs four filters, and each splits the text into words, lines and
paragraphs again. Here each piece is a `Document.derived` analysis: the first
H rule that asks computes it, every other H rule reuses it, so the four
families together cost about what one of them does. Each statistic is the
number datatrove compares with its threshold (gopher_quality_filter.py,
gopher_repetition_filter.py, c4_filters.py, fineweb_quality_filter.py), by
the same definition; the rules in checks/quality_*.py only compare.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain, compress, repeat
from operator import add, eq, mul, not_
from typing import NamedTuple

import numpy as np

from corpuslint.article.wordsplit import split_words
from corpuslint.model.document import Document

STOP_WORDS = frozenset(("the", "be", "to", "of", "and", "that", "have", "with"))
# datatrove's PUNCTUATION_SET (utils/text.py): a word made only of these is a symbol, not a word.
PUNCTUATION = frozenset(
    "!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»"
    + "".join(map(chr, (*range(0, 9), *range(11, 32), *range(127, 160))))
    + "？．﹗！﹒｡。‼‽⁇⁈⁉.?!።؟۔।॥"
)


def lines(doc: Document) -> list[str]:
    """`str.splitlines()`, the lines Gopher and C4 count."""
    return doc.text.splitlines()


def line_words(doc: Document) -> tuple[list[str], ...]:
    """Each line's words; C4 counts sentences in them, and together they are the document's words."""
    return tuple(map(split_words, doc.derived(lines)))


def words(doc: Document) -> list[str]:
    """The document's words, as datatrove's English `split_into_words` cuts them.

    Every break `splitlines` cuts at is whitespace to `str.split`, so the
    words of the lines, in order, are the words of the text.
    """
    return list(chain.from_iterable(doc.derived(line_words)))


class GopherStats(NamedTuple):
    """What GopherQualityFilter measures."""

    words: int  # every token, punctuation included: the denominator of the ratios
    non_symbol_words: int  # tokens with a character that is not punctuation: the "word count"
    mean_word_length: float  # over the non-symbol words; nan when there are none
    hashes: int
    ellipses: int  # "..." and "…"
    lines: int
    bullet_lines: int
    ellipsis_lines: int
    alphabetic_words: int
    stop_words: int  # distinct stop words present


def gopher(doc: Document) -> GopherStats:
    """Counted with maps over C methods rather than a Python test per word: this is the hot path."""
    text, tokens = doc.text, doc.derived(words)
    symbols = list(compress(tokens, map(PUNCTUATION.issuperset, tokens)))
    non_symbol = len(tokens) - len(symbols)
    rows = doc.derived(lines)
    return GopherStats(
        words=len(tokens),
        non_symbol_words=non_symbol,
        mean_word_length=(sum(map(len, tokens)) - sum(map(len, symbols))) / non_symbol if non_symbol
        else float("nan"),
        hashes=text.count("#"),
        ellipses=text.count("...") + text.count("…"),
        lines=len(rows),
        bullet_lines=sum(1 for s in rows if s.lstrip().startswith(("•", "-"))),
        ellipsis_lines=sum(1 for s in rows if s.rstrip().endswith(("...", "…"))),
        alphabetic_words=_alphabetic(tokens),
        stop_words=len(STOP_WORDS.intersection(tokens)),
    )


_LETTER = re.compile(r"[^\W\d_]")


def _alphabetic(tokens: list[str]) -> int:
    """Tokens with at least one letter: most are all letters, and only the rest are searched."""
    others = list(compress(tokens, map(not_, map(str.isalpha, tokens))))
    return len(tokens) - len(others) + sum(map(bool, map(_LETTER.search, others)))


TOP_NGRAMS = (2, 3, 4)
DUPLICATE_NGRAMS = (5, 6, 7, 8, 9, 10)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
_LINE_BREAKS = re.compile("\n+")


class RepetitionStats(NamedTuple):
    """What GopherRepetitionFilter measures; character counts are shares of `characters`."""

    characters: int
    paragraphs: int
    duplicate_paragraphs: int
    duplicate_paragraph_chars: int
    lines: int
    duplicate_lines: int
    duplicate_line_chars: int
    top_ngram_chars: dict[int, int]  # n -> characters of the commonest n-gram times its count
    duplicate_ngram_chars: dict[int, int]  # n -> characters in repeated n-grams


def duplicates(items: list[str]) -> tuple[int, int]:
    """How many items repeat an earlier one, and their characters (datatrove's find_duplicates)."""
    seen: set[str] = set()
    count = chars = 0
    for item in items:
        if item in seen:
            count += 1
            chars += len(item)
        else:
            seen.add(item)
    return count, chars


def repetition(doc: Document) -> RepetitionStats:
    text, tokens = doc.text, doc.derived(words)
    paragraphs = _PARAGRAPH_BREAK.split(text.strip())
    lines = _LINE_BREAKS.split(text)
    para_dups, para_chars = duplicates(paragraphs)
    line_dups, line_chars = duplicates(lines)
    return RepetitionStats(len(text), len(paragraphs), para_dups, para_chars, len(lines), line_dups,
                           line_chars, _top_ngrams(tokens), _duplicate_ngrams(tokens))


def _top_ngrams(tokens: list[str]) -> dict[int, int]:
    """For each n, len(" ".join(top n-gram)) * its count; ties go to the first seen, as in Counter.

    Each word becomes an integer and each n-gram the integer of its (n-1)-gram
    and its last word, renumbered by numpy's sorting `unique` so the numbers
    stay small: counting integers in C rather than strings in a dict. Tokens
    hold no spaces, so these count exactly as datatrove's space-joined strings do.
    """
    out: dict[int, int] = {}
    if len(tokens) < TOP_NGRAMS[0]:
        return out
    ids = np.fromiter(map({}.setdefault, tokens, range(len(tokens))), dtype=np.int64, count=len(tokens))
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    keys = ids
    for n in range(2, TOP_NGRAMS[-1] + 1):
        if len(tokens) < n:
            break
        _, first, keys, counts = np.unique(keys[:-1] * len(tokens) + ids[n - 1 :], return_index=True,
                                           return_inverse=True, return_counts=True)
        if n in TOP_NGRAMS:
            times = int(counts.max())
            start = int(first[counts == times].min())
            out[n] = (int(lengths[start : start + n].sum()) + n - 1) * times
    return out


def _duplicate_ngrams(tokens: list[str]) -> dict[int, int]:
    """datatrove's find_all_duplicate for n = 5..10: characters of n-grams seen before, skipping n after each.

    The n-grams are joined without a separator, as datatrove joins them. Only
    an n-gram that occurs twice can ever be "seen before", so the scan visits
    only the positions of those (found by sorting, in C): a news article has
    a handful, where datatrove's loop visits every position.
    """
    out = dict.fromkeys(DUPLICATE_NGRAMS, 0)
    for n in DUPLICATE_NGRAMS:
        grams = list(map("".join, zip(*(tokens[i:] for i in range(n)))))
        if len(set(grams)) == len(grams):
            break  # no n-gram repeats, so no longer one does either (each extends a repeated shorter one)
        ordered = sorted(grams)
        repeated = set(compress(ordered, map(eq, ordered, ordered[1:])))
        seen: set[str] = set()
        chars, resume = 0, 0
        for i in compress(range(len(grams)), map(repeated.__contains__, grams)):
            if i < resume:
                continue
            gram = grams[i]
            if gram in seen:
                chars += len(gram)
                resume = i + n
            else:
                seen.add(gram)
        out[n] = chars
    return out
