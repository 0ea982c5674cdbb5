"""Text that reaches a shell without being called a command: keystrokes and terminal lines.

A computer-use tool that types ``rm -rf ~\\n`` runs it if a terminal has the focus, and a
terminal tool given ``["cd /", "rm -rf home"]`` runs the lines in one shell, so the ``cd`` in
the first moves the second. Typed text is read the way prose is (only where it names a
program the catalogue knows: typing a sentence into a form is not a command), and the lines
of a terminal session are judged as one script.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from aegis.intent_firewall.vocabulary import COMMAND_WORDS, name_words

__all__ = ["STEP_KEYS", "session_lines", "types_keystrokes"]

#: Words of an action, or of a parameter naming the step, that send keystrokes.
_TYPING_WORDS = frozenset({"type", "typing", "typewrite", "keyboard", "keystroke", "keystrokes",
                           "sendkeys", "xdotool", "keypress"})  # fmt: skip
#: Parameters that name the step a multi-purpose tool takes (computer {action: type}).
_STEP_KEYS = frozenset({"action", "type", "event", "kind", "operation", "op", "mode"})
#: The same, for checks that skip this one when no key is among them.
STEP_KEYS = _STEP_KEYS
#: Keys whose list of strings is what is typed into a shell, line by line.
_LINE_KEYS = frozenset({"input", "inputs", "lines", "keys", "text", "stdin", "tool_input"})
_SHELL_TOOLS = frozenset({"bash", "sh", "zsh", "fish", "shell", "terminal", "console", "tty"})
_MAX_MAPPINGS = 64


def _steps(parameters: Mapping[Any, Any]) -> frozenset[str]:
    """Words of the step values at the top and one level down (a nested tool call)."""
    found: set[str] = set()
    nested = [parameters]
    nested.extend(
        v for v in itertools.islice(parameters.values(), _MAX_MAPPINGS) if isinstance(v, Mapping)
    )
    for mapping in nested[:_MAX_MAPPINGS]:
        for key, value in itertools.islice(mapping.items(), _MAX_MAPPINGS):
            if isinstance(key, str) and key.casefold() in _STEP_KEYS and isinstance(value, str):
                found |= name_words(value[:64])
    return frozenset(found)


def types_keystrokes(action_words: frozenset[str], parameters: object) -> bool:
    """Whether the request types text into whatever has the focus."""
    if action_words & _TYPING_WORDS:
        return True
    if not isinstance(parameters, Mapping):
        return False
    for key, value in itertools.islice(parameters.items(), _MAX_MAPPINGS):
        if isinstance(value, Mapping) or (isinstance(key, str) and key.casefold() in _STEP_KEYS):
            return bool(_steps(parameters) & _TYPING_WORDS)
    return False  # no step named and no nested call: the common shape


@lru_cache(maxsize=1024)
def session_lines(action_words: frozenset[str]) -> Callable[[str, str], bool]:
    """Whether a list under (key, tool name) is the lines of one shell session: under a
    terminal-like action or tool, its input keys. Remembered per word set: the test is
    pure, and building it anew cost every request a closure."""
    shell_action = bool(action_words & (COMMAND_WORDS | _SHELL_TOOLS))

    def lines(key: str, tool: str) -> bool:
        if key not in _LINE_KEYS:
            return False
        return shell_action or bool(tool and name_words(tool) & _SHELL_TOOLS)

    return lines
