"""The results CSV: one row per result, appended as each test ends.

Rows are appended and flushed to disk as soon as a test ends, so the figures of finished
tests survive a session that is killed later. The header is written once, when the file is
new; a file with another header is refused rather than mixed.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from pytest_aegis_stress.engine.results import CSV_COLUMNS

__all__ = ["CsvReport", "format_cell", "read_rows"]


#: Significant figures a float keeps in the CSV: 29 ns is 0.000029 ms, 25,673.4/s stays whole.
SIGNIFICANT = 6


def format_cell(value: object) -> str:
    """A cell's text: floats to six significant figures in positional notation."""
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        text = np.format_float_positional(
            value, precision=SIGNIFICANT, unique=False, fractional=False, trim="-"
        )
        return "0" if text in ("-0", "0") else text
    return str(value)


class CsvReport:
    """Appends rows with :data:`CSV_COLUMNS` to one file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def check_header(self) -> None:
        """Raise ``ValueError`` if the file exists with columns other than ours."""
        if not self.path.is_file() or self.path.stat().st_size == 0:
            return
        with self.path.open(newline="", encoding="utf-8") as existing:
            header = next(csv.reader(existing), [])
        if tuple(header) != CSV_COLUMNS:
            raise ValueError(
                f"{self.path} has other columns than this version writes; move it aside or "
                f"choose another file with --stress-csv"
            )

    def append(self, rows: Iterable[Mapping[str, Any]]) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for row in rows:
            writer.writerow([format_cell(row.get(column)) for column in CSV_COLUMNS])
        if not buffer.getvalue():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # O_APPEND writes of one block keep concurrent sessions' rows whole.
        with self.path.open("a", newline="", encoding="utf-8") as out:
            if out.tell() == 0:
                out.write(",".join(CSV_COLUMNS) + "\n")
            out.write(buffer.getvalue())
            out.flush()
            os.fsync(out.fileno())


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as source:
        return list(csv.DictReader(source))
