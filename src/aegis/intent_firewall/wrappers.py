"""Wrappers: programs that run another command (``sudo``, ``env``, ``timeout``, ``xargs``,
``ssh``, ``busybox`` …), unwrapped by the option grammar the catalogue gives for each.

An option a wrapper's grammar does not list is *review*: the firewall cannot tell whether
it takes a value, so it cannot be sure which word is the wrapped program.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.catalogue import Program, Wrapper
from aegis.intent_firewall.environment import judge_assignment
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["unwrap"]


@dataclass(slots=True)
class _State:
    args: list[Arg]
    index: int
    positionals: int
    done: bool = False
    ran_script: bool = False
    #: The wrapped command's working directory (``env -C``, ``sudo -D``), once changed.
    cwd: str | None = None

    def take(self) -> str | None:
        """The next argument's value (consumed), or ``None`` at the end."""
        if self.index >= len(self.args):
            return None
        value = self.args[self.index][0]
        self.index += 1
        return value


def _split_string(judge: CommandJudge, text: str) -> list[Arg]:
    try:
        return [(word, word, False) for word in shlex.split(text)]
    except ValueError:
        judge.hit("unparseable-command", f"env -S {text[:80]!r}")
        return []


def _operand(judge: CommandJudge, grammar: Wrapper, state: _State, arg: Arg, feed: Feed) -> bool:
    """Consume a wrapper's own operand (``timeout 5``, ``ssh host``); False at the command."""
    if state.positionals == 0:
        return False
    state.positionals = state.positionals - 1 if state.positionals > 0 else 0
    if grammar.remote and arg[0] is not None:
        judge_url(judge.scope, arg[0].rpartition("@")[2], arg[1], feed.cwd)
    elif grammar.operand_role:
        judge.path(arg, grammar.operand_role, state.cwd or feed.cwd)
    state.index += 1
    return True


def _option(judge: CommandJudge, spec: Program, state: _State, arg: Arg, feed: Feed) -> None:  # noqa: PLR0911, PLR0912
    grammar = spec.wrapper or Wrapper()
    value = arg[0] or ""
    state.index += 1
    name, eq, attached = value.partition("=") if value.startswith("--") else (value, "", "")
    if name in grammar.scripts:
        state.ran_script = True
        script = attached if eq else state.take()
        if script is None:
            judge.hit("dynamic-program", f"{spec.name} {name}: script known only at run time")
        else:
            judge.judge_script(script, feed.cwd, feed.depth + 1)
        return
    if grammar.split and name in (grammar.split, "--split-string"):
        text = attached if eq else state.take()
        state.args = [*state.args[: state.index], *_split_string(judge, text or ""),
                      *state.args[state.index :]]  # fmt: skip
        return
    role = spec.options.get(name) or spec.options.get(name[:2])
    if role == "ssh-option":
        from aegis.intent_firewall.clients import ssh_option

        setting = attached if eq else (name[2:] if len(name) > 2 else state.take())
        ssh_option(judge, setting or "", feed)
        return
    if role == "local-forward":
        from aegis.intent_firewall.network_tools import local_forward

        forward = attached if eq else (name[2:] if len(name) > 2 else state.take())
        # -g (or GatewayPorts) opens a forward without a bind address to every interface
        gateway = any(
            _cluster_has(word[0] or "", "g") or "gatewayports" in (word[0] or "").lower()
            for word in state.args
        )
        local_forward(judge, spec.name, forward or "", gateway=gateway)
        return
    if name in grammar.lookup or name in grammar.pid:
        state.done = True  # command -v NAME looks up; taskset -p changes a running process
        return
    if name in grammar.values or spec.options.get(name) in ("value", "key-file"):
        taken = attached if eq else state.take()
        if taken is not None:
            _wrapper_value(judge, spec, name, taken, state=state, feed=feed)
        return
    if not name.startswith("--") and len(name) > 2 and name[:2] in grammar.values:
        return  # -uroot: the value is attached
    role = spec.options.get(name)
    if role is not None and role.startswith("finding"):
        judge.hit(role.split(":", 1)[1], f"{spec.name} {value}")
        if role.startswith("finding-value") and not eq:
            state.take()
        return
    if name in grammar.flags or (grammar.numeric_flags and name[1:].isdigit()):
        return
    if (
        len(name) > 2
        and not name.startswith("--")
        and all(f"-{c}" in grammar.flags for c in name[1:])
    ):
        return
    judge.hit("wrapper-option", f"{spec.name} option {arg[1]!r}")


