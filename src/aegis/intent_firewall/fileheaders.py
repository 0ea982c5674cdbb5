"""Keys of a file being written are not header lines.

``code_in_data`` (``data/patterns.toml``) counts a line break followed by a header name
(``\\nHost:``, ``\\nBcc:``, ``\\nSet-Cookie:``) as header splitting: in a value that becomes
an HTTP or mail header, the break starts a header of the attacker's. Text a tool writes into
a file is no header: a YAML or INI configuration has keys of those names on lines of their
own (``server:\\n  host: 127.0.0.1``, ``mail:\\n  to: ops@localhost``). So for file text the
finding is kept only when something other than such lines matches; spreadsheet formulas
and every other loader pattern still count, and header values anywhere else (request
headers, mail fields) are judged as before.
"""

from __future__ import annotations

from aegis.intent_firewall.filekinds import spreadsheet_formula
from aegis.intent_firewall.rules import Hit
from aegis.intent_firewall.textchecks import code_in_data

__all__ = ["file_headers_dropped"]

#: The header names of the header-splitting pattern in ``data/patterns.toml``.
_HEADER_NAMES = (
    "bcc", "cc", "to", "set-cookie", "cookie", "location", "content-type", "content-length",
    "transfer-encoding", "authorization", "host", "x-",
)  # fmt: skip
#: What is put in front of such a key, so the pattern no longer sees a header name there.
_MARK = "_"


def file_headers_dropped(hits: list[Hit], canonical: str, text: str) -> list[Hit]:
    """``hits`` of a file's text without a ``code-in-data`` finding that only header-named
    keys drew (see the module's docstring). Called only on findings, so a text with none
    costs nothing more."""
    if not any(hit.rule == "code-in-data" for hit in hits) or spreadsheet_formula(text):
        return hits
    if code_in_data(_unheadered(canonical)) is not None:
        return hits
    return [hit for hit in hits if hit.rule != "code-in-data"]


def _unheadered(canonical: str) -> str:
    """``canonical`` with a mark before every key named like a header at a line's start."""
    lines = canonical.split("\n")
    for index in range(1, len(lines)):
        line = lines[index]
        body = line.lstrip(" \t\r")
        if body.startswith(_HEADER_NAMES) and _key_line(body):
            lines[index] = line[: len(line) - len(body)] + _MARK + body
    return "\n".join(lines)


def _key_line(body: str) -> bool:
    """``host: x``, ``x-request-id :``: a name of letters and dashes, then a colon."""
    name, colon, _ = body.partition(":")
    return bool(colon) and all(c.isalpha() or c in "-_ \t" for c in name)
