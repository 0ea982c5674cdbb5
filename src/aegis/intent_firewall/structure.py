"""The parameters of a request, walked once: a frozen copy and every string in context.

The walk is bounded: at most ``max_nodes`` values, ``max_depth`` levels, and each shared
container is walked once (a structure that refers to itself is reported, not followed).
Strings that are themselves JSON (or YAML, under keys that carry tool arguments) are
unpacked after a linear scan checks their nesting; bytes are decoded and inspected as
text; an argument list ``["rm", "-rf", "/"]`` is one command, not three words. The frozen
copy is what was judged, so what runs cannot differ from it.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from typing import Any
from uuid import UUID

import re2

from aegis.intent_firewall import carriers
from aegis.intent_firewall import embedded as shapes
from aegis.intent_firewall.bucketcalls import bucket_uri
from aegis.intent_firewall.declaredencoding import declared_key
from aegis.intent_firewall.frozen import FrozenDict
from aegis.intent_firewall.items import ArgvTest, Item, Walk
from aegis.intent_firewall.model import safe_repr
from aegis.intent_firewall.shellstate import carries_state
from aegis.intent_firewall.subcommandkeys import subcommand_words
from aegis.intent_firewall.valuereading import encoded_key
from aegis.intent_firewall.vocabulary import ARGUMENT_KEYS, COMMAND_KEYS, ENV_KEYS

__all__ = ["Item", "Walk", "walk_parameters"]

_TOOL_KEYS = ("tool", "tool_name", "name", "function", "recipient_name", "command_name", "action",
              "toolName", "function_name", "functionName")  # fmt: skip
#: A list of command lines where a line can change the shell for the next (``cd``) is also
#: judged as one script up to this size, and is too large to inspect past it; each line is
#: judged on its own in any case.
_MAX_JOINED_LINES = 64
_MAX_JOINED_CHARS = 4096
_PROGRAM_KEYS = frozenset(
    {"command", "cmd", "exe", "executable", "program", "file", "filepath", "binary", "bin"}
)
#: Keys that choose the shell a command line beside them runs in, and the shells they name.
_SHELL_CHOICE_KEYS = frozenset({"shell", "interpreter", "shell_type", "shelltype", "terminal"})
_SHELL_NAMES = frozenset(
    {"sh", "bash", "zsh", "dash", "ksh", "fish", "pwsh", "powershell", "cmd", "default"}
)
_LINE_KEYS = frozenset({"command", "cmd", "script", "input", "commandline", "command_line"})


def _says_yaml(key: str) -> bool:
    """A key that names its value YAML (``workflow_yaml``, ``values.yml``): the text is a
    document, judged as the values it holds, never as one command line."""
    return key.endswith(("yaml", "yml"))


_ARGS_KEYS = frozenset({"args", "arguments", "argv", "params", "argumentlist", "arglist"})
_YAML_KEYS = ARGUMENT_KEYS | {"body", "config", "spec", "manifest", "data", "content", "context"}
_MAX_EMBEDDED = 65536
_MAX_YAML = 4096
_SCALARS = (int, float, bool, type(None))
_TEXTUAL = (date, datetime, time, Decimal, UUID, PurePath)


def _step(names: set[str]) -> bool:
    """A step of a batch or plan, ``{tool: run, command: "ruff check ."}``: a tool's name
    beside the line it runs (its name, not the batch's, says what runs the line)."""
    return ("tool" in names or "tool_name" in names) and not names.isdisjoint(COMMAND_KEYS)


def _toml_like(key: str, text: str) -> bool:
    """Text under a ``*toml*`` key, or ``name = value`` configuration (one line or several)
    under a key that carries configuration."""
    if len(text) > _MAX_YAML or "=" not in text:
        return False
    head = text.split("=", maxsplit=1)[0]
    return "toml" in key or (key in _YAML_KEYS and ":" not in head)


_BYTES = (bytes, bytearray, memoryview)


def _text_of(value: bytes | bytearray | memoryview) -> str:
    """Bytes as the text a program would read: UTF-16 after its byte-order mark, else UTF-8
    (undecodable bytes replaced, so they cannot hide what follows)."""
    raw = bytes(value)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") and len(raw) % 2 == 0:
        return raw.decode("utf-16", "replace")
    return raw.decode("utf-8", "replace")


def _byte_list(elements: list[Any]) -> bool:
    """A list of at least two integers 0-255: the bytes of a ``Buffer`` or ``Uint8Array``
    as JSON spells them, decoded and judged like any other bytes."""
    return len(elements) > 1 and all(type(e) is int and 0 <= e <= 255 for e in elements)


def _prototype_key(key: str, parent: str) -> bool:
    """``__proto__``, ``constructor.prototype`` (as one key or nested under ``constructor``):
    a key that a JavaScript merge follows into every object's prototype (pollution)."""
    folded = key.casefold()
    if "__proto__" in folded:
        return True
    return "prototype" in folded and ("constructor" in folded or parent == "constructor")


class _Walker:
    def __init__(
        self,
        max_nodes: int,
        max_depth: int,
        max_chars: int,
        is_argv: ArgvTest,
        keys_matter: bool = True,
        *,
        line_keys: Callable[[str, str], bool] | None = None,
    ) -> None:
        self.result = Walk()
        #: Whether a list under (key, tool) is the lines of one shell session.
        self.line_keys = line_keys
        self.is_argv = is_argv
        self.keys_matter = keys_matter
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.max_chars = max_chars
        self.path: set[int] = set()
        self.memo: dict[int, Any] = {}
        self.stopped = False
        #: Argument lists already joined to the program named beside them.
        self.joined: set[str] = set()

    def finding(self, rule: str, evidence: str, where: str) -> None:
        if len(self.result.findings) < 32:
            self.result.findings.append((rule, evidence, where))

    def value(self, value: Any, where: str, key: str, tool: str, depth: int) -> Any:  # noqa: PLR0911, PLR0912
        self.result.nodes += 1
        if self.result.nodes > self.max_nodes:
            if not self.stopped:
                self.stopped = True
                self.finding("too-large", f"more than {self.max_nodes} values", where)
            return None
        if depth > self.max_depth:
            self.finding("nesting-too-deep", f"deeper than {self.max_depth} levels", where)
            return None
        kind = type(value)
        if kind is str:
            return self.string(value, where, key, tool, depth)
        if kind in _SCALARS or isinstance(value, _SCALARS):
            return value
        if isinstance(value, str):
            return self.string(str(value), where, key, tool, depth)
        if isinstance(value, _BYTES):
            raw = bytes(value)
            if len(raw) > 4 * (self.max_chars + 1):
                # no character takes more than four bytes in any encoding read here, so
                # this decodes to too many characters whatever it holds: not decoded at all
                self.result.chars += len(raw) // 4
                self.finding("too-large", f"{len(raw)} bytes", where + "<bytes>")
                return raw
            self.string(_text_of(raw), where + "<bytes>", key, tool, depth)
            return raw
        if isinstance(value, Enum):
            return self.value(value.value, where, key, tool, depth)
        if isinstance(value, _TEXTUAL):
            self.string(str(value), where, key, tool, depth)
            return value
        if not isinstance(value, Mapping | list | tuple | set | frozenset):
            self.finding("opaque-value", f"value of type {type(value).__name__}", where)
            return f"<{type(value).__name__}>"
        ident = id(value)
        if ident in self.path:
            self.finding("reference-cycle", "a container contains itself", where)
            return None
        if ident in self.memo:
            return self.memo[ident]
        self.path.add(ident)
        try:
            frozen = self.container(value, where, key, tool, depth)
        finally:
            self.path.discard(ident)
        self.memo[ident] = frozen
        return frozen

    def container(self, value: Any, where: str, key: str, tool: str, depth: int) -> Any:
        if isinstance(value, Mapping):
            return self.mapping(value, where, key, tool, depth)
        return self.sequence(value, where, key, tool, depth)

    def mapping(self, value: Mapping[Any, Any], where: str, key: str, tool: str, depth: int) -> Any:
        try:
            items = list(itertools.islice(value.items(), self.max_nodes + 1))
        except Exception:
            self.finding("opaque-value", f"{type(value).__name__} that cannot be read", where)
            return FrozenDict()
        names = {name for name, _ in items if type(name) is str}
        # a tool call (or a plan's step, {"action": "delete_file", "path": …}): its name
        # gives meaning to the values beside it
        # (a step {tool: run, command: "pytest -q"} too: the tool runs the line beside it)
        if not names.isdisjoint(ARGUMENT_KEYS) or "action" in names or _step(names):
            for name in _TOOL_KEYS:
                named = value.get(name) if name in names else None
                if isinstance(named, str):
                    tool = named
                    break
        self.program_and_arguments(value, names, where, key, tool)
        self.shell_choice(value, names, where)
        if (uri := bucket_uri(value, names, tool)) is not None:
            self.result.items.append(Item(f"{where}.bucket", uri, "bucket", tool))
        out: dict[Any, Any] = {}
        if key in ENV_KEYS:
            tool = "<env>"  # the mapping is an environment: its keys are variable names
        if "value" in names and ("name" in names or "key" in names):
            self.pairs(value, where, tool)
        if items and isinstance(items[0][0], str | int) and str(items[0][0]).isdigit():
            self.positional(items, where, key, tool)
        for name, item in items:
            label = name if isinstance(name, str) else safe_repr(name, 40)
            if isinstance(name, str) and (
                self.keys_matter or not name.isascii() or any(c in name for c in " ;|&$`")
            ):
                self.string(name, f"{where}.{label}<key>", "<key>", tool, depth + 1, embedded=False)
            if isinstance(name, str) and "proto" in name and _prototype_key(name, key):
                self.finding("code-in-data", f"key {name[:60]!r} reaches Object.prototype", where)
            named = declared_key(label.casefold(), item, value)  # {command, encoding: base64}
            out[name] = self.value(item, f"{where}.{label}", named, tool, depth + 1)
            if self.stopped:
                break
        return FrozenDict(out)

    def sequence(self, value: Any, where: str, key: str, tool: str, depth: int) -> Any:
        try:
            elements = list(itertools.islice(value, self.max_nodes + 1))
        except Exception:
            self.finding("opaque-value", f"{type(value).__name__} that cannot be read", where)
            return ()
        inner_key = key
        if _byte_list(elements):
            # [114, 109, ...] or {type: Buffer, data: [...]}: bytes spelled as numbers
            self.value(bytes(elements), where, key, tool, depth)
        if isinstance(value, list | tuple) and 1 < len(elements) <= 4096:
            # [b"rm", b"-rf", b"/"]: an argument vector of bytes is the same command
            words = [_text_of(e) if isinstance(e, _BYTES) else e for e in elements]
        else:
            words = elements
        if (
            isinstance(value, list | tuple)
            and 1 < len(elements) <= 4096
            and all(isinstance(e, str) for e in words)
            and self.is_argv(key, words)
            and where not in self.joined
        ):
            self.result.items.append(Item(where, "", key, tool, tuple(words)))
            inner_key = "<argv>"
        elif where in self.joined:
            inner_key = "<argv>"  # the arguments of the program named beside them
        elif (
            (key in COMMAND_KEYS or (self.line_keys is not None and self.line_keys(key, tool)))
            and key not in _ARGS_KEYS
            and where not in self.joined
            and isinstance(value, list | tuple)
            and len(elements) > 1
            and all(isinstance(e, str) for e in elements)
        ):
            self.command_lines(elements, where, key, tool)
        frozen = [
            self.value(e, f"{where}[{i}]", inner_key, tool, depth + 1)
            for i, e in enumerate(elements)
        ]
        if isinstance(value, set | frozenset):
            try:
                return frozenset(frozen)
            except TypeError:
                return tuple(frozen)
        return tuple(frozen)

    def command_lines(self, lines: list[str], where: str, key: str, tool: str) -> None:
        """A list of command lines may run in one shell, in order (``cd`` in one carries
        on), so it is also judged as one script, unless no line can change what a later
        one does: then the lines' own readings already say everything."""
        if not any(carries_state(line) for line in lines):
            return
        if len(lines) <= _MAX_JOINED_LINES and sum(map(len, lines)) <= _MAX_JOINED_CHARS:
            self.result.items.append(Item(where, "\n".join(lines), key, tool, script=True))
        else:
            evidence = f"{len(lines)} command lines that change the shell for the next ones"
            self.finding("too-large", f"{evidence}, too many to read as one script", where)

    def program_and_arguments(
        self, value: Mapping[Any, Any], names: set[str], where: str, key: str, tool: str
    ) -> None:
        """``{"command": "rm", "args": ["-rf", "/"]}``: one command line, as a process API
        (``spawn``, ``Process.Start``, ``execve``) runs it, not a program and a second one."""
        program_key = next((n for n in names if n.casefold() in _PROGRAM_KEYS), None)
        args_key = next((n for n in names if n.casefold() in _ARGS_KEYS), None)
        runner: tuple[str, ...] = ()
        if program_key is None and "module" in names:
            # a debug launch {"module": "uvicorn", "args": [...]}: python -m uvicorn …
            program_key, runner = "module", ("python", "-m")
        if program_key is None and (sub := subcommand_words(value, names)) is not None:
            self.subcommand_and_arguments(value, sub, args_key, where, tool)
            return
        if program_key is None or args_key is None:
            return
        program, arguments = value.get(program_key), value.get(args_key)
        if not isinstance(program, str) or not program or any(c.isspace() for c in program):
            return
        if isinstance(arguments, str) and len(arguments) <= _MAX_JOINED_CHARS:
            # Start-Process -ArgumentList, ProcessStartInfo.Arguments: one Windows command line
            from aegis.intent_firewall.powershell import split_arguments

            arguments = split_arguments(arguments)
        if not isinstance(arguments, list | tuple) or len(arguments) > 4096:
            return
        if not all(isinstance(a, str) for a in arguments):
            return
        self.joined.add(f"{where}.{args_key}")
        # the program word is the argument vector's first word, not a command line alone
        # ({"cmd": "sh", "args": ["-c", "make"]} is not sh with no script)
        self.joined.add(f"{where}.{program_key}")
        self.result.items.append(Item(where, "", key, tool, (*runner, program, *arguments)))

    def shell_choice(self, value: Mapping[Any, Any], names: set[str], where: str) -> None:
        """``{command: "ls", shell: "pwsh"}``: the shell named beside a command line is the
        one that runs it, not a second command (a shell started with no script)."""
        if not names & _LINE_KEYS:
            return
        for name in names:
            if name.casefold() in _SHELL_CHOICE_KEYS and isinstance(value.get(name), str):
                chosen = value[name].strip().casefold().replace("\\", "/").rsplit("/", 1)[-1]
                if chosen.removesuffix(".exe") in _SHELL_NAMES:
                    self.joined.add(f"{where}.{name}")

    def subcommand_and_arguments(
        self,
        value: Mapping[Any, Any],
        sub: tuple[str, list[str]],
        args_key: str | None,
        where: str,
        tool: str,
    ) -> None:
        """``{subcommand: state, args: [rm, x]}``: the tool's program runs ``state rm x``
        (``subcommandkeys``); judged as one argument vector under the tool's name."""
        arguments = value.get(args_key) if args_key is not None else []
        if isinstance(arguments, str) and len(arguments) <= _MAX_JOINED_CHARS:
            arguments = arguments.split()
        if not isinstance(arguments, list | tuple) or len(arguments) > 4096:
            return
        if not all(isinstance(a, str) for a in arguments):
            return
        self.joined.add(f"{where}.{sub[0]}")
        if args_key is not None:
            self.joined.add(f"{where}.{args_key}")
        self.result.items.append(Item(where, "", "args", tool, (*sub[1], *arguments)))

    def pairs(self, value: Mapping[Any, Any], where: str, tool: str) -> None:
        pair = shapes.name_value_pair(value)
        if pair is not None:
            self.result.items.append(Item(f"{where}.value", pair[1], pair[0], "<env>"))

    def positional(self, items: list[tuple[Any, Any]], where: str, key: str, tool: str) -> None:
        ordered = shapes.positional_words(items)
        if ordered is not None and self.is_argv(key, ordered):
            self.result.items.append(Item(where, "", key, tool, tuple(ordered)))

    def string(
        self, text: str, where: str, key: str, tool: str, depth: int, *, embedded: bool = True
    ) -> str:
        self.result.chars += len(text)
        if len(text) > self.max_chars:
            self.finding("too-large", f"a string of {len(text)} characters", where)
            return text
        index = len(self.result.items) if where not in self.joined else -1
        if index >= 0:  # else an argument string judged with its program
            self.result.items.append(Item(where, text, key, tool))
        if key in ENV_KEYS and "=" in text:  # ["LD_PRELOAD=/x.so"]: an environment as a list
            name, _, setting = text.partition("=")
            self.result.items.append(Item(where, setting, name.strip().casefold(), "<env>"))
        if not embedded or len(text) > _MAX_EMBEDDED:
            return text
        stripped = text.strip()
        if len(stripped) > 1 and stripped[0] == stripped[-1] == '"' and "{" in stripped:
            try:  # a JSON string holding JSON text
                inner = json.loads(stripped)
            except (ValueError, RecursionError):
                inner = None
            if isinstance(inner, str):
                return self.string(inner, where + "<json>", key, tool, depth + 1) and text
        if stripped[:1] in ("{", "[") and stripped[-1:] in ("}", "]"):
            if not self.json_text(stripped, where, key, tool, depth, index=index):
                return text
        elif "=" in stripped or ":" in stripped or "</" in stripped:
            # none of its forms lacks all
            self.configuration(stripped, where, key, tool, depth, index=index)
        carried = "hex" in key or carriers.CARRIER_CHARS.issuperset(stripped)
        # {command_b64: …} is decoded once, where its value is judged (valuejudge.py)
        if depth < self.max_depth and carried and not encoded_key(key):
            self.carried(stripped, where, key, tool, depth)  # else neither reader takes it
        return text

    def json_text(
        self, text: str, where: str, key: str, tool: str, depth: int, *, index: int
    ) -> bool:
        """JSON text walked as the values it holds (the item at ``index``, the text itself,
        becomes data); False when the walk of this string stops here: nested too deep, or
        not JSON (then read as other configuration: TOML also starts with a bracket)."""
        if shapes.nesting_depth(text, self.max_depth - depth) > self.max_depth - depth:
            self.finding("nesting-too-deep", "JSON text nested too deep", where)
            return False
        try:
            parsed = json.loads(text)
        except (ValueError, RecursionError):
            self.configuration(text, where, key, tool, depth, yaml=False)
            return False
        if index >= 0 and isinstance(parsed, dict | list):
            # JSON text is data, not a command line: its values are judged, not its braces
            self.result.items[index] = Item(where, self.result.items[index].text, "<json>", "")
        self.value(parsed, where + "<json>", key, tool, depth + 1)
        return True

    def carried(self, text: str, where: str, key: str, tool: str, depth: int) -> None:
        """Base64 blobs and hex under ``*_hex`` keys: what they carry is judged."""
        decoded = carriers.decoded_base64(text)
        if decoded is not None:
            self.string(decoded, where + "<base64>", key, tool, depth + 1)
            return
        if "hex" in key and (plain := carriers.decoded_hex(text)) is not None:
            self.string(plain, where + "<hex>", key.replace("hex", "").strip("_-"), tool, depth + 1)

    def configuration(
        self,
        text: str,
        where: str,
        key: str,
        tool: str,
        depth: int,
        *,
        yaml: bool = True,
        index: int = -1,
    ) -> None:
        """Text that is not JSON: TOML, YAML under keys that carry it, XML tool calls."""
        if _toml_like(key, text) and self.toml(text, where, key, tool, depth):
            pass
        elif (
            yaml
            and (key in _YAML_KEYS or _says_yaml(key))
            and ":" in text
            and len(text) <= _MAX_YAML
        ):
            self.yaml(text, where, key, tool, depth, index=index)
        if "</" in text:
            self.xml(text, where, tool, depth)

    def toml(self, text: str, where: str, key: str, tool: str, depth: int) -> bool:
        """TOML text (``[task]\ncommand = "…"``) walked like JSON; False if it is not TOML."""
        if shapes.nesting_depth(text, self.max_depth - depth) > self.max_depth - depth:
            self.finding("nesting-too-deep", "TOML text nested too deep", where)
            return True
        parsed = shapes.load_toml(text)
        if parsed is None:
            return False
        self.value(parsed, where + "<toml>", key, tool, depth + 1)
        return True

    def xml(self, text: str, where: str, tool: str, depth: int) -> None:
        """Tool calls written as XML in free text (``<execute_command><command>rm -rf ~
        </command></execute_command>``): each element's text under its name as the key."""
        for label, content, parent in shapes.xml_leaves(text):
            self.string(content, where + "<xml>", label.casefold(), parent or tool, depth + 1)

    def yaml(self, text: str, where: str, key: str, tool: str, depth: int, *, index: int) -> None:
        parsed, too_deep = shapes.load_yaml(text)
        if too_deep:
            self.finding("nesting-too-deep", "YAML text nested too deep", where)
        elif isinstance(parsed, Mapping | list):
            if index >= 0 and (
                (key in ARGUMENT_KEYS and _settings_block(text, parsed)) or _says_yaml(key)
            ):
                # a tool's arguments as "command: make test\ncwd: ." are settings, not a
                # command line: their values are judged under their own names, as JSON's
                self.result.items[index] = Item(where, self.result.items[index].text, "<json>", "")
            self.value(parsed, where + "<yaml>", key, tool, depth + 1)


def _settings_block(text: str, parsed: object) -> bool:
    """YAML of several lines whose top level maps plain names (``command:``, ``cwd:``) to
    values: a block of settings. One line (``rm -rf /: x``) or other keys stay a line too."""
    return (
        "\n" in text.strip()
        and isinstance(parsed, Mapping)
        and len(parsed) >= 2
        and all(isinstance(name, str) and _PLAIN_NAME.fullmatch(name) for name in parsed)
    )


#: A setting's name: a word of letters, digits, ``_`` and ``-`` (linear-time check).
_PLAIN_NAME = re2.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,63}")


