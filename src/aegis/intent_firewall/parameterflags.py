"""Parameters that change what an action does: ``force: true``, ``public: true``.

``git_push {branch: main, force: true}`` rewrites a shared history and
``restart_server {host: …, force: true}`` skips the graceful path, whatever the action is
called; ``{public: true}`` or ``{visibility: public}`` publishes what the request carries to
everyone, and a body sent to a sharing endpoint (``POST …/gists``, ``…/pastes``, release
assets) publishes it even on an allowed host, because ``allowed_hosts`` says where the agent
may fetch from, not where it may publish. One such parameter is enough for *review*.

The parameters are walked iteratively within a node budget (the frozen copy the firewall
judged, so a shared or cyclic structure costs at most the budget).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from aegis.intent_firewall.adminmembers import admin_membership
from aegis.intent_firewall.controlswitches import (
    control_switch,
    setting_findings,
    switch_key,
    wide_range_findings,
)
from aegis.intent_firewall.hosts import url_host
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["FLAG_KEYS", "key_kind", "only_looks", "parameter_flag_findings"]

_MAX_NODES = 512
_MAX_DEPTH = 8
#: Words of a key whose true value makes the action destructive (force_push, hardReset).
_DESTRUCTIVE_FLAG_WORDS = frozenset(
    {"force", "forced", "forcefully", "cascade", "purge", "hard", "prune", "wipe", "nuke",
     "destroy", "unsafe", "dangerously", "bypass", "drop", "truncate"}
)  # fmt: skip
#: Keys (lower case, separators removed) whose true value turns a safety check off.
_SKIPPED_CHECKS = frozenset(
    {"noverify", "skipverify", "skipverification", "skiphooks", "skipchecks", "nobackup",
     "skipbackup", "allowdestructive", "deleteall", "dropall", "skipsafety", "disablesafety",
     "nosafety", "ignoresafety", "skipconfirmation", "noconfirm", "transferownership"}
)  # fmt: skip
#: Keys whose false value turns a safety check off (verify: false, safe_mode: false).
_SAFETY_KEYS = frozenset(
    {"verify", "safe", "safemode", "protect", "protection",
     # branch protection: reviews, admins and checks held to the rules
     "enforceadmins", "requiredreviews", "requiredapprovingreviewcount", "requirereviews",
     "requirecodeownerreviews", "requiredstatuschecks", "requiresignedcommits",
     "requirelinearhistory", "mfa", "mfaenabled", "twofactor", "requiremfa", "require2fa"}
)  # fmt: skip
#: Keys naming how an action runs, and the values that make it destructive (mode: hard).
_MODE_KEYS = frozenset({"mode", "strategy", "type", "option", "options", "flag", "flags"})
_DESTRUCTIVE_MODES = frozenset(
    {"force", "hard", "cascade", "purge", "mirror", "force-with-lease", "prune", "wipe"}
)
_PUBLIC_KEYS = frozenset({"public", "ispublic", "publish", "publicread", "world_readable"})
_VISIBILITY_KEYS = frozenset(
    {"visibility", "acl", "cannedacl", "privacy", "access", "accesslevel", "linkaccess",
     "sharedlinkaccess", "generalaccess", "requestedvisibility", "sharing", "sharingmode",
     "linksharing", "shareaccess", "audience"}
)  # fmt: skip
_PUBLIC_VALUES = frozenset({"public", "public-read", "public-read-write", "everyone", "anyone",
                            "world", "unlisted", "authenticated-read"})  # fmt: skip
#: Values that open a link to anyone who has it, said under a visibility key only (``open``
#: elsewhere is a state: ``status: open``).
_LINK_PUBLIC_VALUES = _PUBLIC_VALUES | frozenset(
    {"open", "anyonewithlink", "anyone_with_link", "anyone-with-link", "allusers",
     "allauthenticatedusers", "public_with_link", "publicwithlink", "anyone_can_view"}
)  # fmt: skip
_KINDS = (
    ("safety", _SAFETY_KEYS),
    ("public", _PUBLIC_KEYS),
    ("private", frozenset({"private", "isprivate"})),
    ("visibility", _VISIBILITY_KEYS),
    ("mode", _MODE_KEYS),
)
_TRUE = frozenset({"true", "yes", "y", "on", "1"})
_FALSE = frozenset({"false", "no", "n", "off", "0"})
#: Path segments of endpoints that publish what is sent to them.
_SHARING_SEGMENTS = frozenset({"gists", "gist", "pastes", "paste", "snippets", "uploads",
                               "upload", "assets", "contents", "attachments"})  # fmt: skip
_URL_KEYS = frozenset({"url", "endpoint", "uri", "href", "target", "api"})
_BODY_KEYS = frozenset({"json", "data", "body", "content", "contents", "files", "payload", "form"})
_METHOD_KEYS = frozenset({"method", "verb", "http_method", "httpmethod", "request_method"})
_SENDING = frozenset({"POST", "PUT", "PATCH"})
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def _pairs(parameters: Mapping[Any, Any]) -> Iterator[tuple[str, Any]]:
    """(key, value) of every mapping below ``parameters``, breadth first, bounded."""
    pending: list[tuple[Any, int]] = [(parameters, 0)]
    seen: set[int] = set()
    nodes = 0
    while pending and nodes < _MAX_NODES:
        node, depth = pending.pop(0)
        if id(node) in seen or depth > _MAX_DEPTH:
            continue
        seen.add(id(node))
        items = node.items() if isinstance(node, Mapping) else enumerate(node)
        for key, value in items:
            nodes += 1
            if nodes > _MAX_NODES:
                break
            if isinstance(key, str):
                yield key, value
            if isinstance(value, (Mapping, list, tuple)):
                pending.append((value, depth + 1))


def _truth(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        text = value.strip().casefold()
        return True if text in _TRUE else False if text in _FALSE else None
    return None


def _shown(value: object) -> str:
    """A short rendering, never of more than a few items (``str`` of a shared structure
    could be unbounded)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_shown(v) for v in value[:4] if isinstance(v, (str, int))) + "]"
    return str(value)[:40] if isinstance(value, (str, int, float)) else type(value).__name__


