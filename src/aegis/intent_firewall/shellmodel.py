"""What the shell walk produces: simple commands with their words, assignments and
redirections, and the node kinds the walk understands (everything else is a finding).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aegis.intent_firewall.words import Word

__all__ = ["IGNORED", "MAX_COMMAND_WORDS", "MAX_LINE_COMMANDS", "MAX_NESTING", "REDIRECTS",
           "STRUCTURE", "WORDISH", "Context", "Redirect", "Script", "SimpleCommand"]  # fmt: skip

#: Simple commands parsed per line (by either reader); the judge looks at fewer (see
#: analysis), so the rest of a longer line is neither built nor judged.
MAX_LINE_COMMANDS = 256
#: Words, redirections and assignments resolved per simple command (or per ``for`` loop's
#: list): each costs a resolution and a judgement, and a 4,096-character line holds 2,000
#: of them. Past the bound the rest is neither resolved nor judged, and that is a finding.
MAX_COMMAND_WORDS = 512
#: Brackets, braces and parentheses open at once in a line given to the parser: deeper
#: nesting (``$((a[a[a[…]]]))``) makes tree-sitter's time grow far faster than the line.
MAX_NESTING = 128

#: Node kinds whose children are walked as statements.
STRUCTURE = frozenset(
    {
        "program", "list", "pipeline", "subshell", "compound_statement", "if_statement",
        "elif_clause", "else_clause", "while_statement", "for_statement", "do_group",
        "case_statement", "case_item", "negated_command", "function_definition",
        "test_command", "binary_expression", "unary_expression", "parenthesized_expression",
        "variable_assignments",
    }
)  # fmt: skip
WORDISH = frozenset(
    {
        "word", "string", "raw_string", "ansi_c_string", "translated_string", "number",
        "concatenation", "simple_expansion", "expansion", "command_substitution",
        "process_substitution", "arithmetic_expansion", "brace_expression", "regex",
        "extglob_pattern", "test_operator",
    }
)  # fmt: skip
IGNORED = frozenset({"comment", "heredoc_body", "heredoc_start", "heredoc_end", "file_descriptor"})
REDIRECTS = frozenset({"file_redirect", "heredoc_redirect", "herestring_redirect"})


@dataclass(slots=True)
class Redirect:
    operator: str
    target: Word | None
    body: str | None = None


@dataclass(slots=True)
class SimpleCommand:
    words: list[Word]
    assignments: list[tuple[str, Word]]
    redirects: list[Redirect]
    cwd: str
    stdin_from: tuple[str, ...] = ()
    #: Programs run inside substitutions among this command's words (``bash <(curl …)``).
    fed_by: list[str] = field(default_factory=list)
    function: str = ""
    cwd_moved: bool = False

    @property
    def program(self) -> str:
        if not self.words or not self.words[0].fields:
            return ""
        return self.words[0].fields[0].rsplit("/", 1)[-1]


@dataclass(slots=True)
class Script:
    commands: list[SimpleCommand] = field(default_factory=list)
    #: (rule, evidence) for what the walk could not resolve.
    constructs: list[tuple[str, str]] = field(default_factory=list)
    functions: set[str] = field(default_factory=set)
    nodes: int = 0
    #: Command text bash runs that the grammar leaves as text (backticks in ``${x-…}`` or
    #: in an unquoted here-document): judged as command lines of their own.
    inner_scripts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Context:
    #: (stage index, program) of the pipeline this command is in, in order.
    stages: list[tuple[int, str]] | None = None
    stage: int = 0
    feeds: list[str] | None = None
    function: str = ""
