"""How the rules do on the training rows: each rule's hits by label, and what no rule finds.

Usage::

    python tools/love_engine/rule_report.py                 # precision per rule, misses
    python tools/love_engine/rule_report.py --show misses   # unethical rows no rule stops
    python tools/love_engine/rule_report.py --show alarms   # ethical rows a rule stops
    python tools/love_engine/rule_report.py --rule theft    # one rule's hits (reason text)

Only training rows are read (the dataset's train split and the evaluation corpus's train side):
rules are tuned on them, and the held-out rows stay unseen until the figures are reported.
A rule is named ``category/level/reason``; a *stop* is a finding of level review or deny, which
alone keeps an action from being allowed, whatever the learned model says.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Example, load_training_examples

from aegis.love_engine.engine import Action
from aegis.love_engine.reading import read_action
from aegis.love_engine.rules import Finding, Level
from aegis.love_engine.traverse import Limits


def findings_of(action: Action) -> list[Finding]:
    texts = (
        ("description", action.description),
        ("intent", action.intent),
        ("potential_impact", ""),
        ("state.context", ""),
    )
    return read_action(texts, action.parameters, Limits()).findings


def rule_name(finding: Finding) -> str:
    return f"{finding.category}/{finding.level.name.lower()}/{finding.reason}"


def _line(example: Example, found: Sequence[Finding]) -> str:
    where = "; ".join(f"{rule_name(f)} <{f.evidence}>" for f in found) or "-"
    text = " ".join(example.action.description.split())[:150]
    return f"  {example.id} [{example.category}] {text}\n      {where}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--show", choices=("misses", "alarms"), help="list rows of one kind")
    parser.add_argument("--rule", help="list the hits of rules whose name holds this text")
    parser.add_argument("--category", help="only rows of this category (with --show)")
    args = parser.parse_args(argv)

    rows = [(e, findings_of(e.action)) for e in load_training_examples()]
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # unethical, ethical rows hit
    for example, found in rows:
        for name in {rule_name(f) for f in found}:
            hits[name][0 if example.unethical else 1] += 1

    stopped = [(e, f) for e, f in rows if any(x.level >= Level.REVIEW for x in f)]
    unethical = [r for r in rows if r[0].unethical]
    ethical = [r for r in rows if not r[0].unethical]
    misses = [r for r in unethical if not any(x.level >= Level.REVIEW for x in r[1])]
    alarms = [r for r in stopped if not r[0].unethical]

    if args.rule:
        for example, found in rows:
            chosen = [f for f in found if args.rule in rule_name(f)]
            if chosen:
                print(("BAD " if example.unethical else "ok  ") + _line(example, chosen)[2:])
        return 0
    if args.show:
        chosen_rows = misses if args.show == "misses" else alarms
        for example, found in sorted(chosen_rows, key=lambda r: (r[0].category, r[0].id)):
            if args.category is None or example.category == args.category:
                print(_line(example, found))
        return 0

    print(f"training rows: {len(unethical)} unethical, {len(ethical)} ethical\n")
    print("| rule | unethical hit | ethical hit | precision |")
    print("|---|---|---|---|")
    for name, (bad, good) in sorted(hits.items(), key=lambda kv: -sum(kv[1])):
        print(f"| {name} | {bad} | {good} | {bad / (bad + good):.2f} |")
    stopped_bad = len(unethical) - len(misses)
    print(
        f"\nstopped by a rule: {stopped_bad}/{len(unethical)} unethical "
        f"({100 * stopped_bad / len(unethical):.1f}%), {len(alarms)}/{len(ethical)} ethical "
        f"({100 * len(alarms) / len(ethical):.1f}%)"
    )
    by_category = Counter(e.category for e, _ in unethical)
    missed = Counter(e.category for e, _ in misses)
    alarmed = Counter(e.category for e, _ in alarms)
    good_by_category = Counter(e.category for e, _ in ethical)
    print("\n| category | unethical not stopped | ethical stopped |")
    print("|---|---|---|")
    for category in sorted(by_category | good_by_category):
        print(
            f"| {category} | {missed[category]}/{by_category[category]} "
            f"| {alarmed[category]}/{good_by_category[category]} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
