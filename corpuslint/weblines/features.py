"""What a line of crude page text says about itself and its neighbours: the B2 classifier's input.

Only signals that survive when a page's HTML is flattened to text (jusText's
and trafilatura's, less the tags): a line's length, its share of stop words
(prose is full of "the", "of", "and"; menus are not), sentence punctuation,
capitalisation (menus and link titles are Title Case), digits and symbols,
its position, how much prose stands around it, and where it sits against the
page's core: the run of lines with the most prose in it (Kadane's maximum
sub-array over per-line scores, the text counterpart of trafilatura's
"largest text block"). The same function serves training (tools/train_b2.py)
and the rules, so the model never sees features computed another way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from corpuslint.article.languages import STOPWORDS

_WORD = re.compile(r"\w+")
_STOP = frozenset().union(*STOPWORDS.values())
_SENTENCE_END = frozenset(".!?…:;\"”’'»)")
_SEPARATORS = re.compile(r"[|•·»›©®™→←▸►◄]|\s/\s|\s-\s")
# A line is prose when it has this many words, some of them stop words, and ends a sentence.
PROSE_WORDS = 10
# Kadane's score of a line: its words less this, so short lines pull a run down.
CORE_OFFSET = 8
WINDOWS = (1, 3, 8)

NAMES = (
    "log_chars", "words", "stop_share", "ends_sentence", "capitalised_share", "digit_share",
    "symbol_share", "separator", "blank_before", "blank_after", "position", "repeats",
    "comma_rate", "title_overlap", "prose", "block_size", "block_mean_words",
    "prose_before", "prose_after", "core", "core_distance", "before_core",
    *(f"prev{w}_words" for w in WINDOWS), *(f"next{w}_words" for w in WINDOWS),
    *(f"prev{w}_prose" for w in WINDOWS), *(f"next{w}_prose" for w in WINDOWS),
)


def line_features(lines: Sequence[str]) -> tuple[list[int], np.ndarray]:
    """The non-blank lines' indices in `lines`, and their features (rows in order, NAMES columns)."""
    rows = [i for i, text in enumerate(lines) if text.strip()]
    n = len(rows)
    out = np.zeros((n, len(NAMES)), dtype=np.float32)
    if not n:
        return rows, out
    texts = [lines[i].strip() for i in rows]
    counts = Counter(texts)
    title = set(_WORD.findall(texts[0].lower()))
    own = np.zeros((n, 14), dtype=np.float32)
    for k, (row, text) in enumerate(zip(rows, texts, strict=True)):
        found = _WORD.findall(text)
        lowered = [w.lower() for w in found]
        nw = len(found) or 1
        chars = len(text)
        digits = sum(c.isdigit() for c in text)
        alnum_space = sum(c.isalnum() or c.isspace() for c in text)
        own[k] = (
            np.log1p(chars),
            min(len(found), 80),
            sum(w in _STOP for w in lowered) / nw,
            text[-1] in _SENTENCE_END,
            sum(w[0].isupper() for w in found) / nw,
            digits / chars,
            (chars - alnum_space) / chars,
            _SEPARATORS.search(text) is not None,
            row == 0 or not lines[row - 1].strip(),
            row + 1 == len(lines) or not lines[row + 1].strip(),
            k / n,
            min(counts[text], 5),
            text.count(",") / nw,
            len(title & set(lowered)) / (len(title | set(lowered)) or 1),
        )
    out[:, :14] = own
    words: np.ndarray = own[:, 1]
    prose = (words >= PROSE_WORDS) & (own[:, 3] > 0) & (own[:, 2] >= 0.15)
    out[:, 14] = prose
    _blocks(own, out[:, 15:17])
    prose_chars = np.where(prose, np.expm1(own[:, 0]), 0.0)
    total = prose_chars.sum() or 1.0
    before = np.cumsum(prose_chars) - prose_chars
    out[:, 17] = before / total
    out[:, 18] = (total - before - prose_chars) / total
    first, last = _core(words - CORE_OFFSET)
    index = np.arange(n)
    out[:, 19] = (index >= first) & (index <= last)
    out[:, 20] = np.minimum(np.maximum(first - index, index - last).clip(min=0), 30)
    out[:, 21] = index < first
    column = 22
    for values in (np.minimum(words, 40), prose.astype(np.float32)):
        padded = np.concatenate(([0.0], np.cumsum(values)))
        for w in WINDOWS:
            lo = np.maximum(index - w, 0)
            out[:, column] = (padded[index] - padded[lo]) / w
            hi = np.minimum(index + 1 + w, n)
            out[:, column + len(WINDOWS)] = (padded[hi] - padded[index + 1]) / w
            column += 1
        column += len(WINDOWS)
    return rows, out


def _blocks(own: np.ndarray, out: np.ndarray) -> None:
    """Per line, the size of its block (lines with no blank between) and the block's mean words."""
    n = len(own)
    start = 0
    for k in range(n + 1):
        if k == n or (k > start and own[k, 8]):
            out[start:k, 0] = min(k - start, 30)
            out[start:k, 1] = own[start:k, 1].mean()
            start = k


def _core(scores: np.ndarray) -> tuple[int, int]:
    """The first and last line of the run whose scores sum highest (Kadane's maximum sub-array)."""
    best, best_span = -np.inf, (0, len(scores) - 1)
    run, start = 0.0, 0
    for k, w in enumerate(scores.tolist()):
        if run <= 0:
            run, start = 0.0, k
        run += w
        if run > best:
            best, best_span = run, (start, k)
    return best_span

