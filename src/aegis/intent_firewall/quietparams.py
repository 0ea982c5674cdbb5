"""Parameters that none of the parameter-level checks can read anything into.

The checks on the parameters as a whole (``force: true``, ``method: DELETE``, a step that
types keystrokes, a root uid, a forced refspec) each fire only under keys of their own
vocabulary. The common request, ``{"cmd": "…"}`` or ``{"path": "…", "content": "…"}``, is a
flat mapping of strings under none of those keys: one pass over its keys, each answered
from a bounded cache, proves that every one of those checks finds nothing, instead of each
check walking the parameters again.

Fail closed: anything else (a non-string value, a nested structure, a key of any check's
vocabulary, a long key, more keys than the checks look at) is *not* quiet, and the full
checks run. ``tests/aegis/firewall/test_quiet_parameters.py`` checks on open-ended input
that a quiet mapping gets nothing from the full checks.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aegis.intent_firewall.adminmembers import is_group_key
from aegis.intent_firewall.controlswitches import switch_key
from aegis.intent_firewall.httpmethods import METHOD_KEYS
from aegis.intent_firewall.keystrokes import STEP_KEYS
from aegis.intent_firewall.operations import is_field_key, is_operation_key
from aegis.intent_firewall.parameterflags import FLAG_KEYS, key_kind

__all__ = ["quiet_parameters"]

#: Most keys a quiet mapping has (every check looks at no fewer than this many).
_MAX_KEYS = 16
#: Longest key judged quiet (longer ones take the full checks; the cache stays small).
_MAX_KEY_CHARS = 64


def quiet_parameters(parameters: Any) -> bool:
    """Whether ``parameters`` is a flat ``dict`` of strings under keys no parameter-level
    check reads (see the module's docstring); ``False`` whenever that is not certain."""
    if not isinstance(parameters, dict) or len(parameters) > _MAX_KEYS:
        return False
    for key, value in parameters.items():
        if type(value) is not str or type(key) is not str or not _quiet_key(key):
            return False
        if len(value) <= _MAX_ADDRESS and _ADDRESS_CHARS.issuperset(value) and "." in value:
            return False  # an address, a range's end: read by controlswitches.py
    return True


#: Characters of IPv4 and IPv6 addresses and of ranges of them (``0.0.0.0-255.255.255.255``).
_ADDRESS_CHARS = frozenset("0123456789abcdefABCDEF.:-/ ")
_MAX_ADDRESS = 100


@lru_cache(maxsize=4096)
def _quiet_key(key: str) -> bool:
    if len(key) > _MAX_KEY_CHARS:
        return False
    folded = key.casefold()
    return (
        not key_kind(key)
        and folded not in FLAG_KEYS
        and folded not in METHOD_KEYS
        and folded not in STEP_KEYS
        and not switch_key(key)  # {audit_trail: "disabled"}: read by controlswitches.py
        and not is_group_key(key)  # {groupId: …_admins}: read by adminmembers.py
        and not is_field_key(key)  # forwardTo, WithDecryption, iban: read by operations.py
        # a shell line under command/cmd is the shell's to judge; other operation keys
        # (verb, op, action) are read by operations.py
        and (folded in ("command", "cmd") or not is_operation_key(key))
    )
