"""The B2 line classifier's trees, shipped as JSON and evaluated with numpy alone.

tools/train_b2.py fits scikit-learn's gradient-boosted trees and exports them
here, with the thresholds it chose; at run time there is no scikit-learn and no network: the trees are
flat arrays (one entry per node, leaves pointing at themselves), so every
tree walks every line at once in `depth` vectorised steps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class Trees:
    """A boosted ensemble: p(content) = sigmoid(bias + rate * sum of each tree's leaf)."""

    names: tuple[str, ...]
    bias: float
    rate: float
    depth: int
    roots: np.ndarray
    feature: np.ndarray
    split: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """p(the line belongs to the article) for each row of features."""
        if not len(x):
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (len(x), len(self.roots)))
        rows = np.arange(len(x))[:, None]
        for _ in range(self.depth):
            go_left = x[rows, self.feature[node]] <= self.split[node]
            node = np.where(go_left, self.left[node], self.right[node])
        raw = self.bias + self.rate * self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))

    @classmethod
    def from_sklearn(cls, model: Any, names: tuple[str, ...]) -> Trees:
        """Flatten a fitted binary GradientBoostingClassifier (training time only)."""
        roots: list[int] = []
        feature: list[int] = []
        split: list[float] = []
        left: list[int] = []
        right: list[int] = []
        value: list[float] = []
        for estimator in model.estimators_[:, 0]:
            tree, base = estimator.tree_, len(feature)
            roots.append(base)
            for node in range(tree.node_count):
                leaf = tree.children_left[node] < 0
                feature.append(0 if leaf else int(tree.feature[node]))
                split.append(float("inf") if leaf else float(tree.threshold[node]))
                left.append(base + node if leaf else base + int(tree.children_left[node]))
                right.append(base + node if leaf else base + int(tree.children_right[node]))
                value.append(float(tree.value[node].ravel()[0]) if leaf else 0.0)
        bias = float(model._raw_predict_init(np.zeros((1, len(names)), dtype=np.float32))[0, 0])
        return cls(names, bias, float(model.learning_rate), int(model.max_depth),
                   np.array(roots), np.array(feature), np.array(split), np.array(left),
                   np.array(right), np.array(value))

    def to_json(self) -> dict[str, Any]:
        return {
            "names": list(self.names), "bias": round(self.bias, 8),
            "rate": self.rate, "depth": self.depth, "roots": self.roots.tolist(),
            "feature": self.feature.tolist(),
            "split": [None if np.isinf(s) else round(float(s), 6) for s in self.split],
            "left": self.left.tolist(), "right": self.right.tolist(),
            "value": [round(float(v), 6) for v in self.value],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Trees:
        split = np.array([np.inf if s is None else s for s in data["split"]], dtype=np.float64)
        return cls(tuple(data["names"]), data["bias"], data["rate"], data["depth"],
                   np.array(data["roots"], dtype=np.intp), np.array(data["feature"], dtype=np.intp),
                   split, np.array(data["left"], dtype=np.intp), np.array(data["right"], dtype=np.intp),
                   np.array(data["value"], dtype=np.float64))


@dataclass(frozen=True)
class Model:
    """The trees and the two thresholds of the decision (see classify.decide)."""

    trees: Trees
    keep: float
    near: float

    def dumps(self) -> str:
        data = {"keep": self.keep, "near": self.near, "trees": self.trees.to_json()}
        return json.dumps(data, separators=(",", ":")) + "\n"

    @classmethod
    def loads(cls, text: str) -> Model:
        data = json.loads(text)
        return cls(Trees.from_json(data["trees"]), data["keep"], data["near"])


@cache
def shipped() -> Model:
    """The model in the package, loaded once per process."""
    return Model.loads(MODEL_PATH.read_text(encoding="utf-8"))
