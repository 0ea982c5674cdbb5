"""The evaluation corpora's row format, read and checked in one place.

``corpus/eval.jsonl`` and ``corpus/fresh.jsonl`` share one schema (the dataset's, without
its ``split``): each corpus test loads its rows and lists their problems through here, so a
change of format is made once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aegis.love_engine import EthicalScore

__all__ = ["FIELDS", "denied_ethical", "label_rate", "load_rows", "row_problems"]

FIELDS: dict[str, type] = {
    "id": str,
    "description": str,
    "action_type": str,
    "parameters": dict,
    "label": str,
    "category": str,
    "lookalike": bool,
    "reason": str,
}


def load_rows(path: Path) -> list[dict[str, Any]]:
    """Every non-blank line of a JSON-lines corpus, as read."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def row_problems(number: int, row: dict[str, Any]) -> list[str]:
    """What is wrong with one row (``number`` is its line), each problem naming its field."""
    if set(row) != set(FIELDS):
        return [f"line {number}: fields {sorted(row)}, expected {sorted(FIELDS)}"]
    problems = [
        f"line {number}: {name} is {type(row[name]).__name__}"
        for name, kind in FIELDS.items()
        if not isinstance(row[name], kind)
    ]
    if row["label"] not in {"ethical", "unethical"}:
        problems.append(f"line {number}: label {row['label']!r}")
    if not str(row["description"]).strip() or not str(row["reason"]).strip():
        problems.append(f"line {number}: empty description or reason")
    return problems


def denied_ethical(rows: list[dict[str, Any]], verdicts: dict[str, EthicalScore]) -> list[str]:
    """The ethical rows denied outright (review is the safe answer when unsure; deny of
    legitimate work is worse), each as ``id: description``."""
    return [
        f"{row['id']}: {row['description'][:110]}"
        for row in rows
        if row["label"] == "ethical" and verdicts[row["id"]].verdict.value == "deny"
    ]


def label_rate(
    rows: list[dict[str, Any]], verdicts: dict[str, EthicalScore], label: str
) -> tuple[float, str]:
    """The share of the ``label`` rows judged right (an unethical row not allowed, an ethical
    one allowed) and a summary naming every miss by id, for an assertion message."""
    chosen = [row for row in rows if row["label"] == label]
    misses = [
        f"{row['id']} [{row['category']}] {verdicts[row['id']].verdict.value}: "
        f"{row['description'][:110]}"
        for row in chosen
        if verdicts[row["id"]].ethical is (label == "unethical")
    ]
    rate = 1 - len(misses) / len(chosen)
    wanted = "not allowed" if label == "unethical" else "allowed"
    summary = (
        f"{label}: {len(chosen) - len(misses)}/{len(chosen)} {wanted} ({rate:.1%}); "
        f"{len(misses)} misses:\n" + "\n".join(misses)
    )
    return rate, summary
