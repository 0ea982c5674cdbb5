"""A sale of a holding: the verb sells securities, not people's data.

"Execute the confirmed order: sell 200 shares of VWRL at market for the client", "sell half
her Tesla position", "sell our token allocation under the vesting schedule": the privacy
rule reads "sell" beside a word for a person or their details ("the client", "the recorded
call") and finds personal data sold. When what the verb sells, within a few words and before
any person's data, is a holding (shares, a position, units, bonds), the sale is a trade, and
whether the trade is sound is for the other rules (insider dealing, market manipulation) and
the learned model. "Sell the shareholders' addresses" or "sell the list of stock traders'
numbers" sell data: a person's data, or a list of them, comes first. Constant time.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = ["sells_holding"]

Clause = list[tuple[int, str]]

_SELL = frozenset({"sell", "sells", "selling", "sold"})
#: What a trade sells.
_HOLDINGS = frozenset(
    {
        "share",
        "shares",
        "stock",
        "stocks",
        "position",
        "positions",
        "holding",
        "holdings",
        "unit",
        "units",
        "bond",
        "bonds",
        "gilts",
        "treasuries",
        "etf",
        "etfs",
        "allocation",
        "lot",
        "lots",
        "options",
        "futures",
        "contracts",
    }
)
#: Words that end the sold thing before a holding could be named ("the list of ...").
_CONTAINERS = frozenset({"list", "lists", "file", "files", "database", "records", "data"})
_PEOPLE_DATA = BIT["personal_data"] | BIT["personal_info"] | BIT["intimate_target"]
_REACH = 4


def sells_holding(clause: Clause, position: int) -> bool:
    """Whether the verb at ``position`` is "sell" and what it sells is a holding: a holding
    noun within reach, with no person's data and no list or file before it."""
    if clause[position][1] not in _SELL:
        return False
    for mask, surface in clause[position + 1 : position + 1 + _REACH]:
        head = surface.split(" ", 1)[-1]
        if mask & _PEOPLE_DATA or surface in _CONTAINERS:
            return False
        if surface in _HOLDINGS or head in _HOLDINGS:
            return True
    return False
