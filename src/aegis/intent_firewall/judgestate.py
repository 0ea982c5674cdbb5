"""What a request's judgement keeps while its values are read: the policy, the findings
so far (each rule once), the working directory and the budgets, and what the action's name
and parameters say of the request as a whole.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.actionname import DIRECTORY_WORDS, action_name, recursive
from aegis.intent_firewall.analysis import CommandBudget, ShellJob
from aegis.intent_firewall.deletions import deletion_command
from aegis.intent_firewall.model import Effect, Finding, Request
from aegis.intent_firewall.operations import (
    RESOURCE_KEYS,
)
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.policy import Policy
from aegis.intent_firewall.rules import Hit
from aegis.intent_firewall.searchtools import search_action
from aegis.intent_firewall.toolcommands import (
    tool_commands,
)
from aegis.intent_firewall.vocabulary import (
    FILE_WORDS,
    PATH_KEYS,
    URL_KEYS,
)  # fmt: skip

__all__ = ["JudgeState"]


def _scope_settings(policy: Policy) -> dict[str, Any]:
    """The policy's part of a :class:`Scope`, built once per policy (policies are
    immutable; the firewall keeps one until a setting changes). Kept by identity, with the
    policy itself, so an identity is never taken for a later policy's."""
    kept = _SCOPE_SETTINGS.get(id(policy))
    if kept is not None and kept[0] is policy:
        return kept[1]
    if len(_SCOPE_SETTINGS) >= 16:
        _SCOPE_SETTINGS.clear()
    settings = {
        "home": policy.home,
        "allowed_hosts": policy.allowed_hosts,
        "allowed_programs": policy.allowed_programs,
        "workspace": policy.working_directory,
        "max_address_list": policy.limits.max_address_list,
        "environment": policy.environment,
        "windows_workspace": policy.windows_workspace,
    }
    _SCOPE_SETTINGS[id(policy)] = (policy, settings)
    return settings


_SCOPE_SETTINGS: dict[int, tuple[Policy, dict[str, Any]]] = {}


class JudgeState:
    """The state of one request's judgement, shared by its readers (see the module)."""

    def __init__(self, request: Request, policy: Policy, memo: dict[Any, Any]) -> None:
        self.policy = policy
        self.memo = memo
        #: Findings per (text, key, tool) within this request: repeated values cost once.
        self.seen: dict[tuple[str, str, str, bool, bool], list[Hit]] = {}
        self.request = request
        self.custom = bool(policy.custom.rules)
        name = self.name = action_name(request.action)
        self.words = name.words
        parameters = request.parameters
        #: search_code {query, path}: the text it looks for is no command (searchtools.py)
        self.search_tool = name.may_search and search_action(self.words, parameters)
        self.nouns = name.nouns
        #: ``fs.rm {path: ./dist}``: the ``rm -r`` a file-deleting tool amounts to.
        self.deletion = deletion_command(self.words, parameters) if name.may_delete else None
        #: ``aws_cli {service, operation, args}``, ``k8s.get {…}``, ``create_archive {…}``:
        #: the command line such a tool runs (``toolcommands.py``).
        self.command = tool_commands(self.words, parameters) if name.may_run_tool_command else None
        # delete_directory {path}: a directory goes with everything below it
        self.recursive = name.deletes_directory or recursive(parameters)
        self.found: dict[str, Finding] = {}
        #: The request writes documentation: code in its text is an example, not a command.
        self.documentation = False
        #: The context while its unpacked parts are judged: a part it holds verbatim was
        #: already read for injection as part of the whole.
        self.context_text: str | None = None
        #: ``recipe``/``python`` when the request writes a file a build command runs.
        self.auto_run: str | None = None
        #: What the file the request writes is (``filekinds.py``): ``document``, ``data``,
        #: ``test``, or None for code, configuration and anything unknown.
        self.written: str | None = None
        #: The value judged lies in the structure parsed out of a written file's text.
        self.quoted = False
        #: The request names a path: its text keys hold a file's text.
        self.writes_file = False
        #: The request types its text into whatever has the focus (a terminal, maybe).
        self.typing = False
        #: Tool names already judged for destructive words.
        self.tools: set[str] = set()
        self.cwd = policy.working_directory or "/"
        self.job = ShellJob(
            self.cwd, policy.working_directory is not None, policy.limits.max_shell_nodes
        )
        #: What the request's lists of command lines, read again as scripts, may cost.
        self.script_budget: CommandBudget | None = None
        #: What every :class:`Scope` of the request takes from the policy.
        self.scope_settings = _scope_settings(policy)

    def keep(self, hits: Iterable[Hit], where: str) -> None:
        """Each hit's rule once. What the context alone draws (text the agent read, not
        what it does) is at most review; the same rule drawn by the request itself takes
        its place with its own effect."""
        read = where.startswith("context")
        for hit in hits:
            if hit.rule in self.policy.disabled_rules:
                continue
            known = self.found.get(hit.rule)
            if known is not None and (read or not known.where.startswith("context")):
                continue
            effect = Effect.REVIEW if read else hit.effect
            self.found[hit.rule] = Finding(
                hit.rule, hit.severity, effect, hit.description, where, hit.evidence
            )

    def scope(self, *, prose: bool) -> Scope:
        return Scope(**self.scope_settings, cwd_known=self.job.cwd_known, prose=prose)

    def _only_workspace_files(self) -> bool:
        """A file action whose every path parameter lies below the configured working
        directory: deleting there is what ``rm build/x.log`` does, and the path rules judge
        it (a sensitive file in the workspace, ``.git/hooks``, is still a finding)."""
        parameters = self.request.parameters
        if not self.words & (FILE_WORDS | DIRECTORY_WORDS) or not self.job.cwd_known:
            return False
        if not isinstance(parameters, Mapping) or self.cwd in ("/", ""):
            return False
        paths = [
            value
            for name, value in itertools.islice(parameters.items(), 64)
            if isinstance(name, str) and name.casefold() in PATH_KEYS
        ]
        if any(
            not isinstance(name, str)
            or name.casefold() in URL_KEYS
            or name.casefold() in RESOURCE_KEYS
            or isinstance(value, (Mapping, list, tuple))
            for name, value in itertools.islice(parameters.items(), 64)
        ):
            # delete_file {path: ./x, host: prod-1}: a file on another machine; {bucket: …}:
            # an object of a store; nested settings: not understood (fail closed)
            return False
        inside = self.cwd.rstrip("/") + "/"
        return bool(paths) and all(
            isinstance(value, str)
            and resolve_path(value, self.cwd, self.policy.home).startswith(inside)
            for value in paths
        )

    def below_workspace(self, path: str) -> bool:
        """``path`` lies strictly below the working directory (the named one, or, with none
        named, a relative path that does not climb out)."""
        from aegis.intent_firewall.access import stays_below_unknown_cwd
        from aegis.intent_firewall.paths import resolve_path

        if not self.job.cwd_known or self.cwd in ("/", ""):
            return stays_below_unknown_cwd(path) and path.strip("/. ") != ""
        inside = self.cwd.rstrip("/") + "/"
        return resolve_path(path, self.cwd, self.policy.home).startswith(inside)

    def _names_a_path(self) -> bool:
        """Whether the parameters have a path key: the action's permissions are a file's."""
        parameters = self.request.parameters
        return isinstance(parameters, Mapping) and any(
            isinstance(name, str) and name.casefold() in PATH_KEYS
            for name in itertools.islice(parameters, 64)
        )
