"""Tools that stand for one command line, judged as the argument vector they amount to.

``aws_cli {service: iam, operation: create-access-key, args: {user-name: admin}}`` runs
``aws iam create-access-key --user-name admin``; ``k8s.get {resource: secrets,
all_namespaces: true}`` runs ``kubectl get secrets -A``; ``create_archive {source: ./site,
output: ./dist/site.tgz}`` runs ``tar czf ./dist/site.tgz ./site``; ``run_tests {runner:
pytest, extra_args: [...]}`` runs ``pytest ...``. ``kubectl_apply {context: kind-dev,
files: [a.yaml, b.yaml]}`` runs ``kubectl apply --context kind-dev -f a.yaml -f b.yaml``,
judged as the command line is; a tool that changes a cluster it names explicitly is read
only for a cluster that runs on the agent's machine (a ``kind-``, ``minikube``, ``k3d-`` …
context: its development cluster), since a named remote context is a shared or production
cluster. As with the delete tools (``deletions.py``), the command line built here is judged
by the command catalogue, so its verb patterns and exceptions apply. Only what is certain
is read: a parameter not listed in ``data/operations.toml`` (``[tool_commands]``) or a
value that is not a plain text, number, flag or list of texts leaves the tool unread
(``None``); a cloud or Kubernetes tool left unread is review (``unread_cli``), the others
keep their judgement of today.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources

from aegis.intent_firewall.devicetools import DEVICE_TOOL_WORDS, device_command
from aegis.intent_firewall.gitpushtool import push_command
from aegis.intent_firewall.kubecontexts import local_context
from aegis.intent_firewall.localtools import local_tool_command
from aegis.intent_firewall.toolverbs import VERB_TOOL_WORDS, unread_extract, verb_tool_commands

__all__ = [
    "ARCHIVE_WORDS",
    "COMMAND_TOOL_WORDS",
    "cli_word_key",
    "names_tool_command",
    "tool_command",
    "tool_commands",
    "unread_cli",
]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/operations.toml").read_text()
)["tool_commands"]
_CLOUD = frozenset(_DATA["cloud_programs"])
_WORD_KEYS: tuple[str, ...] = tuple(_DATA["word_keys"])
_OPTION_KEYS = frozenset(_DATA["option_keys"])
_KUBE = frozenset(_DATA["kubernetes_words"])
_KUBE_VERBS = frozenset(_DATA["kubernetes_verbs"])
ARCHIVE_WORDS = frozenset(_DATA["archive_words"])
_ARCHIVE_OTHER = frozenset(_DATA["archive_other_words"])
#: A word of each tool below (the test of :func:`names_tool_command`).
_TOOL_WORDS = (
    _KUBE
    | _CLOUD
    | ARCHIVE_WORDS
    | DEVICE_TOOL_WORDS
    | {"test", "tests", "push", "compose", "kind"}
)
#: Words that may make :func:`verb_tool_commands` find a command (``run_migrations``).
_VERB_TOOL_TRIGGERS = VERB_TOOL_WORDS | {"migration", "migrations"}
_SOURCES = frozenset(_DATA["archive_source_keys"])
_OUTPUTS = frozenset(_DATA["archive_output_keys"])
_NOTES = frozenset(_DATA["archive_note_keys"])
_EXCLUDES = frozenset(_DATA["archive_exclude_keys"])
_RUNNERS = frozenset(_DATA["test_runners"])
_TEST_ARGS = frozenset(_DATA["test_argument_keys"])
_TEST_OPERANDS = frozenset(_DATA["test_operand_keys"])
#: Kubernetes parameters and the kubectl option they are.
_KUBE_OPTIONS = {
    "namespace": "-n", "ns": "-n", "output": "-o", "format": "-o", "selector": "-l",
    "label_selector": "-l", "labels": "-l", "container": "-c", "filename": "-f", "file": "-f",
    "manifest": "-f", "path": "-f", "context": "--context", "field_selector": "--field-selector",
    "files": "-f", "filenames": "-f", "paths": "-f", "cluster": "--cluster",
    "sort_by": "--sort-by", "sortby": "--sort-by", "limit": "--chunk-size",
    "chunk_size": "--chunk-size", "since": "--since", "tail": "--tail",
    "timeout": "--request-timeout", "request_timeout": "--request-timeout",
}  # fmt: skip
#: Verbs that change a cluster: given an explicit context, only a local cluster's is read.
_KUBE_CHANGING = frozenset(_DATA["kubernetes_changing_verbs"])
_KUBE_FLAGS = {"all_namespaces": "-A", "allnamespaces": "-A", "force": "--force", "all": "--all"}
_KUBE_OPERANDS = ("resource", "kind", "type", "resource_type", "name", "resource_name", "pod")
_MAX = 64
_MANIFEST_KEYS = frozenset({"manifest", "manifests", "body", "spec", "object", "yaml"})
#: Characters of a CLI's service and command words (``create-access-key``); an SDK's
#: operation (``ListBuckets``, ``list_buckets``) is judged by ``operations.py`` instead.
_CLI_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789- ")


def _key(key: object) -> str:
    return key.casefold().replace("-", "_") if isinstance(key, str) and len(key) <= 64 else ""


def _texts(value: object) -> list[str] | None:
    """A text or number as one word, a list of them as several, else ``None``."""
    items = list(value[: _MAX + 1]) if isinstance(value, (list, tuple)) else [value]
    if len(items) > _MAX:
        return None
    found = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            return None
        found.append(str(item))
    return found


def _options(value: object, dash: str = "--") -> list[str] | None:
    """``{user-name: admin, dry-run: true}`` as ``--user-name admin --dry-run``; a list of
    texts as given; anything else ``None``."""
    if not isinstance(value, Mapping):
        return _texts(value)
    argv: list[str] = []
    for name, item in list(value.items())[: _MAX + 1]:
        if not isinstance(name, str) or not name or len(argv) > _MAX:
            return None
        flag = name if name.startswith("-") else dash + name.replace("_", "-")
        if item is True:
            argv.append(flag)
        elif item is False or item is None:
            continue
        else:
            texts = _texts(item)
            if texts is None:
                return None
            for text in texts:
                argv += [flag, text]
    return argv


def _cli_shaped(parameters: Mapping[object, object]) -> bool:
    """Whether the parameters name a command line's words (``{service: iam, operation:
    create-access-key}``), not an SDK call's operation (``{operation: ListBuckets}``)."""
    words = [value for key, value in parameters.items() if _key(key) in _WORD_KEYS]
    return bool(words) and all(
        not isinstance(word, str) or _CLI_CHARS.issuperset(word) for word in words
    )


