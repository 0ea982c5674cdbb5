"""SQL writes whose value is money or an account's way back in.

``UPDATE accounts SET balance = balance + 1000000 WHERE id = 7`` moves money with one keyed row,
so the every-row check never sees it; ``UPDATE users SET email = 'me@evil.example' WHERE
username = 'ceo'`` takes an account over through its password reset, one row again. What such
an ``UPDATE`` sets is read by the names of its columns (``name_words``: ``credit_limit``,
``recoveryEmail``), and a column of either kind is *review* (``sql-sensitive-write``), whatever
the ``WHERE``: a person decides whether this balance or this address should change. Only the
columns assigned count; one named in a condition is read, not written.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["sensitive_writes"]

#: Column words whose value is money or something spent like it.
MONEY_WORDS = frozenset(
    {
        *("balance", "balances", "credit", "credits", "amount", "amounts", "price", "prices"),
        *("salary", "salaries", "wage", "wages", "payout", "payouts", "refund", "refunds"),
        *("fee", "fees", "discount", "wallet", "bonus", "commission", "payment", "payments"),
        *("funds", "cash", "iban", "bic", "routing", "payee", "beneficiary", "loyalty"),
    }
)
#: Column words an account is recovered or entered with.
RECOVERY_WORDS = frozenset(
    {
        *("email", "phone", "mobile", "msisdn", "password", "passwd", "pwd", "passphrase"),
        *("mfa", "otp", "totp", "2fa", "recovery", "webauthn", "passkey"),
    }
)


def sensitive_writes(statements: list[Any], hits: list[Hit]) -> None:
    """Add a ``sql-sensitive-write`` finding for the first UPDATE that assigns a money or
    recovery column (in any statement, also inside a CTE)."""
    for statement in statements:
        for update in statement.find_all(exp.Update):
            evidence = _assigned(update)
            if evidence:
                hits.append(default_hit("sql-sensitive-write", evidence))
                return


def _assigned(update: Any) -> str:
    table = update.this.name if isinstance(update.this, exp.Table) else "?"
    for assignment in update.expressions:
        column = assignment.this if isinstance(assignment, exp.EQ) else None
        if not isinstance(column, exp.Column):
            continue
        words = name_words(column.name)
        if words & MONEY_WORDS:
            return f"UPDATE of {table} sets {column.name}, a sum of money"
        if words & RECOVERY_WORDS:
            return f"UPDATE of {table} sets {column.name}, which an account is recovered with"
    return ""
