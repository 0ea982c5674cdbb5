"""What a file being written is, by its path: a document, data, a test source, a coding
agent's instructions, or something that runs or configures a tool.

Text written to a changelog, an incident note, a fixture listing payloads or a labelled
data set is data: nothing runs it, so the commands it quotes are not the agent's and the
hosts it names are not destinations. Such text is judged only for instruction injection
addressed to an AI reader and for secrets written out. A test source is code whose string
literals are the test's data. Everything else (scripts, build files, hooks, CI workflows,
manifests, rc and profile files, tool and agent configuration, a file of unknown kind) keeps
its content judged as code or configuration, and so does any file whose content opens with
a shebang (fail closed: it can be made executable and run).
"""

from __future__ import annotations

import tomllib
from importlib import resources

__all__ = ["DATA_KINDS", "spreadsheet_formula", "written_kind"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/filekinds.toml").read_text()
)
_DOC_SUFFIXES = tuple(_DATA["document_suffixes"])
_DOC_NAMES = frozenset(_DATA["document_names"])
_DATA_SUFFIXES = tuple(_DATA["data_suffixes"])
_STRUCTURED = tuple(_DATA["structured_suffixes"])
_DATA_DIRS = frozenset(_DATA["data_directories"])
_RUN_NAMES = tuple(_DATA["run_names"])
_RUN_DIRS = frozenset(_DATA["run_directories"])
_CODE_SUFFIXES = tuple(_DATA["code_suffixes"])
_TEST_PREFIXES = tuple(_DATA["test_prefixes"])
_TEST_STEMS = tuple(_DATA["test_stems"])
_NOT_TESTS = frozenset(_DATA["not_tests"])
_INSTRUCTION_NAMES = frozenset(_DATA["instruction_names"])
_INSTRUCTION_DIRS = frozenset(_DATA["instruction_directories"])
_PROMPT_DIRS = frozenset(_DATA["prompt_directories"])
_PROMPT_SUFFIXES = tuple(_DATA["prompt_suffixes"])
_PROMPT_STEMS = frozenset(_DATA["prompt_stems"])

#: Kinds whose written text is data.
DATA_KINDS = frozenset({"document", "data"})


def written_kind(path: str, content: str = "") -> str | None:
    """``document``, ``data``, ``test`` or ``instructions`` (a coding agent's own
    instruction file or an application's prompt: its sentences are orders, not a
    document) for a file at ``path``
    written with ``content``; ``None`` for anything else (judged as code or
    configuration)."""
    if content.lstrip()[:2] == "#!":
        return None
    parts = [part for part in path.replace("\\", "/").lower().split("/") if part]
    if not parts or len(path) > 4096:
        return None
    name, directories = parts[-1], frozenset(parts[:-1])
    if name in _INSTRUCTION_NAMES or (
        directories & _INSTRUCTION_DIRS and name.endswith((".md", ".mdc", ".txt"))
    ):
        return "instructions"
    if _prompt(name, directories):
        return "instructions"
    return None if _runs(name, directories) else _data_kind(name, parts)


def _prompt(name: str, directories: frozenset[str]) -> bool:
    """An application's prompt for a model: by its suffix, its name, or a text file in a
    prompts directory."""
    stem = name.rsplit(".", 1)[0]
    return (
        name.endswith(_PROMPT_SUFFIXES)
        or (stem in _PROMPT_STEMS and name.endswith((".md", ".txt")))
        or (bool(directories & _PROMPT_DIRS) and name.endswith((".md", ".txt")))
    )


def _runs(name: str, directories: frozenset[str]) -> bool:
    """A file that runs or configures a tool, by its directory or its name."""
    if directories & _RUN_DIRS or name.startswith(_RUN_NAMES) or name.startswith(".env"):
        return True
    # .bashrc, .npmrc, .profile, .gitconfig: read by a shell or a tool
    return name.startswith(".") and name.endswith(("rc", "profile", "ignore", "config"))


def _data_kind(name: str, parts: list[str]) -> str | None:
    """``document``, ``data`` or ``test`` by the name's suffix and directories."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if name.endswith(_DOC_SUFFIXES) or stem in _DOC_NAMES:
        return "document"
    if name.endswith(_DATA_SUFFIXES):
        return "data"
    if name.endswith(_STRUCTURED) and _DATA_DIRS.intersection(parts[:-1]):
        return None if name.startswith(".") else "data"
    if name.endswith(_CODE_SUFFIXES) and name not in _NOT_TESTS and _is_test(name, parts):
        return "test"
    return None


def _is_test(name: str, parts: list[str]) -> bool:
    stem = name.rsplit(".", 1)[0]
    if name.startswith(_TEST_PREFIXES) or stem.endswith(_TEST_STEMS):
        return True
    return "__tests__" in parts[:-1]


#: Characters that open a spreadsheet formula in a cell at the start of a line.
_FORMULA_STARTS = frozenset("=+@-")
_FORMULA_ENDS = frozenset("|(!")


def spreadsheet_formula(text: str) -> bool:
    """A line opening with a formula (``=cmd|' /C calc'!A0``, ``=HYPERLINK(``): data that a
    spreadsheet runs when it opens the file, so it is judged even in a data file. A plain
    scan of each line (linear)."""
    for line in text.lower().splitlines():
        cell = line.lstrip().lstrip("\"'")
        if len(cell) < 3 or cell[0] not in _FORMULA_STARTS:
            continue
        end = 1
        while end < len(cell) and cell[end].isascii() and cell[end].isalpha():
            end += 1
        if end > 1 and end < len(cell) and cell[end] in _FORMULA_ENDS:
            return True
    return False