#: ASCII characters that are neither letters nor digits, deleted by ``bytes.translate``.
_ASCII_NON_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())


def _compact(key: str) -> str:
    """A key's letters and digits, case folded: for ASCII one C pass (a request's 256
    distinct keys would each take a Python step per character)."""
    if key.isascii():
        return key.lower().encode("ascii").translate(None, _ASCII_NON_ALNUM).decode("ascii")
    return "".join(c for c in key.casefold() if c.isalnum())


@lru_cache(maxsize=4096)
def _key_kind(key: str) -> str:
    """What a key can make of its value: ``destructive``, ``safety``, ``public``,
    ``private``, ``visibility``, ``mode`` or ``""`` (nothing; most keys). Keys over 64
    characters are no flag (and keep the cache small)."""
    if len(key) > 64:
        return ""
    compact = _compact(key)
    if name_words(key) & _DESTRUCTIVE_FLAG_WORDS or compact in _SKIPPED_CHECKS:
        return "destructive"
    for kind, keys in _KINDS:
        if compact in keys:
            return kind
    # repo_visibility, defaultVisibility; private_repo, repoPrivate
    if compact.endswith("visibility"):
        kind = "visibility"
    elif compact.endswith("private") or (compact.startswith("private") and len(compact) < 16):
        kind = "private"
    else:  # a URL: no flag, but the sharing-endpoint check needs a look
        kind = "url" if key.casefold() in _URL_KEYS else ""
    return kind


#: What a key can make of its value (``""`` for a key no flag check reads).
key_kind = _key_kind


_ID_KEYS = frozenset({"uid", "gid", "user_id", "userid", "group_id", "groupid"})
_GROUP_KEYS = frozenset({"group", "groups", "supplementary_groups", "extra_groups"})
#: Groups whose members are root in all but name.
_ROOT_GROUPS = frozenset({"root", "sudo", "wheel", "admin", "adm", "administrators", "docker",
                          "lxd", "disk", "shadow", "kvm"})  # fmt: skip
