"""Parts of the shell walk that read one construct each: assignments, redirections and
here-documents, and ``cd``/``pushd`` moving the working directory.
"""

from __future__ import annotations

import posixpath
from abc import abstractmethod
from typing import Any

from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.shellarrays import literal_elements
from aegis.intent_firewall.shellmodel import REDIRECTS, Context, Redirect, Script
from aegis.intent_firewall.words import Word, backtick_bodies, resolve_word

__all__ = ["WalkerParts"]

#: Programs whose output is only (a selection, ordering or count of) the lines of the files
#: they are given: ``<(sort a.txt)`` holds what ``a.txt`` holds.
_FILE_READERS = frozenset({"cat", "tac", "sort", "head", "tail", "cut", "grep", "egrep",
                           "fgrep", "wc", "nl", "comm", "paste", "uniq"})  # fmt: skip


#: Whole command lines that only list what the workspace holds or has installed: as the
#: first stage of ``<(…)`` they hand the program a pipe of those lines (read as ``-``).
_LISTINGS = frozenset(
    {("pip", "freeze"), ("pip", "list"), ("pip3", "freeze"), ("pip3", "list"),
     ("git", "ls-files"), ("git", "status", "--short"), ("git", "branch"), ("ls",),
     ("npm", "ls"), ("poetry", "show"), ("uv", "pip", "freeze"), ("conda", "list")}
)  # fmt: skip


class WalkerParts:
    """Mixed into the walker, which provides the state and ``text``/``word`` declared here."""

    cwd: str
    moved: bool
    source: bytes
    variables: dict[str, str]
    given: dict[str, str]
    arrays: dict[str, tuple[tuple[str, ...], int]]
    trailing: list[Word]
    script: Script

    @abstractmethod
    def construct(self, rule: str, evidence: str) -> None:
        """Record a finding of the line (the walker's own)."""

    @abstractmethod
    def text(self, node: Any) -> str:
        """The source text of ``node`` (the walker's own)."""

    @abstractmethod
    def word(self, node: Any, context: Context, stack: list[Any], *, emit: bool = True) -> Word:
        """``node`` resolved as bash would read it (the walker's own)."""

    def assignment(self, node: Any, context: Context, stack: list[Any]) -> tuple[str, Word]:
        name_node = node.child_by_field_name("name")
        value_node = node.child_by_field_name("value")
        name = self.text(name_node) if name_node is not None else ""
        if name_node is not None and name_node.type == "subscript":
            self.word(name_node, context, stack, emit=False)  # a[$(cmd)]=1 runs cmd
        elements = literal_elements(value_node, self.source)
        if elements is not None and "+=" not in self.text(node)[: len(name) + 2]:
            self.arrays[name] = (elements, node.end_byte)
        else:
            self.arrays.pop(name, None)
        if value_node is None:
            return name, Word("", "", ("",))
        return name, self.word(value_node, context, stack, emit=False)

    def redirect(self, node: Any, context: Context, stack: list[Any]) -> list[Redirect]:
        operator = next((c.type for c in node.children if not c.is_named), "")
        if node.type == "heredoc_redirect":
            found: list[Redirect] = []
            body_text = ""
            for child in node.named_children:
                if child.type == "heredoc_body":
                    body_text = self.text(child)
                    if "`" in body_text and _expanded_heredoc(node):
                        self._heredoc_backticks(body_text)
                    for part in child.named_children:
                        if part.type != "heredoc_content":
                            self.word(part, context, stack)
                elif child.type in REDIRECTS:
                    found.extend(self.redirect(child, context, stack))
                elif child.is_named and child.type not in ("heredoc_start", "heredoc_end"):
                    # cat <<EOF | sh: tree-sitter puts the rest of the line (the pipe into
                    # sh) inside the here-document's node; it runs, so it is walked
                    stack.append((child, context))
            return [Redirect("<<", None, body_text), *found]
        targets = [c for c in node.named_children if c.type != "file_descriptor"]
        if not targets:
            return [Redirect(operator, None)]
        target = self.word(targets[0], context, stack, emit=False)
        for construct in target.constructs:
            if not self.known_value(target, construct):
                self.construct("shell-expansion", construct)
        # tree-sitter hangs words after a redirection's target on the redirection; for bash
        # they are the command's arguments (``cmd 2>&1 arg``)
        self.trailing.extend(self.word(extra, context, stack, emit=False) for extra in targets[1:])
        if node.type == "herestring_redirect":
            return [Redirect("<<<", target, target.value)]
        return [Redirect(operator, target)]

    def known_value(self, word: Word, construct: str) -> bool:
        """``> "$TMPDIR/out.png"``: an expansion of a variable the policy gives, unchanged on
        the line, in a word that resolved to one path (judged as that path)."""
        name = construct.removeprefix("parameter expansion $").strip("{}")
        return (
            construct.startswith("parameter expansion $")
            and word.value is not None
            and len(word.fields) == 1
            and name in self.given
            and self.variables.get(name) == self.given[name]
        )

    def _heredoc_backticks(self, body: str) -> None:
        """An unquoted here-document runs its `…` like $(…); the grammar leaves them as text."""
        bodies = backtick_bodies(body)
        if bodies:
            self.script.inner_scripts.extend(bodies)
            if len(self.script.constructs) < 64:
                evidence = f"backticks in a here-document body: {bodies[0][:60]!r}"
                self.script.constructs.append(("shell-expansion", evidence))

    def piped_file(self, node: Any, word: Word) -> Word:
        """``diff <(sort a.txt) <(sort b.txt)``: a process substitution whose commands only
        read files below the working directory hands the program a pipe holding those
        files' lines, so the program is judged as given the (last) file it reads; the
        commands themselves are judged on their own. Any other substitution stays a
        construct (``bash <(echo …)`` runs text the line makes up)."""
        if not self.text(node).startswith("<("):
            return word
        inner = [c for c in node.named_children if c.type != "comment"]
        if len(inner) != 1:
            return word
        stages = [inner[0]] if inner[0].type == "command" else []
        if inner[0].type == "pipeline":
            stages = list(inner[0].named_children)
            if any(c.type == "|&" for c in inner[0].children):
                return word  # standard error joins the lines
        source = self._file_read_by(stages)
        if source is None:
            return word
        return Word(word.written, source, (source,), [], word.substitutions)

    def _file_read_by(self, stages: list[Any]) -> str | None:  # noqa: PLR0911
        """The last file the first stage reads, if every stage is a file reader with plain
        words (later stages read only the earlier ones' output); else ``None``."""
        source = None
        for index, stage in enumerate(stages):
            if stage.type != "command":
                return None
            words: list[str] = []
            for child in stage.named_children:
                if child.type not in ("command_name", "word", "raw_string", "string", "number"):
                    return None
                target = child.named_children[0] if child.type == "command_name" else child
                word = resolve_word(target, self.source, {})
                if word.value is None or word.constructs or word.glob or word.substitutions:
                    return None
                words.append(word.value)
            if index == 0 and (_tracked_file(words) or tuple(words) in _LISTINGS):
                # git show HEAD:a.py: that file; pip freeze, git ls-files: lines about the
                # workspace, read as standard input ("-")
                source = words[2].partition(":")[2] if words[:2] == ["git", "show"] else "-"
                continue
            if not words or words[0] not in _FILE_READERS:
                return None
            operands = [w for w in words[1:] if not w.startswith("-")]
            options = [w for w in words[1:] if w.startswith("-")]
            if any(o.startswith("--") or not o[1:].isalnum() for o in options):
                return None  # long options (--files0-from=…) can read other files
            if not all(_inside(o) for o in operands):
                return None
            if index == 0:
                if not operands:
                    return None  # reads standard input: whatever the outer line feeds it
                source = operands[-1]
            elif operands and words[0] not in ("head", "tail", "cut", "wc", "sort", "uniq"):
                return None
        return source

    def change_directory(self, words: list[Word]) -> None:
        self.moved = True
        previous = self.cwd
        self._change_directory(words)
        self.variables["OLDPWD"] = previous
        self.variables["PWD"] = self.cwd

    def _change_directory(self, words: list[Word]) -> None:
        if any(w.value == "-" for w in words[1:]):
            # cd - returns to $OLDPWD; unknown: judge later relative paths from the root
            self.cwd = self.variables.get("OLDPWD", "/")
            return
        operands = [w for w in words[1:] if not (w.value or "").startswith("-")]
        if not operands:
            self.cwd = self.variables.get("HOME", self.cwd)
            return
        target = operands[0]
        if target.value is None or target.glob or len(target.fields) != 1:
            # unknown: later relative paths could be anywhere (cd /e?c && cat shadow)
            if len(self.script.constructs) < 64:
                evidence = f"cd {target.written[:60]}: a directory known only at run time"
                self.script.constructs.append(("shell-expansion", evidence))
            self.cwd = "/"
            return
        climbed = climbs_out(target.fields[0], self.cwd, self.variables)
        if climbed is not None and len(self.script.constructs) < 64:
            self.script.constructs.append(("shell-expansion", climbed))
        self.cwd = resolve_path(target.fields[0], self.cwd, self.variables.get("HOME", "/root"))


