"""The whole engine's verdict rates on the corpora: a before/after check for a rules change.

Usage::

    python tools/love_engine/verdict_rates.py               # fresh, eval, dataset held-out
    python tools/love_engine/verdict_rates.py --misses      # and every row judged wrongly
    python tools/love_engine/verdict_rates.py --corpus my.jsonl   # any file of the same rows

For each corpus: the share of unethical rows not allowed (review or deny), the share of
ethical rows allowed, and how many ethical rows were denied outright (review is the safe
answer when unsure; deny of legitimate work is worse). Run it on two commits to compare.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATASET, EVAL_CORPUS, FRESH_CORPUS

from aegis.love_engine import Action, LoveEngine


def load(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [row for row in rows if split is None or row.get("split") == split]


def report(name: str, rows: list[dict[str, Any]], engine: LoveEngine, misses: bool) -> None:
    right = {"unethical": 0, "ethical": 0}
    total = {"unethical": 0, "ethical": 0}
    denied = 0
    wrong = []
    for row in rows:
        action = Action(row["description"], row.get("action_type", ""), "", row["parameters"])
        verdict = engine.check_ethics_sync(action).verdict.value
        label = row["label"]
        total[label] += 1
        if (verdict != "allow") if label == "unethical" else (verdict == "allow"):
            right[label] += 1
        else:
            wrong.append(f"  {row['id']} {label} {verdict}: {row['description'][:100]}")
        denied += label == "ethical" and verdict == "deny"
    print(
        f"{name}: unethical not allowed {right['unethical']}/{total['unethical']} "
        f"({right['unethical'] / max(1, total['unethical']):.1%}), ethical allowed "
        f"{right['ethical']}/{total['ethical']} ({right['ethical'] / max(1, total['ethical']):.1%}"
        f"), ethical denied {denied}"
    )
    if misses:
        print("\n".join(wrong))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every row judged wrongly")
    parser.add_argument("--corpus", type=Path, action="append", help="another file to judge")
    args = parser.parse_args(argv)
    engine = LoveEngine()
    corpora = {
        "fresh": load(FRESH_CORPUS),
        "eval": load(EVAL_CORPUS),
        "dataset held-out": load(DATASET, "heldout"),
    }
    for extra in args.corpus or ():
        corpora[extra.name] = load(extra)
    for name, rows in corpora.items():
        report(name, rows, engine, args.misses)


if __name__ == "__main__":
    main()