_REF_KEYS = frozenset({"refspec", "refspecs", "ref", "refs", "branch", "branches"})
#: Keys (case-folded) whose value the account and refspec checks read, whatever their kind.
FLAG_KEYS = _ID_KEYS | _GROUP_KEYS | _REF_KEYS


def _account_privilege(parameters: Mapping[Any, Any]) -> tuple[str, str] | None:
    """An account given uid 0 or a root-equivalent group; a refspec that forces (``+main``)."""
    for key, value in itertools.islice(parameters.items(), _MAX_NODES):
        name = key.casefold() if isinstance(key, str) else ""
        if name in _ID_KEYS and str(value).strip() == "0":
            return "account-change", f"parameter {name}: 0 is root"
        values = value if isinstance(value, (list, tuple)) else [value]
        texts = [v.strip().casefold() for v in values[:32] if isinstance(v, str)]
        if name in _GROUP_KEYS and _ROOT_GROUPS.intersection(texts):
            return "account-change", f"parameter {name}: a root-equivalent group"
        if name in _REF_KEYS and any(text.startswith("+") for text in texts):
            return "destructive-action", f"parameter {name}: a forced refspec"
    return None


def _flag(key: str, value: object) -> tuple[str, str] | None:
    """(rule, evidence) for one parameter, or ``None``."""
    kind = _key_kind(key)
    if not kind or not isinstance(value, (str, int, float, list, tuple)):
        return None  # a mapping's own keys are walked; its text is not a flag
    truth = _truth(value)
    shown = f"{key}: {_shown(value)}"
    if kind == "destructive" and truth is True:
        return "destructive-action", f"parameter {shown} makes the action destructive"
    if kind == "safety" and truth is False:
        return "destructive-action", f"parameter {shown} turns a safety check off"
    if (
        (kind == "public" and truth is True)
        or (kind == "private" and truth is False)
        or (
            kind == "visibility"
            and any(
                isinstance(item, str) and item.strip().casefold() in _LINK_PUBLIC_VALUES
                for item in (value if isinstance(value, list | tuple) else [value])[:16]
            )
        )
    ):
        return "irreversible-publish", f"parameter {shown} publishes to everyone"
    return _mode_flag(key, value) if kind == "mode" else None


def _mode_flag(key: str, value: object) -> tuple[str, str] | None:
    """``mode: hard`` is destructive; ``type: anyone`` (a sharing permission) publishes."""
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values[:16]:
        if isinstance(item, str) and item.strip().lstrip("-").casefold() in _DESTRUCTIVE_MODES:
            return "destructive-action", f"parameter {key}: {item[:40]} is destructive"
        if isinstance(item, str) and item.strip().casefold() in _PUBLIC_VALUES:
            return "irreversible-publish", f"parameter {key}: {item[:40]} publishes to everyone"
    return None


def _sharing(parameters: Mapping[Any, Any], action_words: frozenset[str]) -> tuple[str, str] | None:
    """A body sent to an endpoint that publishes it (``POST https://api.github.com/gists``)."""
    top = list(itertools.islice(parameters.items(), _MAX_NODES))
    method = next((v for k, v in top if isinstance(k, str) and k.casefold() in _METHOD_KEYS), None)
    if isinstance(method, str):
        sending = method.strip().upper() in _SENDING
    else:
        sending = bool(action_words & {"post", "put", "patch", "upload", "send", "publish"})
    body = any(isinstance(k, str) and k.casefold() in _BODY_KEYS for k, _ in top)
    if not (sending and body):
        return None
    for key, url in top:
        if not isinstance(key, str) or key.casefold() not in _URL_KEYS or not isinstance(url, str):
            continue
        parsed = url_host(url)
        if parsed is None or parsed[1] in _LOOPBACK:
            continue
        path = url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0].casefold()
        if _SHARING_SEGMENTS.intersection(path.split("/")):
            return "irreversible-publish", f"sends a body to {url[:120]}, which publishes it"
    return None