def _cloud(program: str, parameters: Mapping[object, object]) -> list[str] | None:
    if not _cli_shaped(parameters):
        return None
    words: dict[str, list[str]] = {}
    options: list[str] = []
    for name, value in parameters.items():
        key = _key(name)
        if key in _WORD_KEYS:
            if not isinstance(value, str) or not value.strip():
                return None
            words[key] = value.split()
        elif key in _OPTION_KEYS or key:
            found = _options(value) if key in _OPTION_KEYS else _options({str(name): value})
            if found is None:
                return None
            options += found
        else:
            return None
    if not words:
        return None
    argv = [program]
    for key in _WORD_KEYS:
        argv += words.get(key, [])
    if argv[1:2] == [program]:  # aws_cli {command: "aws s3 ls"}: the line names it already
        del argv[0]
    return argv + options


def _kubernetes(verb: str, parameters: Mapping[object, object]) -> list[str] | None:
    operands: dict[str, str] = {}
    options: list[str] = []
    command: list[str] = []
    for name, value in parameters.items():
        key = _key(name)
        if key in _KUBE_FLAGS:
            options += [_KUBE_FLAGS[key]] if value is True else []
        elif _KUBE_OPTIONS.get(key) == "-f" and (texts := _texts(value)):
            options += [word for text in texts for word in ("-f", text)]  # files: [a, b]
        elif key in _KUBE_OPTIONS or key in _KUBE_OPERANDS:
            texts = _texts(value)
            if texts is None or len(texts) != 1:
                return None
            changing = key in ("context", "cluster") and verb in _KUBE_CHANGING
            if changing and not local_context(texts[0]):
                return None  # apply to a cluster not the agent's own: unread, review
            if key in _KUBE_OPERANDS:
                operands[key] = texts[0]
            else:
                options += [_KUBE_OPTIONS[key], texts[0]]
        elif key in ("command", "cmd", "args"):
            texts = [value] if isinstance(value, str) else _texts(value)
            if texts is None:
                return None
            command = ["sh", "-c", value] if isinstance(value, str) else texts
        else:
            return None
    argv = ["kubectl", verb, *(operands[k] for k in _KUBE_OPERANDS if k in operands), *options]
    return [*argv, "--", *command] if command else argv


