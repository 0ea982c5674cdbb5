"""Paths named inside the text of a file being written: references, not the write's targets.

``write_file .vscode/settings.json {"go.goroot": "/usr/local/go"}`` writes the settings
file; ``/usr/local/go`` is a place the editor will look in, which this request neither
writes nor deletes. The same holds for ``"java.home": "/usr/lib/jvm/…"`` in an editor's
settings, ``workspaceFolder: /workspace`` in a dev container (a path inside the container)
and ``directory: /`` in ``.github/dependabot.yml`` (the repository's root). Such a value,
found in the structure (JSON, YAML, TOML) parsed out of a file's text, is judged as a path
that is *read*: a secret, a private key or a device named there is still a finding, and the
file written keeps every finding of its own path and of its commands, hosts and
container settings.

A key that says the tool will write to the place (``logFile``, ``output``, ``dest``,
``cacheDir``, ``target``, ``export``…) keeps the write reading: a settings file that points
a tool's log at ``~/.bashrc`` is a write there, only later.
"""

from __future__ import annotations

import re2

__all__ = ["listed_paths", "quoted_reference", "workspace_variables", "written_text_value"]

#: Words of a key under which a tool writes, appends to or removes the place named.
_WRITES = re2.compile(
    r"(?i)(?:log|out|dest|target|write|save|export|dump|cache|backup|upload|store|append|"
    r"delete|remove|trash|temp|tmp|socket|pid|lock|history|record|archive|install|prefix|"
    r"mount|volume|bind|sink|report|artifact|persist)"
)


#: Variables editors and dev containers replace with the folder they opened: the workspace.
_WORKSPACE_VARIABLES = (
    "${workspaceFolder}", "${workspaceRoot}", "${containerWorkspaceFolder}",
    "${localWorkspaceFolder}", "${workspacefolder}",
)  # fmt: skip


def workspace_variables(text: str, cwd: str) -> str:
    """``${workspaceFolder}/src`` in a written editor or dev-container file, judged as the
    workspace's ``src``: the editor fills in the folder it opened (``/../`` still climbs)."""
    if "${" not in text or not cwd.startswith("/"):
        return text
    for variable in _WORKSPACE_VARIABLES:
        text = text.replace(variable, cwd.rstrip("/") or "/")
    return text


_MAX_LISTED = 64


def listed_paths(path: str) -> tuple[str, ...]:
    """A block of paths, one a line (``path: |`` of ``actions/cache``), as its paths; the
    text itself when it is one line or too long a list (then judged whole: fail closed)."""
    if "\n" not in path:
        return (path,)
    lines = tuple(line.strip() for line in path.split("\n") if line.strip())
    return lines if 0 < len(lines) <= _MAX_LISTED else (path,)


def written_text_value(where: str) -> bool:
    """The value at ``where`` lies in the structure parsed out of a written file's text."""
    from aegis.intent_firewall.plaintext import FILE_TEXT_KEYS  # plaintext imports this

    if "<" not in where:
        return False
    return where.split("<", 1)[0].rsplit(".", 1)[-1].casefold() in FILE_TEXT_KEYS


def quoted_reference(key: str) -> bool:
    """A path under ``key`` in a written file's structure is a reference the request reads,
    not a place it writes (see the module's docstring)."""
    return _WRITES.search(key) is None
