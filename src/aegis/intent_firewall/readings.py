"""How a parameter is read: which keys carry what, which lists are argument vectors, which
short values need no judgement at all.
"""

from __future__ import annotations

from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.text import canonical_text
from aegis.intent_firewall.vocabulary import (
    COMMAND_KEYS,
    NON_COMMAND_KEYS,
    PATH_KEYS,
    SQL_KEYS,
    URL_KEYS,
)

__all__ = [
    "CONTENT_KEYS",
    "DOC_SUFFIXES",
    "LOOKING_WORDS",
    "MEMO_CHARS",
    "MEMO_ENTRIES",
    "NOT_COMMANDS",
    "PLAIN_WORD",
    "SCRIPT_KEYS",
    "SERVICE_WORDS",
    "SPECIAL_KEYS",
    "has_surrogates",
    "is_argv",
    "runs_script",
]

#: Action names and contexts up to this length have their findings remembered.
MEMO_CHARS = 512
MEMO_ENTRIES = 4096
PLAIN_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
SPECIAL_KEYS = COMMAND_KEYS | PATH_KEYS | URL_KEYS | SQL_KEYS | {"<action>", "<context>", "<key>"}


def has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


SERVICE_WORDS = frozenset({"service", "daemon", "systemd", "unit", "firewall", "iptables"})
LOOKING_WORDS = frozenset({"get", "list", "status", "show", "describe", "read", "check", "logs"})
CONTENT_KEYS = frozenset({"content", "contents", "text", "body", "data", "markdown", "html"})
DOC_SUFFIXES = (".md", ".markdown", ".rst", ".txt", ".adoc", ".org", ".html", ".htm", ".tex")
SCRIPT_KEYS = frozenset({"script", "script_path", "script_file", "program", "executable"})
NOT_COMMANDS = (
    NON_COMMAND_KEYS | PATH_KEYS | URL_KEYS | SQL_KEYS | {"<context>", "<action>", "<json>"}
)


def runs_script(elements: list[str]) -> bool:
    spec = catalogue().lookup(canonical_text(elements[0]).rsplit("/", 1)[-1])
    return spec is not None and (spec.wrapper is not None or spec.operands in ("shell", "interp"))


def is_argv(key: str, elements: list[str]) -> bool:
    """A list of words is an argument vector when it starts with a program (known, or under
    a command key); words with spaces after the first only belong to a program that takes a
    script (``["bash", "-c", "rm -rf /"]``): otherwise the list is of command lines."""
    first = elements[0]
    if not first or first.startswith("-") or any(c.isspace() for c in first):
        return False
    if any(any(c.isspace() for c in e) for e in elements[1:]):
        return runs_script(elements)
    known = catalogue().lookup(canonical_text(first).rsplit("/", 1)[-1]) is not None
    return known or key in COMMAND_KEYS
