"""A whole request judged: action, context and every string of the parameters, each read
the way its key, its enclosing tool call and the action's words say it is used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from aegis.intent_firewall.analysis import CommandBudget, ShellJob, judge_argv, judge_shell
from aegis.intent_firewall.configtext import config_text, structured_config
from aegis.intent_firewall.devicetools import device_tool
from aegis.intent_firewall.footholds import foothold_findings
from aegis.intent_firewall.gitpushtool import PUSH_WORDS
from aegis.intent_firewall.guardtamper import tamper_findings
from aegis.intent_firewall.httpmethods import http_method_findings
from aegis.intent_firewall.imagebuilds import inside_image_build
from aegis.intent_firewall.itemjudge import NOT_PROGRAM_WORDS, RequestJudge
from aegis.intent_firewall.jsonedits import edited_manifest_items
from aegis.intent_firewall.keystrokes import session_lines, types_keystrokes
from aegis.intent_firewall.manifests import supply_chain_findings
from aegis.intent_firewall.model import Finding, Request
from aegis.intent_firewall.mongotools import (
    code_keys,
    mongo_scripts,
    mongo_tool,
    query_operator_key,
)
from aegis.intent_firewall.namedtools import argv_test
from aegis.intent_firewall.operations import (
    structured_operations,
)
from aegis.intent_firewall.parameterflags import parameter_flag_findings
from aegis.intent_firewall.patches import patch_findings
from aegis.intent_firewall.policy import Policy
from aegis.intent_firewall.quietparams import quiet_parameters
from aegis.intent_firewall.rbac import rbac_findings
from aegis.intent_firewall.readings import CONTENT_KEYS
from aegis.intent_firewall.remoteplaces import without_remote_places
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.runscripts import run_script_findings
from aegis.intent_firewall.sqlbinds import bound_roots, is_bound
from aegis.intent_firewall.structure import Item, Walk, walk_parameters
from aegis.intent_firewall.vocabulary import (
    CONTAINER_WORDS,
    PATH_KEYS,
)  # fmt: skip
from aegis.intent_firewall.webroots import webroot_findings
from aegis.intent_firewall.writtenfiles import as_file_text, read_from_file_text, read_locations

__all__ = ["PAST_NODES_SHARE", "config_text", "judge_request"]


def _without_clean_hook(judge: RequestJudge, walk: Walk) -> list[Finding]:
    """The findings, less a workspace hook's path finding when the hook's whole content,
    judged as the script it is, draws none (``hookcontent.py``)."""
    if "persistence-write" not in judge.found:
        return list(judge.found.values())
    from aegis.intent_firewall.hookcontent import hook_written_clean

    paths = [item for item in walk.items if item.key in PATH_KEYS and item.argv is None]
    contents = [item for item in walk.items if item.key in CONTENT_KEYS and item.argv is None]
    if len(paths) != 1 or len(contents) != 1:
        return list(judge.found.values())
    if judge.found["persistence-write"].where != paths[0].where:
        return list(judge.found.values())  # the finding is not (only) the path's
    scope = judge.scope(prose=False)
    policy = judge.policy
    job = ShellJob(judge.cwd, True, policy.limits.max_shell_nodes)
    if hook_written_clean(paths[0].text, contents[0].text, scope, job, judge_shell):
        del judge.found["persistence-write"]
    else:
        judge.keep(scope.hits, contents[0].where)
    return list(judge.found.values())


def _walk(parameters: Any, policy: Policy, action: frozenset[str] = frozenset()) -> Walk:
    """The parameters (or the context's structure) walked within the policy's limits."""
    limits = policy.limits
    return walk_parameters(
        parameters,
        max_nodes=limits.max_nodes,
        max_depth=limits.max_depth,
        max_chars=limits.max_string,
        is_argv=argv_test(action, NOT_PROGRAM_WORDS),
        keys_matter=bool(policy.custom.rules),
        line_keys=session_lines(action),
    )


def judge_request(
    request: Request, policy: Policy, memo: dict[Any, Any] | None = None
) -> tuple[list[Finding], Walk]:
    """Every finding on ``request`` under ``policy``, and the walk (with the frozen copy).

    ``memo`` keeps findings on action names and contexts; it must belong to ``policy``.
    """
    judge = RequestJudge(request, policy, {} if memo is None else memo)
    limits = policy.limits
    walk = _walk(request.parameters, policy, judge.words)
    # {"cmd": "…"}: no key any parameter-level check reads, so none runs (see quietparams)
    quiet = quiet_parameters(walk.frozen)
    judge.typing = judge.name.types if quiet else types_keystrokes(judge.words, walk.frozen)
    for rule, evidence, where in walk.findings:
        judge.keep([default_hit(rule, evidence)], where)
    if not quiet:
        for rule, evidence in http_method_findings(walk.frozen):
            judge.keep([default_hit(rule, evidence)], "parameters")
    # a deletion's force: true is rm's -f, a push tool's git push's --force (gitpushtool)
    # (android.emulator's wipe_data: true is the -wipe-data of the line it runs: devicetools)
    if (
        not quiet
        and judge.deletion is None
        and not (judge.command and (judge.words == PUSH_WORDS or device_tool(judge.words)))
    ):
        for rule, evidence in parameter_flag_findings(walk.frozen, judge.words):
            judge.keep([default_hit(rule, evidence)], "parameters")
    if walk.chars + len(request.action) + len(request.context) > limits.max_request:
        judge.keep(
            [default_hit("too-large", f"{walk.chars} characters in the request")], "parameters"
        )
        return list(judge.found.values()), walk
    read_locations(judge, walk.items)
    items = without_remote_places(walk.items)  # a playbook's dest: is the managed host's
    if judge.written is not None:
        # a document, data file or test written: the text is not YAML or JSON of commands
        items = [as_file_text(item) for item in items if not read_from_file_text(item)]
    judge.action()
    judge.unread_command()
    settings = bool(judge.words & CONTAINER_WORDS)
    if not judge.documentation and not (quiet and not settings):  # quiet: flat strings
        judge.keep(structured_config(walk.frozen, settings=settings), "parameters")
    # the action and context are remembered across requests, so only the parameters count
    job = judge.job
    judge.job = ShellJob(job.cwd, job.cwd_known, job.budget, _budget(policy, walk))
    judge.keep(supply_chain_findings(judge.words, items), "parameters")
    _run_scripts(judge, items, walk.frozen)
    judge.keep(patch_findings(judge.words, items, _nested(policy)), "parameters")
    _footholds(judge, walk.frozen)
    judge.keep(tamper_findings(request.action, judge.words, items, walk.frozen), "parameters")
    judge.keep(rbac_findings(walk.frozen), "parameters")
    judge.keep(webroot_findings(walk.frozen, judge.cwd, policy.home), "parameters")
    captured = judge.name.captured
    if captured:
        judge.keep([default_hit("capture", captured)], "action")
    _judge_items(judge, items, walk)
    emulator = judge.command is not None and device_tool(judge.words)  # all read as argv
    if (not quiet or _may_name_operation(walk.frozen) or judge.name.moves_files) and not emulator:
        _structured_operations(judge, walk.frozen)
    if request.context:
        _context_structure(judge, request.context, policy)
    inside_image_build(judge.found, walk.items)
    return _without_clean_hook(judge, walk), walk


#: The share of the work budget left to a request with more values than the walk reads.
PAST_NODES_SHARE = 8


def _budget(policy: Policy, walk: Walk) -> CommandBudget:
    """The budget the parameters' values are judged within. A request with more values
    than the walk reads (``max_nodes``) is review already ("more than 256 values"): its
    first values are still judged (a credential path among them still blocks), within an
    eighth of the work budget, so that a list of a thousand paths or keys costs what four
    to ten do; judging more of them could not make the answer *allow*."""
    limits = policy.limits
    work = limits.max_work
    if walk.nodes > limits.max_nodes:
        work = max(1, work // PAST_NODES_SHARE)
    return CommandBudget(limits.max_commands, limits.max_sql_parsed, limits.max_paths, work)


def _judge_items(judge: RequestJudge, items: list[Item], walk: Walk) -> None:
    """Each parameter value, the bound values of a parameterised query as data, and the
    ``rm -r`` a delete tool's operands amount to (``deletions.py``)."""
    bound = bound_roots(items, walk.frozen, judge.words)
    mongo = mongo_tool(judge.words, walk.frozen)  # {filter: {a: {$lt: 3}}}: the query language
    if mongo:
        judge.keep(code_keys(walk.frozen), "parameters")
        for script in mongo_scripts(walk.frozen):  # mongo.eval {query: "db.dropDatabase()"}
            scope = judge.scope(prose=False)
            judge_argv(["mongosh", "--eval", script], scope, judge.job)
            judge.keep(scope.hits, "parameters")
    for item in items:
        if mongo and query_operator_key(item.where, item.text):
            continue
        if bound and is_bound(item.where, bound):
            judge.bound(item)
        else:
            judge.item(item)
    if judge.deletion is not None:
        scope = judge.scope(prose=False)
        judge_argv(judge.deletion, scope, judge.job)
        judge.keep(scope.hits, "parameters")
    for command in judge.command or ():
        scope = judge.scope(prose=False)
        judge_argv(command, scope, judge.job)
        judge.keep(scope.hits, "parameters")


def _footholds(judge: RequestJudge, frozen: Any) -> None:
    """Editor settings and code, workflows, redirected dependencies and messages that
    carry secrets (``footholds.py``), their embedded command lines judged as such."""

    def judge_line(line: str) -> list[Hit]:
        scope = judge.scope(prose=False)
        judge_shell(line, scope, ShellJob(judge.cwd, True, judge.policy.limits.max_shell_nodes))
        return list(scope.hits)

    where = (judge.cwd, judge.policy.home)
    judge.keep(foothold_findings(frozen, judge.words, judge_line, where), "parameters")


def _nested(policy: Policy) -> Callable[[str, dict[str, str]], list[Hit]]:
    """What a request of another action and parameters draws: a patch's files, each as a
    file tool writing it (``patches.py``). One level: ``path`` and ``content`` of a
    ``write_file`` or ``delete_file`` hold no patch."""

    def judge(action: str, parameters: dict[str, str]) -> list[Hit]:
        found, _ = judge_request(Request(action, parameters), policy)
        return [Hit(f.rule, f.severity, f.effect, f.description, f.evidence) for f in found]

    return judge


def _run_scripts(judge: RequestJudge, items: list[Item], frozen: Any) -> None:
    """The scripts of a ``package.json`` or ``composer.json`` written (``runscripts.py``),
    each judged as the command line it is."""

    def judge_line(line: str) -> list[Hit]:
        scope = judge.scope(prose=False)
        judge_shell(line, scope, ShellJob(judge.cwd, True, judge.policy.limits.max_shell_nodes))
        return list(scope.hits)

    # json_edit {file: package.json, pointer: /scripts, value: {…}}: the members it writes
    edited = edited_manifest_items(frozen)
    judge.keep(run_script_findings([*items, *edited], judge_line), "parameters")


def _may_name_operation(parameters: Mapping[str, str]) -> bool:
    """Quiet parameters that may still name an operation: JSON text of a tool call's
    arguments, or one word under ``command`` (``{command: drop, collection: …}``)."""
    for key, value in parameters.items():  # a loop, not a generator: runs per request
        if value[:1] == "{" or (key in ("command", "cmd") and value and " " not in value.strip()):
            return True
    return False


def _structured_operations(judge: RequestJudge, parameters: Any) -> None:
    """``{verb: delete, resource: namespace}``, ``{op: deleteMany, filter: {}}``: operations
    given as fields (``operations.py``); file operations are judged as the shell commands
    that do the same."""
    found = structured_operations(
        parameters, inside=judge.below_workspace, action_words=judge.words
    )
    for rule, evidence in found.findings:
        judge.keep([default_hit(rule, evidence)], "parameters")
    for argv in found.commands:
        scope = judge.scope(prose=False)
        judge_argv(argv, scope, judge.job)
        judge.keep(scope.hits, "parameters")


#: Keys under which a one-line context holds a command or a tool's input (``run: make``).
_CONTEXT_COMMAND_KEYS = frozenset(
    {"run", "command", "cmd", "script", "shell", "bash", "sh", "exec", "execute", "tool",
     "action", "args", "arguments", "url", "uri", "path", "file", "sql", "query", "steps",
     "powershell", "pwsh", "code", "input", "parameters", "params", "env", "environment"}
)  # fmt: skip


def _labelled_prose(text: str) -> bool:
    """``Task: check the firewall status.``: one line, a label of words before the colon
    that names no command or tool field. A sentence, not configuration: its words were
    judged as the context's text, and a program name in it (``enable``) runs nothing."""
    if "\n" in text:
        return False
    label = text.partition(":")[0].strip().casefold()
    words = label.replace("-", " ").replace("_", " ").split()
    return (
        0 < len(words) <= 8
        and all(word.isalpha() for word in words)
        and label not in _CONTEXT_COMMAND_KEYS
    )


def _context_structure(judge: RequestJudge, context: str, policy: Policy) -> None:
    """JSON or YAML in ``Request.context`` (a tool call, ``run: …``) unpacked and judged
    as it would be in the parameters; the text itself was judged as the context."""
    stripped = context.strip()
    if stripped[:1] not in ("{", "[") and (":" not in stripped or _labelled_prose(stripped)):
        return
    walk = _walk({"context": context}, policy)
    for rule, evidence, where in walk.findings:
        judge.keep([default_hit(rule, evidence)], where.replace("parameters.", "", 1))
    judge.context_text = context
    try:
        for item in walk.items:
            if item.where != "parameters.context":
                item.where = item.where.replace("parameters.", "", 1)
                judge.item(item)
    finally:
        judge.context_text = None
