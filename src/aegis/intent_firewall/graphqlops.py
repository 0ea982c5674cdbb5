"""GraphQL mutations read as the actions they name.

``shopify.graphql {query: "mutation { discountCodeBasicCreate(…) { … } }"}`` creates a
discount as surely as ``shopify.price_rules.create`` does, and ``mutation { deleteRepository
(…) }`` deletes a repository: the tool's own name (``graphql``) says nothing. The top-level
fields of a mutation document (aliases skipped) are judged as action names are, by their
words: a destructive word, or a noun and verb of a named access (``vocabulary.toml``), is
``destructive-action`` (*review*). Queries and subscriptions only read. One bounded scan of
the text; the document is not otherwise parsed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import re2

from aegis.intent_firewall.actionname import ACCESS_PAIRS, action_name
from aegis.intent_firewall.parameterflags import parameter_flag_findings
from aegis.intent_firewall.vocabulary import DESTRUCTIVE_WORDS

__all__ = ["mutation_evidence"]

_DOCUMENT_KEYS = frozenset({"query", "mutation", "document", "graphql", "gql", "body", "data"})
_MAX_TEXT = 8192
_MAX_FIELDS = 32


def _documents(parameters: Mapping[Any, Any]) -> list[str]:
    """Texts that open as a mutation, under the keys a GraphQL call holds its document in."""
    found: list[str] = []
    nested: list[Mapping[Any, Any]] = [parameters]
    nested.extend(v for v in itertools.islice(parameters.values(), 16) if isinstance(v, Mapping))
    for mapping in nested:
        for key, value in itertools.islice(mapping.items(), 64):
            if (
                isinstance(key, str)
                and key.casefold() in _DOCUMENT_KEYS
                and isinstance(value, str)
                and value.lstrip()[:8].casefold() == "mutation"
            ):
                found.append(value[:_MAX_TEXT])
    return found


def mutation_fields(document: str) -> list[str]:
    """The names of a mutation's top-level fields (``a: deleteX(…)`` gives ``deleteX``):
    the selection set opens at the first ``{`` outside the variable definitions, and text
    in string literals is skipped."""
    names: list[str] = []
    braces = parens = 0
    token = ""
    quoted = escaped = False
    for char in document:
        if quoted:
            escaped, quoted = (char == "\\" and not escaped), quoted and (char != '"' or escaped)
            continue
        if char.isalnum() or char == "_":
            token += char
            continue
        if token and braces == 1 and parens == 0 and char != ":":
            names.append(token)
            if len(names) >= _MAX_FIELDS:
                break
        token = ""
        quoted = char == '"'
        if parens == 0 or char in "()":
            braces += (char == "{") - (char == "}")
        parens += (char == "(") - (char == ")")
        if braces < 0 or parens < 0:
            break
    return [name for name in names if not name.isdigit()]


def _arguments(document: str) -> dict[str, str]:
    """``visibility: PUBLIC``, ``role: "admin"``: the argument pairs written in the document,
    read as a tool call's fields."""
    pairs: dict[str, str] = {}
    for match in _PAIR.finditer(document[:_MAX_TEXT]):
        if len(pairs) >= 64:
            break
        pairs.setdefault(match.group(1), match.group(2).strip('"'))
    return pairs


_PAIR = re2.compile(
    r'([A-Za-z_][A-Za-z0-9_]{0,60})\s*:\s*("[^"\n]{0,200}"|[A-Za-z_][A-Za-z0-9_]{0,60})'
)


def mutation_evidence(parameters: Any) -> str:
    """Why a mutation in ``parameters`` is destructive or privileged, else ``""``."""
    if not isinstance(parameters, Mapping):
        return ""
    try:
        documents = _documents(parameters)
    except Exception:  # a mapping that cannot be read: the parameter walk judges it unread
        return ""
    for document in documents:
        for field in mutation_fields(document):
            name = action_name(field)
            named = name.words & DESTRUCTIVE_WORDS
            for nouns, verbs in ACCESS_PAIRS:
                if name.nouns & nouns and name.words & verbs:
                    named = named | (name.nouns & nouns) | (name.words & verbs)
            if named:
                return f"GraphQL mutation {field[:60]} ({', '.join(sorted(named))})"
        for field in mutation_fields(document)[:4]:
            flags = parameter_flag_findings(_arguments(document), action_name(field).words)
            if flags:
                return f"GraphQL mutation {field[:60]}: {flags[0][1]}"
    return ""
