"""Windows programs judged by their verb switch: ``certutil -hashfile FILE SHA256`` reads a
file, ``schtasks /query`` lists tasks, ``where``/``tasklist``/``systeminfo``/``ver``/
``ipconfig`` report, ``findstr`` searches files.

Their danger sits in one switch (``certutil -urlcache`` downloads, ``-decode`` writes,
``-addstore`` trusts a root; ``schtasks /create``/``/change``/``/run``/``/delete``;
``whoami /priv``; ``/s HOST`` reaches another machine), so the catalogue
(``data/windows.toml``) lists the verbs that only read, and any other verb is the program's
finding: fail closed. File operands go through the ordinary path checks, Windows spellings
included.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.access import judge_host
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.vocabulary import SECRET_WORDS, name_words

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["windows_verbs"]


@cache
def _tables() -> Mapping[str, Mapping[str, Any]]:
    text = resources.files("aegis.intent_firewall").joinpath("data/windows.toml").read_text()
    tables: Mapping[str, Mapping[str, Any]] = tomllib.loads(text).get("windows", {})
    return tables


def _switch(word: str) -> bool:
    """``-hashfile``, ``/query``, ``/c:text``; ``/etc/shadow`` is a path, not a switch."""
    if word.startswith("-"):
        return len(word) > 1
    name = word.split(":", 1)[0]
    return word.startswith("/") and 1 < len(name) <= 16 and "/" not in name[1:]


def windows_verbs(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge a Windows program by its verb switch and its switches; see the module doc."""
    table = _tables().get(spec.name.removesuffix(".exe"), {})
    words = args[1:]
    if any(word[0] is None for word in words):
        judge.hit("shell-expansion", f"{spec.name} argument known only at run time")
        return
    texts = [word[0] or "" for word in words]
    lowered = [text.lower() for text in texts]
    for text in lowered:
        rule = table.get("switches", {}).get(text.split(":", 1)[0])
        if rule:
            judge.hit(rule, f"{spec.name} {text}")
    for index, text in enumerate(lowered):
        if text in table.get("remote", ()) and index + 1 < len(texts):
            judge_host(judge.scope, texts[index + 1], words[index + 1][1])
    verbs: Mapping[str, str] = table.get("verbs", {})
    if verbs:
        _judge_verb(judge, spec.name, table, words, feed)
        return
    _judge_operands(judge, table, words, lowered, feed)


def _judge_verb(
    judge: CommandJudge,
    name: str,
    table: Mapping[str, Any],
    words: list[Arg],
    feed: Feed,
) -> None:
    lowered = [(word[0] or "").lower() for word in words]
    verb_at = next(
        (i for i, text in enumerate(lowered) if _switch(text) and text in table["verbs"]), None
    )
    if verb_at is None:
        verb = next((text for text in lowered if _switch(text)), "(none)")
        if table.get("other"):
            judge.hit(table["other"], f"{name} {verb}: {' '.join(w[1] for w in words)[:80]}")
        return
    role = table["verbs"][lowered[verb_at]]
    operands = [
        w
        for w, text in zip(words[verb_at + 1 :], lowered[verb_at + 1 :], strict=True)
        if not _switch(text)
    ]
    if role == "read":
        # certutil -hashfile FILE [ALGORITHM]: the file is read, the algorithm is a name
        for operand in operands[:1]:
            judge.path(operand, "read", feed.cwd)


def _hunts_secrets(judge: CommandJudge, patterns: list[str]) -> None:
    """``findstr /si password *.config``: a search for passwords across files is
    credential hunting, whatever files it names."""
    for pattern in patterns:
        lowered = pattern.lower()
        hunted = sorted(name_words(pattern.replace(" ", "_")) & SECRET_WORDS) or [
            part for part in _SECRET_PARTS if part in lowered
        ]
        if hunted:
            judge.hit("sensitive-tree-read", f"findstr searches for {hunted[0]!r}")
            return


#: Fragments of a search string that hunts for credentials (``pwd=``, ``passw``).
_SECRET_PARTS = ("passw", "pwd", "secret", "token", "cred", "apikey", "api_key", "private key")


def _judge_operands(
    judge: CommandJudge, table: Mapping[str, Any], words: list[Arg], lowered: list[str], feed: Feed
) -> None:
    mode = table.get("files", "none")
    operands: list[Arg] = []
    pattern_given = False
    skip = False
    for word, text in zip(words, lowered, strict=True):
        if skip:
            skip = False
            if mode == "none":
                judge.path(word, "read-tree", feed.cwd)  # where /r DIR searches below DIR
            else:
                operands.append(word)
            continue
        if text in table.get("tree", ()) or text in table.get("remote", ()):
            skip = text in table.get("tree", ())
            continue
        if _switch(text):
            if (
                text.startswith(("/g:", "/f:")) and len(text) > 3
            ):  # findstr: patterns or names read from a file
                value = (word[0] or "")[3:]
                judge.path((value, value, False), "read", feed.cwd)
            pattern_given = pattern_given or text.startswith(("/c:", "/g:"))
            continue
        operands.append(word)
    if mode == "pattern":
        searched = [w[0] or "" for w in operands[:1]] if not pattern_given else []
        searched += [t[3:] for t in lowered if t.startswith("/c:")]
        _hunts_secrets(judge, searched)
        if not pattern_given:
            operands = operands[1:]
    if mode in ("pattern", "read"):
        for operand in operands:
            judge.path(operand, "read", feed.cwd)
