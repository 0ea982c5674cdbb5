"""Parts of the shell walk that read one construct each: assignments, redirections and
here-documents, and ``cd``/``pushd`` moving the working directory.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.shellmodel import REDIRECTS, Context, Redirect, Script
from aegis.intent_firewall.words import Word, backtick_bodies

__all__ = ["WalkerParts"]


class WalkerParts:
    """Mixed into the walker, which provides the state and ``text``/``word`` declared here."""

    cwd: str
    moved: bool
    variables: dict[str, str]
    trailing: list[Word]
    script: Script

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
        target = self.word(targets[0], context, stack)
        # tree-sitter hangs words after a redirection's target on the redirection; for bash
        # they are the command's arguments (``cmd 2>&1 arg``)
        self.trailing.extend(self.word(extra, context, stack, emit=False) for extra in targets[1:])
        if node.type == "herestring_redirect":
            return [Redirect("<<<", target, target.value)]
        return [Redirect(operator, target)]

    def _heredoc_backticks(self, body: str) -> None:
        """An unquoted here-document runs its `…` like $(…); the grammar leaves them as text."""
        bodies = backtick_bodies(body)
        if bodies:
            self.script.inner_scripts.extend(bodies)
            if len(self.script.constructs) < 64:
                evidence = f"backticks in a here-document body: {bodies[0][:60]!r}"
                self.script.constructs.append(("shell-expansion", evidence))

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
            self.cwd = "/"  # unknown: judge later relative paths as if from the root
            return
        self.cwd = resolve_path(target.fields[0], self.cwd, self.variables.get("HOME", "/root"))


def _expanded_heredoc(node: Any) -> bool:
    """Whether the here-document's delimiter is unquoted, so that bash expands its body."""
    for child in node.named_children:
        if child.type == "heredoc_start":
            start = child.text.decode("utf-8", "replace") if child.text else ""
            return not any(mark in start for mark in "'\"\\")
    return True
