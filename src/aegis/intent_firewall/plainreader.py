"""Where a request's values lead when read as text: the URLs of a value that are places
the request reaches, and a value that is no command line judged as plain text (paths,
destinations, SQL, prose, and the commands a written build file or script carries).
"""

from __future__ import annotations

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.analysis import judge_shell
from aegis.intent_firewall.autorun import script_kind
from aegis.intent_firewall.contentrefs import quoted_reference
from aegis.intent_firewall.emulators import aws_local_files
from aegis.intent_firewall.filekinds import DATA_KINDS
from aegis.intent_firewall.hosts import urls_in
from aegis.intent_firewall.injection import without_quoted
from aegis.intent_firewall.judgestate import JudgeState
from aegis.intent_firewall.orders import ordered_urls, prose_like
from aegis.intent_firewall.plaintext import (
    FILE_TEXT_KEYS,
    PlainValue,
    judge_plain,
)
from aegis.intent_firewall.readings import (
    CONTENT_KEYS,
)
from aegis.intent_firewall.schemarefs import schema_refs_dropped
from aegis.intent_firewall.sql import SqlJudgement
from aegis.intent_firewall.text import (
    canonical_text,
)
from aegis.intent_firewall.textchecks import (
    code_danger,
)
from aegis.intent_firewall.vocabulary import (
    COMMAND_WORDS,
    RUN_WORDS,
    URL_KEYS,
)  # fmt: skip
from aegis.intent_firewall.xmlnames import without_namespace_names

__all__ = ["PlainReader"]


class PlainReader(JudgeState):
    """Values read as text rather than run: their destinations and their plain reading."""

    def destinations(self, canonical: str, key: str, *, command: bool) -> list[str]:
        """The URLs of a value that are places the request reaches: none in a document or
        data file written (``filekinds.py``), those outside string literals in a test
        source, all in other files (code and configuration fetch them), and in sentences
        and agent instruction files only those the text orders reached (``orders.py``)."""
        kind = self.written if key in FILE_TEXT_KEYS else None
        if kind in DATA_KINDS:
            return []
        if kind == "test":
            return list(urls_in(without_quoted(canonical)))
        found = canonical
        if "xmlns" in canonical:  # <svg xmlns="http://…">: a name, never fetched
            found = without_namespace_names(canonical)
        urls = schema_refs_dropped(canonical, list(urls_in(found)), key, self.writes_file)
        if kind == "instructions":
            return ordered_urls(canonical, urls)  # AGENTS.md: the URLs it orders reached
        if command or key in URL_KEYS or (key in FILE_TEXT_KEYS and self.writes_file):
            # a file of code or configuration: its URLs are fetched; a command line's
            # AWS CLI file:// values are files it reads (judged with its words)
            return aws_local_files(canonical, urls) if command else urls
        if not prose_like(canonical):
            return urls
        return ordered_urls(canonical, urls)

    def plain(
        self,
        canonical: str,
        text: str,
        key: str,
        words: frozenset[str],
        scope: Scope,
        *,
        sql: SqlJudgement | None = None,
    ) -> str | None:
        """The value read as text (``plaintext.judge_plain``); the text it judged as a URL."""
        run = self.auto_run if key in CONTENT_KEYS else None
        if key in FILE_TEXT_KEYS and run is None and text[:2] == "#!":
            run = script_kind(text)  # tools/bootstrap opening with #!/bin/sh
        elif key in FILE_TEXT_KEYS and run is None and self.written == "test":
            # a test source's strings are data, but for those its code runs when imported
            run = "python" if code_danger(without_quoted(canonical)) else None
        if run is not None:
            from aegis.intent_firewall.autorun import carried_commands

            carried = self.scope(prose=True)
            for line in carried_commands(run, text):
                judge_shell(canonical_text(line, fold=False), carried, self.job)
            scope.hits.extend(carried.hits)
        return judge_plain(
            PlainValue(
                canonical,
                text,
                key,
                words,
                self.recursive,
                sql,
                self.context_text is not None,
                quoted=self.quoted and quoted_reference(key),
            ),
            scope,
            self.job,
            self.policy.limits.max_shell,
            documentation=key in FILE_TEXT_KEYS and self.documentation,
            prose_commands=key not in CONTENT_KEYS
            or self.typing
            or bool(self.words & (COMMAND_WORDS | RUN_WORDS)),
            injection=self.context_text is None or text not in self.context_text,
            instructions=key in FILE_TEXT_KEYS and self.written == "instructions",
            data_file=key in FILE_TEXT_KEYS and self.written in DATA_KINDS,
        )
