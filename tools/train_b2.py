"""Train the B2 line classifier (corpuslint/weblines/model.json) from the vendored tuning pages.

usage: python tools/train_b2.py [--check]

The data is tools/data/aeb-tune.jsonl.gz: the crude text (html-text's output)
and the ground truth of the article-extraction benchmark's tuning half (page
ids starting 0-7; MIT licence in tools/data/aeb-LICENSE). The held-out half
(8-f) is never read here. A line's label is whether the article holds it: its
word 4-grams are mostly in the truth's, or (a short line) its words appear
there in order. The model is scikit-learn's gradient-boosted trees with a
fixed seed, exported as plain arrays that corpuslint evaluates with numpy
alone; the decision threshold is the one that maximises the benchmark's
shingle F1 with recall >= 0.97 over five-fold cross-validated probabilities
(so the threshold is not chosen on pages the trees were fitted to).
`--check` retrains and fails when the result differs from the shipped file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

from corpuslint.weblines import classify
from corpuslint.weblines.features import CONTEXT_NAMES, NAMES, context_features, line_features
from corpuslint.weblines.model import MODEL_PATH, Model, Trees

DATA = Path(__file__).parent / "data" / "aeb-tune.jsonl.gz"
TOKEN = re.compile(r"\w+")
TREES, DEPTH, RATE = 120, 4, 0.1
MIN_RECALL = 0.97
FOLDS = 5


def load() -> list[dict[str, str]]:
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        pages = [json.loads(line) for line in f]
    assert all(p["id"][0] in "01234567" for p in pages), "training data must be the tuning half"
    return pages


def labels(lines: list[str], rows: list[int], truth: str) -> np.ndarray:
    tokens = TOKEN.findall(truth)
    grams = {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}
    joined = " " + " ".join(tokens) + " "
    out = np.zeros(len(rows), dtype=np.int8)
    for k, row in enumerate(rows):
        words = TOKEN.findall(lines[row])
        if len(words) >= 4:
            own = [tuple(words[i:i + 4]) for i in range(len(words) - 3)]
            out[k] = sum(g in grams for g in own) / len(own) >= 0.5
        elif words:
            out[k] = f" {' '.join(words)} " in joined
    return out


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


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE,
                                       random_state=0)
    return model.fit(x, y, sample_weight=w)


@dataclass
class Page:
    lines: list[str]
    rows: list[int]
    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray
    index: int = 0

    def with_context(self, p: np.ndarray) -> np.ndarray:
        return np.hstack([self.x, context_features(self.x, p)])


Features = Callable[[Page], np.ndarray]


def fit_pages(pages: list[Page], features: Features) -> GradientBoostingClassifier:
    return fit(np.concatenate([features(p) for p in pages]), np.concatenate([p.y for p in pages]),
               np.concatenate([p.weight for p in pages]))


def out_of_fold(pages: list[Page], folds: np.ndarray, features: Features) -> dict[int, np.ndarray]:
    """Each page's probabilities from the model fitted to the other folds."""
    found = {}
    for fold in range(FOLDS):
        model = fit_pages([p for p in pages if folds[p.index] != fold], features)
        for page in pages:
            if folds[page.index] == fold:
                found[page.index] = model.predict_proba(features(page))[:, 1]
    return found


def choose_threshold(pages: list[dict[str, str]], per_page: list[Page],
                     probabilities: dict[int, np.ndarray]) -> tuple[float, float]:
    """The threshold with the best shingle F1 among those keeping recall >= MIN_RECALL."""
    best = (0.5, 0.0)
    for threshold in np.arange(0.05, 0.8, 0.025):
        pairs = []
        for page, p in zip(pages, per_page, strict=True):
            keep = classify.decide(p.lines, p.rows, p.x, probabilities[p.index], float(threshold))
            kept = "\n".join(p.lines[r] for r, k in zip(p.rows, keep, strict=True) if k)
            pairs.append((page["truth"], kept))
        f1, pr, rc = score(pairs)
        print(f"threshold {threshold:.3f}: F1 {f1:.3f} precision {pr:.3f} recall {rc:.3f}")
        if rc >= MIN_RECALL and f1 > best[1]:
            best = (float(threshold), f1)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped model differs")
    args = parser.parse_args(argv)
    pages = load()
    per_page = []
    for page in pages:
        lines = page["crude"].split("\n")
        rows, x = line_features(lines)
        per_page.append(Page(lines, rows, x, labels(lines, rows, page["truth"]), np.sqrt(x[:, 1] + 1), len(per_page)))
    folds = np.arange(len(pages)) % FOLDS
    # Out-of-fold first-stage verdicts: the second stage learns from verdicts like those it will see.
    first = out_of_fold(per_page, folds, lambda page: page.x)
    second = out_of_fold(per_page, folds, lambda page: page.with_context(first[page.index]))
    threshold, f1 = choose_threshold(pages, per_page, second)
    print(f"chosen threshold {threshold:.3f} (cross-validated F1 {f1:.3f})")
    stage1 = fit_pages(per_page, lambda page: page.x)
    full_first = {page.index: stage1.predict_proba(page.x)[:, 1] for page in per_page}
    stage2 = fit_pages(per_page, lambda page: page.with_context(full_first[page.index]))
    model = Model(Trees.from_sklearn(stage1, NAMES), Trees.from_sklearn(stage2, NAMES + CONTEXT_NAMES),
                  round(threshold, 3))
    text = model.dumps()
    if args.check:
        same = MODEL_PATH.read_text(encoding="utf-8") == text
        print("shipped model is up to date" if same else "shipped model differs: retrain")
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(text) // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
