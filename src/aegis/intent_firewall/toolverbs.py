"""Tools named for one verb of one program, judged as the command lines they amount to.

``kill_process {pid: 48213, signal: TERM}`` runs ``kill -s TERM 48213``; ``extract_archive
{archive: ./vendor/theme.zip, dest: ./themes/default, members: [theme/style.css]}`` runs
``unzip -o ./vendor/theme.zip theme/style.css -d ./themes/default`` (``tar -xf`` for other
archives) and writes ``./themes/default/theme/style.css``: each member is also judged as the
file it lands as, so a member climbing out (``../../.bashrc``) is that write; ``migrate {tool:
alembic, target: head}`` runs ``alembic upgrade head``, and a target that rolls everything back
(``base``) ``alembic downgrade base``. The lines are judged by the command catalogue, so ``kill``
of PID 1, 0 or -1 still blocks and a tree extracted into ``~`` is still a finding; the
connection a migration uses is a parameter the network checks read.

Only what is certain is read (``data/operations.toml``, ``[tool_verbs]``): the name must say
nothing but the verb and its nouns, every parameter must be listed, every value a plain text
or number with nothing a shell or tool would expand; anything else leaves the tool unread and
its ``destructive-action`` stands.
"""

from __future__ import annotations

import posixpath
import tomllib
from collections.abc import Mapping
from importlib import resources

from aegis.intent_firewall.dbconnections import local_connection

__all__ = ["VERB_TOOL_WORDS", "unread_extract", "verb_tool_commands"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/operations.toml").read_text()
)["tool_verbs"]
_KILL_VERBS = frozenset(_DATA["kill_verbs"])
_KILL_WORDS = _KILL_VERBS | frozenset(_DATA["kill_nouns"])
_EXTRACT_VERBS = frozenset(_DATA["extract_verbs"])
_EXTRACT_WORDS = _EXTRACT_VERBS | frozenset(_DATA["extract_nouns"])
_MIGRATE_WORDS = frozenset(_DATA["migrate_words"])
_MIGRATORS: dict[str, list[str]] = dict(_DATA["migrators"])
_ROLLBACK = frozenset(_DATA["migrate_rollback_targets"])
_ZIP_SUFFIXES = tuple(_DATA["zip_suffixes"])
#: Destructive action words a tool read here stands for (its command line is judged instead).
VERB_TOOL_WORDS = _KILL_VERBS | _EXTRACT_VERBS | {"migrate", "archive"}
#: Words that say a kill tool's operand is a process (``kill_process``, ``send_signal``).
_KILL_TARGETS = frozenset({"process", "processes", "proc", "pid", "pids", "signal"})
_MAX = 32
#: Characters a tool or shell may expand into something else: not read here.
_EXPANDING = frozenset("$`%\x00\n\r")

Commands = list[list[str]]


def _key(key: object) -> str:
    return key.casefold().replace("-", "_") if isinstance(key, str) and len(key) <= 64 else ""


def _texts(value: object) -> list[str] | None:
    """A plain text or number as one word, a list of them as several; else ``None``."""
    items = list(value[: _MAX + 1]) if isinstance(value, (list, tuple)) else [value]
    if not items or len(items) > _MAX:
        return None
    found = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            return None
        text = str(item).strip()
        if not text or not _EXPANDING.isdisjoint(text):
            return None
        found.append(text)
    return found


def _fields(parameters: Mapping[object, object], roles: dict[str, str]) -> dict[str, list[str]]:
    """Each parameter's texts under its role (``roles`` maps listed keys to roles; ``note``
    is dropped); a key not listed or a value not plain raises ``LookupError``."""
    found: dict[str, list[str]] = {}
    for name, value in parameters.items():
        role = roles.get(_key(name))
        if role == "note" and isinstance(value, (str, int, float, bool)):
            continue
        texts = _texts(value) if role is not None else None
        if role is None or texts is None or (role in found and role not in _GATHERED):
            raise LookupError(name)
        found[role] = [*found.get(role, []), *texts]
    return found


def _roles(**keys: str) -> dict[str, str]:
    return {key: role for role, name in keys.items() for key in _DATA[name]}


