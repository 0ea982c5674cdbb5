"""Outbound messages that carry a secret: comments, issues, posts, mails, webhooks.

A message tool may fill its text before sending it: ``{{file:/home/agent/.config/gh/hosts.yml}}``
in an issue comment, ``Debug info: GITHUB_TOKEN=${GITHUB_TOKEN}`` in a comment on a public
repository, ``{{ env.NPM_TOKEN }}`` in a webhook's payload. Whether the tool expands them
cannot be told from the text, and if it does the secret is published (fail closed). For an
action that posts or sends (its words: ``comment``, ``issue``, ``post``, ``message``,
``webhook``, the mail words of ``vocabulary.toml`` …), a text value holding a template or
substitution that reads a file, a reference to a variable whose name says it is a secret
(``$…TOKEN``, ``${…_KEY}``, ``%PASSWORD%``, ``{{ secrets.X }}``, ``process.env.…SECRET``)
is ``secret-in-message`` (*review*), and so is a connection string that carries its
password (``urlpasswords.py``). Naming a variable without referring to its value ("add
a GITHUB_TOKEN secret"), a credential's path in prose ("the keychain lives in
~/Library/Keychains") and templates of other values (``{{run_id}}``) pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import re2

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.urlpasswords import url_password
from aegis.intent_firewall.vocabulary import MAIL_WORDS

__all__ = ["MESSAGE_WORDS", "message_findings", "secret_reference"]

MESSAGE_WORDS = MAIL_WORDS | frozenset(
    {"comment", "comments", "issue", "issues", "post", "posts", "webhook", "webhooks", "chat",
     "slack", "discord", "teams", "telegram", "tweet", "publish", "discussion", "gist", "paste",
     "announce", "broadcast", "mattermost", "matrix", "review", "note", "pull", "merge",
     "confluence", "wiki", "jira", "ticket", "tickets", "incident", "incidents",
     "pagerduty", "page", "pages", "discussions", "forum", "status"}
)  # fmt: skip
_SKIPPED_KEYS = frozenset({"url", "owner", "repo", "repository", "channel", "to", "cc", "bcc"})
_FILE_TEMPLATE = re2.compile(
    r"(?i)\{\{-?\s*(?:file|include|read_?file|readfile|cat|import|embed|load)\b|"
    r"\{%-?\s*(?:include|import)\b|\$\(\s*(?:cat\s|<)|`\s*cat\s|@file:|<%=?\s*file\.read|"
    r"\$\{\s*file:"
)
_VARIABLE = re2.compile(
    r"\$\{?\s*([A-Za-z_][A-Za-z0-9_]{0,80})|%([A-Za-z_][A-Za-z0-9_]{0,80})%|"
    r"\{\{-?\s*(?:env|secrets|vars|environ)\s*\.\s*([A-Za-z0-9_]{1,80})|"
    r"process\.env\.([A-Za-z0-9_]{1,80})|\$env:([A-Za-z0-9_]{1,80})|"
    r"environ(?:\.get\(|\[)\s*['\"]([A-Za-z0-9_]{1,80})"
)
_SECRET_NAME = re2.compile(
    r"(?i)token|secret|passw|pwd|api_?key|access_?key|private_?key|credential|auth|cookie|"
    r"session|_key$|^key$|dsn$|signing"
)
#: A credential written out after its label: ``password: Xk9!vQ2#``, ``creds = db:5432:u:p``,
#: ``API key is sk_live_…``. The value must look like one (see :func:`_looks_secret`).
_WRITTEN = re2.compile(
    r"(?i)\b[\w-]{0,30}?(?:passwords?|passwd|passwort|contrase\x{00f1}a|pwd|pw|passphrase|"
    r"passcode|passkey|creds|credentials?|secrets?|secret[ _-]?access[ _-]?keys?|"
    r"api[ _-]?keys?|tokens?|access[ _-]?keys?|private[ _-]?keys?)\b[*\"'`\s]*"
    r"(?:is|was|are|=|:|->|to|should be|set to)[\s`'\"*]*([^\s`'\"*]{8,200})"
)
_PLACEHOLDERS = ("<", "*", "xxx", "redacted", "example", "placeholder", "your-", "your_",
                 "...", "{{", "${", "changeme")  # fmt: skip
_MAX_TEXT = 65536
_MAX_VALUES = 64


def message_findings(words: frozenset[str], frozen: Mapping[Any, Any]) -> list[Hit]:
    """Findings on the text an action that posts or sends carries (``frozen``: its frozen
    parameters)."""
    if MESSAGE_WORDS.isdisjoint(words):
        return []
    for key, text in _texts(frozen):
        why = _secret(text[:_MAX_TEXT]) or url_password(text[:_MAX_TEXT])
        if why:
            return [default_hit("secret-in-message", f"{why} in {key}")]
    return []


def _texts(frozen: Mapping[Any, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [(str(k), v) for k, v in frozen.items()]
    while stack and len(found) < _MAX_VALUES:
        key, value = stack.pop()
        if key.casefold() in _SKIPPED_KEYS:
            continue
        if isinstance(value, str):
            found.append((key, value))
        elif isinstance(value, Mapping):
            stack.extend((str(k), v) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((key, v) for v in value)
    return found


def secret_reference(text: str) -> str:
    """Why ``text`` refers to a secret (a file template or a secret variable), or ``""``."""
    return _secret(text)


def _secret(text: str) -> str:
    template = _FILE_TEMPLATE.search(text)
    if template:
        return f"a template reading a file ({template.group(0)[:40]!r})"
    for written in _WRITTEN.finditer(text):
        if _looks_secret(written.group(1)):
            return f"a credential written out ({written.group(0)[:24]!r}…)"
    for match in _VARIABLE.finditer(text):
        name = next((group for group in match.groups() if group), "")
        if _SECRET_NAME.search(name) or match.group(0).lstrip("{ -").startswith("secrets"):
            return f"the secret variable {match.group(0)[:60]!r}"
    return ""


def _looks_secret(value: str) -> bool:
    """Characters that switch between lower, upper, digit and symbol often, as a generated or
    chosen secret's do (``Xk9!vQ2#prod``, ``Tr0ub4dor&3``); not a word with a version
    (``Rotated-2024Q3``), a constant (``JWT-HS256``), code (``settings.API_KEY``,
    ``getpass.getpass(``), a placeholder or a link (whose password ``urlpasswords`` reads)."""
    lowered = value.casefold()
    if "://" in value or "(" in value or any(mark in lowered for mark in _PLACEHOLDERS):
        return False
    if _DOTTED_NAME.fullmatch(value):
        return False
    value = value.rstrip(".,;)]}")
    # host:port:db:user:password (a .pgpass line): its parts one by one
    return any(_switchy(part) for part in value.split(":") if len(part) >= 8)


def _switchy(part: str) -> bool:
    kinds = [_kind(c) for c in part]
    switches = sum(a != b for a, b in itertools.pairwise(kinds))
    return len(set(kinds)) >= 3 and switches >= 4 and switches / len(part) >= 0.45


_DOTTED_NAME = re2.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")


def _kind(char: str) -> str:
    if char.isdigit():
        return "d"
    if char.isupper():
        return "u"
    return "l" if char.islower() else "s"
