"""Members added to an administrators' group: a privilege granted by the group's name.

``okta_add_user_to_group {groupId: 00g1okta_admins}`` and ``AddMemberToGroup {group: "Global
Administrators"}`` make someone an administrator as surely as a role assignment does, but
no word of the action says so: the group's name does. An action that adds or creates
members, users or group memberships (its words), given a group or role field whose value
names administrators, owners or root (``admins``, ``Domain Admins``, ``wheel``) is
``privilege-grant`` (*review*). Reads (``list_group_members``), groups of other names and
an application's own ``role`` field pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.vocabulary import name_words

__all__ = ["admin_membership", "is_group_key"]

_ADDING = frozenset({"add", "insert", "create", "assign", "put", "invite", "join", "attach",
                     "new", "enroll", "provision", "update", "patch"})  # fmt: skip
_MEMBERS = frozenset({"member", "members", "membership", "memberships", "group", "groups",
                      "user", "users", "team", "teams", "account", "accounts"})  # fmt: skip
#: Keys naming the group joined (a ``role`` field is the application's own business: an
#: ``add_team_member {role: admin}`` or an ORM row's enum; see ``guardtamper.py``).
_GROUP_WORDS = frozenset({"group", "groups"})
_ADMIN_WORDS = frozenset({"admin", "admins", "administrator", "administrators", "owner",
                          "owners", "root", "superuser", "superusers", "sudo", "sudoers",
                          "wheel", "globaladmin", "privileged"})  # fmt: skip
_MAX_FIELDS = 64


def is_group_key(key: str) -> bool:
    """Whether ``key`` (``groupId``, ``group_ids``, ``groups``) names a group."""
    return bool(name_words(key) & _GROUP_WORDS)


def _named_admin(value: object) -> str:
    values = value if isinstance(value, list | tuple) else [value]
    for item in itertools.islice(values, 16):
        if isinstance(item, str) and len(item) <= 120 and name_words(item) & _ADMIN_WORDS:
            return item
    return ""


def admin_membership(parameters: Mapping[Any, Any], action_words: frozenset[str]) -> str:
    """Why ``parameters`` add a member to an administrators' group, else ``""``; fields of
    the top level and of mappings one level down."""
    if not (action_words & _ADDING and action_words & _MEMBERS):
        return ""
    nested = [parameters]
    nested.extend(
        v for v in itertools.islice(parameters.values(), _MAX_FIELDS) if isinstance(v, Mapping)
    )
    for mapping in nested[:_MAX_FIELDS]:
        for key, value in itertools.islice(mapping.items(), _MAX_FIELDS):
            if isinstance(key, str) and is_group_key(key):
                named = _named_admin(value)
                if named:
                    return f"member added to {named[:60]!r}, an administrators' group"
    return ""
