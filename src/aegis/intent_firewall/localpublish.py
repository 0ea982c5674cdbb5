"""Publishing to a package registry that runs on the agent's own machine.

``npm publish --registry http://localhost:4873`` uploads to a Verdaccio the developer
started for a test: nothing leaves the machine and the registry is thrown away with it, so
it is not the publication for good that ``irreversible-publish`` is about. The same command
with no registry option (the public default), a registry named by a configuration entry
(``twine -r pypi``, ``cargo publish --registry NAME``), a config file option, a scoped
registry override (``--@acme:registry=…``), a value known only at run time, or any value
that is not a loopback URL keeps the finding. Every registry option on the line must be
local: a later one wins for some clients, an earlier one for others.

What the text cannot show is left as the catalogue judges it: npm lets a scoped package's
``publishConfig`` or ``.npmrc`` scope entry override ``--registry`` in some versions, so
this trusts the written option (as the developer does when typing it), unless a line sets
a variable naming the client's configuration (``NPM_CONFIG_USERCONFIG``). A chart pushed to
``oci://localhost:5000/…`` (``helm push``) goes to a registry container of the same
machine (``docker push`` to one is ``localregistry.py``'s). Only ``localhost`` and loopback
addresses are local (``registry.localhost`` is a name a resolver answers). The options per
command are data (``[local_registry]`` in ``data/devlocal.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from aegis.intent_firewall.envmoves import moves_client
from aegis.intent_firewall.hosts import url_host
from aegis.intent_firewall.loopback import literal_loopback
from aegis.intent_firewall.options import Arg

__all__ = ["devlocal_data", "local_registry"]

#: Schemes a registry client reaches a registry with (cargo's sparse index, OCI included).
_SCHEMES = frozenset({"http", "https", "sparse+http", "sparse+https", "oci"})
#: Characters that make a client and this parser disagree on the host (user information,
#: a backslash, an encoded separator): such a URL is never taken as local.
_AMBIGUOUS = frozenset("@\\%")
_MAX_WORDS = 64


@cache
def devlocal_data() -> Mapping[str, Any]:
    """``data/devlocal.toml``, read once."""
    path = resources.files("aegis.intent_firewall").joinpath("data/devlocal.toml")
    return tomllib.loads(path.read_text())


@cache
def _tables() -> tuple[Mapping[str, frozenset[str]], frozenset[str]]:
    data = devlocal_data()["local_registry"]
    options = {command: frozenset(names) for command, names in data["options"].items()}
    return options, frozenset(data["deciding"]["options"])


def loopback_url(value: str) -> bool:
    """``value`` is an http(s) URL whose host is this machine, spelled unambiguously."""
    if not value or len(value) > 512 or not _AMBIGUOUS.isdisjoint(value):
        return False
    parsed = url_host(value)
    return parsed is not None and parsed[0] in _SCHEMES and literal_loopback(parsed[1])


def _operand_urls(args: list[Arg]) -> bool:
    """``helm push CHART oci://localhost:5000/charts``: every URL among the words is local."""
    urls = [value for value, _, _ in args[1:] if value is None or "://" in value]
    return bool(urls) and all(value is not None and loopback_url(value) for value in urls)


def local_registry(command: str, args: list[Arg], lines: Iterable[str] = ()) -> bool:
    """Whether ``command`` (``"npm publish"``) with ``args`` (its words, the program first)
    uploads only to registries on the local host, each named by a registry option, and no
    line of the request (``lines``) sets a variable naming the client's configuration
    (``NPM_CONFIG_USERCONFIG=./prod.npmrc``, whose scope entries outrank ``--registry``)."""
    registry_options, deciding = _tables()
    own = registry_options.get(command)
    if own is None or len(args) > _MAX_WORDS:
        return False
    variables = devlocal_data()["local_registry"]["environment"]["variables"]
    if moves_client(lines, variables, fold=True):
        return False
    if not own:
        return _operand_urls(args)  # the registry is an operand (helm push)
    return _options_local(own, deciding, args)


def _options_local(own: frozenset[str], deciding: frozenset[str], args: list[Arg]) -> bool:
    """Every option of ``own`` names a loopback URL, at least one is given, and no option of
    ``deciding`` (nor a word known only at run time, nor ``--``) can name another."""
    found = False
    index = 1
    while index < len(args):
        value = args[index][0]
        if value is None:
            return False  # a word known only at run time may be any option
        if value == "--":
            return False  # what follows is the client's to read: not told here
        option, equals, attached = value.partition("=")
        if option in own:
            if not equals:
                index += 1
                attached = (args[index][0] or "") if index < len(args) else ""
            if not loopback_url(attached):
                return False
            found = True
        elif option in deciding or (option.startswith("--") and ":registry" in option):
            return False
        index += 1
    return found
