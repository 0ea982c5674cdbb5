"""``COPY (SELECT …) TO 'out/orders.parquet' (FORMAT PARQUET)``: an export into the workspace.

A server's ``COPY … TO 'file'`` writes on the server's disk, which is why a COPY is a finding
(``sql.py``). PostgreSQL only accepts an absolute path for the file it writes, so a file
named relative is written by an engine running in the agent's own process (DuckDB, and
PostgreSQL's client-side copies), below the working directory. Such an export is a data
file written in the workspace when the path is plain: relative, no ``..``, no dot segment
(``.git/hooks/…``, ``.env``), no scheme (``s3://``, ``https://`` upload through an
extension), no variable, and a data format's suffix. What the query reads is judged as
before (``read_text('~/.ssh/id_rsa')`` keeps its finding). ``COPY … FROM`` loads rows
into a table and stays a finding.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

__all__ = ["workspace_export"]

_DATA_SUFFIXES = (
    ".parquet", ".csv", ".tsv", ".json", ".ndjson", ".jsonl", ".arrow", ".feather",
    ".csv.gz", ".tsv.gz", ".json.gz", ".ndjson.gz", ".jsonl.gz", ".xlsx",
)  # fmt: skip
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/")
_MAX_PATH = 256


def _plain_relative_data_file(path: str) -> bool:
    path = path.removeprefix("./")
    if not path or len(path) > _MAX_PATH or not _PLAIN.issuperset(path):
        return False
    if any(part in ("", ".", "..") or part.startswith(".") for part in path.split("/")):
        return False
    return path.casefold().endswith(_DATA_SUFFIXES)


def workspace_export(statement: Any) -> bool:
    """``statement`` is a COPY … TO one plain relative data file (see the module)."""
    if not isinstance(statement, exp.Copy) or statement.args.get("kind") is not False:
        return False
    files = statement.args.get("files") or []
    if len(files) != 1 or not isinstance(files[0], exp.Literal) or not files[0].is_string:
        return False
    return _plain_relative_data_file(str(files[0].this))
