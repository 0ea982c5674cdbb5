"""Container tool calls read as the ``docker run`` they amount to.

``run_container {image: python:3.12, volumes: ["/home/agent:/data"]}`` mounts the home into
the container as ``docker run -v /home/agent:/data python:3.12`` does; the docker SDK's
``{"/home/agent/.aws": {"bind": "/a"}}`` and a ``mounts: [{source: …, target: …}]`` list say
the same. The host side of every mount (and the image) is put on one ``docker run`` line and
judged as that line: a mount of the home, a credential directory, the docker socket or a
system directory draws what ``-v`` draws there. Bounded: at most 32 mounts are read.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterator, Mapping

from aegis.intent_firewall.rules import Hit

__all__ = ["container_mount_findings"]

JudgeLine = Callable[[str], list[Hit]]
_MOUNT_KEYS = frozenset({"volumes", "volume", "mounts", "mount", "binds", "bind", "bind_mounts"})
_IMAGE_KEYS = frozenset({"image", "image_name", "imagename", "container_image", "docker_image"})
_SOURCE_KEYS = ("source", "src", "host_path", "hostpath", "host", "from")
_MAX_MOUNTS = 32


def _sources(value: object) -> Iterator[str]:
    """Host paths of a mount value: ``src:dst`` strings, SDK mappings keyed by the host
    path, and mappings with a source field, in a string, list or mapping."""
    items = list(value.items()) if isinstance(value, Mapping) else None
    if isinstance(value, str):
        yield value.split(":", 1)[0] if not value.startswith("type=") else _field(value)
    elif items is not None and any(
        isinstance(k, str) and k.lower() in _SOURCE_KEYS for k, _ in items
    ):
        for key, inner in items:
            if _is_source(key) and isinstance(inner, str):
                yield inner
    elif items is not None:
        yield from (str(key) for key, _ in items[:_MAX_MOUNTS])
    elif isinstance(value, list | tuple):
        for item in value[:_MAX_MOUNTS]:
            yield from _sources(item)


def _is_source(key: object) -> bool:
    return isinstance(key, str) and key.lower() in _SOURCE_KEYS


def _field(spec: str) -> str:
    """The source of ``type=bind,source=/x,target=/y`` (``--mount`` syntax)."""
    for part in spec.split(","):
        name, _, setting = part.partition("=")
        if name.strip().lower() in ("source", "src"):
            return setting
    return ""


def container_mount_findings(frozen: object, judge_line: JudgeLine) -> list[Hit]:
    """What ``docker run`` with the tool call's mounts and image draws."""
    if not isinstance(frozen, Mapping):
        return []
    image = ""
    sources: list[str] = []
    for key, value in list(frozen.items())[:64]:
        folded = key.lower() if isinstance(key, str) else ""
        if folded in _IMAGE_KEYS and isinstance(value, str):
            image = value
        elif folded in _MOUNT_KEYS:
            sources.extend(source for source in _sources(value) if source)
    if not sources:
        return []
    mounts = " ".join(
        f"-v {shlex.quote(f'{s}:/mnt{i}')}" for i, s in enumerate(sources[:_MAX_MOUNTS])
    )
    return judge_line(f"docker run --rm {mounts} {shlex.quote(image or 'scratch')}")
