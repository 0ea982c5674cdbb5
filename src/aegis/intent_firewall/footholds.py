"""Files that hand control to someone else later, judged by what they are.

A write that lands inside the workspace and draws nothing by its path can still be a
foothold: editor settings naming a program to run (``editorsettings.py``), files editors
load as code (``editorcode.py``), CI workflows that run untrusted code or a look-alike
action (``workflows.py``), dependencies redirected to another source
(``depredirect.py``). Which file a request writes, and the text it writes, are read here
once from the frozen parameters (a file tool's path and content, an edit's old and new
text, ``echo``/``printf``/heredoc text a command line writes into a file), and the file's
module judges it. Messages that carry a secret (``messagesecrets.py``) are judged by the
action, whatever file is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from aegis.intent_firewall.agentgrants import (
    agent_grant_findings,
    is_agent_settings,
    line_grant_findings,
    removed_hook,
)
from aegis.intent_firewall.buildfiles import BUILD_FILE_NAMES, build_file_findings
from aegis.intent_firewall.ciscripts import ci_file_keys, ci_script_findings
from aegis.intent_firewall.codecalls import code_call_findings
from aegis.intent_firewall.containermounts import container_mount_findings
from aegis.intent_firewall.depredirect import redirect_findings, shell_redirects
from aegis.intent_firewall.dotenvfiles import dotenv_findings
from aegis.intent_firewall.duplicatekeys import duplicate_key_findings
from aegis.intent_firewall.editorcode import EDITOR_FILES, editor_code_findings
from aegis.intent_firewall.editorsettings import settings_findings
from aegis.intent_firewall.infraprotections import infra_findings
from aegis.intent_firewall.manifests import manifest_kind, written_by_line
from aegis.intent_firewall.messagesecrets import MESSAGE_WORDS, message_findings
from aegis.intent_firewall.outbound import outbound_findings
from aegis.intent_firewall.pagesecrets import page_secret_findings
from aegis.intent_firewall.pyactions import python_action_findings
from aegis.intent_firewall.releasetools import release_upload_findings
from aegis.intent_firewall.rules import Hit
from aegis.intent_firewall.scanconfigs import scan_config_findings
from aegis.intent_firewall.structuredvalues import SELECTOR_KEYS, rendered
from aegis.intent_firewall.toolconfigs import tool_config_findings
from aegis.intent_firewall.verifyswitches import verification_findings
from aegis.intent_firewall.workflows import workflow_findings

__all__ = ["foothold_findings"]

JudgeLine = Callable[[str], list[Hit]]

_PATH_KEYS = frozenset(
    {"path", "file", "file_path", "filepath", "filename", "target_file", "target", "dest",
     "destination", "uri"}
)  # fmt: skip
_NEW_KEYS = frozenset(
    {"content", "contents", "text", "file_text", "new_str", "new_string", "new_content",
     "new_text", "replacement", "insert_text", "append", "prepend", "insert", "code",
     "source", "data", "body", "edits", "changes", "value", "lines", "replace", "new"}
)  # fmt: skip
_OLD_KEYS = frozenset({"old_str", "old_string", "old_text", "search", "find", "old"})
_LINE_KEYS = frozenset({"command", "cmd", "script", "shell", "bash", "sh"})
_MAX_TEXTS = 64
WATCHED_NAMES = EDITOR_FILES | {"settings.json", "launch.json"}
#: a part of every name ``_watched`` accepts: a command line without one writes none
_FRAGMENTS = (
    "go.mod", "cargo.toml", "package.json", "pyproject.toml", "gemfile", "pipfile",
    "requirements", "constraints", "settings.json", "launch.json", ".code-workspace",
    "workflows/", ".dir-locals", "exrc", "vimrc", ".nvim.lua", ".vimlocal", ".vim.custom",
    ".claude", ".cursor", ".codex", ".gemini", ".continue", "mcp", ".aider", ".windsurf",
    ".roo", ".cline", ".zed", ".amazonq", ".kiro", ".codeium", ".vscode",
    "makefile", ".mk", "justfile", "build.rs", "conftest.py", "setup.py",
    "noxfile.py", "tasks.py", "gitlab-ci", ".circleci", "pipelines.yml", ".travis", ".drone",
    "cloudbuild", "buildspec", "appveyor", ".cirrus", "woodpecker", ".buildkite",
)  # fmt: skip


def _new_texts(key: str, value: object, new: list[str], old: list[str]) -> bool:
    """Add the texts a value under a new-text ``key`` writes to ``new`` (an edit list's old
    texts to ``old``); ``True`` when it is a structured edit's value, a fragment."""
    if key in ("edits", "changes") and _edit_list(value, new, old):
        return False  # edits: [{old: …, new: …}]: each edit's own old and new text
    _strings(value, new)
    if isinstance(value, Mapping | list | tuple):
        new.append(rendered(value))
        return True
    return False


def _edit_list(value: object, new: list[str], old: list[str]) -> bool:
    """Sort a list of edits (``[{old_string: …, new_string: …}]``) into their old and new
    texts; ``False`` when ``value`` is no such list."""
    if not isinstance(value, list | tuple) or not value:
        return False
    edits = [edit for edit in value[:_MAX_TEXTS] if isinstance(edit, Mapping)]
    if len(edits) != len(value[:_MAX_TEXTS]):
        return False
    for edit in edits:
        for key, text in edit.items():
            folded = key.casefold() if isinstance(key, str) else ""
            _strings(text, old if folded in _OLD_KEYS else new)
    return True


