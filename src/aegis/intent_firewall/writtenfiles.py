"""What the paths a request names say about the text it writes: the working directory it
sets, and whether the file is documentation, data, a test or a file a build runs.
"""

from __future__ import annotations

from dataclasses import replace

from aegis.intent_firewall.analysis import ShellJob
from aegis.intent_firewall.autorun import auto_run_kind
from aegis.intent_firewall.filekinds import DATA_KINDS, written_kind
from aegis.intent_firewall.judgestate import JudgeState
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.plaintext import (
    FILE_TEXT_KEYS,
)
from aegis.intent_firewall.readings import (
    DOC_SUFFIXES,
)
from aegis.intent_firewall.structure import Item
from aegis.intent_firewall.text import (
    canonical_text,
)
from aegis.intent_firewall.valuereading import CWD_KEYS
from aegis.intent_firewall.vocabulary import (
    PATH_KEYS,
)  # fmt: skip

__all__ = ["as_file_text", "read_from_file_text", "read_locations"]


def read_locations(judge: JudgeState, items: list[Item]) -> None:
    """A working directory given as a parameter, and what the named paths write."""
    cwd_item: Item | None = None
    named_paths = False
    for item in items:  # a loop, not generators: this runs for every request
        key = item.key
        if cwd_item is None and key in CWD_KEYS and not read_from_file_text(item):
            cwd_item = item  # dependabot.yml's ``directory: /`` is no working directory
        named_paths = named_paths or key in PATH_KEYS
    if cwd_item is not None and cwd_item.text.startswith("/"):
        judge.cwd = canonical_text(cwd_item.text)
        judge.job = ShellJob(judge.cwd, True, judge.job.budget, judge.job.commands)
    elif cwd_item is not None and _relative_place(cwd_item.text):
        # ``working_directory: ../other-project``: seen from where the request starts
        judge.cwd = resolve_path(canonical_text(cwd_item.text), judge.cwd, judge.policy.home)
        judge.job = ShellJob(judge.cwd, judge.job.cwd_known, judge.job.budget, judge.job.commands)
    judge.writes_file = named_paths
    if named_paths:  # both look only at values under path keys
        judge.documentation = _writes_documentation(items)
        judge.auto_run = _writes_auto_run(items)
        judge.written = _written_kind(items)
        if judge.written in DATA_KINDS:
            judge.documentation = True


def _relative_place(text: str) -> bool:
    """A directory written relative to the working directory or the home (``../x``,
    ``~/x``, ``./x``); a bare word under a directory key may be no path at all."""
    return text in ("..", "~", ".") or text.startswith(("../", "./", "~/"))


def read_from_file_text(item: Item) -> bool:
    """An item the walk read out of a file's text (``content<yaml>.cmd``)."""
    where = item.where
    return "<" in where and where.split("<", 1)[0].rsplit(".", 1)[-1].casefold() in FILE_TEXT_KEYS


def as_file_text(item: Item) -> Item:
    """A file's JSON text (which the walk marks as ``<json>``) under its own key again."""
    if item.key != "<json>":
        return item
    key = item.where.rsplit(".", 1)[-1].casefold()
    return replace(item, key=key) if key in FILE_TEXT_KEYS else item


def _written_kind(items: list[Item]) -> str | None:
    """The kind of file every path parameter names, given the text written to it
    (``filekinds.py``); None when they differ or one is code, configuration or unknown."""
    content = next(
        (item.text for item in items if item.key in FILE_TEXT_KEYS and item.argv is None), ""
    )
    kinds = {
        written_kind(item.text, content)
        for item in items
        if item.key in PATH_KEYS and item.argv is None
    }
    return kinds.pop() if len(kinds) == 1 else None


def _writes_auto_run(items: list[Item]) -> str | None:
    """The kind of build file a path parameter names (a Makefile, ``conftest.py`` …)."""
    for item in items:
        if item.key in PATH_KEYS:
            kind = auto_run_kind(item.text)
            if kind is not None:
                return kind
    return None


def _writes_documentation(items: list[Item]) -> bool:
    """Whether a path parameter names a documentation file (a loop: runs per request)."""
    for item in items:
        if item.key in PATH_KEYS and (
            item.text.lower().endswith(DOC_SUFFIXES) or "docs/" in item.text
        ):
            return True
    return False
