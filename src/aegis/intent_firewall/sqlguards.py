"""One row of SQL that switches a security guard off.

Guards of an application often live in its own tables: ``UPDATE security_settings SET
sso_enforced = false WHERE org_id = 1``, a feature flag ``mfa_required`` switched off, an
``audit_enabled`` setting set to ``'false'``, an API key's ``expires_at`` set to ``NULL``.
Each is one keyed row, so the every-row check never sees it, and each takes a protection
away from every account it covers. An ``UPDATE`` is *review* (``sql-sensitive-write``) when
it assigns an off value (``false``, ``0``, ``'off'``, ``'disabled'`` …) and a guard's word
(``sso``, ``mfa``, ``audit``, ``captcha`` …) names its table, the column it sets or a string
its ``WHERE`` picks the row by; or when it takes the expiry of a row away (``NULL``,
``'infinity'``, a year 9999). A flag switched on, or a setting of another name
(``theme = 'dark'``), is not.
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlglot import exp

from aegis.intent_firewall.vocabulary import name_words

__all__ = ["guard_off"]

#: Words naming a security guard kept in an application's tables.
_GUARD_WORDS = frozenset(
    {
        *("sso", "saml", "oidc", "mfa", "2fa", "otp", "totp", "audit", "auditing", "captcha"),
        *("lockout", "security", "encryption", "encrypt", "encrypted", "ssl", "tls", "https"),
        *("verification", "allowlist", "whitelist", "firewall", "approval", "approvals"),
        *("webauthn", "passkey", "rls", "csrf", "waf", "antivirus", "malware", "scanning"),
        *("signing", "signature", "ratelimit", "throttle", "throttling", "bruteforce"),
    }
)
#: Values that switch a guard off, compared lower case.
_OFF_VALUES = frozenset(
    {"false", "f", "0", "off", "no", "n", "disabled", "disable", "none", "optional", "never"}
)
#: Column words of a row's expiry, and the values that take it away.
_EXPIRY_WORDS = frozenset({"expires", "expiry", "expiration", "expire", "ttl", "until"})
_NEVER_VALUES = frozenset({"infinity", "never", "none", "0"})
#: At most this many strings of a WHERE are read for a guard's name.
_MAX_STRINGS = 32


def guard_off(update: Any, table: str) -> str:
    """Evidence that ``update`` switches a guard off or takes an expiry away, else ``""``."""
    context: frozenset[str] | None = None
    for assignment in update.expressions:
        column = assignment.this if isinstance(assignment, exp.EQ) else None
        if not isinstance(column, exp.Column):
            continue
        words = name_words(column.name)
        value = assignment.expression
        if words & _EXPIRY_WORDS and _never(value):
            return f"UPDATE of {table} sets {column.name} so that it never expires"
        if not _off(value):
            continue
        if context is None:
            context = name_words(table) | _picked_words(update)
        if (words | context) & _GUARD_WORDS:
            return f"UPDATE of {table} sets {column.name} off, a security guard"
    return ""


def _off(value: Any) -> bool:
    if isinstance(value, exp.Boolean):
        return not value.this
    if isinstance(value, exp.Literal):
        return str(value.this).strip().casefold() in _OFF_VALUES
    return False


def _never(value: Any) -> bool:
    if isinstance(value, exp.Null):
        return True
    if isinstance(value, exp.Literal) and value.is_string:
        text = str(value.this).strip().casefold()
        return text in _NEVER_VALUES or text.startswith("9999")
    return False


def _picked_words(update: Any) -> frozenset[str]:
    """Words of the strings a ``WHERE`` compares (``name = 'mfa_required'``)."""
    where = update.args.get("where")
    if where is None:
        return frozenset()
    found: set[str] = set()
    literals = (node for node in where.find_all(exp.Literal) if node.is_string)
    for literal in itertools.islice(literals, _MAX_STRINGS):
        found |= name_words(str(literal.this)[:128])
    return frozenset(found)
