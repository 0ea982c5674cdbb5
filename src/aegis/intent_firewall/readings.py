"""How a parameter is read: which keys carry what, which lists are argument vectors, which
short values need no judgement at all.
"""

from __future__ import annotations

from aegis.intent_firewall.catalogue import Program, catalogue
from aegis.intent_firewall.text import canonical_text
from aegis.intent_firewall.vocabulary import (
    COMMAND_KEYS,
    NON_COMMAND_KEYS,
    PATH_KEYS,
    SELECTOR_KEYS,
    SQL_KEYS,
    URL_KEYS,
)

__all__ = [
    "CONTENT_KEYS",
    "DOC_SUFFIXES",
    "FRAGMENT_KEYS",
    "LOOKING_WORDS",
    "MEMO_CHARS",
    "MEMO_ENTRIES",
    "MESSAGE_OPTIONS",
    "NOT_COMMANDS",
    "PLAIN_WORD",
    "SCRIPT_KEYS",
    "SERVICE_WORDS",
    "SPECIAL_KEYS",
    "has_surrogates",
    "is_argv",
    "runs_script",
    "selector_value",
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
#: Keys holding a piece of a file an edit replaces or inserts, never a file of its own.
FRAGMENT_KEYS = frozenset(
    {"old_str", "new_str", "old_string", "new_string", "old_text", "new_text", "insert_text",
     "replacement"}
)  # fmt: skip
DOC_SUFFIXES = (".md", ".markdown", ".rst", ".txt", ".adoc", ".org", ".html", ".htm", ".tex")
SCRIPT_KEYS = frozenset({"script", "script_path", "script_file", "program", "executable"})
NOT_COMMANDS = (
    NON_COMMAND_KEYS | PATH_KEYS | URL_KEYS | SQL_KEYS | {"<context>", "<action>", "<json>"}
)


#: What makes a selector's value a shell line: an operator, a substitution or a second line.
_SHELL_MARKS = frozenset(";|&$`<>\n\r")


def selector_value(key: str, canonical: str) -> bool:
    """A runner's selector (``markers: not slow``, ``k: test_a or test_b``) is an expression
    the runner reads, not a command line; one holding a shell operator or substitution is
    still judged as one (fail closed: a tool may splice it into a shell line)."""
    return key in SELECTOR_KEYS and not any(c in _SHELL_MARKS for c in canonical)


def runs_script(elements: list[str]) -> bool:
    spec = catalogue().lookup(canonical_text(elements[0]).rsplit("/", 1)[-1])
    return spec is not None and (
        spec.wrapper is not None or spec.operands in ("shell", "interp", "debugger")
    )


def is_argv(key: str, elements: list[str]) -> bool:
    """A list of words is an argument vector when it starts with a program (known, or under
    a command key); words with spaces after the first only belong to a program that takes a
    script (``["bash", "-c", "rm -rf /"]``): otherwise the list is of command lines."""
    first = elements[0]
    if not first or first.startswith("-") or any(c.isspace() for c in first):
        return False
    spaced = [i for i, e in enumerate(elements) if i and any(c.isspace() for c in e)]
    spec = catalogue().lookup(canonical_text(first).rsplit("/", 1)[-1])
    known = spec is not None
    if (
        spaced
        and not (spec is not None and key == "argv" and _plain_words(spec, elements, spaced))
        and not runs_script(elements)
        and not all(
            _message(elements, i) or _option_value(elements, i) or _inner_script(elements, i)
            for i in spaced
        )
    ):
        return False
    return known or key in COMMAND_KEYS


def _plain_words(spec: Program, elements: list[str], spaced: list[int]) -> bool:
    """Under a key named ``argv`` the list is an argument vector (``["echo", "hello
    world"]``) when no spaced word holds a shell operator a careless join would run, or
    the program takes a program text its entry judges (``["jq", ".a | keys", "f"]``)."""
    return spec.operands == "script" or all(_SHELL_MARKS.isdisjoint(elements[i]) for i in spaced)


#: Options whose value is prose for people (a commit message, a pull request's title or
#: body), so a word of an argument vector may hold spaces after one of them.
MESSAGE_OPTIONS = frozenset(
    {"-m", "--message", "-t", "--title", "-b", "--body", "--subject", "--description",
     "--notes", "--comment", "--summary", "--reason"}
)  # fmt: skip


def _option_value(elements: list[str], index: int) -> bool:
    """``elements[index]`` is the value of an option the program's entry (or its first
    subcommand's) says takes one (``pytest -k "not slow"``): the vector is then judged by
    that entry, which also judges a value that is code or a script."""
    option = elements[index - 1]
    if index < 2 or not option.startswith("-") or "=" in option:
        return False
    spec = catalogue().lookup(canonical_text(elements[0]).rsplit("/", 1)[-1])
    if spec is None:
        return False
    sub = spec.subcommands.get(elements[1]) if len(elements) > 1 else None
    return spec.option_role(option) != "flag" or (
        sub is not None and sub.option_role(option) != "flag"
    )


def _inner_script(elements: list[str], index: int) -> bool:
    """``elements[index]`` follows an option of a shell or interpreter named earlier in the
    vector (``docker run alpine sh -c "make test"``): the wrapped program's script."""
    if index < 2 or not elements[index - 1].startswith("-"):
        return False
    lookup = catalogue().lookup
    for word in elements[1 : index - 1]:
        spec = lookup(canonical_text(word).rsplit("/", 1)[-1])
        if spec is not None and spec.operands in ("shell", "interp", "debugger"):
            return True
    return False


def _message(elements: list[str], index: int) -> bool:
    """``elements[index]`` is the value of a message option (``-m "Fix it"``,
    ``--title=Fix it``), of a program the catalogue knows."""
    word = elements[index]
    if word.startswith("--") and word.partition("=")[0] in MESSAGE_OPTIONS:
        return True
    if elements[index - 1] not in MESSAGE_OPTIONS:
        return False
    return catalogue().lookup(canonical_text(elements[0]).rsplit("/", 1)[-1]) is not None