_KILL_ROLES = _roles(pid="pid_keys", signal="signal_keys", note="kill_note_keys")
_EXTRACT_ROLES = _roles(
    archive="archive_keys", dest="destination_keys", members="member_keys",
    note="extract_note_keys",
)  # fmt: skip
_MIGRATE_ROLES = _roles(
    tool="migrate_tool_keys", target="migrate_target_keys", connection="migrate_connection_keys"
) | dict.fromkeys(_DATA["migrate_note_keys"], "note")
#: Roles several keys may fill together (``database_url`` and ``host``).
_GATHERED = frozenset({"connection"})
#: Path segments of places whose files a tool, editor, CI or git loads and runs
#: (``.git/hooks``, ``.vscode``, ``.github/workflows``, ``node_modules/.bin``): a dot
#: directory or dot file anywhere in an extracted path.
_RUNNABLE_PARTS = frozenset(_DATA["extract_runnable_parts"])


def _kill(fields: dict[str, list[str]]) -> Commands | None:
    pids = fields.get("pid", [])
    signals = fields.get("signal", ["TERM"])
    numbers = [_pid(pid) for pid in pids]
    if not pids or len(signals) != 1 or None in numbers:
        return None
    return [["kill", "-s", signals[0], "--", *(str(n) for n in numbers if n is not None)]]


def _pid(text: str) -> int | None:
    """``01``, ``+1`` and `` 1`` are pid 1 to ``kill``; a negative number is a process group
    and anything else is not read (``None``: the tool's destructive word stands)."""
    digits = text.strip().removeprefix("+")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 12:
        return None
    return int(digits)


def _runnable_place(path: str) -> bool:
    """A path with a dot segment (``.git/hooks``, ``.vscode/tasks.json``, ``.husky``,
    ``node_modules/.bin``) or a listed code-loading segment, or an option or remote form."""
    if path.startswith("-"):
        return True
    parts = [p for p in posixpath.normpath(path).split("/") if p not in ("", ".")]
    return any(
        (part.startswith(".") and part != "..") or part.casefold() in _RUNNABLE_PARTS
        for part in parts
    )


def _remote(archive: str) -> bool:
    """``host:file`` (GNU tar reads it over rsh/ssh) or a URL, not ``C:\\x`` or ``./a:b``."""
    head, colon, _ = archive.partition(":")
    return bool(colon) and "/" not in head and len(head) > 1


def _extract(fields: dict[str, list[str]]) -> Commands | None:
    archive, dest = fields.get("archive", []), fields.get("dest", ["."])
    members = fields.get("members", [])
    if len(archive) != 1 or len(dest) != 1 or _remote(archive[0]):
        return None
    if archive[0].startswith("-") or any(map(_runnable_place, [dest[0], *members])):
        return None  # an option, or files a tool, editor, CI or git runs: left at review
    if archive[0].lower().endswith(_ZIP_SUFFIXES):
        command = ["unzip", "-o", archive[0], *members, "-d", dest[0]]
    else:
        command = ["tar", "-xf", archive[0], "-C", dest[0], *members]
    landed = [posixpath.join(dest[0], member) for member in members]
    return [command, ["touch", "--", *landed]] if landed else [command]


def _migrate(fields: dict[str, list[str]]) -> Commands | None:
    tool = fields.get("tool", ["alembic"] if "target" in fields else [])
    target = fields.get("target")
    if len(tool) != 1 or tool[0].lower() not in _MIGRATORS:
        return None
    if not all(map(local_connection, fields.get("connection", []))):
        return None  # a migration of a database on another machine: left at review
    command = list(_MIGRATORS[tool[0].lower()])
    if target is None:
        return [[*command, "head"]] if command[0] == "alembic" else [command]
    if command[0] != "alembic" or len(target) != 1:
        return None  # only alembic's target is modelled
    back = target[0].lower() in _ROLLBACK or target[0].startswith("-")
    return [["alembic", "downgrade" if back else "upgrade", target[0]]]


def unread_extract(words: frozenset[str]) -> bool:
    """An extract tool (``unzip_file``): when its parameters are not read, review."""
    return bool(words & _EXTRACT_VERBS) and words <= _EXTRACT_WORDS


def verb_tool_commands(words: frozenset[str], parameters: object) -> Commands | None:
    """The command lines a tool of ``words`` runs with ``parameters``, or ``None`` when it
    is none of these tools or its parameters are not all understood."""
    if not isinstance(parameters, Mapping) or not 0 < len(parameters) <= _MAX:
        return None
    try:
        if words & _KILL_VERBS and words <= _KILL_WORDS and words & _KILL_TARGETS:
            return _kill(_fields(parameters, _KILL_ROLES))
        if words & _EXTRACT_VERBS and words <= _EXTRACT_WORDS:
            return _extract(_fields(parameters, _EXTRACT_ROLES))
        if words & {"migrate", "migration", "migrations"} and words <= _MIGRATE_WORDS:
            return _migrate(_fields(parameters, _MIGRATE_ROLES))
    except LookupError:
        return None
    return None
