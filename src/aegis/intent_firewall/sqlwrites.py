"""SQL writes whose value is money, an account's way back in, or a guard of the accounts.

``UPDATE accounts SET balance = balance + 1000000 WHERE id = 7`` moves money with one keyed row,
so the every-row check never sees it; ``UPDATE users SET email = 'me@evil.example' WHERE
username = 'ceo'`` takes an account over through its password reset, one row again. What such
an ``UPDATE`` sets is read by the names of its columns (``name_words``: ``credit_limit``,
``recoveryEmail``), and a column of either kind is *review* (``sql-sensitive-write``), whatever
the ``WHERE``: a person decides whether this balance or this address should change. Only the
columns assigned count; one named in a condition is read, not written.

Money also moves by rows added or states changed: an ``INSERT`` into a table of payouts,
transfers or payments queues money to leave, and ``UPDATE invoices SET status = 'paid'``
settles a bill nobody paid. A security guard is switched off for one row just as quietly
(``sso_enforced = false``, ``enabled = false WHERE name = 'mfa_required'``, a key's
``expires_at = NULL``): those are read by :mod:`aegis.intent_firewall.sqlguards`.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.sqlguards import guard_off
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
#: Column words that are a sum of money in a table of money rows (``orders.total``), and
#: may be a count elsewhere (``stats.total_views``).
_PRICED_WORDS = frozenset(
    {"total", "totals", "subtotal", "cost", "costs", "tax", "charge", "charges", "owed"}
)
#: Column words an account is recovered or entered with.
RECOVERY_WORDS = frozenset(
    {
        *("email", "phone", "mobile", "msisdn", "password", "passwd", "pwd", "passphrase"),
        *("mfa", "otp", "totp", "2fa", "recovery", "webauthn", "passkey"),
    }
)
#: Table words whose rows are money moving or owed: a row added queues a payment, a row's
#: state changed settles or reopens one.
MONEY_TABLE_WORDS = frozenset(
    {
        *("payout", "payouts", "transfer", "transfers", "payment", "payments", "withdrawal"),
        *("withdrawals", "refund", "refunds", "disbursement", "disbursements", "remittance"),
        *("remittances", "wire", "wires", "charge", "charges", "invoice", "invoices", "bill"),
        *("bills", "ledger", "ledgers", "transaction", "transactions", "order", "orders"),
        *("credit", "credits", "giftcard", "giftcards", "gift", "voucher", "vouchers"),
        *("payroll", "settlement", "settlements", "deposit", "deposits", "subscription"),
        *("subscriptions", "coupon", "coupons"),
    }
)
#: Tables whose added rows do not move money by themselves (an order placed by the
#: application's own checkout, a subscription row): only their states and sums count.
_STATE_ONLY_TABLES = frozenset({"order", "orders", "subscription", "subscriptions", "bill"})
#: Column words of a money row's state, and the named states that settle or release it (a
#: flag or a code, ``paid = true``, ``status = 1``, is the application's own bookkeeping).
_STATE_WORDS = frozenset({"status", "state"})
_SETTLED_VALUES = frozenset(
    {
        *("paid", "settled", "approved", "captured", "completed", "complete", "succeeded"),
        *("success", "released", "cleared", "refunded", "void", "voided", "written_off"),
        *("forgiven", "processed", "sent", "disbursed", "confirmed", "free"),
    }
)


def sensitive_writes(statements: list[Any], hits: list[Hit]) -> None:
    """Add a ``sql-sensitive-write`` finding for the first write that assigns a money or
    recovery column, settles a money row, queues one or switches a guard off (in any
    statement, also inside a CTE)."""
    for statement in statements:
        for node in statement.find_all(exp.Update, exp.Insert):
            evidence = _assigned(node) if isinstance(node, exp.Update) else _inserted(node)
            if evidence:
                hits.append(default_hit("sql-sensitive-write", evidence))
                return


def _table(node: Any) -> str:
    target = node.this
    if isinstance(target, exp.Schema):
        target = target.this
    return target.name if isinstance(target, exp.Table) else "?"


def _inserted(insert: Any) -> str:
    table = _table(insert)
    words = name_words(table)
    if words & (MONEY_TABLE_WORDS - _STATE_ONLY_TABLES):
        return f"INSERT into {table}, a table of money moved or owed"
    return ""


def _assigned(update: Any) -> str:
    table = _table(update)
    money_table = bool(name_words(table) & MONEY_TABLE_WORDS)
    for assignment in update.expressions:
        column = assignment.this if isinstance(assignment, exp.EQ) else None
        if not isinstance(column, exp.Column):
            continue
        words = name_words(column.name)
        if words & MONEY_WORDS or (money_table and words & _PRICED_WORDS):
            return f"UPDATE of {table} sets {column.name}, a sum of money"
        if words & RECOVERY_WORDS:
            return f"UPDATE of {table} sets {column.name}, which an account is recovered with"
        if money_table and words & _STATE_WORDS and _settles(assignment.expression):
            return f"UPDATE of {table} sets {column.name}, settling what is owed"
    return guard_off(update, table)


def _settles(value: Any) -> bool:
    if isinstance(value, exp.Literal) and value.is_string:
        return str(value.this).strip().casefold() in _SETTLED_VALUES
    return False
