"""Account changes that happen inside the image a container build file builds.

``RUN useradd --create-home --uid 10001 app`` followed by ``USER app`` is the non-root image
every scanner asks for: the RUN line runs in a build container, against the image's own
``/etc/passwd``, not the machine's. So ``account-change`` drawn by the text written into a
Dockerfile or Containerfile (its content or an edit's fragment) is dropped; every other
finding of the same text (a download piped to a shell, a secret copied in) stands, since
those reach the image's users or the build's network.
"""

from __future__ import annotations

from collections.abc import Sequence

from aegis.intent_firewall.model import Finding
from aegis.intent_firewall.readings import CONTENT_KEYS, FRAGMENT_KEYS
from aegis.intent_firewall.structure import Item
from aegis.intent_firewall.vocabulary import PATH_KEYS

__all__ = ["inside_image_build"]

_IMAGE_BUILD_NAMES = ("dockerfile", "containerfile")
_TEXT_KEYS = CONTENT_KEYS | FRAGMENT_KEYS


def _image_build_file(name: str) -> bool:
    """``Dockerfile``, ``Dockerfile.dev``, ``api.dockerfile``, ``Containerfile`` (not a
    script named after one: ``dockerfile.sh`` runs on the host)."""
    base, _, suffix = name.partition(".")
    if base in _IMAGE_BUILD_NAMES:
        return suffix not in _SCRIPT_SUFFIXES
    return name.endswith(".dockerfile")


_SCRIPT_SUFFIXES = frozenset({"sh", "bash", "zsh", "py", "rb", "pl", "ps1", "js", "ts", "cmd"})


def inside_image_build(found: dict[str, Finding], items: Sequence[Item]) -> None:
    """Drop ``found``'s ``account-change`` when ``items`` (a request's walked values) write
    one container build file and the finding is its text's."""
    finding = found.get("account-change")
    if finding is None:
        return
    paths = [item.text for item in items if item.key in PATH_KEYS and item.argv is None]
    if len(paths) != 1:
        return
    name = paths[0].replace("\\", "/").rsplit("/", 1)[-1].casefold()
    if not _image_build_file(name):
        return
    if finding.where in {item.where for item in items if item.key in _TEXT_KEYS}:
        del found["account-change"]
