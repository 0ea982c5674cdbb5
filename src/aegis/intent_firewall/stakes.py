"""What a tool call's fields say of its stakes when its name alone does not.

``deploy {env: production}`` and ``deploy {env: preview}`` share a name; only the field says
that the first changes what every user is served. ``release {target: pypi}`` publishes a
version nobody can take back, ``release {target: staging}`` does not. A call whose verb
deploys or publishes (``data/stakes.toml``) is *review* (``destructive-action``) when a
stage field names production (``environment: prod``), a production switch is true
(``vercel_deploy {prod: true}``), or a field names a public registry or store (``pypi``,
``marketplace``, ``testflight``). Calls that only look (``get_deployment_status``) and
rehearsals (``dry_run: true``) are not judged here.
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

from aegis.intent_firewall.vocabulary import name_words

__all__ = ["DATA", "fields", "stakes_evidence"]

DATA: dict[str, Any] = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/stakes.toml").read_text()
)
_LOOKING = frozenset(DATA["looking_words"])
_REHEARSAL_KEYS = frozenset(DATA["rehearsal_keys"])
_DEPLOY_VERBS = frozenset(DATA["production"]["verbs"])
_STAGE_KEYS = frozenset(DATA["production"]["stage_keys"])
_PRODUCTION = frozenset(DATA["production"]["production_words"])
_SWITCHES = frozenset(DATA["production"]["switch_words"])
_PUBLISH_VERBS = frozenset(DATA["publish"]["verbs"])
_PLACES = frozenset(DATA["publish"]["places"])
#: Fields read: the top level and one mapping down, at most this many of each.
_MAX_FIELDS = 64


def fields(parameters: Any) -> Iterator[tuple[str, Any]]:
    """``(key, value)`` of the top-level fields and those of mappings one level down (also
    as the items of a list: a browser tool's steps), with keys lower case (bounded: at most
    64 of each mapping, 64 mappings)."""
    if not isinstance(parameters, Mapping):
        return
    try:
        nested: list[Mapping[Any, Any]] = [parameters]
        for value in itertools.islice(parameters.values(), _MAX_FIELDS):
            if isinstance(value, Mapping):
                nested.append(value)
            elif isinstance(value, list | tuple):  # steps: [{fill: …}, {click: …}]
                nested.extend(v for v in itertools.islice(value, 16) if isinstance(v, Mapping))
        pairs = [
            (key.casefold().lstrip("-"), value)
            for mapping in nested[:_MAX_FIELDS]
            for key, value in itertools.islice(mapping.items(), _MAX_FIELDS)
            if isinstance(key, str)
        ]
    except Exception:  # a mapping that cannot be read: the parameter walk judges it unread
        return
    yield from pairs


def stakes_evidence(words: frozenset[str], parameters: Any) -> str:
    """Why a deploying or publishing call's fields make it *review*, else ``""``."""
    deploys = words & _DEPLOY_VERBS
    publishes = words & _PUBLISH_VERBS
    if not (deploys or publishes) or words & _LOOKING or _rehearsal(parameters):
        return ""
    for key, value in fields(parameters):
        key_words = name_words(key)
        if deploys and value is True and key_words & _SWITCHES:
            return f"{key}: true deploys to production"
        if not isinstance(value, str) or not value.strip():
            continue
        value_words = name_words(value[:128].replace(".", "_"))
        staged = key in _STAGE_KEYS or key_words & _STAGE_KEYS
        if deploys and staged and value_words & _PRODUCTION:
            return f"{key}: {value[:40]!r} deploys to production"
        if publishes and (value_words | {value.strip().casefold()}) & _PLACES:
            return f"{key}: {value[:40]!r} publishes to a public registry or store"
    return ""


def _rehearsal(parameters: Any) -> bool:
    return any(
        value is True and key.replace("-", "_") in _REHEARSAL_KEYS
        for key, value in fields(parameters)
    )
