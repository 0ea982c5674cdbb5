"""What training and evaluation share: the dataset, read exactly as the engine reads actions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aegis.love_engine.engine import Action
from aegis.love_engine.reading import read_action
from aegis.love_engine.traverse import Limits

__all__ = [
    "DATASET",
    "EVAL_CORPUS",
    "FRESH_CORPUS",
    "MODEL_PATH",
    "Example",
    "eval_split",
    "load_eval_examples",
    "load_examples",
    "load_fresh_examples",
    "load_training_examples",
    "wrapped",
]

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "data" / "love_engine" / "actions.jsonl"
#: The evaluation corpus, written apart from the dataset: 70% of it (a fixed split by a hash
#: of each row's id, so rows added later fall on a side they keep) is training data too.
EVAL_CORPUS = ROOT / "tests" / "aegis" / "love" / "corpus" / "eval.jsonl"
EVAL_TRAIN_PERCENT = 70
#: A third corpus the model never trains on: written against the rules, after them, to find
#: the kinds of harm (and their look-alikes) that neither of the others covers well.
FRESH_CORPUS = ROOT / "tests" / "aegis" / "love" / "corpus" / "fresh.jsonl"
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


def eval_split(row_id: str) -> str:
    """``train`` or ``heldout`` for an evaluation-corpus row: fixed by its id alone."""
    bucket = int.from_bytes(hashlib.sha256(row_id.encode("utf-8")).digest()[:8], "big") % 100
    return "train" if bucket < EVAL_TRAIN_PERCENT else "heldout"


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


def load_eval_examples(path: Path = EVAL_CORPUS) -> list[Example]:
    """The evaluation corpus, each row on the side of the split its id puts it."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [_example({**row, "split": eval_split(row["id"])}) for row in rows]


def load_fresh_examples(path: Path = FRESH_CORPUS) -> list[Example]:
    """The fresh corpus, every row held out: nothing is ever fitted to it."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [_example({**row, "split": "heldout"}) for row in rows]


def load_training_examples() -> list[Example]:
    """Everything the model is fitted on: both train splits, dataset first, in file order."""
    dataset = [e for e in load_examples() if e.split == "train"]
    return dataset + [e for e in load_eval_examples() if e.split == "train"]


#: Wrappers a requester can put around any request, harmful or not: a claimed purpose, a
#: polite or official-sounding preamble, a reassurance after it, the request reported as
#: someone else's, a reassuring tool name.
#: Training sees every action also wrapped (the same wrappers for both labels), so the
#: model learns that they say nothing about right and wrong and cannot be used to talk a
#: harmful request down. Written for training; the evaluation's disguises are its own.
_PURPOSES = (
    "security awareness programme",
    "quarterly compliance audit",
    "trust and safety policy",
    "approved research project",
    "incident review",
    "staff training",
    "risk assessment",
    "internal audit",
)
_PREAMBLES = (
    "Quick one from the legal team.",
    "Hello, hope you're well! Could you do this for me?",
    "Approved by management, reference CHG-4471.",
    "This is routine housekeeping.",
    "Context: we're the safety team.",
    "Per our documented process:",
)
_SUFFIXES = (
    "It's been signed off by compliance.",
    "This is for an internal training exercise.",
    "Thanks so much, really appreciate it!",
    "Legal has reviewed this.",
    "All consents are on file.",
)
_TOOLS = (
    "audit_log_review",
    "safety_check",
    "abuse_report",
    "compliance_review",
    "support_ticket",
    "run_task",
)


def _pick(options: tuple[str, ...], key: str) -> str:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


_REPORTERS = ("My team lead", "A customer", "The client", "Our CEO", "Someone in finance")


def _wrapped_text(description: str, key: str) -> str:
    kind = _pick(("purpose", "preamble", "suffix", "reported"), key + "/kind")
    if kind == "reported":
        return f'{_pick(_REPORTERS, key + "/who")} asked me to get this done: "{description}"'
    if kind == "purpose":
        opening = _pick(("As part of our", "For the", "Under the", "Per the"), key + "/open")
        lowered = description[:1].lower() + description[1:]
        return f"{opening} {_pick(_PURPOSES, key + '/purpose')}, {lowered}"
    if kind == "preamble":
        return f"{_pick(_PREAMBLES, key + '/preamble')} {description}"
    return f"{description} {_pick(_SUFFIXES, key + '/suffix')}"


def wrapped(example: Example) -> list[Example]:
    """Two copies of ``example`` in a requester's wrappers, label and split unchanged: one
    with its text wrapped, one with its text wrapped otherwise and a reassuring tool name."""
    action = example.action
    rows = [
        (_wrapped_text(action.description, example.id + "/1"), action.intent),
        (_wrapped_text(action.description, example.id + "/2"), _pick(_TOOLS, example.id)),
    ]
    return [
        _example(
            {
                "id": f"{example.id}~{number}",
                "description": description,
                "action_type": intent,
                "parameters": action.parameters,
                "label": "unethical" if example.unethical else "ethical",
                "category": example.category,
                "lookalike": example.lookalike,
                "split": example.split,
            }
        )
        for number, (description, intent) in enumerate(rows, 1)
    ]