def _archive(parameters: Mapping[object, object]) -> list[str] | None:
    sources: list[str] = []
    outputs: list[str] = []
    excludes: list[str] = []
    for name, value in parameters.items():
        key = _key(name)
        if key in _NOTES:
            continue
        texts = _texts(value)
        if texts is None or key not in _SOURCES | _OUTPUTS | _EXCLUDES:
            return None
        target = sources if key in _SOURCES else outputs if key in _OUTPUTS else excludes
        target += texts
    if not sources or len(outputs) != 1 or any(not text.strip() for text in sources + outputs):
        return None
    return ["tar", *(f"--exclude={text}" for text in excludes), "czf", outputs[0], *sources]


def _tests(parameters: Mapping[object, object]) -> list[str] | None:
    runner = parameters.get("runner")
    if not isinstance(runner, str) or runner.strip() not in _RUNNERS:
        return None
    argv = [runner.strip()]
    for name, value in parameters.items():
        key = _key(name)
        if key == "runner":
            continue
        texts = _texts(value) if key in _TEST_ARGS | _TEST_OPERANDS else None
        if texts is None:
            return None
        argv += texts
    return argv


def cli_word_key(key: str, words: frozenset[str], text: str) -> bool:
    """``terraform {subcommand: "state list"}``: the value is words of the cloud CLI the tool
    is named for, judged in its command line (or the tool is review, ``unread_cli``), not a
    command line of its own. Only plain words (``_CLI_CHARS``) are: ``"repo list; rm -rf
    ~"`` stays a command line."""
    return not words.isdisjoint(_CLOUD) and _key(key) in _WORD_KEYS and _CLI_CHARS.issuperset(text)


def names_tool_command(words: frozenset[str]) -> bool:
    """Whether :func:`tool_command` or :func:`unread_cli` may find anything for a tool of
    ``words``, whatever its parameters (false for nearly every action: worked out once per
    action name instead of once per request)."""
    return not words.isdisjoint(_TOOL_WORDS) or not words.isdisjoint(_VERB_TOOL_TRIGGERS)


def _kube_verbs(words: frozenset[str]) -> frozenset[str]:
    """The kubectl verbs an action name says (``kubectl_port-forward``: ``port-forward``)."""
    joined = {"port-forward"} if {"port", "forward"} <= words else set()
    return (words | joined) & _KUBE_VERBS - ({"port", "forward"} if joined else set())


def tool_command(words: frozenset[str], parameters: object) -> list[str] | None:
    """The argument vector the tool of ``words`` runs with ``parameters``, or ``None`` when
    the tool is none of these or its parameters are not all understood."""
    if not isinstance(parameters, Mapping) or not 0 < len(parameters) <= _MAX:
        return None
    kube_verbs = _kube_verbs(words)
    if words & _KUBE and len(kube_verbs) == 1:
        verb = next(iter(kube_verbs))
        return _kubernetes("get" if verb == "list" else verb, parameters)
    cloud = words & _CLOUD
    if len(cloud) == 1:
        return _cloud(next(iter(cloud)), parameters)
    if words & ARCHIVE_WORDS and words <= ARCHIVE_WORDS | _ARCHIVE_OTHER:
        return _archive(parameters)
    if words & {"test", "tests"} and words <= {"run", "test", "tests", "execute"}:
        return _tests(parameters)
    return (
        push_command(words, parameters)
        or local_tool_command(words, parameters)
        or device_command(words, parameters)
    )


#: Destructive action words a tool read as its command line stands for.
COMMAND_TOOL_WORDS = ARCHIVE_WORDS | VERB_TOOL_WORDS


def tool_commands(words: frozenset[str], parameters: object) -> list[list[str]] | None:
    """The command lines the tool of ``words`` amounts to: :func:`tool_command`'s one, or
    those of a tool named for one verb (``toolverbs.py``); ``None`` when not understood."""
    command = tool_command(words, parameters)
    return [command] if command is not None else verb_tool_commands(words, parameters)


def unread_cli(words: frozenset[str], parameters: object) -> bool:
    """A Kubernetes or extract tool, or a cloud CLI tool naming its service or command, whose
    parameters could not be read as its command line: what it runs is unknown, so it is
    reviewed. (``kubectl {args: [...]}`` is an argument vector, judged elsewhere.)"""
    if not isinstance(parameters, Mapping) or not parameters:
        return False
    if unread_extract(words):
        return True  # unzip_file {members: ['-o']}: what it extracts where is not known
    if words & _KUBE and _kube_verbs(words):
        # k8s_apply {manifest: {kind: …}}: the manifest is judged as one (rbac.py)
        return not any(_key(key) in _MANIFEST_KEYS for key in parameters)
    return bool(words & _CLOUD) and _cli_shaped(parameters)
