"""Kubernetes objects given to an apply tool that grant power: RBAC and privileged pods.

``k8s_apply {manifest: {kind: ClusterRoleBinding, roleRef: {name: cluster-admin}, …}}``
makes its subjects cluster administrators; a Role whose rules allow ``*`` or the
``escalate``, ``bind`` or ``impersonate`` verbs lets its holder take any power; a container
with ``CAP_SYS_ADMIN`` (or ``ALL``) capabilities owns the node. These are read from the
objects as mappings, and from YAML or JSON text that names a ``kind`` (parsed with the safe
loader, bounded in size). Bindings and roles are ``privilege-grant`` (*review*); added
capabilities are ``container-escape`` (``privileged: true``, ``hostPID``, ``hostPath: /``
are found by the configuration rules the same objects are read by as text).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from aegis.intent_firewall.embedded import load_yaml
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["rbac_findings"]

_POWERFUL_ROLES = frozenset({"cluster-admin", "admin", "edit", "system:masters"})
#: Subjects that are anyone who can reach the API server.
_EVERYONE = frozenset({"system:anonymous", "system:unauthenticated", "system:authenticated"})
_BINDINGS = frozenset({"rolebinding", "clusterrolebinding"})
_ROLES = frozenset({"role", "clusterrole"})
_ESCALATING_VERBS = frozenset({"*", "escalate", "bind", "impersonate"})
_HOST_CAPABILITIES = frozenset(
    {"sys_admin", "cap_sys_admin", "all", "sys_ptrace", "sys_module", "dac_read_search",
     "cap_sys_module", "cap_sys_ptrace"}
)  # fmt: skip
_MAX_NODES = 2048
_MAX_DEPTH = 32
_MAX_TEXT = 16384


def _objects(parameters: Any) -> Iterator[Mapping[Any, Any]]:
    """Every mapping in the parameters, and in the YAML or JSON text they hold that names a
    ``kind``; iterative, bounded in nodes and depth."""
    stack: list[tuple[Any, int]] = [(parameters, 0)]
    seen = 0
    while stack and seen < _MAX_NODES:
        node, depth = stack.pop()
        seen += 1
        if depth > _MAX_DEPTH:
            continue
        if isinstance(node, Mapping):
            yield node
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list | tuple):
            stack.extend((value, depth + 1) for value in node[:_MAX_NODES])
        elif isinstance(node, str) and _names_kind(node) and len(node) <= _MAX_TEXT:
            stack.extend((document, depth + 1) for document in _documents(node))


def _plain_strings(parameters: Any) -> bool:
    """A mapping of strings none of which holds an object's ``kind`` (a loop, not a
    generator: this runs for every request)."""
    if not isinstance(parameters, Mapping):
        return False
    for value in parameters.values():
        if type(value) is not str or "kind:" in value or '"kind"' in value:
            return False
    return True


def _names_kind(text: str) -> bool:
    return "kind:" in text or '"kind"' in text


def _documents(text: str) -> list[Any]:
    """The documents of a ``---``-separated YAML text (JSON is YAML)."""
    found = []
    for part in text.split("\n---")[:16]:
        document, _ = load_yaml(part)
        if isinstance(document, Mapping | list):
            found.append(document)
    return found


def _lower(value: Any) -> str:
    return str(value).strip().lower() if isinstance(value, str | int) else ""


def _listed(value: Any) -> set[str]:
    values = value if isinstance(value, list | tuple) else [value]
    return {_lower(item) for item in values[:64]}


def _grant(obj: Mapping[Any, Any]) -> str:
    kind = _lower(obj.get("kind"))
    if kind in _BINDINGS:
        ref = obj.get("roleRef") or obj.get("roleref")
        role = _lower(ref.get("name")) if isinstance(ref, Mapping) else ""
        if role in _POWERFUL_ROLES:
            return f"{obj.get('kind')} to {role!r}"
        subjects = obj.get("subjects")
        names = (
            {_lower(s.get("name")) for s in subjects[:64] if isinstance(s, Mapping)}
            if (isinstance(subjects, list | tuple))
            else set()
        )
        if names & _EVERYONE:
            return f"{obj.get('kind')} of {role!r} to {sorted(names & _EVERYONE)[0]!r}"
    rules = obj.get("rules")
    if kind in _ROLES and isinstance(rules, list | tuple):
        for rule in rules[:64]:
            if not isinstance(rule, Mapping):
                continue
            verbs = _listed(rule.get("verbs"))
            resources = _listed(rule.get("resources"))
            if verbs & _ESCALATING_VERBS or "*" in resources:
                return f"{obj.get('kind')} allowing {sorted(verbs | resources)[:6]}"
    return ""


def _capabilities(obj: Mapping[Any, Any]) -> str:
    """``securityContext: {capabilities: {add: [SYS_ADMIN]}}``."""
    capabilities = obj.get("capabilities")
    if not isinstance(capabilities, Mapping) or capabilities.get("add") is None:
        return ""
    powerful = _listed(capabilities.get("add")) & _HOST_CAPABILITIES
    return f"capabilities {sorted(powerful)} added" if powerful else ""


def rbac_findings(parameters: Any) -> list[Hit]:
    """The first grant and the first host capability the parameters' objects hold."""
    if _plain_strings(parameters):
        return []  # the common request: a few strings, none of them an object's text
    hits: list[Hit] = []
    grant = capability = ""
    for obj in _objects(parameters):
        grant = grant or _grant(obj)
        capability = capability or _capabilities(obj)
        if grant and capability:
            break
    if grant:
        hits.append(default_hit("privilege-grant", grant))
    if capability:
        hits.append(default_hit("container-escape", capability))
    return hits
