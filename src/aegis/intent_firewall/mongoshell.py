"""JavaScript given to the MongoDB shell (``mongosh --eval …``, ``mongo {args: [--eval, …]}``).

mongosh is a Node.js shell: besides ``db.…`` it runs ``require('child_process')``,
``fs.readFileSync``, ``load(file)``, ``runProgram`` and administrative commands
(``createUser``, ``adminCommand({shutdown: 1})``, ``fsyncLock``). Its text is code, so it is
reviewed unless it is a known read: every function called is a read of the database
(``find``, ``countDocuments``, ``aggregate`` without ``$out``/``$merge``,
``getCollectionNames``, ``version``, ``stats``) or a printing function, no call is made on a
computed value (``x['constructor'](…)``), and no Node global is named. Deletes and drops keep
the destructive finding they had. The scan is linear: strings are skipped, identifiers read
once.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

__all__ = ["mongo_shell_findings"]

_MAX_TEXT = 16384


@cache
def _catalogue() -> dict[str, frozenset[str]]:
    data = tomllib.loads(
        resources.files("aegis.intent_firewall.data").joinpath("operations.toml").read_text()
    )["mongo_shell"]
    return {key: frozenset(str(word).casefold() for word in words) for key, words in data.items()}


def _code(text: str) -> str:
    """``text`` with the contents of its string literals replaced by nothing (quotes kept)."""
    out: list[str] = []
    quote = ""
    escaped = False
    for char in text:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
                out.append(char)
            continue
        if char in "'\"`":
            quote = char
        out.append(char)
    return "".join(out)


def _calls(code: str) -> tuple[list[str], list[str], bool]:
    """The names called (``find`` in ``db.x.find(``), every identifier, and whether a call is
    made on a computed value (after ``)`` or ``]``)."""
    called: list[str] = []
    names: list[str] = []
    computed = False
    word: list[str] = []
    last = ""  # the last character that is not a blank, before the current one
    previous_word = ""
    for char in code + " ":
        if char.isalnum() or char in "_$":
            word.append(char)
            continue
        if word:
            previous_word = "".join(word)
            names.append(previous_word)
            word = []
            last = "w"
        if char.isspace():
            continue
        if char == "(":
            if last == "w":
                called.append(previous_word)
            elif last in (")", "]"):
                computed = True
        last = char
    return called, names, computed


def _shell_lines(text: str) -> str:
    """``show dbs`` and ``use app`` lines are shell commands, not JavaScript."""
    kept = []
    for line in text.splitlines():
        words = line.strip().rstrip(";").split()
        if len(words) == 2 and words[0].casefold() in ("show", "use"):
            continue
        kept.append(line)
    return "\n".join(kept)


def mongo_shell_findings(text: str) -> list[tuple[str, str]]:
    """(rule, detail) for MongoDB shell JavaScript: empty for a known read."""
    lowered = text.casefold()
    shown = f"database shell {text[:80]!r}"
    if len(text) > _MAX_TEXT:
        return [("interpreter-code", f"{shown} is too long to read")]
    data = _catalogue()
    called, names, computed = _calls(_code(_shell_lines(text)))
    folded_calls = {name.casefold() for name in called}
    findings: list[tuple[str, str]] = []
    if folded_calls & data["destructive"]:
        findings.append(("destructive-command", shown))
    stages = [stage for stage in data["writing_stages"] if stage in lowered]
    unknown = sorted(folded_calls - data["reads"] - data["printing"])
    globals_named = sorted({name.casefold() for name in names} & data["node_globals"])
    if stages or unknown or globals_named or computed:
        what = ", ".join(dict.fromkeys([*stages, *unknown, *globals_named]) or ["a computed call"])
        findings.append(("interpreter-code", f"{shown} runs {what[:120]}"))
    return findings
