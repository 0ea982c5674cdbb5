"""One string of a request judged: as a command line, code, SQL, a destination or text,
as its key and the tool around it say (``collect``), each distinct value once.
"""

from __future__ import annotations

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.analysis import judge_argv, judge_shell
from aegis.intent_firewall.authorityglyphs import foreign_authorities
from aegis.intent_firewall.ciexpressions import ci_filled
from aegis.intent_firewall.ciscripts import unpublished, writes_ci_file
from aegis.intent_firewall.contentrefs import workspace_variables, written_text_value
from aegis.intent_firewall.declaredencoding import decoded_text, is_blob
from aegis.intent_firewall.environment import judge_assignment
from aegis.intent_firewall.fileheaders import file_headers_dropped
from aegis.intent_firewall.filekinds import DATA_KINDS
from aegis.intent_firewall.hookspath import tool_hooks
from aegis.intent_firewall.injection import reads_as_prose
from aegis.intent_firewall.ipymagics import notebook_cell
from aegis.intent_firewall.languagetools import code_program
from aegis.intent_firewall.modes import is_setuid
from aegis.intent_firewall.namedtools import named_program
from aegis.intent_firewall.orders import prose_like
from aegis.intent_firewall.plainreader import PlainReader
from aegis.intent_firewall.plaintext import (
    FILE_TEXT_KEYS,
    URL_KEY_ENDINGS,
    code_hits,
    sql_code,
    sql_reading,
    writes_file_text,
)
from aegis.intent_firewall.readings import (
    MEMO_CHARS,
    MEMO_ENTRIES,
    NOT_COMMANDS,
    PLAIN_WORD,
    SCRIPT_KEYS,
    SPECIAL_KEYS,
    has_surrogates,
    selector_value,
)
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.searchtools import search_text
from aegis.intent_firewall.sqlresets import forgiven_sql
from aegis.intent_firewall.stdinscripts import (
    STDIN_KEYS,
    stdin_code_program,
    stdin_shell_key,
    without_stdin_shell,
)
from aegis.intent_firewall.storage import storage_bucket, storage_uris_written
from aegis.intent_firewall.text import (
    MAX_DISTINCT_CHARACTERS,
    MAX_NORMALISATION_GROWTH,
    canonical_text,
    distinct_characters,
    hidden_text,
    mixed_script_words,
    normalisation_growth,
)
from aegis.intent_firewall.textchecks import (
    code_danger,
    config_exec,
    secret_in_text,
)
from aegis.intent_firewall.toolcommands import cli_word_key
from aegis.intent_firewall.valuereading import (
    CODE_KEYS,
    DESTINATION_UNITS,
    ENV_ACTIONS,
    INPUT_KEYS,
    KERNEL_WORDS,
    RUNNING_WORDS,
    SEARCH_KEYS,
    SEARCHES,
    SEARCHING_WORDS,
    SERIALISED_KEY_PARTS,
    SHELL_TOOLS,
    command_key,
    decoded_key,
    editor_operation,
    encoded_key,
    free_text_hits,
    judged_already,
    names_destination,
    runs_code,
    search_line,
)
from aegis.intent_firewall.vocabulary import (
    COMMAND_KEYS,
    COMMAND_WORDS,
    FILE_WORDS,
    NETWORK_WORDS,
    PERM_WORDS,
    RUN_WORDS,
    name_words,
)  # fmt: skip

__all__ = ["ValueJudge"]

#: Words of a tool's name that name no program (run_command, execute_tool).
_NOT_PROGRAMS = COMMAND_WORDS | RUNNING_WORDS
_NAME_KEYS = frozenset({"name", "file_name", "filename", "fname"})
_MODE_KEYS = frozenset({"mode", "permissions", "perms", "perm", "file_mode", "chmod"})


