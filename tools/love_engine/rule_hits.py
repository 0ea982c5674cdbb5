"""Each rule's stops on every labelled corpus, by label: how broad a rule is, before it lands.

Usage::

    python tools/love_engine/rule_hits.py                   # the ordinary-verb rules
    python tools/love_engine/rule_hits.py --rule "slur"     # rules whose reason holds this
    python tools/love_engine/rule_hits.py --show ethical    # and the ethical rows they stop

Reads the dataset (both splits), the evaluation corpus and the fresh corpus, never the blind
corpora: those are measured once, not tuned on. A *stop* is a finding of level review or deny
(it alone keeps an action from being allowed). A rule that stops more than a few ethical rows
is too broad: its words are the honest work's words too.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATASET, EVAL_CORPUS, FRESH_CORPUS

from aegis.love_engine.engine import Action
from aegis.love_engine.reading import read_action
from aegis.love_engine.rulebook_ordinary import ORDINARY_RULES
from aegis.love_engine.rules import Level
from aegis.love_engine.traverse import Limits


def stopping_reasons(row: dict[str, object]) -> set[str]:
    action = Action(str(row["description"]), str(row.get("action_type", "")), "", row["parameters"])
    texts = (("description", action.description), ("intent", ""), ("potential_impact", ""))
    found = read_action((*texts, ("state.context", "")), action.parameters, Limits()).findings
    return {f.reason for f in found if f.level >= Level.REVIEW}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rule", help="rules whose reason holds this text (default: ordinary)")
    parser.add_argument("--show", choices=("ethical", "unethical", "all"), help="list rows hit")
    args = parser.parse_args(argv)
    wanted = (
        (lambda reason: args.rule in reason)
        if args.rule
        else (lambda reason: reason in {spec[2] for spec in ORDINARY_RULES})
    )
    for corpus in (DATASET, EVAL_CORPUS, FRESH_CORPUS):
        with corpus.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        counts = {"unethical": 0, "ethical": 0}
        listed = []
        for row in rows:
            hit = sorted(r for r in stopping_reasons(row) if wanted(r))
            if not hit:
                continue
            counts[row["label"]] += 1
            if args.show in (row["label"], "all"):
                listed.append(
                    f"  {row['label']:9} {row['id']} {row['description'][:110]}\n"
                    f"            {'; '.join(hit)}"
                )
        print(f"{corpus.name}: stops {counts['unethical']} unethical, {counts['ethical']} ethical")
        print("\n".join(listed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
