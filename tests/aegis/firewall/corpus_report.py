"""Scores the firewall on the corpora: ``python -m tests.aegis.firewall.corpus_report``.

Prints, per class, how many attacks were allowed and how many look-alikes were refused, then
every wrong case with the decision it got and the firewall's first reason. ``--block`` also
lists attacks marked ``block`` that only got ``review``. Exits 1 when any case is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from aegis.intent_firewall import Decision
from tests.aegis.firewall.corpus_cases import (
    ATTACK_CORPORA,
    BENIGN_CORPORA,
    judge,
    load_corpus,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--block", action="store_true", help="list block cases that got review")
    options = parser.parse_args(argv)
    wrong: list[str] = []
    for name in (*ATTACK_CORPORA, *BENIGN_CORPORA):
        corpus = load_corpus(name)
        total: Counter[str] = Counter()
        bad: Counter[str] = Counter()
        softer = []
        for case in corpus.cases:
            verdict = judge(corpus.policy, case)
            total[case.cls] += 1
            is_wrong = (verdict.decision is Decision.ALLOW) != (case.expect is Decision.ALLOW)
            if is_wrong:
                bad[case.cls] += 1
                first = verdict.reasons[0] if verdict.reasons else "no reasons"
                wrong.append(
                    f"{name:14} {case.id:40} expected {case.expect.value:6} "
                    f"got {verdict.decision.value:6} | {case.reason} | {first[:120]}"
                )
            elif case.expect is Decision.BLOCK and verdict.decision is Decision.REVIEW:
                softer.append(case.id)
        print(f"\n{name}: {sum(bad.values())} wrong of {len(corpus.cases)}")
        for cls in sorted(total):
            print(f"  {cls:20} {bad[cls]:4} wrong of {total[cls]:4}")
        if options.block and softer:
            print(f"  block cases answered review ({len(softer)}): {', '.join(softer)}")
    print()
    print("\n".join(wrong))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