def _wrapper_value(
    judge: CommandJudge, spec: Program, name: str, value: str, *, state: _State, feed: Feed
) -> None:
    """A wrapper option's value: a new working directory, a file it writes, or a path the
    catalogue does not describe (judged as both read and written: fail closed)."""
    role = spec.options.get(name, "value")
    cwd = state.cwd or feed.cwd
    if role == "dir":
        from aegis.intent_firewall.paths import resolve_path

        judge.path((value, value, False), "read", cwd)
        state.cwd = resolve_path(value, cwd, judge.scope.home)
    elif role in ("read", "write"):
        judge.path((value, value, False), role, cwd)
    elif role == "key-file":
        return  # ssh -i: the key authenticates the connection; it is not copied anywhere
    else:
        from aegis.intent_firewall.optionroles import unmodelled_value

        unmodelled_value(judge, f"{spec.name} {name}", (value, value, False), cwd)


def unwrap(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
    grammar = spec.wrapper or Wrapper()
    # the wrapped command's environment is the wrapper's to change (env -i, sudo): the
    # line's prefix assignments are not known to reach it
    inner_feed = replace(feed, depth=feed.depth + 1, assignments=())
    if grammar.applet:
        judge.argv(args[1:], inner_feed)
        return
    state = _State(list(args), 1, grammar.positionals)
    while state.index < len(state.args) and not state.done:
        arg = state.args[state.index]
        value = arg[0]
        if value is None:
            if not (grammar.assignments and _dynamic_assignment(judge, arg, feed)):
                break
            state.index += 1
            continue
        if grammar.assignments and "=" in value and not value.startswith("-"):
            name, _, assigned = value.partition("=")
            judge_assignment(judge.scope, name, assigned, arg[1], feed.cwd)
            state.index += 1
        elif value == "--":
            state.index += 1
            break
        elif not value.startswith("-") or (value == "-" and "-" not in grammar.flags):
            if not _operand(judge, grammar, state, arg, feed):
                break
        else:
            _option(judge, spec, state, arg, feed)
    command = [] if state.done else state.args[state.index :]
    if state.cwd is not None:
        inner_feed = replace(inner_feed, cwd=state.cwd)
    if not command:
        # env without a command prints every variable: judged with its pipeline (envharvest)
        if grammar.shell_default and not state.done and not state.ran_script:
            judge.hit("interactive-shell", f"{spec.name} starts a shell")
        return
    if grammar.joined or grammar.remote:
        if all(a[0] is not None for a in command):
            judge.judge_script(" ".join(a[0] or "" for a in command), feed.cwd, feed.depth + 1)
        else:
            judge.hit("dynamic-program", f"{spec.name} runs {' '.join(a[1] for a in command)}")
        return
    if grammar.stdin_operands:
        token = _replace_token(args[1 : state.index])
        inner_feed = replace(inner_feed, stdin_operands=True, replace_token=token)
    judge.argv(command, inner_feed)


def _dynamic_assignment(judge: CommandJudge, arg: Arg, feed: Feed) -> bool:
    """``env PATH="$PATH" make``: a variable set from an expansion is still an assignment, not
    the program; its value is judged as written, as for ``PATH="$PATH" make`` on its own."""
    written = arg[1]
    name, equals, assigned = written.partition("=")
    if not equals or not (name.isascii() and name.isidentifier()):
        return False
    judge_assignment(judge.scope, name, assigned, written, feed.cwd)
    return True


def _replace_token(options: list[Arg]) -> str | None:
    """xargs' replace string: ``-I R``, ``-IR``, ``--replace[=R]`` or ``-i[R]`` (``{}`` by
    default for the last two); ``None`` when the words are appended instead."""
    for index, (value, _written, _glob) in enumerate(options):
        if value is None:
            continue
        if value == "-I" and index + 1 < len(options):
            return options[index + 1][0]
        if value.startswith("-I") and len(value) > 2:
            return value[2:]
        if value in ("-i", "--replace"):
            return "{}"
        if value.startswith("--replace="):
            return value.split("=", 1)[1] or "{}"
        if value.startswith("-i") and len(value) > 2 and not value.startswith("--"):
            return value[2:]
    return None


def _cluster_has(word: str, letter: str) -> bool:
    """``-Ng``: a cluster of single-letter flags that holds ``letter``."""
    return word[:1] == "-" and word[1:2] != "-" and word[1:].isalpha() and letter in word[1:]
