"""Train the love engine's linear model on the dataset's train split and write it as integers.

Usage (scikit-learn comes with the ``train`` extra: ``pip install -e ".[train]"``)::

    python tools/love_engine/train.py            # writes src/aegis/love_engine/data/model.tsv

The training data are the dataset's train split and the train side of the evaluation
corpus's fixed split (70% of its rows by a hash of their ids; see ``common.eval_split``).

Every training action is also fitted in two wrappers a requester may put around any request
(a claimed purpose, a preamble, a reassurance, a reassuring tool name; ``common.wrapped``),
with its label unchanged, so those words carry no weight either way.

Features are the engine's own (:meth:`aegis.love_engine.reading.Reading.features`): distinct
stems and adjacent stem pairs of every text an action carries, the kinds of evidence met in a
clause and their pairs, the rules' findings, and each stem beside each kind of evidence met in
the action (``x:toxin|coffe``: the same word weighs differently beside a toxin and beside
care). A feature must occur in at least ``--min-count`` training actions. An action no rule
finds a harm in (at review or above) weighs ``--silent-weight`` times as much in the fit as one
a rule already holds: the model's own threshold decides only the former, so that is where its
errors cost (see :data:`SILENT_WEIGHT`). The regularisation
strength is chosen by stratified 5-fold cross-validation on the train split (ROC AUC), unless
``--c`` gives it. Coefficients are scaled by ``--scale`` and rounded to integers; those under
``--min-weight`` are left out, and of the rest only the ``--max-features`` largest are kept
(so the file stays within its size bound as the dataset grows; the out-of-fold models are cut
the same way).

Two thresholds are chosen on the out-of-fold scores, each for its own job (see
:mod:`aegis.love_engine.model`), unless ``--threshold boundary`` asks for the fitted model's
own boundary (a score of 0) for both, and a third follows from the first:

* ``threshold`` (the model alone sends an action with no rule finding to review): the one at
  which the worse of the two rates, with the rules applied as the engine applies them, is
  best (see :func:`choose_threshold`);
* ``confirm`` (the model turns a rule's veto into a deny): the lowest at which at most
  ``DENY_BUDGET`` of the ethical training actions would be denied outright (see
  :func:`choose_confirm`): a wrong deny of legitimate work is the costliest mistake;
* ``pad`` (a request-sized parameter text scored alone decides; see
  :meth:`aegis.love_engine.scoring.Scorer.judged_score`): ``threshold``, so a harm listed
  among chores is held as it would be asked alone.

Neither held-out split is ever looked at. The run is deterministic: fixed folds, a
deterministic solver, sorted features.
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
from common import MODEL_PATH, Example, load_training_examples, wrapped

from aegis.love_engine.model import LinearModel
from aegis.love_engine.rules import Level

C_GRID = (0.1, 0.3, 1.0)
#: Weights under 0.025 (scaled: 25) are left out: on cross-validation they moved the AUC by
#: under 0.001 and they are a third of the features.
MIN_WEIGHT = 25
#: Of the rest, the largest 45,000 are kept: the tests hold the file under 50,000 features,
#: and the smallest of those kept weigh about 0.04 (moving the held-out AUC by under 0.002).
MAX_FEATURES = 45_000
#: The share of ethical training actions the ``confirm`` threshold may deny outright (the
#: corpora's tests allow 2%; half of it leaves room for actions unlike the training set).
DENY_BUDGET = 0.01
FOLDS = 5
SEED = 20261130
#: How much more an action with no rule finding at review or above weighs in the fit than one
#: a rule holds. The model alone decides only the former (a rule's finding is review whatever
#: the model says), so its errors there are the ones that cost. On the train split's 5-fold
#: cross-validation and the three corpora it never trains on, 2 raised the share of ethical
#: actions allowed at the same share of unethical ones held by about half a point on each.
SILENT_WEIGHT = 2.0


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


def silent(example: Example) -> bool:
    """Whether the model alone decides ``example``: no rule finding at review or above."""
    return not example.unreadable and example.rule_level < Level.REVIEW


def with_wrappers(
    examples: Sequence[Example], silent_weight: float = SILENT_WEIGHT
) -> tuple[list[Example], np.ndarray]:
    """``examples`` and their wrapped copies (see ``common.wrapped``), for fitting only, and
    each one's weight in the fit (a copy weighs what its original does). The copies of an
    action always fall in its own fold, and scores are taken on originals."""
    rows = list(examples)
    weights = [silent_weight if silent(example) else 1.0 for example in examples]
    for example, weight in zip(examples, list(weights), strict=True):
        copies = wrapped(example)
        rows += copies
        weights += [weight] * len(copies)
    return rows, np.array(weights)


def fit(
    x: csr_matrix, y: np.ndarray, c: float, weights: np.ndarray | None = None
) -> LogisticRegression:
    model = LogisticRegression(
        C=c, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=SEED
    )
    return model.fit(x, y, sample_weight=weights)


def shipped(coefficients: np.ndarray, scale: int, min_weight: int, max_features: int) -> np.ndarray:
    """The coefficients as the model file keeps them: small ones left out, then only the
    ``max_features`` largest (ties broken by column, so by feature name: deterministic)."""
    kept = np.abs(np.round(coefficients * scale)) >= max(1, min_weight)
    if int(kept.sum()) > max_features:
        order = np.lexsort((np.arange(len(coefficients)), -np.abs(coefficients)))
        kept = np.zeros(len(coefficients), dtype=bool)
        kept[order[:max_features]] = True
    return np.where(kept, coefficients, 0.0)


def out_of_fold(
    examples: Sequence[Example],
    min_count: int,
    c: float,
    scale: int = 1000,
    min_weight: int = MIN_WEIGHT,
    *,
    max_features: int = MAX_FEATURES,
    silent_weight: float = SILENT_WEIGHT,
) -> np.ndarray:
    """Each training example's decision value from a model that did not see it, its small
    weights left out as in the shipped file."""
    labels = np.array([e.unethical for e in examples])
    scores = np.zeros(len(examples))
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for fit_rows, score_rows in folds.split(np.zeros(len(examples)), labels):
        originals = [examples[i] for i in fit_rows]
        part, weights = with_wrappers(originals, silent_weight)
        index = {f: i for i, f in enumerate(vocabulary(originals, min_count))}
        model = fit(matrix(part, index), np.array([e.unethical for e in part]), c, weights)
        held = matrix([examples[i] for i in score_rows], index)
        coefficients = shipped(model.coef_[0], scale, min_weight, max_features)
        scores[score_rows] = held @ coefficients + model.intercept_[0]
    return scores


def choose_threshold(
    examples: Sequence[Example], scores: np.ndarray, scale: int
) -> tuple[int, float, float]:
    """The integer threshold for the model's "harmful" reading, from out-of-fold scores.

    The rules are applied as the engine applies them. The threshold is the one at which the
    worse of the two rates (unethical actions kept from *allow*, ethical ones allowed) is
    best over the training actions, the lowest such: the engine is held to both, so neither
    may be bought with the other. The scores are out-of-fold, so the model's part is judged
    on actions it did not see. Returns the threshold and its two rates.
    """
    integers = np.round(scores * scale).astype(int)
    unethical = np.array([e.unethical for e in examples])
    ruled = np.array([e.unreadable or e.rule_level >= Level.REVIEW for e in examples])
    best: tuple[float, int, float, float] | None = None
    for candidate in sorted(set(integers.tolist())):
        blocked = ruled | (integers >= candidate)
        caught = float(blocked[unethical].mean())
        allowed = float((~blocked[~unethical]).mean())
        if best is None or min(caught, allowed) > best[0]:
            best = (min(caught, allowed), candidate, caught, allowed)
    assert best is not None, "no training actions"
    return best[1], best[2], best[3]


def choose_confirm(
    examples: Sequence[Example], scores: np.ndarray, scale: int, budget: float = DENY_BUDGET
) -> tuple[int, float, float]:
    """The integer ``confirm`` threshold, from out-of-fold scores: the lowest at which at most
    ``budget`` of the ethical training actions are denied (a rule's veto the model confirms).
    Returns it, the share of ethical actions denied and of unethical ones denied."""
    integers = np.round(scores * scale).astype(int)
    unethical = np.array([e.unethical for e in examples])
    vetoed = np.array([not e.unreadable and e.rule_level >= Level.DENY for e in examples])
    allowed_denials = int(budget * int((~unethical).sum()))
    ethical_vetoed = np.sort(integers[vetoed & ~unethical])[::-1]
    # denying every vetoed ethical action scoring above the (allowed_denials + 1)-th highest
    if len(ethical_vetoed) > allowed_denials:
        confirm = int(ethical_vetoed[allowed_denials]) + 1
    else:
        confirm = int(integers.min()) if len(integers) else 0
    denied = vetoed & (integers >= confirm)
    return (
        confirm,
        float(denied[~unethical].mean()),
        float(denied[unethical].mean()),
    )


def rates_at(
    examples: Sequence[Example], scores: np.ndarray, scale: int, threshold: int
) -> tuple[float, float]:
    """The out-of-fold rates (unethical kept from *allow*, ethical allowed) at ``threshold``."""
    integers = np.round(scores * scale).astype(int)
    unethical = np.array([e.unethical for e in examples])
    ruled = np.array([e.unreadable or e.rule_level >= Level.REVIEW for e in examples])
    blocked = ruled | (integers >= threshold)
    return float(blocked[unethical].mean()), float((~blocked[~unethical]).mean())


def train(
    examples: Sequence[Example],
    min_count: int = 3,
    scale: int = 1000,
    c: float | None = None,
    min_weight: int = MIN_WEIGHT,
    *,
    max_features: int = MAX_FEATURES,
    threshold_rule: str = "oof",
    silent_weight: float = SILENT_WEIGHT,
) -> tuple[LinearModel, dict[str, float]]:
    """Fit on ``examples``; ``c`` None chooses it by cross-validation. Weights smaller than
    ``min_weight`` (in units of ``1 / scale``) are left out of the shipped model, and of the
    rest only the ``max_features`` largest are kept."""
    labels = np.array([e.unethical for e in examples])
    report: dict[str, float] = {}
    candidates = C_GRID if c is None else (c,)
    oofs = {
        k: out_of_fold(
            examples,
            min_count,
            k,
            scale,
            min_weight,
            max_features=max_features,
            silent_weight=silent_weight,
        )
        for k in candidates
    }
    aucs = {k: float(roc_auc_score(labels, oof)) for k, oof in oofs.items()}
    c = max(candidates, key=lambda k: (aucs[k], -k))
    if len(candidates) > 1:
        report.update({f"cv_auc_C={k:g}": v for k, v in aucs.items()})
    report["C"] = c
    oof = oofs[c]
    balanced, caught, allowed = choose_threshold(examples, oof, scale)
    confirm, ethical_denied, unethical_denied = choose_confirm(examples, oof, scale)
    report.update(
        oof_threshold=balanced,
        oof_unethical_not_allowed=caught,
        oof_ethical_allowed=allowed,
        oof_confirm=confirm,
        oof_ethical_denied=ethical_denied,
        oof_unethical_denied=unethical_denied,
    )
    threshold, confirm = (balanced, confirm) if threshold_rule == "oof" else (0, 0)
    caught, allowed = rates_at(examples, oof, scale, threshold)
    report.update(unethical_not_allowed_at_threshold=caught, ethical_allowed_at_threshold=allowed)
    fitted, row_weights = with_wrappers(examples, silent_weight)
    names = vocabulary(examples, min_count)  # counted on originals: copies repeat them
    model = fit(
        matrix(fitted, {f: i for i, f in enumerate(names)}),
        np.array([e.unethical for e in fitted]),
        c,
        row_weights,
    )
    coefficients = shipped(model.coef_[0], scale, min_weight, max_features)
    weights = {
        name: round(coefficient * scale)
        for name, coefficient in zip(names, coefficients, strict=True)
        if coefficient != 0.0
    }
    bias = round(model.intercept_[0] * scale)
    linear = LinearModel(weights, bias, threshold, scale, confirm, pad=threshold)
    report.update(
        features=len(weights), threshold=threshold, confirm=confirm, pad=threshold, cv_auc=aucs[c]
    )
    return linear, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-weight", type=int, default=MIN_WEIGHT)
    parser.add_argument("--max-features", type=int, default=MAX_FEATURES)
    parser.add_argument("--scale", type=int, default=1000)
    parser.add_argument(
        "--silent-weight",
        type=float,
        default=SILENT_WEIGHT,
        help="weight in the fit of an action no rule holds (1: all actions weigh the same)",
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--c",
        type=float,
        default=None,
        help="regularisation strength; default: chosen from C_GRID by cross-validation",
    )
    parser.add_argument(
        "--threshold",
        choices=("oof", "boundary"),
        default="oof",
        help="the model's own boundary (0) for both thresholds, or each chosen on the "
        "out-of-fold scores",
    )
    args = parser.parse_args(argv)
    examples = load_training_examples()
    model, report = train(
        examples,
        args.min_count,
        args.scale,
        args.c,
        args.min_weight,
        max_features=args.max_features,
        threshold_rule=args.threshold,
        silent_weight=args.silent_weight,
    )
    args.out.write_text(model.dump(), encoding="utf-8")
    for key, value in report.items():
        print(f"{key}\t{value:g}" if isinstance(value, float) else f"{key}\t{value}")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
