"""Members added to an administrators' group: a privilege granted by the group's name.

``okta_add_user_to_group {groupId: 00g1okta_admins}`` and ``AddMemberToGroup {group: "Global
Administrators"}`` make someone an administrator as surely as a role assignment does, but
no word of the action says so: the group's name does. An action that adds or creates
members, users or group memberships (its words), given a group or role field whose value
names administrators (``admins``, ``Domain Admins``, ``sysadmins``, ``wheel``, ``sudo``) is
``privilege-grant`` (*review*). Reads (``list_group_members``), groups of other names and
an application's own ``role`` field pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.mappingwalk import mappings_below
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["admin_membership", "is_group_key"]

_ADDING = frozenset({"add", "insert", "create", "assign", "put", "invite", "join", "attach",
                     "new", "enroll", "provision", "update", "patch", "set", "modify",
                     "change", "append"})  # fmt: skip
_MEMBERS = frozenset({"member", "members", "membership", "memberships", "group", "groups",
                      "user", "users", "team", "teams", "account", "accounts", "usergroup",
                      "usergroups"})  # fmt: skip
#: Keys naming the group joined (a ``role`` field is the application's own business: an
#: ``add_team_member {role: admin}`` or an ORM row's enum; see ``guardtamper.py``).
_GROUP_WORDS = frozenset({"group", "groups", "team", "teams", "usergroup", "usergroups",
                          "memberof", "groupname", "groupid", "groupids", "groupkey",
                          "teamname"})  # fmt: skip
#: Keys that name a group by the action's words alone (``add_user_to_group {target: …}``).
_TARGET_KEYS = frozenset({"target", "targets", "to", "into"})
_ADMIN_WORDS = frozenset({"admin", "admins", "administrator", "administrators", "superuser",
                          "superusers", "sudo", "sudoers", "wheel", "privileged"})  # fmt: skip
#: A group named for owners and nothing else ("Owners", "Organization Owners"): the
#: organisation's owners; "product-owners" and "code-owners" are roles of other kinds.
_OWNER_GROUP_WORDS = frozenset({"owners", "org", "organization", "organisation", "workspace",
                                "account", "tenant", "global"})  # fmt: skip
#: Run-together names ending in these are administrators too (``sysadmins``, ``domainadmins``).
_ADMIN_ENDINGS = ("admin", "admins", "administrators")
_MAX_FIELDS = 64


def is_group_key(key: str) -> bool:
    """Whether ``key`` (``groupId``, ``group_ids``, ``memberOf``, ``team_slug``) names a
    group."""
    return bool(name_words(key) & _GROUP_WORDS) or key.casefold() in _GROUP_WORDS


#: Keys of a change given as a record (``groups: {add: [...]}``): what it adds.
_ADDED_KEYS = ("add", "append", "insert", "set", "include", "assign", "join")


def _named_admin(value: object) -> str:
    if isinstance(value, Mapping):  # groups: {add: ["Super Administrators"], remove: [...]}
        added = [value[key] for key in _ADDED_KEYS if key in value]
        value = [
            item
            for entry in added
            for item in (entry if isinstance(entry, list | tuple) else [entry])
        ]
    values = value if isinstance(value, list | tuple) else [value]
    for entry in itertools.islice(values, 16):
        item = entry
        if isinstance(entry, Mapping):  # groups: [{name: "Enterprise Admins"}]
            item = next((v for k, v in entry.items() if k in ("name", "id", "group")), None)
        if not isinstance(item, str) or len(item) > 120:
            continue
        words = name_words(item[:120])  # a plain copy: a str subclass may not hash
        if words & _ADMIN_WORDS or any(word.endswith(_ADMIN_ENDINGS) for word in words):
            return item
        if "owners" in words and words <= _OWNER_GROUP_WORDS:
            return item
    return ""


def admin_membership(parameters: Mapping[Any, Any], action_words: frozenset[str]) -> str:
    """Why ``parameters`` add a member to an administrators' group, else ``""``: the fields
    of every mapping below them (breadth first, bounded, each once)."""
    if not (action_words & _ADDING and action_words & _MEMBERS):
        return ""
    grouping = bool(action_words & _GROUP_WORDS)
    for node in mappings_below(parameters, _MAX_FIELDS):
        for key, value in itertools.islice(node.items(), _MAX_FIELDS):
            named_group = isinstance(key, str) and (
                is_group_key(key) or (grouping and key.casefold() in _TARGET_KEYS)
            )
            if named_group and (named := _named_admin(value)):
                return f"member added to {named[:60]!r}, an administrators' group"
    return ""
