"""Rule stops by label, and the engine's rates, on every corpus: a before/after for rules.

Usage::

    python tools/love_engine/rule_stops.py                  # one line per corpus
    python tools/love_engine/rule_stops.py --save after.json
    python tools/love_engine/rule_stops.py --compare before.json   # rows whose outcome moved

A *stop* is a rule finding of level review or deny, which alone keeps an action from being
allowed. For the dataset's train and held-out splits, the evaluation corpus and the fresh
corpus it prints the stops on unethical and on ethical rows and the engine's two rates
(unethical not allowed, ethical allowed). ``--save`` keeps each row's strongest rule level
and verdict; ``--compare`` lists the rows whose stop or verdict differs from a saved run.
The blind corpora are not read: they are measured once, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Example, load_eval_examples, load_examples, load_fresh_examples

from aegis.love_engine import LoveEngine
from aegis.love_engine.rules import Level

Outcome = dict[str, dict[str, list[object]]]


def _corpora() -> dict[str, list[Example]]:
    dataset = load_examples()
    return {
        "dataset train": [e for e in dataset if e.split == "train"],
        "dataset held-out": [e for e in dataset if e.split == "heldout"],
        "eval": load_eval_examples(),
        "fresh": load_fresh_examples(),
    }


def _measure(name: str, examples: list[Example], engine: LoveEngine, out: Outcome) -> None:
    bad = [e for e in examples if e.unethical]
    good = [e for e in examples if not e.unethical]
    verdicts = {e.id: engine.check_ethics_sync(e.action).verdict.value for e in examples}
    stop_bad = sum(e.rule_level >= Level.REVIEW for e in bad)
    stop_good = sum(e.rule_level >= Level.REVIEW for e in good)
    caught = sum(verdicts[e.id] != "allow" for e in bad)
    allowed = sum(verdicts[e.id] == "allow" for e in good)
    print(
        f"{name}: rule stops unethical {stop_bad}/{len(bad)}, ethical {stop_good}/{len(good)}"
        f" | engine: unethical not allowed {caught / len(bad):.1%},"
        f" ethical allowed {allowed / len(good):.1%}"
    )
    out[name] = {e.id: [e.rule_level, verdicts[e.id], e.unethical] for e in examples}


def _compare(before: Outcome, after: Outcome) -> None:
    for name, rows in after.items():
        for row_id, (level, verdict, unethical) in rows.items():
            old = before.get(name, {}).get(row_id)
            if old is None:
                continue
            old_level, old_verdict = int(str(old[0])), old[1]
            stopped, was_stopped = int(str(level)) >= Level.REVIEW, old_level >= Level.REVIEW
            if stopped == was_stopped and old_verdict == verdict:
                continue
            label = "unethical" if unethical else "ethical"
            print(f"  {name} {row_id} {label}: rule {old_level}->{level}, {old_verdict}->{verdict}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--save", type=Path, help="write each row's outcome to this file")
    parser.add_argument("--compare", type=Path, help="list rows that moved since this file")
    args = parser.parse_args(argv)
    engine = LoveEngine()
    outcome: Outcome = {}
    for name, examples in _corpora().items():
        _measure(name, examples, engine, outcome)
    if args.save:
        args.save.write_text(json.dumps(outcome), encoding="utf-8")
    if args.compare:
        _compare(json.loads(args.compare.read_text(encoding="utf-8")), outcome)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
