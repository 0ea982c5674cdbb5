"""Words that give strings their meaning: action verbs, parameter keys, tool names.

The lists are data (``data/vocabulary.toml``). An action's name is split into words the way
people write identifiers (``writeFile``, ``write_file``, ``write-file``, ``Write File``), so
``deleteAllUsers`` counts as a deletion. Keys decide how a parameter is read: ``cmd`` is a
command line, ``url`` and ``host`` are network destinations, ``path`` and ``dest`` are
files, ``sql`` is SQL.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = [
    "ARGUMENT_KEYS",
    "COMMAND_KEYS",
    "COMMAND_WORDS",
    "CONTAINER_WORDS",
    "DELETE_WORDS",
    "DESTRUCTIVE_WORDS",
    "ENV_KEYS",
    "FILE_WORDS",
    "GUARD_CHANGE_WORDS",
    "GUARD_WORDS",
    "NAMED_ACCESS",
    "NETWORK_WORDS",
    "NON_COMMAND_KEYS",
    "PATH_KEYS",
    "PERM_WORDS",
    "RECURSIVE_KEYS",
    "RUN_WORDS",
    "SECRET_ACCESS_WORDS",
    "SECRET_WORDS",
    "SQL_KEYS",
    "TREE_READ_WORDS",
    "URL_KEYS",
    "WRITE_KEYS",
    "WRITE_WORDS",
    "name_words",
]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/vocabulary.toml").read_text()
)
DESTRUCTIVE_WORDS = frozenset(_DATA["destructive_words"])
DELETE_WORDS = frozenset(_DATA["delete_words"])
WRITE_WORDS = frozenset(_DATA["write_words"])
COMMAND_WORDS = frozenset(_DATA["command_words"])
RUN_WORDS = frozenset(_DATA["run_words"])
NETWORK_WORDS = frozenset(_DATA["network_words"])
COMMAND_KEYS = frozenset(_DATA["command_keys"])
NON_COMMAND_KEYS = frozenset(_DATA["non_command_keys"])
PATH_KEYS = frozenset(_DATA["path_keys"])
WRITE_KEYS = frozenset(_DATA["write_keys"])
URL_KEYS = frozenset(_DATA["url_keys"])
SQL_KEYS = frozenset(_DATA["sql_keys"])
ENV_KEYS = frozenset(_DATA["env_keys"])
ARGUMENT_KEYS = frozenset(_DATA["argument_keys"])
PERM_WORDS = frozenset(_DATA["perm_words"])
TREE_READ_WORDS = frozenset(_DATA["tree_read_words"])
FILE_WORDS = frozenset(_DATA["file_words"])
RECURSIVE_KEYS = frozenset(_DATA["recursive_keys"])
CONTAINER_WORDS = frozenset(_DATA["container_words"])
SECRET_WORDS = frozenset(_DATA["secret_words"])
SECRET_ACCESS_WORDS = frozenset(_DATA["secret_access_words"])
GUARD_WORDS = frozenset(_DATA["guard_words"])
GUARD_CHANGE_WORDS = frozenset(_DATA["guard_change_words"])
#: Further (nouns, verbs) pairs whose meeting in an action's name is destructive or privileged.
NAMED_ACCESS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(pair["nouns"]), frozenset(pair["verbs"])) for pair in _DATA.get("named_access", ())
)


@lru_cache(maxsize=4096)
def name_words(name: str) -> frozenset[str]:
    """Words of an identifier: camelCase, snake_case, kebab-case, dotted or spaced.

    Only the first 512 characters count, so the cache holds at most 4096 × 512 characters.
    """
    text = unicodedata.normalize("NFKC", name[:512])
    found: list[str] = []
    current: list[str] = []
    previous = ""
    for char in text:
        if not char.isalnum():
            if current:
                found.append("".join(current))
            current, previous = [], ""
            continue
        if current and char.isupper() and (previous.islower() or previous.isdigit()):
            found.append("".join(current))
            current = []
        current.append(char)
        previous = char
    if current:
        found.append("".join(current))
    return frozenset(word.casefold() for word in found)
