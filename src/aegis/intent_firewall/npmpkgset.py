"""``npm pkg set KEY=VALUE``: a field of the workspace's ``package.json`` written.

npm's own way to edit the manifest (``npm pkg set scripts.test=vitest``, ``npm pkg set
type=module``) is what writing ``package.json`` with that field amounts to, and is judged
the same way (``runscripts.py`` judges a written manifest's scripts): a script is the shell
line npm runs for it, so ``scripts.NAME=LINE`` is judged as LINE (a lifecycle script,
``postinstall`` or ``prepare``, runs by itself on every install and is held), and a field
that only
describes the package (name, version, type, licence, entry points, engines) changes nothing
that runs. Any other field (dependencies, which the package checks cannot see here,
``publishConfig``, ``bin``, ``config``, ``overrides``), a value parsed as JSON (``--json``),
any other option and an operand that is not ``KEY=VALUE`` stay ``interpreter-code``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["npm_pkg_set"]

#: Fields that describe the package and run nothing.
_PLAIN_FIELDS = frozenset(
    {"name", "version", "description", "type", "private", "license", "author", "main",
     "module", "types", "typings", "sideeffects", "packagemanager"}
)  # fmt: skip
#: Scripts npm runs by itself around install, pack and publish (for this package and for
#: every project that installs it): writing one is code set to run later, unasked.
_LIFECYCLE = frozenset(
    {"preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare",
     "prepublish", "prepublishonly", "postpublish", "prepack", "postpack", "preuninstall",
     "uninstall", "postuninstall", "dependencies", "prerestart", "restart", "postrestart"}
)  # fmt: skip
#: Field groups whose members run nothing (``engines.node``).
_PLAIN_GROUPS = ("engines.", "keywords[")


def npm_pkg_set(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge ``npm pkg set`` (``args`` from the verb on) as the fields it writes."""
    shown = " ".join(written for _, written, _ in args)[:100]
    operands = args[1:]
    if not operands:
        judge.hit("interpreter-code", f"npm pkg set {shown}")
        return
    for value, _written, glob in operands:
        key, equals, field = (value or "").partition("=")
        key = key.lower()
        if value is None or glob or not equals or key.startswith("-"):
            judge.hit("interpreter-code", f"npm pkg set {shown}")
            return
        if key.startswith("scripts.") and key[len("scripts.") :] in _LIFECYCLE:
            judge.hit("interpreter-code", f"npm pkg set {key}: a script npm runs on install")
            return
        if key.startswith("scripts.") and len(key) > len("scripts."):
            judge.judge_script(field, feed.cwd, feed.depth + 1)
        elif key not in _PLAIN_FIELDS and not key.startswith(_PLAIN_GROUPS):
            judge.hit("interpreter-code", f"npm pkg set {key}: a field that may run or fetch")
            return
