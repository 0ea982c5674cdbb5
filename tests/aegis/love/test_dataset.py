"""Invariants of the labelled action dataset the love engine's learned signal is trained on.

The checks are written out here rather than imported from ``tools/`` (which is not a package):
a test that only re-ran the validator could not notice the validator going wrong.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.aegis.love.corpus_rows import FIELDS as CORPUS_FIELDS

DATASET = Path(__file__).resolve().parents[3] / "data" / "love_engine" / "actions.jsonl"

CATEGORIES = {
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
}
#: The evaluation corpora's fields, and the fixed split each row declares.
FIELDS: dict[str, type] = {**CORPUS_FIELDS, "split": str}
MIN_ROWS = 1600


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    with DATASET.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_every_row_has_the_schema_fields_with_their_types(rows: list[dict[str, Any]]) -> None:
    wrong = [
        (row.get("id"), field)
        for row in rows
        for field, kind in FIELDS.items()
        if not isinstance(row.get(field), kind) or (kind is str and not row[field].strip())
    ]
    extra = {row.get("id"): set(row) - set(FIELDS) for row in rows}
    extra = {row_id: fields for row_id, fields in extra.items() if fields}
    assert wrong == []
    assert extra == {}


def test_categories_labels_and_splits_are_known(rows: list[dict[str, Any]]) -> None:
    unknown = [
        (row["id"], row["category"], row["label"], row["split"])
        for row in rows
        if row["category"] not in CATEGORIES
        or row["label"] not in {"ethical", "unethical"}
        or row["split"] not in {"train", "heldout"}
    ]
    assert unknown == []


def test_ids_are_unique_and_well_formed(rows: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in rows]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not (i.startswith("df-") and i[3:].isdigit())] == []


def test_no_two_rows_share_a_description(rows: list[dict[str, Any]]) -> None:
    keys = Counter(" ".join(row["description"].casefold().split()) for row in rows)
    assert [key for key, n in keys.items() if n > 1] == []


def test_split_follows_from_the_id_hash(rows: list[dict[str, Any]]) -> None:
    def expected(row_id: str) -> str:
        digest = int(hashlib.sha256(row_id.encode("utf-8")).hexdigest(), 16)
        return "heldout" if digest % 5 == 0 else "train"

    assert [row["id"] for row in rows if row["split"] != expected(row["id"])] == []
    heldout = sum(row["split"] == "heldout" for row in rows) / len(rows)
    assert 0.15 <= heldout <= 0.25


def test_each_category_holds_out_both_labels(rows: list[dict[str, Any]]) -> None:
    held = {(row["category"], row["label"]) for row in rows if row["split"] == "heldout"}
    missing = [
        (category, label)
        for category in sorted(CATEGORIES)
        for label in ("ethical", "unethical")
        if (category, label) not in held
    ]
    assert missing == []


def test_plain_everyday_work_is_filed_under_general(rows: list[dict[str, Any]]) -> None:
    misfiled = [
        row["id"]
        for row in rows
        if row["label"] == "ethical" and row["category"] != "general" and not row["lookalike"]
    ]
    assert misfiled == []


def test_size_balance_and_share_of_look_alikes(rows: list[dict[str, Any]]) -> None:
    unethical = sum(row["label"] == "unethical" for row in rows) / len(rows)
    lookalike = sum(row["lookalike"] for row in rows) / len(rows)
    assert len(rows) >= MIN_ROWS
    assert 0.40 <= unethical <= 0.50
    assert lookalike >= 0.5
