"""The JSON report: every result in full, stages and series included."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["write_json"]


def write_json(path: Path, results: Sequence[Mapping[str, Any]], meta: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {**meta, "results": list(results)}
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(json.dumps(document, indent=2, default=str), encoding="utf-8")
    temporary.replace(path)
