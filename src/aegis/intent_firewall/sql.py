"""SQL parameters parsed with a real SQL parser (sqlglot), not matched as words.

Statements that make the server run programs or read and write its files (``COPY …
PROGRAM``, ``xp_cmdshell``, ``pg_read_file``, ``INTO OUTFILE`` …) *block*; stacked
statements, DDL, privilege changes and ``DELETE``/``UPDATE`` without ``WHERE`` are
*review*; SQL the parser cannot read is *review*. Transaction framing around one statement,
additive schema objects and maintenance that changes nothing are not (``sqlframing.py``).

A string literal is data (``WHERE body ILIKE '%xp_cmdshell%'`` compares text): the word
checks, and the generic string checks of the request, read the statement's code with its
data literals blanked (``sqlliterals.py``). Literals the server acts on keep their findings
and are handed on with their role; SQL that runs other SQL is followed (``sqldynamic.py``).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.sqladmin import administrative
from aegis.intent_firewall.sqlcomments import (
    comments_as_space,
    executable_comments_opened,
    has_comment,
    leading_word,
    without_leading_comments,
)
from aegis.intent_firewall.sqlconditions import always_true_alternative, edits_all
from aegis.intent_firewall.sqldynamic import dynamic_sql
from aegis.intent_firewall.sqlexports import workspace_export
from aegis.intent_firewall.sqlframing import (
    additive,
    cancels_one_query,
    copy_to_client,
    quiet_command,
    unframed,
)
from aegis.intent_firewall.sqljobs import scheduled_jobs
from aegis.intent_firewall.sqlliterals import (
    Carried,
    blanked,
    data_spans,
    literal_values,
    placeholder_positions,
)
from aegis.intent_firewall.sqlreadings import Reading, parseable, readings
from aegis.intent_firewall.sqlsecrets import secret_reads
from aegis.intent_firewall.sqlstacks import pragma_hits, quiet_stack, session_setting
from aegis.intent_firewall.sqlwrites import sensitive_writes
from aegis.intent_firewall.textchecks import first_pattern as _first_pattern
from aegis.intent_firewall.textchecks import patterns

__all__ = ["MAX_SQL", "SqlJudgement", "judge_sql", "looks_like_sql", "read_sql"]

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
    "import", "detach", "checkpoint", "change", "uninstall", "flush", "purge", "reset", "stop",
)  # fmt: skip
#: A T-SQL batch may start with a procedure's name, the EXEC left implied.
_PROCEDURES = ("sp_", "xp_")
#: psql and mysql client meta-commands that only describe (any other, ``\\!`` ``\\copy``
#: ``\\o |cmd`` ``\\i``, runs programs or touches files on the client: review).
_DESCRIBING_META = frozenset({"\\d", "\\dt", "\\dn", "\\df", "\\dv", "\\di", "\\du",
                              "\\l", "\\x", "\\conninfo", "\\timing", "\\d+", "\\dt+",
                              ".tables", ".schema", ".indexes", ".headers", ".mode"})  # fmt: skip
#: psql/mysql meta-commands start with a backslash, sqlite3 dot-commands with a dot.
_META_PREFIXES = ("\\", ".")
_DDL = (exp.Drop, exp.Create, exp.Alter, exp.TruncateTable, exp.Grant, exp.Revoke)
#: Statements sqlglot keeps as an opaque command that only read or describe.
_HARMLESS_COMMANDS = frozenset({"explain", "describe", "desc", "show", "use", "analyze"})
_RUN_COMMANDS = frozenset({"exec", "execute", "prepare", "do", "call"})
#: Schema changes sqlglot keeps opaque (a routine with a dollar-quoted body).
_DDL_COMMANDS = frozenset({"create", "alter", "drop"})
#: Longer SQL is not handed to the parser (its cost grows with the text).
_MAX_PARSED = 2048
_MAX_PARENS = 32
#: Dynamic SQL inside dynamic SQL is followed this deep, and this many texts per level.
_MAX_DEPTH = 2
_MAX_INNER = 8
#: Statement text followed per level (each parse costs about 10 ms per 1,000 characters).
_MAX_INNER_CHARS = 512


def looks_like_sql(canonical: str) -> bool:
    head = without_leading_comments(canonical).split(None, 1)
    if not head:
        return False
    # EXEC('…'), SELECT(1), DROP/**/TABLE: the word ends where a name cannot go on
    word = leading_word(head[0])
    return word in _LEADING or _procedure_call(head) or head[0].startswith(_META_PREFIXES)


def _procedure_call(head: list[str]) -> bool:
    """``sp_MSforeachtable 'DELETE FROM ?'``, ``xp_cmdshell @c``, ``sp_who2``: a system
    procedure named first, alone or with a literal or parameter after it (a search for
    ``xp_cmdshell tutorial`` is words)."""
    if not leading_word(head[0]).startswith(_PROCEDURES):
        return False
    rest = head[0][len(leading_word(head[0])) :] + (head[1] if len(head) > 1 else "")
    return rest.lstrip().startswith(("'", "n'", "@", ";")) or not rest.strip()


@dataclass(frozen=True, slots=True)
class SqlJudgement:
    """What judging one SQL text found."""

    hits: tuple[Hit, ...]
    #: The text as the server reads its code: data literals blanked (``None`` when it was
    #: not parsed, so all of it counts).
    code: str | None = None
    #: The literals the server acts on (commands, files, SQL), with their roles.
    carried: tuple[Carried, ...] = ()
    #: Bound-parameter placeholders exist and all sit where a value is data.
    binds_data: bool = False


@lru_cache(maxsize=1024)
def _cached(canonical: str, parse: bool) -> SqlJudgement:
    return _judge(canonical, parse)


def read_sql(canonical: str, *, parse: bool = True) -> SqlJudgement:
    """Findings on one SQL text and how it reads; without ``parse`` (the request's parsing
    budget is spent) only its words are judged and it is reported too large to inspect."""
    if len(canonical) > 2048:
        return _judge(canonical, parse)
    return _cached(canonical, parse)


def judge_sql(canonical: str, *, parse: bool = True) -> tuple[Hit, ...]:
    """Findings on one SQL text (see :func:`read_sql`)."""
    return read_sql(canonical, parse=parse).hits


def _judge(canonical: str, parse: bool = True, depth: int = 0) -> SqlJudgement:
    if cancels_one_query(" ".join(canonical.split())):
        return SqlJudgement(())  # SELECT pg_cancel_backend(31877): one query, by its id
    canonical = executable_comments_opened(canonical)
    inner = unframed(canonical)
    if inner is not None:
        return _judge(inner, parse, depth)  # BEGIN; one statement; COMMIT is that statement
    return _judge_text(canonical, parse, depth)


def _judge_text(canonical: str, parse: bool, depth: int) -> SqlJudgement:
    hits: list[Hit] = []
    flat = " ".join(canonical.split())
    meta = without_leading_comments(flat).split(" ", 1)[0]
    if meta.startswith(_META_PREFIXES):
        # one describing command, with nothing that pipes, substitutes or chains another
        if meta in _DESCRIBING_META and flat.count(meta[0]) == 1 and not set("|`;") & set(flat):
            return SqlJudgement(())
        return SqlJudgement((default_hit("sql-not-understood", f"client meta-command {meta}"),))
    if _paren_depth(canonical) > _MAX_PARENS:
        _words(canonical, hits)
        hits.append(default_hit("sql-not-understood", f"parentheses nested over {_MAX_PARENS}"))
        return SqlJudgement(tuple(hits))  # sqlglot recurses per level: not handed to it
    if len(canonical) > _MAX_PARSED or not parse:
        # sqlglot takes about 10 ms per 1,000 characters (four dialects when it fails):
        # longer SQL, or SQL past the request's parsing budget, is judged by its words
        # and goes to a human
        _words(canonical, hits)
        why = "" if parse else " past the request's parsing budget"
        hits.append(
            default_hit("too-large", f"SQL of {len(canonical)} characters{why}, not parsed")
        )
        return SqlJudgement(tuple(hits))
    text = parseable(canonical)
    try:
        found = readings(text)
    except Exception:
        _words(canonical, hits)
        hits.append(default_hit("sql-not-understood", canonical[:100]))
        return SqlJudgement(tuple(_distinct(hits)))
    return _judge_readings(text, found, parse, depth, hits)


def _judge_readings(
    text: str, found: list[Reading], parse: bool, depth: int, hits: list[Hit]
) -> SqlJudgement:
    """Findings on parsed SQL: the words of its code (data literals blanked, unless some
    wrapper runs text not shown), its tree, and the SQL its wrappers run."""
    wrappers = [dynamic_sql(reading.statements) for reading in found]
    literals = [literal_values(reading.statements) for reading in found]
    unseen = any(wrapper.unseen for wrapper in wrappers)
    code = text if unseen else _code(text, found, literals)
    _words(code, hits)
    stacked = max((len(reading.statements) for reading in found), default=0)
    statements = [statement for reading in found for statement in reading.statements]
    if stacked > 1 and not quiet_stack(statements):  # SHOW TABLES; DESCRIBE t: reads only
        hits.append(default_hit("sql-destructive", f"{stacked} stacked statements"))
    hits.extend(pragma_hits(statements))
    _sensitive(code, statements, hits)
    hits.extend(secret_reads(statements))
    administrative(statements, hits)
    sensitive_writes(statements, hits)
    scheduled = scheduled_jobs(statements, hits)
    _statement_hits(statements, " ".join(code.split()), parse, hits)
    carried = [item for _, _, items in literals for item in items]
    for wrapper in wrappers:
        hits.extend(wrapper.hits)
    inner = list(dict.fromkeys(s for wrapper in wrappers for s in wrapper.statements))
    inner.extend(text for text in scheduled if text not in inner)
    followed = 0
    for statement in inner[:_MAX_INNER]:
        followed += len(statement)
        if depth >= _MAX_DEPTH or followed > _MAX_INNER_CHARS:
            why = f"nested over {depth}" if depth >= _MAX_DEPTH else "too long to follow"
            hits.append(default_hit("sql-dynamic-code", f"dynamic SQL {why}"))
            break
        judged = _judge(statement, parse, depth + 1)
        hits.extend(judged.hits)
        carried.extend(judged.carried)
    binds = [placeholder_positions(reading.statements) for reading in found]
    binds_data = not unseen and all(data > 0 and acting == 0 for data, acting in binds)
    return SqlJudgement(tuple(_distinct(hits)), code, tuple(dict.fromkeys(carried)), binds_data)


def _code(
    text: str,
    found: list[Reading],
    literals: list[tuple[Counter[tuple[bool, str]], set[str], Any]],
) -> str:
    """``text`` with the string literals every reading holds as data blanked."""
    spans: set[tuple[int, int]] | None = None
    for reading, (data, acting, _) in zip(found, literals, strict=True):
        own = data_spans(reading.tokens, data, acting)
        spans = own if spans is None else spans & own
    return blanked(text, spans or set())


def _statement_hits(statements: list[Any], flat: str, parse: bool, hits: list[Hit]) -> None:
    """Findings from each statement's tree: opaque commands, schema changes, copies,
    tautologies, edits of every row."""
    for statement in statements:
        if isinstance(statement, exp.Command):
            hits.extend(_command_hits(statement, parse))
        elif isinstance(statement, _DDL) and not _temporary(statement) and not additive(statement):
            kind = statement.key.upper()
            hits.append(default_hit("sql-destructive", f"{kind}: {statement.sql()[:80]}"))
        elif (
            isinstance(statement, exp.Copy | exp.Merge)
            and _copies_or_deletes(statement, flat)
            and not copy_to_client(statement)
            and not workspace_export(statement)
        ):
            hits.append(default_hit("sql-destructive", f"{statement.key.upper()}: {flat[:80]}"))
        if always_true_alternative(statement):
            hits.append(default_hit("sql-injection-shape", "OR with a condition always true"))
        for change in statement.find_all(exp.Delete, exp.Update):  # includes the root
            if edits_all(change):
                hits.append(default_hit("sql-destructive", f"{change.key.upper()} of every row"))
                break


def _words(text: str, hits: list[Hit]) -> None:
    """Findings from the words of ``text``, also read with comments as spaces, and stalls."""
    flat = " ".join(text.split())
    _word_hits(flat, hits)
    if has_comment(text):
        # DROP/**/TABLE, COPY … TO/**/PROGRAM: the words as the server reads them count too
        spaced = " ".join(comments_as_space(text).split())
        if spaced != flat:
            _word_hits(spaced, hits)
    hits.extend(_stalls(flat))


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


def _command_hits(statement: Any, parse: bool) -> list[Hit]:  # noqa: PLR0911 (one per kind)
    """A statement sqlglot keeps opaque: harmless describing commands pass, except ``EXPLAIN
    ANALYZE``, which runs the statement it explains (that statement is judged, once: an
    explained EXPLAIN is not followed further)."""
    keyword = str(statement.this).lower()
    body = statement.args.get("expression")
    rest = str(getattr(body, "this", body) or "").lower()  # a literal or a plain string
    if keyword == "set" and session_setting(rest):
        return []
    if keyword in _RUN_COMMANDS:
        return []  # EXECUTE, PREPARE, DO, CALL: judged as dynamic SQL (sqldynamic.py)
    if keyword in _DDL_COMMANDS:
        # CREATE FUNCTION … AS $$ … $$: DDL whose routine body the parser keeps opaque
        return [default_hit("sql-destructive", f"{keyword.upper()} {rest.strip()[:80]}")]
    if keyword not in _HARMLESS_COMMANDS and not quiet_command(keyword, rest):
        return [default_hit("sql-not-understood", f"{keyword.upper()} statement")]
    options, explained = _explain_parts(rest)
    if keyword != "explain" or not ({"analyze", "analyse"} & set(options)):
        return []
    if not explained or leading_word(explained) == "explain":
        return [default_hit("sql-not-understood", f"EXPLAIN ANALYZE {explained[:60]!r}")]
    return list(_judge(explained, parse).hits)


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