def climbs_out(target: str, cwd: str, variables: dict[str, str]) -> str | None:
    """``cd ..`` from a working directory the policy does not name lands somewhere unknown
    (its parent may hold the home's other projects, or be the home): what the line does
    there (``rm -rf project``) cannot be judged, so a person decides. The evidence, or
    ``None`` for any other cd."""
    from aegis.intent_firewall.access import UNKNOWN_WORKSPACE

    if cwd != "/" or variables.get("PWD") != UNKNOWN_WORKSPACE:
        return None
    normal = posixpath.normpath(target.replace("\\", "/"))
    if normal == ".." or normal.startswith("../"):
        return f"cd {target[:60]} leaves a working directory nobody named"
    return None


def _tracked_file(words: list[str]) -> bool:
    """``git show REV:PATH`` of a path below the working directory: that file's content at
    another revision (``diff <(git show HEAD:src/a.py) src/a.py``)."""
    if len(words) != 3 or words[:2] != ["git", "show"] or ":" not in words[2]:
        return False
    revision, _, path = words[2].partition(":")
    return (
        bool(revision)
        and not revision.startswith("-")
        and all(c.isalnum() or c in "._-~^/@{}" for c in revision)
        and _inside(path)
    )


def _inside(path: str) -> bool:
    """A relative path (or an option's value) that stays below the working directory."""
    return (
        bool(path)
        and not path.startswith(("/", "~", "$", ":", "\\"))
        and ".." not in path.replace("\\", "/").split("/")
    )


def _expanded_heredoc(node: Any) -> bool:
    """Whether the here-document's delimiter is unquoted, so that bash expands its body."""
    for child in node.named_children:
        if child.type == "heredoc_start":
            start = child.text.decode("utf-8", "replace") if child.text else ""
            return not any(mark in start for mark in "'\"\\")
    return True