#: Action words that only look things up, and those that change what they name.
_LOOKING = frozenset(
    {"list", "search", "find", "query", "count", "describe", "get", "show", "browse", "filter",
     "lookup", "read", "fetch", "view"}
)  # fmt: skip
_CHANGING = frozenset(
    {"update", "set", "create", "put", "patch", "share", "publish", "change", "make", "edit",
     "modify", "add", "insert", "grant", "upload", "post", "write", "save", "apply", "enable"}
)  # fmt: skip


#: Action words of a grant (an ACL rule, a permission, a share): its ``type`` says to whom.
_GRANT_NOUNS = frozenset({"acl", "acls", "permission", "permissions", "share", "sharing"})
#: Grantee types that mean everyone: Google Calendar's ``scope.type: default`` (public),
#: Drive's ``type: anyone``, the ``allUsers`` members of cloud storage.
_EVERYONE_SCOPES = frozenset({"default", "anyone", "public", "everyone", "allusers", "all"})


def _public_scope(key: str, value: object) -> bool:
    """``{scope: {type: default}}`` under an ACL insert: a calendar made public."""
    return (
        key.casefold() in ("type", "scope_type", "scopetype", "grantee_type", "granteetype")
        and isinstance(value, str)
        and value.strip().casefold() in _EVERYONE_SCOPES
    )


def only_looks(action_words: frozenset[str]) -> bool:
    """``github.list_repos``: an action that only reads, whose parameters are filters."""
    return bool(action_words & _LOOKING) and not action_words & _CHANGING


def _field_hit(
    key: str, value: object, *, granting: bool, deploying: bool
) -> tuple[str, str] | None:
    """(rule, evidence) for one field: a flag, a public grantee scope, a control switch."""
    hit = _flag(key, value)
    if hit is None and granting and _public_scope(key, value):
        hit = "irreversible-publish", f"parameter {key}: {value} grants to everyone"
    return hit if hit is not None else control_switch(key, value, deploying=deploying)


#: Action words of a deploy, release, merge or send: skipping its tests matters there.
_DEPLOY_WORDS = frozenset({"deploy", "deployment", "release", "merge", "publish", "dispatch",
                           "promote", "rollout", "ship", "apply", "send", "campaign",
                           "campaigns", "broadcast"})  # fmt: skip


def _membership_findings(
    parameters: Mapping[Any, Any], action_words: frozenset[str]
) -> dict[str, tuple[str, str]]:
    """An account made root, a forced refspec, a member added to administrators."""
    found: dict[str, tuple[str, str]] = {}
    account = _account_privilege(parameters)
    if account is not None:
        found[account[0]] = account
    admins = admin_membership(parameters, action_words)
    if admins:
        found["privilege-grant"] = ("privilege-grant", admins)
    return found


def parameter_flag_findings(
    parameters: object, action_words: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """(rule, evidence) for every parameter that makes the action destructive or public."""
    if not isinstance(parameters, Mapping):
        return []
    found = _membership_findings(parameters, action_words)
    deploying = bool(action_words & _DEPLOY_WORDS)
    for key, value in itertools.islice(parameters.items(), _MAX_NODES):
        if not isinstance(value, (str, int, float)) or (
            isinstance(key, str) and (_key_kind(key) or switch_key(key))
        ):
            break
    else:  # {"path": …, "content": …}: no flag and no URL, but maybe a range's two ends
        return [*found.values(), *wide_range_findings(parameters)]
    sharing = _sharing(parameters, action_words)
    if sharing is not None:
        found[sharing[0]] = sharing
    filters = only_looks(action_words)
    if not filters:
        for rule, evidence in setting_findings(parameters):
            found.setdefault(rule, (rule, evidence))
    granting = bool(action_words & _GRANT_NOUNS)
    for key, value in _pairs(parameters):
        hit = _field_hit(key, value, granting=granting, deploying=deploying)
        if hit is not None and filters and hit[0] == "irreversible-publish":
            continue  # list_repos {visibility: public}: a filter of what is read
        if hit is not None and hit[0] not in found:
            found[hit[0]] = hit
        if len(found) == 2:
            break
    return list(found.values())
