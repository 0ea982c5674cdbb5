"""A request's action and each item of its parameters judged: the action's name, tool
names, operands, argument vectors, scripts and the program a tool is named after.
"""

from __future__ import annotations

from dataclasses import replace

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.actionname import ACCESS_PAIRS, FILE_DELETING, names_nothing
from aegis.intent_firewall.analysis import CommandBudget, ShellJob, judge_argv, judge_shell
from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.deletions import DELETE_VERBS, deletion_command, tool_arguments
from aegis.intent_firewall.devicetools import device_tool, with_serial
from aegis.intent_firewall.graphqlops import mutation_evidence
from aegis.intent_firewall.hosts import urls_in
from aegis.intent_firewall.languagetools import inline_code, inline_shell_script
from aegis.intent_firewall.localtools import judged_locally, unread_local_tool
from aegis.intent_firewall.model import Severity
from aegis.intent_firewall.mongotools import scoped_delete
from aegis.intent_firewall.namedtools import ARGUMENT_KEYS as NAMED_ARGUMENT_KEYS
from aegis.intent_firewall.namedtools import named_argv, named_program
from aegis.intent_firewall.pageactions import click_evidence, entry_evidence
from aegis.intent_firewall.readings import (
    LOOKING_WORDS,
    PLAIN_WORD,
    SERVICE_WORDS,
)
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.stakes import stakes_evidence
from aegis.intent_firewall.structure import Item
from aegis.intent_firewall.text import (
    canonical_text,
)
from aegis.intent_firewall.textchecks import (
    secret_in_text,
)
from aegis.intent_firewall.toolcommands import (
    COMMAND_TOOL_WORDS,
    unread_cli,
)
from aegis.intent_firewall.valuejudge import ValueJudge
from aegis.intent_firewall.valuereading import ENV_WORDS, OPERAND_KEYS, RUNNING_WORDS
from aegis.intent_firewall.vocabulary import (
    COMMAND_WORDS,
    DESTRUCTIVE_WORDS,
    GUARD_WORDS,
    PERM_WORDS,
    RUN_WORDS,
    SECRET_WORDS,
    name_words,
)  # fmt: skip

__all__ = ["NOT_PROGRAM_WORDS", "RequestJudge"]


