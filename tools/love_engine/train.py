"""Train the love engine's linear model on the dataset's train split and write it as integers.

Usage (scikit-learn comes with the ``train`` extra: ``pip install -e ".[train]"``)::

    python tools/love_engine/train.py            # writes src/aegis/love_engine/data/model.tsv

Features are the engine's own: distinct stems and adjacent stem pairs of every text an action
carries, read by :func:`aegis.love_engine.reading.read`. A feature must occur in at least
``--min-count`` training actions. The regularisation strength is chosen by stratified 5-fold
cross-validation on the train split (ROC AUC); the decision threshold from the same
out-of-fold scores, combined with the rules as the engine combines them, so that the held-out
split is never looked at. Coefficients are scaled by ``--scale`` and rounded to integers.
The run is deterministic: fixed folds, a deterministic solver, sorted features.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import MODEL_PATH, Example, engine_blocks, load_examples  # noqa: E402

from aegis.love_engine.model import LinearModel  # noqa: E402

C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
FOLDS = 5
SEED = 20261130


def vocabulary(examples: Sequence[Example], min_count: int) -> list[str]:
    counts = Counter(feature for example in examples for feature in example.features)
    return sorted(feature for feature, count in counts.items() if count >= min_count)


def matrix(examples: Sequence[Example], index: dict[str, int]) -> csr_matrix:
    rows, cols = [], []
    for row, example in enumerate(examples):
        for feature in example.features:
            column = index.get(feature)
            if column is not None:
                rows.append(row)
                cols.append(column)
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(examples), len(index)))


def fit(x: csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000)
    return model.fit(x, y)


def out_of_fold(examples: Sequence[Example], min_count: int, c: float) -> np.ndarray:
    """Each training example's decision value from a model that did not see it."""
    labels = np.array([e.unethical for e in examples])
    scores = np.zeros(len(examples))
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for fit_rows, score_rows in folds.split(np.zeros(len(examples)), labels):
        part = [examples[i] for i in fit_rows]
        index = {f: i for i, f in enumerate(vocabulary(part, min_count))}
        model = fit(matrix(part, index), labels[fit_rows], c)
        scores[score_rows] = model.decision_function(
            matrix([examples[i] for i in score_rows], index)
        )
    return scores


def choose_threshold(examples: Sequence[Example], scores: np.ndarray, scale: int) -> int:
    """The integer threshold that best balances the two rates the engine is held to.

    Maximises the smaller of "unethical not allowed" and "ethical allowed" over the train
    split's out-of-fold scores, with the rules applied as the engine applies them.
    """
    best, best_value = 0, -1.0
    integers = np.round(scores * scale).astype(int)
    for candidate in sorted(set(integers.tolist())):
        blocked = [engine_blocks(e, s, candidate) for e, s in zip(examples, integers, strict=True)]
        caught = np.mean([b for b, e in zip(blocked, examples, strict=True) if e.unethical])
        allowed = np.mean([not b for b, e in zip(blocked, examples, strict=True) if not e.unethical])
        value = min(caught, allowed) + 1e-3 * (caught + allowed)
        if value > best_value:
            best, best_value = candidate, value
    return int(best)


def train(
    examples: Sequence[Example], min_count: int, scale: int, c: float | None = None
) -> tuple[LinearModel, dict[str, float]]:
    """Fit on ``examples``; ``c`` None chooses it by cross-validation."""
    labels = np.array([e.unethical for e in examples])
    report: dict[str, float] = {}
    if c is None:
        aucs = {}
        for candidate in C_GRID:
            aucs[candidate] = float(
                roc_auc_score(labels, out_of_fold(examples, min_count, candidate))
            )
        c = max(C_GRID, key=lambda k: (aucs[k], -k))
        report.update({f"cv_auc_C={k:g}": v for k, v in aucs.items()})
    report["C"] = c
    oof = out_of_fold(examples, min_count, c)
    threshold = choose_threshold(examples, oof, scale)
    names = vocabulary(examples, min_count)
    model = fit(matrix(examples, {f: i for i, f in enumerate(names)}), labels, c)
    weights = {
        name: int(round(coefficient * scale))
        for name, coefficient in zip(names, model.coef_[0], strict=True)
        if round(coefficient * scale) != 0
    }
    linear = LinearModel(weights, int(round(model.intercept_[0] * scale)), threshold, scale)
    report.update(features=len(weights), threshold=threshold, cv_auc=float(roc_auc_score(labels, oof)))
    return linear, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    examples = [e for e in load_examples() if e.split == "train"]
    model, report = train(examples, args.min_count, args.scale)
    args.out.write_text(model.dump(), encoding="utf-8")
    for key, value in report.items():
        print(f"{key}\t{value:g}" if isinstance(value, float) else f"{key}\t{value}")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
