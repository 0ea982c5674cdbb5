"""Places on other machines named in a deployment description being written.

An Ansible task's ``dest: /etc/nginx/sites-available/site.conf`` is where the file goes on
the managed hosts, a Kubernetes container's ``mountPath: /etc/nginx/conf.d`` and a Compose
volume's ``target:`` are places inside a container: writing the playbook, role or manifest
into the workspace writes none of them. Running the playbook or applying the manifest is
judged when it is asked for. So in the text of a file that describes a deployment (Ansible
tasks and plays, Kubernetes objects, Compose services) those destination keys are not
writes of this machine. Every other value keeps its reading: a task's ``src:`` is read
here, on the controller, and a ``hostPath``'s ``path:`` mounts this machine's directory.
"""

from __future__ import annotations

import re2

from aegis.intent_firewall.plaintext import FILE_TEXT_KEYS
from aegis.intent_firewall.structure import Item

__all__ = ["without_remote_places"]

#: Keys that name a place on the managed host or inside the container.
_REMOTE_KEYS = frozenset({"dest", "destination", "mountpath", "mount_path", "target"})
#: Text that says what kind of description a file is.
_DESCRIPTION = re2.compile(
    r"(?m)ansible\.(?:builtin|posix|windows)\.|^\s*-?\s*hosts:\s*\S|^apiVersion:\s*\S|"
    r"^services:\s*$"
)
_KUBERNETES_KIND = re2.compile(r"(?m)^kind:\s*[A-Z]")
_ANSIBLE_PLAY = re2.compile(r"(?m)^\s*-?\s*(?:tasks|handlers|roles|become|notify):")


def without_remote_places(items: list[Item]) -> list[Item]:
    """``items`` less the destination values read out of a deployment description's text."""
    content = next((item.text for item in items if _file_text(item)), None)
    if content is None or not _describes_deployment(content):
        return items
    return [item for item in items if not _remote_place(item)]


def _file_text(item: Item) -> bool:
    return item.argv is None and item.key.casefold() in FILE_TEXT_KEYS and "<" not in item.where


def _describes_deployment(text: str) -> bool:
    found = _DESCRIPTION.search(text)
    if found is None:
        return False
    head = found.group(0).strip()
    if head.startswith("apiVersion"):
        return _KUBERNETES_KIND.search(text) is not None
    if head.startswith(("hosts", "-")) and "ansible." not in text:
        return _ANSIBLE_PLAY.search(text) is not None
    return True


def _remote_place(item: Item) -> bool:
    """A destination key's absolute path, read out of the file's text (``content<yaml>``)."""
    return (
        "<yaml>" in item.where
        and item.key.casefold() in _REMOTE_KEYS
        and item.text.startswith("/")
        and item.argv is None
    )