class ValueJudge(PlainReader):
    """Each distinct string of the request judged once, as its key says it is used."""

    def remembered(self, text: str, where: str, key: str) -> None:
        """Action names and contexts repeat: their findings are kept per policy (bounded)."""
        if len(text) > MEMO_CHARS:
            self.keep(self.collect(text, key, ""), where)
            return
        memo_key = (key, text, self.cwd, self.job.cwd_known)
        hits = self.memo.get(memo_key)
        if hits is None:
            if len(self.memo) >= MEMO_ENTRIES:
                self.memo.clear()
            hits = self.memo[memo_key] = tuple(self.collect(text, key, ""))
        self.keep(hits, where)

    def text(self, text: str, where: str, key: str, tool: str) -> None:
        if key in _NAME_KEYS and self.words & FILE_WORDS:
            key = "path"  # read_file {name: .env}: a file tool's name is a file name
        elif key in _MODE_KEYS and self.words & PERM_WORDS and is_setuid(text.strip()):
            self.keep([default_hit("setuid", f"{self.request.action} {key}={text[:20]}")], where)
        self.quoted = self.writes_file and written_text_value(where)
        if self.quoted:
            text = workspace_variables(text, self.cwd)
        memo_key = (text, key, tool, self.context_text is not None, self.quoted)
        hits = self.seen.get(memo_key)
        if hits is None:
            hits = self.seen[memo_key] = self.uncached(text, key, tool)
        self.quoted = False
        self.keep(hits, where)

    def uncached(self, text: str, key: str, tool: str) -> list[Hit]:
        if (
            key in ("<key>", "<argv>")
            and text.isascii()
            and not self.custom
            and (key == "<argv>" or not any(c in text for c in " ;|&$`"))
        ):
            return []  # plain keys and argv words only matter to custom rules
        if (
            len(text) < 64
            and PLAIN_WORD.issuperset(text)
            and key not in SPECIAL_KEYS
            and not self.custom
            and not (tool and name_words(tool) & SHELL_TOOLS)
            and not tool.startswith("<env>")  # PERL5OPT=-MEvil: the name gives the meaning
            and not encoded_key(key)
            and not (self.words & (COMMAND_WORDS | NETWORK_WORDS) and "." in text)
            and not (key == "name" and "." in text)  # a file tool's name: ".env"
            and not ("." in text and key.endswith(URL_KEY_ENDINGS))  # smtp_hostname: a host
            # node.eval {code: process.env.TOKEN}: one word of code is still code
            and code_program(name_words(tool) | self.words if tool else self.words, key) is None
            and not (len(text) > 19 and secret_in_text(text.lower()) is not None)  # a bare token
        ):
            return []  # an identifier-like word under an ordinary key: nothing to judge
        budget = self.job.commands
        if budget is not None and not budget.judge_value(text):
            return [default_hit("too-large", budget.too_much())]
        if budget is not None and names_destination(text, key):
            # a destination is judged as a URL, a host and a query, twice the usual cost
            budget.spend(DESTINATION_UNITS)
        return self.collect(text, key, tool)

    def collect(self, text: str, key: str, tool: str) -> list[Hit]:  # noqa: PLR0911, PLR0912, PLR0915
        limits = self.policy.limits
        if len(text) > limits.max_string:
            return [default_hit("too-large", f"{len(text)} characters")]
        if text.isascii():
            # ASCII (nearly every value): no surrogate, normalisation, script or hidden
            # character to look for, and its canonical form is its lower case
            canonical = text.lower()
            hits: list[Hit] = []
        else:
            if has_surrogates(text):
                text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
                return [default_hit("opaque-value", "text with lone surrogates"), *self.collect(
                    text, key, tool)]  # fmt: skip
            growth = normalisation_growth(text)
            if growth > MAX_NORMALISATION_GROWTH:
                # 16,000 U+FDFA become 288,000 characters: not inspected, never passed
                return [default_hit("too-large", f"{len(text)} characters that normalise to "
                                    f"over {growth} more")]  # fmt: skip
            distinct = distinct_characters(text)
            if distinct > MAX_DISTINCT_CHARACTERS:
                return [default_hit("too-large", f"text of {distinct} distinct characters")]
            canonical = canonical_text(text)
            hits = [default_hit("mixed-script", repr(word)) for word in mixed_script_words(text)]
            hits += [default_hit("unknown-network-destination", odd)
                     for odd in foreign_authorities(text, self.policy.allowed_hosts)]  # fmt: skip
            hidden = hidden_text(text)
            if hidden is not None:
                hits.append(default_hit("hidden-text", hidden))
        if self.custom:
            hits.extend(
                Hit(rule.id, rule.severity, rule.effect, rule.description or "custom rule",
                    text[:120])
                for rule in self.policy.custom.matches(canonical)
            )  # fmt: skip
        if key == "<argv>" or (key == "<key>" and not any(c in text for c in " ;|&$`")):
            return hits
        if key == "<key>":
            key = ""  # a key that reads like a command is judged like a value
        if search_text(self.search_tool, key):
            # search {pattern: 'nc -e'}: what it looks for is neither run nor read; only a
            # secret in it is sent (searchtools.py)
            if secret_in_text(canonical) is not None:
                hits.append(default_hit("secret-in-text", f"{text[:40]!r}…"))
            return hits
        searching = (key in SEARCH_KEYS and bool(self.words & SEARCHING_WORDS)) or search_line(
            canonical, key
        )
        # parsed SQL's data literals are data: the generic checks read its code (plaintext.py)
        sql = sql_reading(key, canonical, self.job)
        sql = forgiven_sql(sql, text, key, self.request.parameters, self.request.action)
        seen, seen_text = sql_code(sql, canonical, text)
        if seen is not canonical:
            hits = code_hits(hits, text, seen)
        if not searching:
            authored = writes_file_text(key, self.words, text) or (
                self.written is not None and key in FILE_TEXT_KEYS
            )
            authored = authored and not (key in FILE_TEXT_KEYS and self.written == "instructions")
            # a fixture of payloads or a document quoting them: nothing loads them as code
            loads = not (key in FILE_TEXT_KEYS and self.written in DATA_KINDS)
            test = key in FILE_TEXT_KEYS and self.written == "test"
            found = free_text_hits(seen, seen_text, authored=authored, loads=loads, test=test)
            filed = authored and key in FILE_TEXT_KEYS  # a file's keys are no headers
            hits.extend(file_headers_dropped(found, seen, seen_text) if filed else found)
            if seen is not canonical and secret_in_text(canonical) is not None:
                hits.append(default_hit("secret-in-text", f"{text[:40]!r}…"))  # still written
        if encoded_key(key):
            hits.extend(self.encoded(text, key, tool))
            if is_blob(text):
                return hits  # the blob is no command line: only what it decodes to runs
        words = name_words(tool) | self.words if tool and tool != "<env>" else self.words
        if self.search_tool:
            words |= SEARCHES  # find_in_files {root: /}: every file below the root is read
        # "Summary: run `make test`" unpacked from a context's YAML is prose the agent was
        # given, not a line to run: only a command key (run:, cmd:) makes its value one
        from_context = self.context_text is not None and text in self.context_text
        scope = self.scope(prose=False)
        if tool.startswith("<env>") or (not tool and self.words & ENV_ACTIONS):
            judge_assignment(scope, key, canonical, text)
            if (
                "." in key
                and config_exec(f"{key}={canonical}".lower()) is not None
                and not tool_hooks(scope, key, canonical, self.request.parameters)
            ):
                # {"key": "core.sshCommand", "value": …}: a setting that runs a program
                scope.hit("interpreter-code", f"setting {key}={text[:80]!r}")
        cell = notebook_cell(key, words, text)
        if cell is not None:
            # %pip, !cmd, %%bash, %run: the command lines a cell's magics run, then its Python
            for line in cell.shell:
                judge_shell(canonical_text(line, fold=False), scope, self.job)
            for rule, evidence in cell.findings:
                scope.hit(rule, evidence)
            text, canonical = cell.python, canonical_text(cell.python)
        # runPython {code}, node.eval {script}: the code of that interpreter's -c or -e
        program = code_program(words, key) or stdin_code_program(key, text, self.request.parameters)
        if (
            program is None
            and key in CODE_KEYS
            and runs_code(words, self.request.parameters)
            and code_danger(canonical)
        ):
            scope.hit("interpreter-code", f"{self.request.action} runs {text[:80]!r}")
        # pytest {args: ["-q"]}: one argument of the program the tool is named after; a
        # program's name alone in the argv of a tool that names none (exec {argv: ["reboot"]})
        # is that program run
        single = (
            key in ("args", "arguments", "argv")
            and not any(c.isspace() for c in text)
            and not (
                key == "argv"
                and named_program(frozenset({text.lower()}), frozenset()) is not None
                and named_program(words, _NOT_PROGRAMS) is None
            )
        )
        # a shell tool's input is a command line even when it is one word (``poweroff``)
        shell_input = key in INPUT_KEYS and bool(tool) and bool(name_words(tool) & SHELL_TOOLS)
        command = (
            program is None
            and not single
            and not editor_operation(key, words, canonical)
            and not cli_word_key(key, words, text)
            and not (key in CODE_KEYS and words & KERNEL_WORDS and "\n" in canonical)
            and (
                key in COMMAND_KEYS
                or shell_input
                or stdin_shell_key(key, text, self.request.parameters)
                or command_key(key)
                or (
                    not from_context
                    and bool(words & COMMAND_WORDS)
                    and key not in NOT_COMMANDS
                    # stdin: "1\n2\n3": numbers a program reads, no line a shell could run
                    and not (key in STDIN_KEYS and not any(c.isalpha() for c in canonical))
                    and not selector_value(key, canonical)
                    and any(c in canonical for c in " \t\n;|&$`<>")
                    and (
                        # a substitution runs whatever words surround it (not slow $(…));
                        # backquotes in prose are how sentences quote code
                        "$(" in canonical
                        or (
                            not reads_as_prose(canonical)  # run_agent {prompt: "Bitte …"}
                            and not prose_like(text)  # sentences: the commands they order
                        )
                    )
                )
            )
            and not canonical.lstrip().startswith("-")
        )
        judged: str | None = None  # the text the plain reading judged as a URL
        if program is not None:
            judge_argv([*program, canonical_text(text, fold=False)], scope, self.job)
        elif command:
            if len(canonical) > limits.max_shell:
                scope.hit("too-large", f"command line of {len(canonical)} characters")
            else:
                judge_shell(
                    canonical_text(ci_filled(text, runner=self.quoted), fold=False),
                    scope,
                    self.job,
                )
        elif key in SCRIPT_KEYS and words & (RUN_WORDS | COMMAND_WORDS | {"script"}):
            scope.hit("user-script", f"script {text[:100]!r}")
        else:
            judged = self.plain(canonical, text, key, words, scope, sql=sql)
        if "://" in seen:
            for url in self.destinations(seen, key, command=command):
                if not judged_already(url, judged, self.job.cwd == self.cwd):
                    judge_url(scope, url, url, self.cwd)
            if key in CODE_KEYS and words & KERNEL_WORDS:
                for uri in storage_uris_written(seen):  # df.to_csv("s3://share/x") in a cell
                    bucket = storage_bucket(uri)
                    scope.hit("unknown-network-destination", f"cloud storage bucket {bucket!r}")
        hits.extend(scope.hits)
        if command and writes_ci_file(self.request.parameters):
            hits = unpublished(hits)  # a release workflow's step, written, not run
        return without_stdin_shell(hits, key, text, self.request.parameters)

    def encoded(self, text: str, key: str, tool: str) -> list[Hit]:
        """``{"command_b64": "cm0gLXJmIH4="}``: the decoded text is judged under the key's
        plain name; serialised objects (pickle, marshal) run code when loaded."""
        if any(part in key for part in SERIALISED_KEY_PARTS):
            return [
                default_hit("code-in-data", f"{key} holds a serialised object: loading runs code")
            ]
        decoded = decoded_text(text)
        if decoded is None:
            return [default_hit("opaque-value", f"{key} holds encoded data that is not text")]
        return self.collect(decoded, decoded_key(key), tool)
