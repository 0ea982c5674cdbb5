"""Tool calls that send something out, judged by what they carry and where it goes.

Three shapes the text of one parameter does not show:

- a sending tool (comment, message, upload, mail, webhook, gist, paste) whose file,
  attachment or ``body_file`` parameter names a secret file (``.env``, keys, credentials:
  the sensitive-target catalogue) or a data dump (``.sql``, ``.sql.gz``, ``.dump``, ``*.bak``,
  a ``backups/`` directory): ``secret-in-message`` (*review*); a report or notes pass;
- a git push tool (``git.push``, ``push_branch``) whose remote is a URL (``https://…``,
  ``git@host:x.git``) rather than a configured remote's name: ``push-to-url`` (*review*), the
  tool form of ``gitpush.py``;
- any call with a URL (``http.get``, ``fetch_url``, ``http_request``) whose headers, query
  or body refer to a secret variable (``${AWS_SECRET_ACCESS_KEY}``, ``{{ secrets.X }}``,
  ``$(cat ~/.aws/credentials)``): ``secret-in-message`` (*review*), as ``messagesecrets.py``
  judges messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import re2

from aegis.intent_firewall.messagesecrets import MESSAGE_WORDS, secret_reference
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.targets import targets

__all__ = ["outbound_findings"]

SEND_WORDS = MESSAGE_WORDS | frozenset(
    {"upload", "uploads", "send", "share", "attach", "files", "mail", "email", "pastebin",
     "gists", "dm", "sms", "notify", "notification", "drive", "dropbox", "s3"}
)  # fmt: skip
_FILE_KEY = re2.compile(r"(?i)file|attach|path|document|media|upload|content_from|source")
_DUMP = re2.compile(
    r"(?i)(?:\.(?:sql|dump|bak|backup|sqlite3?|db|bson|rdb|dmp)(?:\.(?:gz|bz2|xz|zst|zip|7z|tgz))?"
    r"$)|(?:^|/)(?:backups?|dumps?|db[-_]?exports?)/|(?:^|/)[^/]*(?:dump|backup)[^/]*\.(?:gz|zip|tar|tgz)$"
)
_URL_KEYS = frozenset({"url", "uri", "endpoint", "href", "link", "webhook_url", "target_url"})
_REMOTE = re2.compile(r"^(?:[a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:|/|\.\./|~)")
_MAX_VALUES = 64
_COPY_NAME = re2.compile(r"(?i)copy|mirror|backup|dump|export|exfil|archive|fork|clone|leak")
_WILDCARD = re2.compile(r"\*")
_WHOLE_PUSH = frozenset({"mirror", "all", "tags", "force", "all_branches", "prune"})
#: headers that carry a credential to the service it is for
_AUTH_HEADERS = frozenset(
    {"authorization", "private-token", "x-api-key", "api-key", "x-auth-token", "job-token"}
)


def outbound_findings(words: frozenset[str], frozen: Mapping[Any, Any], home: str) -> list[Hit]:
    """Findings on a call (its action ``words`` and ``frozen`` parameters) that sends."""
    hits: list[Hit] = []
    if "push" in words:
        hits.extend(_push(frozen))
    if not SEND_WORDS.isdisjoint(words):
        hits.extend(_attachments(frozen, home))
    if not MESSAGE_WORDS.isdisjoint(words):
        return hits  # messagesecrets.py judges the text of a message
    if any(isinstance(k, str) and k.casefold() in _URL_KEYS for k in frozen):
        for key, text in _strings(frozen):
            if key.rsplit(".", 1)[-1].casefold() in _AUTH_HEADERS:
                continue  # Authorization: Bearer ${GITHUB_TOKEN} to the API it is for
            why = secret_reference(text[:65536])
            if why:
                hits.append(default_hit("secret-in-message", f"{why} in {key}"))
                break
    return hits


def _push(frozen: Mapping[Any, Any]) -> list[Hit]:
    """A URL remote with a push of more than one named branch, or to a repository named as
    a copy: one feature branch pushed to a URL is how a checkout without remotes pushes."""
    remote = ""
    for key, value in frozen.items():
        if not isinstance(key, str) or not isinstance(value, str):
            continue
        folded = key.casefold()
        if ("remote" in folded or "url" in folded or folded in ("repository", "to", "target")) and (
            _REMOTE.match(value.strip().casefold())
        ):
            remote = f"{key}: {value[:100]}"
    if not remote:
        return []
    why = _COPY_NAME.search(remote)
    for key, value in frozen.items():
        folded = str(key).casefold()
        if isinstance(value, str) and "*" in value:
            why = why or _COPY_NAME.search(f"{key} {value}") or _WILDCARD.search(value)
        elif folded in _WHOLE_PUSH and value not in (False, None, "", "false", 0):
            return [default_hit("push-to-url", f"{remote} with {key}")]
        elif isinstance(value, list | tuple) and len(value) > 1:
            return [default_hit("push-to-url", f"{remote} with {len(value)} refs in {key}")]
    return [default_hit("push-to-url", f"{remote} ({why.group(0)})")] if why else []


def _attachments(frozen: Mapping[Any, Any], home: str) -> list[Hit]:
    for key, text in _strings(frozen):
        if not _FILE_KEY.search(key) or len(text) > 4096 or "\n" in text:
            continue
        why = _sent_file(text.strip(), home)
        if why:
            return [default_hit("secret-in-message", f"{why} {text[:100]!r} in {key}")]
    return []


def _sent_file(path: str, home: str) -> str:
    normal = path.replace("\\", "/")
    if normal.startswith("~"):
        normal = home + normal[1:]
    if _DUMP.search(normal):
        return "a data dump"
    absolute = normal if normal.startswith("/") else "/" + normal.removeprefix("./")
    if targets().classify(absolute.casefold(), home) == "credential":
        return "a secret file"
    return ""


def _strings(frozen: Mapping[Any, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [(str(k), v) for k, v in frozen.items()]
    while stack and len(found) < _MAX_VALUES:
        key, value = stack.pop()
        if isinstance(value, str):
            found.append((key, value))
        elif isinstance(value, Mapping):
            stack.extend((f"{key}.{k}", v) for k, v in value.items())
        elif isinstance(value, list | tuple):
            stack.extend((key, v) for v in value)
    return found
