"""SQL parameters parsed with a real SQL parser (sqlglot), not matched as words.

Statements that make the server run programs or read and write its files (``COPY …
PROGRAM``, ``xp_cmdshell``, ``pg_read_file``, ``INTO OUTFILE`` …) *block*; stacked
statements, DDL, privilege changes and ``DELETE``/``UPDATE`` without ``WHERE`` are
*review*; SQL the parser cannot read is *review*.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import sqlglot
from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.sqladmin import administrative
from aegis.intent_firewall.sqlcomments import comments_as_space, has_comment, leading_word
from aegis.intent_firewall.sqlsecrets import secret_reads
from aegis.intent_firewall.textchecks import first_pattern as _first_pattern
from aegis.intent_firewall.textchecks import patterns

__all__ = ["MAX_SQL", "judge_sql", "looks_like_sql"]

logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its fallback notices are not ours to print

#: Longer SQL is not parsed (the caller reports it as too large to inspect).
MAX_SQL = 20000
_LEADING = (
    "select", "insert", "update", "delete", "drop", "create", "alter", "truncate", "copy",
    "grant", "revoke", "with", "exec", "execute", "merge", "replace", "call", "load", "attach",
    "pragma", "declare", "use", "show", "describe", "explain", "vacuum", "backup", "restore",
    "shutdown", "rename", "comment", "lock", "unload", "set", "begin", "commit", "rollback",
    "do", "prepare", "match", "start", "reindex", "cluster", "refresh", "listen", "notify",
    "bulk", "kill", "waitfor", "openrowset", "handler", "source", "install", "force", "export",
    "import", "detach", "checkpoint",
)  # fmt: skip
#: psql and mysql client meta-commands that only describe (any other, ``\\!`` ``\\copy``
#: ``\\o |cmd`` ``\\i``, runs programs or touches files on the client: review).
_DESCRIBING_META = frozenset({"\\d", "\\dt", "\\dn", "\\df", "\\dv", "\\di", "\\du",
                              "\\l", "\\x", "\\conninfo", "\\timing", "\\d+", "\\dt+",
                              ".tables", ".schema", ".indexes", ".headers", ".mode"})  # fmt: skip
#: psql/mysql meta-commands start with a backslash, sqlite3 dot-commands with a dot.
_META_PREFIXES = ("\\", ".")
_DDL = (exp.Drop, exp.Create, exp.Alter, exp.TruncateTable, exp.Grant)
#: Statements sqlglot keeps as an opaque command that only read or describe.
_HARMLESS_COMMANDS = frozenset({"explain", "describe", "desc", "show", "use", "analyze"})
_PLACEHOLDERS = ("%s", "%d", "%b")
#: Longer SQL is not handed to the parser (its cost grows with the text).
_MAX_PARSED = 2048
_MAX_PARENS = 32


def _executable_comments_opened(text: str) -> str:
    """MySQL runs the text of ``/*! … */`` and ``/*!50000 … */`` comments as SQL (they are
    for version-specific syntax): the comment markers are removed so the parser sees what
    the server runs (one linear pass)."""
    if "/*!" not in text:
        return text
    out, index = [], 0
    while (start := text.find("/*!", index)) >= 0:
        out.append(text[index:start] + " ")
        body = start + 3
        while body < len(text) and text[body].isdigit():
            body += 1
        end = text.find("*/", body)
        if end < 0:
            out.append(text[body:])
            index = len(text)
            break
        out.append(text[body:end] + " ")
        index = end + 2
    out.append(text[index:])
    return "".join(out)


def _without_leading_comments(text: str) -> str:
    text = _executable_comments_opened(text)
    text = text.lstrip(" \t\r\n(;")
    while text.startswith(("--", "/*", "#")):
        end = text.find("*/") + 2 if text.startswith("/*") else text.find("\n") + 1
        text = text[end:].lstrip(" \t\r\n(;") if end > 0 else ""
    return text


def looks_like_sql(canonical: str) -> bool:
    head = _without_leading_comments(canonical).split(None, 1)
    if not head:
        return False
    # EXEC('…'), SELECT(1), DROP/**/TABLE: the word ends where a name cannot go on
    return leading_word(head[0]) in _LEADING or head[0].startswith(_META_PREFIXES)


@lru_cache(maxsize=1024)
def _cached(canonical: str, parse: bool) -> tuple[Hit, ...]:
    return tuple(_judge(canonical, parse))


def judge_sql(canonical: str, *, parse: bool = True) -> tuple[Hit, ...]:
    """Findings on one SQL text; without ``parse`` (the request's parsing budget is spent)
    only its words are judged and it is reported too large to inspect."""
    if len(canonical) > 2048:
        return tuple(_judge(canonical, parse))
    return _cached(canonical, parse)


def _judge(canonical: str, parse: bool = True) -> list[Hit]:  # noqa: PLR0912
    hits: list[Hit] = []
    canonical = _executable_comments_opened(canonical)
    flat = " ".join(canonical.split())
    meta = _without_leading_comments(flat).split(" ", 1)[0]
    if meta.startswith(_META_PREFIXES):
        # one describing command, with nothing that pipes, substitutes or chains another
        if meta in _DESCRIBING_META and flat.count(meta[0]) == 1 and not set("|`;") & set(flat):
            return []
        return [default_hit("sql-not-understood", f"client meta-command {meta}")]
    _word_hits(flat, hits)
    if has_comment(canonical):
        # DROP/**/TABLE, COPY … TO/**/PROGRAM: the words as the server reads them count too
        spaced = " ".join(comments_as_space(canonical).split())
        if spaced != flat:
            _word_hits(spaced, hits)
    hits.extend(_stalls(flat))
    if _paren_depth(canonical) > _MAX_PARENS:
        hits.append(default_hit("sql-not-understood", f"parentheses nested over {_MAX_PARENS}"))
        return hits  # sqlglot recurses per level: deeper text is not handed to it
    if len(canonical) > _MAX_PARSED or not parse:
        # sqlglot takes about 10 ms per 1,000 characters (four dialects when it fails):
        # longer SQL, or SQL past the request's parsing budget, is judged by its words
        # above and goes to a human
        why = "" if parse else " past the request's parsing budget"
        hits.append(
            default_hit("too-large", f"SQL of {len(canonical)} characters{why}, not parsed")
        )
        return hits
    parseable = canonical
    for placeholder in _PLACEHOLDERS:
        parseable = parseable.replace(placeholder, "?")
    if "%(" in parseable:
        parseable = _named_placeholders(parseable)
    try:
        readings = _readings(parseable)
    except Exception:
        hits.append(default_hit("sql-not-understood", canonical[:100]))
        return hits
    stacked = max((len(reading) for reading in readings), default=0)
    if stacked > 1:
        hits.append(default_hit("sql-destructive", f"{stacked} stacked statements"))
    statements = [statement for reading in readings for statement in reading]
    _sensitive(canonical, statements, hits)
    hits.extend(secret_reads(statements))
    administrative(statements, hits)
    for statement in statements:
        if isinstance(statement, exp.Command):
            hits.extend(_command_hits(statement, parse))
        elif isinstance(statement, _DDL) and not _temporary(statement):
            kind = statement.key.upper()
            hits.append(default_hit("sql-destructive", f"{kind}: {statement.sql()[:80]}"))
        elif isinstance(statement, exp.Copy | exp.Merge) and _copies_or_deletes(statement, flat):
            hits.append(default_hit("sql-destructive", f"{statement.key.upper()}: {flat[:80]}"))
        if _always_true_alternative(statement):
            hits.append(default_hit("sql-injection-shape", "OR with a condition always true"))
        for change in statement.find_all(exp.Delete, exp.Update):  # includes the root
            if _edits_all(change):
                hits.append(default_hit("sql-destructive", f"{change.key.upper()} of every row"))
                break
    return _distinct(hits)


def _word_hits(flat: str, hits: list[Hit]) -> None:
    """Findings from the words alone (they hold whether or not the parser reads the text)."""
    probing, admin = _first_pattern("sql_probing", flat), _first_pattern("sql_admin", flat)
    if probing is not None:
        hits.append(default_hit("sql-injection-shape", f"{flat[:80]!r} (probing)"))
    if admin is not None:
        hits.append(default_hit("sql-destructive", f"{flat[:80]!r} (server administration)"))
    for name in patterns()["sql_command_execution"]:
        if name in flat:
            hits.append(default_hit("sql-command-execution", name))
            break
    if (flat.startswith("copy") and " program" in flat) or " to program" in flat:
        hits.append(default_hit("sql-command-execution", "copy … program"))


def _distinct(hits: list[Hit]) -> list[Hit]:
    """One finding per rule and evidence (several readings of one text find the same)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for hit in hits:
        key = (hit.rule, hit.evidence)
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept


def _temporary(statement: Any) -> bool:
    """``CREATE TEMP TABLE``/``VIEW``: gone when the session ends and seen by no other
    session, a scratch space and not a schema change (a GLOBAL temporary table is a
    permanent definition; temporary functions can still run code)."""
    if not isinstance(statement, exp.Create) or str(statement.args.get("kind")) not in (
        "TABLE",
        "VIEW",
    ):
        return False
    properties = statement.args.get("properties")
    kinds = {type(p) for p in properties.expressions} if properties is not None else set()
    return exp.TemporaryProperty in kinds and exp.GlobalProperty not in kinds


def _command_hits(statement: Any, parse: bool) -> list[Hit]:
    """A statement sqlglot keeps opaque: harmless describing commands pass, except ``EXPLAIN
    ANALYZE``, which runs the statement it explains (that statement is judged, once: an
    explained EXPLAIN is not followed further)."""
    keyword = str(statement.this).lower()
    body = statement.args.get("expression")
    rest = str(getattr(body, "this", body) or "").lower()  # a literal or a plain string
    if keyword == "set" and _session_setting(rest):
        return []
    if keyword not in _HARMLESS_COMMANDS:
        return [default_hit("sql-not-understood", f"{keyword.upper()} statement")]
    options, explained = _explain_parts(rest)
    if keyword != "explain" or not ({"analyze", "analyse"} & set(options)):
        return []
    if not explained or leading_word(explained) == "explain":
        return [default_hit("sql-not-understood", f"EXPLAIN ANALYZE {explained[:60]!r}")]
    return _judge(explained, parse)


def _session_setting(rest: str) -> bool:
    """``SET [LOCAL|SESSION] name …`` of a setting that only shapes the session (data:
    ``sql_session_settings``); ``SET ROLE``, ``SET SESSION AUTHORIZATION`` and names not
    listed are not."""
    words = rest.replace("=", " = ").split()
    if words and words[0] in ("local", "session"):
        words.pop(0)
    return bool(words) and words[0] in patterns()["sql_session_settings"]


def _explain_parts(rest: str) -> tuple[list[str], str]:
    """``EXPLAIN``'s option words and the statement after them (``(analyze, buffers) …`` or
    ``analyze verbose …``)."""
    rest = rest.strip()
    if rest.startswith("("):
        inside, _, after = rest[1:].partition(")")
        return inside.replace(",", " ").split(), after.strip()
    words = rest.split()
    options = []
    while words and words[0] in ("analyze", "analyse", "verbose", "costs", "buffers"):
        options.append(words.pop(0))
    return options, " ".join(words)


def _copies_or_deletes(statement: Any, flat: str) -> bool:
    """COPY moves data between the server's files and tables; MERGE … THEN DELETE deletes."""
    return isinstance(statement, exp.Copy) or "then delete" in flat


def _stalls(flat: str) -> list[Hit]:
    """Sleeps, busy loops, and a recursive query with no condition and no limit (it never
    stops)."""
    hits = []
    for name in patterns()["sql_resource_exhaustion"]:
        if name in flat:
            hits.append(default_hit("resource-exhaustion", f"SQL {name.rstrip('(')} stalls"))
            break
    if "with recursive" in flat and " limit " not in flat and " where " not in flat:
        hits.append(default_hit("resource-exhaustion", "recursive query without a bound"))
    return hits


def _constant(node: Any) -> bool:
    return isinstance(node, exp.Literal | exp.Boolean)


def _always_true_alternative(statement: Any) -> bool:
    """``… OR '1'='1'``, ``OR 1``, ``OR TRUE``: the shape of a tautology injection (a
    ``WHERE 1=1 AND …`` builder idiom has no OR and stays unflagged)."""
    for alternative in statement.find_all(exp.Or):
        for operand in (alternative.this, alternative.expression):
            side = operand
            while isinstance(side, exp.Paren):
                side = side.this
            if _constant(side):
                return True
            if isinstance(side, exp.EQ | exp.Like | exp.GTE | exp.LTE) and (
                (_constant(side.this) and _constant(side.expression))
                or side.this == side.expression
            ):
                return True
    return False


def _named_placeholders(text: str) -> str:
    """``%(name)s`` parameters become ``?`` (a linear scan, no regular expression)."""
    out, index = [], 0
    while (start := text.find("%(", index)) >= 0:
        end = text.find(")s", start)
        if end < 0:
            break
        out.append(text[index:start] + "?")
        index = end + 2
    out.append(text[index:])
    return "".join(out)


def _sensitive(canonical: str, statements: list[Any], hits: list[Hit]) -> None:
    """Reads of password tables and columns, PRAGMAs that unlock the schema."""
    data = patterns()
    found = [t for s in statements for t in s.find_all(exp.Table)]
    # pg_catalog.pg_authid is pg_authid: the qualified and the bare name both count
    tables = {t.sql().lower() for t in found} | {t.name.lower() for t in found}
    if tables & set(data["sql_sensitive_tables"]):
        hits.append(default_hit("sql-sensitive-read", ", ".join(sorted(tables))[:100]))
    columns = {c.name.lower() for s in statements for c in s.find_all(exp.Column)}
    union = any(s.find(exp.Union) is not None or isinstance(s, exp.Union) for s in statements)
    if union and columns & set(data["sql_sensitive_columns"]):
        hits.append(default_hit("sql-sensitive-read", "UNION over " + ", ".join(sorted(columns))))
    if "writable_schema" in canonical or "trusted_schema" in canonical:
        hits.append(default_hit("sql-destructive", "PRAGMA that unlocks the schema"))


def _paren_depth(text: str) -> int:
    """Deepest parenthesis nesting (a linear scan that stops past the limit)."""
    depth = deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > _MAX_PARENS:
                    break
        elif char == ")":
            depth -= 1
    return deepest


def _edits_all(statement: Any) -> bool:
    """DELETE/UPDATE without WHERE, or with one that is always true (1=1, true)."""
    where = statement.args.get("where")
    if where is None:
        return True
    condition = where.this
    if isinstance(condition, exp.Boolean):
        return bool(condition.this)
    return _always_true(condition)


def _always_true(condition: Any) -> bool:
    """``true``, ``1=1``, ``'a'='a'``, and an OR with any such side (``id = 5 OR TRUE``)."""
    if isinstance(condition, exp.Paren):
        return _always_true(condition.this)
    if isinstance(condition, exp.Boolean):
        return bool(condition.this)
    if isinstance(condition, exp.Literal) and not condition.is_string:
        return condition.this not in ("0", "0.0")
    if isinstance(condition, exp.EQ):
        return bool(condition.left.sql() == condition.right.sql())
    if isinstance(condition, exp.Or):
        return _always_true(condition.left) or _always_true(condition.right)
    return False


_DIALECTS = (None, "mysql", "tsql", "postgres")


def _empty(statement: Any) -> bool:
    return isinstance(statement, exp.Semicolon)


def _readings(text: str) -> list[list[Any]]:
    """The statements of ``text`` as the first dialect that reads it sees them; when the text
    holds a comment, as every dialect that reads it sees them (``#`` hides the rest of the
    line from MySQL but is an operator to PostgreSQL), so no dialect's reading is skipped."""
    readings: list[list[Any]] = []
    error: Exception | None = None
    every = has_comment(text)
    for dialect in _DIALECTS:
        try:
            parsed = sqlglot.parse(text, read=dialect)
            # a comment after the last ``;`` is kept as an empty statement: not a statement
            readings.append([s for s in parsed if s is not None and not _empty(s)])
        except Exception as failure:
            error = failure
            continue
        if not every:
            break
    if not readings:
        raise error or ValueError(text)
    return readings