class RequestJudge(ValueJudge):
    """The whole request: its action, and each item the parameter walk found."""

    def unread_command(self) -> None:
        """A cloud or Kubernetes tool whose command line cannot be read: fail closed."""
        if (
            self.command is None
            and self.name.may_run_tool_command
            and (
                unread_cli(self.words, self.request.parameters)
                or unread_local_tool(self.words, self.request.parameters)
            )
        ):
            hit = default_hit("destructive-action", f"{self.request.action!r} (unread)")
            self.keep([hit], "action")

    def action(self) -> None:
        action = self.request.action
        self._fields_at_stake()
        if names_nothing(self.nouns):
            # the common action (execute_command, read_file): no destructive, service or
            # access word, so nothing below can fire; the name and context are still judged
            self.remembered(action, "action", "<action>")
            if self.request.context:
                self.remembered(self.request.context, "context", "<context>")
            return
        destructive = self.words & DESTRUCTIVE_WORDS
        if self.words & SERVICE_WORDS and not self.words & LOOKING_WORDS:
            destructive = destructive | (self.words & SERVICE_WORDS)
        for nouns, verbs in ACCESS_PAIRS:
            named = self.nouns & nouns
            if nouns is GUARD_WORDS and named & PERM_WORDS and self._names_a_path():
                named = named - PERM_WORDS  # set_permissions {path: …}: a file's mode
            if named and self.words & verbs:  # dump_credentials, update_policy
                destructive = destructive | named | (self.words & verbs)
        if destructive and destructive <= FILE_DELETING and self._only_workspace_files():
            destructive = frozenset()  # delete_file {path: build/x.log}: judged as its path
        if destructive and self._judged_as_commands(destructive):
            destructive = frozenset()
        if destructive and (
            judged_locally(self.words, self.request.parameters, self.command)
            or (self.command is not None and device_tool(self.words))
        ):  # kind.delete_cluster, terminal.kill (localtools.py), ios.simulator.erase (devicetools)
            destructive = frozenset()
        if destructive:
            hit = default_hit(
                "destructive-action", f"{action!r} ({', '.join(sorted(destructive))})"
            )
            self.keep([hit], "action")
        if (
            self.words & {"script"}
            and self.words & RUN_WORDS
            and not inline_code(self.words, self.request.parameters)
            and not inline_shell_script(self.request.parameters)
        ):
            # run_script runs a user's script; runJavaScript {code} and run_python_script
            # {code} run code given inline, judged as that language's (languagetools.py)
            self.keep([default_hit("user-script", action)], "action")
        self.remembered(action, "action", "<action>")
        if self.request.context:
            self.remembered(self.request.context, "context", "<context>")

    def _fields_at_stake(self) -> None:
        """What the call's fields say of its stakes: a production stage, a public registry,
        a paying or destroying click, a secret typed into a page (stakes.py, pageactions.py)."""
        parameters = self.request.parameters
        evidence = (
            stakes_evidence(self.words, parameters)
            or click_evidence(self.words, parameters)
            or mutation_evidence(parameters)
        )
        if evidence:
            hit = default_hit("destructive-action", f"{self.request.action!r} ({evidence})")
            self.keep([hit], "action")
        entered = entry_evidence(self.words, parameters)
        if entered:
            self.keep([default_hit("secret-entry", entered)], "action")

    def operand(self, item: Item) -> None:
        """Values a tool passes on as one argument: a header with a line break adds headers,
        an operand starting with ``-`` is read as an option (``--upload-pack=…``)."""
        text = item.text
        if ("\r" in text or "\n" in text) and ".headers." in item.where.casefold():
            self.keep(
                [default_hit("code-in-data", f"line break in header {item.key!r}")], item.where
            )
        if self.words & ENV_WORDS and name_words(item.text[:128]) & SECRET_WORDS:
            evidence = f"{self.request.action} {item.text[:80]!r}"
            self.keep([default_hit("secret-environment", evidence)], item.where)
        operand = item.text.lstrip()
        if (
            operand[:1] == "-"
            and item.key in OPERAND_KEYS
            and (operand.startswith("--") or "=" in operand)
        ):  # --upload-pack=…, -oProxyCommand=…; a bare -e (pip install -e .) is no value
            evidence = f"{item.key} {item.text[:80]!r} starts with '-'"
            self.keep([default_hit("option-injection", evidence)], item.where)

    def tool_name(self, item: Item) -> None:
        """A tool call's name counts like the action's: ``{"name": "delete_database"}``."""
        tool = item.tool
        if not tool or tool[0] == "<" or tool in self.tools:
            return
        self.tools.add(tool)
        destructive = name_words(tool) & DESTRUCTIVE_WORDS
        if destructive and destructive <= DELETE_VERBS:
            # {name: delete_file, arguments: {path: ./dist}}: judged as rm -r ./dist
            arguments = tool_arguments(self.request.parameters, item.where)
            command = deletion_command(name_words(tool), arguments)
            if command is not None:
                scope = self.scope(prose=False)
                judge_argv(command, scope, self.job)
                self.keep(scope.hits, item.where)
                return
        if destructive:
            evidence = f"tool {tool!r} ({', '.join(sorted(destructive))})"
            self.keep([default_hit("destructive-action", evidence)], item.where)

    def script(self, item: Item) -> None:
        """A list of command lines read as one script: its lines were charged to the
        request's budget when judged one by one, so this second reading is charged to a
        budget of its own, shared by every such script of the request (so a request costs
        at most two budgets and a value more, however its lines are split into lists)."""
        job = self.job
        if self.script_budget is None:
            limits = self.policy.limits
            self.script_budget = CommandBudget(
                limits.max_commands, limits.max_sql_parsed, limits.max_paths, limits.max_work
            )
        self.job = ShellJob(job.cwd, job.cwd_known, job.budget, self.script_budget)
        try:
            self.item(replace(item, script=False))
        finally:
            self.job = job

    def _judged_as_commands(self, destructive: frozenset[str]) -> bool:
        """The destructive words of a tool whose effect is judged as what it runs instead."""
        if destructive <= DELETE_VERBS and self.deletion is not None:
            return True  # fs.rm {path: ./dist}: judged as rm -r ./dist
        if destructive <= _ROW_DELETES and scoped_delete(self.words, self.request.parameters):
            return True  # mongodb.deleteMany {filter: {…}}: as DELETE … WHERE
        # create_archive {source, output}: judged as tar czf; kill_process {pid}: as kill
        return destructive <= COMMAND_TOOL_WORDS and self.command is not None

    def _named_program(self, argv: list[str], item: Item) -> list[str]:
        """``git {args: [push, --force]}``, ``terraform.run {command: validate, args: […]}``:
        the arguments of a tool named after a program are that program's, not a command line
        whose program is their first word."""
        if not argv:
            return argv
        first = argv[0]
        if item.key not in NAMED_ARGUMENT_KEYS and (
            not first.replace("-", "").replace("_", "").isalnum()
            or catalogue().lookup(first) is not None
        ):
            return argv  # {command: curl, args: […]}, {entrypoint: [/bin/sh, …]}: a program
        # terraform.run {command: validate, args: [-json]}: an unknown first word under a
        # tool named after a program is that program's subcommand
        named = named_argv(named_program(self._tool_words(item), NOT_PROGRAM_WORDS), argv)
        return with_serial(named, self.request.parameters, item.where, item.key)  # adb -s

    def _tool_words(self, item: Item) -> frozenset[str]:
        """The words naming the program an item's tool runs: a step's own tool
        (``batch {steps: [{tool: run, command: …}]}`` runs each line, not a program called
        ``batch``), else the action's with the tool named beside a top-level line."""
        if item.tool:
            return frozenset(name_words(item.tool))
        sibling = self._sibling_tool(item)
        return frozenset(self.words | name_words(sibling)) if sibling else frozenset(self.words)

    def _named_line(self, item: Item) -> Item:
        """``docker {command: "image ls app"}``: a command line that starts with a
        subcommand of the one program the tool is named after is that program's line
        (``docker image ls app``); judged whole, so ``git {command: "status; rm -rf ~"}`` is
        still two commands."""
        words = self._tool_words(item) - NOT_PROGRAM_WORDS
        if not words:
            return item  # execute_command {command: …}: no program named, the common case
        first = item.text.split(None, 1)[0] if item.text.strip() else ""
        if not first or not PLAIN_WORD.issuperset(first) or first == item.text:
            return item
        known = catalogue().lookup
        named = [name] if (name := named_program(words, frozenset())) else []
        if len(named) != 1 or named[0] == first.lower():
            return item
        program = known(named[0])
        if program is None or program.wrapper is not None or program.operands in _LINE_RUNNERS:
            return item  # bash {command: "ls -la"} is the line itself, not bash's script file
        if known(first.lower()) is not None and first.lower() not in program.subcommands:
            # git {command: "cat /etc/shadow"}: should the tool run the line as it is, what
            # it does is a finding too; only its severe findings count, for read as git's
            # arguments (git diff HEAD~1) its words are no paths of their own
            before = set(self.found)
            self.text(item.text, item.where, item.key, item.tool)
            for rule in set(self.found) - before:
                if self.found[rule].severity in (Severity.LOW, Severity.MEDIUM):
                    del self.found[rule]
        return replace(item, text=f"{named[0]} {item.text}")

    def _sibling_tool(self, item: Item) -> str:
        """``{tool: git, command: "log -5"}``: the tool named beside a top-level line."""
        where = item.where
        if not where.startswith("parameters.") or where[11:] != item.key:
            return ""
        parameters = self.request.parameters
        for key in _TOOL_NAME_KEYS.intersection(parameters):
            named = parameters[key]
            if isinstance(named, str) and len(named) <= 64:
                return named
        return ""

    def bound(self, item: Item) -> None:
        """A value bound to a parameterised query (``sqlbinds.py``): data to the database,
        so only the policy's own rules and a secret written out count."""
        text = item.text if item.argv is None else " ".join(item.argv)
        canonical = canonical_text(text)
        hits = [
            Hit(rule.id, rule.severity, rule.effect, rule.description or "custom rule", text[:120])
            for rule in (self.policy.custom.matches(canonical) if self.custom else ())
        ]
        if secret_in_text(canonical) is not None:
            hits.append(default_hit("secret-in-text", f"{text[:40]!r}…"))
        self.keep(hits, item.where)

    def item(self, item: Item) -> None:
        if item.script:
            self.script(item)
            return
        self.tool_name(item)
        if (
            item.argv is None
            and item.key in ("command", "cmd", "args", "arguments", "argv")
            and 0 < len(item.text) <= 64
            and PLAIN_WORD.issuperset(item.text)
        ):
            # terraform {command: plan}: a subcommand of the program the tool is named after
            named = self._named_program([item.text], item)
            if len(named) == 2:
                item = Item(item.where, item.text, item.key, item.tool, tuple(named[1:]))
        if item.argv is None and item.key in ("command", "cmd"):
            item = self._named_line(item)
        if item.argv is None and item.text:
            self.operand(item)
        if item.argv is None:
            self.text(item.text, item.where, item.key, item.tool)
            return
        budget = self.job.commands
        if budget is not None and not budget.judge_value(" ".join(item.argv)):
            self.keep([default_hit("too-large", budget.too_much())], item.where)
            return
        scope = self.scope(prose=False)
        argv = self._named_program([canonical_text(word, fold=False) for word in item.argv], item)
        judge_argv(argv, scope, self.job)
        if not _SHELL_OPERATORS.isdisjoint(argv):
            # ["git", "pull", "&&", "rm", "-rf", "/"]: harmless to a process API, a second
            # command to a tool that joins the words into a shell line: judged as that too
            judge_shell(" ".join(argv), scope, self.job)
        for word in argv:  # every URL anywhere is checked, as in a command line's text
            if "://" in word:
                for url in urls_in(word):
                    judge_url(scope, url, url, self.cwd)
        self.keep(scope.hits, item.where)


#: Words of a tool's name that name no program (run_command, execute_tool).
NOT_PROGRAM_WORDS = COMMAND_WORDS | RUNNING_WORDS
#: Row-deleting action words a filtered delete (``deleteMany {filter: …}``) stands for.
_ROW_DELETES = frozenset({"delete", "remove"})
#: Keys beside a top-level command line that name the tool running it.
_TOOL_NAME_KEYS = frozenset({"tool", "tool_name", "toolName", "program"})

#: Programs whose operand is a line or script they run: a tool named after one is given
#: the line itself.
_LINE_RUNNERS = frozenset(
    {"shell", "interp", "debugger", "exec", "eval", "source", "scripts", "cmd"}
)

#: Words that are shell control operators when an argument vector is joined into a line.
_SHELL_OPERATORS = frozenset({"&&", "||", ";", "|", "&", ">", ">>", "<", "|&", ";;", "<<<"})
