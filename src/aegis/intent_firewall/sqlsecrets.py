"""SQL that reads secrets: password hashes, tokens and keys selected out of a table, and the
system catalogue searched for where they are kept.

A query is judged by what it *returns*: a column whose name says it holds a secret
(``password``, ``pass_hash``, ``api_key``, ``refresh_token``, ``private_key``, ``otp_secret``)
in a ``SELECT`` list, at any depth, however aliased or hidden by comments; ``SELECT *`` from
a table named for credentials (``credentials``, ``api_keys``, ``oauth_tokens``). Counting
such a column, filtering on it and columns *about* a secret (``password_changed_at``,
``token_expires_at``, ``has_password``) return nothing secret and pass. The catalogue
(``information_schema``, ``pg_catalog``, ``sqlite_master``) is read every day to list tables;
it is a finding when the query searches it for secrets (``LIKE '%pass%'``, a hex literal that
spells ``password`` or ``users``: quotes avoided the way injections avoid them).
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["secret_column", "secret_reads"]

#: Words that make a column a secret.
_SECRET_WORDS = frozenset(
    {"password", "passwd", "pwd", "passwords", "passphrase", "secret", "secrets", "token",
     "tokens", "apikey", "credential", "credentials", "salt", "otp", "totp", "mfa", "seed",
     "mnemonic", "hash", "hashed", "authentication"}
)  # fmt: skip
#: Two words that together name a secret (``api_key``, ``private_key``, ``pass_hash``).
_SECRET_PAIRS = frozenset(
    {("api", "key"), ("private", "key"), ("secret", "key"), ("access", "key"),
     ("signing", "key"), ("pass", "hash"), ("pass", "word"), ("auth", "key"), ("session", "key"),
     ("encryption", "key"), ("client", "secret"), ("recovery", "code"), ("recovery", "codes"),
     ("backup", "codes"), ("card", "number"), ("cvv",), ("ssh", "key"), ("api", "keys"),
     ("private", "keys"), ("ssh", "keys"), ("access", "keys"), ("secret", "keys")}
)  # fmt: skip
#: Run-together names (``passwordhash``, ``apitoken``): a secret wherever they occur.
_SECRET_FRAGMENTS = ("password", "passwd", "apikey", "apitoken", "privatekey", "secretkey",
                     "accesstoken", "refreshtoken", "authtoken", "sessiontoken", "clientsecret",
                     "passhash", "pwhash", "pwdhash", "otpsecret", "totpsecret")  # fmt: skip
#: Words alone that are not secrets even beside one: ``hash`` of a file, a ``seed`` for tests.
_ONLY_WITH_SECRET = frozenset({"hash", "hashed", "salt", "seed"})
#: A column whose last word (or first: ``has_password``) is one of these is *about* a secret.
_METADATA_LAST = frozenset(
    {"at", "on", "date", "time", "timestamp", "ts", "count", "expires", "expiry",
     "expiration", "type", "kind", "length", "len", "updated", "changed", "created", "id",
     "ids", "set", "required", "policy", "version", "enabled", "strength", "status", "age",
     "last", "reset", "requests", "attempts", "name", "scope", "scopes", "prefix", "hint",
     "rotated", "used", "valid", "revoked", "algorithm", "algo"}
)  # fmt: skip
_METADATA_FIRST = frozenset({"is", "has", "needs", "must", "last", "num", "count"})
#: Tables whose every row is a credential.
_CREDENTIAL_TABLE_WORDS = frozenset(
    {"credential", "credentials", "secret", "secrets", "password", "passwords", "apikey",
     "apikeys", "token", "tokens"}
)  # fmt: skip
_CATALOGUES = frozenset(
    {"information_schema", "pg_catalog", "sqlite_master", "sqlite_schema", "sys", "mysql",
     "all_tab_columns", "user_tab_columns", "syscolumns", "sysobjects"}
)  # fmt: skip
_SEARCH_FRAGMENTS = ("pass", "pwd", "secret", "token", "cred", "key", "auth", "user", "hash")


def secret_column(name: str) -> bool:
    """Whether a column called ``name`` holds a secret (not merely a fact about one)."""
    words = name_words(name)
    ordered = _ordered_words(name)
    if not ordered:
        return False
    if ordered[-1] in _METADATA_LAST or ordered[0] in _METADATA_FIRST:
        return False
    if any(fragment in word for word in ordered for fragment in _SECRET_FRAGMENTS):
        return True
    found = words & _SECRET_WORDS
    if found - _ONLY_WITH_SECRET:
        return True
    pairs = set(itertools.pairwise(ordered)) | {(w,) for w in ordered}
    if pairs & _SECRET_PAIRS:
        return True
    # a hash or salt is a secret beside a word for a password (pass_hash, pw_salt)
    return bool(found) and bool(words & {"pass", "pw", "user", "login", "auth"})


def _ordered_words(name: str) -> list[str]:
    """``passwordHash`` → ``password``, ``hash``; ``pass_hash`` → ``pass``, ``hash``."""
    words: list[str] = []
    current = ""
    for char in name:
        if char.isupper() and current and not current[-1].isupper():
            words.append(current.lower())
            current = char
        elif char.isalnum():
            current += char
        else:
            if current:
                words.append(current.lower())
            current = ""
    if current:
        words.append(current.lower())
    return words


def secret_reads(statements: list[Any]) -> list[Hit]:
    """Findings on secrets that ``statements`` return or search the catalogue for."""
    hits: list[Hit] = []
    for statement in statements:
        for select in statement.find_all(exp.Select, exp.Returning):
            evidence = _selected_secret(select)
            if evidence:
                hits.append(default_hit("sql-sensitive-read", evidence))
                return hits
        evidence = _catalogue_search(statement) or _hex_secret(statement)
        if evidence:
            hits.append(default_hit("sql-sensitive-read", evidence))
            return hits
    return hits


def _selected_secret(select: Any) -> str:
    for projection in select.expressions:
        if isinstance(projection, exp.Star) or (
            isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star)
        ):
            tables = [str(t.name) for t in select.find_all(exp.Table)]
            for table in tables:
                credential = name_words(table) & _CREDENTIAL_TABLE_WORDS or secret_column(table)
                if credential and not _about(table):
                    return "every column of credential table " + table
            continue
        for column in projection.find_all(exp.Column):
            if _counted(column, projection):
                continue
            if secret_column(column.name):
                return f"selects secret column {column.name}"
    return ""


def _about(table: str) -> bool:
    """``password_reset_requests``, ``token_usage``: rows about secrets, not the secrets."""
    ordered = _ordered_words(table)
    return bool(ordered) and (
        ordered[-1] in _METADATA_LAST or ordered[-1] in {"usage", "log", "logs", "audit"}
    )


def _counted(column: Any, top: Any) -> bool:
    """The column is only counted (``COUNT(password)``, ``password IS NULL``)."""
    node = column.parent
    while node is not None and node is not top.parent:
        if isinstance(node, exp.Count | exp.Is | exp.Not):
            return True
        node = node.parent
    return False


def _catalogue_search(statement: Any) -> str:
    tables = {(t.db or "").lower() for t in statement.find_all(exp.Table)}
    tables |= {t.name.lower() for t in statement.find_all(exp.Table)}
    if not tables & _CATALOGUES:
        return ""
    for hexed in statement.find_all(exp.HexString):
        return f"system catalogue searched with a hex literal ({_unhex(str(hexed.this))!r})"
    for literal in statement.find_all(exp.Literal):
        if literal.is_string:
            text = str(literal.this).lower()
            if ("%" in text or "*" in text) and any(f in text for f in _SEARCH_FRAGMENTS[:7]):
                return f"system catalogue searched for secrets ({text[:40]!r})"
            if secret_column(text.strip("%")):
                return f"system catalogue searched for secret column {text[:40]!r}"
    return ""


def _unhex(digits: str) -> str:
    try:
        return bytes.fromhex(digits[:64]).decode("ascii", "replace")
    except ValueError:
        return digits[:64]


def _hex_secret(statement: Any) -> str:
    """A hex literal that spells a secret column or a credential table (``0x70617373776f7264``
    is ``password``): a name written so that no quote or word gives it away."""
    digits = [str(hexed.this) for hexed in statement.find_all(exp.HexString)]
    # the default dialect reads 0x70… as the number 0 aliased x70…
    digits += [
        alias.alias[1:]
        for alias in statement.find_all(exp.Alias)
        if isinstance(alias.this, exp.Literal)
        and alias.this.this == "0"
        and alias.alias[:1] == "x"
        and all(c in "0123456789abcdefABCDEF" for c in alias.alias[1:])
    ]
    for hexed in digits:
        text = _unhex(hexed).strip().lower()
        if secret_column(text) or name_words(text) & _CREDENTIAL_TABLE_WORDS:
            return f"hex literal spelling {text!r}"
    return ""
