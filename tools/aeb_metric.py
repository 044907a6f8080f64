"""The article-extraction benchmark's shingle F1, as its evaluate.py defines it (MIT, Scrapinghub).

A page's true positives, false positives and false negatives are counted over
word 4-grams (with multiplicity) of the truth and the prediction; precision
and recall are averaged over pages, so every page weighs the same whatever its
length. Shared by tools/train_b2.py and the test that holds B2's F1.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)))


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """The benchmark's shingle F1, precision and recall (evaluate.py's definitions)."""
    precisions, recalls = [], []
    for truth, pred in pairs:
        t, p = shingles(truth), shingles(pred)
        tp = sum((t & p).values())
        fp, fn = sum((p - t).values()), sum((t - p).values())
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    pr, rc = float(np.mean(precisions)), float(np.mean(recalls))
    return 2 * pr * rc / (pr + rc), pr, rc
