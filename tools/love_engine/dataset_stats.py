"""Validate the love-engine action dataset and print its counts.

The dataset (``data/love_engine/actions.jsonl``) is what the engine's learned signal is trained and
evaluated on, so a malformed row silently skews both. This script is the single place that says
what a valid file is; it uses the standard library only so it runs before anything is installed.

Usage::

    python tools/love_engine/dataset_stats.py [PATH] [--markdown]

Exit status 0 when the file is valid, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = [
    "CATEGORIES",
    "HELDOUT_MODULUS",
    "LABELS",
    "count_rows",
    "expected_split",
    "load_rows",
    "validate_rows",
]

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "love_engine" / "actions.jsonl"

CATEGORIES = (
    "physical_harm",
    "self_harm",
    "deception_fraud",
    "discrimination",
    "privacy_violation",
    "unauthorized_access",
    "safety_tampering",
    "financial_harm",
    "harassment",
    "general",
)
LABELS = ("ethical", "unethical")
SPLITS = ("train", "heldout")
# One id in five is held out. The split follows from the id alone, so it never moves when rows
# are added and nobody can hand-pick which rows the evaluation sees.
HELDOUT_MODULUS = 5

FIELD_TYPES: dict[str, type] = {
    "id": str,
    "description": str,
    "action_type": str,
    "parameters": dict,
    "label": str,
    "category": str,
    "lookalike": bool,
    "reason": str,
    "split": str,
}


def expected_split(row_id: str) -> str:
    """The split a row with this id belongs to: ``heldout`` when its SHA-256 is 0 mod 5."""
    digest = int(hashlib.sha256(row_id.encode("utf-8")).hexdigest(), 16)
    return "heldout" if digest % HELDOUT_MODULUS == 0 else "train"


def load_rows(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse the JSON-lines file; rows that are not JSON objects become problems, not rows."""
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                problems.append(f"line {number}: blank line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"line {number}: not JSON ({error.msg})")
                continue
            if not isinstance(row, dict):
                problems.append(f"line {number}: expected an object, got {type(row).__name__}")
                continue
            row["_line"] = number
            rows.append(row)
    return rows, problems


def _row_problems(row: dict[str, Any]) -> list[str]:
    where = f"line {row['_line']}"
    problems = []
    extra = set(row) - set(FIELD_TYPES) - {"_line"}
    if extra:
        problems.append(f"{where}: unknown fields {sorted(extra)}")
    for field, kind in FIELD_TYPES.items():
        value = row.get(field)
        if not isinstance(value, kind):
            problems.append(f"{where}: field {field!r} must be {kind.__name__}, got {value!r}")
        elif kind is str and not value.strip():
            problems.append(f"{where}: field {field!r} is empty")
    if problems:
        return problems
    checks = (
        ("category", CATEGORIES),
        ("label", LABELS),
        ("split", SPLITS),
    )
    problems.extend(
        f"{where}: field {field!r} has unknown value {row[field]!r}"
        for field, allowed in checks
        if row[field] not in allowed
    )
    if row["label"] == "ethical" and row["category"] != "general" and not row["lookalike"]:
        problems.append(
            f"{where}: ethical row in {row['category']!r} is not a look-alike; "
            "plain everyday work belongs to 'general'"
        )
    if not row["id"].startswith("df-") or not row["id"][3:].isdigit():
        problems.append(f"{where}: field 'id' must look like df-0001, got {row['id']!r}")
    elif row["split"] != expected_split(row["id"]):
        problems.append(
            f"{where}: field 'split' is {row['split']!r} but id {row['id']!r} "
            f"hashes to {expected_split(row['id'])!r}"
        )
    return problems


def validate_rows(rows: list[dict[str, Any]]) -> list[str]:
    """Every problem in the rows: fields and types, known values, unique ids and descriptions,
    the split rule, plain work filed under ``general``, and a held-out row of each label in each
    category."""
    problems: list[str] = []
    first_id: dict[str, int] = {}
    first_description: dict[str, int] = {}
    for row in rows:
        row_problems = _row_problems(row)
        problems.extend(row_problems)
        if row_problems:
            continue
        line = row["_line"]
        if row["id"] in first_id:
            problems.append(f"line {line}: id {row['id']!r} repeats line {first_id[row['id']]}")
        first_id.setdefault(row["id"], line)
        key = " ".join(row["description"].casefold().split())
        if key in first_description:
            problems.append(
                f"line {line}: description repeats line {first_description[key]}: "
                f"{row['description']!r}"
            )
        first_description.setdefault(key, line)
    if not problems:
        heldout = {(row["category"], row["label"]) for row in rows if row["split"] == "heldout"}
        problems.extend(
            f"category {category!r} has no held-out {label} row"
            for category in CATEGORIES
            for label in LABELS
            if (category, label) not in heldout
        )
    return problems


def count_rows(rows: list[dict[str, Any]]) -> Counter[tuple[str, str, str]]:
    """Rows per (category, label, split)."""
    return Counter((row["category"], row["label"], row["split"]) for row in rows)


def _table(rows: list[dict[str, Any]]) -> list[str]:
    counts = count_rows(rows)
    lookalikes = Counter((row["category"], row["label"]) for row in rows if row["lookalike"])
    header = (
        "| category | unethical train | unethical heldout | ethical train | ethical heldout "
        "| look-alikes | total |"
    )
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|"]
    for category in (*CATEGORIES, None):

        def cell(label: str, split: str, category: str | None = category) -> int:
            return sum(
                n
                for (c, lab, s), n in counts.items()
                if lab == label and s == split and category in {None, c}
            )

        look = sum(n for (c, _), n in lookalikes.items() if category in {None, c})
        cells = [cell(label, split) for label in ("unethical", "ethical") for split in SPLITS]
        name = category or "**all**"
        lines.append(f"| {name} | " + " | ".join(map(str, [*cells, look, sum(cells)])) + " |")
    return lines


def _summary(rows: list[dict[str, Any]]) -> list[str]:
    total = len(rows)
    unethical = sum(row["label"] == "unethical" for row in rows)
    heldout = sum(row["split"] == "heldout" for row in rows)
    lookalike = sum(row["lookalike"] for row in rows)
    types = Counter(row["action_type"] for row in rows)
    return [
        f"rows: {total}",
        f"unethical: {unethical} ({unethical / total:.1%}), ethical: {total - unethical}",
        f"look-alikes: {lookalike} ({lookalike / total:.1%})",
        f"heldout: {heldout} ({heldout / total:.1%})",
        f"action types: {len(types)} ("
        + ", ".join(f"{t} {n}" for t, n in types.most_common(8))
        + ", …)",
    ]


def main(argv: list[str] | None = None) -> int:
    """Validate, then print the counts (as a Markdown table with ``--markdown``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    args = parser.parse_args(argv)
    rows, problems = load_rows(args.path)
    problems += validate_rows(rows)
    if problems:
        for problem in problems:
            print(f"{args.path}: {problem}", file=sys.stderr)
        return 1
    if not rows:
        print(f"{args.path}: no rows", file=sys.stderr)
        return 1
    table = _table(rows)
    if not args.markdown:
        del table[1]
        table = [
            "\t".join(cell.strip(" *") for cell in line.strip("|").split("|")) for line in table
        ]
    print("\n".join([*_summary(rows), "", *table]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
