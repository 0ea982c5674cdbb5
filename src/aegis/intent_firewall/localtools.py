"""Tools that act on what the agent runs on its own machine, read as what they amount to.

* ``docker.compose {project_directory, args: [down, -v]}`` runs ``docker compose
  --project-directory DIR down -v``: the compose rules (``composeproject``) judge whose
  project that is (the workspace's own, or any other).
* ``kind.delete_cluster {name}`` runs ``kind delete cluster --name NAME``: kind clusters are
  containers on this machine, by construction; the catalogue judges the line.
* ``terminal.kill {terminal_id}`` closes a terminal session the agent opened: no process is
  named by id, so it is no ``kill`` (a ``pid`` parameter makes it one: ``toolverbs``).

Only what is certain is read: the name's words exactly, every parameter listed, plain values
(no option-like text or anything a shell would expand); anything else leaves the tool
unread and its ``destructive-action`` stands.
"""

from __future__ import annotations

from collections.abc import Mapping

from aegis.intent_firewall.composeproject import PROJECT_VERBS

__all__ = ["closes_own_terminal", "judged_locally", "local_tool_command", "unread_local_tool"]

_COMPOSE = frozenset({"docker", "compose"})
_KIND = frozenset({"kind", "delete", "cluster"})
_DIRECTORY_KEYS = frozenset({"project_directory", "projectdirectory", "project_dir", "cwd",
                             "working_directory", "workdir"})  # fmt: skip
_ARGUMENT_KEYS = frozenset({"args", "arguments", "argv", "command"})
_FILE_KEYS = frozenset({"file", "files", "compose_file", "compose_files"})
_NAME_KEYS = frozenset({"name", "cluster", "cluster_name", "clustername"})
_TERMINAL_NOUNS = frozenset({"terminal", "terminals", "term", "pty", "tty", "console"})
_CLOSING = frozenset({"kill", "close", "dispose", "stop", "terminate", "end"})
_TERMINAL_KEYS = frozenset({"terminal_id", "terminalid", "terminal", "id", "session_id",
                            "sessionid", "name", "terminal_name", "terminalname"})  # fmt: skip
_EXPANDING = frozenset("$`\x00\n\r;|&<>")
_MAX = 16


def _key(key: object) -> str:
    return key.replace("-", "_").casefold() if isinstance(key, str) else ""


def _plain(value: object, *, option: bool = False) -> bool:
    """A word with nothing to expand (``option``: it may be an option, ``-v``)."""
    if not isinstance(value, str) or not value or len(value) > 256:
        return False
    return (option or value[0] != "-") and _EXPANDING.isdisjoint(value)


def _words(value: object) -> list[str] | None:
    """A list of words, or a line of them (``command: "down -v"``: its verb is ``down``)."""
    texts = value.split() if isinstance(value, str) else value
    if not isinstance(texts, list | tuple) or len(texts) > _MAX:
        return None
    if not all(_plain(text, option=True) for text in texts):
        return None
    return [str(text) for text in texts]


def _compose(parameters: Mapping[str, object]) -> list[str] | None:
    argv = ["docker-compose"]
    arguments: list[str] = []
    for key, value in parameters.items():
        if key in _DIRECTORY_KEYS and _plain(value):
            argv += ["--project-directory", str(value)]
        elif key in _FILE_KEYS and (files := _words(value)) is not None:
            for name in files:
                argv += ["-f", name]
        elif key in _ARGUMENT_KEYS and (words := _words(value)) is not None:
            arguments = words
        else:
            return None
    return [*argv, *arguments] if arguments else None


def _kind(parameters: Mapping[str, object]) -> list[str] | None:
    argv = ["kind", "delete", "cluster"]
    for key, value in parameters.items():
        if key not in _NAME_KEYS or not _plain(value):
            return None
        argv += ["--name", str(value)]
    return argv


def local_tool_command(words: frozenset[str], parameters: object) -> list[str] | None:
    """The command line a compose or kind tool runs with ``parameters``, or ``None``."""
    if words not in (_COMPOSE, _KIND) or not isinstance(parameters, Mapping):
        return None
    given = {_key(key): value for key, value in parameters.items()}
    if len(given) != len(parameters) or len(given) > _MAX:
        return None
    return _compose(given) if words == _COMPOSE else _kind(given)


def closes_own_terminal(words: frozenset[str], parameters: object) -> bool:
    """``terminal.kill {terminal_id: term-3}``: a terminal session closed by its id."""
    if not (words & _TERMINAL_NOUNS and words & _CLOSING):
        return False
    if not words <= _TERMINAL_NOUNS | _CLOSING | {"session"}:
        return False
    if not isinstance(parameters, Mapping) or not 0 < len(parameters) <= 2:
        return False
    return all(
        _key(key) in _TERMINAL_KEYS and (isinstance(value, int) or _plain(value))
        for key, value in parameters.items()
    )


def judged_locally(words: frozenset[str], parameters: object, command: object) -> bool:
    """Whether the destructive words of a tool's name stand for nothing more than what is
    judged instead: its command line read here, or a terminal session it closes."""
    return (command is not None and words in (_COMPOSE, _KIND)) or closes_own_terminal(
        words, parameters
    )


def unread_local_tool(words: frozenset[str], parameters: object) -> bool:
    """A compose tool stopping or removing services whose parameters were not all
    understood (``project_name: prod`` names any project on the machine): what it acts on
    is unknown, so it is reviewed. ``up`` and reads stay judged by their words alone."""
    if words != _COMPOSE or not isinstance(parameters, Mapping) or not parameters:
        return False
    if local_tool_command(words, parameters) is not None:
        return False
    verbs = set()
    for key, value in parameters.items():
        if _key(key) in _ARGUMENT_KEYS and (given := _words(value)) is not None:
            verbs.update(given)
        elif _key(key) in _ARGUMENT_KEYS:
            return True  # arguments that are not plain words: not read, fail closed
    return bool(verbs & PROJECT_VERBS)