def foothold_findings(
    frozen: object, words: frozenset[str], judge_line: JudgeLine, where: tuple[str, str]
) -> list[Hit]:
    """Findings on the file ``frozen`` (a request's frozen parameters) writes and on the
    message it sends; ``where`` is (working directory, home). One pass over the keys: this
    runs for every request."""
    if not isinstance(frozen, Mapping):
        return []
    hits = [] if MESSAGE_WORDS.isdisjoint(words) else message_findings(words, frozen)
    hits.extend(outbound_findings(words, frozen, where[1]))
    hits.extend(page_secret_findings(words, frozen))
    hits.extend(container_mount_findings(frozen, judge_line))
    hits.extend(release_upload_findings(words, frozen))
    path: str | None = None
    fragment = selected = False
    new: list[str] = []
    old: list[str] = []
    for key, value in frozen.items():
        if not isinstance(key, str):
            continue
        folded = key.casefold()
        if folded in _LINE_KEYS and isinstance(value, str):
            hits.extend(shell_redirects(value))
            written = (
                written_by_line(value, _watched)
                if (">" in value or "tee" in value) and _names_watched(value)
                else None
            )
            hits.extend(line_grant_findings(value, judge_line, seen=written is not None))
            if written is not None:
                hits.extend(_judged(written[0], ([written[1]], []), {}, judge_line, where))
        elif folded in _PATH_KEYS and isinstance(value, str) and _file_like(path, value):
            path = value  # yaml.edit {path: jobs.x, file: ci.yml}: the one naming a file
        elif folded in _NEW_KEYS:
            fragment = _new_texts(folded, value, new, old) or fragment
        elif folded in SELECTOR_KEYS:
            selected = True
        elif folded in _OLD_KEYS:
            _strings(value, old)
    if path is not None:
        # a value put at a place in the file (steps[2], /on): the rest is not in view
        if fragment and (selected or "path" in frozen) and not old:
            old = [""]
        hits.extend(_judged(path, (new, old), frozen, judge_line, where))
    return hits


def _judged(
    path: str,
    texts: tuple[list[str], list[str]],
    frozen: Mapping[Any, Any],
    judge_line: JudgeLine,
    where: tuple[str, str],
) -> list[Hit]:
    """What the file at ``path`` written with ``texts`` (new, old) draws."""
    new, old = texts
    normal = path.replace("\\", "/").casefold()
    name = normal.rsplit("/", 1)[-1]
    return [
        *settings_findings(normal, new, frozen, where),
        *editor_code_findings(name, new, judge_line),
        *workflow_findings(normal, new, old),
        *scan_config_findings(normal, new, old),  # gitleaks taken out of the commit hooks
        *ci_script_findings(normal, new, judge_line),  # run: echo ${{ secrets.X }} | base64
        *redirect_findings(name, new),
        *build_file_findings(name, new, judge_line),
        *code_call_findings(normal, new, judge_line),  # a plugin's system("rsync ~/.ssh …")
        *dotenv_findings(name, new, judge_line),  # .env: NODE_OPTIONS=--require /tmp/x.js
        *python_action_findings(normal, new, judge_line),  # tests: shutil.rmtree(Path.home())
        *tool_config_findings(normal, new, judge_line),  # pytest.ini addopts, tox commands
        *infra_findings(normal, new),
        *agent_grant_findings(normal, new, judge_line, where),
        *removed_hook(normal, new, old),  # "PreToolUse": [] where a guard's hook was
        *duplicate_key_findings(normal, new),
        *verification_findings(normal, new),  # strict-ssl=false in .npmrc
    ]


def _file_like(current: str | None, value: str) -> bool:
    """Whether ``value`` names the file rather than ``current``: the first path key wins
    unless it holds no ``/`` and ``value`` does (a place in the file, then the file)."""
    return current is None or ("/" not in current and "/" in value)


def _names_watched(line: str) -> bool:
    low = line.casefold()
    return any(fragment in low for fragment in _FRAGMENTS)


def _watched(word: str) -> bool:
    """A file one of the modules above judges, as a command line names it."""
    normal = word.replace("\\", "/").casefold()
    name = normal.rsplit("/", 1)[-1]
    return (
        name in WATCHED_NAMES
        or manifest_kind(name) is not None
        or ".github/workflows/" in normal
        or bool(ci_file_keys(normal))
        or name in BUILD_FILE_NAMES
        or name.endswith(".mk")
        or name.endswith(".code-workspace")
        or is_agent_settings(normal)
    )


def _strings(value: object, found: list[str]) -> None:
    """Every string in ``value`` (a string, or lists and mappings of them), bounded."""
    stack = [value]
    while stack and len(found) < _MAX_TEXTS:
        current = stack.pop()
        if isinstance(current, str):
            found.append(current)
        elif isinstance(current, Mapping):
            stack.extend(current.values())
        elif isinstance(current, list | tuple):
            stack.extend(current)