def walk_parameters(
    parameters: Mapping[str, Any],
    *,
    max_nodes: int,
    max_depth: int,
    max_chars: int,
    is_argv: ArgvTest,
    keys_matter: bool = True,
    line_keys: Callable[[str, str], bool] | None = None,
) -> Walk:
    """Walk ``parameters`` within the bounds; the result holds the frozen copy.

    ``keys_matter`` false skips ASCII keys as items (nothing but custom rules reads them);
    ``line_keys`` says which other lists are lines typed into one shell (a terminal tool's
    ``input``), judged together so that ``cd`` in one line moves the next.
    """
    walker = _Walker(max_nodes, max_depth, max_chars, is_argv, keys_matter, line_keys=line_keys)
    if shapes.is_flat_mapping(parameters, keys_matter):
        # the common shape, {"cmd": "…", "path": "…"}: the same items without the general walk
        walker.result.nodes = len(parameters) + 1
        walker.shell_choice(parameters, set(parameters), "parameters")
        for name, item in parameters.items():
            if type(item) is str:
                named = declared_key(name.casefold(), item, parameters)  # {cmd, encoding}
                walker.string(item, f"parameters.{name}", named, "", 1)
        if "value" in parameters and ("name" in parameters or "key" in parameters):
            walker.pairs(parameters, "parameters", "")  # set_config(key=…, value=…)
        walker.result.frozen = FrozenDict(parameters)
        return walker.result
    walker.result.frozen = walker.value(parameters, "parameters", "", "", 0)
    return walker.result
