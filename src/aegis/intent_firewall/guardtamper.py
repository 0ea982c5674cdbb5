"""Tampering with the safety layer and its witnesses, and privileges granted through APIs.

Three kinds, each found by meaning rather than by one spelling:

* ``guard-disabled`` (*block*): an environment variable of the guard (``AEGIS_*``, or a
  name with ``guardrail``, ``firewall``, ``safety``, ``sandbox`` …) set to off, ``0``,
  ``false``, ``disable``, ``bypass``; ``AEGIS_DISABLE_*=1``; a write or deletion of the
  safety layer's own configuration (``.aegis/``, ``aegis.toml``); guard or policy
  configuration written with ``enabled: false`` (or ``sed -i`` turning ``true`` into
  ``false``) or deleted; a setting whose path names a guard set off through a configuration
  tool, in any key and value shape (``guardsettings.py``).
* ``audit-tampering`` (*block*): a cloud API call that stops or deletes audit logging
  (``StopLogging``, ``DeleteTrail``, ``PutEventSelectors`` with no management events,
  ``DeleteFlowLogs``, ``DeleteLogGroup``, Config recorders, GuardDuty detectors, log sinks,
  diagnostic settings), by its operation name in any spelling (``stop_logging``,
  ``StopLogging``, ``sinks.delete``).
* ``privilege-grant`` (*review*): a collaborator or member added as admin, owner or
  maintainer; ``AdministratorAccess`` (or a policy allowing ``*`` on ``*``) attached; an IAM
  binding for ``allUsers``/``allAuthenticatedUsers`` or to an owner or editor role; a stored
  secret overwritten with nothing; an account of a database server or directory (MongoDB,
  PostgreSQL, Keycloak, Okta …) given its administrator role (``root``,
  ``userAdminAnyDatabase``, ``sysadmin``) or flag (``superuser: true``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import re2

from aegis.intent_firewall.guardsettings import guard_switched_off
from aegis.intent_firewall.items import Item
from aegis.intent_firewall.parameterflags import only_looks
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.servergrants import privilege_flag, server_identity
from aegis.intent_firewall.vocabulary import name_words

__all__ = [
    "cli_audit_stop",
    "guard_config_path",
    "guard_variable_off",
    "shell_guard_edit",
    "tamper_findings",
]

_OFF_VALUES = frozenset(
    {"off", "0", "false", "no", "n", "disable", "disabled", "bypass", "skip", "none", "never",
     "permissive", "allow", "allow_all", "allow-all", "allowall", "unsafe", "dangerous", "f"}
)  # fmt: skip
_ON_VALUES = frozenset({"1", "true", "yes", "y", "on", "t"})
_GUARD_WORDS = frozenset(
    {"aegis", "guard", "guardrail", "guardrails", "firewall", "safety", "sandbox",
     "sandboxing", "hitl", "moderation", "safeguard", "safeguards", "protection", "audit"}
)  # fmt: skip
#: Words that, in a guard variable set to a true value, mean it is switched off.
_NEGATING_WORDS = frozenset({"disable", "disabled", "skip", "bypass", "no", "off", "unsafe",
                             "dangerously", "yolo", "allow", "ignore"})  # fmt: skip
#: Guard variables whose value is not a switch (a log level, a path, a URL).
_NOT_SWITCHES = frozenset(
    {"level", "path", "dir", "file", "url", "endpoint", "host", "port", "format", "color",
     "colour", "home", "version", "name", "timeout"}
)  # fmt: skip
_SWITCH_WORDS = frozenset(
    {"enabled", "enable", "on", "active", "firewall", "guard", "guardrail", "guardrails",
     "check", "checks", "audit", "hitl", "safety", "sandbox", "mode", "strict", "threshold",
     "policy", "filter", "protection", "review", "enforce", "enforcement"}
)  # fmt: skip
_GUARD_OR_POLICY_WORDS = _GUARD_WORDS | {"policy", "policies"}
_CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".env", ".rc")
_DISABLING_TEXT = (
    "enabled: false", "enabled = false", '"enabled": false', "enabled:false", "enable: false",
    "enforce: false", "enforce = false", '"enforce": false', "mode: off", "mode = \"off\"",
    "mode: disabled", "mode: permissive", "active: false", "disabled: true",
    "disabled = true", '"disabled": true', "bypass: true", "threshold: 0\n", "threshold = 0\n",
)  # fmt: skip
_ON_WORDS = ("true", "enabled", "enable", "on", "1", "enforce", "block", "deny", "strict", "yes")
_OFF_WORDS = ("false", "disabled", "disable", "off", "0", "permissive", "allow", "no", "none")
#: Cloud operations that stop or delete audit logging, as letters only, lower case.
_AUDIT_STOPS = frozenset(
    {"stoplogging", "deletetrail", "deleteflowlogs", "deleteloggroup", "deletelogstream",
     "stopconfigurationrecorder", "deleteconfigurationrecorder", "deletedeliverychannel",
     "deletedetector", "disablesecurityhub", "deletesink", "sinksdelete", "loggingsinksdelete",
     "projectssinksdelete", "diagnosticsettingsdelete", "deletediagnosticsetting",
     "deletediagnosticsettings", "deletelogprofile", "logprofilesdelete", "disableauditlog",
     "disableauditlogs", "deleteauditlog", "stopauditlog", "deletebucketlogging",
     "disablelogging", "deleteeventdatastore", "stopeventdatastoreingestion",
     "disableorganizationadminaccount", "deleteaccountauditconfiguration"}
)  # fmt: skip
_ADMIN_ROLES = frozenset(
    {"admin", "administrator", "owner", "owners", "maintain", "maintainer", "superuser",
     "root", "super_admin", "superadmin", "organization_owner", "org_admin", "roles/owner",
     "roles/editor", "roles/iam.securityadmin", "roles/resourcemanager.projectiamadmin",
     "roles/iam.serviceaccounttokencreator", "roles/iam.serviceaccountuser",
     "user access administrator", "contributor", "50", "40", "global administrator",
     "cluster-admin", "administratoraccess", "iamfullaccess", "poweruseraccess",
     # database servers' own administrators (MongoDB, PostgreSQL, SQL Server, MySQL)
     "dbowner", "useradminanydatabase", "dbadminanydatabase", "readwriteanydatabase",
     "clusteradmin", "__system", "rds_superuser", "cloudsqlsuperuser", "azure_pg_admin",
     "pg_execute_server_program", "pg_write_server_files", "pg_read_server_files",
     "sysadmin", "db_owner", "securityadmin", "all privileges", "all", "realm-admin",
     "manage-users", "global_admin", "org_owner", "account_admin", "accountadmin",
     "useradmin", "dba", "atlasadmin", "atlas admin", "backupadmin", "hostmanager",
     "db_accessadmin", "db_securityadmin"}
)  # fmt: skip
_PUBLIC_MEMBERS = frozenset({"allusers", "allauthenticatedusers", "*", "everyone"})
_GRANT_WORDS = frozenset(
    {"add", "invite", "grant", "attach", "put", "set", "create", "update", "assign", "bind",
     "binding", "collaborator", "member", "iam", "policy", "role", "permission", "permissions",
     # database servers' own commands, seen as keys (their case folded): createUser …
     "roles", "createuser", "updateuser", "createrole", "grantrolestouser", "grantroles",
     "grantprivilegestorole"}
)  # fmt: skip
_ACCESS_KEYS = frozenset(
    {"permission", "permissions", "accesslevel", "access_level", "policyarn", "arn", "policy",
     "roledefinitionname", "roledefinitionid"}
)  # fmt: skip
_PLATFORM_WORDS = frozenset(
    {"collaborator", "collaborators", "membership", "org", "organization", "organisation",
     "repo", "repository", "iam", "project", "github", "gitlab", "bitbucket", "azure", "gcp",
     "aws", "subscription", "tenant", "cluster", "rolebinding", "clusterrolebinding",
     "assignment", "workspace", "enterprise"}
)  # fmt: skip

#: Roles above every other, on any platform or application (their letters only): who holds
#: one can remove everyone else, so the grant is one whatever the tool.
_TOP_ROLES = frozenset(
    {"owner", "coowner", "superadmin", "superadministrator", "superuser", "globaladmin",
     "globaladministrator", "orgowner", "organizationowner", "accountowner", "primaryowner",
     "workspaceowner", "tenantadmin", "tenantowner"}
)  # fmt: skip
#: Keys naming an access level (``permissionLevel: owner``); their case folded.
_LEVEL_KEYS = frozenset({"permissionlevel", "accesslevel", "access_level", "level"})
#: Records whose ``role`` is a person's job, not an access level (a CRM contact's "Owner").
_RECORD_NOUNS = frozenset(
    {"contact", "contacts", "lead", "leads", "customer", "customers", "person", "people",
     "company", "companies", "deal", "deals", "candidate", "candidates", "employee"}
)  # fmt: skip
#: Keys holding a role's name (their case folded: roleName is rolename).
_ROLE_KEYS = frozenset({"role", "roles", "rolename", "role_name", "roleid", "builtinrole"})
_SECRET_SETTERS = frozenset({"secret", "secrets"})
_VALUE_KEYS = frozenset({"value", "secret_value", "encrypted_value", "plaintext_value",
                         "secret", "data", "secret_string", "secretstring"})  # fmt: skip
_MAX_ITEMS = 256
#: Every audit stop, for one ``str.endswith`` call.
_AUDIT_STOP_ENDINGS = tuple(sorted(_AUDIT_STOPS))
#: Parameters holding a command line or SQL: read by the shell and SQL judges, not here.
_LINE_KEYS = frozenset({"command", "cmd", "script", "shell", "bash", "sh", "query", "sql"})


def guard_variable_off(name: str, value: str) -> bool:
    """Whether setting the environment variable ``name`` to ``value`` turns a guard off."""
    words = name_words(name)
    if not words & _GUARD_WORDS or words & _NOT_SWITCHES:
        return False
    setting = value.strip().strip("'\"").lower()
    if setting in ("0", "0.0", "n", "f"):
        # a zero is "off" only for a switch (AEGIS_ENABLED=0, AEGIS_THRESHOLD=0), not for a
        # count (AEGIS_MAX_RETRIES=0)
        return bool(words & _SWITCH_WORDS) or words <= _GUARD_WORDS
    if setting in _OFF_VALUES:
        return True
    return setting in _ON_VALUES and bool(words & _NEGATING_WORDS)


def guard_config_path(path: str) -> str:
    """``aegis`` for the safety layer's own configuration, ``guard`` for another guard or
    policy configuration file, ``""`` otherwise."""
    lowered = path.replace("\\", "/").lower()
    name = lowered.rsplit("/", 1)[-1]
    if "/.aegis/" in "/" + lowered or name.startswith(("aegis", ".aegis")):
        return "aegis"
    if not name.endswith(_CONFIG_SUFFIXES):
        return ""  # only a configuration file can be one (and the test is cheaper first)
    return "guard" if _path_words(lowered) & _GUARD_OR_POLICY_WORDS else ""


#: Every ASCII character but a letter or digit, as a blank (see :func:`_path_words`).
_ASCII_SEPARATORS = bytes.maketrans(
    bytes(code for code in range(128) if not chr(code).isalnum()),
    b" " * sum(not chr(code).isalnum() for code in range(128)),
)


def _path_words(lowered: str) -> frozenset[str]:
    """``name_words(lowered)`` for a lower-case path: in ASCII there is no camelCase to
    split, so its words are the runs of letters and digits, told in C (paths are distinct:
    the cache of ``name_words`` would not help them)."""
    head = lowered[:512]  # as name_words: only the first 512 characters count
    if head.isascii():
        return frozenset(head.encode("ascii").translate(_ASCII_SEPARATORS).decode().split())
    return name_words(lowered)


def tamper_findings(
    action: str, words: frozenset[str], items: list[Item], parameters: object = None
) -> list[Hit]:
    """Findings of the three kinds above on one structured request (``parameters``, the
    frozen copy, for the true flags that are no text item: ``{superuser: true}``)."""
    hits: list[Hit] = []
    lines: list[str] = []
    others: list[Item] = []
    for item in items[:_MAX_ITEMS]:  # loops, not generators: these run for every request
        if item.key in _LINE_KEYS:
            lines.append(item.text)
        else:
            others.append(item)
    # command lines and SQL are judged by their own readers; structured values only here
    items = others
    for line in lines:
        edit = shell_guard_edit(line)
        if edit:
            hits.append(default_hit("guard-disabled", edit))
            break
    for line in lines:
        stop = cli_audit_stop(line)
        if stop:
            hits.append(default_hit("audit-tampering", stop))
            break
    switched = guard_switched_off(parameters) if parameters is not None else ""
    if switched:
        hits.append(default_hit("guard-disabled", switched))
    if not items:
        return hits
    audit = _audit_stop(action, items)
    if audit:
        hits.append(default_hit("audit-tampering", audit))
    grant = _grant(words, items) if _may_grant(words, items) else ""
    grant = grant or privilege_flag(words, items, parameters)
    if grant and not only_looks(words):  # listMembers {role: admin}: a filter of a read
        hits.append(default_hit("privilege-grant", grant))
    guard = "" if switched else _guard_settings(words, items)
    if guard:
        hits.append(default_hit("guard-disabled", guard))
    return hits


#: ASCII characters that are neither letters nor digits, deleted by ``str.translate``.
_ASCII_NON_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())


def _letters(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():  # these run for up to 256 values a request: bytes delete in one
        # table pass, where str.translate looks each character up in a dict
        return lowered.encode("ascii").translate(None, _ASCII_NON_ALNUM).decode("ascii")
    return "".join(c for c in lowered if c.isalnum())


def _audit_stop(action: str, items: list[Item]) -> str:
    """The action or a short value that names an audit stop (``StopLogging``), or a trail's
    event selectors that record nothing. Each value's letters are worked out once and
    tested against every ending in one call (this runs on up to 256 values a request)."""
    letters = _letters(action)
    if letters.endswith(_AUDIT_STOP_ENDINGS):  # also when the letters are a stop
        return f"audit logging stopped or deleted: {action[:80]!r}"
    selectors = [letters]
    for item in items:
        text = item.text
        if len(text) > 80:
            continue
        letters = _letters(text)
        if letters.endswith(_AUDIT_STOP_ENDINGS):
            return f"audit logging stopped or deleted: {text[:80]!r}"
        if len(text) <= 40:
            selectors.append(letters)
    if "puteventselectors" in "".join(selectors):
        texts = {i.key.lower(): i.text.lower() for i in items}
        if texts.get("includemanagementevents") in ("false", "0") or texts.get("readwritetype") in (
            "none",
            "",
        ):
            return "audit event selectors that record no management events"
    return ""


def _short_words(text: str) -> frozenset[str]:
    """The words of a short value that may name an operation (``AttachRolePolicy``); a URL
    names none."""
    if len(text) > 40 or "://" in text:
        return frozenset()
    return name_words(text)


def _may_grant(words: frozenset[str], items: list[Item]) -> bool:
    """False when no word of the action, a key or a short value is a grant or secret word
    (so :func:`_grant` finds nothing): told for ASCII values by one scan of them all for
    those words as substrings (each of a value's words is one of its substrings), instead
    of splitting each distinct value into words."""
    if not words.isdisjoint(_GRANT_OR_SECRET):
        return True
    short: list[str] = []
    for item in items:
        if not name_words(item.key).isdisjoint(_GRANT_OR_SECRET):
            return True
        text = item.text
        if len(text) > 40 or "://" in text:
            continue
        if not text.isascii():
            return True  # NFKC may turn it into other letters: split into words
        short.append(text)
    return bool(short) and _grant_scan().search("\n".join(short).lower()) is not None


_GRANT_OR_SECRET = _GRANT_WORDS | _SECRET_SETTERS


@cache
def _grant_scan() -> Any:
    """The grant and secret words as one RE2 alternation (letters and digits only)."""
    assert all(word.isalnum() and word.isascii() for word in _GRANT_OR_SECRET)
    options = re2.Options()
    options.log_errors = False
    return re2.compile("|".join(sorted(_GRANT_OR_SECRET)), options)


def _grant(words: frozenset[str], items: list[Item]) -> str:
    texts = [(i.key.lower(), i.text.strip().lower()) for i in items]
    # the keys' and short values' words too: {"operation": "AttachRolePolicy"}
    action_words = words.union(*(name_words(i.key) | _short_words(i.text) for i in items))
    if not action_words & _GRANT_WORDS and not action_words & _SECRET_SETTERS:
        return ""
    server = server_identity(words, items)
    for item, (key, text) in zip(items, texts, strict=True):
        key_words = name_words(item.key) | {key}
        public = text.removeprefix("group:") in _PUBLIC_MEMBERS and text != "*"
        if public or (text == "*" and key_words & {"member", "members", "principal"}):
            return f"access granted to {text!r} (anyone)"
        admin = text in _ADMIN_ROLES or text.rsplit("/", 1)[-1] in _ADMIN_ROLES
        # an owner or super admin of anything: whoever holds it can remove everyone else
        top = (
            key_words & (_ROLE_KEYS | _LEVEL_KEYS)
            and _letters(text.rsplit("/", 1)[-1]).removesuffix("s") in _TOP_ROLES
            and not words & _RECORD_NOUNS  # crm.contacts.create {role: Owner}: a job title
        )
        # an application's own "admin" role is the application's business; a role on a
        # repository, organisation, cloud project or cluster, or on an account of a database
        # server or directory (servergrants.py), is access to the platform
        platform = key_words & _ACCESS_KEYS or (
            key_words & _ROLE_KEYS and (action_words & _PLATFORM_WORDS or server)
        )
        if (admin and platform) or top:
            return f"{key} {text!r} granted"
    if words & _SECRET_SETTERS and words & {"create", "update", "put", "set", "overwrite"}:
        values = [text for key, text in texts if key in _VALUE_KEYS]
        if not values or all(not value for value in values):
            return "a stored secret overwritten with nothing"
    if _allows_everything(texts):
        return "a policy that allows every action on every resource"
    return ""


def _allows_everything(texts: list[tuple[str, str]]) -> bool:
    keys = dict(texts)
    return (
        keys.get("action") == "*"
        and keys.get("resource") == "*"
        and (keys.get("effect", "allow") == "allow")
    )


def _guard_settings(words: frozenset[str], items: list[Item]) -> str:
    paths = [i.text for i in items if i.key in ("path", "file", "file_path", "filepath",
                                                  "filename", "target", "target_file")]  # fmt: skip
    kinds = {path: guard_config_path(path) for path in paths}
    for path, kind in kinds.items():
        if kind == "aegis":
            return f"the safety layer's configuration {path!r} changed"
    guarded = [path for path, kind in kinds.items() if kind]
    deleting = words & {"delete", "remove", "rm", "unlink", "erase", "truncate"}
    if guarded and deleting:
        return f"guard configuration {guarded[0]!r} deleted"
    for item in items:
        text = item.text.lower()
        if guarded and any(flag in text for flag in _DISABLING_TEXT):
            return f"guard configuration {guarded[0]!r} switched off"
        if item.key.lower() in ("name", "key", "variable", "var") and guard_variable_off(
            item.text, _value_beside(items, item)
        ):
            return f"guard variable {item.text!r} switched off"
    return ""


def _value_beside(items: list[Item], named: Item) -> str:
    """The ``value`` parameter given with a ``name`` (``{"name": …, "value": …}``)."""
    prefix = named.where.rsplit(".", 1)[0]
    for item in items:
        if item.where == prefix + ".value":
            return item.text
    return ""


def shell_guard_edit(text: str) -> str:
    """``sed -i 's/enabled: true/enabled: false/' guard.yaml`` and kin, in a command line."""
    lowered = text.lower()
    if "sed" not in lowered or "-i" not in lowered or not _flips_off(lowered):
        return ""
    for word in lowered.replace("'", " ").replace('"', " ").split():
        if guard_config_path(word):
            return f"sed turns a setting off in {word!r}"
    return ""


def _flips_off(lowered: str) -> bool:
    """A ``s/OLD/NEW/`` substitution (any delimiter) whose OLD says on and NEW says off."""
    start = 0
    while (index := lowered.find("s", start)) >= 0 and index + 1 < len(lowered):
        start = index + 1
        if index > 0 and lowered[index - 1] not in " '\"-;e":
            continue
        delimiter = lowered[index + 1]
        if delimiter.isalnum() or delimiter.isspace():
            continue
        parts = lowered[index + 2 :].split(delimiter, 2)
        if len(parts) < 2:
            continue
        old, new = name_words(parts[0]), name_words(parts[1])
        if old & set(_ON_WORDS) and new & set(_OFF_WORDS):
            return True
    return False


_CLOUD_CLIS = ("aws ", "gcloud ", "az ", "aws.exe ", "az.cmd ")


def cli_audit_stop(line: str) -> str:
    """``aws cloudtrail stop-logging``, ``gcloud logging sinks delete``, ``az monitor
    diagnostic-settings delete``: a cloud CLI whose verb (alone or with the word before it)
    is an audit stop."""
    lowered = line.lower()
    for cli in _CLOUD_CLIS:  # a loop, not a generator: this runs for every command line
        if cli in lowered:
            break
    else:
        return ""
    words = [_letters(word) for word in lowered.split()[:64]]
    for index, word in enumerate(words):
        pair = words[index - 1] + word if index else word
        if word in _AUDIT_STOPS or pair in _AUDIT_STOPS:
            return f"audit logging stopped or deleted: {line[:100]!r}"
    return ""
