"""Injection payloads carried in a URL's query values, to any host.

An agent probing a web application (often the one it is building, on loopback) sends
``?id=1'%20OR%201=1--``, ``?file=..%252f..%252fetc%252fpasswd`` or ``?host=127.0.0.1;id``:
the host is allowed, the payload is the attack. Each query value is percent-decoded as a
server would (``+`` is a space; decoded again while a second layer of encoding remains, at
most three times) and judged for the shapes of SQL injection (the same RE2 patterns as a
plain field), path traversal (``../``, ``..\\``, ``....//`` and absolute system paths), and
command injection (a shell separator followed by a command, backquotes, ``$(``). The path
is judged for traversal only where it is encoded (``/..%2f..%2f``): a literal ``../`` in a
path is resolved by the client before it is sent. Heuristic, like every injection shape:
*review*, never *block*. ``?q=O'Brien``, ``?sort=-created`` and ``?q=rock+%26+roll`` pass.
"""

from __future__ import annotations

from urllib.parse import unquote_plus

from aegis.intent_firewall.items import Item
from aegis.intent_firewall.textchecks import sql_injection_shape

__all__ = ["field_payload_findings", "query_payload_findings"]

_MAX_URL = 8192
_MAX_VALUES = 64
_DECODE_ROUNDS = 3
#: Commands an injection probe runs after a separator (PayloadsAllTheThings' command
#: injection page: identity, listing, reading, reaching out, delaying, a shell).
_PROBE_COMMANDS = frozenset(
    {"id", "whoami", "uname", "cat", "ls", "dir", "nc", "ncat", "netcat", "curl", "wget",
     "bash", "sh", "zsh", "dash", "python", "python3", "perl", "php", "ruby", "node", "ping",
     "sleep", "nslookup", "dig", "host", "rm", "echo", "printf", "busybox", "powershell",
     "pwsh", "cmd", "type", "net", "ifconfig", "ipconfig", "env", "set", "pwd", "hostname",
     "telnet", "socat", "chmod", "touch", "tftp", "timeout", "head", "tail", "more", "less",
     "xterm", "eval", "exec", "base64", "xxd", "od", "find", "awk", "sed", "sudo", "su",
     "systeminfo", "tasklist", "whoami.exe", "cmd.exe", "certutil", "bitsadmin", "mshta"}
)  # fmt: skip
_SEPARATORS = (";", "|", "&", "\n", "\r", "%0a")
#: Absolute paths a query value names to read a system file (local file inclusion).
_SYSTEM_ROOTS = ("/etc/", "/proc/", "/root/", "/var/log/", "/sys/", "/boot/", "/dev/",
                 "c:\\windows", "c:/windows", "c:\\users", "/windows/", "file:")  # fmt: skip


def query_payload_findings(url: str) -> list[tuple[str, str]]:
    """``(rule, evidence)`` for each kind of payload ``url``'s query or encoded path holds."""
    url = url[:_MAX_URL]
    path, mark, rest = url.partition("?")
    found: dict[str, str] = {}
    if "%" in path:
        decoded_path = _decoded(path.partition("://")[2] or path)
        if _traversal(decoded_path):
            found["path-evasion"] = f"encoded traversal in the URL path {path[:100]!r}"
        elif any(marker in path.lower() for marker in _OVERLONG):
            # %c0%af is an overlong "/": no valid UTF-8, only a filter that decodes it
            found["path-evasion"] = f"overlong UTF-8 in the URL path {path[:100]!r}"
    if mark:
        query = rest.partition("#")[0]
        for pair in query.split("&")[:_MAX_VALUES]:
            value = _decoded(pair.partition("=")[2] if "=" in pair else pair)
            if not value:
                continue
            for rule, evidence in _value_findings(value):
                found.setdefault(rule, f"{evidence} in query value {value[:80]!r}")
    return list(found.items())


#: Lead bytes no valid UTF-8 has (C0, C1; E0 then 80-9F): overlong spellings of ASCII.
_OVERLONG = ("%c0", "%c1", "%e0%80", "%e0%81", "%e0%9f", "%f0%80")


def _decoded(text: str) -> str:
    """``text`` percent-decoded as a server decodes it, layer by layer (``%252e`` → ``.``)."""
    for _ in range(_DECODE_ROUNDS):
        if "%" not in text and "+" not in text:
            break
        decoded = unquote_plus(text)
        if decoded == text:
            break
        text = decoded
    return text


def _value_findings(value: str) -> list[tuple[str, str]]:
    lowered = value.lower()
    found: list[tuple[str, str]] = []
    if sql_injection_shape(lowered) is not None:
        found.append(("sql-injection-shape", "SQL injection shape"))
    if _traversal(lowered):
        found.append(("path-evasion", "path traversal"))
    command = _command_injection(lowered)
    if command:
        found.append(("command-injection-shape", command))
    return found


def _traversal(text: str) -> bool:
    text = text.lower()
    if "../" in text or "..\\" in text or "..;/" in text or "....//" in text:
        return True
    if text.endswith("/..") or text == "..":
        return True
    return text.lstrip().startswith(_SYSTEM_ROOTS)


def _command_injection(text: str) -> str:
    """The shell construct that runs a command inside ``text``, or ``""``."""
    for opener in ("`", "$(", "${"):
        index = text.find(opener)
        if index >= 0 and text[index + len(opener) : index + len(opener) + 1].isalnum():
            return f"command substitution {opener!r}"
    for separator in _SEPARATORS:
        start = 0
        while (index := text.find(separator, start)) >= 0:
            start = index + len(separator)
            word = _first_word(text[start:])
            if word in _PROBE_COMMANDS:
                return f"{separator!r} then command {word!r}"
    return ""


def _first_word(text: str) -> str:
    text = text.lstrip(" \t|&;\n\r")
    end = 0
    while end < len(text) and end < 32 and not text[end].isspace() and text[end] not in ";|&<>":
        end += 1
    word = text[:end]
    return word.rsplit("/", 1)[-1]  # /bin/sh is sh


#: Parameter names under which an HTTP tool sends form fields or a body.
_FIELD_CONTAINERS = frozenset(
    {"form", "data", "json", "body", "params", "query", "fields", "payload", "form_data",
     "formdata", "query_params", "queryparams", "files"}
)  # fmt: skip
_URL_KEYS = frozenset({"url", "uri", "endpoint", "href", "link", "target_url"})


def field_payload_findings(items: list[Item]) -> list[tuple[str, str]]:
    """Traversal and command injection in the form fields or body of a request to a URL
    (SQL shapes in any field are judged as plain text already)."""
    for item in items:  # a loop, not a generator: this runs for every request
        if item.key in _URL_KEYS and "://" in item.text:
            break
    else:
        return []
    found: dict[str, str] = {}
    for item in items[: _MAX_VALUES * 4]:
        segments = item.where.replace("<json>", "").split(".")[1:-1]
        if not _FIELD_CONTAINERS.intersection(segments) or len(item.text) > _MAX_URL:
            continue
        for rule, evidence in _value_findings(_decoded(item.text)):
            if rule != "sql-injection-shape":
                found.setdefault(rule, f"{evidence} in field {item.where}: {item.text[:80]!r}")
    return list(found.items())
