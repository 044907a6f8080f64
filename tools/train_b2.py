"""Train the B2 line classifier (corpuslint/weblines/model.json) from the vendored tuning pages.

usage: python tools/train_b2.py [--check]

The data is tools/data/aeb-tune.jsonl.gz: the crude text (html-text's output)
and the ground truth of the article-extraction benchmark's tuning half (page
ids starting 0-7; MIT licence in tools/data/aeb-LICENSE). The held-out half
(8-f) is never read here. A line's label is whether the article holds it: its
word 4-grams are mostly in the truth's, or (a short line) its words appear
there in order. The model is scikit-learn's gradient-boosted trees with a
fixed seed, exported as plain arrays that corpuslint evaluates with numpy
alone; the decision's two thresholds (classify.decide) are those that
maximise the benchmark's shingle F1 with recall >= 0.97 over five-fold
cross-validated probabilities (so they are not chosen on pages the trees
were fitted to).
`--check` retrains and fails when the result differs from the shipped file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from aeb_metric import TOKEN, score
from sklearn.ensemble import GradientBoostingClassifier

from corpuslint.weblines import classify
from corpuslint.weblines.features import NAMES, line_features
from corpuslint.weblines.model import MODEL_PATH, Model, Trees

DATA = Path(__file__).parent / "data" / "aeb-tune.jsonl.gz"
TREES, DEPTH, RATE = 120, 4, 0.1
MIN_RECALL = 0.97
FOLDS = 5
KEEP_GRID = (0.1, 0.15, 0.2, 0.25, 0.3)
NEAR_GRID = (0.01, 0.02, 0.05)


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


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(n_estimators=TREES, max_depth=DEPTH, learning_rate=RATE,
                                       random_state=0)
    return model.fit(x, y, sample_weight=w)


@dataclass
class Page:
    """One tuning page: its lines, the non-blank rows' features, labels and weights."""

    lines: list[str]
    rows: list[int]
    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray
    index: int = 0


def fit_pages(pages: list[Page]) -> GradientBoostingClassifier:
    return fit(np.concatenate([p.x for p in pages]), np.concatenate([p.y for p in pages]),
               np.concatenate([p.weight for p in pages]))


def out_of_fold(pages: list[Page], folds: np.ndarray) -> dict[int, np.ndarray]:
    """Each page's probabilities from the model fitted to the other folds."""
    found = {}
    for fold in range(FOLDS):
        model = fit_pages([p for p in pages if folds[p.index] != fold])
        for page in pages:
            if folds[page.index] == fold:
                found[page.index] = model.predict_proba(page.x)[:, 1]
    return found


def choose_thresholds(pages: list[dict[str, str]], per_page: list[Page],
                      probabilities: dict[int, np.ndarray]) -> tuple[tuple[float, float], float]:
    """The (keep, near) pair with the best shingle F1 among those keeping recall >= MIN_RECALL."""
    best = ((0.5, 0.5), 0.0)
    for keep_at in KEEP_GRID:
        for near_at in NEAR_GRID:
            pairs = []
            for page, p in zip(pages, per_page, strict=True):
                keep = classify.decide(p.lines, p.rows, p.x, probabilities[p.index], keep_at, near_at)
                kept = "\n".join(p.lines[r] for r, k in zip(p.rows, keep, strict=True) if k)
                pairs.append((page["truth"], kept))
            f1, pr, rc = score(pairs)
            print(f"keep {keep_at:.3f} near {near_at:.3f}: F1 {f1:.3f} precision {pr:.3f} recall {rc:.3f}")
            if rc >= MIN_RECALL and f1 > best[1]:
                best = ((keep_at, near_at), f1)
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
        y = labels(lines, rows, page["truth"])
        # Each page weighs the same, as in the benchmark's mean over pages; within it, a line by its words.
        words = x[:, 1] + 1
        per_page.append(Page(lines, rows, x, y, words / max(1.0, float(words @ y)) * 100, len(per_page)))
    folds = np.arange(len(pages)) % FOLDS
    (keep, near), f1 = choose_thresholds(pages, per_page, out_of_fold(per_page, folds))
    print(f"chosen thresholds keep {keep:.3f} near {near:.3f} (cross-validated F1 {f1:.3f})")
    model = Model(Trees.from_sklearn(fit_pages(per_page), NAMES), keep, near)
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
