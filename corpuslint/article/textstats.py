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
from typing import NamedTuple

from corpuslint.article.wordsplit import split_words
from corpuslint.model.document import Document

STOP_WORDS = frozenset(("the", "be", "to", "of", "and", "that", "have", "with"))
# datatrove's PUNCTUATION_SET (utils/text.py): a word made only of these is a symbol, not a word.
PUNCTUATION = frozenset(
    "!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»"
    + "".join(map(chr, (*range(0, 9), *range(11, 32), *range(127, 160))))
    + "？．﹗！﹒｡。‼‽⁇⁈⁉.?!።؟۔।॥"
)


def words(doc: Document) -> list[str]:
    """The document's words, as datatrove's English `split_into_words` cuts them."""
    return split_words(doc.text)


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
    text, tokens = doc.text, doc.derived(words)
    lengths = [len(w) for w in tokens if not PUNCTUATION.issuperset(w)]
    lines = text.splitlines()
    return GopherStats(
        words=len(tokens),
        non_symbol_words=len(lengths),
        mean_word_length=sum(lengths) / len(lengths) if lengths else float("nan"),
        hashes=text.count("#"),
        ellipses=text.count("...") + text.count("…"),
        lines=len(lines),
        bullet_lines=sum(1 for s in lines if s.lstrip().startswith(("•", "-"))),
        ellipsis_lines=sum(1 for s in lines if s.rstrip().endswith(("...", "…"))),
        alphabetic_words=sum(1 for w in tokens if any(map(str.isalpha, w))),
        stop_words=len(STOP_WORDS.intersection(tokens)),
    )


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

    The n-grams are counted as tuples of word ids (in C) rather than as joined
    strings; tokens hold no spaces, so the two give the same counts.
    """
    ids: dict[str, int] = {}
    seq = [ids.setdefault(w, len(ids)) for w in tokens]
    lengths = [len(w) for w in tokens]
    out = {}
    for n in TOP_NGRAMS:
        if len(seq) < n:
            continue
        counts = Counter(zip(*(seq[i:] for i in range(n))))
        top, times = counts.most_common(1)[0]
        first = next(i for i, gram in enumerate(zip(*(seq[i:] for i in range(n)))) if gram == top)
        out[n] = (sum(lengths[first : first + n]) + n - 1) * times
    return out


def _duplicate_ngrams(tokens: list[str]) -> dict[int, int]:
    """datatrove's find_all_duplicate for n = 5..10: characters of n-grams seen before, skipping n.

    A document without any repeated 5-gram has no repeated longer one, so the
    exact scan (a Python loop over every position) runs only where one repeats.
    """
    out = dict.fromkeys(DUPLICATE_NGRAMS, 0)
    low = DUPLICATE_NGRAMS[0]
    grams = ["".join(tokens[i : i + low]) for i in range(len(tokens) - low + 1)]
    if len(set(grams)) == len(grams):
        return out
    for n in DUPLICATE_NGRAMS:
        seen: set[str] = set()
        chars, i, last = 0, 0, len(tokens) - n + 1
        while i < last:
            gram = "".join(tokens[i : i + n])
            if gram in seen:
                chars += len(gram)
                i += n
            else:
                seen.add(gram)
                i += 1
        out[n] = chars
    return out
