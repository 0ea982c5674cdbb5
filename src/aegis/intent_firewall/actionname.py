"""What an action's name alone says (``execute_command``, ``delete_directory``), worked out
once per name: its words, and which checks that read the name first can apply at all.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aegis.intent_firewall.collection import capture_action
from aegis.intent_firewall.deletions import DELETE_VERBS
from aegis.intent_firewall.keystrokes import types_keystrokes
from aegis.intent_firewall.operations import (
    names_file_transfer,
)
from aegis.intent_firewall.readings import (
    SERVICE_WORDS,
)
from aegis.intent_firewall.searchtools import may_search
from aegis.intent_firewall.toolcommands import (
    names_tool_command,
)
from aegis.intent_firewall.valuereading import MEMO_KEY_CHARS
from aegis.intent_firewall.vocabulary import (
    DESTRUCTIVE_WORDS,
    GUARD_CHANGE_WORDS,
    GUARD_WORDS,
    NAMED_ACCESS,
    RECURSIVE_KEYS,
    RUN_WORDS,
    SECRET_ACCESS_WORDS,
    SECRET_WORDS,
    name_words,
    noun_words,
)  # fmt: skip

__all__ = [
    "ACCESS_PAIRS",
    "DIRECTORY_WORDS",
    "FILE_DELETING",
    "ActionName",
    "action_name",
    "names_nothing",
    "recursive",
]

#: Destructive action words that only say a file is deleted (judged by its path instead).
#: Verbs of a file action judged by its paths when every one is below the working directory
#: (format_file {path: src/a.py} reformats source; format_disk names no workspace file).
FILE_DELETING = frozenset({"delete", "remove", "rm", "unlink", "erase", "format"})

#: Action words naming a directory (delete_directory, remove_folder): a file action too.
DIRECTORY_WORDS = frozenset({"directory", "directories", "dir", "dirs", "folder", "folders"})
#: Action words that reach secrets or the safety layer itself, with the verbs that make it so.
ACCESS_PAIRS = (
    (SECRET_WORDS, SECRET_ACCESS_WORDS),
    (GUARD_WORDS, GUARD_CHANGE_WORDS),
    *NAMED_ACCESS,
)

#: What the keystroke check is given for quiet parameters: only the action's words count.
_NO_PARAMETERS: Mapping[str, Any] = {}


@lru_cache(maxsize=1024)
def names_nothing(words: frozenset[str]) -> bool:
    """Whether :meth:`RequestJudge.action` finds nothing in an action of ``words`` but what
    its name and context say as text: no destructive or service word, no noun of a named
    access (so the parameters are never consulted), no script run. Remembered per word set
    (action names repeat; 1,024 sets of short words)."""
    if words & DESTRUCTIVE_WORDS or words & SERVICE_WORDS:
        return False
    if any(words & nouns for nouns, _verbs in ACCESS_PAIRS):
        return False
    return not ("script" in words and words & RUN_WORDS)


def recursive(parameters: Any) -> bool:
    """``{"path": "/etc", "recursive": true}``: the action applies to the whole tree."""
    if not isinstance(parameters, dict):
        return False
    for name, value in itertools.islice(parameters.items(), 64):
        if (
            value is True
            and isinstance(name, str)
            and name.casefold().lstrip("-") in RECURSIVE_KEYS
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class ActionName:
    """What an action's name alone says, worked out once per name (agents repeat a few):
    its words, and which of the checks that read the name first can apply at all."""

    words: frozenset[str]
    #: The name's words with singulars and two-word nouns, for the named-access pairs.
    nouns: frozenset[str]
    may_search: bool
    may_delete: bool
    may_run_tool_command: bool
    #: delete_directory {path}: a directory goes with everything below it
    deletes_directory: bool
    #: what :func:`capture_action` says of the name
    captured: str
    moves_files: bool
    #: what :func:`types_keystrokes` says with no parameter it reads
    types: bool


def action_name(action: str) -> ActionName:
    if len(action) > MEMO_KEY_CHARS:
        return _read_action_name(action)
    return _remembered_action_name(action)


def _read_action_name(action: str) -> ActionName:
    words = name_words(action)
    return ActionName(
        words=words,
        nouns=noun_words(action),
        may_search=may_search(words),
        may_delete=not words.isdisjoint(DELETE_VERBS),
        may_run_tool_command=names_tool_command(words),
        deletes_directory=bool(words & DIRECTORY_WORDS and words & FILE_DELETING),
        captured=capture_action(words),
        moves_files=names_file_transfer(words),
        types=types_keystrokes(words, _NO_PARAMETERS),
    )


_remembered_action_name = lru_cache(maxsize=1024)(_read_action_name)
