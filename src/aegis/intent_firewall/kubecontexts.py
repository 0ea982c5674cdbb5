"""Which Kubernetes cluster a changing kubectl command reaches, and what it applies.

A context name is free text in a kubeconfig: ``kind-prod-eu-1`` or ``k3d-production`` may
point anywhere. A changing verb on a named context is read as the agent's own cluster only
when the name is, exactly as written (names are case-sensitive), one the local cluster tools
make (``minikube``, ``docker-desktop``, ``kind-…``, ``k3d-…``) and none of its words says
production (``prod``, ``production``, ``prd``, ``live``). A manifest given as a URL, or as a
file outside the working directory (``/tmp/dl/daemonset.yaml``), is someone else's and is
review. The same reading serves the tool form (``kubectl_apply {context, files}``,
``toolcommands.py``) and the command line (``kubectl apply --context prod -f …``).
"""

from __future__ import annotations

import posixpath
import tomllib
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["foreign_manifest", "helm_release_target", "kubechange", "local_context"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/operations.toml").read_text()
)["tool_commands"]
_LOCAL = tuple(_DATA["local_cluster_contexts"])
_PRODUCTION = frozenset({"prod", "production", "prd", "live", "prod1", "prod2"})
_CONTEXT_OPTIONS = ("--context", "--cluster", "--server", "-s", "--kubeconfig", "--token")
_FILE_OPTIONS = ("-f", "--filename", "-k", "--kustomize")


def local_context(context: str) -> bool:
    """``kind-dev``, ``minikube``: a listed name, or one starting with a listed prefix, with
    no word that says production."""
    words = set("".join(c if c.isalnum() else " " for c in context.casefold()).split())
    if words & _PRODUCTION or any(word.startswith("prod") for word in words):
        return False
    return any(
        context.startswith(name) and context != name if name.endswith("-") else context == name
        for name in _LOCAL
    )


#: helm verbs that change what runs in the cluster.
_HELM_CHANGES = frozenset({"install", "upgrade", "uninstall", "delete", "rollback", "test"})
_HELM_CONTEXTS = ("--kube-context", "--kubeconfig", "--kube-apiserver", "--kube-token")
_NAMESPACES = ("-n", "--namespace")


def helm_release_target(judge: CommandJudge, name: str, args: list[Arg]) -> None:
    """``helm upgrade --install api ./chart --kube-context prod-us -n production``: a
    release changed on a named cluster that is not a local one, or in a namespace named for
    production, is a deploy (review), as ``kubectl apply --context prod`` is."""
    words = [arg[0] or "" for arg in args[1:]]
    verb = next((word for word in words if word[:1] != "-"), "")
    if name != "helm" or verb not in _HELM_CHANGES:
        return
    for index, word in enumerate(words):
        option, equals, attached = word.partition("=")
        value = attached if equals else (words[index + 1] if index + 1 < len(words) else "")
        if option in _HELM_CONTEXTS and not local_context(value):
            judge.hit("destructive-command", f"helm changes a release on {option} {value[:60]}")
            return
        if option in _NAMESPACES and not local_context(f"kind-{value}"):
            judge.hit("destructive-command", f"helm changes a release in namespace {value[:60]}")
            return


def foreign_manifest(path: str, cwd: str) -> bool:
    """A manifest given as a URL, a home or absolute path outside ``cwd``, or climbing out."""
    if "://" in path or path.startswith("~"):
        return True
    if path == "-":
        return False
    resolved = posixpath.normpath(posixpath.join(cwd, path))
    return resolved != cwd and not resolved.startswith(cwd.rstrip("/") + "/")


def _remote_kustomization(path: str) -> bool:
    """``-k github.com/org/repo/overlay?ref=main``: kustomize fetches a host's directory."""
    first, slash, _ = path.partition("/")
    return bool(slash) and "." in first and not first.startswith(".")


def kubechange(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``kubectl apply``/``create`` and friends: a named context or server that is not the
    agent's own cluster, or a manifest from a URL or outside the workspace, is review."""
    from aegis.intent_firewall.options import parse_options

    judge.options(parse_options(spec, args[1:]), feed)  # --clusterrole=cluster-admin and such
    words = [a[0] for a in args]
    for index, word in enumerate(words):
        if word is None:
            continue
        name, equals, inline = word.partition("=")
        following = words[index + 1] if index + 1 < len(words) else None
        value = inline if equals else following
        if name in _CONTEXT_OPTIONS:
            if value is None or name != "--context" or not local_context(value):
                shown = f"{word} {value or ''}"
                judge.hit("destructive-command", f"{spec.name} changes the cluster {shown}")
        elif name in _FILE_OPTIONS and (
            value is None
            or foreign_manifest(value, feed.cwd)
            or (name in ("-k", "--kustomize") and _remote_kustomization(value))
        ):
            judge.hit("destructive-command", f"{spec.name} applies the manifest {value!r}")
