"""An image pushed to a registry on this machine is not published.

``docker push`` is ``irreversible-publish``: an image sent to a registry can be pulled by
anyone the registry serves, for good. A registry the agent runs on the loopback for a local
cluster (``docker run -d -p 127.0.0.1:5001:5000 registry:2`` and then ``docker push
localhost:5001/app:dev``, as the kind and minikube guides do) serves only this machine, and
what it holds is thrown away with it.

Only the plainest line counts: ``docker``, ``podman`` or ``nerdctl`` with no option before
``push`` and no other daemon named anywhere in the request (``--context``, ``-H``,
``--host``, ``DOCKER_HOST``, ``DOCKER_CONTEXT``, ``docker context use``: a push from another
machine's daemon goes to that machine's loopback), one image whose registry is written as
``localhost``, ``127.0.0.1`` or ``[::1]`` with a port, and only options that change what is
printed or which tags of that image go. Anything else keeps its finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.linecontext import word_pairs
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope

__all__ = ["loopback_push"]

_CLIENTS = frozenset({"docker", "podman", "nerdctl"})
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "[::1]"})
_FLAGS = frozenset({"-q", "--quiet", "-a", "--all-tags", "--disable-content-trust"})


def loopback_push(scope: Scope, program: str, args: list[Arg]) -> bool:
    """``args`` (the program first) push one image to a registry on the loopback."""
    words = [value for value, _, glob in args if value is not None and not glob]
    if len(words) != len(args) or program not in _CLIENTS or words[1:2] != ["push"]:
        return False
    images = [word for word in words[2:] if word not in _FLAGS]
    return len(images) == 1 and _loopback_image(images[0]) and not _other_daemon(scope)


def _other_daemon(scope: Scope) -> bool:
    """A word of the request that may point the client at another machine's daemon."""
    return any(
        word.upper().startswith(("DOCKER_", "CONTAINER_HOST", "CONTAINER_CONNECTION"))
        or word.startswith(("--context", "--host", "-H", "-c", "--connection", "--url"))
        or (word == "use" and before == "context")
        or word in ("--remote", "-r")
        for word, before in word_pairs(scope)
    )


def _loopback_image(image: str) -> bool:
    """``localhost:5001/app:dev``: a registry on the loopback, named with a port."""
    registry, slash, path = image.partition("/")
    host, colon, port = registry.rpartition(":")
    return (
        bool(slash and path and colon)
        and host in _LOOPBACK
        and port.isdigit()
        and not path.startswith(("/", "."))
        and ".." not in path
    )
