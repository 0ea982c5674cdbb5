"""What training and evaluation share: the dataset, read exactly as the engine reads actions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aegis.love_engine.engine import Action
from aegis.love_engine.reading import read_action
from aegis.love_engine.traverse import Limits

__all__ = ["DATASET", "MODEL_PATH", "Example", "load_examples"]

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "data" / "love_engine" / "actions.jsonl"
MODEL_PATH = ROOT / "src" / "aegis" / "love_engine" / "data" / "model.tsv"


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    action: Action
    unethical: bool
    category: str
    lookalike: bool
    split: str
    features: frozenset[str]
    rule_level: int  # the strongest rule finding: 0 none, 1 hint, 2 review, 3 deny
    unreadable: bool  # the engine could not read it whole


def _example(row: dict[str, Any]) -> Example:
    action = Action(row["description"], row["action_type"], "", row["parameters"])
    texts = (
        ("description", action.description),
        ("intent", action.intent),
        ("potential_impact", ""),
        ("state.context", ""),
    )
    reading = read_action(texts, action.parameters, Limits())
    return Example(
        row["id"],
        action,
        row["label"] == "unethical",
        row["category"],
        bool(row["lookalike"]),
        row["split"],
        frozenset(reading.features()),
        max((int(f.level) for f in reading.findings), default=0),
        bool(reading.problems),
    )


def load_examples(path: Path = DATASET) -> list[Example]:
    with path.open(encoding="utf-8") as handle:
        return [_example(json.loads(line)) for line in handle if line.strip()]
