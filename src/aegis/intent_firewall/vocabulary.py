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
    "ADDRESS_FIELD_KEYS",
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
    "MAIL_WORDS",
    "NAMED_ACCESS",
    "NETWORK_WORDS",
    "NON_COMMAND_KEYS",
    "PATH_KEYS",
    "PERM_WORDS",
    "RECURSIVE_KEYS",
    "RUN_WORDS",
    "SECRET_ACCESS_WORDS",
    "SECRET_VARIABLE_WORDS",
    "SECRET_WORDS",
    "SELECTOR_KEYS",
    "SQL_KEYS",
    "TREE_READ_WORDS",
    "URL_KEYS",
    "WRITE_KEYS",
    "WRITE_WORDS",
    "name_words",
    "noun_words",
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
SELECTOR_KEYS = frozenset(_DATA["selector_keys"])
WRITE_KEYS = frozenset(_DATA["write_keys"])
URL_KEYS = frozenset(_DATA["url_keys"])
ADDRESS_FIELD_KEYS = frozenset(_DATA["address_field_keys"])
MAIL_WORDS = frozenset(_DATA["mail_words"])
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
SECRET_VARIABLE_WORDS = frozenset(_DATA["secret_variable_words"])
GUARD_WORDS = frozenset(_DATA["guard_words"])
GUARD_CHANGE_WORDS = frozenset(_DATA["guard_change_words"])
#: Further (nouns, verbs) pairs whose meeting in an action's name is destructive or privileged.
NAMED_ACCESS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(pair["nouns"]), frozenset(pair["verbs"])) for pair in _DATA.get("named_access", ())
)

#: Nouns of two words (``external_account``): matched in an action name written as one
#: identifier in any style (``updateExternalAccount``, ``external-account.update``).
_COMPOUND_NOUNS = frozenset(noun for nouns, _verbs in NAMED_ACCESS for noun in nouns if "_" in noun)


@lru_cache(maxsize=4096)
def noun_words(name: str) -> frozenset[str]:
    """The words of an action name a noun list is matched against: its words and the
    two-word nouns of the named-access pairs its letters spell (``updateExternalAccount``
    holds ``external_account``), so a noun of two words matches in every naming style."""
    words = name_words(name)
    letters = "".join(char for char in name[:512].casefold() if char.isalnum())
    compounds = [noun for noun in _COMPOUND_NOUNS if noun.replace("_", "") in letters]
    return words.union(compounds) if compounds else words


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
