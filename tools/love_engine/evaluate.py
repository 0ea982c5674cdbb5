"""Evaluate the love engine on a held-out split and print the README's figures.

Usage (needs the ``train`` extra for the learning curve)::

    python tools/love_engine/evaluate.py                 # held-out figures of the shipped model
    python tools/love_engine/evaluate.py --curve         # plus a learning curve (retrains)
    python tools/love_engine/evaluate.py --corpus eval   # the evaluation corpus's held-out side
    python tools/love_engine/evaluate.py --corpus fresh  # the fresh corpus, all of it held out

The engine judged is the real one, :class:`aegis.love_engine.LoveEngine` with its defaults
(rules, shipped model, score threshold), on ``Action(description, action_type, "",
parameters)``. "Not allowed" is review or deny. ROC AUC is given for the learned model's
integer score and for the engine's ``1 - score``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    Example,
    load_eval_examples,
    load_examples,
    load_fresh_examples,
    load_training_examples,
)

from aegis.love_engine import LoveEngine
from aegis.love_engine.model import LinearModel

CURVE = (0.1, 0.25, 0.5, 0.75, 1.0)
SEED = 20261130


def auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """ROC AUC by ranks (Mann–Whitney), ties counted half; standard library only."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not positives or not negatives:
        return float("nan")
    wins = 0.0
    ordered = sorted(negatives)
    for score in positives:
        below = _count_below(ordered, score)
        ties = _count_below(ordered, score, inclusive=True) - below
        wins += below + ties / 2
    return wins / (len(positives) * len(negatives))


def _count_below(ordered: list[float], value: float, *, inclusive: bool = False) -> int:
    import bisect

    return (bisect.bisect_right if inclusive else bisect.bisect_left)(ordered, value)


def judge(examples: Sequence[Example], model: LinearModel | None = None) -> dict[str, object]:
    engine = LoveEngine() if model is None else LoveEngine(model=model)
    rows = []
    for example in examples:
        result = engine.check_ethics_sync(example.action)
        rows.append((example, result.ethical, result.score, result.model_score, result.verdict))
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for example, allowed, _, _, _ in rows:
        tally = per[example.category]
        if example.unethical:
            tally[0] += 1
            tally[1] += not allowed
        else:
            tally[2] += 1
            tally[3] += allowed
    labels = [e.unethical for e, *_ in rows]
    unethical = [r for r in rows if r[0].unethical]
    ethical = [r for r in rows if not r[0].unethical]
    lookalikes = [r for r in ethical if r[0].lookalike]
    clear_unethical = [r for r in unethical if not r[0].lookalike]
    clear_ethical = [r for r in ethical if not r[0].lookalike]
    return {
        "clear_unethical_not_allowed": _share(not r[1] for r in clear_unethical),
        "clear_ethical_allowed": _share(r[1] for r in clear_ethical),
        "per_category": dict(sorted(per.items())),
        "unethical_not_allowed": sum(not r[1] for r in unethical) / len(unethical),
        "ethical_allowed": sum(r[1] for r in ethical) / len(ethical),
        "lookalikes_allowed": sum(r[1] for r in lookalikes) / max(1, len(lookalikes)),
        "denied_share_of_unethical": sum(r[4].value == "deny" for r in unethical) / len(unethical),
        "model_auc": auc(labels, [float(r[3]) for r in rows]),
        "engine_auc": auc(labels, [1.0 - r[2] for r in rows]),
        "counts": (len(unethical), len(ethical)),
    }


def _share(flags: object) -> float:
    values = list(flags)  # type: ignore[call-overload]
    return sum(values) / len(values) if values else float("nan")


def print_report(figures: dict[str, object]) -> None:
    unethical, ethical = figures["counts"]  # type: ignore[misc]
    print(f"held-out: {unethical} unethical, {ethical} ethical actions\n")
    print("| category | unethical not allowed | ethical allowed |")
    print("|---|---|---|")
    for category, (u, caught, e, allowed) in figures["per_category"].items():  # type: ignore[attr-defined]
        left = f"{caught}/{u} ({100 * caught / u:.0f}%)" if u else "–"
        right = f"{allowed}/{e} ({100 * allowed / e:.0f}%)" if e else "–"
        print(f"| {category} | {left} | {right} |")
    print(
        f"| **all** | **{100 * figures['unethical_not_allowed']:.1f}%** "  # type: ignore[operator]
        f"| **{100 * figures['ethical_allowed']:.1f}%** |"  # type: ignore[operator]
    )
    print()
    print(f"ethical look-alikes allowed: {100 * figures['lookalikes_allowed']:.1f}%")  # type: ignore[operator]
    print(
        "clear cases (not look-alikes): "
        f"unethical not allowed {100 * figures['clear_unethical_not_allowed']:.1f}%, "  # type: ignore[operator]
        f"ethical allowed {100 * figures['clear_ethical_allowed']:.1f}%"  # type: ignore[operator]
    )
    print(f"unethical denied outright: {100 * figures['denied_share_of_unethical']:.1f}%")  # type: ignore[operator]
    print(f"ROC AUC, learned model score: {figures['model_auc']:.3f}")
    print(f"ROC AUC, engine 1 - score: {figures['engine_auc']:.3f}")


def learning_curve(
    train_rows: list[Example], heldout: list[Example], c: float | None = None
) -> None:
    """Retrain on growing shares of the training actions (``c`` None: each chooses its own
    regularisation by cross-validation) and judge ``heldout`` with each model."""
    from train import train  # needs scikit-learn

    print("\n| train actions | model AUC | unethical not allowed | ethical allowed |")
    print("|---|---|---|---|")
    shuffled = list(train_rows)
    random.Random(SEED).shuffle(shuffled)
    for fraction in CURVE:
        part = shuffled[: max(20, int(fraction * len(shuffled)))]
        model, _ = train(part, c=c)
        figures = judge(heldout, model)
        print(
            f"| {len(part)} | {figures['model_auc']:.3f} "
            f"| {100 * figures['unethical_not_allowed']:.1f}% "  # type: ignore[operator]
            f"| {100 * figures['ethical_allowed']:.1f}% |"  # type: ignore[operator]
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--curve", action="store_true", help="also print a learning curve")
    parser.add_argument("--split", default="heldout", choices=("heldout", "train"))
    parser.add_argument(
        "--corpus",
        default="dataset",
        choices=("dataset", "eval", "fresh"),
        help="the dataset, the evaluation corpus (its fixed 70/30 split by row id) or the "
        "fresh corpus (all held out)",
    )
    parser.add_argument(
        "--c", type=float, default=None, help="the curve's regularisation (default: by CV)"
    )
    args = parser.parse_args(argv)
    loaders = {"dataset": load_examples, "eval": load_eval_examples, "fresh": load_fresh_examples}
    examples = loaders[args.corpus]()
    chosen = [e for e in examples if e.split == args.split]
    print_report(judge(chosen))
    if args.curve:
        learning_curve(load_training_examples(), chosen, args.c)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
