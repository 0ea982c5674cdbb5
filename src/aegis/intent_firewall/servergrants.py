"""Accounts of database servers and identity providers made their administrators.

``mongodb.runCommand {createUser: svc, roles: [{role: root}]}``, ``postgres.createRole
{superuser: true}`` and ``elasticsearch.security.putUser {roles: [superuser]}`` create an
account that can do anything on the server, and every application signing in through an
identity provider trusts its administrators. An application's own ``admin`` role (a row of
its ``users`` table, ``add_team_member {role: admin}``) is the application's business, so
the role counts (``privilege-grant`` in ``guardtamper.py``) only where the request is about
an account of the server itself: the action's name names such a server and an account or
role (``mongo.createUser``, ``create_database_user``, ``okta.users.create``), or a key is
one of the servers' own account commands (``createUser``, ``grantRolesToUser``).
"""

from __future__ import annotations

from collections.abc import Mapping

from aegis.intent_firewall.items import Item

__all__ = ["privilege_flag", "server_identity"]

#: Words naming database servers and identity providers.
_SERVER_WORDS = frozenset(
    {"mongodb", "mongo", "postgres", "postgresql", "mysql", "mariadb", "mssql", "sqlserver",
     "redis", "rabbitmq", "couchdb", "cassandra", "snowflake", "clickhouse", "elasticsearch",
     "opensearch", "keycloak", "okta", "auth0", "cognito", "ldap", "entra", "azuread", "gsuite",
     "directory", "database", "databases", "atlas", "cloudsql", "rds", "neo4j", "influxdb"}
)  # fmt: skip
#: Words of an action's name that make it about an account or role.
_ACCOUNT_WORDS = frozenset(
    {"user", "users", "role", "roles", "login", "logins", "principal", "principals", "grant",
     "grants", "privilege", "privileges", "databaseusers", "dbuser", "dbusers", "account",
     "accounts", "member", "members"}
)  # fmt: skip
#: The servers' own account commands, as keys (their case folded by the walk).
_SERVER_COMMANDS = frozenset(
    {"createuser", "updateuser", "createrole", "updaterole", "grantrolestouser",
     "grantrolestorole", "grantprivilegestorole", "createlogin", "alterlogin"}
)  # fmt: skip
#: Keys (letters only, lower case) whose true value makes the account an administrator.
_PRIVILEGE_FLAGS = frozenset(
    {"superuser", "issuperuser", "rolsuper", "isadmin", "siteadmin", "issiteadmin", "admin",
     "administrator", "isstaff", "bypassrls", "createrole", "canmanageusers", "isowner",
     "owner", "globaladmin", "sysadmin", "root"}
)  # fmt: skip
_ON = frozenset({"1", "true", "yes", "y", "on", "t"})


def _letters(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():  # runs for every key of a request: one bytes pass in C
        return lowered.encode("ascii").translate(None, _ASCII_NON_ALNUM).decode("ascii")
    return "".join(char for char in lowered if char.isalnum())


_ASCII_NON_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())


def server_identity(words: frozenset[str], items: list[Item]) -> bool:
    """Whether the request is about an account of a database server or identity provider
    (``words``: the action name's; ``items``: the parameters' text items)."""
    if words & _SERVER_WORDS and words & _ACCOUNT_WORDS:
        return True
    return any(_letters(item.key) in _SERVER_COMMANDS for item in items[:256])


def privilege_flag(words: frozenset[str], items: list[Item], parameters: object) -> str:
    """``{superuser: true}``, ``{is_admin: true}`` on such an account: the evidence, or ``""``."""
    if not server_identity(words, items):
        return ""
    for key, value in [*_flags(parameters), *((item.key, item.text) for item in items[:256])]:
        if _letters(key) in _PRIVILEGE_FLAGS and value.strip().lower() in _ON:
            return f"{key}: {value[:10]} makes the account an administrator"
    return ""


def _flags(parameters: object) -> list[tuple[str, str]]:
    """The top-level and second-level entries of ``parameters`` whose value is ``True``
    (the walk's text items hold no booleans); bounded to 64 each."""
    if not isinstance(parameters, Mapping):
        return []
    found: list[tuple[str, str]] = []
    for key, value in list(parameters.items())[:64]:
        inner = list(value.items())[:64] if isinstance(value, Mapping) else []
        for name, setting in [(key, value), *inner]:
            if setting is True and isinstance(name, str):
                found.append((name, "true"))
    return found
