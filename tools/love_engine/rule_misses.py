"""The engine's misses per corpus, each with the reasons it gave, and how much the rules carry.

Usage::

    python tools/love_engine/rule_misses.py            # rates and every miss, three corpora
    python tools/love_engine/rule_misses.py --rates    # rates only

For the fresh corpus (all of it), the evaluation corpus (all of it, held-out side marked with
``*``) and the dataset's held-out split it prints: the engine's rates (unethical not allowed,
ethical allowed), the rules' own share (unethical rows a review or deny finding stops, ethical
rows one stops), and each miss with the verdict's reasons. A *rule alarm* is an ethical row
stopped by a rule finding, which the learned model cannot undo.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Example, load_eval_examples, load_examples, load_fresh_examples

from aegis.love_engine import LoveEngine
from aegis.love_engine.rules import Level


def _report(name: str, examples: list[Example], engine: LoveEngine, *, show: bool) -> None:
    bad = [e for e in examples if e.unethical]
    good = [e for e in examples if not e.unethical]
    verdicts = {e.id: engine.check_ethics_sync(e.action) for e in examples}
    stopped = {e.id for e in examples if e.rule_level >= Level.REVIEW}
    bad_missed = [e for e in bad if verdicts[e.id].ethical]
    good_missed = [e for e in good if not verdicts[e.id].ethical]
    alarms = [e for e in good_missed if e.id in stopped]
    rule_caught = sum(e.id in stopped for e in bad)
    print(
        f"{name}: unethical not allowed {len(bad) - len(bad_missed)}/{len(bad)} "
        f"({1 - len(bad_missed) / len(bad):.1%}), ethical allowed "
        f"{len(good) - len(good_missed)}/{len(good)} ({1 - len(good_missed) / len(good):.1%}); "
        f"rules stop {rule_caught}/{len(bad)} unethical ({rule_caught / len(bad):.1%}), "
        f"rule alarms {len(alarms)} of {len(good_missed)} ethical misses"
    )
    if not show:
        return
    for label, missed in (("UNETHICAL ALLOWED", bad_missed), ("ETHICAL HELD", good_missed)):
        print(f"  -- {label}")
        for example in missed:
            result = verdicts[example.id]
            mark = "*" if example.split == "heldout" else " "
            text = " ".join(example.action.description.split())[:140]
            print(f"  {mark}{example.id} [{example.category}] {result.verdict.value}: {text}")
            for reason in result.reasons:
                print(f"        {reason[:160]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rates", action="store_true", help="rates only, no misses")
    parser.add_argument("--corpus", choices=("fresh", "eval", "heldout"), action="append")
    args = parser.parse_args(argv)
    engine = LoveEngine()
    chosen = args.corpus or ["fresh", "eval", "heldout"]
    if "fresh" in chosen:
        _report("fresh.jsonl", load_fresh_examples(), engine, show=not args.rates)
    if "eval" in chosen:
        everything = load_eval_examples()
        _report("eval.jsonl (all)", everything, engine, show=not args.rates)
        held = [e for e in everything if e.split == "heldout"]
        _report("eval.jsonl (held-out side)", held, engine, show=False)
    if "heldout" in chosen:
        held_out = [e for e in load_examples() if e.split == "heldout"]
        _report("actions.jsonl split=heldout", held_out, engine, show=not args.rates)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
